from __future__ import annotations

import attrs
import pytest

from quoteattr import Cue, GoldFormatError, Quote, QuoteKind, Span, Speaker

LAVROV = Span(20, 26, "Lavrov")


def _quote(speaker_span: Span | None = LAVROV) -> Quote:
    return Quote(
        kind=QuoteKind.DIRECT,
        content=Span(1, 12, "Het is koud"),
        cue=Cue(Span(14, 19, "aldus"), "aldus"),
        speaker=Speaker(speaker_span, "Sergei Lavrov"),
        confidence=0.9,
        rule="direct.postposed",
    )


def test_to_dict_follows_the_guidelines_output() -> None:
    record = _quote().to_dict()
    assert record["kind"] == "direct"
    assert (record["start"], record["end"], record["text"]) == (1, 12, "Het is koud")
    assert record["speaker"] == {"start": 20, "end": 26, "text": "Lavrov", "name": "Sergei Lavrov"}
    assert record["cue"]["text"] == "aldus"
    assert record["rule"] == "direct.postposed"


def test_floating_speaker_has_null_offsets() -> None:
    record = _quote(speaker_span=None).to_dict()
    assert record["speaker"] == {"start": None, "end": None, "text": None, "name": "Sergei Lavrov"}


@pytest.mark.parametrize("speaker_span", [Span(20, 26, "Lavrov"), None])
def test_round_trip(speaker_span: Span | None) -> None:
    quote = _quote(speaker_span)
    assert Quote.from_dict(quote.to_dict()) == quote


def test_quotes_are_immutable() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        _quote().rule = "x"  # type: ignore[misc]


def test_from_dict_rejects_garbage() -> None:
    with pytest.raises(GoldFormatError):
        Quote.from_dict({"kind": "direct", "start": "x"})
    with pytest.raises(GoldFormatError):
        Quote.from_dict({"kind": "shouted", "start": 0, "end": 1, "text": "a"})


def test_spans_are_content_cue_and_speaker_mention_where_present() -> None:
    assert _quote().spans() == (Span(1, 12, "Het is koud"), Span(14, 19, "aldus"), LAVROV)
    floating = attrs.evolve(_quote(speaker_span=None), cue=None)
    assert floating.spans() == (Span(1, 12, "Het is koud"),)
