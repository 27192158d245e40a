"""Score system output against gold quotations, exactly as the "Scoring" section of GUIDELINES.md says.

The module reads the two JSONL formats of ``/work/shared/gold/GUIDELINES.md`` (gold files with
``content``/``speaker`` offset pairs, and the system output that :meth:`quoteattr.quote.Quote.to_dict`
writes), pairs system quotes with gold quotes one-to-one, and computes quote detection (overlap and
exact), speaker correctness and end-to-end attribution, overall and per quote kind.

Decisions where the GUIDELINES leave room (each keeps the numbers comparable with any scorer that
follows the page literally):

* **Tokens and normalisation.** Tokens are the maximal ``\\w+`` runs (``regex`` module) of the whole
  gold document text; the system's own ``text`` field is never tokenised, its offsets are looked up
  in the gold text. A token belongs to a span when it lies fully inside the *normalised* span. This
  gives the same tokens as the raw span, because every character that normalisation strips is a
  non-word character, so no token can lose or gain a character at the edges; the choice only matters
  for reading the code.
* **Exact detection** counts the pairs of the overlap matching (step 1) whose normalised content
  spans have the same start and end offsets; it does not look for a different matching.
* **Greedy order.** "gold start" and "system start" are the raw ``content[0]`` and ``start`` offsets.
  Remaining ties (same shared count and the same two starts) go by input order: gold quote order in
  the gold file, then system quote order in the output, so the result is deterministic.
* **Surname match** compares the last ``\\w+`` token of the two names after case-folding, like the
  full-name comparison. A name without any ``\\w`` character has no last token and can only match by
  equality. An empty system speaker name ``""`` is a name, not ``null``.
* **Per kind.** For kind *k*, recall counts gold quotes of kind *k* (paired / exactly paired /
  correctly attributed, whatever the kind of the partner), precision counts system quotes of kind
  *k* likewise. The counts behind both sides are kept (``tp_gold``, ``tp_sys``).
* **Division by zero** gives ``0.0``: P with no system quotes, R with no gold quotes, F1 when
  P + R = 0, speaker accuracy with no pairs. Empty gold scored against empty output is therefore
  0.0 everywhere, not 1.0.
* **Document ids** must be JSON strings or integers (not booleans); they keep their JSON type, so
  ``"7"`` and ``7`` are different documents. A system document whose id is not in the gold file is
  ignored and counted in ``Scores.n_unknown_documents``. A system quote whose ``text`` differs from
  the gold text at its offsets is scored by its offsets and counted in ``Scores.n_text_mismatches``.
* **Validation.** Gold records need ``id``, ``text`` and ``quotes``; gold quotes need ``kind`` (one of
  ``direct``, ``indirect``, ``mixed``), ``content``, ``speaker``, ``speaker_name`` and ``cue``, with
  offsets inside the text. System records need ``id`` and ``quotes``; system quotes need ``kind`` (any
  string) and integer ``start <= end``; a missing ``speaker`` counts as ``null``. Offsets outside the
  gold text raise :class:`GoldFormatError` at scoring time (naming the document and quote).
"""

from __future__ import annotations

import enum
import json
import os
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import attrs
import regex

from quoteattr._version import __version__
from quoteattr.errors import GoldFormatError

__all__ = [
    "PRF",
    "SCORING_VERSION",
    "STRIP_CHARS",
    "Accuracy",
    "DocId",
    "ErrorItem",
    "ErrorType",
    "GoldDocument",
    "GoldQuote",
    "KindScores",
    "QuoteRef",
    "Scores",
    "SystemOutput",
    "errors",
    "format_table",
    "normalise_span",
    "read_gold",
    "read_system",
    "score",
    "speaker_correct",
]

DocId = str | int
"""A document id as it stands in the JSONL (its JSON type is kept)."""

SystemOutput = Mapping[Any, Sequence[Mapping[str, Any]]]
"""Document id → its system quote objects, as :func:`read_system` returns them. The key type is
``Any`` only because ``Mapping`` is invariant in it (a ``dict[str, ...]`` must be accepted); keys
are matched against :attr:`GoldDocument.id`."""

SCORING_VERSION = "guidelines-v1"
"""Name of the scoring rules implemented here, written into the signature."""

STRIP_CHARS = frozenset(".,;:!?…'\"‘’“”„«»‹›‚-–—()")
"""Characters stripped from both ends of a span (with whitespace) before comparing spans."""

GOLD_KINDS = ("direct", "indirect", "mixed")
"""The quote kinds of the GUIDELINES, in the order the table lists them."""

_TOKEN = regex.compile(r"\w+")


# --------------------------------------------------------------------------- gold and system input


@attrs.frozen(slots=True)
class GoldQuote:
    """One annotated quote of a gold document."""

    kind: str
    """``direct``, ``indirect`` or ``mixed``."""
    content: tuple[int, int]
    """Start and end offset of the content (end-exclusive)."""
    speaker: tuple[int, int] | None
    """Offsets of the speaker mention, or None (floating quote)."""
    speaker_name: str | None
    """Who said it (fullest name in the passage), or None when the passage does not tell."""
    cue: tuple[int, int] | None
    """Offsets of the cue word(s), or None."""


@attrs.frozen(slots=True)
class GoldDocument:
    """One line of a gold file."""

    id: DocId
    """Document id, with its JSON type."""
    text: str
    """The passage; all offsets index into it."""
    quotes: tuple[GoldQuote, ...]
    """The annotated quotes, in file order."""
    source: str | None = None
    """Where the text came from, when the record says."""


@attrs.frozen(slots=True)
class _SystemQuote:
    """A validated system quote: only what scoring needs."""

    kind: str
    """The system's kind label."""
    start: int
    """Content start offset."""
    end: int
    """Content end offset."""
    text: str | None
    """The system's copy of the content text, if given (only checked, never scored)."""
    has_speaker: bool
    """False when ``speaker`` is null or absent."""
    speaker_name: str | None
    """The ``name`` field of the speaker object."""
    speaker_text: str | None
    """The ``text`` field of the speaker object."""

    @property
    def scored_name(self) -> str | None:
        """The system's speaker name for scoring: ``name``, else ``text``."""
        return self.speaker_name if self.speaker_name is not None else self.speaker_text


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _doc_id(value: object) -> DocId:
    if isinstance(value, str) or _is_int(value):
        return value  # type: ignore[return-value]  # narrowed by the check above
    raise ValueError(f"id must be a JSON string or integer, not {value!r}")


def _offsets(value: object, field: str, text_len: int, *, nullable: bool) -> tuple[int, int] | None:
    if value is None:
        if nullable:
            return None
        raise ValueError(f"{field} must not be null")
    if not (isinstance(value, list) and len(value) == 2 and _is_int(value[0]) and _is_int(value[1])):
        raise ValueError(f"{field} must be [start, end] integers, not {value!r}")
    start, end = value
    if not 0 <= start <= end <= text_len:
        raise ValueError(f"{field} {value!r} is not a span of a text of length {text_len}")
    return start, end


def _gold_quote(record: object, text_len: int) -> GoldQuote:
    if not isinstance(record, dict):
        raise ValueError(f"a quote must be an object, not {record!r}")
    missing = [k for k in ("kind", "content", "speaker", "speaker_name", "cue") if k not in record]
    if missing:
        raise ValueError(f"quote lacks {', '.join(missing)}")
    kind = record["kind"]
    if kind not in GOLD_KINDS:
        raise ValueError(f"kind must be one of {', '.join(GOLD_KINDS)}, not {kind!r}")
    name = record["speaker_name"]
    if name is not None and not isinstance(name, str):
        raise ValueError(f"speaker_name must be a string or null, not {name!r}")
    content = _offsets(record["content"], "content", text_len, nullable=False)
    assert content is not None  # nullable=False never returns None
    return GoldQuote(
        kind=kind,
        content=content,
        speaker=_offsets(record["speaker"], "speaker", text_len, nullable=True),
        speaker_name=name,
        cue=_offsets(record["cue"], "cue", text_len, nullable=True),
    )


def _gold_document(record: object) -> GoldDocument:
    if not isinstance(record, dict):
        raise ValueError("a record must be a JSON object")
    for key in ("id", "text", "quotes"):
        if key not in record:
            raise ValueError(f"record lacks {key!r}")
    text = record["text"]
    if not isinstance(text, str):
        raise ValueError("text must be a string")
    quotes = record["quotes"]
    if not isinstance(quotes, list):
        raise ValueError("quotes must be a list")
    parsed = []
    for i, quote in enumerate(quotes):
        try:
            parsed.append(_gold_quote(quote, len(text)))
        except ValueError as exc:
            raise ValueError(f"quote {i}: {exc}") from None
    source = record.get("source")
    return GoldDocument(
        id=_doc_id(record["id"]),
        text=text,
        quotes=tuple(parsed),
        source=source if isinstance(source, str) else None,
    )


def _optional_str(record: Mapping[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is not None and not isinstance(value, str):
        raise ValueError(f"{key} must be a string or null, not {value!r}")
    return value


def _system_quote(record: object) -> _SystemQuote:
    if not isinstance(record, Mapping):
        raise ValueError(f"a quote must be an object, not {record!r}")
    for key in ("kind", "start", "end"):
        if key not in record:
            raise ValueError(f"quote lacks {key!r}")
    kind, start, end = record["kind"], record["start"], record["end"]
    if not isinstance(kind, str):
        raise ValueError(f"kind must be a string, not {kind!r}")
    if not (_is_int(start) and _is_int(end) and 0 <= start <= end):
        raise ValueError(f"start/end must be integers with 0 <= start <= end, not {start!r}/{end!r}")
    speaker = record.get("speaker")
    if speaker is not None and not isinstance(speaker, Mapping):
        raise ValueError(f"speaker must be an object or null, not {speaker!r}")
    return _SystemQuote(
        kind=kind,
        start=start,
        end=end,
        text=_optional_str(record, "text"),
        has_speaker=speaker is not None,
        speaker_name=None if speaker is None else _optional_str(speaker, "name"),
        speaker_text=None if speaker is None else _optional_str(speaker, "text"),
    )


def _system_record(record: object) -> tuple[DocId, list[dict[str, Any]]]:
    if not isinstance(record, dict):
        raise ValueError("a record must be a JSON object")
    for key in ("id", "quotes"):
        if key not in record:
            raise ValueError(f"record lacks {key!r}")
    quotes = record["quotes"]
    if not isinstance(quotes, list):
        raise ValueError("quotes must be a list")
    for i, quote in enumerate(quotes):
        try:
            _system_quote(quote)
        except ValueError as exc:
            raise ValueError(f"quote {i}: {exc}") from None
    return _doc_id(record["id"]), quotes


def _json_lines(path: str | os.PathLike[str]) -> Iterator[tuple[int, object]]:
    """(line number, parsed JSON) for each non-blank line; decoding errors name the line."""
    name = os.fspath(path)
    with open(path, "rb") as handle:
        # Decoded line by line so that a bad byte is reported on its own line.
        for lineno, raw in enumerate(handle, start=1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise GoldFormatError(f"{name}:{lineno}: not UTF-8: {exc}") from exc
            if lineno == 1:
                line = line.removeprefix("\ufeff")
            if not line.strip():
                continue
            try:
                yield lineno, json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldFormatError(f"{name}:{lineno}: invalid JSON: {exc}") from exc


def read_gold(path: str | os.PathLike[str]) -> list[GoldDocument]:
    """Read a gold JSONL file (GUIDELINES "File format").

    Raises :class:`GoldFormatError` naming the file and line for a malformed record, an offset pair
    outside the text, an unknown kind, or an id used twice. Blank lines are skipped.
    """
    documents: list[GoldDocument] = []
    seen: set[DocId] = set()
    for lineno, record in _json_lines(path):
        try:
            document = _gold_document(record)
            if document.id in seen:
                raise ValueError(f"duplicate id {document.id!r}")
        except ValueError as exc:
            raise GoldFormatError(f"{os.fspath(path)}:{lineno}: {exc}") from exc
        seen.add(document.id)
        documents.append(document)
    return documents


def read_system(path: str | os.PathLike[str]) -> dict[DocId, list[dict[str, Any]]]:
    """Read a system-output JSONL file: document id → its quote objects (as parsed, extra fields kept).

    Raises :class:`GoldFormatError` naming the file and line for a malformed record or quote, or an
    id used twice. Blank lines are skipped.
    """
    result: dict[DocId, list[dict[str, Any]]] = {}
    for lineno, record in _json_lines(path):
        try:
            doc_id, quotes = _system_record(record)
            if doc_id in result:
                raise ValueError(f"duplicate id {doc_id!r}")
        except ValueError as exc:
            raise GoldFormatError(f"{os.fspath(path)}:{lineno}: {exc}") from exc
        result[doc_id] = quotes
    return result


# --------------------------------------------------------------------------- spans, tokens, speakers


def normalise_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` with whitespace and :data:`STRIP_CHARS` stripped from both ends.

    A span made only of such characters becomes the empty span at its stripped start.
    """
    while start < end and (text[start].isspace() or text[start] in STRIP_CHARS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in STRIP_CHARS):
        end -= 1
    return start, end


@attrs.frozen(slots=True)
class _TokenIndex:
    """The ``\\w+`` tokens of one document, for finding the tokens inside a span."""

    starts: list[int]
    """Start offsets of the tokens, ascending."""
    ends: list[int]
    """End offsets of the tokens, ascending (tokens do not overlap)."""

    @classmethod
    def of(cls, text: str) -> _TokenIndex:
        matches = list(_TOKEN.finditer(text))
        return cls([m.start() for m in matches], [m.end() for m in matches])

    def inside(self, start: int, end: int) -> range:
        """Indices of the tokens lying fully inside ``[start, end)`` (a contiguous run)."""
        first = bisect_left(self.starts, start)
        stop = bisect_right(self.ends, end)
        return range(first, max(first, stop))


def _shared(a: range, b: range) -> int:
    return max(0, min(a.stop, b.stop) - max(a.start, b.start))


def _last_token(name: str) -> str | None:
    tokens = _TOKEN.findall(name)
    return tokens[-1].casefold() if tokens else None


def speaker_correct(gold_name: str | None, system_speaker: Mapping[str, Any] | None) -> bool:
    """Rule 4 of the GUIDELINES scoring for one pair.

    ``system_speaker`` is the system quote's ``speaker`` object (or None). Gold ``None`` is matched
    by no speaker or a speaker whose ``name`` is null; otherwise the system name (``name``, else
    ``text``) must equal the gold name after case-folding or share its case-folded last token.
    Raises :class:`GoldFormatError` when ``name`` or ``text`` is neither a string nor null.
    """
    try:
        quote = _system_quote({"kind": "", "start": 0, "end": 0, "speaker": system_speaker})
    except ValueError as exc:
        raise GoldFormatError(f"not a system speaker object: {exc}") from exc
    return _speaker_correct(gold_name, quote)


def _speaker_correct(gold_name: str | None, quote: _SystemQuote) -> bool:
    if gold_name is None:
        return not quote.has_speaker or quote.speaker_name is None
    name = quote.scored_name
    if name is None:
        return False
    if name.casefold() == gold_name.casefold():
        return True
    last = _last_token(name)
    return last is not None and last == _last_token(gold_name)


# --------------------------------------------------------------------------- matching


@attrs.frozen(slots=True)
class _Alignment:
    """The matching of one gold document with its system quotes."""

    document: GoldDocument
    """The gold document."""
    system: tuple[_SystemQuote, ...]
    """Its validated system quotes, in output order."""
    gold_partner: tuple[int | None, ...]
    """For each gold quote, the index of its paired system quote, or None."""
    system_partner: tuple[int | None, ...]
    """For each system quote, the index of its paired gold quote, or None."""
    exact: frozenset[int]
    """Gold indices of pairs whose normalised content spans are identical."""
    speaker_ok: frozenset[int]
    """Gold indices of pairs whose speaker is correct."""


def _align(document: GoldDocument, raw_quotes: Sequence[Mapping[str, Any]]) -> _Alignment:
    text = document.text
    system: list[_SystemQuote] = []
    for i, raw in enumerate(raw_quotes):
        try:
            quote = _system_quote(raw)
            if quote.end > len(text):
                raise ValueError(f"end {quote.end} lies past the text (length {len(text)})")
        except ValueError as exc:
            raise GoldFormatError(f"system document {document.id!r}, quote {i}: {exc}") from exc
        system.append(quote)

    tokens = _TokenIndex.of(text)
    gold_norm = [normalise_span(text, *q.content) for q in document.quotes]
    sys_norm = [normalise_span(text, q.start, q.end) for q in system]
    gold_tokens = [tokens.inside(*span) for span in gold_norm]
    sys_tokens = [tokens.inside(*span) for span in sys_norm]

    # Pairwise only within the document; token runs are contiguous, so sharing is O(1) per pair.
    candidates: list[tuple[int, int, int, int, int]] = []
    for g, g_run in enumerate(gold_tokens):
        if not g_run:
            continue
        for s, s_run in enumerate(sys_tokens):
            shared = _shared(g_run, s_run)
            if shared:
                candidates.append((-shared, document.quotes[g].content[0], system[s].start, g, s))
    candidates.sort()

    gold_partner: list[int | None] = [None] * len(document.quotes)
    system_partner: list[int | None] = [None] * len(system)
    for _, _, _, g, s in candidates:
        if gold_partner[g] is None and system_partner[s] is None:
            gold_partner[g] = s
            system_partner[s] = g

    exact: set[int] = set()
    speaker_ok: set[int] = set()
    for g, partner in enumerate(gold_partner):
        if partner is None:
            continue
        if gold_norm[g] == sys_norm[partner]:
            exact.add(g)
        if _speaker_correct(document.quotes[g].speaker_name, system[partner]):
            speaker_ok.add(g)
    return _Alignment(
        document=document,
        system=tuple(system),
        gold_partner=tuple(gold_partner),
        system_partner=tuple(system_partner),
        exact=frozenset(exact),
        speaker_ok=frozenset(speaker_ok),
    )


def _alignments(gold: Sequence[GoldDocument], system: SystemOutput) -> Iterator[_Alignment]:
    seen: set[DocId] = set()
    for document in gold:
        # Scoring one id twice would count its system quotes twice.
        if document.id in seen:
            raise GoldFormatError(f"gold document id {document.id!r} occurs twice")
        seen.add(document.id)
        # A gold document that the output lacks is a document with no system quotes.
        yield _align(document, system.get(document.id, ()))


# --------------------------------------------------------------------------- results


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


@attrs.frozen(slots=True)
class PRF:
    """Precision, recall and F1 with the counts behind them."""

    p: float
    """Precision: ``tp_sys / n_sys`` (0.0 when ``n_sys`` is 0)."""
    r: float
    """Recall: ``tp_gold / n_gold`` (0.0 when ``n_gold`` is 0)."""
    f1: float
    """Harmonic mean of p and r (0.0 when both are 0)."""
    n_sys: int
    """System quotes counted (the precision denominator)."""
    n_gold: int
    """Gold quotes counted (the recall denominator)."""
    tp_sys: int
    """System quotes that count as correct (the precision numerator)."""
    tp_gold: int
    """Gold quotes that count as found (the recall numerator); equals tp_sys overall, not per kind."""

    @classmethod
    def from_counts(cls, tp_sys: int, n_sys: int, tp_gold: int, n_gold: int) -> PRF:
        """Compute the ratios from the counts."""
        p = _ratio(tp_sys, n_sys)
        r = _ratio(tp_gold, n_gold)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return cls(p, r, f1, n_sys, n_gold, tp_sys, tp_gold)

    def to_dict(self) -> dict[str, Any]:
        return {
            "p": self.p,
            "r": self.r,
            "f1": self.f1,
            "n_sys": self.n_sys,
            "n_gold": self.n_gold,
            "tp_sys": self.tp_sys,
            "tp_gold": self.tp_gold,
        }


@attrs.frozen(slots=True)
class Accuracy:
    """A proportion with its counts."""

    value: float
    """``n_correct / n_total`` (0.0 when ``n_total`` is 0)."""
    n_correct: int
    """Items counted as correct."""
    n_total: int
    """Items counted."""

    def to_dict(self) -> dict[str, Any]:
        return {"accuracy": self.value, "n_correct": self.n_correct, "n_total": self.n_total}


@attrs.frozen(slots=True)
class KindScores:
    """The three figures for one quote kind (recall over gold quotes of the kind, precision over
    system quotes of the kind)."""

    detection_overlap: PRF
    """Quote detection, overlap matching."""
    detection_exact: PRF
    """Quote detection, identical normalised spans."""
    attribution: PRF
    """Paired with a correct speaker."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "detection_overlap": self.detection_overlap.to_dict(),
            "detection_exact": self.detection_exact.to_dict(),
            "attribution": self.attribution.to_dict(),
        }


@attrs.frozen(slots=True)
class Scores:
    """Every figure of the GUIDELINES scoring for one system on one gold file."""

    detection_overlap: PRF
    """Quote detection (overlap), rule 2."""
    detection_exact: PRF
    """Quote detection (exact), rule 3."""
    attribution: PRF
    """Attribution end to end, rule 5: the headline figure."""
    speaker_accuracy: Accuracy
    """Correct speakers among the pairs of rule 1 (n_total = number of pairs)."""
    by_kind: dict[str, KindScores]
    """Per kind: gold kinds first in GUIDELINES order, then other system kinds alphabetically."""
    n_documents: int
    """Gold documents scored."""
    n_unknown_documents: int
    """System documents whose id is not in the gold file (ignored)."""
    n_text_mismatches: int
    """System quotes whose ``text`` differs from the gold text at their offsets (scored by offsets)."""
    signature: str
    """Reproducibility signature: package version, scoring rules, matching, model name."""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict; the keys are a stable interface for comparing runs."""
        return {
            "detection_overlap": self.detection_overlap.to_dict(),
            "detection_exact": self.detection_exact.to_dict(),
            "attribution": self.attribution.to_dict(),
            "speaker_accuracy": self.speaker_accuracy.to_dict(),
            "by_kind": {kind: scores.to_dict() for kind, scores in self.by_kind.items()},
            "n_documents": self.n_documents,
            "warnings": {
                "unknown_documents": self.n_unknown_documents,
                "text_mismatches": self.n_text_mismatches,
            },
            "signature": self.signature,
        }


_FIGURES = ("overlap", "exact", "attribution")


@attrs.define(slots=True)
class _Tally:
    """Running counts for one kind (or overall)."""

    n_gold: int = 0
    """Gold quotes seen."""
    n_sys: int = 0
    """System quotes seen."""
    tp_gold: Counter[str] = attrs.field(factory=Counter)
    """Per figure: gold quotes that count as found."""
    tp_sys: Counter[str] = attrs.field(factory=Counter)
    """Per figure: system quotes that count as correct."""

    def prf(self, figure: str) -> PRF:
        return PRF.from_counts(self.tp_sys[figure], self.n_sys, self.tp_gold[figure], self.n_gold)


def _signature(model: str) -> str:
    if "|" in model:
        raise ValueError(f"model name must not contain '|': {model!r}")
    return f"quoteattr:{__version__}|scoring:{SCORING_VERSION}|match:overlap-greedy|model:{model}"


def score(
    gold: Sequence[GoldDocument],
    system: SystemOutput,
    model: str = "unknown",
) -> Scores:
    """Score ``system`` (as :func:`read_system` returns it) against ``gold`` (as :func:`read_gold`).

    ``model`` names the system in the signature. Raises :class:`GoldFormatError` for a malformed
    system quote or one whose offsets lie outside its gold document, and :class:`ValueError` for a
    model name containing ``|``. Gold ids must be unique (:class:`GoldFormatError` otherwise).
    """
    signature = _signature(model)
    overall = _Tally()
    by_kind: dict[str, _Tally] = {}
    n_pairs = n_speaker_ok = n_text_mismatches = 0

    for alignment in _alignments(gold, system):
        document = alignment.document
        for g, quote in enumerate(document.quotes):
            found = {
                "overlap": alignment.gold_partner[g] is not None,
                "exact": g in alignment.exact,
                "attribution": g in alignment.speaker_ok,
            }
            for tally in (overall, by_kind.setdefault(quote.kind, _Tally())):
                tally.n_gold += 1
                tally.tp_gold.update(figure for figure, hit in found.items() if hit)
        for s, sys_quote in enumerate(alignment.system):
            partner = alignment.system_partner[s]
            correct = {
                "overlap": partner is not None,
                "exact": partner is not None and partner in alignment.exact,
                "attribution": partner is not None and partner in alignment.speaker_ok,
            }
            for tally in (overall, by_kind.setdefault(sys_quote.kind, _Tally())):
                tally.n_sys += 1
                tally.tp_sys.update(figure for figure, hit in correct.items() if hit)
            if (
                sys_quote.text is not None
                and sys_quote.text != document.text[sys_quote.start : sys_quote.end]
            ):
                n_text_mismatches += 1
        n_pairs += sum(partner is not None for partner in alignment.gold_partner)
        n_speaker_ok += len(alignment.speaker_ok)

    gold_ids = {document.id for document in gold}
    kind_order = [k for k in GOLD_KINDS if k in by_kind] + sorted(set(by_kind) - set(GOLD_KINDS))
    return Scores(
        detection_overlap=overall.prf("overlap"),
        detection_exact=overall.prf("exact"),
        attribution=overall.prf("attribution"),
        speaker_accuracy=Accuracy(_ratio(n_speaker_ok, n_pairs), n_speaker_ok, n_pairs),
        by_kind={
            kind: KindScores(*(by_kind[kind].prf(figure) for figure in _FIGURES)) for kind in kind_order
        },
        n_documents=len(gold),
        n_unknown_documents=sum(doc_id not in gold_ids for doc_id in system),
        n_text_mismatches=n_text_mismatches,
        signature=signature,
    )


# --------------------------------------------------------------------------- error listing


class ErrorType(enum.Enum):
    """What went wrong with a quote."""

    MISSED = "missed"
    """A gold quote with no system partner."""
    SPURIOUS = "spurious"
    """A system quote with no gold partner."""
    WRONG_SPEAKER = "wrong_speaker"
    """A pair whose speaker is not correct by rule 4."""


@attrs.frozen(slots=True)
class QuoteRef:
    """One side (gold or system) of an error."""

    kind: str
    """The quote's kind label."""
    start: int
    """Content start offset."""
    end: int
    """Content end offset."""
    text: str
    """The content as it stands in the gold document text."""
    speaker: str | None
    """Gold ``speaker_name``, or the system speaker name used for scoring (``name``, else ``text``)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "speaker": self.speaker,
        }


@attrs.frozen(slots=True)
class ErrorItem:
    """A missed, spurious or wrongly attributed quote, for inspecting a system's mistakes."""

    error: ErrorType
    """What kind of error."""
    doc_id: DocId
    """The document it occurs in."""
    gold: QuoteRef | None
    """The gold quote (None for a spurious quote)."""
    system: QuoteRef | None
    """The system quote (None for a missed quote)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "error": self.error.value,
            "id": self.doc_id,
            "gold": None if self.gold is None else self.gold.to_dict(),
            "system": None if self.system is None else self.system.to_dict(),
        }

    def __str__(self) -> str:
        parts = [f"{self.error.value}\t{self.doc_id}"]
        for label, ref in (("gold", self.gold), ("system", self.system)):
            if ref is not None:
                parts.append(
                    f"{label} {ref.kind} [{ref.start}:{ref.end}] {ref.text!r} speaker={ref.speaker!r}"
                )
        return "\t".join(parts)


def errors(gold: Sequence[GoldDocument], system: SystemOutput) -> list[ErrorItem]:
    """Missed gold quotes, spurious system quotes and pairs with a wrong speaker.

    Listed per gold document in gold order, then by content start (gold start for missed and
    wrong-speaker items, system start for spurious ones). System documents not in gold are skipped.
    """
    items: list[ErrorItem] = []
    for alignment in _alignments(gold, system):
        document = alignment.document
        text = document.text

        def gold_ref(g: int, document: GoldDocument = document) -> QuoteRef:
            quote = document.quotes[g]
            start, end = quote.content
            return QuoteRef(quote.kind, start, end, document.text[start:end], quote.speaker_name)

        def system_ref(
            s: int, text: str = text, quotes: tuple[_SystemQuote, ...] = alignment.system
        ) -> QuoteRef:
            quote = quotes[s]
            return QuoteRef(
                quote.kind, quote.start, quote.end, text[quote.start : quote.end], quote.scored_name
            )

        found: list[tuple[int, int, ErrorItem]] = []
        for g, s in enumerate(alignment.gold_partner):
            if s is None:
                item = ErrorItem(ErrorType.MISSED, document.id, gold_ref(g), None)
            elif g not in alignment.speaker_ok:
                item = ErrorItem(ErrorType.WRONG_SPEAKER, document.id, gold_ref(g), system_ref(s))
            else:
                continue
            found.append((document.quotes[g].content[0], len(found), item))
        for s, g_partner in enumerate(alignment.system_partner):
            if g_partner is None:
                item = ErrorItem(ErrorType.SPURIOUS, document.id, None, system_ref(s))
                found.append((alignment.system[s].start, len(found), item))
        items.extend(item for _, _, item in sorted(found, key=lambda entry: entry[:2]))
    return items


# --------------------------------------------------------------------------- table


def format_table(scores: Scores) -> str:
    """A plain-text table: overall rows, then three rows per kind; columns P R F1 n_sys n_gold.

    Ratios are shown with three decimals; the speaker accuracy and the signature follow the table.
    """
    rows: list[tuple[str, PRF]] = [
        ("detection (overlap)", scores.detection_overlap),
        ("detection (exact)", scores.detection_exact),
        ("attribution", scores.attribution),
    ]
    for kind, kind_scores in scores.by_kind.items():
        rows += [
            (f"{kind}: detection (overlap)", kind_scores.detection_overlap),
            (f"{kind}: detection (exact)", kind_scores.detection_exact),
            (f"{kind}: attribution", kind_scores.attribution),
        ]
    header = ("", "P", "R", "F1", "n_sys", "n_gold")
    cells = [header] + [
        (label, f"{prf.p:.3f}", f"{prf.r:.3f}", f"{prf.f1:.3f}", str(prf.n_sys), str(prf.n_gold))
        for label, prf in rows
    ]
    widths = [max(len(row[col]) for row in cells) for col in range(len(header))]
    lines = [
        "  ".join(
            [row[0].ljust(widths[0])]
            + [cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
        ).rstrip()
        for row in cells
    ]
    accuracy = scores.speaker_accuracy
    lines.append("")
    lines.append(f"speaker accuracy on pairs: {accuracy.value:.3f} ({accuracy.n_correct}/{accuracy.n_total})")
    if scores.n_unknown_documents:
        lines.append(
            f"warning: {scores.n_unknown_documents} system document(s) not in the gold file were ignored"
        )
    if scores.n_text_mismatches:
        lines.append(f"warning: {scores.n_text_mismatches} system quote text(s) differ from the gold text")
    lines.append(scores.signature)
    return "\n".join(lines)
