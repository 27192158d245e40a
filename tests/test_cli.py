"""Tests for the ``quoteattr`` command line (quoteattr.cli): extract, evaluate, render.

Most tests replace Stanza with :class:`ToyParser`, a tiny rule-of-thumb parser that is fast and
picklable (``--jobs`` workers get it too); the real rules run on its trees. Tests marked
``model`` use the shipped Stanza model.
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import pytest

import quoteattr.cli as cli
from quoteattr import Attributor, __version__
from quoteattr.corpus import CSV_COLUMNS, ExtractorConfig
from quoteattr.parsing import WordAnalysis

ROOT = Path(__file__).resolve().parents[1]
TESTS = Path(__file__).resolve().parent

_VERBS = {"zei": "zeggen", "zegt": "zeggen", "stelt": "stellen", "aldus": "aldus", "meldt": "melden"}


class ToyParser:
    """Trees good enough for the rules on simple sentences: the first verb of saying is the root,
    the first capitalised word or pronoun after it its subject.

    ``BOEM`` makes it raise; ``KILLWORKER`` kills a worker process (raises in the main process).
    """

    name = "toy"

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay

    def parse(self, sentences: Sequence[Sequence[str]]) -> list[list[WordAnalysis]]:
        if self.delay:
            time.sleep(self.delay)
        if any("KILLWORKER" in sentence for sentence in sentences):
            if multiprocessing.parent_process() is not None:
                os._exit(3)
            raise RuntimeError("KILLWORKER in the main process")
        if any("BOEM" in sentence for sentence in sentences):
            raise RuntimeError("de parser ontplofte")
        return [self._sentence(list(sentence)) for sentence in sentences]

    @staticmethod
    def _sentence(tokens: list[str]) -> list[WordAnalysis]:
        low = [token.lower() for token in tokens]
        verb = next((i for i, token in enumerate(low) if token in _VERBS), 0)
        subject = next(
            (i for i in range(verb + 1, len(tokens)) if tokens[i][:1].isupper() or low[i] in ("hij", "zij")),
            None,
        )
        words = []
        for i, token in enumerate(tokens):
            if i == verb:
                words.append(WordAnalysis(_VERBS.get(low[i], low[i]), "VERB", "VerbForm=Fin", 0, "root"))
            elif not any(char.isalnum() for char in token):
                words.append(WordAnalysis(token, "PUNCT", "_", verb + 1, "punct"))
            elif i == subject:
                upos = "PROPN" if token[:1].isupper() else "PRON"
                words.append(WordAnalysis(token, upos, "_", verb + 1, "nsubj"))
            elif subject is not None and i == subject + 1 and token[:1].isupper():
                words.append(WordAnalysis(token, "PROPN", "_", subject + 1, "flat"))
            else:
                words.append(WordAnalysis(token, "NOUN", "_", verb + 1, "dep"))
        return words


ARTICLES: list[dict[str, Any]] = [
    {"id": 101, "text": "‘We gaan winnen’, zei Jan Jansen. ‘Absoluut.’"},
    {"id": "b", "text": "Geen citaat in deze tekst."},
    {"id": 103, "text": "Piet Puk: ‘Het is mooi.’\n\n‘Echt waar’, aldus Piet Puk."},
    {"id": 104, "text": "‘Dat klopt niet’, zegt Anna de Vries."},
]


@pytest.fixture
def toy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every command extracts with :class:`ToyParser` instead of Stanza."""
    original = cli._config
    monkeypatch.setattr(cli, "_config", lambda args: attrs.evolve(original(args), parser=ToyParser()))


def _write_jsonl(path: Path, records: Sequence[object]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def _expected(records: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    attributor = Attributor(parser=ToyParser())
    return [
        {"id": r["id"], "quotes": [q.to_dict() for q in attributor.extract(str(r["text"]))]} for r in records
    ]


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = cli.main(argv)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


# --------------------------------------------------------------------------- extract


@pytest.mark.usefixtures("toy")
def test_extract_jsonl_to_stdout_is_the_system_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _write_jsonl(tmp_path / "a.jsonl", ARTICLES)
    status, out, err = _run(["extract", str(source)], capsys)
    assert status == 0
    records = [json.loads(line) for line in out.splitlines()]
    # One line per document in input order, documents without quotes too, ids with their JSON type.
    assert records == _expected(ARTICLES)
    assert sum(len(r["quotes"]) for r in records) >= 4  # the toy trees do give quotes
    assert "4 document(s) done" in err
    assert "0 failed" in err


@pytest.mark.usefixtures("toy")
def test_extract_csv_has_one_row_per_quote(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write_jsonl(tmp_path / "a.jsonl", ARTICLES)
    output = tmp_path / "quotes.csv"  # the extension chooses CSV
    assert _run(["extract", str(source), "-o", str(output), "-q"], capsys) == (0, "", "")
    with output.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == CSV_COLUMNS
    expected = [(str(r["id"]), q) for r in _expected(ARTICLES) for q in r["quotes"]]
    assert len(rows) == len(expected)
    for row, (doc_id, quote) in zip(rows, expected, strict=True):
        assert row["id"] == doc_id
        assert (row["kind"], int(row["start"]), int(row["end"]), row["text"]) == (
            quote["kind"], quote["start"], quote["end"], quote["text"],
        )  # fmt: skip
        assert row["speaker_name"] == (quote["speaker"] or {}).get("name", "")
        assert row["cue_text"] == (quote["cue"] or {}).get("text", "")
        assert row["rule"] == quote["rule"]


@pytest.mark.usefixtures("toy")
def test_extract_format_option_overrides_the_extension(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _write_jsonl(tmp_path / "a.jsonl", ARTICLES[:1])
    output = tmp_path / "quotes.csv"
    assert _run(["extract", str(source), "-o", str(output), "--format", "jsonl", "-q"], capsys)[0] == 0
    assert _lines(output) == _expected(ARTICLES[:1])


@pytest.mark.usefixtures("toy")
def test_extract_txt_directory_ids_are_relative_paths(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "corpus"
    (root / "2024").mkdir(parents=True)
    (root / "2024" / "b.txt").write_text(str(ARTICLES[0]["text"]), "utf-8")
    (root / "a.txt").write_text(str(ARTICLES[3]["text"]), "utf-8")
    status, out, _ = _run(["extract", str(root), "-q"], capsys)
    assert status == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in records] == ["2024/b.txt", "a.txt"]
    assert records[0]["quotes"] == _expected([ARTICLES[0]])[0]["quotes"]


@pytest.mark.usefixtures("toy")
def test_extract_csv_input_ids_are_strings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "a.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["nr", "body"])
        writer.writerows([[7, ARTICLES[0]["text"]], ["x", "Niets."]])
    status, out, _ = _run(["extract", str(source), "--id-field", "nr", "--text-field", "body", "-q"], capsys)
    assert status == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["7", "x"]


@pytest.mark.usefixtures("toy")
def test_extract_reads_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    text = str(ARTICLES[0]["text"])

    class Stdin:
        buffer = io.BytesIO(text.encode("utf-8"))

    monkeypatch.setattr(sys, "stdin", Stdin())
    status, out, _ = _run(["extract", "--input-format", "txt", "-", "-q"], capsys)
    assert status == 0
    assert json.loads(out) == {"id": "-", "quotes": _expected([ARTICLES[0]])[0]["quotes"]}


@pytest.mark.usefixtures("toy")
def test_a_failing_document_gets_an_error_record_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    articles = [*ARTICLES[:2], {"id": 9, "text": "‘Dit gaat mis’, zei BOEM."}, *ARTICLES[2:]]
    source = _write_jsonl(tmp_path / "a.jsonl", articles)
    output = tmp_path / "out.jsonl"
    status, _, err = _run(["extract", str(source), "-o", str(output)], capsys)
    assert status == 1
    records = _lines(output)
    assert [r["id"] for r in records] == [r["id"] for r in articles]
    failed = records[2]
    assert failed["quotes"] == []
    assert "RuntimeError: de parser ontplofte" in str(failed["error"])
    assert [r for r in records if "error" not in r] == _expected(ARTICLES)
    assert f"{source}:3: document 9 failed: RuntimeError: de parser ontplofte" in err
    assert "1 failed" in err
    assert "Traceback" not in err


# --------------------------------------------------------------------------- exit statuses and messages


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"id": 1, "text": "ok"}\n{"id": 2, "text"\n', "a.jsonl:2: invalid JSON"),
        (b'{"id": 1, "tekst": "ok"}\n', "a.jsonl:1: the record has no field 'text'"),
        (b'{"id": 1, "text": "a"}\n{"id": 1, "text": "b"}\n', "a.jsonl:2: duplicate id 1"),
        (b'{"id": 1, "text": "\xe9"}\n', "a.jsonl:1: not UTF-8"),
    ],
)
@pytest.mark.usefixtures("toy")
def test_bad_input_exits_2_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    source = tmp_path / "a.jsonl"
    source.write_bytes(content)
    output = tmp_path / "out.jsonl"
    status, _, err = _run(["extract", str(source), "-o", str(output)], capsys)
    assert status == 2
    assert message in err
    assert err.startswith("quoteattr: error: ")
    assert "Traceback" not in err
    assert not output.exists()  # checked before anything is written


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["extract", "{missing}"], "no such file or directory"),
        (["extract", "{source}", "--resume"], "--resume needs -o FILE"),
        (["extract", "{source}", "--resume", "-o", "{tmp}/x.csv"], "--resume works with JSONL output only"),
        (["extract", "{source}", "--jobs", "0"], "must be at least 1"),
        (["extract"], "the following arguments are required"),
        (["evaluate", "{gold}"], "give either SYSTEM or --run"),
        (["evaluate", "{gold}", "{source}", "--run"], "give either SYSTEM or --run"),
        (["evaluate", "{source}", "{source}"], "record lacks"),
        (["evaluate", "{missing}", "--run"], "missing.jsonl: cannot read"),
        (["render", "{source}", "--system", "{missing}"], "missing.jsonl: cannot read: No such file"),
        (["evaluate", "{gold}", "{gold}", "--model-name", "a|b"], "must not contain '|'"),
        (
            ["render", "{source}", "--system", "{bad_system}"],
            "bad_system.jsonl: document 101: not a system-output",
        ),
        (
            ["render", "{source}", "--system", "{far_system}"],
            "far_system.jsonl: document 101: quote 1 [0:999]",
        ),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_usage_errors_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    source = _write_jsonl(tmp_path / "a.jsonl", ARTICLES[:1])
    gold = _write_jsonl(tmp_path / "gold.jsonl", [])
    half_speaker = {"kind": "direct", "start": 0, "end": 2, "text": "‘W", "speaker": {"start": 0}}
    bad_system = _write_jsonl(tmp_path / "bad_system.jsonl", [{"id": 101, "quotes": [half_speaker]}])
    _write_jsonl(tmp_path / "short_system.jsonl", [{"id": 101, "quotes": [{"kind": "direct"}]}])
    far = {"kind": "direct", "start": 0, "end": 999, "text": "x"}
    far_system = _write_jsonl(tmp_path / "far_system.jsonl", [{"id": 101, "quotes": [far]}])
    names = {
        "missing": tmp_path / "missing.jsonl",
        "source": source,
        "gold": gold,
        "tmp": tmp_path,
        "bad_system": bad_system,
        "far_system": far_system,
    }
    status, _, err = _run([arg.format(**names) for arg in argv], capsys)
    assert status == 2
    assert message in err
    assert "Traceback" not in err


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["--version"], capsys)[:2] == (0, f"quoteattr {__version__}\n")
    for command, needle in (("extract", "--resume"), ("evaluate", "--run"), ("render", "--system")):
        status, out, _ = _run([command, "--help"], capsys)
        assert status == 0
        assert needle in out
        assert "examples:" in out
        assert "quoteattr " + command in out


def test_python_dash_m_runs_the_same_command_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "quoteattr", "--version"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert (result.returncode, result.stdout) == (0, f"quoteattr {__version__}\n")


# --------------------------------------------------------------------------- progress bar


def test_progress_bar_shows_rates_and_eta() -> None:
    times = iter([100.0, 102.0, 104.0, 104.5])
    stream = io.StringIO()
    progress = cli.Progress(4, 400, stream, enabled=True, clock=lambda: next(times))  # starts at t=100
    progress.advance(100)  # t=102: 100 words in 2 s
    line = stream.getvalue()
    assert line.startswith("\r1/4 docs")
    assert "25%" in line
    # Elapsed 2 s, 300 words left at 50 words/s.
    assert "[00:02<00:06, 0.50 docs/s, 50 words/s]" in line
    progress.advance(100)  # t=104
    assert "2/4 docs" in stream.getvalue().rsplit("\r", 1)[1]
    progress.message("document 3 failed")  # t=104.5: clears the bar, prints, redraws
    assert "\nquoteattr: document 3 failed\n" in stream.getvalue().replace("\r", "\n")
    progress.close()
    assert stream.getvalue().endswith("\n")


def test_progress_bar_off_prints_only_messages() -> None:
    stream = io.StringIO()
    progress = cli.Progress(2, 10, stream, enabled=False)
    progress.advance(5)
    progress.advance(5)
    progress.close()
    assert stream.getvalue() == ""
    progress.message("let op")
    assert stream.getvalue() == "quoteattr: let op\n"


@pytest.mark.usefixtures("toy")
def test_no_progress_bar_when_stderr_is_not_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _write_jsonl(tmp_path / "a.jsonl", ARTICLES)
    status, _, err = _run(["extract", str(source), "-o", str(tmp_path / "o.jsonl")], capsys)
    assert status == 0
    assert "\r" not in err
    assert "docs/s" not in err


# --------------------------------------------------------------------------- resume


@pytest.mark.usefixtures("toy")
def test_resume_after_a_kill_mid_line_writes_every_id_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    articles = [{"id": i, "text": f"‘Zin {i} klopt’, zei Jan Jansen."} for i in range(20)]
    source = _write_jsonl(tmp_path / "a.jsonl", articles)
    reference = tmp_path / "full.jsonl"
    assert _run(["extract", str(source), "-o", str(reference), "-q"], capsys)[0] == 0
    full = reference.read_bytes()
    line_starts = [0] + [i + 1 for i, byte in enumerate(full) if byte == ord("\n")]
    for cut in (line_starts[7] + 5, line_starts[7], len(full) - 1, 3):
        # What a kill leaves: complete lines, then part of one.
        output = tmp_path / "out.jsonl"
        output.write_bytes(full[:cut])
        status, _, err = _run(["extract", str(source), "-o", str(output), "--resume"], capsys)
        assert status == 0
        assert output.read_bytes() == full
        assert "resuming" in err
    # Resuming a finished run does nothing.
    assert _run(["extract", str(source), "-o", str(output), "--resume", "-q"], capsys)[0] == 0
    assert output.read_bytes() == full


@pytest.mark.usefixtures("toy")
def test_resume_warns_about_ids_not_in_the_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write_jsonl(tmp_path / "a.jsonl", ARTICLES)
    output = tmp_path / "out.jsonl"
    output.write_text('{"id": "elders", "quotes": []}\n', "utf-8")
    status, _, err = _run(["extract", str(source), "-o", str(output), "--resume"], capsys)
    assert status == 0
    assert "1 id(s)" in err
    assert [r["id"] for r in _lines(output)] == ["elders"] + [r["id"] for r in ARTICLES]


_KILLED_RUN = """
import sys
sys.path.insert(0, {tests!r})
import attrs
import quoteattr.cli as cli
from test_cli import ToyParser
original = cli._config
cli._config = lambda args: attrs.evolve(original(args), parser=ToyParser(delay=0.05))
sys.exit(cli.main(sys.argv[1:]))
"""


@pytest.mark.usefixtures("toy")
def test_resume_after_sigkill(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    articles = [{"id": f"n{i}", "text": f"‘Zin {i} klopt’, zei Jan Jansen."} for i in range(60)]
    source = _write_jsonl(tmp_path / "a.jsonl", articles)
    output = tmp_path / "out.jsonl"
    script = _KILLED_RUN.format(tests=str(TESTS))
    process = subprocess.Popen(
        [sys.executable, "-c", script, "extract", str(source), "-o", str(output), "-q"], cwd=ROOT
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            if output.exists() and output.read_bytes().count(b"\n") >= 9:
                break
            time.sleep(0.01)
        assert process.poll() is None, "the run ended before it could be killed"
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait()
    written = output.read_bytes().count(b"\n")
    assert 9 <= written < len(articles)
    status, _, _ = _run(["extract", str(source), "-o", str(output), "--resume", "-q"], capsys)
    assert status == 0
    assert _lines(output) == _expected(articles)


# --------------------------------------------------------------------------- --jobs


@pytest.mark.usefixtures("toy")
def test_jobs_2_writes_the_same_as_jobs_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    articles = [
        {"id": i, "text": str(ARTICLES[i % len(ARTICLES)]["text"]) if i != 13 else "Hij zei: ‘BOEM’."}
        for i in range(40)
    ]
    source = _write_jsonl(tmp_path / "a.jsonl", articles)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert _run(["extract", str(source), "-o", str(one), "-q"], capsys)[0] == 1
    assert _run(["extract", str(source), "-o", str(two), "-q", "--jobs", "2"], capsys)[0] == 1
    assert two.read_bytes() == one.read_bytes()
    assert [r["id"] for r in _lines(two)] == list(range(40))
    assert "error" in _lines(two)[13]


@pytest.mark.usefixtures("toy")
def test_jobs_survive_a_worker_that_dies(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    articles = [
        {"id": i, "text": str(ARTICLES[i % len(ARTICLES)]["text"]) if i != 5 else "Hij zei: ‘KILLWORKER’."}
        for i in range(30)
    ]
    source = _write_jsonl(tmp_path / "a.jsonl", articles)
    output = tmp_path / "out.jsonl"
    status, _, err = _run(["extract", str(source), "-o", str(output), "--jobs", "2"], capsys)
    assert status == 1
    records = _lines(output)
    assert [r["id"] for r in records] == list(range(30))
    assert records[5] == {
        "id": 5,
        "quotes": [],
        "error": "the worker process died while extracting this document",
    }
    expected = _expected(articles[:5] + articles[6:])
    assert records[:5] + records[6:] == expected
    assert "1 failed" in err


# --------------------------------------------------------------------------- evaluate


def _gold_and_system(tmp_path: Path) -> tuple[Path, Path]:
    text = "Lavrov zei: ‘Nee.’ Blinken zei dat het kan."
    nee, kan = text.index("Nee."), text.index("het kan")
    gold = [
        {
            "id": "g1",
            "text": text,
            "quotes": [
                {"kind": "direct", "content": [nee, nee + 3], "speaker": [0, 6],
                 "speaker_name": "Sergei Lavrov", "cue": [7, 10]},
                {"kind": "indirect", "content": [kan, kan + 7], "speaker": [19, 26],
                 "speaker_name": "Antony Blinken", "cue": [27, 30]},
            ],
        },
        {"id": 2, "text": "Niets.", "quotes": []},
    ]  # fmt: skip
    system = [
        {
            "id": "g1",
            "quotes": [
                {"kind": "direct", "start": nee, "end": nee + 4, "text": "Nee.",
                 "speaker": {"start": 0, "end": 6, "text": "Lavrov", "name": "Lavrov"}, "cue": None},
                {"kind": "direct", "start": 0, "end": 6, "text": "Lavrov", "speaker": None, "cue": None},
            ],
        },
    ]  # fmt: skip
    return _write_jsonl(tmp_path / "gold.jsonl", gold), _write_jsonl(tmp_path / "sys.jsonl", system)


def test_evaluate_table_with_signature(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold, system = _gold_and_system(tmp_path)
    status, out, _ = _run(["evaluate", str(gold), str(system), "--model-name", "handwerk"], capsys)
    assert status == 0
    rows = {line[:19].strip(): line.split()[-5:] for line in out.splitlines() if "  " in line}
    # One of two system quotes pairs (exactly, after normalisation) with one of two gold quotes,
    # and its speaker matches by surname.
    assert rows["attribution"] == ["0.500", "0.500", "0.500", "2", "2"]
    assert rows["detection (exact)"] == ["0.500", "0.500", "0.500", "2", "2"]
    assert "speaker accuracy on pairs: 1.000 (1/1)" in out
    assert (
        out.splitlines()[-1]
        == f"quoteattr:{__version__}|scoring:guidelines-v1|match:overlap-greedy|model:handwerk"
    )


def test_evaluate_json_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold, system = _gold_and_system(tmp_path)
    status, out, _ = _run(["evaluate", str(gold), str(system), "--json", "--errors"], capsys)
    assert status == 0
    result = json.loads(out)
    for key in ("detection_overlap", "detection_exact", "attribution"):
        assert {"p", "r", "f1", "n_sys", "n_gold"} <= set(result[key])
    assert result["attribution"]["f1"] == 0.5
    assert {"speaker_accuracy", "by_kind", "signature"} <= set(result)
    assert result["signature"].endswith("|model:unknown")
    kinds = sorted((e["error"], (e["gold"] or e["system"])["text"]) for e in result["errors"])
    assert kinds == [("missed", "het kan"), ("spurious", "Lavrov")]


def test_evaluate_errors_listing_as_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold, system = _gold_and_system(tmp_path)
    status, out, _ = _run(["evaluate", str(gold), str(system), "--errors"], capsys)
    assert status == 0
    assert "2 error(s):" in out
    assert "missed\tg1\tgold indirect" in out
    assert "'het kan'" in out
    assert "spurious\tg1" in out


@pytest.mark.usefixtures("toy")
def test_evaluate_run_extracts_from_the_gold_texts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold, _ = _gold_and_system(tmp_path)
    saved = tmp_path / "run.jsonl"
    status, out, _ = _run(["evaluate", str(gold), "--run", "--json", "-o", str(saved), "-q"], capsys)
    assert status == 0
    result = json.loads(out)
    assert result["signature"].endswith("|model:toy")
    texts = [{"id": g["id"], "text": g["text"]} for g in _lines(gold)]
    assert _lines(saved) == _expected(texts)
    # The same as scoring the saved output.
    status, again, _ = _run(["evaluate", str(gold), str(saved), "--json", "--model-name", "toy"], capsys)
    assert json.loads(again) == result


def test_evaluate_bad_gold_names_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": 1, "text": "x", "quotes": []}\n{"id": 2}\n', "utf-8")
    status, _, err = _run(["evaluate", str(gold), "--run"], capsys)
    assert status == 2
    assert f"{gold}:2: record lacks 'text'" in err


# --------------------------------------------------------------------------- render


@pytest.mark.usefixtures("toy")
def test_render_from_extract_output_or_from_a_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write_jsonl(tmp_path / "a.jsonl", ARTICLES)
    output = tmp_path / "out.jsonl"
    assert _run(["extract", str(source), "-o", str(output), "-q"], capsys)[0] == 0
    from_system, from_run = tmp_path / "system.html", tmp_path / "run.html"
    status, _, err = _run(["render", str(source), "--system", str(output), "-o", str(from_system)], capsys)
    assert status == 0
    assert f"wrote {from_system}: 4 document(s)" in err
    assert _run(["render", str(source), "-o", str(from_run), "-q"], capsys)[0] == 0
    page = from_system.read_text("utf-8")
    assert page == from_run.read_text("utf-8")
    n_quotes = sum(len(r["quotes"]) for r in _lines(output))
    assert page.count('class="q q-') == n_quotes


@pytest.mark.usefixtures("toy")
def test_render_limit_and_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write_jsonl(tmp_path / "a.jsonl", ARTICLES)
    status, out, _ = _run(["render", str(source), "--limit", "2", "--title", "Twee stukken", "-q"], capsys)
    assert status == 0
    assert out.startswith("<!DOCTYPE html>")
    assert "<title>Twee stukken</title>" in out
    assert out.count('<section class="doc"') == 2


# --------------------------------------------------------------------------- with the shipped model


@pytest.mark.model
def test_extract_news_articles_with_the_shipped_model(
    shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    articles = shared / "data" / "news" / "dpgmedia2019-articles.jsonl"
    sample = tmp_path / "sample.jsonl"
    with articles.open("rb") as handle:
        sample.write_bytes(b"".join(handle.readline() for _ in range(3)))
    output = tmp_path / "out.jsonl"
    status, _, err = _run(["extract", str(sample), "-o", str(output)], capsys)
    assert status == 0, err
    records = _lines(output)
    assert [r["id"] for r in records] == [
        json.loads(line)["id"] for line in sample.read_text("utf-8").splitlines()
    ]
    assert all(isinstance(r["id"], int) for r in records)
    texts = [json.loads(line)["text"] for line in sample.read_text("utf-8").splitlines()]
    for record, text in zip(records, texts, strict=True):
        for quote in record["quotes"]:
            assert text[quote["start"] : quote["end"]] == quote["text"]


@pytest.mark.model
def test_evaluate_run_with_the_shipped_model(
    shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = tmp_path / "gold.jsonl"
    with (shared / "gold" / "dev-news.jsonl").open("rb") as handle:
        gold.write_bytes(b"".join(handle.readline() for _ in range(2)))
    status, out, err = _run(["evaluate", str(gold), "--run", "--json"], capsys)
    assert status == 0, err
    result = json.loads(out)
    assert result["signature"].endswith("|model:" + ExtractorConfig().model_name())
    assert result["attribution"]["n_gold"] == sum(len(g["quotes"]) for g in _lines(gold))
