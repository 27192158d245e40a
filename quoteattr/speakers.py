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
from collections.abc import Sequence

import regex

from quoteattr.document import ParsedDocument
from quoteattr.lexicon import Lexicon
from quoteattr.names import NOT_NAMES, NameMention, index_names
from quoteattr.quote import Cue, Quote, QuoteKind, Span, Speaker
from quoteattr.sieves import Attribution

__all__ = ["resolve"]

_PERSON_PRONOUNS = {
    "hij": ("m", "sg"),
    "hem": ("m", "sg"),
    "zij": ("f", "sg"),
    "ze": ("f", "sg"),
    "haar": ("f", "sg"),
}
_AUTHOR_PRONOUNS = frozenset({"ik", "we", "wij", "je", "jij", "u", "men", "mij", "ons"})


def _fullest(names: Sequence[NameMention], surname: str) -> str | None:
    best: NameMention | None = None
    for name in names:
        if name.surname == surname and (best is None or len(name.text.split()) > len(best.text.split())):
            best = name
    return best.text if best is not None else None


def _name_in(text: str) -> str | None:
    """The proper-name part of a mention (``de heer Den Uyl`` → ``Den Uyl``)."""
    words = text.split()
    for index, word in enumerate(words):
        if word in _MODIFIER_PREPS and index > 0:
            # ``de politiechef in Deventer``, ``een woordvoerder van Tesco``: the name after the
            # preposition is a place or an employer, not the speaker's name.
            return None
        if word[:1].isupper() and word.casefold() not in NOT_NAMES:
            following = words[index + 1] if index + 1 < len(words) else None
            if following is not None and following[:1].islower() and following not in _PARTICLES:
                continue  # ``de Engelse journalist``: a capitalised adjective, no name
            return " ".join(words[index:])
    return None


_MODIFIER_PREPS = frozenset({"van", "in", "bij", "uit", "voor", "op", "namens"})
_PARTICLES = frozenset(
    {"van", "de", "der", "den", "ter", "ten", "te", "'t", "von", "da", "di", "du", "le", "la"}
)


def resolve(doc: ParsedDocument, attributions: Sequence[Attribution], lexicon: Lexicon) -> list[Quote]:
    """Turn sieve output into :class:`Quote` objects with canonical speaker names, in text order."""
    names = index_names(doc.text, lambda word: lexicon.role_noun(word) is not None)
    text = doc.text
    resolved: list[str | None] = [None] * len(attributions)
    order = sorted(range(len(attributions)), key=lambda i: attributions[i].content[0])
    gender_of: dict[str, str] = {}

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
        if low in _PERSON_PRONOUNS:
            gender, _ = _PERSON_PRONOUNS[low]
            plural = _plural_cue(doc, attribution)
            if plural and low in ("ze", "zij"):
                return None
            return _antecedent(i, start, gender)
        if 2 <= len(mention) <= 4 and mention.isalpha() and mention.isupper():
            expanded = _by_initials(mention)
            if expanded is not None:
                return expanded
        name = _name_in(mention)
        if name is not None:
            earlier = [n for n in names if n.start <= end]
            full = _fullest(earlier, name.split()[-1].casefold().strip("."))
            if full is None or (full == name and len(name.split()) == 1):
                # ``Fred`` after ``Fred Boekel``: a lone first name of a person named before.
                first = next(
                    (n.text for n in reversed(earlier) if n.text.split()[0] == name and " " in n.text), None
                )
                full = first or full
            return full or name
        words = mention.split()
        role = lexicon.role_noun(words[-1]) if words else None
        if role is not None:
            # ``fysicus Dick Bierman`` where the parse stopped at the role noun.
            apposition = next((n for n in names if n.start == end + 1), None)
            if apposition is not None:
                return _fullest(names, apposition.surname) or apposition.text
        if role is not None and not role.collective:
            named = _role_name(words[-1], start)
            if named:
                return named
            fuller = _fullest_role_mention(words[-1])
            if fuller is not None and fuller != mention:
                # ``de politiechef`` → ``de politiechef in Deventer``, the fullest mention of the role.
                return fuller
            # ``de korpschef`` after the person was named: resolve like ``hij``/``zij``.
            if words[0].casefold() in ("de", "het", "deze", "die") or len(words) == 1:
                # Only an earlier named speaker can be ``de korpschef`` here; other names are
                # too often somebody else.
                spoke_before = [
                    j for j in order if attributions[j].content[0] < start and resolved[j] and j != i
                ]
                speakers = [name for j in spoke_before if (name := resolved[j]) and name[:1].isupper()]
                if speakers and len(speakers[-1].split()) >= 2:
                    return speakers[-1]
        return mention

    def _fullest_role_mention(role_word: str) -> str | None:
        """The longest unnamed speaker mention in the document with the same role noun."""
        key = role_word.casefold()
        found: str | None = None
        for other in attributions:
            if other.speaker is None:
                continue
            other_text = text[other.speaker[0] : other.speaker[1]]
            other_words = other_text.split()
            if _name_in(other_text) is not None or key not in (w.casefold() for w in other_words):
                continue
            if found is None or len(other_words) > len(found.split()):
                found = other_text
        return found

    def _by_initials(acronym: str) -> str | None:
        """``KF`` → ``Kathleen Ferrier`` when a name with those initials occurs."""
        for name in names:
            capitals = "".join(w[0] for w in name.text.split() if w[:1].isupper())
            if capitals == acronym and len(name.text.split()) >= 2:
                return name.text
        return None

    def _antecedent(i: int, before: int, gender: str | None) -> str | None:
        earlier = [j for j in order if attributions[j].content[0] < before and resolved[j] and j != i]
        candidates: list[tuple[int, str]] = [(attributions[j].content[0], resolved[j] or "") for j in earlier]
        paragraph_floor = _paragraph_start(text, before, back=2)
        introduced = {n.surname for n in names if len(n.text.split()) >= 2 and n.start < before}
        for name in names:
            # Names inside quoted content are talked about, not talking; a person is
            # introduced with first and last name, so a lone capitalised word (``Ajax``,
            # a sentence-initial noun) is a candidate only as the surname of such a name.
            if (
                paragraph_floor <= name.start < before
                and name.surname in introduced
                and not any(
                    a.kind is QuoteKind.DIRECT and a.content[0] <= name.start < a.content[1]
                    for a in attributions
                )
            ):
                candidates.append((name.start, _fullest(names, name.surname) or name.text))
        for _, candidate in sorted(candidates, key=lambda c: _salience(c[0]), reverse=True):
            if candidate.split()[0].casefold() == "het":
                continue  # ``Het Parool``: a neuter name is no ``hij`` or ``zij``
            known = gender_of.get(candidate.split()[-1].casefold())
            if known is not None and gender is not None and known != gender:
                continue
            return candidate
        return None

    sentence_starts = [sentence.start for sentence in doc.sentences]

    def _salience(position: int) -> tuple[int, bool, int]:
        """Later sentences first; within one sentence its subject-like opening name first."""
        index = bisect.bisect_right(sentence_starts, position) - 1
        opening = index >= 0 and not text[sentence_starts[index] : position].strip(" \t\n‘’“”„\"'«»,")
        return index, opening, position

    def _role_name(role_word: str, before: int) -> str | None:
        """The name right after the last earlier use of the role noun (``premier Zoran Djindjic``)."""
        found: NameMention | None = None
        for match in regex.finditer(rf"\b{regex.escape(role_word)}\s+", text[:before], regex.IGNORECASE):
            name = next((n for n in names if n.start == match.end()), None)
            if name is not None:
                found = name
        if found is None:
            return None
        return _fullest(names, found.surname) or found.text

    for i in order:
        resolved[i] = resolve_one(i)
        attribution = attributions[i]
        name = resolved[i]
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


def _plural_cue(doc: ParsedDocument, attribution: Attribution) -> bool:
    if attribution.cue is None:
        return False
    cue_start = attribution.cue[0]
    for sentence in doc.sentences:
        if sentence.start <= cue_start < sentence.end:
            for token in sentence.tokens:
                if token.start == cue_start:
                    if token.feat("VerbForm") in ("Inf", "Part"):
                        return False  # ``ze schijnt te denken``: the number is on another verb
                    return token.feat("Number") == "Plur" or token.text.lower().endswith(("den", "ten", "en"))
    return False


def _paragraph_start(text: str, offset: int, back: int) -> int:
    position = offset
    for _ in range(back + 1):
        found = text.rfind("\n\n", 0, position)
        if found < 0:
            return 0
        position = found
    return position
