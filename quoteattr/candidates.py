"""Candidate selection: what each sentence needs from the parser before the rules can use it.

Parsing is nearly all of the cost, and most sentences of a news article can hold no quote. A
cheap scan over the tokens decides, for each sentence, one of three levels (:class:`Need`):

* **tree**: a dependency parse. Sentences with a word the rules read as a source marker
  (``volgens``, ``aldus``), or with the colon that leads a quotation (``X zei: ‘…’``).
* **tags** (POS tags and features, no tree): sentences where a quotation's content starts that
  the rule for quotes without a cue can only judge by a finite verb among its words (a stretch of
  one word, or of three or more ending in ``.`` ``!`` ``?``, it judges from the text alone).
* **nothing**: every other sentence; it keeps its tokens, with tag ``X`` and no tree.

Cue words make a tree *conditional on the tags* (:attr:`Plan.tree_if`): the rules take a word
for a cue verb only when it is tagged ``VERB`` or ``AUX``, and for a cue noun only when tagged
``NOUN`` (a cue noun counts with a quotation in its sentence or a ``dat`` clause after it), so
the parser tags the sentence first and builds the tree only when one of its cue words got such a
tag (``de vraag``, ``de hoop`` never do).
A sentence outside quotation marks must also give a cue verb room for a reported clause, as the
clause rules read it: ``dat``/``of``, a question word or a colon after the verb (``zei dat``,
``vroeg hoe``, ``zei:``), a comma before it (``…, zei hij``; ``Het is, schrijft X, …``), or the
verb or an auxiliary in second place after an anaphor (``Dat zegt X``, ``Dat heeft X gezegd``).

The cue words come from the lexicon: every form of every cue verb (tag-only verbs and the
``scan_skip`` homographs included, since the rules accept them), a particle verb's or multiword
cue's stem only together with its particle or fixed words (``gaf`` … ``toe``, ``is`` …
``van mening``), noun cues and noun predicates. What is left out can produce no quote under the
rules in :mod:`quoteattr.sieves`, except the rare finite clause that a cue verb takes with none
of the signs above (``Ik denk het gaat goed``).

One pass over the tokens of each sentence and one merge over the quotation marks: linear in the
length of the text.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence

import attrs

from quoteattr.lexicon import Lexicon, PhraseKind
from quoteattr.marks import QuotedStretch
from quoteattr.segment import SentenceSpan

__all__ = ["Need", "Plan", "plan", "select"]


class Need(enum.IntEnum):
    """What a sentence needs from the parser, whatever its tags turn out to be."""

    NOTHING = 0
    """Tokens only."""
    TAGS = 1
    """POS tags and features."""
    TREE = 2
    """A dependency parse (tags included)."""


_VERB_TAGS = frozenset({"VERB", "AUX"})
_NOUN_TAGS = frozenset({"NOUN"})
_ADJ_TAGS = frozenset({"ADJ"})


@attrs.frozen(slots=True)
class Plan:
    """What one sentence needs from the parser."""

    need: Need
    """The level needed whatever the tags say."""
    tree_if: tuple[tuple[int, frozenset[str]], ...] = ()
    """Cue words as ``(token index, tags)``: a tree is needed too when the tagger gives one of
    them one of its tags (a cue verb form tagged ``VERB``/``AUX``, a cue noun tagged ``NOUN``)."""

    @property
    def tagged(self) -> bool:
        """Whether the sentence goes to the parser at all (tags at least)."""
        return self.need is not Need.NOTHING or bool(self.tree_if)

    def wants_tree(self, upos: Sequence[str]) -> bool:
        """Whether the sentence needs a tree, given the UPOS tag of each of its tokens."""
        return self.need is Need.TREE or any(upos[index] in tags for index, tags in self.tree_if)


TREE_PLAN = Plan(Need.TREE)
"""The plan of a sentence that is always parsed (what ``parse_all`` gives every sentence)."""

# Words after a cue verb that open its reported clause: the complementisers, the question words
# of an indirect question (``vroeg waarom …``), the colon (``zei: we gaan door``).
_CLAUSE_OPENERS = frozenset(
    {
        "dat",
        "of",
        ":",
        "wat",
        "wie",
        "wiens",
        "welk",
        "welke",
        "waarom",
        "hoe",
        "hoeveel",
        "hoezeer",
        "wanneer",
        "waar",
        "waarover",
        "waarmee",
        "waarop",
        "waaraan",
        "waarin",
        "waardoor",
        "waarvan",
        "waarvoor",
        "waarbij",
        "waarnaar",
    }
)
# First words of ``Dat zegt X.`` (the rules' own list and the lexicon's are both honoured).
_ANAPHORS = frozenset({"dat", "dit", "het", "zo", "aldus"})
# The source words the rules look for by their form (sieves: ``volgens X``, ``…, aldus X``).
_SOURCE_WORDS = frozenset({"volgens", "aldus"})
_PUNCTUATION = frozenset(".,;:!?…()[]\"'‘’“”„«»-–—/")


@attrs.frozen(slots=True)
class _Words:
    """The lexicon's word forms, arranged for the scan (lower case)."""

    verbs: frozenset[str]
    """Forms that are a cue verb by themselves (plain verbs, joined particle verbs)."""
    combined: dict[str, tuple[frozenset[str], ...]]
    """Stem form of a particle verb or multiword cue → word sets, one of which must also occur."""
    nouns: frozenset[str]
    """Noun cue forms."""
    sources: frozenset[str]
    """One-word source markers (``volgens``, ``aldus``)."""
    anaphors: frozenset[str]
    """First words of ``Dat zegt X``."""
    auxiliaries: frozenset[str]
    """Auxiliaries second in ``Dat heeft X gezegd``."""
    anaphors_before_auxiliary: frozenset[str]
    """The lexicon's anaphors, the only ones the rule reads before an auxiliary (not ``Het is``)."""
    triggers: frozenset[str]
    """Every verb form, stem and noun above: a sentence without one has no cue word."""


_WORDS: dict[int, tuple[Lexicon, _Words]] = {}


def _words(lexicon: Lexicon) -> _Words:
    cached = _WORDS.get(id(lexicon))
    if cached is not None and cached[0] is lexicon:
        return cached[1]
    verbs: set[str] = set(lexicon.noun_predicates)
    combined: dict[str, set[frozenset[str]]] = {}
    for verb in lexicon.verbs:
        if verb.particle is None and not verb.words:
            verbs |= verb.split_forms
            continue
        verbs |= verb.joined_forms
        for form in verb.split_forms:
            for particle in verb.particles or ("",):
                needed = frozenset(word for word in (particle, *verb.words) if word)
                combined.setdefault(form, set()).add(needed)
    sources = {p.words[0] for p in lexicon.phrases if len(p.words) == 1 and p.kind is PhraseKind.SOURCE}
    nouns = frozenset(form for noun in lexicon.nouns for form in noun.forms)
    words = _Words(
        verbs=frozenset(verbs),
        combined={form: tuple(sorted(needs, key=sorted)) for form, needs in combined.items()},
        nouns=nouns,
        sources=frozenset(sources | _SOURCE_WORDS),
        anaphors=frozenset(lexicon.anaphors | _ANAPHORS),
        auxiliaries=lexicon.auxiliaries,
        anaphors_before_auxiliary=lexicon.anaphors,
        triggers=frozenset(verbs | combined.keys() | nouns),
    )
    _WORDS[id(lexicon)] = (lexicon, words)
    return words


def _offsets_in(sentences: Sequence[SentenceSpan], offsets: Sequence[int]) -> list[bool]:
    """For each sentence, whether one of the (sorted) ``offsets`` falls inside it: one merge pass."""
    found = [False] * len(sentences)
    position = 0
    for index, sentence in enumerate(sentences):
        while position < len(offsets) and offsets[position] < sentence.start:
            position += 1
        found[index] = position < len(offsets) and offsets[position] < sentence.end
    return found


def _frames_clause(
    words: Sequence[str], verb: int, first_comma: int, last_opener: int, table: _Words
) -> bool:
    """Whether the cue verb at ``verb`` has room for a reported clause outside quotation marks."""
    if first_comma < verb or last_opener > verb:
        return True
    content = [word for word in words[: verb + 1] if word not in _PUNCTUATION]
    if (
        len(content) >= 3
        and content[0] in table.anaphors_before_auxiliary
        and content[1] in table.auxiliaries
    ):
        return True  # ``Dat heeft de minister gezegd``: the cue at the end, the auxiliary second
    return len(content) == 2 and content[0] in table.anaphors


def _tags_decide(text: str, stretch: QuotedStretch) -> bool:
    """Whether the tags of its words decide if ``stretch`` reads as someone's words.

    The rule for quotes without a cue (``sieves._quote_like``) settles a stretch of one word
    (never a quote) and one of three or more words ending in ``.`` ``!`` ``?`` ``…`` (always)
    from the text; for the others it looks for a finite verb among the words.
    """
    content = text[stretch.content_start : stretch.content_end].strip()
    size = len(content.split())
    return size >= 2 and not (content[-1:] in ".!?…" and size >= 3)


def plan(
    text: str,
    sentences: Sequence[SentenceSpan],
    stretches: Sequence[QuotedStretch],
    lexicon: Lexicon,
) -> list[Plan]:
    """What each sentence needs from the parser (see the module docstring)."""
    table = _words(lexicon)
    marks = sorted(
        offset
        for stretch in stretches
        for offset in (stretch.open_start, stretch.close_start)
        if offset is not None
    )
    # The colon of ``X zei: ‘…’`` stands within three characters before the opening mark.
    colons = sorted(
        colon
        for stretch in stretches
        if text[max(0, stretch.open_start - 3) : stretch.open_start].rstrip().endswith(":")
        and (colon := text.rfind(":", 0, stretch.open_start)) >= 0
    )
    has_mark = _offsets_in(sentences, marks)
    has_content_start = _offsets_in(sentences, sorted(stretch.content_start for stretch in stretches))
    undecided = _offsets_in(
        sentences, sorted(stretch.content_start for stretch in stretches if _tags_decide(text, stretch))
    )
    has_lead_colon = _offsets_in(sentences, colons)
    # Case folding that keeps every character's offset lets one call fold the whole text.
    folded = text.casefold()
    if len(folded) != len(text):
        folded = ""
    plans: list[Plan] = []
    for index, sentence in enumerate(sentences):
        if folded:
            words = [folded[start:end] for start, end in sentence.tokens]
        else:
            words = [text[start:end].casefold() for start, end in sentence.tokens]
        present = set(words)
        own_account = "naar" in present and any(
            word == "naar"
            and (found := lexicon.phrase_at(words, k)) is not None
            and found.kind is PhraseKind.SUBJECT
            for k, word in enumerate(words)
        )
        if has_lead_colon[index] or own_account or not table.sources.isdisjoint(present):
            plans.append(TREE_PLAN)
            if index and _plural_pronoun_source(words):
                # ``Volgens hen …``: the plural pronoun takes the plural subject of the sentence
                # before, which the resolver reads off its tree.
                plans[index - 1] = TREE_PLAN
            continue
        need = Need.TAGS if undecided[index] else Need.NOTHING
        copula_colon = _copula_colon(words)
        if table.triggers.isdisjoint(present):  # most sentences: no cue word at all
            plans.append(Plan(need, copula_colon))
            continue
        first_comma = words.index(",") if "," in present else len(words)
        last_opener = max((i for i, word in enumerate(words) if word in _CLAUSE_OPENERS), default=-1)
        tree_if: list[tuple[int, frozenset[str]]] = []
        for position, word in enumerate(words):
            if word not in table.triggers:
                continue
            tags: frozenset[str] = frozenset()
            if (
                word in table.verbs or any(needed <= present for needed in table.combined.get(word, ()))
            ) and (has_mark[index] or _frames_clause(words, position, first_comma, last_opener, table)):
                tags = _VERB_TAGS
            if word in table.nouns and (has_content_start[index] or _dat_follows(words, position)):
                tags |= _NOUN_TAGS
            if tags:
                tree_if.append((position, tags))
        plans.append(Plan(need, (*tree_if, *copula_colon)))
        if (
            index
            and plans[index - 1].need is not Need.TREE
            and any(
                _pronoun_next_to(words, position, _PLURAL_PRONOUNS)
                for position, tags in tree_if
                if tags & _VERB_TAGS
            )
        ):
            # ``…, waarschuwen ze.``: plural ``ze`` takes the plural subject of the sentence before,
            # which the resolver reads off its tree.
            plans[index - 1] = TREE_PLAN
    return plans


_PLURAL_PRONOUNS = frozenset({"ze", "zij"})


def _plural_pronoun_source(words: Sequence[str]) -> bool:
    """Whether ``volgens hen`` / ``volgens hun`` stands in the (case-folded) words."""
    return any(words[k] == "volgens" and words[k + 1] in ("hen", "hun") for k in range(len(words) - 1))


def _pronoun_next_to(words: Sequence[str], position: int, pronouns: frozenset[str]) -> bool:
    """Whether one of ``pronouns`` stands right before or after the word at ``position`` (the
    subject of a cue verb: ``ze waarschuwen``, ``waarschuwen ze``)."""
    return any(0 <= at < len(words) and words[at] in pronouns for at in (position - 1, position + 1))


_COPULAS = frozenset({"is", "was", "zijn", "waren", "blijft", "bleef"})


def _copula_colon(words: Sequence[str]) -> tuple[tuple[int, frozenset[str]], ...]:
    """``X is duidelijk: …``: a copula, a word and a colon; the word needs a tree if tagged ADJ
    (the colon-label rule, for a clause after the colon that no quotation mark opens)."""
    if ":" not in words:
        return ()
    colon = words.index(":")
    if colon < 2 or words[colon - 2] not in _COPULAS:
        return ()
    return ((colon - 1, _ADJ_TAGS),)


def _dat_follows(words: Sequence[str], position: int) -> bool:
    """``de verklaring van de verdediging dat …``: ``dat`` within a few words after a cue noun,
    with no punctuation between (the noun-clause rule)."""
    for word in words[position + 1 : position + 9]:
        if word == "dat":
            return True
        if not word[:1].isalnum():
            return False
    return False


def select(
    text: str,
    sentences: Sequence[SentenceSpan],
    stretches: Sequence[QuotedStretch],
    lexicon: Lexicon,
) -> list[bool]:
    """For each sentence, whether it goes to the parser at all (:attr:`Plan.tagged`)."""
    return [sentence_plan.tagged for sentence_plan in plan(text, sentences, stretches, lexicon)]
