from __future__ import annotations

from quoteattr.candidates import select
from quoteattr.lexicon import load
from quoteattr.marks import quote_mark_offsets, scan
from quoteattr.segment import segment


def _chosen(text: str) -> list[str]:
    stretches = scan(text)
    spans = segment(text, split_at=quote_mark_offsets(text, stretches))
    flags = select(text, spans, stretches, load())
    return [text[s.start : s.end] for s, keep in zip(spans, flags, strict=True) if keep]


def test_only_sentences_that_can_hold_a_quote_are_chosen() -> None:
    text = (
        "Het regende in Utrecht. De minister zei dat het goed ging. Er viel veel water. "
        "‘Wij komen terug’, schreef de club. Volgens de politie was het rustig. Blom: nee."
    )
    assert _chosen(text) == [
        "De minister zei dat het goed ging.",
        "‘Wij komen terug’, schreef de club.",
        "Volgens de politie was het rustig.",
        "Blom: nee.",
    ]


def test_text_without_cues_parses_nothing() -> None:
    assert _chosen("Het regende. Er viel veel water op de stad.") == []
