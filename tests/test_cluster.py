"""Tests for quoteattr.cluster and ``quoteattr extract --dask``: the same records as a local run.

One ``LocalCluster`` of two single-threaded worker processes serves the whole module. Most tests
extract with :class:`test_cli.ToyParser` (no model, fast; its ``BOEM`` makes a document fail);
tests marked ``model`` run the shipped Stanza model on news articles.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs
import pytest
from test_cli import ARTICLES, ToyParser

import quoteattr.cli as cli
from quoteattr import cluster
from quoteattr.cluster import (
    FRAME_COLUMNS,
    WORKER_DIED,
    DaskNotInstalledError,
    extract_bag,
    extract_dataframe,
    quotes_frame,
)
from quoteattr.corpus import (
    CSV_COLUMNS,
    CsvWriter,
    Document,
    ExtractorConfig,
    Outcome,
    extract_documents,
    output_record,
)
from quoteattr.errors import InputError, QuoteAttrError

# Much of Dask has no type hints: its modules are used as Any.
dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
dd = pytest.importorskip("dask.dataframe")
db = pytest.importorskip("dask.bag")
pd = pytest.importorskip("pandas")

TOY = ExtractorConfig(parser=ToyParser())
FAILURE = "RuntimeError: de parser ontplofte"

# Short articles keep the model tests quick; the empty ones among them are documents too.
NEWS_LINES = 400
NEWS_MAX_CHARS = 1500
NEWS_DOCS = 24


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    # No retries of a task whose worker died: one death is enough to test, and quicker.
    with (
        dask.config.set({"distributed.scheduler.allowed-failures": 0}),
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0"
        ) as local,
        distributed.Client(local) as connected,
    ):
        yield connected


def _toy_articles(n: int, failing: Sequence[int] = ()) -> list[dict[str, Any]]:
    return [
        {"id": i, "text": "Hij zei: ‘BOEM’." if i in failing else str(ARTICLES[i % len(ARTICLES)]["text"])}
        for i in range(n)
    ]


def _local_records(articles: Sequence[dict[str, Any]], config: ExtractorConfig) -> list[dict[str, Any]]:
    documents = [Document(a["id"], a["text"], str(a["id"])) for a in articles]
    return [output_record(d.id, o) for d, o in extract_documents(documents, config)]


def _compute(collection: Any) -> Any:
    return collection.compute()


def _write_jsonl(path: Path, records: Sequence[object]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


# --------------------------------------------------------------------------- bag and dataframe, toy parser


def test_bag_gives_the_local_records_in_order_and_a_failing_document_an_error_record(
    client: Any,
) -> None:
    articles = _toy_articles(40, failing=(13, 14, 31))
    expected = _local_records(articles, TOY)
    assert [r for r in expected if "error" in r] == [
        {"id": i, "quotes": [], "error": FAILURE} for i in (13, 14, 31)
    ]
    assert sum(len(r["quotes"]) for r in expected) >= 30  # the toy trees do give quotes
    # Documents and mappings alike; partitions of uneven size, batches that split them.
    items: list[object] = [Document(a["id"], a["text"], "") if a["id"] % 2 else a for a in articles]
    records = _compute(extract_bag(db.from_sequence(items, npartitions=5), TOY, batch_docs=3))
    assert records == expected
    # Each worker built one attributor for all its tasks.
    assert set(client.run(lambda: len(cluster._attributors)).values()) == {1}


def test_bag_of_mappings_with_other_fields_and_bad_ones(client: Any) -> None:
    articles = [{"doc": f"d{i}", "body": a["text"]} for i, a in enumerate(_toy_articles(6))]
    renamed = extract_bag(db.from_sequence(articles, npartitions=2), TOY, id_field="doc", text_field="body")
    assert [r["id"] for r in _compute(renamed)] == [f"d{i}" for i in range(6)]
    # A text that is not a string is that document's failure; a record without an id is bad input.
    odd = _compute(extract_bag(db.from_sequence([{"id": 1, "text": None}]), TOY))
    assert odd == [{"id": 1, "quotes": [], "error": "TypeError: text must be str, not NoneType"}]
    with pytest.raises(InputError, match="no field 'id'"):
        _compute(extract_bag(db.from_sequence([{"text": "Tekst."}]), TOY))
    with pytest.raises(ValueError, match="batch_docs"):
        extract_bag(db.from_sequence(articles), TOY, batch_docs=0)


def test_dataframe_has_one_row_per_quote_and_one_per_failed_document(client: Any) -> None:
    articles = _toy_articles(20, failing=(4,))
    expected = _local_records(articles, TOY)
    frame = dd.from_pandas(pd.DataFrame(articles), npartitions=3)
    quotes = _compute(extract_dataframe(frame, TOY)).reset_index(drop=True)
    assert tuple(quotes.columns) == FRAME_COLUMNS == (*CSV_COLUMNS, "error")
    assert quotes["id"].dtype == frame["id"].dtype
    failed = quotes[quotes["error"].notna()]
    assert failed["id"].tolist() == [4]
    assert failed["error"].tolist() == [FAILURE]
    assert failed.drop(columns=["id", "error"]).isna().all(axis=None)
    ok = quotes[quotes["error"].isna()]
    assert list(zip(ok["id"], ok["start"], ok["end"], ok["text"], strict=True)) == [
        (r["id"], q["start"], q["end"], q["text"]) for r in expected for q in r["quotes"]
    ]
    # The frame is the local quotes frame, and its quote rows, written as CSV, are the CLI's CSV.
    documents = [Document(a["id"], a["text"], str(a["id"])) for a in articles]
    outcomes = list(extract_documents(documents, TOY))
    pd.testing.assert_frame_equal(quotes, quotes_frame(((d.id, o) for d, o in outcomes), id_dtype="int64"))
    buffer = io.BytesIO()
    writer = CsvWriter(buffer)
    for document, outcome in outcomes:
        writer.write(document.id, outcome)
    csv_text = ok.drop(columns="error").to_csv(index=False, lineterminator="\r\n")
    assert csv_text.encode("utf-8") == buffer.getvalue()
    with pytest.raises(InputError, match="no column 'body'"):
        extract_dataframe(frame, TOY, text_column="body")


def test_without_dask_a_typed_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(DaskNotInstalledError, match=r"quoteattr\[dask\]") as caught:
        extract_bag(db.from_sequence([]), TOY)
    assert isinstance(caught.value, QuoteAttrError)
    assert isinstance(caught.value, ImportError)


# --------------------------------------------------------------------------- the command line


@pytest.fixture
def toy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every command extracts with :class:`ToyParser` instead of Stanza."""
    original = cli._config
    monkeypatch.setattr(cli, "_config", lambda args: attrs.evolve(original(args), parser=ToyParser()))


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = cli.main(argv)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.mark.usefixtures("toy")
def test_cli_dask_local_writes_what_a_local_run_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _write_jsonl(tmp_path / "a.jsonl", _toy_articles(30, failing=(7,)))
    here, there = tmp_path / "here.jsonl", tmp_path / "there.jsonl"
    assert _run(["extract", str(source), "-o", str(here), "-q"], capsys)[0] == 1
    status, _, err = _run(["extract", str(source), "-o", str(there), "--dask", "local:2"], capsys)
    assert status == 1
    assert "extracting on the Dask cluster local:2 (2 worker(s) now)" in err
    assert f"{source}:8: document 7 failed: {FAILURE}" in err
    assert "30 document(s) done" in err
    assert "1 failed" in err
    assert there.read_bytes() == here.read_bytes()
    assert [json.loads(line)["id"] for line in there.read_text("utf-8").splitlines()] == list(range(30))


@pytest.mark.usefixtures("toy")
def test_cli_dask_address_resumes_and_writes_csv(
    client: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    address = client.scheduler.address
    source = _write_jsonl(tmp_path / "a.jsonl", _toy_articles(25, failing=(3,)))
    reference = tmp_path / "full.jsonl"
    assert _run(["extract", str(source), "-o", str(reference), "-q"], capsys)[0] == 1
    full = reference.read_bytes()
    cut = full.index(b"\n", len(full) // 2) + 9  # complete lines, then part of one
    output = tmp_path / "out.jsonl"
    output.write_bytes(full[:cut])
    status, _, err = _run(["extract", str(source), "-o", str(output), "--resume", "--dask", address], capsys)
    assert status == 0  # the failed document was already written
    assert output.read_bytes() == full
    assert "resuming" in err
    # CSV, through the cluster, is the local CSV.
    local_csv, remote_csv = tmp_path / "here.csv", tmp_path / "there.csv"
    assert _run(["extract", str(source), "-o", str(local_csv), "-q"], capsys)[0] == 1
    assert _run(["extract", str(source), "-o", str(remote_csv), "-q", "--dask", address], capsys)[0] == 1
    assert remote_csv.read_bytes() == local_csv.read_bytes()
    assert len(remote_csv.read_bytes().splitlines()) > 20


@pytest.mark.usefixtures("toy")
def test_cli_dask_a_document_that_kills_its_worker_gets_an_error_record(
    client: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    articles = _toy_articles(20)
    articles[11]["text"] = "Hij zei: ‘KILLWORKER’."  # kills a worker process (see ToyParser)
    source = _write_jsonl(tmp_path / "a.jsonl", articles)
    output = tmp_path / "out.jsonl"
    status, _, err = _run(
        ["extract", str(source), "-o", str(output), "--dask", client.scheduler.address], capsys
    )
    assert status == 1
    assert "1 failed" in err
    records = [json.loads(line) for line in output.read_text("utf-8").splitlines()]
    assert [r["id"] for r in records] == list(range(20))
    assert records[11] == {"id": 11, "quotes": [], "error": WORKER_DIED}
    assert records[:11] + records[12:] == _local_records(articles[:11] + articles[12:], TOY)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--dask", "local:0"], "local:N needs a number of workers N of at least 1"),
        (["--dask", "local:x"], "local:N needs a number"),
        (["--dask", " "], "an empty scheduler address"),
        (["--dask", "local:2", "--jobs", "2"], "with --dask the cluster's workers extract"),
    ],
)
def test_cli_dask_usage_errors_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str], message: str
) -> None:
    source = _write_jsonl(tmp_path / "a.jsonl", ARTICLES)
    status, out, err = _run(["extract", str(source), *options], capsys)
    assert status == 2
    assert message in err
    assert out == ""


def test_cli_dask_without_dask_or_scheduler_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _write_jsonl(tmp_path / "a.jsonl", ARTICLES)
    output = tmp_path / "out.jsonl"
    output.write_text("earlier\n", "utf-8")
    with monkeypatch.context() as patch:
        patch.setitem(sys.modules, "distributed", None)
        status, _, err = _run(["extract", str(source), "-o", str(output), "--dask", "local:2"], capsys)
    assert status == 2
    assert "--dask needs Dask: pip install 'quoteattr[dask]'" in err
    original = cluster.connect
    monkeypatch.setattr(cluster, "connect", lambda scheduler: original(scheduler, timeout=1))
    status, _, err = _run(["extract", str(source), "-o", str(output), "--dask", "tcp://127.0.0.1:9"], capsys)
    assert status == 2
    assert "--dask tcp://127.0.0.1:9: cannot connect to the Dask scheduler" in err
    assert "Traceback" not in err
    assert output.read_text("utf-8") == "earlier\n"  # not overwritten before the cluster was there


# --------------------------------------------------------------------------- with the shipped model


@pytest.fixture(scope="module")
def news() -> list[dict[str, Any]]:
    from conftest import SHARED

    path = SHARED / "data" / "news" / "dpgmedia2019-articles.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is not present")
    articles = []
    with path.open(encoding="utf-8") as handle:
        for _, line in zip(range(NEWS_LINES), handle, strict=False):
            record = json.loads(line)
            if len(record["text"]) <= NEWS_MAX_CHARS:
                articles.append({"id": record["id"], "text": record["text"]})
    return articles[:NEWS_DOCS]


@pytest.fixture(scope="module")
def news_outcomes(news: list[dict[str, Any]]) -> list[tuple[Document, Outcome]]:
    """The single-process run, with one torch thread (as each Dask worker has)."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        documents = [Document(a["id"], a["text"], str(a["id"])) for a in news]
        return list(extract_documents(documents, ExtractorConfig()))
    finally:
        torch.set_num_threads(threads)


@pytest.mark.model
def test_news_on_two_workers_equals_the_single_process_output(
    client: Any, news: list[dict[str, Any]], news_outcomes: list[tuple[Document, Outcome]]
) -> None:
    assert len(news) == NEWS_DOCS
    expected = [output_record(document.id, outcome) for document, outcome in news_outcomes]
    assert sum(len(r["quotes"]) for r in expected) >= 10
    records = _compute(extract_bag(db.from_sequence(news, npartitions=6), ExtractorConfig()))
    assert [json.dumps(r, ensure_ascii=False) for r in records] == [
        json.dumps(r, ensure_ascii=False) for r in expected
    ]
