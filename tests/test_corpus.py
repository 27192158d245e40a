"""Tests for quoteattr.corpus: input formats, ids, directory walking, errors, writers, resume, extraction."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from quoteattr.corpus import (
    CSV_COLUMNS,
    Corpus,
    CsvWriter,
    Document,
    ExtractorConfig,
    JsonlWriter,
    Outcome,
    extract_documents,
    output_record,
    resume_output,
)
from quoteattr.errors import InputError, ModelError
from quoteattr.parsing import MANIFEST, WordAnalysis, default_model_dir
from quoteattr.quote import Cue, Quote, QuoteKind, Span, Speaker


def _jsonl(path: Path, records: Sequence[object]) -> Path:
    path.write_text("".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records), "utf-8")
    return path


def _docs(*inputs: str | Path, **options: str) -> list[Document]:
    return list(Corpus.open([str(i) for i in inputs], **options))  # type: ignore[arg-type]


# --------------------------------------------------------------------------- formats and ids


def test_txt_file_named_directly_has_its_file_name_as_id_and_exact_text(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "story.txt"
    path.parent.mkdir()
    # The byte-order mark is not text; CRLF stays, so offsets index the file's own text.
    path.write_bytes("\ufeff‘Ja’, zei hij.\r\n\r\nEinde.".encode())
    [document] = _docs(path)
    assert document.id == "story.txt"
    assert document.text == "‘Ja’, zei hij.\r\n\r\nEinde."


def test_jsonl_ids_keep_their_json_type(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path / "a.jsonl",
        [{"id": 7, "text": "een"}, {"id": "7", "text": "twee"}, {"id": "x", "text": "", "extra": 1}],
    )
    path.write_text(path.read_text("utf-8") + "\n   \n", "utf-8")  # blank lines are skipped
    documents = _docs(path)
    assert [d.id for d in documents] == [7, "7", "x"]
    assert isinstance(documents[0].id, int)
    assert [d.text for d in documents] == ["een", "twee", ""]
    assert documents[1].where == f"{path}:2"


def test_jsonl_and_csv_custom_fields(tmp_path: Path) -> None:
    jsonl = _jsonl(tmp_path / "a.jsonl", [{"doc": 1, "body": "tekst"}])
    table = tmp_path / "b.csv"
    table.write_text("body,doc\ntekst twee,d2\n", "utf-8")
    documents = _docs(jsonl, table, id_field="doc", text_field="body")
    assert [(d.id, d.text) for d in documents] == [(1, "tekst"), ("d2", "tekst twee")]


def test_csv_ids_are_strings_and_fields_may_span_lines(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    long_text = "woord " * 40_000  # over csv's default 128 KiB field limit
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "title", "text"])
        writer.writerow(["7", "t", "regel een\r\n\r\nregel ‘twee’"])
        writer.writerow(["8", "t", long_text])
    documents = _docs(path)
    assert [d.id for d in documents] == ["7", "8"]
    assert documents[0].text == "regel een\r\n\r\nregel ‘twee’"
    assert documents[1].text == long_text
    # Each record is located on the line it starts on.
    assert documents[0].where == f"{path}:2"
    assert documents[1].where == f"{path}:5"


def test_reads_the_dpgmedia_articles_as_they_are(shared: Path) -> None:
    path = shared / "data" / "news" / "dpgmedia2019-articles.jsonl"
    corpus = Corpus.open([str(path)])
    assert corpus.n_documents == sum(1 for line in path.open("rb") if line.strip())
    first = next(iter(corpus))
    assert isinstance(first.id, int)
    assert first.text == json.loads(path.open("rb").readline())["text"]


def test_directory_walk_is_sorted_recursive_and_skips_hidden_and_other_files(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    (root / "b").mkdir(parents=True)
    (root / "a").mkdir()
    (root / ".git").mkdir()
    (root / "b" / "z.txt").write_text("z", "utf-8")
    (root / "a" / "y.TXT").write_text("y", "utf-8")
    (root / "x.txt").write_text("x", "utf-8")
    (root / ".hidden.txt").write_text("h", "utf-8")
    (root / ".git" / "c.txt").write_text("g", "utf-8")
    (root / "notes.md").write_text("m", "utf-8")
    _jsonl(root / "b" / "more.jsonl", [{"id": 5, "text": "vijf"}])
    documents = _docs(root)
    assert [d.id for d in documents] == ["a/y.TXT", 5, "b/z.txt", "x.txt"]
    assert [d.text for d in documents] == ["y", "vijf", "z", "x"]


def test_stdin_is_jsonl_by_default_and_txt_on_request() -> None:
    data = b'{"id": 1, "text": "een"}\n{"id": 2, "text": "twee"}\n'
    corpus = Corpus.open(["-"], stdin=io.BytesIO(data))
    assert [(d.id, d.text) for d in corpus] == [(1, "een"), (2, "twee")]
    # Iterating twice gives the same documents (stdin is kept).
    assert [d.id for d in corpus] == [1, 2]
    [document] = Corpus.open(["-"], input_format="txt", stdin=io.BytesIO("‘Ja.’".encode()))
    assert (document.id, document.text) == ("-", "‘Ja.’")


def test_word_counts_follow_input_order(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "a.jsonl", [{"id": "b", "text": "een twee"}, {"id": "a", "text": "drie"}])
    corpus = Corpus.open([str(path)])
    assert list(corpus.word_counts.items()) == [("b", 2), ("a", 1)]
    assert corpus.n_documents == 2


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"id": 1, "text": "ok"}\n{"id": 2, "text": \n', "a.jsonl:2: invalid JSON"),
        (b'{"id": 1, "text": "ok"}\n[1, 2]\n', "a.jsonl:2: a line must be a JSON object"),
        (b'{"id": 1}\n', "a.jsonl:1: the record has no field 'text'"),
        (b'{"text": "x"}\n', "a.jsonl:1: the record has no field 'id'"),
        (b'{"id": 1, "text": null}\n', "a.jsonl:1: the text field 'text' must be a string"),
        (b'{"id": true, "text": "x"}\n', "a.jsonl:1: the id field 'id' must be a string or an integer"),
        (b'{"id": 1.5, "text": "x"}\n', "must be a string or an integer"),
        (b'{"id": "", "text": "x"}\n', "a.jsonl:1: the id field 'id' is empty"),
        (b'{"id": 1, "text": "a"}\n\n{"id": 1, "text": "b"}\n', "a.jsonl:3: duplicate id 1 (first at"),
        (b'{"id": 1, "text": "ok"}\n{"id": 2, "text": "\xff"}\n', "a.jsonl:2: not UTF-8 (byte 0xff"),
    ],
)
def test_bad_jsonl_names_file_and_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        Corpus.open([str(path)])
    assert message in str(info.value)
    assert str(tmp_path) in str(info.value)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"id,body\n1,x\n", "a.csv:1: the CSV header has no column 'text'"),
        (b"", "a.csv:1: empty CSV file"),
        (b"id,text\n1,een\n2\n", "a.csv:3: 1 fields where the header has 2"),
        (b"id,text\n,een\n", "a.csv:2: the id field 'id' is empty"),
        (b"id,text\n1,een\n1,twee\n", "a.csv:3: duplicate id '1'"),
        (b'id,text\n1,"een\ntwee"\n2,\xe9\n', "a.csv:4: not UTF-8 (byte 0xe9 at column 3)"),
    ],
)
def test_bad_csv_names_file_and_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        Corpus.open([str(path)])
    assert message in str(info.value)


def test_bad_txt_and_paths(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"regel een\nregel \xc3\x28 twee\n")
    with pytest.raises(InputError, match=r"bad\.txt:2: not UTF-8 \(byte 0xc3 at column 7\)"):
        Corpus.open([str(bad)])
    with pytest.raises(InputError, match="no such file or directory"):
        Corpus.open([str(tmp_path / "missing.jsonl")])
    odd = tmp_path / "data.json"
    odd.write_text("{}", "utf-8")
    with pytest.raises(InputError, match=r"cannot tell the format.*--input-format"):
        Corpus.open([str(odd)])
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match=r"no \.txt, \.jsonl, \.ndjson or \.csv files"):
        Corpus.open([str(empty)])
    with pytest.raises(InputError, match="more than once"):
        Corpus.open(["-", "-"], stdin=io.BytesIO(b""))
    with pytest.raises(InputError, match="no input"):
        Corpus.open([])


def test_duplicate_ids_across_files_name_both_places(tmp_path: Path) -> None:
    first = _jsonl(tmp_path / "a.jsonl", [{"id": "x", "text": "een"}])
    second = _jsonl(tmp_path / "b.jsonl", [{"id": "y", "text": "een"}, {"id": "x", "text": "twee"}])
    with pytest.raises(InputError) as info:
        Corpus.open([str(first), str(second)])
    assert f"{second}:2: duplicate id 'x' (first at {first}:1)" == str(info.value)


def test_same_txt_name_in_two_named_files_is_a_duplicate(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(folder, "utf-8")
    with pytest.raises(InputError, match=r"duplicate id 'x\.txt'"):
        Corpus.open([str(tmp_path / "a" / "x.txt"), str(tmp_path / "b" / "x.txt")])
    # Walking the parent keeps them apart.
    assert [d.id for d in Corpus.open([str(tmp_path)])] == ["a/x.txt", "b/x.txt"]


# --------------------------------------------------------------------------- writers


def _quote(text: str, start: int, end: int, *, floating: bool = False) -> Quote:
    speaker = Speaker(None, "Sergei Lavrov") if floating else Speaker(Span.of(text, 0, 6), "Sergei Lavrov")
    cue = None if floating else Cue(Span.of(text, 7, 10), "zeggen")
    return Quote(QuoteKind.DIRECT, Span.of(text, start, end), cue, speaker, 0.87654, "direct.test")


TEXT = "Lavrov zei: ‘Nee.’ ‘Nooit.’"


def test_output_record_is_the_guidelines_system_output() -> None:
    quote = _quote(TEXT, 12, 16)
    assert output_record(3, Outcome((quote,))) == {"id": 3, "quotes": [quote.to_dict()]}
    assert output_record("d", Outcome((), "ParseError: kapot")) == {
        "id": "d",
        "quotes": [],
        "error": "ParseError: kapot",
    }


def test_jsonl_writer_writes_one_flushed_line_per_document() -> None:
    class Recorder(io.BytesIO):
        flushes = 0

        def flush(self) -> None:
            self.flushes += 1

    stream = Recorder()
    writer = JsonlWriter(stream)
    writer.write(1, Outcome((_quote(TEXT, 12, 16),)))
    assert stream.flushes == 1
    writer.write("b\ud800", Outcome(()))  # a lone surrogate from a JSON input still gives valid JSON
    assert stream.flushes == 2
    lines = stream.getvalue().decode("utf-8").splitlines()
    assert json.loads(lines[0])["quotes"][0]["speaker"]["name"] == "Sergei Lavrov"
    assert json.loads(lines[1]) == {"id": "b\ud800", "quotes": []}


def test_csv_writer_columns_and_rows() -> None:
    stream = io.BytesIO()
    writer = CsvWriter(stream)
    writer.write("doc", Outcome((_quote(TEXT, 13, 17), _quote(TEXT, 20, 26, floating=True))))
    writer.write("leeg", Outcome(()))
    rows = list(csv.reader(io.StringIO(stream.getvalue().decode("utf-8"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert rows[1] == ["doc", "direct", "13", "17", "Nee.", "0", "6", "Lavrov", "Sergei Lavrov",
                       "7", "10", "zei", "0.8765", "direct.test"]  # fmt: skip
    # A floating quote: no mention, no cue, but a name.
    assert rows[2] == ["doc", "direct", "20", "26", "Nooit.", "", "", "", "Sergei Lavrov",
                       "", "", "", "0.8765", "direct.test"]  # fmt: skip
    assert len(rows) == 3  # a document without quotes has no row


# --------------------------------------------------------------------------- resume


def test_resume_of_missing_file_is_an_empty_run(tmp_path: Path) -> None:
    state = resume_output(tmp_path / "none.jsonl")
    assert (state.done, state.n_records, state.discarded_bytes) == (frozenset(), 0, 0)


def test_resume_cuts_a_half_written_last_line(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    complete = b'{"id": 1, "quotes": []}\n{"id": "b", "quotes": [], "error": "x"}\n'
    path.write_bytes(complete + b'{"id": 3, "quo')
    state = resume_output(path)
    assert state.done == frozenset({1, "b"})
    assert state.n_records == 2
    assert state.discarded_bytes == len(b'{"id": 3, "quo')
    assert path.read_bytes() == complete


def test_resume_drops_a_complete_record_without_its_newline(tmp_path: Path) -> None:
    # The newline is written last; a line without it may have been cut anywhere.
    path = tmp_path / "out.jsonl"
    path.write_bytes(b'{"id": 1, "quotes": []}\n{"id": 2, "quotes": []}')
    assert resume_output(path).done == frozenset({1})
    assert path.read_bytes() == b'{"id": 1, "quotes": []}\n'


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"id": 1, "quotes": []}\nnot json\n{"id": 2, "quo', "out.jsonl:2: not a JSON line"),
        (b'{"quotes": []}\n', "out.jsonl:1: a record without an id"),
        (
            b'{"id": 1, "quotes": []}\n{"id": 1, "quotes": []}\n',
            "out.jsonl:2: id 1 was already written at line 1",
        ),
    ],
)
def test_resume_refuses_a_file_that_is_not_an_earlier_output(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "out.jsonl"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        resume_output(path)
    assert message in str(info.value)
    assert path.read_bytes() == content  # left as it was


# --------------------------------------------------------------------------- extraction


class FlatParser:
    """A stand-in for Stanza: every token hangs off the first; ``BOEM`` makes it fail."""

    name = "flat"

    def parse(self, sentences: Sequence[Sequence[str]]) -> list[list[WordAnalysis]]:
        if any("BOEM" in sentence for sentence in sentences):
            raise RuntimeError("de parser ontplofte")
        return [
            [
                WordAnalysis(
                    token, "NOUN" if i else "VERB", "_", 0 if i == 0 else 1, "root" if i == 0 else "dep"
                )
                for i, token in enumerate(sentence)
            ]
            for sentence in sentences
        ]


class BrokenModel:
    """A parser whose model cannot load."""

    name = "broken"

    def parse(self, sentences: Sequence[Sequence[str]]) -> list[list[WordAnalysis]]:
        raise ModelError("geen model")


def test_extract_documents_keeps_order_and_isolates_a_failing_document() -> None:
    documents = [Document(i, "Hij zei: ‘BOEM’." if i == 3 else f"Zin {i}: ‘ja’.", f"x:{i}") for i in range(7)]
    results = list(extract_documents(documents, ExtractorConfig(parser=FlatParser()), chunk_size=4))
    assert [document.id for document, _ in results] == list(range(7))
    errors = {document.id: outcome.error for document, outcome in results if outcome.error}
    assert list(errors) == [3]
    assert "RuntimeError: de parser ontplofte" in str(errors[3])
    # The documents batched with the failing one are still extracted, as they would be alone.
    alone = ExtractorConfig(parser=FlatParser()).attributor()
    for document, outcome in results:
        if document.id != 3:
            assert outcome.quotes == tuple(alone.extract(document.text))


def test_extract_documents_stops_when_the_model_cannot_load() -> None:
    documents = [Document(1, "Hij zei dat het regent.", "x")]
    with pytest.raises(ModelError, match="geen model"):
        list(extract_documents(documents, ExtractorConfig(parser=BrokenModel())))


def test_extract_documents_checks_its_arguments() -> None:
    with pytest.raises(ValueError, match="jobs"):
        list(extract_documents([], ExtractorConfig(), jobs=0))
    with pytest.raises(ValueError, match="chunk_size"):
        list(extract_documents([], ExtractorConfig(), chunk_size=0))


def test_model_name_comes_from_the_manifest_or_the_parser(tmp_path: Path) -> None:
    shipped = json.loads((default_model_dir() / MANIFEST).read_text("utf-8"))["name"]
    assert ExtractorConfig().model_name() == shipped
    assert ExtractorConfig(parser=FlatParser()).model_name() == "flat"
    (tmp_path / "quoteattr-model.json").write_text('{"name": "mijn-model"}', "utf-8")
    assert ExtractorConfig(model_dir=str(tmp_path)).model_name() == "mijn-model"
    assert ExtractorConfig(model_dir=str(tmp_path / "stanza")).model_name() == "stanza-nl-default"
