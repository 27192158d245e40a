"""The result types: :class:`Quote` and its parts.

All offsets are Python ``str`` indices into the caller's original text, end-exclusive,
so ``text[q.content.start:q.content.end] == q.content.text`` always holds.
``Quote.to_dict`` writes the system-output JSON of the gold GUIDELINES; ``from_dict``
reads it back.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

from quoteattr.errors import GoldFormatError

__all__ = ["QuoteKind", "Span", "Cue", "Speaker", "Quote"]


class QuoteKind(enum.Enum):
    """How the content is reported."""

    DIRECT = "direct"
    """The whole content stands inside quotation marks."""
    INDIRECT = "indirect"
    """A reported clause without quotation marks."""
    MIXED = "mixed"
    """A reported clause that contains quoted fragments."""


@attrs.frozen(slots=True)
class Span:
    """A stretch of the original text."""

    start: int
    """Offset of the first character."""
    end: int
    """Offset just past the last character."""
    text: str
    """``original_text[start:end]``."""

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span ``text[start:end]``."""
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@attrs.frozen(slots=True)
class Cue:
    """The word(s) that signal the attribution."""

    span: Span
    """Where the cue stands (``zei``, ``aldus``, ``volgens``, ``:`` …)."""
    lemma: str
    """Dictionary form of the cue (``zeggen``, ``laten weten``, ``aldus``, ``:``)."""

    def to_dict(self) -> dict[str, Any]:
        return {**self.span.to_dict(), "lemma": self.lemma}


@attrs.frozen(slots=True)
class Speaker:
    """Who said it: the mention in the text and the resolved name."""

    span: Span | None
    """The linked mention (``Lavrov``, ``hij``, ``de minister``); None for a floating quote."""
    name: str | None
    """Canonical name: the fullest name the document uses for this speaker, or None."""

    def to_dict(self) -> dict[str, Any]:
        if self.span is None:
            return {"start": None, "end": None, "text": None, "name": self.name}
        return {**self.span.to_dict(), "name": self.name}


@attrs.frozen(slots=True)
class Quote:
    """One quotation and its attribution."""

    kind: QuoteKind
    """Direct, indirect or mixed."""
    content: Span
    """What was said, without the quotation marks."""
    cue: Cue | None
    """The attribution cue, or None (floating quotes, interview layout)."""
    speaker: Speaker | None
    """The speaker, or None when the text does not tell."""
    confidence: float
    """How sure the rule that found it is, 0..1."""
    rule: str
    """Name of the rule (sieve) that found the quote, for tracing errors."""

    def spans(self) -> tuple[Span, ...]:
        """The content span, then the cue's and the speaker mention's where there are such spans:
        each reads ``text[span.start:span.end] == span.text`` in the text the quote came from."""
        spans = [self.content]
        if self.cue is not None:
            spans.append(self.cue.span)
        if self.speaker is not None and self.speaker.span is not None:
            spans.append(self.speaker.span)
        return tuple(spans)

    def to_dict(self) -> dict[str, Any]:
        """The system-output JSON object of GUIDELINES.md (plus ``rule``)."""
        return {
            "kind": self.kind.value,
            "start": self.content.start,
            "end": self.content.end,
            "text": self.content.text,
            "speaker": None if self.speaker is None else self.speaker.to_dict(),
            "cue": None if self.cue is None else self.cue.to_dict(),
            "confidence": round(self.confidence, 4),
            "rule": self.rule,
        }

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> Quote:
        """Read a system-output quote object back (the inverse of :meth:`to_dict`)."""
        try:
            content = Span(int(record["start"]), int(record["end"]), str(record["text"]))
            speaker_rec = record.get("speaker")
            speaker = None
            if speaker_rec is not None:
                span = None
                if speaker_rec.get("start") is not None:
                    span = Span(int(speaker_rec["start"]), int(speaker_rec["end"]), str(speaker_rec["text"]))
                speaker = Speaker(span, speaker_rec.get("name"))
            cue_rec = record.get("cue")
            cue = None
            if cue_rec is not None:
                cue_span = Span(int(cue_rec["start"]), int(cue_rec["end"]), str(cue_rec["text"]))
                cue = Cue(cue_span, str(cue_rec.get("lemma", cue_rec["text"])))
            return cls(
                kind=QuoteKind(record["kind"]),
                content=content,
                cue=cue,
                speaker=speaker,
                confidence=float(record.get("confidence", 1.0)),
                rule=str(record.get("rule", "")),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise GoldFormatError(f"not a system-output quote object: {record!r} ({exc})") from exc
