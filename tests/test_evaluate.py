"""Tests of the GUIDELINES scorer: hand-computed examples, file reading, the shared gold, properties."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr._version import __version__
from quoteattr.errors import GoldFormatError
from quoteattr.evaluate import (
    PRF,
    ErrorType,
    GoldDocument,
    GoldQuote,
    Scores,
    errors,
    format_table,
    normalise_span,
    read_gold,
    read_system,
    score,
    speaker_correct,
)
from quoteattr.quote import Quote, QuoteKind, Span, Speaker

SHARED = Path(__file__).resolve().parents[2] / "shared"


# --------------------------------------------------------------------------- helpers


def span_of(text: str, part: str, occurrence: int = 0) -> tuple[int, int]:
    """Offsets of the ``occurrence``-th appearance of ``part`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def gq(
    text: str,
    content: str,
    kind: str = "direct",
    name: str | None = "Sergei Lavrov",
    occurrence: int = 0,
) -> GoldQuote:
    return GoldQuote(kind, span_of(text, content, occurrence), None, name, None)


def sq(
    text: str,
    content: str,
    kind: str = "direct",
    name: str | None = "Sergei Lavrov",
    *,
    speaker_text: str | None = None,
    no_speaker: bool = False,
    occurrence: int = 0,
) -> dict[str, Any]:
    start, end = span_of(text, content, occurrence)
    speaker = None if no_speaker else {"start": None, "end": None, "text": speaker_text, "name": name}
    return {"kind": kind, "start": start, "end": end, "text": content, "speaker": speaker, "cue": None}


def as_system(document: GoldDocument) -> list[dict[str, Any]]:
    """The gold quotes of ``document`` written as system output."""
    out = []
    for quote in document.quotes:
        start, end = quote.content
        if quote.speaker is not None:
            s, e = quote.speaker
            speaker: dict[str, Any] | None = {
                "start": s,
                "end": e,
                "text": document.text[s:e],
                "name": quote.speaker_name,
            }
        elif quote.speaker_name is not None:
            speaker = {"start": None, "end": None, "text": None, "name": quote.speaker_name}
        else:
            speaker = None
        out.append(
            {
                "kind": quote.kind,
                "start": start,
                "end": end,
                "text": document.text[start:end],
                "speaker": speaker,
                "cue": None,
                "confidence": 1.0,
            }
        )
    return out


def figures(scores: Scores) -> dict[str, tuple[float, float, float]]:
    return {
        "overlap": (scores.detection_overlap.p, scores.detection_overlap.r, scores.detection_overlap.f1),
        "exact": (scores.detection_exact.p, scores.detection_exact.r, scores.detection_exact.f1),
        "attribution": (scores.attribution.p, scores.attribution.r, scores.attribution.f1),
    }


def assert_perfect(scores: Scores) -> None:
    assert figures(scores) == dict.fromkeys(("overlap", "exact", "attribution"), (1.0, 1.0, 1.0))
    assert scores.speaker_accuracy.value == 1.0
    for kind_scores in scores.by_kind.values():
        for prf in (kind_scores.detection_overlap, kind_scores.detection_exact, kind_scores.attribution):
            assert (prf.p, prf.r, prf.f1) == (1.0, 1.0, 1.0)


TEXT = "‘Het gaat goed’, zei Sergei Lavrov. Blinken zei dat het gesprek open en constructief was."
DOC = GoldDocument(
    "d1",
    TEXT,
    (
        gq(TEXT, "Het gaat goed"),
        gq(TEXT, "het gesprek open en constructief was", kind="indirect", name="Anthony Blinken"),
    ),
)


# --------------------------------------------------------------------------- whole-system figures


def test_perfect_system() -> None:
    system = {
        "d1": [
            sq(TEXT, "Het gaat goed"),
            sq(TEXT, "het gesprek open en constructief was", "indirect", "Anthony Blinken"),
        ]
    }
    scores = score([DOC], system)
    assert_perfect(scores)
    assert (scores.attribution.n_sys, scores.attribution.n_gold, scores.attribution.tp_sys) == (2, 2, 2)
    assert scores.speaker_accuracy.n_total == 2
    assert scores.n_documents == 1
    assert errors([DOC], system) == []


@pytest.mark.parametrize("system", [{}, {"d1": []}])
def test_empty_system_output(system: dict[str, list[dict[str, Any]]]) -> None:
    scores = score([DOC], system)
    for prf in (scores.detection_overlap, scores.detection_exact, scores.attribution):
        assert (prf.p, prf.r, prf.f1, prf.n_sys, prf.n_gold, prf.tp_sys) == (0.0, 0.0, 0.0, 0, 2, 0)
    assert (scores.speaker_accuracy.value, scores.speaker_accuracy.n_total) == (0.0, 0)
    assert [item.error for item in errors([DOC], system)] == [ErrorType.MISSED, ErrorType.MISSED]


def test_empty_gold_gives_zero_not_one() -> None:
    empty_doc = GoldDocument("d1", TEXT, ())
    scores = score([empty_doc], {"d1": [sq(TEXT, "Het gaat goed")]})
    assert (scores.detection_overlap.p, scores.detection_overlap.r, scores.detection_overlap.f1) == (0, 0, 0)
    assert (scores.detection_overlap.n_sys, scores.detection_overlap.n_gold) == (1, 0)
    nothing = score([], {})
    assert figures(nothing)["attribution"] == (0.0, 0.0, 0.0)
    assert nothing.n_documents == 0
    assert nothing.by_kind == {}


def test_missing_document_counts_as_no_system_quotes() -> None:
    other_text = "‘Wij hebben een prachtige website’, aldus directeur Cath de Hondt."
    other = GoldDocument(
        "d2", other_text, (gq(other_text, "Wij hebben een prachtige website", name="Cath de Hondt"),)
    )
    system = {"d1": as_system(DOC), "unknown": [sq(TEXT, "Het gaat goed")]}
    scores = score([DOC, other], system)
    overlap = scores.detection_overlap
    assert (overlap.n_sys, overlap.n_gold, overlap.tp_sys) == (2, 3, 2)
    assert overlap.p == 1.0
    assert overlap.r == pytest.approx(2 / 3)
    assert overlap.f1 == pytest.approx(0.8)
    assert scores.n_unknown_documents == 1
    (missed,) = errors([DOC, other], system)
    assert (missed.error, missed.doc_id) == (ErrorType.MISSED, "d2")
    assert missed.gold is not None
    assert missed.gold.text == "Wij hebben een prachtige website"


def test_document_id_keeps_its_json_type() -> None:
    doc = GoldDocument(7, TEXT, DOC.quotes)
    assert score([doc], {"7": as_system(DOC)}).detection_overlap.tp_sys == 0
    assert score([doc], {7: as_system(DOC)}).detection_overlap.tp_sys == 2


# --------------------------------------------------------------------------- matching

WORDS = "een twee drie vier vijf zes"


def test_tie_on_system_start_earliest_system_wins() -> None:
    gold = [GoldDocument("t", WORDS, (gq(WORDS, "een twee drie vier", name="Frank Gys"),))]
    # Both share two tokens with the gold quote; the later one is listed first and has the right speaker.
    late = sq(WORDS, "drie vier", name="Frank Gys")
    early = sq(WORDS, "een twee", name="hij")
    scores = score(gold, {"t": [late, early]})
    assert (scores.detection_overlap.tp_sys, scores.detection_overlap.n_sys) == (1, 2)
    assert scores.attribution.tp_sys == 0  # the early, wrongly attributed quote took the pair
    texts = {
        item.error: None if item.system is None else item.system.text
        for item in errors(gold, {"t": [late, early]})
    }
    assert texts == {ErrorType.WRONG_SPEAKER: "een twee", ErrorType.SPURIOUS: "drie vier"}


def test_tie_on_gold_start_earliest_gold_wins() -> None:
    gold = [
        GoldDocument(
            "t",
            WORDS,
            (gq(WORDS, "vier vijf", name="Frank Gys"), gq(WORDS, "twee drie", name="Sergei Lavrov")),
        )
    ]
    system = {"t": [sq(WORDS, "twee drie vier vijf", name="Lavrov")]}
    scores = score(gold, system)
    assert scores.attribution.tp_sys == 1  # paired with "twee drie" (earlier start), whose speaker matches
    (missed,) = errors(gold, system)
    assert missed.error is ErrorType.MISSED
    assert missed.gold is not None
    assert missed.gold.text == "vier vijf"


def test_most_shared_tokens_win_before_start() -> None:
    gold = [GoldDocument("t", WORDS, (gq(WORDS, "een twee"), gq(WORDS, "drie vier vijf")))]
    system = {"t": [sq(WORDS, WORDS)]}
    (missed,) = errors(gold, system)
    assert missed.gold is not None
    assert missed.gold.text == "een twee"


def test_share_counts_tokens_in_both_spans() -> None:
    # "een twee drie" is the bigger quote but shares one token; "vier vijf" shares two and wins.
    gold = [GoldDocument("t", WORDS, (gq(WORDS, "een twee drie"), gq(WORDS, "vier vijf")))]
    (missed,) = errors(gold, {"t": [sq(WORDS, "drie vier vijf")]})
    assert missed.gold is not None
    assert missed.gold.text == "een twee drie"


@pytest.mark.parametrize("order", [1, -1])
def test_full_tie_goes_by_output_order(order: int) -> None:
    gold = [GoldDocument("t", WORDS, (gq(WORDS, "een twee", name="Frank Gys"),))]
    # Same start, same two shared tokens: the quote listed first takes the pair.
    first, second = [sq(WORDS, "een twee", name="Gys"), sq(WORDS, "een twee drie", name="hij")][::order]
    scores = score(gold, {"t": [first, second]})
    assert scores.attribution.tp_sys == (1 if order == 1 else 0)
    (spurious,) = [item for item in errors(gold, {"t": [first, second]}) if item.error is ErrorType.SPURIOUS]
    assert spurious.system is not None
    assert spurious.system.end == second["end"]


def test_one_to_one_pairing() -> None:
    gold = [GoldDocument("t", WORDS, (gq(WORDS, "een twee"), gq(WORDS, "vier vijf")))]
    system = {"t": [sq(WORDS, "twee drie vier")]}
    scores = score(gold, system)
    overlap = scores.detection_overlap
    assert (overlap.tp_sys, overlap.tp_gold, overlap.n_gold) == (1, 1, 2)
    assert (overlap.p, overlap.r) == (1.0, 0.5)
    assert overlap.f1 == pytest.approx(2 / 3)
    assert scores.speaker_accuracy.n_total == 1


def test_no_shared_token_is_no_pair() -> None:
    text = "een, twee"
    gold = [GoldDocument("t", text, (GoldQuote("direct", (0, 3), None, None, None),))]
    # ", " and a split word share no whole token with "een".
    system = {
        "t": [
            {"kind": "direct", "start": 3, "end": 5, "speaker": None},
            {"kind": "direct", "start": 1, "end": 9},
        ]
    }
    scores = score(gold, system)
    assert scores.detection_overlap.tp_sys == 0


def test_token_cut_by_a_span_does_not_belong_to_it() -> None:
    # Tokens are those of the whole document: "aat" is not a token, so only "goed" is shared.
    gold = [GoldDocument("t", TEXT, (gq(TEXT, "Het gaat"), gq(TEXT, "goed")))]
    system = {"t": [sq(TEXT, "aat goed")]}
    (missed,) = errors(gold, system)
    assert missed.gold is not None
    assert missed.gold.text == "Het gaat"


def test_exact_ignores_punctuation_and_whitespace_at_the_edges() -> None:
    text = "Hij zei: ‘Het gaat goed.’ Daarna: „Nee - echt niet!” (zei hij)."
    gold = [
        GoldDocument(
            "x",
            text,
            (gq(text, "Het gaat goed", name="hij"), gq(text, "Nee - echt niet", name="hij")),
        )
    ]
    system = {"x": [sq(text, ": ‘Het gaat goed.’ ", name="hij"), sq(text, "Nee - echt", name="hij")]}
    scores = score(gold, system)
    assert scores.detection_overlap.tp_sys == 2
    assert scores.detection_exact.tp_sys == 1
    assert (scores.detection_exact.p, scores.detection_exact.r, scores.detection_exact.f1) == (0.5, 0.5, 0.5)
    assert scores.attribution.tp_sys == 2  # exactness does not matter for attribution


def test_normalise_span() -> None:
    text = " «(‘Ja!’)» "
    assert normalise_span(text, 0, len(text)) == (4, 6)
    assert normalise_span("…", 0, 1) == (1, 1)
    assert normalise_span("a-b", 0, 3) == (0, 3)


# --------------------------------------------------------------------------- speakers


@pytest.mark.parametrize(
    ("gold_name", "speaker", "correct"),
    [
        (None, None, True),
        (None, {"start": 0, "end": 3, "text": "hij", "name": None}, True),
        (None, {"start": None, "end": None, "text": None, "name": "Sergei Lavrov"}, False),
        ("Sergei Lavrov", {"text": "Lavrov", "name": "Lavrov"}, True),
        ("Frank Gys", {"text": "burgemeester Gys", "name": "burgemeester Gys"}, True),
        ("Frank Gys", {"text": "hij", "name": "hij"}, False),
        ("Frank Gys", {"text": "hij", "name": None}, False),
        ("Frank Gys", None, False),
        ("Sergei Lavrov", {"text": "sergei LAVROV", "name": None}, True),  # name null: text is used
        ("Sergei Lavrov", {"text": "Lavrov", "name": "Blinken"}, False),  # name wins over text
        ("Sergei Lavrov", {"text": None, "name": None}, False),
        ("Sergei Lavrov", {"text": None, "name": "LAVROV"}, True),  # last token after case-folding
        ("Große Straße", {"text": None, "name": "GROSSE STRASSE"}, True),  # casefold, not lower
        ("RIVM", {"text": None, "name": "het RIVM"}, True),
        ("Sergei Lavrov", {"text": None, "name": "Sergei Lavrova"}, False),
        ("ministerie van Buitenlandse Zaken", {"text": None, "name": "Zaken Buitenlandse"}, False),
    ],
)
def test_speaker_rules(gold_name: str | None, speaker: dict[str, Any] | None, correct: bool) -> None:
    assert speaker_correct(gold_name, speaker) is correct


def test_speaker_accuracy_and_attribution() -> None:
    gold = [
        GoldDocument(
            "s",
            WORDS,
            (
                gq(WORDS, "een", name="Frank Gys"),
                gq(WORDS, "twee", name=None),
                gq(WORDS, "drie", name="Sergei Lavrov"),
                gq(WORDS, "vier", name="Anthony Blinken"),
            ),
        )
    ]
    system = {
        "s": [
            sq(WORDS, "een", name="burgemeester Gys"),
            sq(WORDS, "twee", name=None, speaker_text="hij"),
            sq(WORDS, "drie", name="hij"),
            sq(WORDS, "zes", name="Anthony Blinken"),
        ]
    }
    scores = score(gold, system)
    assert (scores.speaker_accuracy.value, scores.speaker_accuracy.n_correct) == (2 / 3, 2)
    attribution = scores.attribution
    assert (attribution.tp_sys, attribution.p, attribution.r) == (2, 0.5, 0.5)
    kinds = [item.error for item in errors(gold, system)]
    assert kinds == [ErrorType.WRONG_SPEAKER, ErrorType.MISSED, ErrorType.SPURIOUS]


# --------------------------------------------------------------------------- per kind


def test_per_kind_counts() -> None:
    text = "Hij zei ‘alfa’ en dat beta zo is en dat gamma ‘delta’ is."
    gold = [
        GoldDocument(
            "k",
            text,
            (
                gq(text, "alfa", "direct"),
                gq(text, "beta zo is", "indirect"),
                gq(text, "gamma ‘delta’ is", "mixed"),
            ),
        )
    ]
    system = {
        "k": [
            sq(text, "alfa", "direct"),
            sq(text, "beta zo is", "mixed"),  # right span, wrong kind
            sq(text, "Hij zei", "indirect"),  # spurious
            sq(text, "en", "floating", occurrence=1),  # spurious, kind only the system uses
        ]
    }
    by_kind = score(gold, system).by_kind
    assert list(by_kind) == ["direct", "indirect", "mixed", "floating"]

    def counts(prf: PRF) -> tuple[int, int, int, int]:
        return (prf.tp_sys, prf.n_sys, prf.tp_gold, prf.n_gold)

    assert counts(by_kind["direct"].detection_overlap) == (1, 1, 1, 1)
    assert counts(by_kind["indirect"].detection_overlap) == (0, 1, 1, 1)
    assert counts(by_kind["mixed"].detection_overlap) == (1, 1, 0, 1)
    assert counts(by_kind["floating"].detection_overlap) == (0, 1, 0, 0)
    indirect = by_kind["indirect"].detection_overlap
    assert (indirect.p, indirect.r, indirect.f1) == (0.0, 1.0, 0.0)
    mixed = by_kind["mixed"].attribution
    assert (mixed.p, mixed.r, mixed.f1) == (1.0, 0.0, 0.0)


# --------------------------------------------------------------------------- output


def test_to_dict_keys_and_json() -> None:
    scores = score([DOC], {"d1": as_system(DOC)}, model="nl-compact")
    data = json.loads(json.dumps(scores.to_dict()))
    assert {
        "detection_overlap",
        "detection_exact",
        "attribution",
        "speaker_accuracy",
        "by_kind",
        "signature",
    } <= set(data)
    for key in ("detection_overlap", "detection_exact", "attribution"):
        assert {"p", "r", "f1", "n_sys", "n_gold"} <= set(data[key])
    assert data["attribution"]["n_gold"] == 2
    assert data["by_kind"]["indirect"]["attribution"]["n_sys"] == 1
    assert data["speaker_accuracy"] == {"accuracy": 1.0, "n_correct": 2, "n_total": 2}
    assert data["warnings"] == {"unknown_documents": 0, "text_mismatches": 0}


def test_signature() -> None:
    signature = score([DOC], {}, model="nl-compact").signature
    assert signature == f"quoteattr:{__version__}|scoring:guidelines-v1|match:overlap-greedy|model:nl-compact"
    assert score([DOC], {}).signature.endswith("|model:unknown")
    with pytest.raises(ValueError, match="must not contain"):
        score([DOC], {}, model="a|b")


def test_format_table() -> None:
    system = {"d1": [sq(TEXT, "Het gaat goed")]}
    table = format_table(score([DOC], system, model="m"))
    lines = table.splitlines()
    grid = lines[: lines.index("")]
    assert grid[0].split() == ["P", "R", "F1", "n_sys", "n_gold"]
    assert len({len(line) for line in grid}) == 1  # right-aligned columns end together
    rows = {line[: line.index("  ")]: line.split()[-5:] for line in grid[1:]}
    assert rows["detection (overlap)"] == ["1.000", "0.500", "0.667", "1", "2"]
    assert rows["indirect: attribution"] == ["0.000", "0.000", "0.000", "0", "1"]
    assert len(grid) == 1 + 3 + 3 * 2
    assert "speaker accuracy on pairs: 1.000 (1/1)" in lines
    assert lines[-1].endswith("|model:m")


def test_text_mismatch_is_counted_and_offsets_win() -> None:
    quote = sq(TEXT, "Het gaat goed")
    quote["text"] = "something else"
    scores = score([DOC], {"d1": [quote]})
    assert scores.n_text_mismatches == 1
    assert scores.detection_exact.tp_sys == 1


def test_errors_describe_both_sides() -> None:
    system = {
        "d1": [
            sq(TEXT, "‘Het gaat goed’", name="hij"),
            sq(TEXT, "zei Sergei Lavrov", name=None, no_speaker=True),
        ]
    }
    items = errors([DOC], system)
    assert [item.error for item in items] == [ErrorType.WRONG_SPEAKER, ErrorType.SPURIOUS, ErrorType.MISSED]
    wrong = items[0].to_dict()
    assert wrong["id"] == "d1"
    assert wrong["gold"]["speaker"] == "Sergei Lavrov"
    assert wrong["system"]["speaker"] == "hij"
    assert wrong["system"]["text"] == "‘Het gaat goed’"
    assert items[1].gold is None
    assert items[2].system is None
    assert "wrong_speaker\td1" in str(items[0])


def test_quote_to_dict_output_is_scored() -> None:
    start, end = span_of(TEXT, "Het gaat goed")
    floating = Quote(
        kind=QuoteKind.DIRECT,
        content=Span.of(TEXT, start, end),
        cue=None,
        speaker=Speaker(None, "Sergei Lavrov"),
        confidence=0.5,
        rule="test",
    )
    scores = score([DOC], {"d1": [floating.to_dict()]})
    assert (scores.attribution.tp_sys, scores.attribution.n_sys) == (1, 1)


def test_duplicate_gold_ids_in_memory_raise() -> None:
    with pytest.raises(GoldFormatError, match="occurs twice"):
        score([DOC, DOC], {"d1": as_system(DOC)})


def test_speaker_correct_rejects_a_malformed_speaker() -> None:
    with pytest.raises(GoldFormatError, match="name must be a string"):
        speaker_correct("Lavrov", {"name": 3})


def test_system_offsets_outside_the_text_raise() -> None:
    bad = {"kind": "direct", "start": 0, "end": len(TEXT) + 1, "speaker": None}
    with pytest.raises(GoldFormatError, match=r"'d1', quote 0"):
        score([DOC], {"d1": [bad]})


# --------------------------------------------------------------------------- reading files


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


GOLD_LINE = json.dumps(
    {
        "id": "g1",
        "source": "test",
        "text": "Hij zei het.",
        "quotes": [
            {"kind": "direct", "content": [8, 11], "speaker": [0, 3], "speaker_name": None, "cue": [4, 7]}
        ],
    }
)


def test_read_gold(tmp_path: Path) -> None:
    (doc,) = read_gold(write_lines(tmp_path / "g.jsonl", [GOLD_LINE, ""]))
    assert doc.id == "g1"
    assert doc.source == "test"
    assert doc.quotes == (GoldQuote("direct", (8, 11), (0, 3), None, (4, 7)),)


def gold_with_quote(**changes: Any) -> str:
    record = json.loads(GOLD_LINE)
    record["quotes"][0].update(changes)
    return json.dumps(record)


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        ("{not json", "invalid JSON"),
        ("[1, 2]", "JSON object"),
        (json.dumps({"id": "x", "quotes": []}), "lacks 'text'"),
        (json.dumps({"id": True, "text": "", "quotes": []}), "string or integer"),
        (json.dumps({"id": "x", "text": "", "quotes": {}}), "must be a list"),
        (gold_with_quote(content=[8, 99]), "not a span"),
        (gold_with_quote(content=[9, 8]), "not a span"),
        (gold_with_quote(content=None), "must not be null"),
        (gold_with_quote(speaker=[0]), "integers"),
        (gold_with_quote(kind="floating"), "kind must be one of"),
        (gold_with_quote(speaker_name=3), "speaker_name"),
        (GOLD_LINE, "duplicate id"),
    ],
)
def test_read_gold_errors_name_file_and_line(tmp_path: Path, bad_line: str, message: str) -> None:
    path = write_lines(tmp_path / "g.jsonl", [GOLD_LINE, "", bad_line])
    with pytest.raises(GoldFormatError, match=rf"g\.jsonl:3: .*{message}"):
        read_gold(path)


def test_read_gold_missing_quote_key(tmp_path: Path) -> None:
    record = json.loads(GOLD_LINE)
    del record["quotes"][0]["cue"]
    with pytest.raises(GoldFormatError, match=r":1: quote 0: quote lacks cue"):
        read_gold(write_lines(tmp_path / "g.jsonl", [json.dumps(record)]))


def test_read_gold_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    path.write_bytes(GOLD_LINE.encode() + b"\n\xff\xfe\n")
    with pytest.raises(GoldFormatError, match=r"g\.jsonl:2: not UTF-8"):
        read_gold(path)


SYSTEM_LINE = json.dumps(
    {
        "id": 5,
        "quotes": [
            {
                "kind": "direct",
                "start": 8,
                "end": 11,
                "text": "het",
                "speaker": {"start": 0, "end": 3, "text": "Hij", "name": None},
                "cue": {"start": 4, "end": 7, "text": "zei"},
                "confidence": 0.9,
                "rule": "extra fields are ignored",
            }
        ],
        "extra": True,
    }
)


def test_read_system(tmp_path: Path) -> None:
    system = read_system(
        write_lines(tmp_path / "s.jsonl", [SYSTEM_LINE, json.dumps({"id": "5", "quotes": []})])
    )
    assert list(system) == [5, "5"]
    assert system[5][0]["rule"] == "extra fields are ignored"
    gold = read_gold(write_lines(tmp_path / "g.jsonl", [GOLD_LINE.replace('"g1"', "5")]))
    assert_perfect(score(gold, system))


def system_with_quote(**changes: Any) -> str:
    record = json.loads(SYSTEM_LINE)
    record["quotes"][0].update(changes)
    return json.dumps(record)


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        ("{", "invalid JSON"),
        (json.dumps({"quotes": []}), "lacks 'id'"),
        (json.dumps({"id": 1.5, "quotes": []}), "string or integer"),
        (json.dumps({"id": 1, "quotes": None}), "must be a list"),
        (system_with_quote(start="8"), "start/end"),
        (system_with_quote(start=12), "start/end"),
        (system_with_quote(kind=None), "kind must be a string"),
        (system_with_quote(speaker="Hij"), "speaker must be an object"),
        (system_with_quote(speaker={"name": 3}), "name must be a string"),
        (SYSTEM_LINE, "duplicate id"),
    ],
)
def test_read_system_errors_name_file_and_line(tmp_path: Path, bad_line: str, message: str) -> None:
    path = write_lines(tmp_path / "s.jsonl", [SYSTEM_LINE, bad_line])
    with pytest.raises(GoldFormatError, match=rf"s\.jsonl:2: .*{message}"):
        read_system(path)


# --------------------------------------------------------------------------- the shared gold


@pytest.mark.parametrize("name", ["dev.jsonl", "dev-news.jsonl"])
def test_shared_gold_against_itself_is_perfect(tmp_path: Path, name: str) -> None:
    path = SHARED / "gold" / name
    if not path.is_file():
        pytest.skip(f"{path} is not present")
    gold = read_gold(path)
    lines = [json.dumps({"id": doc.id, "quotes": as_system(doc)}, ensure_ascii=False) for doc in gold]
    system = read_system(write_lines(tmp_path / "self.jsonl", lines))
    scores = score(gold, system, model="gold")
    assert_perfect(scores)
    assert scores.detection_overlap.n_gold == sum(len(doc.quotes) for doc in gold) > 0
    assert errors(gold, system) == []


# --------------------------------------------------------------------------- properties

_WORDS = st.sampled_from(["Lavrov", "zei", "dat", "het", "goed", "gaat", "Gys", "2024", "één"])
_GAPS = st.sampled_from([" ", ", ", " ‘", "’ ", ". ", " „", "” ", " - ", "\n\n", ": "])
_NAMES = st.sampled_from([None, "Sergei Lavrov", "Frank Gys", "hij", "RIVM"])
_KINDS = st.sampled_from(["direct", "indirect", "mixed"])


@st.composite
def gold_documents(draw: st.DrawFn) -> GoldDocument:
    """A text of words and punctuation with quotes over whole tokens, edges sometimes widened."""
    words = draw(st.lists(_WORDS, min_size=1, max_size=12))
    gaps = draw(st.lists(_GAPS, min_size=len(words) + 1, max_size=len(words) + 1))
    text, starts, ends = "", [], []
    for word, gap in zip(words, gaps, strict=False):
        text += gap
        starts.append(len(text))
        text += word
        ends.append(len(text))
    text += gaps[-1]
    quotes = []
    for _ in range(draw(st.integers(0, 4))):
        first = draw(st.integers(0, len(words) - 1))
        last = draw(st.integers(first, len(words) - 1))
        start = starts[first] - draw(st.integers(0, len(gaps[first])))
        end = ends[last] + draw(st.integers(0, len(gaps[last + 1])))
        speaker = draw(st.none() | st.just((starts[0], ends[0])))
        quotes.append(GoldQuote(draw(_KINDS), (start, end), speaker, draw(_NAMES), None))
    return GoldDocument(0, text, tuple(quotes))


@settings(max_examples=60, deadline=None)
@given(st.lists(gold_documents(), max_size=3))
def test_gold_against_itself_is_perfect(documents: list[GoldDocument]) -> None:
    gold = [GoldDocument(i, doc.text, doc.quotes) for i, doc in enumerate(documents)]
    system = {doc.id: as_system(doc) for doc in gold}
    scores = score(gold, system)
    if scores.detection_overlap.n_gold:
        assert_perfect(scores)
    assert errors(gold, system) == []


@st.composite
def scored_pairs(draw: st.DrawFn) -> tuple[GoldDocument, list[dict[str, Any]]]:
    """A gold document and arbitrary system quotes inside its text."""
    document = draw(gold_documents())
    n = len(document.text)
    system = []
    for _ in range(draw(st.integers(0, 5))):
        start = draw(st.integers(0, n))
        end = draw(st.integers(start, n))
        name = draw(_NAMES)
        speaker = draw(st.sampled_from([None, {"start": None, "end": None, "text": None, "name": name}]))
        system.append(
            {"kind": draw(_KINDS | st.just("other")), "start": start, "end": end, "speaker": speaker}
        )
    return document, system


@settings(max_examples=80, deadline=None)
@given(scored_pairs())
def test_figures_are_bounded_and_consistent(pair: tuple[GoldDocument, list[dict[str, Any]]]) -> None:
    document, system_quotes = pair
    system = {document.id: system_quotes}
    scores = score([document], system)
    prfs = [scores.detection_overlap, scores.detection_exact, scores.attribution]
    for kind_scores in scores.by_kind.values():
        prfs += [kind_scores.detection_overlap, kind_scores.detection_exact, kind_scores.attribution]
    for prf in prfs:
        assert 0.0 <= prf.p <= 1.0
        assert 0.0 <= prf.r <= 1.0
        assert 0.0 <= prf.f1 <= 1.0
        assert min(prf.p, prf.r) - 1e-12 <= prf.f1 <= max(prf.p, prf.r) + 1e-12
    overall = scores.detection_overlap
    assert overall.tp_sys == overall.tp_gold == scores.speaker_accuracy.n_total
    assert scores.attribution.tp_sys <= scores.detection_overlap.tp_sys
    assert scores.detection_exact.tp_sys <= scores.detection_overlap.tp_sys
    kinds = [item.error for item in errors([document], system)]
    assert kinds.count(ErrorType.MISSED) == overall.n_gold - overall.tp_gold
    assert kinds.count(ErrorType.SPURIOUS) == overall.n_sys - overall.tp_sys
    assert kinds.count(ErrorType.WRONG_SPEAKER) == overall.tp_sys - scores.attribution.tp_sys
