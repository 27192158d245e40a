"""The cue rules on gold UD trees (tests/fixtures/ud_quotes.conllu, sent_ids cited)."""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import pytest

from quoteattr import Attributor, Quote, QuoteKind
from quoteattr.conllu import Tree, document_from_trees
from quoteattr.parsing import WordAnalysis
from quoteattr.sieves import RULES

ALPINO = "WR-P-P-H-00000000{0}\\WR-P-P-H-00000000{0}.p.{1}"


class _NoParser:
    """extract_parsed never parses; any use of the parser is a bug."""

    name = "none"

    def parse(self, sentences: object) -> list[list[object]]:
        raise AssertionError("extract_parsed must not parse")


@pytest.fixture(scope="module")
def attributor() -> Attributor:
    return Attributor(parser=_NoParser())  # type: ignore[arg-type]


def _quotes(attributor: Attributor, tree: Tree) -> list[Quote]:
    return attributor.extract_parsed(document_from_trees([tree]))


def _summary(quote: Quote) -> tuple[str, str, str | None, str | None, str]:
    assert quote.speaker is not None
    assert quote.speaker.span is not None
    return (
        quote.kind.value,
        quote.content.text.strip(" .'"),
        quote.cue.span.text if quote.cue else None,
        quote.speaker.span.text,
        quote.rule,
    )


def test_postposed_direct_quote_with_pronoun(attributor: Attributor, ud_quote_trees: dict[str, Tree]) -> None:
    tree = ud_quote_trees[ALPINO.format("31", "5.s.4")]
    (quote,) = _quotes(attributor, tree)
    assert _summary(quote) == (
        "direct",
        "We gaan bommen vervangen door doelpunten",
        "zei",
        "hij",
        "direct.postposed",
    )
    assert quote.cue is not None
    assert quote.cue.lemma == "zeggen"


def test_interrupted_direct_quote_keeps_the_speaker(
    attributor: Attributor, ud_quote_trees: dict[str, Tree]
) -> None:
    tree = ud_quote_trees[ALPINO.format("92", "3.s.1")]
    first, second = _quotes(attributor, tree)
    assert _summary(first)[3] == _summary(second)[3] == "Trimble"
    assert second.rule == "direct.interrupted"
    assert second.content.text.startswith("maar alleen")


def test_aldus_after_a_direct_quote(attributor: Attributor, ud_quote_trees: dict[str, Tree]) -> None:
    tree = ud_quote_trees[ALPINO.format("41", "3.s.2")]
    first, second = _quotes(attributor, tree)
    assert _summary(first) == ("direct", "Wij weten", "aldus", "Jansen", "direct.postposed")
    assert second.speaker is not None
    assert second.speaker.name == "Jansen"


def test_aldus_unmarked_gives_indirect_without_the_phrase(
    attributor: Attributor, ud_quote_trees: dict[str, Tree]
) -> None:
    tree = ud_quote_trees[ALPINO.format("38", "2.s.1")]
    (quote,) = _quotes(attributor, tree)
    assert quote.kind is QuoteKind.INDIRECT
    assert quote.content.text == "Op de provincies Drenthe en Limburg na is overal iets georganiseerd"
    assert quote.speaker is not None
    assert quote.speaker.span is not None
    assert quote.speaker.span.text == "J. van 't Hof"  # the name, not the role noun


def test_aldus_with_a_scare_quote_inside_is_mixed(
    attributor: Attributor, ud_quote_trees: dict[str, Tree]
) -> None:
    tree = ud_quote_trees[ALPINO.format("30", "1.s.8")]
    (quote,) = _quotes(attributor, tree)
    assert quote.kind is QuoteKind.MIXED
    assert "'pinpasverkeer'" in quote.content.text
    assert _summary(quote)[3] == "de woordvoerster"


def test_volgens_at_the_sentence_start(attributor: Attributor, ud_quote_trees: dict[str, Tree]) -> None:
    tree = ud_quote_trees[ALPINO.format("48", "5.s.3")]
    (quote,) = _quotes(attributor, tree)
    assert _summary(quote) == (
        "indirect",
        "komt dat er wel van",
        "Volgens",
        "Maguire",
        "indirect.according_to",
    )


def test_preposed_colon_quote(attributor: Attributor, ud_quote_trees: dict[str, Tree]) -> None:
    (quote,) = _quotes(attributor, ud_quote_trees["wiki-6983.p.24.s.1"])
    assert _summary(quote)[1:] == (
        "Janssens is een kannibaal die zijn eigen troepen van de meerderheid opeet",
        "verklaarde",
        "hij",
        "direct.preposed",
    )


def test_every_quote_names_a_known_rule(attributor: Attributor, ud_quote_trees: dict[str, Tree]) -> None:
    rules = RULES
    for tree in ud_quote_trees.values():
        for quote in _quotes(attributor, tree):
            assert quote.rule in rules
            assert tree.text[quote.content.start : quote.content.end] == quote.content.text


class _FlatParser:
    """Every word a dependent of the first: no tree to lean on, so only surface rules fire."""

    name = "flat"

    def parse(self, sentences: Sequence[Sequence[str]]) -> list[list[WordAnalysis]]:
        return [
            [
                WordAnalysis(word.lower(), "X", "_", 0 if i == 0 else 1, "root" if i == 0 else "dep")
                for i, word in enumerate(sentence)
            ]
            for sentence in sentences
        ]


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        ("Piet Jansen kwam binnen.", ("direct.floating_subject", "Piet Jansen")),
        # A surname alone names the person once the full name was used.
        (
            "Gisteren sprak Piet Jansen de raad toe. Jansen bleef kalm.",
            ("direct.floating_subject", "Piet Jansen"),
        ),
        # No person: a club, never introduced with first and last name.
        ("Ajax speelde goed.", ("direct.unattributed", None)),
        ("Het regende.", ("direct.unattributed", None)),
    ],
)
def test_floating_quote_takes_the_person_of_the_sentence_before(
    lead: str, expected: tuple[str, str | None]
) -> None:
    text = f"{lead} ‘Het wordt een zware winter voor ons allemaal.’"
    quotes = Attributor(parser=_FlatParser()).extract(text)
    assert len(quotes) == 1
    quote = quotes[0]
    assert quote.content.text == "Het wordt een zware winter voor ons allemaal."
    assert (quote.rule, quote.speaker.name if quote.speaker else None) == expected
    # A floating quote has no mention of its own (GUIDELINES: name with null offsets).
    assert quote.speaker is None or quote.speaker.span is None
    assert quote.rule in RULES


def test_interview_lines_open_with_the_speaker_label() -> None:
    text = (
        "Johan Heldenbergh speelt Karl Marx.\n\n"
        "Johan Heldenbergh «Een postume triomf van het kapitalisme, ja.»\n\n"
        "Wouter Deprez «Haha. Dat vind ik nu zo hoopvol aan de mens.»\n\n"
        "Heldenbergh «Dat is waar.»\n\n"
        "Het publiek zag een «klassieker» in het stuk."
    )
    quotes = Attributor(parser=_FlatParser()).extract(text)
    labelled = [q for q in quotes if q.rule == "direct.speaker_label"]
    assert [(q.content.text, q.speaker.name if q.speaker else None) for q in labelled] == [
        ("Een postume triomf van het kapitalisme, ja.", "Johan Heldenbergh"),
        ("Haha. Dat vind ik nu zo hoopvol aan de mens.", "Wouter Deprez"),
        ("Dat is waar.", "Johan Heldenbergh"),
    ]
    for quote in labelled:
        assert quote.speaker is not None
        assert quote.speaker.span is not None
        assert text[quote.speaker.span.start : quote.speaker.span.end] == quote.speaker.span.text
    # A quoted term in running text is no label's quote.
    assert all("klassieker" not in q.content.text for q in labelled)


class _TaggingParser(_FlatParser):
    """A flat tree with a few tags given, as a weak tagger might give them."""

    def __init__(self, tags: dict[str, str]) -> None:
        self.tags = tags

    def parse(self, sentences: Sequence[Sequence[str]]) -> list[list[WordAnalysis]]:
        return [
            [
                attrs.evolve(word, upos=self.tags.get(token, word.upos))
                for word, token in zip(words, sentence, strict=True)
            ]
            for words, sentence in zip(super().parse(sentences), sentences, strict=True)
        ]


def test_name_after_the_tag_verb_may_open_with_a_particle() -> None:
    # ``Van`` tagged as a preposition must not hide the name ``Van Essen``.
    text = "„We willen geen politie zijn die zich terugtrekt”, zegt Van Essen in een interview."
    parser = _TaggingParser({"zegt": "VERB", "Van": "ADP", "in": "ADP"})
    quotes = Attributor(parser=parser).extract(text)
    assert [(q.rule, q.speaker.span.text if q.speaker and q.speaker.span else None) for q in quotes] == [
        ("direct.postposed", "Van Essen")
    ]
