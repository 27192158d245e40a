"""Cue rules: ordered sieves that find quotes and link them to a cue and a speaker mention.

Each sieve looks at the parsed document and the quoted stretches found by the mark
scanner, and proposes :class:`Attribution` records; a stretch or sentence claimed by an
earlier sieve is not claimed again (the sieve order of Stanford CoreNLP's
QuoteAttributionAnnotator: the most reliable patterns first). Every record names its
sieve in ``rule`` so an error can be traced to the rule that made it.

Order:

1. ``direct.postposed``   ``‘…’, zei X.`` / ``‘…’, aldus X.`` (and the interrupted ``‘A’, zegt X, ‘B’``)
2. ``direct.preposed``    ``X zei: ‘…’`` / ``X: ‘…’`` / ``X is duidelijk: ‘…’``;
   ``direct.speaker_label``: an interview line ``Johan Heldenbergh «…»``
3. ``indirect.clause``    a cue verb with a finite complement clause: ``X zei dat …`` (mixed with fragments)
4. ``direct.cue_object``  a quoted fragment governed by a cue: ``klaagde over ‘…’``, ``de klacht van X (‘…’)``
5. ``indirect.parenthetical``  ``…, vindt X.`` / ``Het is, schrijft X, …`` / ``…, aldus X.``
6. ``indirect.according_to``   ``Volgens X …`` / ``… volgens X …`` / ``in de woorden van X``;
   ``indirect.own_account``: ``X heeft naar eigen zeggen …`` (the clause's subject is the source)
7. ``indirect.anaphoric``  ``Dat stelt X.`` / ``Dit zei X.``: the content is the sentence before
8. ``direct.floating``     a quote-like stretch with no cue continues the last speaker nearby
   (``direct.floating_subject`` when the sentence right before it opens with a person's name)
9. ``direct.unattributed`` a quote-like stretch with nobody to give it to

Speaker names are resolved afterwards (:mod:`quoteattr.speakers`).
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterator, Sequence

import attrs
import regex

from quoteattr.document import ParsedDocument, Sentence, Token
from quoteattr.lexicon import CueClass, Lexicon, Number, PhraseKind
from quoteattr.marks import QuotedStretch
from quoteattr.names import (
    NOT_NAMES,
    TIME_WORDS,
    NameIndex,
    NameMention,
    department_pattern,
    index_names,
    introduces,
)
from quoteattr.quote import QuoteKind
from quoteattr.trees import (
    PARTITIVES,
    children,
    first_child,
    is_punct,
    is_time_noun,
    mention_tokens,
    not_speaker_preposition,
    relative_clause_of,
    span_of,
    subject_of,
)

__all__ = ["RULES", "SIEVES", "Attribution", "Context", "name_runs", "run_sieves"]

# Trailing characters never part of a content span (GUIDELINES: final punctuation is left out).
_EDGE_PUNCT = " \t\n\r.,;:!?…"
_COMPLEMENTISERS = {"dat", "of"}
# Third-person reflexives: ``volgens zichzelf`` points at the clause's own subject.
_REFLEXIVES = frozenset({"zich", "zichzelf", "hemzelf", "haarzelf", "henzelf"})
# Every reflexive a verb may govern (``zich voorstellen``, ``me afvragen``).
_REFLEXIVE_PRONOUNS = _REFLEXIVES | {"me", "mij", "je", "jezelf", "ons", "onszelf"}
# Subordinators of adverbial clauses: such a clause says when or why, never what was said, so a
# parse that hangs one under a cue verb as ``ccomp`` (``zegt Pompeo, terwijl hij …``) is wrong.
_ADVERBIAL_SUBORDINATORS = frozenset(
    {
        "terwijl",
        "omdat",
        "nadat",
        "voordat",
        "zodat",
        "hoewel",
        "doordat",
        "sinds",
        "tenzij",
        "indien",
        "opdat",
        "alsof",
        "zodra",
        "toen",
        "want",
        "totdat",
        "aangezien",
        "zoals",
    }
)
_ANAPHORS = {"dat", "dit", "het", "zo", "aldus"}


def _nominalised(sentence: Sentence, token: Token) -> bool:
    """``het koloniale denken``: an infinitive after an article or possessive and an adjective is
    a noun (``het zeggen`` alone may be ``het`` as object, so one adjective is required)."""
    if not token.text.lower().endswith("en") or token.id < 2:
        return False
    before = sentence.tokens[: token.id - 1]
    after = sentence.tokens[token.id] if token.id < len(sentence.tokens) else None
    if after is not None and after.text.lower() == "van" and before[-1].text.lower() in ("het", "dit", "dat"):
        return True  # ``Het geven van namen``: an article, the infinitive and its ``van`` object
    if token.id < 3:
        return False
    adjectives = list(itertools.takewhile(lambda t: t.upos == "ADJ", reversed(before)))
    if not adjectives or len(adjectives) >= len(before):
        return False
    article = before[-len(adjectives) - 1]
    return article.text.lower() in ("het", "dit", "dat", "zijn", "haar", "hun", "ons", "een")


def _separated_particle(sentence: Sentence, verb: Token, particle: Token) -> bool:
    """Whether ``particle`` is a real separated particle of ``verb``: a particle word after the verb
    (a split particle follows its verb; one before it is a word of another clause, such as a
    quote's ``tegen`` in ``„… het water tegen,” waarschuwt X``) with no noun phrase right after it
    (``schrijft … op basis van``: a preposition)."""
    if particle.id <= verb.id or particle.text.lower() not in _SEPARABLE_PARTICLES:
        return False
    after = sentence.tokens[particle.id] if particle.id < len(sentence.tokens) else None
    return after is None or after.upos not in ("NOUN", "PROPN", "DET", "NUM")


_SEPARABLE_PARTICLES = frozenset(
    {"aan", "af", "bij", "binnen", "door", "in", "mee", "na", "neer", "om", "op", "over", "terug", "toe"}
    | {"uit", "vast", "voor", "weg", "samen", "tegen", "los", "open", "dicht", "vrij", "achter", "rond"}
)
_ATTRIBUTION_PREPS = {"volgens", "aldus"}
_AUTHOR_PRONOUNS = frozenset({"ik", "we", "wij", "je", "jij", "men", "mij", "ons", "jullie"})


@attrs.frozen(slots=True)
class Attribution:
    """A quote found by a sieve, before its speaker gets a canonical name."""

    kind: QuoteKind
    """Direct, indirect or mixed."""
    content: tuple[int, int]
    """Character span of the content."""
    cue: tuple[int, int, str] | None
    """Cue span and lemma, or None."""
    speaker: tuple[int, int] | None
    """Span of the speaker mention, or None."""
    speaker_head: tuple[int, int] | None
    """(sentence index, token id) of the mention's head, for name resolution."""
    rule: str
    """The sieve that made this record."""
    confidence: float
    """Rule-level confidence, 0..1."""
    floating_from: int | None = None
    """For a floating quote: index (in the result list) of the quote whose speaker it continues."""
    name_hint: tuple[int, int] | None = None
    """For a floating quote: a name mention outside the quote that names its speaker."""


@attrs.define(slots=True)
class Context:
    """What the sieves share while they run over one document."""

    doc: ParsedDocument
    """The document with its parsed (candidate) sentences."""
    stretches: Sequence[QuotedStretch]
    """Quoted stretches from the mark scanner, in text order, never overlapping."""
    lexicon: Lexicon
    """The cue lexicon."""
    found: list[Attribution] = attrs.field(factory=list)
    """Attributions so far, in the order the sieves made them (add them with :meth:`add`)."""
    claimed_stretches: set[int] = attrs.field(factory=set)
    """Indices of stretches already used (as a direct quote or inside a mixed one)."""
    claimed_sentences: set[int] = attrs.field(factory=set)
    """Sentences whose whole content is already an indirect quote."""
    names: list[NameMention] = attrs.field(factory=list)
    """Proper-name runs of the text, so a mention covers the whole name."""
    _sentence_starts: list[int] = attrs.field(init=False, repr=False)
    """Start offset of each sentence, for :meth:`sentence_at`."""
    # The indexes below answer the questions the sieves ask per sentence or per stretch with a
    # binary search or a dictionary access, where a scan of all stretches, names or quotes found
    # made long documents quadratic. Each answers exactly what the scan did.
    name_index: NameIndex = attrs.field(init=False, repr=False)
    """:attr:`names` with lookups by offset and surname."""
    _sentence_ends: list[int] = attrs.field(init=False, repr=False)
    _open_starts: list[int] = attrs.field(init=False, repr=False)
    _content_starts: list[int] = attrs.field(init=False, repr=False)
    _content_ends: list[int] = attrs.field(init=False, repr=False)
    _found_starts: list[tuple[int, int]] = attrs.field(init=False, repr=False)
    """(content start, index in :attr:`found`) of every attribution found, sorted."""
    _found_longest: int = attrs.field(init=False, repr=False)
    """The longest content found so far, so :meth:`found_near` knows how far back to look."""
    _newline_runs: list[tuple[int, int]] = attrs.field(init=False, repr=False)
    _newline_run_ends: list[int] = attrs.field(init=False, repr=False)
    _newline_pairs_before: list[int] = attrs.field(init=False, repr=False)
    """Per run of two or more newlines: how many ``\\n\\n`` pairs the runs before it hold."""
    _line_breaks: list[int] = attrs.field(init=False, repr=False)
    _closing_tags: dict[int, Token | None] = attrs.field(init=False, repr=False, factory=dict)
    """Per sentence index: :func:`_closing_tag_verb`, found once for the sieves that ask."""

    @_sentence_starts.default
    def _starts(self) -> list[int]:
        return [sentence.start for sentence in self.doc.sentences]

    def __attrs_post_init__(self) -> None:
        self.name_index = NameIndex(self.names)
        self._sentence_ends = [sentence.end for sentence in self.doc.sentences]
        self._open_starts = [s.open_start for s in self.stretches]
        self._content_starts = [s.content_start for s in self.stretches]
        self._content_ends = [s.content_end for s in self.stretches]
        self._found_starts = sorted((a.content[0], i) for i, a in enumerate(self.found))
        self._found_longest = max((a.content[1] - a.content[0] for a in self.found), default=0)
        text = self.doc.text
        self._newline_runs = [m.span() for m in regex.finditer(r"\n{2,}", text)]
        self._newline_run_ends = [end for _, end in self._newline_runs]
        self._newline_pairs_before = [0]
        for start, end in self._newline_runs:
            self._newline_pairs_before.append(self._newline_pairs_before[-1] + (end - start) // 2)
        self._line_breaks = [m.start() for m in regex.finditer(r"[\n\r]", text)]

    def closing_tag(self, sent_index: int) -> Token | None:
        """The verb of the tag that closes sentence ``sent_index`` (``…, zegt Degryse.``), if any."""
        if sent_index not in self._closing_tags:
            self._closing_tags[sent_index] = _closing_tag_verb(self, self.doc.sentences[sent_index])
        return self._closing_tags[sent_index]

    def add(self, attribution: Attribution) -> None:
        """Record ``attribution``, unless it is reported speech of the author (``we denken dat``).

        GUIDELINES: the author's own ``ik``/``we`` and generic ``je`` are no sources. Inside a
        direct quote no indirect quote is made at all, so such a pronoun here is the writer's.
        """
        if attribution.kind is not QuoteKind.DIRECT and attribution.speaker is not None:
            mention = self.doc.text[attribution.speaker[0] : attribution.speaker[1]].lower()
            if mention in _AUTHOR_PRONOUNS:
                return
        bisect.insort(self._found_starts, (attribution.content[0], len(self.found)))
        self._found_longest = max(self._found_longest, attribution.content[1] - attribution.content[0])
        self.found.append(attribution)

    def found_near(self, low: int, high: int) -> Iterator[Attribution]:
        """The attributions found so far whose content starts at or before ``high`` and ends at or
        after ``low`` (every one that can overlap or hold ``[low, high]``), in no fixed order."""
        first = bisect.bisect_left(self._found_starts, (low - self._found_longest, -1))
        for index in range(first, len(self._found_starts)):
            start, position = self._found_starts[index]
            if start > high:
                break
            attribution = self.found[position]
            if attribution.content[1] >= low:
                yield attribution

    # -- lookups ---------------------------------------------------------------------

    def sentence_at(self, offset: int) -> int | None:
        """Index of the parsed sentence holding character ``offset``."""
        # A binary search (the sentences are in text order): a scan per lookup made documents
        # with thousands of quotes quadratic.
        index = bisect.bisect_right(self._sentence_starts, offset) - 1
        if index < 0:
            return None
        sentence = self.doc.sentences[index]
        return index if offset < max(sentence.end, sentence.start + 1) else None

    def cue_verb(
        self, sentence: Sentence, token: Token, *, as_tag: bool = False, verb_slot: bool = False
    ) -> tuple[str, CueClass, bool] | None:
        """(lemma, class, needs_clause) when ``token`` is a verb of saying or opinion.

        ``as_tag``: the verb stands in a speech tag after a quote (``‘…’, weet Melle``),
        where verbs that are cues only there also count. ``verb_slot``: the word stands where
        only a verb can (right after a quote's closing mark and comma), so a cue-verb form
        counts whatever the tagger made of it (``”…,” lichtte Harris toe`` tagged ADJ).
        """
        if token.upos not in ("VERB", "AUX") and not (verb_slot and token.upos not in ("PUNCT", "PROPN")):
            return None
        if _nominalised(sentence, token):
            return None
        if self.lexicon.in_idiom([t.text for t in sentence.tokens], token.id - 1):
            return None  # ``vroeg of laat``: a fixed expression, no verb of saying
        particle = first_child(sentence, token, "compound:prt")
        verb = self.lexicon.verb_for(token.text, particle.text if particle is not None else None)
        if verb is None and particle is not None and not _separated_particle(sentence, token, particle):
            # A word the parse took for a particle; a real one makes another verb (``vond …
            # terug`` is terugvinden, no cue).
            verb = self.lexicon.verb_for(token.text)
        if verb is None:
            # ``sloot niet uit dat``, ``maakte duidelijk dat``: the particle or fixed words
            # stand later in the same clause, whatever the parse made of them.
            clause: list[str] = []
            for later in sentence.tokens[token.id :]:
                if later.text.lower() in _COMPLEMENTISERS or later.text in (",", ":", ";", ".", "?", "!"):
                    break
                clause.append(later.text)
            verb = self.lexicon.multiword_for(token.text, clause)
        if verb is None:
            return None
        if verb.tag_only and not as_tag:
            return None
        if verb.not_reflexive and any(
            t.text.lower() in _REFLEXIVE_PRONOUNS for t in sentence.tokens if t.head == token.id
        ):
            return None  # ``kan zich niet voorstellen dat …``: imagining, not proposing
        if verb.source_preposition is not None and _text_source(self, sentence, token, verb.lemma) is None:
            return None  # ``staat … in`` with no text: a place, not a source
        if verb.idiom_modal is not None and self._idiom_with_modal(sentence, token, verb.idiom_modal):
            return None
        if (
            verb.adjective_participle
            and token.text.lower() in verb.participles
            and children(sentence, token, "aux:pass", "cop")
        ):
            return None
        return verb.lemma, verb.cue_class, verb.needs_clause

    def _idiom_with_modal(self, sentence: Sentence, token: Token, modal: str) -> bool:
        """``Een opleiding wil niet zeggen dat …``: the modal governs the verb and its subject
        cannot speak."""
        governs = [t for t in children(sentence, token, "aux") if t.lemma == modal]
        if not governs and token.head and token.deprel == "xcomp":
            head = sentence.token(token.head)
            governs = [head] if head.lemma == modal else []
        if not governs:
            return False
        subject = subject_of(sentence, token)
        return subject is None or not _may_speak(self, subject)

    def inside_stretch(self, span: tuple[int, int]) -> bool:
        """Whether ``span`` lies inside the content of a quoted stretch (nested speech), or
        crosses one of its edges (a clause that starts inside a quote and runs on after it)."""
        start, end = span
        candidates: Sequence[QuotedStretch] = self.stretches
        if start < end:
            # Each test below needs a content that overlaps the span: only those stretches.
            first = bisect.bisect_right(self._content_ends, start)
            last = bisect.bisect_left(self._content_starts, end, lo=first)
            candidates = self.stretches[first:last]
        for s in candidates:
            if s.content_start <= start and end <= s.content_end:
                return True
            if s.content_start < start < s.content_end and end > s.content_end + 1:
                return True
            if start < s.open_start and s.content_start < end < s.content_end - 1:
                return True
        return False

    def stretches_from(self, start: int, until: int) -> Iterator[int]:
        """Indices of the stretches whose opening mark starts in ``[start, until]``, in order."""
        index = bisect.bisect_left(self._open_starts, start)
        while index < len(self._open_starts) and self._open_starts[index] <= until:
            yield index
            index += 1

    def covered(self, span: tuple[int, int]) -> bool:
        """Whether a stretch's content starts at most a character after ``span`` starts and ends at
        most a character before it ends."""
        return self.covering_content(span) is not None

    def covering_content(self, span: tuple[int, int]) -> tuple[int, int] | None:
        """The content of the stretch that :meth:`covered` finds, or None."""
        # Contents do not overlap, so of those that start early enough the last ends latest.
        index = bisect.bisect_right(self._content_starts, span[0] + 1)
        if index > 0 and self._content_ends[index - 1] >= span[1] - 1:
            return self._content_starts[index - 1], self._content_ends[index - 1]
        return None

    def previous_sentence(self, offset: int) -> Sentence | None:
        """The last sentence that ends at or before ``offset``."""
        index = bisect.bisect_right(self._sentence_ends, offset)
        return self.doc.sentences[index - 1] if index else None

    def line_start(self, offset: int) -> int:
        """Where the line holding ``offset`` starts (after the last ``\\n`` or ``\\r`` before it)."""
        index = bisect.bisect_left(self._line_breaks, offset)
        return self._line_breaks[index - 1] + 1 if index else 0

    def paragraph_breaks(self, start: int, end: int) -> int:
        """``doc.text.count("\\n\\n", start, end)``, from the runs of newlines."""
        end = min(end, len(self.doc.text))
        if start >= end:
            return 0
        first = bisect.bisect_right(self._newline_run_ends, start)
        last = bisect.bisect_left(self._newline_runs, (end, -1), lo=first)
        if first >= last:
            return 0
        count = self._newline_pairs_before[last] - self._newline_pairs_before[first]
        # The runs at either edge count only their part inside [start, end).
        for run_start, run_end in {self._newline_runs[first], self._newline_runs[last - 1]}:
            count += (min(run_end, end) - max(run_start, start)) // 2 - (run_end - run_start) // 2
        return count

    def stretch_tokens(self, sentence: Sentence, stretch: QuotedStretch) -> list[Token]:
        return [
            t for t in sentence.tokens if t.start >= stretch.content_start and t.end <= stretch.content_end
        ]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop spaces and final punctuation at the edges of a content span."""
    while end > start and text[end - 1] in _EDGE_PUNCT:
        end -= 1
    while start < end and text[start] in " \t\n\r,;:":
        start += 1
    return start, end


def _speaker_of(
    ctx: Context, sent_index: int, head: Token | None
) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    if head is None:
        return None, None
    sentence = ctx.doc.sentences[sent_index]
    head = _relative_antecedent(sentence, head)
    owner = _van_owner(sentence, head) if head.upos == "NOUN" else None
    if owner is not None and owner.upos == "PROPN" and ctx.lexicon.role_noun(head.text) is None:
        # ``de verlossende woorden van Clinton``, ``berekeningen van Átlátszó``: a noun that is no
        # person speaks for its owner (``de woordvoerder van Tesco`` is a person).
        head = owner
    tokens = mention_tokens(sentence, head)
    # A preposition is never part of the mention (``volgens X``, ``door X``), nor a verb the parse
    # hung on the noun (``, redeneert justitie`` with the cue as the noun's modifier).
    while len(tokens) > 1 and (tokens[0].upos == "ADP" or _finite_verb(tokens[0])):
        tokens = tokens[1:]
    # ``volgens bronnen naar Den Haag``: a phrase with a preposition other than that of an employer
    # or a place (``een woordvoerder van Tesco``, ``de politiechef in Deventer``) is no part of the
    # speaker; a small parse often hangs the verb's phrase there.
    cut = next((k for k, t in enumerate(tokens) if t.id > head.id and not_speaker_preposition(t)), None)
    if cut:
        tokens = tokens[:cut]
    start, end = span_of(tokens)
    department = _department_at(ctx, sentence, head)
    if department is not None:
        # ``meldde Buitenlandse Zaken``: a ministry by its portfolio (no name run holds it).
        return department, (sent_index, head.id)
    # ``de Italiaanse franciscaan Alberto Tosini``: the name in apposition names the speaker.
    following = ctx.name_index.starting_at(end) or ctx.name_index.starting_at(end + 1)
    if following is None and head.upos == "NOUN":
        # ``de Engelse journalist en schrijver James Bloodworth``: more role words, then the name.
        following = next(
            (n for n in ctx.name_index.starting_in(end + 1, end + 41) if n.end <= sentence.end), None
        )
        between = ctx.doc.text[end : following.start].split() if following is not None else []
        if not between or not all(
            w == "en" or (w[:1].islower() and ctx.lexicon.role_noun(w) is not None) for w in between
        ):
            following = None
    if head.upos != "PROPN" and ctx.lexicon.role_noun(head.text) is not None:
        # ``aldus hoogleraar Recep Tayyip Erdoğan``: a role word (whatever its tag) with the name
        # inside its mention names the speaker.
        inner = next((n for n in ctx.name_index.starting_in(head.end, end) if n.end <= end), None)
        inner = inner or ctx.name_index.starting_at(head.end + 1)
        # ``bronnen naar Den Haag``: a name behind a preposition is no name of the role.
        behind_preposition = inner is not None and any(
            t.upos == "ADP" and head.end <= t.start < inner.start for t in sentence.tokens
        )
        if inner is not None and inner.end <= sentence.end and not behind_preposition:
            return (inner.start, inner.end), (sent_index, head.id)
    # A role word the tagger took for a name (``Minister Olaf Scholz``) is still a role word.
    role_head = head.upos != "PROPN" or ctx.lexicon.role_noun(head.text) is not None
    if following is not None and following.end <= sentence.end and head.upos != "PRON" and role_head:
        return (following.start, following.end), (sent_index, head.id)
    if head.upos == "PROPN" or head.text[:1].isupper():
        name = ctx.name_index.at(head.start, head.end)
        # A capitalised sentence-initial word (``Vier van de tien agenten``) is no name.
        plausible = name is not None and (
            head.upos == "PROPN" or len(name.text.split()) >= 2 or name.start != sentence.start
        )
        if name is not None and plausible and sentence.start <= name.start and name.end <= sentence.end:
            return (name.start, name.end), (sent_index, head.id)
    if _initials_of_a_name(ctx, head):
        return (head.start, head.end), (sent_index, head.id)
    # Capitalised only as the sentence's first word (``Deskundigen stellen dat``).
    lower_case = head.text[:1].islower() or head.start == sentence.start
    role_noun = lower_case and ctx.lexicon.role_noun(head.text) is not None
    if (head.upos in _NOT_SPEAKER_UPOS and not role_noun) or head.text.lower() in _NOT_SPEAKER_PRONOUNS:
        # A verb or adverb the parse made the subject (``Gelukkig``, ``zijn``) names nobody; a
        # role noun tagged as an adjective (``een politiedeskundige``) still does.
        return None, None
    common_noun = head.upos in ("NOUN", "NUM") and head in tokens and tokens[-1].upos != "PROPN"
    if common_noun or (head.upos == "PROPN" and head.start == sentence.start):
        end = _noun_modifiers_end(sentence, tokens[-1], end)
    return (start, end), (sent_index, head.id)


def _initials_of_a_name(ctx: Context, token: Token) -> bool:
    """``KF``: a word of two to five capitals that spells a name of the document."""
    word = token.text
    return (
        2 <= len(word) <= 5
        and word.isalpha()
        and word.isupper()
        and ctx.name_index.with_initials(word) is not None
    )


def _department_at(ctx: Context, sentence: Sentence, head: Token) -> tuple[int, int] | None:
    """The span of the portfolio (``Buitenlandse Zaken``) that holds ``head``, or None."""
    if head.upos not in ("NOUN", "PROPN", "ADJ") or not ctx.lexicon.departments:
        return None
    for match in department_pattern(ctx.lexicon.departments).finditer(
        ctx.doc.text, sentence.start, sentence.end
    ):
        if match.start() <= head.start and head.end <= match.end():
            return match.start(), match.end()
    return None


def _finite_verb(token: Token) -> bool:
    return token.upos in ("VERB", "AUX") and "VerbForm=Fin" in token.feats


def _relative_antecedent(sentence: Sentence, head: Token) -> Token:
    """``een woordvoerder die zei dat …``: a relative pronoun stands for the noun its clause
    modifies; any other head is itself."""
    if head.upos != "PRON" or head.text.lower() not in ("die", "dat"):
        return head
    # The noun right before ``die`` (and its comma).
    before = [t for t in sentence.tokens[: head.id - 1] if t.text != ","][-1:]
    verb = sentence.token(head.head) if head.head else None
    if verb is not None and verb.deprel.startswith("acl") and verb.head:
        antecedent = sentence.token(verb.head)
        if antecedent.upos in ("NOUN", "PROPN") and antecedent.id < head.id:
            # A Dutch relative pronoun follows its antecedent: ``Het probleem, boze reizigers die
            # denken …`` with the clause hung on the first noun means the apposition it precedes,
            # unless the first is a name (``Jan de Wit, de voorzitter, die …``: the name is better).
            nearest = before[0] if before else None
            if (
                antecedent.upos == "NOUN"
                and nearest is not None
                and nearest.deprel == "appos"
                and nearest.head == antecedent.id
            ):
                return nearest
            return antecedent
    # A weak parse: ``die`` right after a noun (and its comma) is the relative pronoun.
    return before[0] if before and before[0].upos in ("NOUN", "PROPN") else head


_NOT_SPEAKER_UPOS = frozenset({"VERB", "AUX", "ADV", "ADJ", "ADP", "SCONJ", "CCONJ", "PART", "INTJ", "PUNCT"})
# Pronouns that never refer to a person who speaks (``Wat volgt is …: ‘…’``).
_NOT_SPEAKER_PRONOUNS = frozenset(
    {"wat", "wie", "welke", "dat", "dit", "het", "er", "iets", "niets", "alles", "zich", "zichzelf"}
)
# Prepositions that open a modifier of a speaker noun (``een woordvoerder van Tesco``,
# ``de politiechef in Deventer``); ``in``/``bij``/``uit`` only before a name, since before a
# common noun they mostly modify the verb (``zei de minister in een interview``).
_NOUN_MODIFIER_PREPS = {"van": False, "in": True, "bij": True, "uit": True}
_NP_WORD_UPOS = frozenset({"DET", "ADJ", "NUM", "NOUN", "PROPN", "X"})


def _noun_modifiers_end(sentence: Sentence, last: Token, end: int) -> int:
    """Extend a common-noun mention over the prepositional modifiers the parse may have missed."""
    position = last.id  # index of the token after ``last`` in sentence.tokens
    tokens = sentence.tokens
    while position < len(tokens):
        prep = tokens[position].text.lower()
        if prep not in _NOUN_MODIFIER_PREPS:
            break
        words = []
        for token in tokens[position + 1 :]:
            if token.upos not in _NP_WORD_UPOS or is_punct(token):
                break
            words.append(token)
        # The modifier ends at its last noun (``in Deventer`` of ``in Deventer behoorlijk``).
        needs_name = _NOUN_MODIFIER_PREPS[prep]
        nouns = [
            t
            for t in words
            if t.text[:1].isupper() or (not needs_name and t.upos in ("NOUN", "PROPN", "NUM"))
        ]
        if not nouns:
            break
        end = nouns[-1].end
        position = nouns[-1].id
    return end


def _cue_span(token: Token, lemma: str) -> tuple[int, int, str]:
    return token.start, token.end, lemma


def _kind_for(ctx: Context, start: int, end: int) -> tuple[QuoteKind, list[int]]:
    """MIXED when quoted fragments lie inside ``[start, end)``; also return those stretches."""
    # A stretch that ends by ``end + 1`` opens by then too; so does one whose closing mark only
    # the sentence's final punctuation, which the span leaves out, keeps from ``end`` (``dat
    # 'alles een poging is.'``).
    inner = [
        i
        for i in ctx.stretches_from(start, end + 1)
        if i not in ctx.claimed_stretches
        and (
            ((s := ctx.stretches[i]).close_end or s.content_end) <= end + 1
            or (s.close_start is not None and not ctx.doc.text[end : s.close_start].strip(_EDGE_PUNCT))
        )
    ]
    return (QuoteKind.MIXED if inner else QuoteKind.INDIRECT), inner


# --- 1. direct, postposed ------------------------------------------------------------


def _postposed_cue(ctx: Context, sent_index: int, after: int) -> tuple[Token, str, Token | None] | None:
    """A cue right after offset ``after`` in the sentence: ``, zei X`` / ``, aldus X`` / ``, zo zegt X``.

    Returns (cue token, lemma, speaker head).
    """
    sentence = ctx.doc.sentences[sent_index]
    following = [t for t in sentence.tokens if t.start >= after]
    words = [t for t in following if not is_punct(t)][:4]
    for position, token in enumerate(words):
        low = token.text.lower()
        if low in ("aldus", "volgens"):
            nominal = token.head and sentence.token(token.head)
            if nominal and nominal.id != token.id and nominal.upos in ("PROPN", "NOUN", "PRON", "X", "ADJ"):
                return token, low, nominal
            rest = [t for t in following if t.start > token.start and not is_punct(t)]
            return token, low, _surface_name_head(rest)
        in_verb_slot = position == 0 or (position == 1 and words[0].text.lower() == "zo")
        if in_verb_slot and low in _PASSIVE_AUXILIARIES:
            passive = _passive_tag(ctx, sentence, [t for t in following if t.start > token.start])
            if passive is not None:
                return passive
        verb_slot = in_verb_slot and _after_comma(ctx, after, token)
        if verb_slot and ctx.lexicon.is_auxiliary(low) and low not in _PASSIVE_AUXILIARIES:
            perfect = _auxiliary_tag(ctx, [t for t in following if t.start > token.start])
            if perfect is not None:
                return perfect
        found = ctx.cue_verb(sentence, token, as_tag=True, verb_slot=verb_slot)
        if found is not None:
            subject = subject_of(sentence, token)
            quoted = subject is not None and ctx.inside_stretch((subject.start, subject.end))
            if subject is not None and (subject.start < after or quoted):
                # The parse took a word of this quote, or of the one the tag interrupts, for the
                # subject (``„A”, zegt een woordvoerder, „en de regering …”``).
                subject = None
            if subject is None:
                rest = [t for t in following if t.start > token.start and not is_punct(t)]
                # ``, zo staat in Het Parool``: a verb whose source is a text names it in a phrase.
                subject = _surface_name_head(rest) or _text_source(ctx, sentence, token, found[0])
            named = _name_after(ctx, sentence, token)
            # A pronoun subject wins over a later name (``zegt hij tegen Piet Jansen``), a
            # possessive the parse took for the subject does not.
            keeps = subject is not None and subject.upos == "PRON" and not _possessive(sentence, subject)
            if named is not None and (not keeps or (subject is not None and named.id == subject.id)):
                subject = named
            return token, found[0], subject
        if position == 0 and low == "zo":
            continue
        if position >= 1:
            break
    return None


_PASSIVE_AUXILIARIES = frozenset({"wordt", "werd", "werden", "worden"})


def _passive_tag(
    ctx: Context, sentence: Sentence, rest: Sequence[Token]
) -> tuple[Token, str, Token | None] | None:
    """A passive speech tag, ``rest`` being the words after its ``wordt``/``werd``.

    ``zo wordt ze geciteerd``: with a verb whose object is the one quoted, the passive subject
    speaks. ``werd gezegd door X``: otherwise the agent does, and without one nobody is named.
    """
    clause = list(itertools.takewhile(lambda t: not is_punct(t), rest))
    for index, token in enumerate(clause[:4]):
        verb = ctx.lexicon.verb_for(token.text)
        if verb is None or verb.tag_only or token.text.lower() not in verb.participles:
            continue
        if verb.quotes_object:
            return token, verb.lemma, _surface_name_head(clause[:index])
        agent = next((k for k, t in enumerate(clause) if t.text.lower() == "door" and k > index), None)
        return token, verb.lemma, _surface_name_head(clause[agent + 1 :]) if agent is not None else None
    return None


def _auxiliary_tag(ctx: Context, rest: Sequence[Token]) -> tuple[Token, str, Token | None] | None:
    """A speech tag with its auxiliary first, ``rest`` being the words after it: ``‘…’, zouden ze
    geroepen hebben``, ``‘…’, heeft de minister gezegd``. The cue is the participle or
    infinitive, the speaker the phrase between."""
    clause = list(itertools.takewhile(lambda t: not is_punct(t), rest))
    for index, token in enumerate(clause[1:8], start=1):
        verb = ctx.lexicon.verb_for(token.text)
        if verb is None or verb.tag_only or verb.is_multiword:
            continue
        if token.text.lower() in verb.participles or token.text.lower() == verb.lemma:
            return token, verb.lemma, _surface_name_head(clause[:index])
    return None


def _auxiliary_tag_cue(
    ctx: Context, sentence: Sentence, rest: Sequence[Token]
) -> tuple[tuple[str, CueClass, bool] | None, Token]:
    """The cue (as :meth:`Context.cue_verb` gives it) and its word in a tag opened by an auxiliary,
    ``rest`` being the tag's words after the auxiliary; ``(None, …)`` when there is none."""
    found = _auxiliary_tag(ctx, rest)
    if found is None:
        return None, rest[0] if rest else sentence.tokens[0]
    participle = found[0]
    return ctx.cue_verb(sentence, participle, as_tag=True, verb_slot=True), participle


def _after_comma(ctx: Context, after: int, token: Token) -> bool:
    """Whether a comma ends the quote at offset ``after`` (``…,”`` or ``…”,``) and at most ``zo``
    stands between it and ``token``."""
    text = ctx.doc.text
    between = "".join(text[after : token.start].split()).lower()
    comma_inside = "," in text[max(0, after - 3) : after]
    return between in (",", ",zo") or (comma_inside and between in ("", "zo"))


_POSSESSIVES = frozenset({"zijn", "haar", "hun", "mijn", "onze", "ons", "jullie", "uw", "z'n", "m'n"})


def _possessive(sentence: Sentence, token: Token) -> bool:
    """``haar`` in ``zegt haar advocaat Willem Korteling``: a possessive before a word, no subject."""
    if token.text.lower() not in _POSSESSIVES or token.id >= len(sentence.tokens):
        return False
    return not is_punct(sentence.tokens[token.id])


def _owned_noun(sentence: Sentence, pronoun: Token | None) -> Token | None:
    """The noun a possessive pronoun opens (``haar advocaat``, ``zijn nieuwe baas``), or None
    (``volgens haar is het …``, or no pronoun)."""
    if pronoun is None or pronoun.upos != "PRON" or pronoun.text.lower() not in _POSSESSIVES:
        return None
    for token in sentence.tokens[pronoun.id : pronoun.id + 3]:
        if token.upos in ("NOUN", "PROPN"):
            return token
        if token.upos != "ADJ":
            return None
    return None


def _name_after(ctx: Context, sentence: Sentence, verb: Token) -> Token | None:
    """``zegt haar advocaat Willem Korteling``: a name that the tag names right after the verb.

    Looks at the words up to the first punctuation or preposition after the verb.
    """
    for token in sentence.tokens[verb.id : verb.id + 5]:
        name = ctx.name_index.at(token.start, token.end)
        # Checked before the preposition stop: ``Van Essen`` opens with a tagged ADP.
        if (
            name is not None
            and name.start == token.start
            and (token.upos == "PROPN" or len(name.text.split()) >= 2)
        ):
            return token
        if is_punct(token) or token.upos == "ADP":
            return None
    return None


def _surface_name_head(tokens: Sequence[Token]) -> Token | None:
    """Fallback when the parse gives no subject: the first nominal word after the cue."""
    for token in tokens[:4]:
        if is_time_noun(token):
            return None  # ``dreigde de laatste keer …``: a time adverb, no speaker
        if token.upos in ("PROPN", "PRON", "NOUN"):
            return token
        # ``zegt de gepensioneerde rechter``: a participle before the noun modifies it.
        attributive = token.upos == "VERB" and token.deprel == "amod"
        if token.upos not in ("DET", "ADJ") and not attributive:
            return None
    return None


def sieve_direct_postposed(ctx: Context) -> None:
    previous: Attribution | None = None
    previous_close: int | None = None
    for index, stretch in enumerate(ctx.stretches):
        if index in ctx.claimed_stretches or stretch.close_end is None:
            previous = None
            continue
        sent_index = ctx.sentence_at(stretch.close_start or stretch.content_end)
        if sent_index is None:
            continue
        found = _postposed_cue(ctx, sent_index, stretch.close_end)
        if found is None or not _tag_follows_quote(ctx, ctx.doc.sentences[sent_index], stretch, found[0]):
            continue
        cue, lemma, head = found
        text = ctx.doc.text
        if _fragment_inside_reported_clause(ctx, ctx.doc.sentences[sent_index], stretch):
            # ``De afgelopen jaren waren ‘verschrikkelijk’, zegt Ross.``: the tag reports the whole
            # clause, one mixed quote (indirect.parenthetical takes the sentence).
            continue
        if (
            head is None
            and cue.start == _skip_space(text, stretch.close_end, cue.start)
            and not text[stretch.content_start : stretch.content_end].rstrip().endswith((",", "!", "?"))
        ):
            # ``‘Nee’ zeggen is lastig``: with no comma after the quote and no one after the verb,
            # the verb names the act (an infinitive, whatever its tag), and nobody says the words.
            continue
        speaker, speaker_head = _speaker_of(ctx, sent_index, head)
        attribution = Attribution(
            QuoteKind.DIRECT,
            (stretch.content_start, stretch.content_end),
            _cue_span(cue, lemma),
            speaker,
            speaker_head,
            "direct.postposed",
            0.9,
        )
        ctx.add(attribution)
        ctx.claimed_stretches.add(index)
        # ``‘A’, zegt X, ‘B’``: the next stretch continues the same sentence.
        nxt = index + 1
        if nxt < len(ctx.stretches) and nxt not in ctx.claimed_stretches:
            following = ctx.stretches[nxt]
            between = ctx.doc.text[stretch.close_end : following.open_start]
            if ctx.sentence_at(following.open_start) == sent_index and not any(c in between for c in ".!?:"):
                ctx.add(
                    attrs.evolve(
                        attribution,
                        content=(following.content_start, following.content_end),
                        rule="direct.interrupted",
                        confidence=0.85,
                    )
                )
                ctx.claimed_stretches.add(nxt)
        previous, previous_close = attribution, stretch.close_end
    del previous, previous_close


def _fragment_inside_reported_clause(ctx: Context, sentence: Sentence, stretch: QuotedStretch) -> bool:
    """Whether the quoted stretch closes a clause that opens with two or more words of the narration
    in the same sentence, with no colon, quotation or verb of saying before it: then the tag after
    it reports that whole clause."""
    before = [t for t in sentence.tokens if t.end <= stretch.open_start]
    words = [t for t in before if any(c.isalnum() for c in t.text)]
    if len(words) < 2 or any(t.text in (":", ";") for t in before):
        return False
    content = ctx.doc.text[stretch.content_start : stretch.content_end].lstrip()
    if content[:1].isupper():
        return (
            False  # a whole quoted sentence after a heading the text runs into (``Mystiek ‘Intelligent …’``)
        )
    if next(ctx.stretches_from(sentence.start, stretch.open_start - 1), None) is not None:
        return False
    return not any(ctx.cue_verb(sentence, t) is not None for t in words)


def _tag_follows_quote(ctx: Context, sentence: Sentence, stretch: QuotedStretch, cue: Token) -> bool:
    """Whether the words after the quote read as its speech tag: the quote opens its sentence,
    ends in punctuation, or a comma follows it. A quoted word inside the narration is named, not
    said (``de pont, die consequent ‘pontje’ wordt genoemd``)."""
    text = ctx.doc.text
    before = text[sentence.start : stretch.open_start].strip(" \t\n‘’“”„\"'«»‹›,")
    ends_in_punctuation = text[stretch.content_start : stretch.content_end].rstrip()[-1:] in (*".,?!…;:", "")
    comma_after = text[stretch.close_end or stretch.content_end : cue.start].strip().startswith(",")
    return not before or ends_in_punctuation or comma_after


# --- 2. direct, preposed ---------------------------------------------------------------


def sieve_direct_preposed(ctx: Context) -> None:
    text = ctx.doc.text
    for index, stretch in enumerate(ctx.stretches):
        if index in ctx.claimed_stretches:
            continue
        before = text[max(0, stretch.open_start - 3) : stretch.open_start].rstrip()
        if not before.endswith(":"):
            continue
        colon_at = text.rfind(":", 0, stretch.open_start)
        sent_index = ctx.sentence_at(colon_at)
        if sent_index is None:
            continue
        sentence = ctx.doc.sentences[sent_index]
        clause = [t for t in sentence.tokens if t.end <= colon_at]
        if not clause:
            continue
        colon = next((t for t in sentence.tokens if t.start == colon_at), None)
        result = _preposed_attribution(ctx, sentence, clause, colon)
        if result is None:
            continue
        cue, head, confidence = result
        speaker, speaker_head = _speaker_of(ctx, sent_index, head)
        ctx.add(
            Attribution(
                QuoteKind.DIRECT,
                (stretch.content_start, stretch.content_end),
                cue,
                speaker,
                speaker_head,
                "direct.preposed",
                confidence,
            )
        )
        ctx.claimed_stretches.add(index)


def sieve_direct_speaker_label(ctx: Context) -> None:
    """Interview transcripts: a line that opens with the speaker's name, then the quote.

    ``Johan Heldenbergh «Een postume triomf …»`` and ``Heldenbergh «Dat is waar.»``: the
    name alone before the opening mark at the start of a line is a speaker label (with a
    colon, :func:`sieve_direct_preposed` has it already).
    """
    text = ctx.doc.text
    for index, stretch in enumerate(ctx.stretches):
        if index in ctx.claimed_stretches or _cited_with_date(text, stretch):
            continue  # a letter's heading before the headline it answers is no label
        # Only the white space at either end of the label is read, never the whole line.
        label_start = _skip_space(text, ctx.line_start(stretch.open_start), stretch.open_start)
        name = ctx.name_index.starting_at(label_start)
        if name is None or _skip_space(text, name.end, stretch.open_start) < stretch.open_start:
            _add_caption(ctx, index, stretch)
            continue
        _add_label(ctx, index, name, 0.8)


def _add_label(ctx: Context, index: int, name: NameMention, confidence: float) -> None:
    """Stretch ``index`` as a direct quote of the person a speaker label names."""
    stretch = ctx.stretches[index]
    ctx.add(
        Attribution(
            QuoteKind.DIRECT,
            (stretch.content_start, stretch.content_end),
            None,
            (name.start, name.end),
            None,
            "direct.speaker_label",
            confidence,
        )
    )
    ctx.claimed_stretches.add(index)


# ``Mina Etemad (31) Filmmaker in Amsterdam``: a name, the age in brackets and at most a short
# description with no sentence end, between two quotes of a series of short interviews.
_AGE_CAPTION = regex.compile(r"[ \t\u00a0]*\(\d{1,3}\)[^.!?:;‘’“”„\"'«»\n]{0,80}")


def _add_caption(ctx: Context, index: int, stretch: QuotedStretch) -> None:
    """A quote right after a caption of name and age is that person's, and so is a quote that
    stands right before the caption (the teaser that opens each short interview)."""
    if index == 0:
        return
    previous = ctx.stretches[index - 1]
    if previous.close_end is None or previous.paragraph != stretch.paragraph:
        return
    text = ctx.doc.text
    label_start = _skip_space(text, previous.close_end, stretch.open_start)
    name = ctx.name_index.starting_at(label_start)
    if name is None or len(name.text.split()) < 2:
        return
    caption = _AGE_CAPTION.match(text, name.end, stretch.open_start)
    if caption is None or _skip_space(text, caption.end(), stretch.open_start) < stretch.open_start:
        return
    for claimed in (index - 1, index):
        if claimed not in ctx.claimed_stretches:
            _add_label(ctx, claimed, name, 0.7)


def _skip_space(text: str, start: int, end: int) -> int:
    """The first offset in ``[start, end)`` that holds no white space (``str.isspace``), else ``end``."""
    while start < end and text[start].isspace():
        start += 1
    return start


def _preposed_attribution(
    ctx: Context, sentence: Sentence, clause: list[Token], colon: Token | None
) -> tuple[tuple[int, int, str], Token | None, float] | None:
    volgens = _volgens_label(ctx, sentence, clause)
    if volgens is not None:
        return volgens
    # A verb of saying in the clause before the colon, nearest the colon first.
    for token in reversed(clause):
        found = ctx.cue_verb(sentence, token)
        if found is not None and token.upos in ("VERB", "AUX"):
            source = _text_source(ctx, sentence, token, found[0])
            if source is not None:
                return _cue_span(token, found[0]), source, 0.75
            subject = subject_of(sentence, token)
            if subject is None or subject.upos in _NOT_SPEAKER_UPOS:
                # ``Refererend aan …, schrijft hij:``: a verb the parse made the subject.
                subject = _surface_subject(sentence, token) or subject
            return _cue_span(token, found[0]), subject, 0.85
    for token in reversed(clause):
        noun = ctx.lexicon.noun_cue(token.text)
        if noun is not None and token.upos == "NOUN":
            if _answered_question(ctx, sentence, token):
                # ``Op vragen van deze krant … wordt vermeden: ‘…’``: who asked does not answer.
                return _cue_span(token, noun), None, 0.6
            owner = first_child(sentence, token, "nmod:poss") or _van_owner(sentence, token)
            if owner is None and token.head:
                owner = subject_of(sentence, sentence.token(token.head))
            return _cue_span(token, noun), owner, 0.75
    words = [t for t in clause if not is_punct(t)]
    if not words:
        return None
    colon_cue = (colon.start, colon.end, ":") if colon is not None else None
    if colon_cue is None:
        return None
    # ``Lavrov: ‘…’`` / ``Kathleen Ferrier (KF): ‘…’``: the words before the colon are one name.
    outside_brackets = _outside_brackets(clause)
    # ``Burgemeester Ingrid de Jong: ‘…’`` / ``De minister: ‘…’``: an article and role words
    # may lead the label.
    role_words = _leading_role_words(ctx, outside_brackets, ("de", "het", "een"))
    if _particle_surname(outside_brackets):
        role_words = 0  # ``De Jonge: ‘…’``: the capitalised article opens the surname
    if outside_brackets:
        first, last = outside_brackets[min(role_words, len(outside_brackets) - 1)], outside_brackets[-1]
        name = ctx.name_index.at(first.start, first.end)
        if name is not None and name.start == first.start and name.end >= last.end:
            return colon_cue, first, 0.8
        # ``Rugwind CNV-voorzitter Arend van Wijngaarden: ‘…’``: a full name ends the label, after
        # capitalised words (a headline, a role) that hold no verb.
        name = ctx.name_index.at(last.start, last.end)
        if name is not None and introduces(name):
            opening = next((t for t in outside_brackets if t.start == name.start), None)
            before = [t for t in outside_brackets if t.end <= name.start]
            if opening is not None and all(
                t.text[:1].isupper() and t.upos not in ("VERB", "AUX") for t in before
            ):
                return colon_cue, opening, 0.75
        if role_words == len(outside_brackets) and ctx.lexicon.role_noun(last.text) is not None:
            return colon_cue, last, 0.7
        if len(outside_brackets) == 1 and _initials_of_a_name(ctx, first):
            # ``KF: ‘…’`` after ``Kathleen Ferrier (KF)``, whatever the tagger made of ``KF``.
            return colon_cue, first, 0.8
        if _name_with_apposition(ctx, clause):
            return colon_cue, clause[0], 0.7
    # ``X is duidelijk: ‘…’``: the subject of the clause before the colon speaks.
    root = next((t for t in clause if t.deprel == "root" or t.head == 0), None)
    if root is None:
        heads = [t for t in clause if t.head == 0 or sentence.token(t.head).end > clause[-1].end]
        root = heads[0] if heads else None
    # ``X is duidelijk: ‘…’``: a predicate of attitude (a copula and its adjective) says how the
    # subject speaks; ``In cirkel 1 bevinden zich de kiezers: ‘…’`` only places someone.
    if root is not None and children(sentence, root, "cop"):
        subject = subject_of(sentence, root)
        # ``In cirkel 2 treffen we Boris Johnson: ‘…’``: with no verb of saying, the author's
        # ``we`` only introduces the quote; it floats to its speaker instead.
        author = subject is not None and subject.text.lower() in _AUTHOR_PRONOUNS
        if subject is not None and _may_speak(ctx, subject) and subject.end <= colon_cue[0]:
            return None if author else (colon_cue, subject, 0.6)
    return None


def _name_with_apposition(ctx: Context, clause: Sequence[Token]) -> bool:
    """``Walt, verantwoordelijk voor de inkoop: ‘…’``: a name, a comma and an apposition with no
    finite verb make a speaker label (with a verb, the clause says something of its own)."""
    name = ctx.name_index.starting_at(clause[0].start)
    if name is None:
        return False
    after = [t for t in clause if t.start >= name.end]
    if len(after) < 2 or after[0].text != "," or after[1].text[:1].isupper():
        return False
    return not any(t.feat("VerbForm") == "Fin" or t.upos == "AUX" for t in after)


def _answered_question(ctx: Context, sentence: Sentence, noun: Token) -> bool:
    """A question noun after ``op`` (``op vragen van X``, ``op de vraag``): what follows answers it."""
    info = ctx.lexicon.noun_cue_info(noun.text)
    return (
        info is not None
        and info.cue_class is CueClass.QUESTION
        and any(c.text.lower() == "op" for c in children(sentence, noun, "case"))
    )


def _may_speak(ctx: Context, subject: Token) -> bool:
    """Whether a subject with no verb of saying can be someone who speaks: a name, a personal
    pronoun, or a role or organisation noun (``Het thema is suf: ‘…’`` has no speaker)."""
    if subject.upos == "PROPN":
        return True
    if subject.upos == "PRON":
        return subject.text.lower() not in _NOT_SPEAKER_PRONOUNS and subject.text.lower() not in _ANAPHORS
    return subject.upos == "NOUN" and ctx.lexicon.role_noun(subject.text) is not None


def _volgens_label(
    ctx: Context, sentence: Sentence, clause: list[Token]
) -> tuple[tuple[int, int, str], Token | None, float] | None:
    """``Volgens hoogleraar Marianne Geleijnse niet: ‘…’``: a colon label made of ``volgens`` and its
    source, with at most adverbs (``niet``, ``wel``, ``ook``) or a linking word around it."""
    words = [t for t in clause if not is_punct(t)]
    opening = 1 if words and words[0].text.lower() in _LINKING_WORDS else 0
    if len(words) <= opening or words[opening].text.lower() != "volgens":
        return None
    volgens = words[opening]
    named = _volgens_name(ctx, sentence, volgens)
    if named is None:
        return None
    source, last = named
    rest = [t for t in words if t.id > last]
    if any(t.upos != "ADV" and t.text.lower() not in _LABEL_ADVERBS for t in rest):
        return None
    return (volgens.start, volgens.end, "volgens"), source, 0.8


# Adverbs a ``volgens`` label may end with, whatever their tag: ``Volgens X niet: ‘…’``.
_LABEL_ADVERBS = frozenset({"niet", "wel", "ook", "evenmin", "zeker", "absoluut", "dus"})


def _leading_role_words(ctx: Context, tokens: Sequence[Token], articles: tuple[str, ...]) -> int:
    """How many of ``tokens`` open with articles and role nouns (``Burgemeester``, ``de minister``)."""
    count = 0
    for token in tokens:
        if token.text.lower() not in articles and ctx.lexicon.role_noun(token.text) is None:
            break
        count += 1
    return count


def _outside_brackets(tokens: Sequence[Token]) -> list[Token]:
    depth = 0
    kept = []
    for token in tokens:
        if token.text in "([":
            depth += 1
        elif token.text in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and not is_punct(token):
            kept.append(token)
    return kept


def _text_source(ctx: Context, sentence: Sentence, verb: Token, lemma: str) -> Token | None:
    """For a cue whose source is a text (``in het artikel van Eveline Brandt staat: …``): the
    text's ``van`` owner, else the text (``zo staat in Het Parool``); None for other cues."""
    entry = ctx.lexicon.verb_by_lemma(lemma)
    if entry is None or entry.source_preposition is None:
        return None
    # A text is a channel noun (``het artikel``) or a name (``Het Parool``), right after the verb
    # (adverbs aside) or before it: ``staat vandaag op het spel in het Parlement`` is an idiom
    # with a place.
    texts = [
        child
        for child in children(sentence, verb)
        if child.deprel.startswith("obl")
        and (child.upos == "PROPN" or ctx.lexicon.is_channel_noun(child.text) or _opens_name(ctx, child))
        and any(c.text.lower() == entry.source_preposition for c in children(sentence, child, "case"))
        and (child.id < verb.id or _adverbs_between(sentence, verb, _phrase_start(sentence, child)))
    ]
    if not texts:
        return None
    # ``In De Groene van 31 mei staat in het artikel van …``: the phrase after the verb is the
    # text, one before it may be the publication; a date (``van 31 mei``) is no owner.
    text = min(texts, key=lambda t: (t.id < verb.id, abs(t.id - verb.id)))
    owner = _van_owner(sentence, text)
    if owner is None or owner.upos not in ("PROPN", "NOUN") or owner.text.lower() in TIME_WORDS:
        return text  # ``Het Parool van donderdag``: a day is no owner
    return owner


def _opens_name(ctx: Context, token: Token) -> bool:
    """``in Het Parool`` parsed with the article as the phrase's head: the word opens a name of
    two words or more."""
    name = ctx.name_index.at(token.start, token.end)
    return name is not None and name.start == token.start and len(name.text.split()) >= 2


def _phrase_start(sentence: Sentence, head: Token) -> Token:
    """The first token of ``head``'s own words: its case marker, determiner, modifiers before it."""
    first = head
    for child in children(sentence, head, "case", "det", "amod", "nummod"):
        if child.id < first.id:
            first = child
    return first


def _adverbs_between(sentence: Sentence, left: Token, right: Token) -> bool:
    return all(t.upos == "ADV" for t in sentence.tokens[left.id : right.id - 1])


def _van_owner(sentence: Sentence, noun: Token) -> Token | None:
    for child in children(sentence, noun, "nmod"):
        if any(c.text.lower() == "van" for c in children(sentence, child, "case")):
            return child
    return None


# --- 3. quoted fragments governed by a cue -------------------------------------------


def sieve_direct_cue_object(ctx: Context) -> None:
    for index, stretch in enumerate(ctx.stretches):
        if index in ctx.claimed_stretches:
            continue
        bracketed = _bracketed_after_noun_cue(ctx, stretch)
        if bracketed is not None:
            ctx.add(
                Attribution(
                    QuoteKind.DIRECT,
                    (stretch.content_start, stretch.content_end),
                    bracketed[0],
                    bracketed[1],
                    None,
                    "direct.cue_object",
                    0.65,
                )
            )
            ctx.claimed_stretches.add(index)
            continue
        sent_index = ctx.sentence_at(stretch.content_start)
        if sent_index is None:
            continue
        sentence = ctx.doc.sentences[sent_index]
        inside = ctx.stretch_tokens(sentence, stretch)
        if not inside:
            continue
        ids = {t.id for t in inside}
        # The head of the fragment: the token inside whose head lies outside.
        top = [t for t in inside if t.head not in ids]
        if len(top) != 1 or not top[0].head:
            continue
        governor = sentence.token(top[0].head)
        if top[0].deprel.split(":")[0] not in ("obj", "obl", "nmod", "ccomp", "xcomp", "appos", "parataxis"):
            continue
        cue = ctx.cue_verb(sentence, governor)
        if cue is None:
            # ``klaagt bij de caravan over de ’…’``, the fragment attached to the wrong noun: the
            # preposition right before it follows the cue verb in the same clause.
            governor = _cue_before_preposition(ctx, sentence, inside[0]) or governor
            cue = ctx.cue_verb(sentence, governor)
        if cue is not None and any(
            c.id > top[0].id and _clause_is_finite(sentence, c)
            for c in _complement_heads(ctx, sentence, governor, cue[0])
        ):
            continue  # the cue's clause after the fragment takes it in (one mixed quote)
        closing_tag = ctx.closing_tag(sent_index) if cue is not None else None
        if closing_tag is not None and governor.id < closing_tag.id:
            # ``De broeders zullen ‘…’ aan de orde stellen, zegt La Manna.``: the cue inside is
            # part of what the closing tag reports (indirect.parenthetical takes the sentence).
            continue
        if cue is not None and governor.upos in ("VERB", "AUX") and cue[1] is not CueClass.OPINION:
            head = subject_of(sentence, governor)
            if head is None and governor.feat("VerbForm") == "Inf":
                continue  # ``om ‘nee’ te zeggen``: an infinitive with no subject reports nobody's words
            speaker, speaker_head = _speaker_of(ctx, sent_index, head)
            ctx.add(
                Attribution(
                    QuoteKind.DIRECT,
                    (stretch.content_start, stretch.content_end),
                    _cue_span(governor, cue[0]),
                    speaker,
                    speaker_head,
                    "direct.cue_object",
                    0.7,
                )
            )
            ctx.claimed_stretches.add(index)
            continue
        noun = ctx.lexicon.noun_cue(governor.text) if governor.upos == "NOUN" else None
        if noun is not None:
            owner = first_child(sentence, governor, "nmod:poss") or _van_owner(sentence, governor)
            if owner is None:
                continue
            speaker, speaker_head = _speaker_of(ctx, sent_index, owner)
            ctx.add(
                Attribution(
                    QuoteKind.DIRECT,
                    (stretch.content_start, stretch.content_end),
                    _cue_span(governor, noun),
                    speaker,
                    speaker_head,
                    "direct.cue_object",
                    0.65,
                )
            )
            ctx.claimed_stretches.add(index)


def _cue_before_preposition(ctx: Context, sentence: Sentence, first: Token) -> Token | None:
    """The cue verb before ``<topic preposition> (<article>) <first>``, with no verb or punctuation
    between, or None."""
    before = [t for t in sentence.tokens if t.id < first.id]
    if before and is_punct(before[-1]):
        before = before[:-1]  # the opening mark
    if before and before[-1].upos == "DET":
        before = before[:-1]
    if not before or before[-1].text.lower() not in ctx.lexicon.topic_prepositions:
        return None
    for token in reversed(before[:-1]):
        if token.upos in ("VERB", "AUX"):
            return token if ctx.cue_verb(sentence, token) is not None else None
        if is_punct(token) or token.upos in ("SCONJ", "CCONJ"):
            return None
    return None


_NOUN_VAN_BRACKET = regex.compile(r"(\p{L}+)\s+van\s+([^()\n]+?)\s*\(\s*$")


def _bracketed_after_noun_cue(
    ctx: Context, stretch: QuotedStretch
) -> tuple[tuple[int, int, str], tuple[int, int]] | None:
    """``De jammerklacht van Piet Jonker (‘…’)``: a quote in brackets right after a noun cue and
    ``van`` with a name; returns the cue and the name's span. Read off the text, since the
    parse rarely hangs a bracketed quote on the noun."""
    low = max(0, stretch.open_start - 100)
    match = _NOUN_VAN_BRACKET.search(ctx.doc.text, low, stretch.open_start)
    if match is None:
        return None
    lemma = ctx.lexicon.noun_cue(match.group(1))
    name = ctx.name_index.starting_at(match.start(2))
    if lemma is None or name is None or name.end != match.end(2):
        return None
    return (match.start(1), match.end(1), lemma), (name.start, name.end)


# --- 4. indirect: cue verb + complement clause ---------------------------------------


def _clause_is_finite(sentence: Sentence, head: Token) -> bool:
    if head.feat("VerbForm") == "Fin":
        return True
    for child in children(sentence, head, "aux", "aux:pass", "cop"):
        if child.feat("VerbForm") == "Fin":
            return True
    return any(c.text.lower() in _COMPLEMENTISERS for c in children(sentence, head, "mark"))


_WH_WORDS = frozenset({"wat", "wie", "wiens", "welk", "welke", "waar", "hoe", "waarom", "wanneer"})


def _opens_with_wh_word(sentence: Sentence, head: Token) -> bool:
    """Whether the clause under ``head`` opens with a question word or free relative pronoun."""
    return sentence.subtree(head.id)[0].text.lower() in _WH_WORDS


def _is_adverbial_clause(sentence: Sentence, head: Token) -> bool:
    for mark in children(sentence, head, "mark"):
        if mark.text.lower() in _ADVERBIAL_SUBORDINATORS:
            return True
        if (
            mark.text.lower() == "dat"
            and mark.id > 1
            and sentence.token(mark.id - 1).text.lower() == "zonder"
        ):
            return True  # ``…, zonder dat wij het zeiden``: without, no complement
    return False


def _before_plural_noun(sentence: Sentence, token: Token) -> bool:
    """``dat dossiers``: the demonstrative ``dat`` goes only with a singular noun, so before a
    plural one it is the complementiser, whatever the tagger made of it."""
    following = sentence.token(token.id + 1) if token.id < len(sentence.tokens) else None
    return (
        token.text.lower() == "dat"
        and following is not None
        and following.upos == "NOUN"
        and following.feat("Number") == "Plur"
    )


def _after_stray_particle(ctx: Context, sentence: Sentence, before: Sequence[Token]) -> bool:
    """Whether ``before``, the words of a clause ahead of its ``dat``, are one word that makes a
    cue verb with the finite verb before the clause (``kondigde … aan``, ``wees … erop``): a
    particle the parse took into the clause, which a reported clause never opens with."""
    if len(before) != 1 or before[0].upos not in ("ADP", "ADV"):
        return False
    verb = next(
        (
            t
            for t in reversed(sentence.tokens[: before[0].id - 1])
            if t.upos in ("VERB", "AUX") and t.feat("VerbForm") == "Fin"
        ),
        None,
    )
    return verb is not None and ctx.lexicon.verb_for(verb.text, before[0].text) is not None


def _complement_span(
    ctx: Context, sentence: Sentence, clause_head: Token, siblings: Sequence[Token] = ()
) -> tuple[int, int] | None:
    """The reported clause under ``clause_head``, joined with the ``siblings`` (other clause
    heads the parse hung on the same verb after it: ``stelt dat Frankrijk de plicht heeft om …
    bij te staan`` parsed as two complements) into one contiguous stretch."""
    tokens = sentence.subtree(clause_head.id)
    if siblings:
        ids = {t.id for t in tokens}
        for sibling in siblings:
            ids.update(t.id for t in sentence.subtree(sibling.id))
        tokens = [t for t in sentence.tokens if min(ids) <= t.id <= max(ids)]
    # Start after the complementiser, also where the parse put a stray particle or adverb
    # before it into the clause (``sloot niet uit dat …``).
    for index, token in enumerate(tokens[:5]):
        # The tree's ``mark`` settles it where the tagger took ``dat`` for a pronoun; so does a
        # verb's particle right before it (``kondigde aan dat dossiers …`` parsed as ``aan dat
        # dossiers``, a prepositional phrase).
        if token.text.lower() in _COMPLEMENTISERS and (
            token.upos == "SCONJ"
            or token.deprel == "mark"
            or _before_plural_noun(sentence, token)
            or _after_stray_particle(ctx, sentence, tokens[:index])
        ):
            tokens = tokens[index + 1 :]
            break
    # ``Als onderzoekers meenden dat …, waren ze …``: a comma and a finite verb resume the main
    # clause, which the reported clause never runs into.
    resume = next(
        (
            k
            for k, t in enumerate(tokens[:-1])
            if t.text == ","
            and tokens[k + 1].upos in ("VERB", "AUX")
            and tokens[k + 1].feat("VerbForm") not in ("Inf", "Part", "Ger")
        ),
        None,
    )
    tokens = tokens[:resume] if resume else tokens
    tokens = _before_comment(tokens)
    tokens = [t for t in tokens if not (is_punct(t) and t is tokens[-1])]
    if not tokens:
        return None
    start, end = _trim(ctx.doc.text, tokens[0].start, tokens[-1].end)
    return (start, end) if end > start else None


def _before_comment(tokens: Sequence[Token]) -> list[Token]:
    """``stelt dat …, wat volgens X berust op een fabel``: a relative ``wat`` after a comma comments
    on the whole clause before it; the comment is no part of what was said."""
    comment = next(
        (k for k, t in enumerate(tokens[:-1]) if k > 0 and _opens_comment(t, tokens[k + 1])),
        None,
    )
    return list(tokens[:comment] if comment else tokens)


def _opens_comment(comma: Token, following: Token) -> bool:
    """``, wat``: a comma and the relative pronoun of a comment on the clause before."""
    return comma.text == "," and following.text.lower() == "wat" and following.upos == "PRON"


def sieve_indirect_clause(ctx: Context) -> None:
    for sent_index, sentence in enumerate(ctx.doc.sentences):
        if not sentence.parsed:
            continue
        closing_tag = ctx.closing_tag(sent_index)
        for token in sentence.tokens:
            cue = ctx.cue_verb(sentence, token)
            if cue is None or token.upos not in ("VERB", "AUX"):
                continue
            if closing_tag is not None and token.id < closing_tag.id:
                # ``Ajax moet niet denken dat …, zegt Degryse.``: the cue inside is part of
                # what the closing tag reports (indirect.parenthetical takes the sentence).
                continue
            clauses = [
                c
                for c in _complement_heads(ctx, sentence, token, cue[0])
                if _clause_is_finite(sentence, c)
                and not _is_adverbial_clause(sentence, c)
                # ``meent wat hij zegt``: an opinion is a ``dat`` clause, a ``wat`` clause a thing.
                and not (cue[1] is CueClass.OPINION and _opens_with_wh_word(sentence, c))
            ]
            # ``Scholte, die … werkte, zegt dat …``, ``hoe minder ze …; 11 procent vindt dat …``: of
            # the clauses a weak parse hangs on the verb, the relative ones and those across a
            # semicolon are not its complement, and one with ``dat``/``of`` comes first.
            reported = [
                c
                for c in clauses
                if not (_relative_after_comma(sentence, c) or _opens_with_conjunction(sentence, c))
                and not _semicolon_between(sentence, c, token)
            ]
            reported.sort(key=lambda c: not _has_complementiser(sentence, c))
            clause = reported[0] if reported else (clauses[0] if clauses else None)
            rule = "indirect.clause"
            subject = _text_source(ctx, sentence, token, cue[0]) or subject_of(sentence, token)
            span: tuple[int, int] | None
            after_colon = _clause_after_colon(ctx, sentence, token)
            if after_colon is not None:
                # ``Totdat Bierman moest vaststellen: ook een begaafde scoort niet hoger.``
                span, rule = after_colon, "indirect.clause_surface"
            elif clause is not None:
                siblings = [
                    c
                    for c in children(sentence, token, "ccomp")
                    if c.id != clause.id and sentence.subtree(c.id)[0].id > token.id
                ]
                if _relative_after_comma(sentence, clause) or _opens_with_conjunction(sentence, clause):
                    continue
                span = _complement_span(ctx, sentence, clause, siblings if clause.id > token.id else ())
            else:
                # The parse missed the clause: read ``zei (vorige week) dat …`` off the surface.
                span, subject = _surface_complement(ctx, sentence, token, subject, cue[1])
                rule = "indirect.clause_surface"
            if span is not None:
                span = _with_fragment_before(ctx, token, span)
            if span is None or _inside_claimed_direct(ctx, span) or ctx.inside_stretch(span):
                continue
            if subject is not None and (
                span[0] <= subject.start < span[1] or _colon_between(sentence, subject, token)
            ):
                # ``Sterker nog: het onderzoek zegt …``: a colon ends the phrase before it.
                subject = None
            if (
                subject is None
                or subject.upos in _NOT_SPEAKER_UPOS
                or (subject.text.lower() in NOT_NAMES and subject.upos == "PROPN")
            ):
                # ``Totdat Bierman moest …``: a conjunction the parse took for the subject.
                subject = _surface_subject(sentence, token) or subject
            passive_subject = (
                subject is not None and subject.deprel == "nsubj:pass" and subject.head == token.id
            )
            if passive_subject and not _quotes_object(ctx, cue[0]):
                # ``Er wordt gezegd dat …``, ``Hij werd gevraagd of …``: the passive subject is
                # what is said or who is addressed; only an agent (``door X``) speaks.
                subject = None
            span = _with_closing_mark(ctx, span)
            kind, inner = _kind_for(ctx, *span)
            speaker, speaker_head = _speaker_of(ctx, sent_index, subject)
            confidence = 0.8 if cue[1] is CueClass.SPEECH else 0.65
            if rule == "indirect.clause_surface":
                confidence -= 0.15
            ctx.add(
                Attribution(kind, span, _cue_span(token, cue[0]), speaker, speaker_head, rule, confidence)
            )
            ctx.claimed_stretches.update(inner)
            if span[0] <= sentence.start + 2 and span[1] >= _last_word_end(sentence) - 1:
                ctx.claimed_sentences.add(sent_index)


def _semicolon_between(sentence: Sentence, clause_head: Token, verb: Token) -> bool:
    """Whether a ``;`` stands between the clause under ``clause_head`` and ``verb``."""
    words = sentence.subtree(clause_head.id)
    low, high = (words[-1].id, verb.id) if words[-1].id < verb.id else (verb.id, words[0].id)
    return any(t.text == ";" for t in sentence.tokens[low : high - 1])


def _has_complementiser(sentence: Sentence, clause_head: Token) -> bool:
    return any(c.text.lower() in _COMPLEMENTISERS for c in children(sentence, clause_head, "mark"))


def _quotes_object(ctx: Context, lemma: str) -> bool:
    entry = ctx.lexicon.verb_by_lemma(lemma)
    return entry is not None and entry.quotes_object


_BEFORE_CLAUSE = regex.compile(r"\s*,?\s*(?:dat|of)?\s*")


def _with_fragment_before(ctx: Context, verb: Token, span: tuple[int, int]) -> tuple[int, int]:
    """``noemt het ‘fenomenaal’ dat …``: a quoted fragment between the cue and its clause joins
    the clause, which makes one mixed quote; ``span`` unchanged otherwise."""
    for index in ctx.stretches_from(verb.end, span[0]):
        stretch = ctx.stretches[index]
        after = stretch.close_end or stretch.content_end
        if index not in ctx.claimed_stretches and _BEFORE_CLAUSE.fullmatch(ctx.doc.text, after, span[0]):
            return stretch.open_start, span[1]
    return span


def _complement_heads(ctx: Context, sentence: Sentence, verb: Token, lemma: str) -> list[Token]:
    """The ``ccomp`` children of a cue verb, and of its particle where that is a verb the parse
    made the clause's head (``lieten in een reactie weten dat …``: ``weten`` as ``xcomp``)."""
    heads = children(sentence, verb, "ccomp")
    entry = ctx.lexicon.verb_by_lemma(lemma)
    if entry is not None and entry.particle is not None:
        for child in children(sentence, verb):
            if child.deprel in ("xcomp", "compound:prt") and child.text.lower() in entry.particles:
                heads += children(sentence, child, "ccomp")
    return heads


def _clause_after_colon(ctx: Context, sentence: Sentence, verb: Token) -> tuple[int, int] | None:
    """``X moest vaststellen: het plan werkt niet.``: a colon right after the cue verb (or its
    particle) and an unquoted finite clause up to the sentence end; its span, or None."""
    following = sentence.tokens[verb.id : verb.id + 2]
    colon = next((t for t in following if t.text == ":"), None)
    if colon is None or any(
        not is_punct(t) and t.deprel != "compound:prt" for t in following if t.id < colon.id
    ):
        return None
    rest = [t for t in sentence.tokens if t.id > colon.id]
    words = [t for t in rest if not is_punct(t)]
    if not words or is_punct(rest[0]) or not any(t.feat("VerbForm") == "Fin" for t in words):
        return None  # a quote mark opens a direct quote (direct.preposed), or no clause follows
    span = _trim(ctx.doc.text, words[0].start, words[-1].end)
    return span if span[1] > span[0] else None


def sieve_indirect_colon(ctx: Context) -> None:
    """``Pompeo is duidelijk: dat Nederland … is ‘ongelooflijk goed’ voor …``: a colon label with
    no verb of saying (``X is duidelijk:``, ``Volgens X:``) before an unquoted finite clause."""
    for sent_index, sentence in enumerate(ctx.doc.sentences):
        if not sentence.parsed or sent_index in ctx.claimed_sentences:
            continue
        colon = next((t for t in sentence.tokens if t.text == ":"), None)
        if colon is None or colon.id >= len(sentence.tokens):
            continue
        clause = [t for t in sentence.tokens if t.id < colon.id]
        rest = [t for t in sentence.tokens if t.id > colon.id]
        words = [t for t in rest if not is_punct(t)]
        if (
            not clause
            or not words
            or is_punct(rest[0])
            or not any(t.feat("VerbForm") == "Fin" for t in words)
        ):
            continue
        if any(ctx.lexicon.noun_cue(t.text) or ctx.cue_verb(sentence, t) for t in clause):
            continue  # a verb or noun of saying: the clause rules read it
        label = _volgens_label(ctx, sentence, clause) or _copula_label(ctx, sentence, clause, colon)
        if label is None:
            continue
        span = _trim(ctx.doc.text, words[0].start, words[-1].end)
        if span[1] <= span[0] or _overlaps_direct(ctx, span) or ctx.inside_stretch(span):
            continue
        cue, head, _ = label
        kind, inner = _kind_for(ctx, *span)
        speaker, speaker_head = _speaker_of(ctx, sent_index, head)
        ctx.add(Attribution(kind, span, cue, speaker, speaker_head, "indirect.colon", 0.55))
        ctx.claimed_stretches.update(inner)
        ctx.claimed_sentences.add(sent_index)


def _copula_label(
    ctx: Context, sentence: Sentence, clause: list[Token], colon: Token
) -> tuple[tuple[int, int, str], Token | None, float] | None:
    """``X is duidelijk:``: a copula and an adjective right before the colon, with a subject that
    can speak."""
    words = [t for t in clause if not is_punct(t)]
    copula = len(words) >= 3 and (
        words[-2].lemma == "zijn" or words[-2].text.lower() in ("is", "was", "waren")
    )
    if not copula or words[-1].upos != "ADJ":
        return None
    subject = subject_of(sentence, words[-1]) or _surface_subject(sentence, words[-2])
    if subject is None or not _may_speak(ctx, subject) or subject.text.lower() in _AUTHOR_PRONOUNS:
        return None
    return (colon.start, colon.end, ":"), subject, 0.55


def _opens_with_conjunction(sentence: Sentence, clause_head: Token) -> bool:
    """``…, zegt de moeder - en dat er rook hangt``: a clause the parse hung on the tag verb that
    opens with a coordinator continues an earlier clause; a verb's own complement never does."""
    words = [t for t in sentence.subtree(clause_head.id) if not is_punct(t)]
    return bool(words) and words[0].upos == "CCONJ"


_RELATIVE_OPENERS = frozenset({"die", "dat", "wat", "waar", "waarin", "waarop", "waarmee", "wie", "welke"})


def _relative_after_comma(sentence: Sentence, clause_head: Token) -> bool:
    """``zegt Kleinnijenhuis, die in 2019 werd verkozen …``: a clause the parse made the complement
    that opens with a relative pronoun after a comma or a noun modifies that noun; it reports
    nothing."""
    words = [t for t in sentence.subtree(clause_head.id) if not is_punct(t)]
    if not words:
        return False
    first = words[0]
    before = sentence.tokens[first.id - 2] if first.id >= 2 else None
    if before is None or first.upos not in ("PRON", "ADV") or first.text.lower() not in _RELATIVE_OPENERS:
        return False
    # ``vertelt Theo die …``: ``die`` right after a noun is relative too (``wat`` there may open a
    # question: ``vertelde de rechter wat er gebeurde``).
    # The noun may be tagged as an adjective (``een politiedeskundige die …``).
    nominal = before.upos in ("NOUN", "PROPN") or (before.upos == "ADJ" and before.deprel.startswith("nsubj"))
    # ``om kunst terug te eisen die … werd geroofd``: no complement clause opens with the pronoun
    # ``die`` (only ``dat``, ``of`` and question words do), wherever its noun stands.
    return before.text == "," or (first.text.lower() == "die" and (nominal or first.upos == "PRON"))


def _colon_between(sentence: Sentence, first: Token, second: Token) -> bool:
    return any(t.text == ":" and first.end <= t.start and t.end <= second.start for t in sentence.tokens)


_CLAUSE_GAP_UPOS = frozenset({"ADV", "ADP", "DET", "NOUN", "PROPN", "PRON", "ADJ", "NUM", "PUNCT"})


def _surface_complement(
    ctx: Context, sentence: Sentence, verb: Token, subject: Token | None, cue_class: CueClass | None = None
) -> tuple[tuple[int, int] | None, Token | None]:
    """``zei (tegen de krant) dat …``: the clause after the complementiser, to the sentence end.

    The speaker is the parse's subject when it has one; else the word before a verb in second
    position (``Rutte zei dat``), or the word after it (``Gisteren zei Rutte dat``).
    """
    following = [t for t in sentence.tokens if t.id > verb.id]
    complementiser = None
    for token in following[:8]:
        # After a question verb ``of`` is ``whether``, whatever the tagger made of it.
        whether = cue_class is CueClass.QUESTION and token.text.lower() == "of"
        # ``The Bulletin of Atomic Scientists``: a foreign ``of`` (tagged X) is no ``whether``.
        tagged = token.upos in ("SCONJ", "X", "PRON", "DET") and not (
            token.text.lower() == "of" and token.upos == "X"
        )
        if token.text.lower() in _COMPLEMENTISERS and (tagged or whether):
            complementiser = token
            break
        if token.upos not in _CLAUSE_GAP_UPOS or token.text in (":", ";"):
            break
    if complementiser is None or sentence.token(complementiser.id - 1).text.lower() == "zonder":
        return None, subject  # ``zonder dat``: without, no complement
    rest = _before_comment([t for t in sentence.tokens if t.id > complementiser.id])
    # ``zei May dat de brexit kan worden uitgesteld, al …: ,,Laat me duidelijk zijn.''``: a colon
    # ends the clause; what follows quotes or explains it.
    rest = list(itertools.takewhile(lambda t: t.text != ":", rest))
    words = [t for t in rest if not is_punct(t)]
    if len(words) < 2 or not any(t.upos in ("VERB", "AUX", "X") for t in words):
        # ``Het college antwoordt dat op vragen van de partij``: ``dat`` is the object, no clause.
        return None, subject
    start, end = _trim(ctx.doc.text, words[0].start, words[-1].end)
    return (start, end), subject or _surface_subject(sentence, verb)


def _surface_subject(sentence: Sentence, verb: Token) -> Token | None:
    """The word before a verb in second position (``Rutte zei``), or the name, pronoun or noun
    phrase right after it (``zei Rutte``, ``zei de minister``)."""
    before = [t for t in sentence.tokens if t.id < verb.id and not is_punct(t)]
    if len(before) >= 2 and before[-1].upos == "NUM" and sentence.token(before[-1].id - 1).text == "(":
        before = before[:-1]  # ``Delano Dallinga (13) vertelt``: an age in brackets after the name
    if len(before) >= 3 and before[-1].text.lower() == "te" and before[-2].upos in ("VERB", "AUX"):
        # ``Ze schijnt te denken dat …``: the subject is that of the finite verb before ``te``.
        before = before[:-2]
    while len(before) >= 2 and before[-1].upos == "AUX":
        before = before[:-1]  # ``Bierman moest vaststellen``: the modal stands between
    # ``In De Groene van 31 mei staat …``: a fronted prepositional phrase is no subject; the
    # subject then follows the verb. Surnames open with prepositions too (``Van Dijk zegt``).
    fronted_phrase = bool(before) and before[0].upos == "ADP" and before[0].text.lower() not in _SURNAME_PREPS
    # ``Zaterdag meldde …``: a day or month before the verb is a time, the subject follows.
    time_word = bool(before) and before[-1].text.lower() in TIME_WORDS
    if before and before[-1].upos in ("PROPN", "PRON", "NOUN") and not fronted_phrase and not time_word:
        return before[-1]
    if _particle_surname(before) and not fronted_phrase:
        return before[-1]  # ``Te Velde erkent``: a surname whose particle the parse made a preposition
    if len(before) >= 2 and before[-1].text.lower() in PARTITIVES and before[-2].upos in ("NUM", "DET"):
        return before[-2]  # ``een daarvan gaf toe``: the number is the subject's head
    following = [t for t in sentence.tokens if t.id > verb.id]
    if following and following[0].upos in ("PROPN", "PRON"):
        return following[0]
    # ``Gisteren vroeg de socialist Joep van Meel of …``: a noun phrase right after the verb.
    return _surface_name_head(following) if following and following[0].upos == "DET" else None


_SURNAME_PREPS = frozenset({"van", "ter", "ten", "te", "op", "uit"})
_SURNAME_PARTICLES = _SURNAME_PREPS | {"de", "der", "den", "het", "in", "'t", "’t"}


def _particle_surname(words: Sequence[Token]) -> bool:
    """``Te Velde``, ``Van der Meer``, ``De Jonge``: a surname used without the first name, which
    writes its first particle with a capital; whatever the parse made of the words."""
    return (
        len(words) >= 2
        and words[0].text[:1].isupper()
        and words[-1].text[:1].isupper()
        and all(w.text.lower() in _SURNAME_PARTICLES for w in words[:-1])
    )


def _inside_claimed_direct(ctx: Context, span: tuple[int, int]) -> bool:
    """True when ``span`` is (mostly) the content of a direct quote already found."""
    # Both tests need a content that reaches into [span[0], span[1]] give or take 2 (only a
    # reversed span could pass the second test without).
    near = span[0] <= span[1]
    low, high = min(span[0], span[1] - 2), max(span[0] + 2, span[1])
    for attribution in ctx.found_near(low, high) if near else ctx.found:
        start, end = attribution.content
        if attribution.kind is QuoteKind.DIRECT and start <= span[0] + 2 and end >= span[1] - 2:
            return True
        overlap = min(end, span[1]) - max(start, span[0])
        if attribution.kind is not QuoteKind.DIRECT and overlap > 0.5 * (span[1] - span[0]):
            return True
    return False


def _last_word_end(sentence: Sentence) -> int:
    words = [t for t in sentence.tokens if not is_punct(t)]
    return words[-1].end if words else sentence.end


# --- 5. indirect: parenthetical / postposed cue in an unmarked sentence ---------------


def _sentence_content(ctx: Context, sentence: Sentence, drop: Sequence[Token]) -> tuple[int, int] | None:
    """The sentence without the attribution tokens ``drop`` when they stand at an edge."""
    drop_ids = {t.id for t in drop}
    words = [t for t in sentence.tokens if not is_punct(t)]
    if not words:
        return None
    first, last = words[0], words[-1]
    start, end = first.start, last.end
    if first.id in drop_ids:
        rest = [
            t for t in sentence.tokens if t.id not in drop_ids and t.id > max(drop_ids) and not is_punct(t)
        ]
        if not rest:
            return None
        start = rest[0].start
    elif last.id in drop_ids or _narration_follows(sentence, drop_ids):
        rest = [
            t for t in sentence.tokens if t.id not in drop_ids and t.id < min(drop_ids) and not is_punct(t)
        ]
        if not rest:
            return None
        end = rest[-1].end
    start, end = _trim(ctx.doc.text, _after_dateline(ctx.doc.text, start, end), end)
    if len(ctx.doc.text[start:end].split()) < 2:
        return None  # ``Veelzeggend, vindt X …``: one word reports nothing
    return (start, end) if end > start else None


def _narration_follows(sentence: Sentence, drop_ids: set[int]) -> bool:
    """``…, zegt Pompeo, terwijl hij …``: after a mid-sentence tag an adverbial clause goes on
    about the speaker, not with what was said."""
    after = [t for t in sentence.tokens if t.id > max(drop_ids) and not is_punct(t)]
    return bool(after) and after[0].text.lower() in _ADVERBIAL_SUBORDINATORS


# ``LONDEN (ANP) - ``: the dateline of an agency report is no part of what it reports.
def _after_dateline(text: str, start: int, end: int) -> int:
    """``LONDEN (ANP) - Tesco …``: where the content starts after a news dateline at ``start``."""
    dateline = _DATELINE.match(text, start, end)
    return dateline.end() if dateline is not None else start


_DATELINE = regex.compile(r"\p{Lu}[\p{Lu}\p{Zs}'-]*\p{Lu}(?:\p{Zs}*\([^()\n]{1,30}\))?\p{Zs}*[-–—]\p{Zs}+")


def sieve_indirect_parenthetical(ctx: Context) -> None:
    for sent_index, sentence in enumerate(ctx.doc.sentences):
        if not sentence.parsed or sent_index in ctx.claimed_sentences:
            continue
        for token in sentence.tokens:
            low = token.text.lower()
            if low == "aldus" and token.id > 2:
                head_id = token.head
                nominal = sentence.token(head_id) if head_id else None
                if nominal is None or nominal.upos not in ("PROPN", "NOUN", "PRON"):
                    later = [t for t in sentence.tokens if t.id > token.id and not is_punct(t)]
                    nominal = _surface_name_head(later)
                if nominal is None:
                    continue
                phrase = [
                    t
                    for t in sentence.tokens
                    if t.id >= token.id and (t.id == token.id or t.start >= token.start)
                ]
                _add_sentence_quote(
                    ctx,
                    sent_index,
                    sentence,
                    phrase,
                    (token.start, token.end, "aldus"),
                    nominal,
                    "indirect.aldus",
                    0.8,
                )
                break
            surface = _comma_tag(ctx, sentence, token)
            if token.deprel != "parataxis" and surface is None:
                continue
            if surface is not None and ctx.lexicon.is_noun_predicate(token.text):
                # ``…, zo luidt de klacht onder journalisten, …``: the noun is the cue.
                noun_tag = _noun_predicate_tag(ctx, surface, token)
                if noun_tag is not None:
                    cue_span, owner = noun_tag
                    _add_sentence_quote(
                        ctx, sent_index, sentence, surface, cue_span, owner, "indirect.parenthetical", 0.7
                    )
                    break
            if surface is not None and any(
                t.text.lower() in _COMPLEMENTISERS and t.upos == "SCONJ"
                for t in itertools.takewhile(
                    lambda t: t.text not in ("-", "–", "—"), surface[surface.index(token) + 1 :]
                )
            ):
                # ``Op basis van een steekproef, concludeert het RIVM dat …``: the verb reports its
                # own clause (indirect.clause), not the words before the comma.
                continue
            if surface is not None and _after_adverbial_clause(sentence, surface):
                continue
            after_tag = (
                sentence.tokens[surface[-1].id] if surface and surface[-1].id < len(sentence.tokens) else None
            )
            if after_tag is not None and after_tag.text == ":":
                # ``Refererend aan …, schrijft hij: ‘…’``: the colon points at what follows.
                continue
            cue = ctx.cue_verb(sentence, token, as_tag=surface is not None)
            cue_token = token
            if (
                cue is None
                and surface is not None
                and ctx.lexicon.is_auxiliary(token.text)
                and token.text.lower() not in _NO_TAG_AUXILIARIES
            ):
                # ``…, zo heeft de RVD bekendgemaakt.``: the auxiliary opens the tag, the
                # participle at its end is the cue (``…, werd hem gevraagd`` is a passive: who
                # follows the auxiliary was asked, not asking).
                cue, cue_token = _auxiliary_tag_cue(ctx, sentence, surface[surface.index(token) + 1 :])
            if cue is None or (
                cue[0] == "weten" and (_not_knowing(sentence, token) or _manages_to(sentence, token))
            ):
                continue
            subject = subject_of(sentence, token)
            if (
                surface is None
                and token.deprel == "parataxis"
                and subject is not None
                and subject.id < token.id
            ):
                # ``over wát Freek zei``: a Dutch tag puts its verb before its subject (``zei
                # Freek``, ``zo zei Freek``); a verb after its subject ends a clause of another kind.
                continue
            if surface is None and children(sentence, token, "ccomp"):
                # ``…; een daarvan gaf toe dat …``: a verb with a clause of its own reports that
                # clause (indirect.clause), not the one its parataxis hangs on.
                continue
            tag = surface or sentence.subtree(token.id)
            if not _finite_outside(sentence, tag, skip_relatives=not cue[2]):
                # ``Een duidelijk geval van bedreiging, dacht hij.``: an opinion verb reports a
                # clause, not a noun phrase; nor is ``Geert Driessen, die … deed, noemt …`` (a
                # subject with its relative clause) anyone's words.
                continue
            if surface is not None and (
                subject is None or not surface[0].start <= subject.start < surface[-1].end
            ):
                # The parse missed ``, zegt Michel,``: the words after the verb name the speaker.
                subject = _surface_name_head([t for t in surface if t.id > token.id and not is_punct(t)])
            if subject is None:
                # ``…, zo staat in Het Parool.``: a verb whose source is a text has no subject.
                subject = _text_source(ctx, sentence, token, cue[0])
            if subject is None:
                continue
            if subject.text.lower() in _ADDRESSEE_PRONOUNS and ctx.doc.text[: sentence.end].rstrip().endswith(
                "?"
            ):
                continue  # ``Wat heeft de kiezer willen zeggen, denkt u?``: a question to the one addressed
            phrase = surface if surface is not None else sentence.subtree(token.id)
            if surface is not None and ctx.closing_tag(sent_index) is token:
                # ``…, zegt La Manna, een van de organisatoren.``: the apposition after the tag is
                # the tag's too.
                phrase = [*surface, *sentence.tokens[surface[-1].id :]]
            _add_sentence_quote(
                ctx,
                sent_index,
                sentence,
                phrase,
                _cue_span(cue_token, cue[0]),
                subject,
                "indirect.parenthetical",
                0.75,
            )
            break


# Auxiliaries that open no closing tag of a reported clause: with a cue's participle they make a
# passive (``werd gevraagd``, ``is gezegd``), and ``zal`` a conjecture (``…, zal de cynicus zeggen``).
_NO_TAG_AUXILIARIES = frozenset(
    {"is", "zijn", "was", "waren", "wordt", "worden", "werd", "werden", "zal", "zullen"}
)
# Second-person subjects: a tag with one in a question asks the person addressed.
_ADDRESSEE_PRONOUNS = frozenset({"u", "je", "jij", "jullie"})


def _after_adverbial_clause(sentence: Sentence, tag: Sequence[Token]) -> bool:
    """``Nadat de Kamer vragen had gesteld, liet Dekker blijken …``: a main clause whose first
    place an adverbial clause fills puts its verb and subject right after that clause's comma, as
    a tag does; with only the adverbial clause before it and no comma after it, it is no tag."""
    before = [t for t in sentence.tokens if t.end <= tag[0].start]
    words = [t for t in before if not is_punct(t)]
    if not words or words[0].text.lower() not in _ADVERBIAL_SUBORDINATORS | {"als", "wanneer", "nu"}:
        return False
    if words[0].upos != "SCONJ" and words[0].deprel != "mark":
        return False  # ``Sinds 2014 sloot …, becijferde Investico.``: a preposition, no clause
    if (
        words[0].text.lower() == "als"
        and len(words) >= 3
        and words[1].upos in ("NOUN", "PROPN", "ADJ")
        and words[2].feat("VerbForm") == "Fin"
    ):
        # ``Als bestuurder maakt hij zich hard voor …, zegt X``: ``as`` and a noun fill the first
        # place of a main clause before the tag (a clause of ``als`` puts its subject first).
        return False
    if any(t.text == "," for t in before[:-1]):
        return False  # ``Nu de kosten stijgen, moet het kabinet ingrijpen, zegt Jan.``
    return not any(t.text == "," for t in sentence.tokens if t.start >= tag[-1].end)


def _finite_outside(sentence: Sentence, tag: Sequence[Token], *, skip_relatives: bool = False) -> bool:
    """Whether a finite verb stands in the sentence outside ``tag``. With ``skip_relatives``: not in
    a relative clause either (``, die … deed,``), and a verb with no ``VerbForm`` counts (a weak
    tagger's)."""
    inside = {t.id for t in tag}
    if skip_relatives:
        for token in sentence.tokens:
            # Only a clause that opens with a relative pronoun: weak parses label others so too.
            if token.deprel.startswith("acl") and _opens_relative(sentence, token):
                inside.update(t.id for t in sentence.subtree(token.id))

    def finite(token: Token) -> bool:
        form = token.feat("VerbForm")
        return form == "Fin" or (skip_relatives and form is None and token.upos in ("VERB", "AUX"))

    return any(finite(t) and t.id not in inside for t in sentence.tokens)


def _opens_relative(sentence: Sentence, clause_head: Token) -> bool:
    words = [t for t in sentence.subtree(clause_head.id) if not is_punct(t)]
    return bool(words) and words[0].text.lower() in ("die", "dat", "wie", "waar") and words[0].upos == "PRON"


def _noun_predicate_tag(
    ctx: Context, tag: Sequence[Token], verb: Token
) -> tuple[tuple[int, int, str], Token | None] | None:
    """In a tag ``zo luidt de klacht onder journalisten``: the noun cue after the verb and its
    owner (after ``van``/``onder``/``bij``), or None when no noun cue follows."""
    after = [t for t in tag if t.id > verb.id]
    for index, token in enumerate(after):
        lemma = ctx.lexicon.noun_cue(token.text)
        if lemma is None:
            continue
        rest = after[index + 1 :]
        owner = None
        if rest and rest[0].text.lower() in ("van", "onder", "bij"):
            owner = _surface_name_head(rest[1:])
        return (token.start, token.end, lemma), owner
    return None


def _not_knowing(sentence: Sentence, verb: Token) -> bool:
    """``Of Tusk daaraan dacht, weet X niet.``: ``weten`` with a yes/no question or a negation
    reports what someone does not know, not what they said."""
    words = [t for t in sentence.tokens if not is_punct(t)]
    negated = any(t.text.lower() in ("niet", "nooit") for t in words if t.id > verb.id)
    return negated or (bool(words) and words[0].text.lower() == "of")


def _manages_to(sentence: Sentence, verb: Token) -> bool:
    """``wist hij, gesterkt door …, de stad te veroveren``: ``weten`` with a ``te`` infinitive
    after it (and no clause between) means "manage to"; it reports nothing. Read off the surface:
    a parse often hangs the infinitive elsewhere."""
    after = sentence.tokens[verb.id :]
    for index, token in enumerate(after[:-1]):
        if token.text.lower() in _COMPLEMENTISERS or token.text in (":", ";"):
            return False
        following = after[index + 1]
        if token.text.lower() == "te" and following.upos == "VERB" and following.feat("VerbForm") == "Inf":
            return True
    return False


def _closing_tag_verb(ctx: Context, sentence: Sentence) -> Token | None:
    """The verb of a tag that closes the sentence (``…, zegt Degryse.``), if any."""
    for token in sentence.tokens:
        tag = _comma_tag(ctx, sentence, token)
        if tag is None or ctx.cue_verb(sentence, token, as_tag=True) is None:
            continue
        # ``…, zegt La Manna, een van de organisatoren.``: an apposition (no finite verb) may
        # follow the tag.
        rest = sentence.tokens[tag[-1].id :]
        if not any(t.feat("VerbForm") == "Fin" or t.upos in ("VERB", "AUX") for t in rest):
            return token
        # ``…, zegt Jos van Beurden, die ik gisteren sprak.``: a relative clause on the speaker.
        if len(rest) > 1 and rest[0].text == "," and rest[1].text.lower() in ("die", "wie"):
            return token
    return None


def _past_tense_read_as_participle(sentence: Sentence, verb: Token) -> bool:
    """``…, becijferde Investico.``: a weak verb's past tense is spelled like its inflected
    participle. An inflected participle is attributive and needs an article or a noun phrase
    around it, so one right after a comma (or ``, zo``), before a name, pronoun or article, is the
    past tense."""
    if not verb.text.lower().endswith(("de", "te")) or verb.id < 2 or verb.id >= len(sentence.tokens):
        return False
    after = sentence.token(verb.id + 1)
    return sentence.token(verb.id - 1).text.lower() in (",", "zo") and after.upos in ("PROPN", "PRON", "DET")


def _comma_tag(ctx: Context, sentence: Sentence, verb: Token) -> list[Token] | None:
    """``…, zegt Michel, …`` / ``…, vindt X.`` / ``…, zo meldt X.`` / ``…, en dat gaf X toe.``: a
    verb right after a comma (or after ``, zo`` or ``, (en) dat``), its subject after it, up to
    the next comma or the sentence end. Returns the tag's tokens (the lead words or the verb, to
    before the comma)."""
    if verb.upos not in ("VERB", "AUX") or verb.id < 3:
        return None
    if verb.feat("VerbForm") in ("Inf", "Part") and not _past_tense_read_as_participle(sentence, verb):
        # A tag's verb is finite (``…, vermoed, gedacht of gevoeld heb``: a participle is no tag).
        return None
    lead: list[Token] = []
    before = sentence.token(verb.id - 1)
    if before.text.lower() in ("zo", "dat", "dit") and verb.id >= 4:
        # ``…, zo meldt Het Parool.``; ``Dat is niet chic, en dat gaf De Jonge toe.``
        lead = [before]
        before = sentence.token(verb.id - 2)
        if lead[0].text.lower() != "zo" and before.text.lower() in ("en", "maar") and verb.id >= 5:
            lead = [before, *lead]
            before = sentence.token(verb.id - 3)
    if before.text != ",":
        return None
    tag = [*lead, verb]
    for token in sentence.tokens[verb.id :]:
        if token.text in (",", ".", "!", "?", ";", ":"):
            break
        tag.append(token)
    # A tag that closes the sentence may carry adjuncts (``, vertelt hij in zijn auto voor het
    # bureau.``); one in mid-sentence is kept short, since a longer stretch is the clause itself.
    if any(any(c.isalnum() for c in t.text) for t in sentence.tokens[tag[-1].id :]):
        tag = tag[:7]
    if len(tag) < 2 or (tag[-1].id == len(sentence.tokens) and not is_punct(tag[-1])):
        return tag if len(tag) >= 2 else None
    return tag


def _volgens_in_apposition(sentence: Sentence, volgens: Token, mention_end: int) -> bool:
    """``Dominic Cummings, volgens velen het brein achter de campagne, werkt …``: ``volgens``
    opens an apposition between commas, whose words after the source hold no finite verb; what
    it reports is a noun phrase, no clause (``De minister zal, volgens ingewijden, aftreden``:
    the source alone between the commas reports the sentence)."""
    tokens = sentence.tokens
    before = tokens[volgens.id - 2] if volgens.id >= 2 else None
    if before is None or before.text != ",":
        return False
    rest = list(itertools.takewhile(lambda t: t.text != ",", tokens[mention_end:]))
    closed = mention_end + len(rest) < len(tokens) and tokens[mention_end + len(rest)].text == ","
    words = [t for t in rest if not is_punct(t)]
    return closed and bool(words) and not any(t.feat("VerbForm") == "Fin" for t in words)


def _add_own_account(ctx: Context, sent_index: int, sentence: Sentence, naar: Token) -> bool:
    """``De minister heeft naar eigen zeggen geen fouten gemaakt.``: a phrase of the lexicon that
    makes the clause's own subject the source (kind ``subject``) gives the sentence as its quote.
    Whether one was added."""
    words = [t.text for t in sentence.tokens]
    phrase = ctx.lexicon.phrase_at(words, naar.id - 1)
    if phrase is None or phrase.kind is not PhraseKind.SUBJECT:
        return False
    tokens = sentence.tokens[naar.id - 1 : naar.id - 1 + len(phrase.words)]
    # The subject of the clause the phrase modifies (``een taxichauffeur, die naar eigen zeggen …
    # zag``: the relative pronoun, which stands for its noun), else of the main clause.
    clause_heads = [
        sentence.token(t.head) for t in tokens if t.head and not tokens[0].id <= t.head <= tokens[-1].id
    ]
    root = next((t for t in sentence.tokens if t.head == 0), None)
    subject = next(
        (
            s
            for head in [*clause_heads, root]
            if head is not None and (s := subject_of(sentence, head)) is not None
        ),
        None,
    )
    if subject is None or any(subject.id == t.id for t in tokens):
        return False
    commas = [t for t in sentence.tokens if t.text == "," and t.id in (tokens[0].id - 1, tokens[-1].id + 1)]
    before = len(ctx.found)
    _add_sentence_quote(
        ctx,
        sent_index,
        sentence,
        [*tokens, *commas],
        (tokens[0].start, tokens[-1].end, " ".join(phrase.words)),
        subject,
        "indirect.own_account",
        0.7,
    )
    return len(ctx.found) > before


def _add_sentence_quote(
    ctx: Context,
    sent_index: int,
    sentence: Sentence,
    phrase: Sequence[Token],
    cue: tuple[int, int, str],
    speaker_head: Token | None,
    rule: str,
    confidence: float,
    span: tuple[int, int] | None = None,
) -> None:
    """Add the sentence without ``phrase`` (the cue's words) as a quote; or ``span``, when given."""
    span = span or _sentence_content(ctx, sentence, phrase)
    if span is not None and rule == "indirect.according_to":
        # ``volgens`` is part of what it reports, wherever it stands; a tag verb is not.
        span = _before_quoting_colon(ctx, sentence, span, phrase)
    if span is None or _overlaps_direct(ctx, span) or ctx.inside_stretch(span):
        return
    if _covered_by_stretch(ctx, span):
        return
    span = _with_closing_mark(ctx, span)
    kind, inner = _kind_for(ctx, *span)
    speaker, head = _speaker_of(ctx, sent_index, speaker_head)
    ctx.add(Attribution(kind, span, cue, speaker, head, rule, confidence))
    ctx.claimed_stretches.update(inner)
    ctx.claimed_sentences.add(sent_index)


def _with_closing_mark(ctx: Context, span: tuple[int, int]) -> tuple[int, int]:
    """``span`` up to and with the closing mark right after it of a fragment that opens inside it
    (``… gaat het om ‘historisch onrecht’``): a mixed quote's clause ends with its fragment."""
    start, end = span
    for index in ctx.stretches_from(start, end - 1):
        stretch = ctx.stretches[index]
        if stretch.close_start == end and stretch.close_end is not None:
            return start, stretch.close_end
    return span


def _before_quoting_colon(
    ctx: Context, sentence: Sentence, span: tuple[int, int], phrase: Sequence[Token]
) -> tuple[int, int] | None:
    """``En dan is het volgens de krant aan het Congres om …: ‘De belofte …’``: the part of ``span``
    before a colon that opens a quotation, when the cue's words stand before the colon with
    words but no comma between; else ``span``."""
    phrase_end = max((t.end for t in phrase), default=span[0])
    text = ctx.doc.text
    for colon in sentence.tokens:
        if colon.text != ":" or not phrase_end <= colon.start < span[1]:
            continue
        opens_quote = next(ctx.stretches_from(colon.end, min(colon.end + 3, span[1] - 1)), None) is not None
        # ``…, luidde zijn reactie: ‘…’``: past a comma a tag of its own may lead to the quote.
        between = text[phrase_end : colon.start]
        if opens_quote and len(between.split()) >= 2 and "," not in between:
            start, end = _trim(text, span[0], colon.start)
            return (start, end) if len(text[start:end].split()) >= 2 else None
    return span


def _overlaps_direct(ctx: Context, span: tuple[int, int]) -> bool:
    """A sentence that holds a direct quote already found is not also an indirect one."""
    return _inside_claimed_direct(ctx, span) or any(
        a.kind is QuoteKind.DIRECT and a.content[0] < span[1] and span[0] < a.content[1]
        for a in ctx.found_near(span[0], span[1])
    )


def _covered_by_stretch(ctx: Context, span: tuple[int, int]) -> bool:
    """A sentence that is itself a quotation (marks around it) is a direct quote, not indirect."""
    return ctx.covered(span)


# --- 6. according to -----------------------------------------------------------------


def _volgens_name(ctx: Context, sentence: Sentence, volgens: Token) -> tuple[Token, int] | None:
    """The name that ``volgens`` introduces, whatever the parse hung on it, and the id of the last
    token of the mention (a bracket after the name included); None when no name follows.

    Articles and role words may come first (``volgens (de) premier Jean-Claude Juncker``), and
    after a role word up to two lower-case words (``volgens hoogleraar epidemiologie Marianne
    Geleijnse``).
    """
    tokens = sentence.tokens
    if volgens.id >= len(tokens):
        return None
    roles = _leading_role_words(ctx, tokens[volgens.id : -1], ("de", "het"))
    candidates = [tokens[volgens.id + roles]] if volgens.id + roles < len(tokens) else []
    if roles and tokens[volgens.id].text[:1].isupper():
        # ``Volgens De Vries``: the capitalised particle opens the name, it is no article.
        candidates.insert(0, tokens[volgens.id])
    role_word = tokens[volgens.id + roles - 1].text if roles else ""
    role = ctx.lexicon.role_noun(role_word) if roles else None
    if role is not None and role.number_of(role_word) is Number.SINGULAR:
        # Nouns only (``epidemiologie``): ``volgens bronnen naar Den Haag`` names a place, and a
        # plural role no one person.
        for extra in (1, 2):
            at = volgens.id + roles + extra
            between = tokens[volgens.id + roles : at]
            if at < len(tokens) and all(
                t.text.isalpha() and t.text.islower() and t.upos == "NOUN" for t in between
            ):
                candidates.append(tokens[at])
    for first in candidates:
        name = ctx.name_index.at(first.start, first.end)
        if name is not None and name.start == first.start:
            last = max(t.id for t in tokens if t.start < name.end)
            closing = _bracket_after(tokens, last)
            return first, closing if closing is not None else last
    return None


def _bracket_after(tokens: Sequence[Token], last: int) -> int | None:
    """``Marianne Geleijnse (Wageningen University)``: the id of the ``)`` closing a bracket that
    opens right after token id ``last``, or None."""
    if last >= len(tokens) or tokens[last].text != "(":
        return None
    for token in tokens[last : last + 12]:
        if token.text == ")":
            return token.id
    return None


def sieve_indirect_according_to(ctx: Context) -> None:
    for sent_index, sentence in enumerate(ctx.doc.sentences):
        if not sentence.parsed or sent_index in ctx.claimed_sentences:
            continue
        for token in sentence.tokens:
            if token.text.lower() == "naar" and _add_own_account(ctx, sent_index, sentence, token):
                break
            if token.text.lower() != "volgens":
                continue
            nominal = sentence.token(token.head) if token.head else token
            following = sentence.tokens[token.id] if token.id < len(sentence.tokens) else None
            mention_end: int | None = None
            named = _volgens_name(ctx, sentence, token)
            if named is not None:
                # ``volgens Akerboom geen sprake``: a name right after ``volgens`` is the whole
                # source, whatever the parse hung on it.
                nominal, mention_end = named
            elif (owned := _owned_noun(sentence, following)) is not None:
                # ``Volgens haar advocaat hield A. zich …``: the possessive's noun is the source.
                nominal = owned
            elif (
                following is not None
                and token.head == following.id
                and following.upos in ("VERB", "ADJ")
                and following.text.lower().endswith("en")
            ):
                # ``volgens betrokkenen``, ``volgens deskundigen``: a participle or adjective used
                # as a plural noun, whatever its tag.
                nominal, mention_end = following, following.id
            elif following is not None and following.upos == "PRON":
                if following.text.lower() in _REFLEXIVES:
                    continue  # ``volgens zichzelf``: the clause's own subject, not a source of the text's
                nominal, mention_end = following, following.id
            else:
                found = _surface_name_head([t for t in sentence.tokens if t.id > token.id])
                misplaced = nominal.id <= token.id or nominal.upos not in ("PROPN", "NOUN", "PRON", "X")
                if misplaced or (found is not None and found.id < nominal.id):
                    # The parse hung ``volgens`` elsewhere (on a word before it, which cannot be
                    # its source, or on a later noun: ``volgens de jury de beste acteur``): the
                    # noun phrase right after it.
                    if found is None:
                        continue
                    nominal = found
            if ctx.lexicon.is_excluded_source(nominal.text):
                continue
            # ``volgens`` up to the end of its noun phrase, contiguous.
            if mention_end is None:
                mention_end = max(t.id for t in [nominal, *mention_tokens(sentence, nominal)])
            if _volgens_in_apposition(sentence, token, mention_end):
                continue
            phrase = [t for t in sentence.tokens if token.id <= t.id <= mention_end]
            if (
                token.text == "Volgens"
                and token.id > 1
                and not any(is_punct(t) for t in sentence.tokens[: token.id])
            ):
                # ``Lede ogen Volgens het CBS voerde …``: a heading runs into the sentence that
                # ``Volgens`` opens (mid-sentence it has no capital); the heading is no content.
                phrase = [t for t in sentence.tokens if t.id <= mention_end]
            after = [t for t in sentence.tokens if t.id > phrase[-1].id]
            if (
                phrase[0].id == 1
                and len(after) > 2
                and after[0].text == ","
                and after[1].text.lower() in ("die", "wie")
            ):
                # ``Volgens een aantal boeren, die … vrezen, zijn er …``: a relative clause on the
                # source belongs to the phrase at the sentence edge, up to its closing comma.
                close = next((t for t in after[2:] if t.text == ","), None)
                if close is not None:
                    phrase += [t for t in after if t.id < close.id]
            comma = [
                t
                for t in sentence.tokens
                if is_punct(t) and t.text == "," and (t.id == phrase[-1].id + 1 or t.id == phrase[0].id - 1)
            ]
            _add_sentence_quote(
                ctx,
                sent_index,
                sentence,
                [*phrase, *comma],
                (token.start, token.end, "volgens"),
                nominal,
                "indirect.according_to",
                0.7,
                span=_relative_clause_span(sentence, token),
            )
            break


def _relative_clause_span(sentence: Sentence, token: Token) -> tuple[int, int] | None:
    """``Ivanka, die volgens bronnen naar Den Haag afreist, …``: the relative clause that holds
    ``token`` is what the source says (of the noun it describes), a comment clause first (its
    ``wat`` the parse may not see); None outside one."""
    comment = _comment_clause_span(sentence, token)
    clause = relative_clause_of(sentence, token)
    if comment is not None or clause is None:
        return comment
    # ``…, die volgens bronnen naar Den Haag afreist, niet de troostprijs is``: a conjunct with no
    # coordinator after a comma resumes the main clause; coordinated clauses need ``en``/``of``.
    resumed = {
        t.id
        for conjunct in children(sentence, clause, "conj")
        if not children(sentence, conjunct, "cc")
        for t in sentence.subtree(conjunct.id)
    }
    words = [t for t in sentence.subtree(clause.id) if not is_punct(t) and t.id not in resumed]
    # A relative clause opens with its pronoun (``die``, ``dat``, ``waar``…); else the parse
    # took another clause for one.
    if not words[0].text.lower().startswith(("die", "dat", "wie", "wat", "waar")):
        return None
    return words[0].start, words[-1].end


def _comment_clause_span(sentence: Sentence, token: Token) -> tuple[int, int] | None:
    """``…, wat volgens X berust op een fabel``: the comment clause (see :func:`_before_comment`)
    that holds ``token``, read off the surface (the parse may make it a conjunct), up to the next
    comma or the sentence end; None outside one."""
    before = sentence.tokens[: token.id - 1]
    comma = next((k for k in range(len(before) - 1, -1, -1) if before[k].text == ","), None)
    if comma is None or comma + 1 >= len(before):
        return None
    opener = before[comma + 1]
    if not _opens_comment(before[comma], opener):
        return None
    after = sentence.tokens[token.id :]
    words = [opener, *before[comma + 2 :], token, *itertools.takewhile(lambda t: t.text != ",", after)]
    words = [t for t in words if not is_punct(t) or t.text in "'\"‘’“”"]
    while words and is_punct(words[-1]) and words[-1].text not in "'\"’”":
        words.pop()
    return (words[0].start, words[-1].end) if len(words) > 2 else None


_DE_WORD_SUFFIXES = ("ing", "ie", "heid", "teit")


def sieve_indirect_noun_clause(ctx: Context) -> None:
    """``de verklaring van de verdediging dat …``, ``zijn beweringen dat …``: a noun cue with a
    ``dat`` clause; the clause is the content, the noun's owner (if any) the speaker.

    ``dat`` after a neuter noun may be a relative pronoun (``het bericht dat hij stuurde``), so
    the noun must be a de-word: after ``de``/``deze``, plural, or with a de-word suffix.
    """
    for sent_index, sentence in enumerate(ctx.doc.sentences):
        if not sentence.parsed or sent_index in ctx.claimed_sentences:
            continue
        tokens = sentence.tokens
        for index, token in enumerate(tokens):
            lemma = ctx.lexicon.noun_cue(token.text)
            if lemma is None or token.upos != "NOUN" or index == 0:
                continue
            found = _noun_owner_and_clause(ctx, sentence, index, lemma)
            if found is None:
                continue
            owner, clause = found
            span = _trim(ctx.doc.text, clause[0].start, clause[-1].end)
            if span[1] <= span[0] or _overlaps_direct(ctx, span) or ctx.inside_stretch(span):
                continue
            if any(a.content[0] < span[1] and span[0] < a.content[1] for a in ctx.found_near(*span)):
                continue
            kind, inner = _kind_for(ctx, *span)
            speaker, head = _speaker_of(ctx, sent_index, owner)
            ctx.add(
                Attribution(kind, span, _cue_span(token, lemma), speaker, head, "indirect.noun_clause", 0.6)
            )
            ctx.claimed_stretches.update(inner)
            break


def _noun_owner_and_clause(
    ctx: Context, sentence: Sentence, index: int, lemma: str
) -> tuple[Token | None, list[Token]] | None:
    """For the noun cue at ``index``: its owner (``van X`` after it or a possessive before it; None
    for ``de onthulling dat …``) and the words of the ``dat`` clause after them, or None."""
    tokens = sentence.tokens
    noun = tokens[index]
    before = tokens[index - 1]
    plural = noun.text.lower() != lemma
    de_word = plural or before.text.lower() in ("de", "deze") or lemma.endswith(_DE_WORD_SUFFIXES)
    if not de_word:
        return None
    owner: Token | None = None
    after = index + 1
    if after < len(tokens) and tokens[after].text.lower() == "van":
        phrase = list(itertools.takewhile(lambda t: t.text.lower() != "dat", tokens[after + 1 : after + 8]))
        if not phrase or any(is_punct(t) or t.upos in ("VERB", "AUX") for t in phrase):
            return None
        owner = _surface_name_head(phrase)
        after += 1 + len(phrase)
    elif before.text.lower() in _POSSESSIVES:
        owner = before
    if after >= len(tokens) or tokens[after].text.lower() != "dat":
        return None
    clause = [t for t in tokens[after + 1 :] if not (is_punct(t) and t.id == len(tokens))]
    # ``Zijn bewering dat de aarde plat is, klopt niet.``: a comma and a verb resume the main clause.
    resume = next(
        (k for k, t in enumerate(clause[:-1]) if t.text == "," and clause[k + 1].upos in ("VERB", "AUX")),
        None,
    )
    clause = clause[:resume] if resume is not None else clause
    if (
        not clause
        or not any(t.feat("VerbForm") == "Fin" for t in clause)
        or clause[0].upos in ("VERB", "AUX")
    ):
        # No finite clause, or ``dat`` is the subject of a relative clause (``dat werd afgewezen``).
        return None
    return owner, clause


# --- 7. anaphoric: ``Dat stelt X.`` ------------------------------------------------------


def sieve_indirect_anaphoric(ctx: Context) -> None:
    for sent_index, sentence in enumerate(ctx.doc.sentences):
        if not sentence.parsed or sent_index == 0:
            continue
        words = [t for t in sentence.tokens if not is_punct(t)]
        if len(words) < 2 or words[0].text.lower() not in _ANAPHORS:
            continue
        verb = words[1]
        cue = ctx.cue_verb(sentence, verb)
        if cue is None and ctx.lexicon.is_anaphor(words[0].text) and ctx.lexicon.is_auxiliary(verb.text):
            # ``Dat heeft de minister gisteren gezegd.``, ``Dat hebben deskundigen laten weten.``:
            # the cue is the participle or infinitive whose auxiliary stands in second place (a
            # copula's ``Dat is een geluid dat …`` has none).
            main = sentence.token(verb.head) if verb.head and verb.deprel.startswith("aux") else None
            if main is not None and main.feat("VerbForm") in ("Part", "Inf") and main.id > verb.id:
                verb = main
            cue = ctx.cue_verb(sentence, verb)
        if cue is None or verb.upos not in ("VERB", "AUX"):
            continue
        if any(_clause_is_finite(sentence, c) for c in _complement_heads(ctx, sentence, verb, cue[0])):
            continue  # ``Zo staat in Het Parool dat …``: the clause is what is reported
        if any(t.text == ":" for t in sentence.tokens if t.id > verb.id):
            continue  # ``Zo zei Moon over Kim: ‘…’``: the colon opens what is reported
        if next(ctx.stretches_from(verb.end, sentence.end), None) is not None:
            continue  # ``Zo spreken ministers van ‘een kier’``: the sentence quotes its own words
        subject = _text_source(ctx, sentence, verb, cue[0]) or subject_of(sentence, verb)
        if children(sentence, verb, "aux:pass") and not _quotes_object(ctx, cue[0]):
            # ``Zo zijn er trilobieten genoemd naar …``: a passive's subject is what was named or
            # said; only ``door X`` speaks.
            agent = first_child(sentence, verb, "obl:agent")
            if agent is None:
                continue
            subject = agent
        if subject is None or subject.id == words[0].id:
            subject = next((t for t in words[2:] if t.upos in ("PROPN", "NOUN", "PRON")), None)
            if subject is not None and subject.deprel == "nmod:poss" and subject.head:
                subject = sentence.token(subject.head)  # ``Dat meldt haar vader``: the noun, not ``haar``
        if subject is None:
            continue
        previous = ctx.doc.sentences[sent_index - 1]
        if previous.paragraph != sentence.paragraph or previous.end > sentence.start:
            continue
        span = _trim(ctx.doc.text, _after_dateline(ctx.doc.text, previous.start, previous.end), previous.end)
        span = _before_dated_reference(ctx.doc.text, span)
        if span[1] <= span[0] or _inside_claimed_direct(ctx, span):
            continue
        kind, inner = _kind_for(ctx, *span)
        # A sentence that is itself a quotation is a direct quote: its content is inside the marks.
        covering = ctx.covering_content(span)
        speaker, head = _speaker_of(ctx, sent_index, subject)
        ctx.add(
            Attribution(
                QuoteKind.DIRECT if covering else kind,
                covering or span,
                _cue_span(verb, cue[0]),
                speaker,
                head,
                "indirect.anaphoric",
                0.7,
            )
        )
        ctx.claimed_stretches.update(inner)


# --- 8/9. floating and unattributed direct quotes -------------------------------------


# ``(Brieven 2-4)``, ``(AD, 20-3)``, ``(Verdieping, 4 maart)``: a section or paper and a date.
_DATED_REFERENCE = regex.compile(
    r"[ \t\u00a0]*\([^()\n]{0,40}?(?:\b\d{1,2}[-/]\d{1,2}\b|\b(?:"
    + "|".join(sorted(TIME_WORDS))
    + r")\b)[^()\n]{0,20}\)",
    regex.IGNORECASE,
)


def _before_dated_reference(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The span without a dated reference that closes it (``‘…’ (AD 2-4). Dat vindt X.``): the
    reference says where the words were printed, the source is who said them."""
    start, end = span
    for match in _DATED_REFERENCE.finditer(text, start, end):
        if match.end() == end:
            return _trim(text, start, match.start())
    return span


def _cited_with_date(text: str, stretch: QuotedStretch) -> bool:
    """``'Mooi moment om EU te reorganiseren' (Brieven 2-4)``: a quoted stretch with a dated
    reference in brackets right after it is the headline of a piece that a letter answers (or
    words from it), not what the text reports someone said."""
    return stretch.close_end is not None and _DATED_REFERENCE.match(text, stretch.close_end) is not None


def _quote_like(ctx: Context, stretch: QuotedStretch) -> bool:
    """A stretch that reads as someone's words, not a quoted term or title.

    Words of a clause (a finite verb), or a stretch that opens its sentence, or one
    ending in sentence punctuation; short noun phrases mid-sentence are scare quotes.
    """
    content = ctx.doc.text[stretch.content_start : stretch.content_end].strip()
    words = content.split()
    if len(words) < 2 or _cited_with_date(ctx.doc.text, stretch):
        return False
    if content[-1:] in ".!?…" and len(words) >= 3:
        return True
    sent_index = ctx.sentence_at(stretch.content_start)
    if sent_index is None:
        return len(words) >= 6
    sentence = ctx.doc.sentences[sent_index]
    inside = ctx.stretch_tokens(sentence, stretch)
    has_finite = any(t.feat("VerbForm") == "Fin" for t in inside)
    opens_sentence = all(is_punct(t) for t in sentence.tokens if t.end <= stretch.open_start)
    if opens_sentence and (has_finite or len(words) >= 4):
        return True
    return has_finite and len(words) >= 5


def _cueless(
    stretch: QuotedStretch,
    rule: str,
    confidence: float,
    *,
    speaker_head: tuple[int, int] | None = None,
    name_hint: tuple[int, int] | None = None,
    floating_from: int | None = None,
) -> Attribution:
    """A direct quote with no cue and no speaker mention of its own (floating or unattributed)."""
    return Attribution(
        QuoteKind.DIRECT,
        (stretch.content_start, stretch.content_end),
        None,
        None,
        speaker_head,
        rule,
        confidence,
        name_hint=name_hint,
        floating_from=floating_from,
    )


def sieve_direct_floating(ctx: Context) -> None:
    attributed = sorted((a for a in ctx.found if a.speaker is not None), key=lambda a: a.content[0])
    attributed_starts = [a.content[0] for a in attributed]
    # For "the last of ``attributed`` that ends by x": the ends in order, and up to each end the
    # highest position in ``attributed`` among those ending there or before.
    by_end = sorted(range(len(attributed)), key=lambda k: attributed[k].content[1])
    ends = [attributed[k].content[1] for k in by_end]
    last_by_end = list(itertools.accumulate(by_end, max))
    # ``ctx.found.index``, looked up once: the first attribution equal to each.
    position_of: dict[Attribution, int] = {}
    for position, attribution in enumerate(ctx.found):
        position_of.setdefault(attribution, position)
    # The last ``direct.floating_subject`` quote made here and its position in ``ctx.found``.
    introduced: tuple[Attribution, int] | None = None
    for index, stretch in enumerate(ctx.stretches):
        if index in ctx.claimed_stretches or not _quote_like(ctx, stretch):
            continue
        if _inside_found(ctx, stretch):
            continue
        count = bisect.bisect_right(ends, stretch.open_start)
        source = attributed[last_by_end[count - 1]] if count else None
        since = source.content[1] if source else 0
        # A person named in the narration right before this quote: since the quote before it
        # (a person named before an earlier floating quote was that quote's speaker, not this one's).
        narration_start = max(since, ctx.stretches[index - 1].content_end if index else 0)
        introducer = _introducing_subject(ctx, stretch, after=since) or _person_subject_since(
            ctx, stretch, narration_start
        )
        if introducer is not None:
            ctx.add(_cueless(stretch, "direct.floating_subject", 0.55, name_hint=introducer))
            introduced = (ctx.found[-1], len(ctx.found) - 1)
            ctx.claimed_stretches.add(index)
            continue
        if (
            introduced is not None
            and (source is None or introduced[0].content[0] > source.content[1])
            and _paragraphs_apart(ctx, introduced[0].content[1], stretch.open_start) <= 2
        ):
            # The person a floating quote since the last attributed one was given goes on speaking.
            ctx.add(_cueless(stretch, "direct.floating", 0.55, floating_from=introduced[1]))
            ctx.claimed_stretches.add(index)
            continue
        if source is not None and _paragraphs_apart(ctx, source.content[1], stretch.open_start) > 2:
            source = None
        if source is None:
            # A lead quote whose speaker the next sentences name (``‘…’ Dat zegt X.``).
            later = bisect.bisect_left(attributed_starts, stretch.content_end)
            if (
                later < len(attributed)
                and _paragraphs_apart(ctx, stretch.content_end, attributed_starts[later]) <= 1
            ):
                source = attributed[later]
        if source is None:
            ctx.add(_cueless(stretch, "direct.unattributed", 0.4))
        else:
            ctx.add(
                _cueless(
                    stretch,
                    "direct.floating",
                    0.6,
                    speaker_head=source.speaker_head,
                    floating_from=position_of[source],
                )
            )
        ctx.claimed_stretches.add(index)


# Words that link a sentence to the one before without changing what it is about.
_LINKING_WORDS = frozenset({"maar", "en", "ook", "toch", "dus", "want", "daarna", "nu"})


def _introducing_subject(ctx: Context, stretch: QuotedStretch, after: int) -> tuple[int, int] | None:
    """The person a floating quote's preceding sentence is about (``De Mos ziet geen probleem. ‘…’``).

    News writing puts a sentence about a person right before that person's uncued quote.
    Only the sentence directly before the quote counts, only when it opens with the name of a
    person introduced earlier with first and last name or with a person's role (``de
    burgemeester``), holds no quote itself, and comes after the last attributed quote (else
    that quote's speaker is the nearer one). Returns the mention's span.
    """
    text = ctx.doc.text
    previous = ctx.previous_sentence(stretch.open_start)
    if previous is None or previous.start < after or text[previous.end : stretch.open_start].strip():
        return None
    if "\n\n" in text[previous.end : stretch.open_start]:
        return None
    if next(ctx.stretches_from(previous.start, previous.end - 1), None) is not None:
        return None
    if any(
        a.content[0] < previous.end and a.content[1] > previous.start
        for a in ctx.found_near(previous.start, previous.end)
    ):
        return None
    tokens = previous.tokens
    first = 1 if tokens[0].text.lower() in _LINKING_WORDS and len(tokens) > 1 else 0
    # ``Maar Pompeo tempert de verwachtingen.``: a linking word before the name.
    opening = tokens[first]
    if opening.text.lower() in ("hij", "zij"):
        # ``Els Bos … is milder. Zij twijfelt niet aan … ‘…’``: the pronoun stands for a person
        # the narration brought in since the last attributed quote (the resolver finds whom, as
        # for a tag's ``zij``); with no one new, the quote's speaker goes on (``…’, sust X. Hij
        # wijst op … ‘…’``).
        return (opening.start, opening.end) if _person_named_since(ctx, after, opening.start) else None
    name = ctx.name_index.starting_at(opening.start)
    if name is None:
        # ``Ook de burgemeester was onder de indruk.``: a person's role with the definite article.
        if opening.text.lower() not in ("de", "het") or first + 1 >= len(tokens):
            return None
        noun = tokens[first + 1]
        role = ctx.lexicon.role_noun(noun.text) if noun.text[:1].islower() else None
        if role is None or role.collective or noun.upos not in ("NOUN", "PROPN", "X"):
            return None
        if role.number_of(noun.text) is not Number.SINGULAR:
            return None  # ``De leden …``: a group, no one speaker
        return opening.start, noun.end
    introduced = ctx.name_index.introduced_at(name.surname)
    return (name.start, name.end) if introduced is not None and introduced <= name.start else None


def _person_named_since(ctx: Context, after: int, before: int) -> bool:
    """Whether a person introduced with first and last name is named in a sentence that starts
    after the one holding offset ``after`` and ends before ``before``."""
    sentence = ctx.sentence_at(after) if after else None
    start = ctx.doc.sentences[sentence].end if sentence is not None else after
    return any(
        _introduced_person(ctx, name) is not None for name in ctx.name_index.starting_in(start, before)
    )


def _introduced_person(ctx: Context, name: NameMention) -> int | None:
    """Where the person this name refers to was introduced with first and last name, when that
    was at or before it and the name stands outside quoted words; else None."""
    introduced = ctx.name_index.introduced_at(name.surname)
    if introduced is None or introduced > name.start or ctx.inside_stretch((name.start, name.end)):
        return None
    return introduced


def _person_subject_since(ctx: Context, stretch: QuotedStretch, after: int) -> tuple[int, int] | None:
    """The last person who is the subject of a sentence between the last attributed quote (ending
    at ``after``) and a floating quote, in the same or the previous paragraph.

    ``…, weet de journalist James Bloodworth niet. Maar … : ‘…’``: a person named as the subject
    of the narration since the last attributed quote is the one the quote is about to be
    attributed to; a person in another role (``treffen we Boris Johnson``) is talked about.
    """
    for name in reversed(ctx.name_index.starting_in(after, stretch.open_start)):
        if ctx.paragraph_breaks(name.start, stretch.open_start) > 1:
            return None
        introduced = _introduced_person(ctx, name)
        if introduced is None:
            continue
        sent_index = ctx.sentence_at(name.start)
        if sent_index is None:
            continue
        sentence = ctx.doc.sentences[sent_index]
        if any(
            a.content[0] < sentence.end and a.content[1] > sentence.start
            for a in ctx.found_near(sentence.start, sentence.end)
        ):
            continue
        # The subject of the main clause (``Of Tusk …, weet X niet`` is about X), or a person
        # introduced with a role (``de journalist en schrijver James Bloodworth``).
        words_before = ctx.doc.text[max(sentence.start, name.start - 40) : name.start].split()
        with_role = bool(words_before) and ctx.lexicon.role_noun(words_before[-1]) is not None
        main_subject = _main_subject(sentence, name) if sentence.parsed else _inverted_subject(sentence, name)
        if main_subject or (with_role and introduced == name.start):
            return name.start, name.end
    return None


# Finite forms of the verbs news narration uses most whose spelling shows no finite ending.
_BARE_FINITE_VERBS = frozenset(
    {"is", "was", "kan", "kon", "zal", "zou", "mag", "mocht", "wil", "ging", "kwam", "zag", "gaf",
     "nam", "bleef", "sprak", "liep", "hield", "liet", "zat", "lag", "stond", "vond", "ziet", "doet",
     "gaat", "staat", "heeft", "had", "wordt", "werd", "weet", "wist", "moest", "moet", "zit"}
)  # fmt: skip
# Words spelled like a finite verb that are none (prepositions, adverbs, conjunctions).
_FINITE_LOOKALIKES = frozenset(
    {"met", "tot", "uit", "naast", "niet", "net", "echt", "nooit", "ooit", "eerst", "laatst", "meest",
     "best", "zelfs", "wat", "dat", "het", "iets", "niets", "want", "omdat", "nadat", "totdat",
     "voordat", "zodat", "doordat", "opdat", "sedert", "vanuit", "te", "beide", "straks", "pas"}
)  # fmt: skip
# Words that open a noun phrase: the word after one is a noun, not the finite verb.
_NOUN_PHRASE_OPENERS = (
    frozenset({"de", "het", "een", "deze", "die", "dit", "dat", "elke", "ieder"}) | _POSSESSIVES
)


def _inverted_subject(sentence: Sentence, name: NameMention) -> bool:
    """On an unparsed sentence (no tags): whether the name stands right after the finite verb of a
    main clause that opens with something else, where Dutch puts the subject (``Al trapt Gilles
    De Bilde … op de rem``, ``Na een half uur praten vindt Holleeder het mooi geweest``).

    Without tags the verb is known by its place and spelling: a lower-case word after at least
    one word, with a finite ending (``-t``, ``-de``, ``-te``, ``-den``, ``-ten``) or a common
    irregular form, and not the noun of a phrase (``zijn advocaat Janssen``).
    """
    words = [t for t in sentence.tokens if not is_punct(t)]
    position = next((k for k, t in enumerate(words) if t.start == name.start), None)
    if position is None or position < 2 or len(words) <= 3:
        return False
    if position == 2 and words[1].text.islower():
        return True
    verb = words[position - 1].text
    if not verb.isalpha() or not verb.islower() or verb in _FINITE_LOOKALIKES | _NOUN_PHRASE_OPENERS:
        return False
    if words[position - 2].text.lower() in _NOUN_PHRASE_OPENERS:
        return False
    return verb in _BARE_FINITE_VERBS or verb.endswith(("t", "de", "te", "den", "ten"))


def _main_subject(sentence: Sentence, name: NameMention) -> bool:
    """Whether the name (through ``flat``/``appos``/``conj`` links) is the subject of the main clause:
    the verb's one subject, or the one :func:`subject_of` picks (``treffen we Boris Johnson``
    parsed with two subjects: ``we``)."""
    token = next((t for t in sentence.tokens if t.start == name.start), None)
    for _ in range(4):
        if token is None or token.deprel not in ("flat", "appos", "conj") or not token.head:
            break
        token = sentence.token(token.head)
    if token is None or token.deprel != "nsubj" or token.head <= 0:
        return False
    verb = sentence.token(token.head)
    return verb.head == 0 and subject_of(sentence, verb) == token


def _inside_found(ctx: Context, stretch: QuotedStretch) -> bool:
    return any(
        a.content[0] <= stretch.open_start and a.content[1] >= stretch.content_end
        for a in ctx.found_near(stretch.content_end, stretch.open_start)
    )


def _paragraphs_apart(ctx: Context, a: int, b: int) -> int:
    return ctx.paragraph_breaks(a, b)


SIEVES: tuple[tuple[str, Callable[[Context], None]], ...] = (
    ("direct.postposed", sieve_direct_postposed),
    ("direct.preposed", sieve_direct_preposed),
    ("direct.speaker_label", sieve_direct_speaker_label),
    ("indirect.clause", sieve_indirect_clause),
    ("indirect.colon", sieve_indirect_colon),
    ("direct.cue_object", sieve_direct_cue_object),
    ("indirect.parenthetical", sieve_indirect_parenthetical),
    ("indirect.according_to", sieve_indirect_according_to),
    ("indirect.noun_clause", sieve_indirect_noun_clause),
    ("indirect.anaphoric", sieve_indirect_anaphoric),
    ("direct.floating", sieve_direct_floating),
)


#: Every value a :attr:`Quote.rule` can take: the sieve names plus the variants they record.
RULES: frozenset[str] = frozenset(
    {
        *(name for name, _ in SIEVES),
        "direct.interrupted",
        "direct.floating_subject",
        "direct.unattributed",
        "indirect.clause_surface",
        "indirect.aldus",
        "indirect.own_account",
    }
)


def name_runs(text: str, lexicon: Lexicon) -> list[NameMention]:
    """The document's name runs as the rules and the speaker resolution read them."""
    return index_names(
        text,
        lambda word: lexicon.role_noun(word) is not None,
        lexicon.departments,
        lexicon.names_organisation,
    )


def run_sieves(
    doc: ParsedDocument,
    stretches: Sequence[QuotedStretch],
    lexicon: Lexicon,
    names: Sequence[NameMention] | None = None,
) -> list[Attribution]:
    """Run every sieve in order; return the attributions in text order. ``names``: the
    document's :func:`name_runs`, when the caller has them already."""
    ctx = Context(
        doc, stretches, lexicon, names=list(names) if names is not None else name_runs(doc.text, lexicon)
    )
    for _, sieve in SIEVES:
        sieve(ctx)
    return ctx.found
