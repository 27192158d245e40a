"""Speaker resolution: give each quote's speaker its canonical name.

Stanza has no Dutch coreference, so this is a heuristic in three steps:

1. **Name index.** Every proper-name run of the document (tagged ``PROPN`` where the
   sentence was parsed, capitalised words with Dutch name particles elsewhere).
2. **Names.** A mention that holds a name maps to the fullest indexed name with the
   same surname (``Lavrov`` → ``Sergei Lavrov``).
3. **Pronouns and role nouns.** ``hij``/``zij``/``ze`` take the nearest earlier speaker,
   else the nearest earlier person name, skipping candidates whose known gender or number
   disagrees; ``de minister`` takes the name that stood in apposition with the same role
   noun earlier (``minister Sergei Lavrov``). ``ik``/``we`` (the author) and a plural
   ``ze`` with no group antecedent stay unnamed; an unnamed noun phrase is its own name.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Callable, Iterable, Iterator, Sequence

import regex

from quoteattr.document import ParsedDocument, Sentence, Token
from quoteattr.lexicon import Gender, Lexicon, Number
from quoteattr.names import NOT_NAMES, NameIndex, NameMention
from quoteattr.quote import Cue, Quote, QuoteKind, Span, Speaker
from quoteattr.sieves import Attribution, name_runs
from quoteattr.trees import children, mention_tokens, relative_clause_of

__all__ = ["resolve"]

_PERSON_PRONOUNS = {
    "hij": ("m", "sg"),
    "hem": ("m", "sg"),
    "zij": ("f", "sg"),
    "ze": ("f", "sg"),
    "haar": ("f", "sg"),
    # ``luidde zijn reactie``: a possessive mention stands for its owner.
    "zijn": ("m", "sg"),
    "z'n": ("m", "sg"),
}
_PLURAL_OBJECT_PRONOUNS = frozenset({"hen", "hun"})
_AUTHOR_PRONOUNS = frozenset({"ik", "we", "wij", "je", "jij", "u", "men", "mij", "ons"})


def _is_epithet(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is ``de`` and an epithet, or an epithet right after ``de`` (the
    parse may leave the article out of the mention). A capital ``De`` opens surnames instead,
    except at the start of a sentence (``De Bergse zou rust hebben gezocht``)."""
    words = text[start:end].split()
    if len(words) == 2 and (words[0] == "de" or (words[0] == "De" and _opens_sentence(text, start))):
        return _EPITHET.fullmatch(words[1]) is not None
    return (
        len(words) == 1
        and _EPITHET.fullmatch(words[0]) is not None
        and _ARTICLE_BEFORE.search(text, max(0, start - 4), start) is not None
    )


def _opens_sentence(text: str, start: int) -> bool:
    """Whether only spaces, quote marks or a dash stand between ``start`` and the end of the
    sentence or line before it (or the start of the text)."""
    before = text[max(0, start - 40) : start].rstrip(" \t‘’“”„\"'«»-–")
    return not before or before[-1] in ".!?:;\n"


def _name_in(text: str) -> str | None:
    """The proper-name part of a mention (``de heer Den Uyl`` → ``Den Uyl``)."""
    words = text.split()
    for index, word in enumerate(words):
        if word in _MODIFIER_PREPS and index > 0:
            # ``de politiechef in Deventer``, ``een woordvoerder van Tesco``: the name after the
            # preposition is a place or an employer, not the speaker's name.
            return None
        rest = words[index + 1 :]
        if (
            word[:1].isupper()
            and rest
            and rest[-1][:1].isupper()
            and all(w.casefold() in _PARTICLES for w in (word, *rest[:-1]))
        ):
            # ``Van der Meer``, ``Te Velde``: a surname with its particle, whatever its last word
            # means as a common word (``meer``).
            return " ".join(words[index:])
        if word[:1].isupper() and word.casefold() not in NOT_NAMES:
            following = words[index + 1] if index + 1 < len(words) else None
            if following is not None and following[:1].islower() and following not in _PARTICLES:
                continue  # ``de Engelse journalist``: a capitalised adjective, no name
            return " ".join(words[index:])
    return None


# ``de Gorinchemse`` (from Gorinchem), ``de Amerikaanse``, ``de 35-jarige``: an adjective of origin
# or age used as a noun, with the article of a person.
_EPITHET = regex.compile(r"(?:\d+-jarige|\p{Lu}\p{Ll}+(?:se|sche))")
_ARTICLE_BEFORE = regex.compile(r"\bde\s+$")
# The article that opens the name of a paper or an institution (``De`` also opens surnames).
_TITLE_ARTICLES = frozenset({"The", "Het"})
# A preposition after a mention's first word starts a modifier (an employer, a place, a goal).
_MODIFIER_PREPS = frozenset(
    {"van", "in", "bij", "uit", "voor", "op", "namens", "naar", "met", "over", "aan", "tegen"}
)
_PARTICLES = frozenset(
    {"van", "de", "der", "den", "ter", "ten", "te", "'t", "von", "da", "di", "du", "le", "la"}
)


def resolve(
    doc: ParsedDocument,
    attributions: Sequence[Attribution],
    lexicon: Lexicon,
    name_mentions: Sequence[NameMention] | None = None,
) -> list[Quote]:
    """Turn sieve output into :class:`Quote` objects with canonical speaker names, in text order.
    ``name_mentions``: the document's :func:`quoteattr.sieves.name_runs`, when the caller has them."""
    # Every lookup below is an index built once per document (names by surname, offsets by
    # binary search): a scan of all names or quotes per quote made long documents quadratic.
    names = NameIndex(name_mentions if name_mentions is not None else name_runs(doc.text, lexicon))
    text = doc.text
    resolved: list[str | None] = [None] * len(attributions)
    order = sorted(range(len(attributions)), key=lambda i: attributions[i].content[0])
    # A name's gender, by its last word: from a gendered role noun right before it
    # (``woordvoerster Anna Bakker``, ``vader Sander``), then from the pronouns resolved to it.
    gender_of: dict[str, str] = _genders_from_roles(text, names, lexicon)
    # The quotes resolved so far that got a name, in resolution (= text) order: where their
    # content starts, the name, and the last capitalised name up to each.
    spoken_starts: list[int] = []
    spoken: list[str] = []
    last_capitalised: list[str | None] = []
    sentence_starts = [sentence.start for sentence in doc.sentences]
    paragraph_breaks = _paragraph_breaks(text)
    direct_spans = _union(a.content for a in attributions if a.kind is QuoteKind.DIRECT)
    role_mentions = _fullest_role_mentions(text, attributions)
    role_uses: dict[str, _RoleUses] = {}
    opening_roles = _opening_role_subjects(text, sentence_starts, names, lexicon)
    opening_role_starts = [start for start, _, _ in opening_roles]

    def resolve_one(i: int) -> str | None:
        attribution = attributions[i]
        if attribution.floating_from is not None:
            return resolved[attribution.floating_from]
        span = attribution.speaker or attribution.name_hint
        if span is None:
            return None
        start, end = span
        mention = text[start:end]
        low = mention.casefold()
        if low in _AUTHOR_PRONOUNS:
            return None
        if low == "die":
            # ``Die zei eens dat …``: a demonstrative subject points back to a person, any gender
            # (a relative ``die`` reached the sieves' antecedent noun already).
            return _antecedent(start, None)
        if low in _PLURAL_OBJECT_PRONOUNS:
            # ``volgens hen``: the plural subject before, as for plural ``ze``; else no one.
            return _plural_antecedent(doc, sentence_starts, start)
        if low in _PERSON_PRONOUNS:
            gender, _ = _PERSON_PRONOUNS[low]
            plural = _plural_cue(doc, sentence_starts, attribution)
            if plural and low in ("ze", "zij"):
                return _plural_antecedent(doc, sentence_starts, start)
            return _antecedent(start, gender)
        if 2 <= len(mention) <= 4 and mention.isalpha() and mention.isupper():
            expanded = names.with_initials(mention) or _spelled_out(text, mention, start)
            if expanded is not None:
                return expanded
        if _is_epithet(text, start, end):
            # ``de Gorinchemse``, ``de 35-jarige``: an adjective as a noun describes a person
            # named before, the last one quoted.
            return _recent_named_speaker(start) or mention
        name = _name_in(mention)
        if name is not None:
            full = names.fullest(name.split()[-1].casefold().strip("."), through=end)
            if full is None or (full == name and len(name.split()) == 1):
                # ``Fred`` after ``Fred Boekel``: a lone first name of a person named before.
                first = names.last_with_first_word(name, through=end)
                full = first or full
            return full or name
        words = mention.split()
        role = lexicon.role_noun(words[-1]) if words else None
        if role is not None:
            # ``fysicus Dick Bierman`` where the parse stopped at the role noun; also past the
            # role's field (``hoogleraar strafrecht Henny Sackers``, ``docent staats- en
            # bestuursrecht Geerten Boogaard``).
            apposition = names.starting_at(end + 1) or names.starting_at(
                _after_field(doc, sentence_starts, end)
            )
            if apposition is not None:
                return names.fullest(apposition.surname) or apposition.text
        if role is not None and role.number_of(words[-1]) is Number.PLURAL:
            # ``onderzoekers``, ``de bonden``: a group is no one person named before.
            return mention
        if role is not None and role.collective and len(words) <= 2:
            # ``de vakbond`` after ``vakbond FNV``: an organisation named with its kind.
            named = _role_name(words[-1], start)
            if named is None and role.anaphoric and words[0].casefold() in ("de", "het"):
                named = _titled_organisation(start)
            return named or mention
        if role is not None and not role.collective:
            named = _role_name(words[-1], start)
            if named:
                return named
            fuller = role_mentions.get(words[-1].casefold())
            if fuller is not None and fuller != mention:
                # ``de politiechef`` → ``de politiechef in Deventer``, the fullest mention of the role.
                return fuller
            definite = words[0].casefold() in ("de", "het", "deze", "die") or len(words) == 1
            if definite:
                # ``Een woordvoerder van Tesco wilde … ‘…’, aldus de zegsman``: the person the
                # paragraph or the one before brought in with the same role.
                introduced = _indefinite_with_role(
                    text, lexicon, names, role.sense, _paragraph_start(paragraph_breaks, start, back=1), start
                )
                if introduced is not None:
                    return introduced
                # ``de burgemeester`` before ``burgemeester Buijs``: the document names the role later.
                named = _role_uses(words[-1]).name_after(end)
                if named:
                    return named
                # ``de korpschef`` after the person was named: only the named speaker of the last
                # quote, in this paragraph or the one before, can be meant; other names are too
                # often somebody else.
                latest = _recent_named_speaker(start)
                if latest is not None:
                    return latest
        return mention

    def _recent_named_speaker(before: int) -> str | None:
        """The named speaker of the last quote before ``before``, if that quote stands in this
        paragraph or the one before."""
        count = bisect.bisect_left(spoken_starts, before)
        latest = last_capitalised[count - 1] if count else None
        recent = count and spoken_starts[count - 1] >= _paragraph_start(paragraph_breaks, before, back=1)
        return latest if latest is not None and recent and latest == spoken[count - 1] else None

    def _antecedent(before: int, gender: str | None) -> str | None:
        """The most salient earlier speaker or introduced person whose gender does not clash."""
        count = bisect.bisect_left(spoken_starts, before)
        paragraph_floor = _paragraph_start(paragraph_breaks, before, back=2)
        window = names.starting_in(paragraph_floor, before)
        window_starts = [name.start for name in window]
        speakers = _by_salience(spoken_starts, count, spoken.__getitem__, sentence_starts, _salience)
        persons = _by_salience(
            window_starts, len(window), lambda k: _person(window[k], before), sentence_starts, _salience
        )
        # ``De docent werd ontslagen. ‘…’, zei hij.``: an unnamed person who opens a sentence.
        low = bisect.bisect_left(opening_role_starts, paragraph_floor)
        high = bisect.bisect_left(opening_role_starts, before)

        def opening_role(k: int) -> str | None:
            start, mention, role_gender = opening_roles[low + k]
            if _inside(direct_spans, start) or (gender is not None and role_gender not in (None, gender)):
                return None
            if any(_person(name, start) for name in names.starting_in(paragraph_floor, start)):
                # ``Volgens Elma Petter … De vicevoorzitter van …``: after a person was named, a
                # definite role mostly points back to that person, who is a candidate already.
                return None
            return _role_name(mention.split()[-1], before) or mention

        roles = _by_salience(
            opening_role_starts[low:high], high - low, opening_role, sentence_starts, _salience
        )
        for candidate in _merged(speakers, persons, roles):
            if candidate.split()[0].casefold() == "het":
                continue  # ``Het Parool``: a neuter name is no ``hij`` or ``zij``
            if candidate[:1].islower() and not any(lexicon.role_noun(w) for w in candidate.split()):
                continue  # ``een koopakte bevestigt dat …``: a thing is no ``hij`` or ``zij``
            known = gender_of.get(candidate.split()[-1].casefold())
            if known is not None and gender is not None and known != gender:
                continue
            if gender == "m" and _organisation(candidate, lexicon):
                continue  # ``het Hoofdvaart College``, ``KPN``: an organisation is no ``hij``
            return candidate
        return None

    def _person(name_mention: NameMention, before: int) -> str | None:
        # Names inside quoted content are talked about, not talking; a person is introduced
        # with first and last name, so a lone capitalised word (``Ajax``, a sentence-initial
        # noun) is a candidate only as the surname of such a name.
        surname = name_mention.surname
        introduced = names.introduced_at(surname)
        if introduced is None and _after_person_role(name_mention.start):
            # ``Vader Sander``, ``trainer Slot``: a role word introduces a person by one name.
            introduced = name_mention.start
        if introduced is None or introduced >= before or _inside(direct_spans, name_mention.start):
            return None
        if _in_relative_clause(doc, sentence_starts, name_mention.start, before):
            return None
        return names.fullest(surname) or name_mention.text

    def _titled_organisation(before: int) -> str | None:
        """The last name with an article of its own (``The New York Times``, ``Het Parool``: no
        person's name starts so) in this paragraph or the one before, outside direct quotes."""
        low = _paragraph_start(paragraph_breaks, before, back=1)
        for name_mention in reversed(names.starting_in(low, before)):
            first, *rest = name_mention.text.split()
            if rest and first in _TITLE_ARTICLES and not _inside(direct_spans, name_mention.start):
                return name_mention.text
        return None

    def _after_person_role(start: int) -> bool:
        words = text[max(0, start - 40) : start].split()
        role = lexicon.role_noun(words[-1].strip(",")) if words else None
        return role is not None and not role.collective

    def _salience(position: int) -> Salience:
        """Later sentences first; within one sentence its subject-like opening name first."""
        index = bisect.bisect_right(sentence_starts, position) - 1
        opening = index >= 0 and not text[sentence_starts[index] : position].strip(" \t\n‘’“”„\"'«»,")
        return index, opening, position

    def _role_name(role_word: str, before: int) -> str | None:
        """The name right after the last earlier use of the role noun (``premier Zoran Djindjic``)."""
        return _role_uses(role_word).name_before(before)

    def _role_uses(role_word: str) -> _RoleUses:
        uses = role_uses.get(role_word)
        if uses is None:
            uses = role_uses[role_word] = _RoleUses(text, role_word, names)
        return uses

    for i in order:
        resolved[i] = resolve_one(i)
        attribution = attributions[i]
        name = resolved[i]
        if name:
            spoken_starts.append(attribution.content[0])
            spoken.append(name)
            previous = last_capitalised[-1] if last_capitalised else None
            last_capitalised.append(name if name[:1].isupper() else previous)
        if attribution.speaker is not None and name:
            mention = text[attribution.speaker[0] : attribution.speaker[1]].casefold()
            if mention in _PERSON_PRONOUNS:
                gender_of.setdefault(name.split()[-1].casefold(), _PERSON_PRONOUNS[mention][0])

    quotes = []
    for i in order:
        attribution = attributions[i]
        start, end = attribution.content
        speaker: Speaker | None
        if attribution.speaker is not None:
            speaker = Speaker(Span.of(text, *attribution.speaker), resolved[i])
        elif resolved[i] is not None:
            speaker = Speaker(None, resolved[i])
        else:
            speaker = None
        cue = None
        if attribution.cue is not None:
            cue_start, cue_end, lemma = attribution.cue
            cue = Cue(Span.of(text, cue_start, cue_end), lemma)
        quotes.append(
            Quote(
                attribution.kind,
                Span.of(text, start, end),
                cue,
                speaker,
                attribution.confidence,
                attribution.rule,
            )
        )
    return quotes


class _RoleUses:
    """Every match of ``\\b<role word>\\s+`` in a text, found once per role word (a search of
    the text before each mention made long documents quadratic)."""

    __slots__ = ("latest_named", "names", "next_named", "space_ends", "word_ends")

    def __init__(self, text: str, role_word: str, names: NameIndex) -> None:
        self.names = names
        self.word_ends: list[int] = []
        """Where the role word of each match ends."""
        self.space_ends: list[int] = []
        """Where each match (the white space after the word) ends."""
        self.latest_named: list[str | None] = []
        """Per match: the fullest name of the name right after the last match up to this one
        that a name follows."""
        self.next_named: list[str | None] = []
        """Per match: the same for the first match from this one on that a name follows."""
        latest: str | None = None
        for match in regex.finditer(rf"\b({regex.escape(role_word)})\s+", text, regex.IGNORECASE):
            following = names.starting_at(match.end())
            named = names.fullest(following.surname) or following.text if following is not None else None
            latest = named or latest
            self.word_ends.append(match.end(1))
            self.space_ends.append(match.end())
            self.latest_named.append(latest)
            self.next_named.append(named)
        upcoming: str | None = None
        for index in reversed(range(len(self.next_named))):
            upcoming = self.next_named[index] = self.next_named[index] or upcoming

    def name_before(self, before: int) -> str | None:
        """The fullest name of the name right after the last match in ``text[:before]`` that a name
        follows, or None."""
        # The matches in ``text[:before]`` are those of the whole text whose word ends before
        # ``before``, the last one perhaps cut there (its white space then ends at ``before``).
        last = bisect.bisect_left(self.word_ends, before) - 1
        if last >= 0 and self.space_ends[last] > before:
            cut = self.names.starting_at(before)
            if cut is not None:
                return self.names.fullest(cut.surname) or cut.text
            last -= 1
        return self.latest_named[last] if last >= 0 else None

    def name_after(self, after: int) -> str | None:
        """The fullest name of the name right after the first match from ``after`` on that a name
        follows (``de burgemeester`` … later ``burgemeester Buijs``), or None."""
        first = bisect.bisect_left(self.word_ends, after)
        return self.next_named[first] if first < len(self.next_named) else None


Salience = tuple[int, bool, int]


def _by_salience(
    positions: Sequence[int],
    count: int,
    candidate: Callable[[int], str | None],
    sentence_starts: Sequence[int],
    salience: Callable[[int], Salience],
) -> Iterator[tuple[Salience, str]]:
    """``candidate(k)`` for each ``k < count`` (``positions`` ascending; None is no candidate) by falling
    ``salience``, equal ones in list order: what a stable sort would give. ``salience`` must
    rank a later sentence (by ``sentence_starts``) higher; the walk goes sentence by sentence from
    the last, so a caller that stops early reads only the nearest ones."""
    high = count
    while high > 0:
        index = bisect.bisect_right(sentence_starts, positions[high - 1]) - 1
        low = bisect.bisect_left(positions, sentence_starts[index], 0, high) if index >= 0 else 0
        group = [(salience(positions[k]), k) for k in range(low, high)]
        group.sort(key=lambda item: item[0], reverse=True)
        for key, k in group:
            found = candidate(k)
            if found is not None:
                yield key, found
        high = low


def _merged(*streams: Iterator[tuple[Salience, str]]) -> Iterator[str]:
    """Streams that each fall in key merged into one, earlier streams first among equal keys (as
    one stable sort of the items, stream after stream, would order them)."""
    for _, candidate in heapq.merge(*streams, key=lambda item: item[0], reverse=True):
        yield candidate


_INDEFINITE_ARTICLE = regex.compile(r"\b[Ee]en\s+")
_LOWER_WORD = regex.compile(r"\p{Ll}[\p{L}-]*")
_SPACE = regex.compile(r"\s+")
# ``van Tesco``, ``bij de gemeente``: the employer that makes an indefinite role a person.
_ROLE_MODIFIER = regex.compile(r"\s+(?:van|bij|namens)\s+(?:(?:de|het)\s+\p{Ll}[\p{L}-]*|(?=\p{Lu}))")


def _indefinite_with_role(
    text: str, lexicon: Lexicon, names: NameIndex, sense: str, low: int, high: int
) -> str | None:
    """The last ``een <role>`` (one adjective may come between; ``van``/``bij`` and an employer
    may follow) in ``text[low:high]`` whose role has this sense, as written but for a lower-case
    ``een``, or None."""
    found = None
    for article in _INDEFINITE_ARTICLE.finditer(text, low, high):
        position = article.end()
        for _ in range(2):
            word = _LOWER_WORD.match(text, position, high)
            if word is None:
                break
            role = lexicon.role_noun(word.group())
            if role is not None:
                if role.sense == sense and role.number_of(word.group()) is Number.SINGULAR:
                    end = word.end()
                    modifier = _ROLE_MODIFIER.match(text, end, high)
                    if modifier is not None:
                        employer = names.starting_at(modifier.end())
                        end = employer.end if employer is not None else modifier.end()
                    # ``een``, also where it opens a sentence: the phrase is no name.
                    found = "e" + text[article.start() + 1 : end]
                break
            space = _SPACE.match(text, word.end(), high)
            if space is None:
                break
            position = space.end()
    return found


def _fullest_role_mentions(text: str, attributions: Sequence[Attribution]) -> dict[str, str]:
    """Per role word (casefolded): the longest unnamed speaker mention that holds it, the first of
    equally long ones."""
    found: dict[str, str] = {}
    for other in attributions:
        if other.speaker is None:
            continue
        other_text = text[other.speaker[0] : other.speaker[1]]
        other_words = other_text.split()
        if _name_in(other_text) is not None:
            continue
        for key in {word.casefold() for word in other_words}:
            if key not in found or len(other_words) > len(found[key].split()):
                found[key] = other_text
    return found


def _union(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans merged into disjoint ones, in text order."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(span for span in spans if span[0] < span[1]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _inside(spans: Sequence[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` lies in one of the disjoint ``spans`` (in text order)."""
    index = bisect.bisect_right(spans, offset, key=lambda span: span[0]) - 1
    return index >= 0 and offset < spans[index][1]


def _plural_cue(doc: ParsedDocument, sentence_starts: Sequence[int], attribution: Attribution) -> bool:
    if attribution.cue is None:
        return False
    cue_start = attribution.cue[0]
    # Sentences are in text order and do not overlap: the last one starting at or before the cue.
    index = bisect.bisect_right(sentence_starts, cue_start) - 1
    if index < 0:
        return False
    sentence = doc.sentences[index]
    if cue_start >= sentence.end:
        return False
    verb = next((t for t in sentence.tokens if t.start == cue_start), None)
    if verb is not None and verb.upos not in ("VERB", "AUX") and attribution.speaker is not None:
        # A noun cue (``Zij plaatst kanttekeningen: …``): the number is on the speaker's verb.
        subject = next((t for t in sentence.tokens if t.start == attribution.speaker[0]), None)
        verb = sentence.token(subject.head) if subject is not None and subject.head else None
        if verb is None or verb.upos not in ("VERB", "AUX"):
            return False
    if verb is None or verb.feat("VerbForm") in ("Inf", "Part"):
        return False  # ``ze schijnt te denken``: the number is on another verb
    return verb.feat("Number") == "Plur" or verb.text.lower().endswith(("den", "ten", "en"))


# ``De docent``, ``Die Amerikaanse toerist``: an article or demonstrative, at most two lower-case
# words, and the noun, opening a sentence (after any quotation mark).
_OPENING_NOUN_PHRASE = regex.compile(
    r"[‘’“”„\"'«» \t]*(?:De|Die|Deze)[ \t]+((?:\p{Ll}[\p{L}-]*[ \t]+){0,2}\p{Ll}[\p{L}-]*)"
)


def _opening_role_subjects(
    text: str, sentence_starts: Sequence[int], names: NameIndex, lexicon: Lexicon
) -> list[tuple[int, str, str | None]]:
    """Per sentence that opens with a singular person's role noun and no name after it (an
    unnamed person as the subject): where the mention starts, the mention with a lower-case
    article (``de docent``), and the role's gender (``"m"``, ``"f"`` or None)."""
    found: list[tuple[int, str, str | None]] = []
    for start in sentence_starts:
        match = _OPENING_NOUN_PHRASE.match(text, start)
        if match is None:
            continue
        words = match.group(1).split()
        found_role = next(
            ((k, role) for k, word in enumerate(words) if (role := lexicon.role_noun(word)) is not None), None
        )
        if found_role is None:
            continue
        index, role = found_role
        if role.collective or role.number_of(words[index]) is not Number.SINGULAR:
            continue
        end = match.start(1) + len(" ".join(words[: index + 1]))
        if text[match.start(1) : end].split() != words[: index + 1] or names.starting_at(end + 1) is not None:
            continue  # other white space inside; or ``De docent Jan Smit``: the name is the person
        article = text[: match.start(1)].split()[-1].lower()
        gender = role.gender.value if role.gender in (Gender.MASCULINE, Gender.FEMININE) else None
        found.append((match.start(1), f"{article} {' '.join(words[: index + 1])}", gender))
    return found


def _organisation(name: str, lexicon: Lexicon) -> bool:
    """Whether ``name`` names an organisation by its form: an acronym (``KPN``, ``PEAK-IT``) or a
    last word that is a collective noun (``Hoofdvaart College``, ``Rabobank``)."""
    words = name.split()
    if not name[:1].isupper():
        return False  # ``de officier van justitie``: a role mention names a person by its head
    if len(words) == 1 and sum(c.isupper() for c in name) >= 2 and not any(c.islower() for c in name):
        return True
    return lexicon.names_organisation(words[-1])


def _genders_from_roles(text: str, names: NameIndex, lexicon: Lexicon) -> dict[str, str]:
    """Last word of a name → ``"m"``/``"f"`` where a role noun of that gender stands right before
    it, else where the name opens with a given name of that gender (``Anna Bakker``); a name that
    gets both from roles keeps neither, and a role wins over a given name."""
    found: dict[str, set[str]] = {}
    given: dict[str, set[str]] = {}
    for name in names.starting_in(0, len(text)):
        words = text[max(0, name.start - 40) : name.start].split()
        role = lexicon.role_noun(words[-1].strip(",")) if words else None
        surname = name.text.split()[-1].casefold()
        if role is not None and role.gender in (Gender.MASCULINE, Gender.FEMININE):
            found.setdefault(surname, set()).add(role.gender.value)
        parts = name.text.split()
        first = lexicon.given_name_gender(parts[0]) if len(parts) >= 2 else None
        if first is not None:
            given.setdefault(surname, set()).add(first.value)
    known = {surname: values.pop() for surname, values in given.items() if len(values) == 1}
    known.update({surname: values.pop() for surname, values in found.items() if len(values) == 1})
    return known


def _after_field(doc: ParsedDocument, sentence_starts: Sequence[int], end: int) -> int:
    """Where the words after a role noun that ends at ``end`` end, when they name its field: up to
    three lower-case nouns or adjectives (``strafrecht``; ``staats- en bestuursrecht``); else
    ``end``."""
    index = bisect.bisect_right(sentence_starts, end) - 1
    if index < 0 or not doc.sentences[index].parsed:
        return end
    following = [t for t in doc.sentences[index].tokens if t.start > end][:4]
    position = end
    for token in following:
        if token.text[:1].isupper():
            break
        if token.upos not in ("NOUN", "ADJ", "X") and token.text != "en" and not token.text.endswith("-"):
            return end
        position = token.end + 1
    return position if position > end else end


def _in_relative_clause(
    doc: ParsedDocument, sentence_starts: Sequence[int], offset: int, pronoun: int
) -> bool:
    """Whether the word at ``offset`` stands in a relative clause, closed by a comma, of the parsed
    sentence that holds the pronoun at ``pronoun`` (``… een motie die kamerlid Remkes indiende,
    schrijft hij``: a name down in a relative clause is no antecedent of the main clause's
    pronoun). The tree's ``acl:relcl`` or, where a small parser misattached the clause, the
    relative pronoun after a noun."""
    index = bisect.bisect_right(sentence_starts, offset) - 1
    if index < 0 or index != bisect.bisect_right(sentence_starts, pronoun) - 1:
        return False
    sentence = doc.sentences[index]
    if not sentence.parsed:
        return False
    name = next((t for t in sentence.tokens if t.start <= offset < t.end), None)
    if name is None or not any(t.text == "," and offset < t.start < pronoun for t in sentence.tokens):
        return False
    if relative_clause_of(sentence, name) is not None:
        return True
    for before in reversed(sentence.tokens[1 : name.id - 1]):
        if before.text in (",", ":", ";"):
            break
        if before.text.lower() in ("die", "dat") and before.upos == "PRON":
            return sentence.token(before.id - 1).upos in ("NOUN", "PROPN")
    return False


def _nominal(sentence: Sentence, token: Token) -> bool:
    """A noun or a name, also a name whose first word the tagger took for an adjective
    (``Gedeputeerde Staten``, ``Verenigde Naties``: ADJ with the rest of the name ``flat`` under it)."""
    if token.upos in ("NOUN", "PROPN"):
        return True
    return token.upos == "ADJ" and any(child.upos == "PROPN" for child in children(sentence, token, "flat"))


def _spelled_out(text: str, acronym: str, before: int) -> str | None:
    """``GS`` → ``Gedeputeerde Staten``: the last run of capitalised words before ``before`` whose
    initials spell the acronym (role words such as ``Gedeputeerde`` are in no name run)."""
    pattern = r"\b" + r"[ \t\u00a0]+".join(rf"{regex.escape(letter)}\p{{Ll}}+" for letter in acronym) + r"\b"
    found = None
    for match in regex.compile(pattern).finditer(text, 0, before):
        found = match.group()
    return found


def _plural_antecedent(doc: ParsedDocument, sentence_starts: Sequence[int], before: int) -> str | None:
    """``De drie bonden vinden … . …, waarschuwen ze.``: plural ``ze`` takes the plural noun subject
    of its own sentence before it or of the sentence before, in the same paragraph; else no one."""
    index = bisect.bisect_right(sentence_starts, before) - 1
    for back in (index, index - 1):
        if back < 0 or doc.sentences[back].paragraph != doc.sentences[index].paragraph:
            return None
        sentence = doc.sentences[back]
        if not sentence.parsed:
            continue
        for token in sentence.tokens:
            if token.start >= before or token.deprel != "nsubj" or not _nominal(sentence, token):
                continue
            verb = sentence.token(token.head) if token.head else None
            # A plural verb tells the number only of a subject that is not itself singular
            # (``Want een X zien Gedeputeerde Staten niet zitten``: the parse's two subjects).
            plural_verb = verb is not None and "Number=Plur" in verb.feats
            if "Number=Plur" in token.feats or (plural_verb and "Number=Sing" not in token.feats):
                if token.upos == "ADJ":  # the first word of a name: the name is it and its flat words
                    mention = [token, *children(sentence, token, "flat")]
                else:
                    mention = mention_tokens(sentence, token)
                return doc.text[mention[0].start : mention[-1].end]
    return None


def _paragraph_breaks(text: str) -> list[int]:
    """Every offset where ``\\n\\n`` starts (overlapping ones too), in order."""
    return [match.start() for match in regex.finditer(r"\n(?=\n)", text)]


def _paragraph_start(breaks: Sequence[int], offset: int, back: int) -> int:
    """Where the paragraph ``back`` paragraphs before the one at ``offset`` starts: what
    ``text.rfind("\\n\\n", 0, position)`` taken ``back + 1`` times from ``offset`` gives."""
    position = offset
    for _ in range(back + 1):
        # rfind: the last break that ends at or before ``position``.
        index = bisect.bisect_right(breaks, position - 2) - 1
        if index < 0:
            return 0
        position = breaks[index]
    return position
