"""Corpus processing for the command line: read documents, run the attributor over them, write records.

* **Reading.** :meth:`Corpus.open` takes files, directories (walked, sorted, hidden entries skipped)
  and ``-`` (stdin). ``.txt`` is one document per file, ``.jsonl``/``.ndjson`` one document per
  line, ``.csv`` one document per row (with a header). Everything is checked first (UTF-8, JSON,
  fields, id types, duplicate ids), so bad input is reported, naming the file and line, before any
  output is written; the documents are then streamed from disk again.
* **Ids.** ``.jsonl``: the id field with its JSON type (a string or an integer). ``.csv``: the id
  column, a string. ``.txt``: the path relative to the directory that was walked, ``/``-separated
  with the extension, or the file name for a file named directly (``-`` for stdin).
* **Extraction.** :func:`extract_documents` yields one :class:`Outcome` per document in input
  order, in this process or in ``jobs`` spawned worker processes (each builds one
  :class:`~quoteattr.attributor.Attributor`, so loads the model once). A document whose extraction
  raises gets an error outcome and the run goes on; a worker that dies is replaced and the
  document that killed it gets an error outcome. :class:`~quoteattr.errors.ModelError` stops the
  run: no document can succeed without a model.
* **Writing and resuming.** :class:`JsonlWriter` and :class:`CsvWriter` flush each document as it is
  written. :func:`resume_output` reads the ids of the complete lines of an interrupted JSONL run and
  cuts off a half-written last line, so a rerun writes every missing document exactly once.
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final

import attrs

from quoteattr.errors import InputError, ModelError
from quoteattr.quote import Quote

if TYPE_CHECKING:
    from quoteattr.attributor import Attributor
    from quoteattr.parsing import DependencyParser

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "Corpus",
    "CsvWriter",
    "DocId",
    "Document",
    "ExtractorConfig",
    "JsonlWriter",
    "Outcome",
    "ResumeState",
    "extract_documents",
    "output_record",
    "quote_row",
    "resume_output",
]

DocId = str | int
"""A document id: a string, or an integer kept from a JSONL input."""

FORMATS: Final = ("txt", "jsonl", "csv")
"""Input formats, as named by ``--input-format``."""

_EXTENSIONS: Final = {".txt": "txt", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}

CSV_COLUMNS: Final = (
    "id",
    "kind",
    "start",
    "end",
    "text",
    "speaker_start",
    "speaker_end",
    "speaker_text",
    "speaker_name",
    "cue_start",
    "cue_end",
    "cue_text",
    "confidence",
    "rule",
)
"""The columns of ``extract --format csv``, one row per quote."""

STDIN: Final = "-"
"""The input name that means standard input."""

# csv's default field limit (128 KiB) is smaller than a long article.
_CSV_FIELD_LIMIT: Final = 2**31 - 1


# --------------------------------------------------------------------------- reading


@attrs.frozen(slots=True)
class Document:
    """One input document."""

    id: DocId
    """Its id (see the module docstring for where ids come from)."""
    text: str
    """The text; quote offsets index into it."""
    where: str
    """``file:line`` (or just ``file``) for messages."""


@attrs.frozen(slots=True)
class _Source:
    """One file, or stdin, to read documents from."""

    label: str
    """The name used in messages (the path as given or found, ``<stdin>``)."""
    format: str
    """``txt``, ``jsonl`` or ``csv``."""
    path: Path | None
    """The file; None for stdin."""
    txt_id: str
    """The document id when the source is a ``.txt`` document."""


def _decode(data: bytes, label: str, first_line: int = 1) -> str:
    """``data`` (starting on line ``first_line`` of its file) as UTF-8 without a byte-order mark;
    a bad byte is reported with its line and column."""
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + first_line
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            f"{label}:{line}: not UTF-8 (byte 0x{data[exc.start]:02x} at column {column})"
        ) from None


def _check_id(value: object, where: str, id_field: str) -> DocId:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise InputError(f"{where}: the id field {id_field!r} must be a string or an integer, not {value!r}")
    if value == "":
        raise InputError(f"{where}: the id field {id_field!r} is empty")
    return value


def _check_text(value: object, where: str, text_field: str) -> str:
    if not isinstance(value, str):
        raise InputError(f"{where}: the text field {text_field!r} must be a string, not {value!r}")
    return value


def _sources(inputs: Sequence[str], input_format: str) -> list[_Source]:
    if input_format != "auto" and input_format not in FORMATS:
        raise InputError(f"unknown input format {input_format!r} (choose from auto, {', '.join(FORMATS)})")
    sources: list[_Source] = []
    for given in inputs:
        if given == STDIN:
            if any(source.path is None for source in sources):
                raise InputError("'-' (standard input) is given more than once")
            # Piped corpora are JSONL far more often than a single plain text.
            fmt = "jsonl" if input_format == "auto" else input_format
            sources.append(_Source("<stdin>", fmt, None, STDIN))
            continue
        path = Path(given)
        if path.is_dir():
            found = _walk(path)
            if not found:
                raise InputError(f"{given}: no .txt, .jsonl, .ndjson or .csv files in this directory")
            sources.extend(found)
        elif path.is_file():
            fmt = input_format
            if fmt == "auto":
                guessed = _EXTENSIONS.get(path.suffix.lower())
                if guessed is None:
                    raise InputError(
                        f"{given}: cannot tell the format from the extension {path.suffix!r}; "
                        "use --input-format txt, jsonl or csv"
                    )
                fmt = guessed
            sources.append(_Source(given, fmt, path, path.name))
        elif path.exists():
            raise InputError(f"{given}: not a regular file or directory")
        else:
            raise InputError(f"{given}: no such file or directory")
    return sources


def _walk(root: Path) -> list[_Source]:
    """The readable files under ``root``, sorted by their relative path; hidden entries skipped."""
    found: list[tuple[tuple[str, ...], _Source]] = []

    def fail(exc: OSError) -> None:
        raise InputError(f"{exc.filename}: cannot read directory: {exc.strerror}")

    for directory, subdirs, files in os.walk(root, onerror=fail):
        subdirs[:] = [name for name in subdirs if not name.startswith(".")]
        for name in files:
            fmt = _EXTENSIONS.get(Path(name).suffix.lower())
            if name.startswith(".") or fmt is None:
                continue
            path = Path(directory) / name
            relative = path.relative_to(root)
            found.append((relative.parts, _Source(str(path), fmt, path, relative.as_posix())))
    return [source for _, source in sorted(found, key=lambda entry: entry[0])]


class Corpus:
    """The documents of some inputs, checked, in input order; iterate to stream them.

    Use :meth:`open`. Iterating reads the files again (stdin is kept in memory), so a corpus larger
    than memory is fine.
    """

    def __init__(
        self, sources: Sequence[_Source], id_field: str, text_field: str, stdin: bytes | None
    ) -> None:
        self._sources = tuple(sources)
        self._id_field = id_field
        self._text_field = text_field
        self._stdin = stdin
        self.word_counts: dict[DocId, int] = {}
        """Id → number of whitespace-separated words, for every document, in input order."""

    @classmethod
    def open(
        cls,
        inputs: Sequence[str],
        *,
        id_field: str = "id",
        text_field: str = "text",
        input_format: str = "auto",
        stdin: IO[bytes] | None = None,
    ) -> Corpus:
        """Find and check the documents of ``inputs`` (paths or ``-``).

        Raises :class:`InputError` (naming the file and line) for a missing or unreadable file, a
        file of unknown type, bytes that are not UTF-8, an invalid JSON line, a record that is not
        an object, a missing or mistyped id or text field, or an id used twice.
        """
        if not inputs:
            raise InputError("no input given")
        sources = _sources(inputs, input_format)
        stdin_bytes = None
        if any(source.path is None for source in sources):
            if stdin is None:
                raise InputError("'-' given but there is no standard input")
            stdin_bytes = stdin.read()
        corpus = cls(sources, id_field, text_field, stdin_bytes)
        first_seen: dict[DocId, str] = {}
        for document in corpus:
            if document.id in first_seen:
                raise InputError(
                    f"{document.where}: duplicate id {document.id!r} (first at {first_seen[document.id]})"
                )
            first_seen[document.id] = document.where
            corpus.word_counts[document.id] = len(document.text.split())
        return corpus

    @property
    def n_documents(self) -> int:
        """How many documents the inputs hold."""
        return len(self.word_counts)

    def __iter__(self) -> Iterator[Document]:
        for source in self._sources:
            yield from self._read(source)

    def _bytes(self, source: _Source) -> bytes:
        if source.path is None:
            assert self._stdin is not None  # open() reads stdin whenever a source needs it
            return self._stdin
        try:
            return source.path.read_bytes()
        except OSError as exc:
            raise InputError(f"{source.label}: cannot read: {exc.strerror}") from None

    def _read(self, source: _Source) -> Iterator[Document]:
        if source.format == "txt":
            yield Document(source.txt_id, _decode(self._bytes(source), source.label), source.label)
        elif source.format == "jsonl":
            yield from self._read_jsonl(source)
        else:
            yield from self._read_csv(source)

    def _lines(self, source: _Source) -> Iterator[bytes]:
        if source.path is None:
            assert self._stdin is not None
            yield from io.BytesIO(self._stdin)
            return
        try:
            with source.path.open("rb") as handle:
                yield from handle
        except OSError as exc:
            raise InputError(f"{source.label}: cannot read: {exc.strerror}") from None

    def _read_jsonl(self, source: _Source) -> Iterator[Document]:
        for lineno, raw in enumerate(self._lines(source), start=1):
            where = f"{source.label}:{lineno}"
            line = _decode(raw, source.label, lineno)
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{where}: invalid JSON: {exc.msg} (column {exc.colno})") from None
            if not isinstance(record, dict):
                raise InputError(f"{where}: a line must be a JSON object, not {type(record).__name__}")
            for field in (self._id_field, self._text_field):
                if field not in record:
                    raise InputError(f"{where}: the record has no field {field!r}")
            yield Document(
                _check_id(record[self._id_field], where, self._id_field),
                _check_text(record[self._text_field], where, self._text_field),
                where,
            )

    def _read_csv(self, source: _Source) -> Iterator[Document]:
        text = _decode(self._bytes(source), source.label)
        csv.field_size_limit(_CSV_FIELD_LIMIT)
        reader = csv.reader(io.StringIO(text, newline=""))
        try:
            header = next(reader, None)
            if header is None:
                raise InputError(f"{source.label}:1: empty CSV file (a header row is needed)")
            columns = {}
            for field in (self._id_field, self._text_field):
                if field not in header:
                    raise InputError(f"{source.label}:1: the CSV header has no column {field!r}")
                columns[field] = header.index(field)
            while True:
                # The line a record starts on; csv reports where it ends.
                lineno = reader.line_num + 1
                row = next(reader, None)
                if row is None:
                    return
                if not row:
                    continue
                where = f"{source.label}:{lineno}"
                if len(row) < len(header):
                    raise InputError(f"{where}: {len(row)} fields where the header has {len(header)}")
                yield Document(
                    _check_id(row[columns[self._id_field]], where, self._id_field),
                    row[columns[self._text_field]],
                    where,
                )
        except csv.Error as exc:
            raise InputError(f"{source.label}:{reader.line_num}: invalid CSV: {exc}") from None


# --------------------------------------------------------------------------- extraction


@attrs.frozen(slots=True)
class ExtractorConfig:
    """How to build the :class:`~quoteattr.attributor.Attributor` (in each worker process)."""

    model_dir: str | None = None
    """A quoteattr or Stanza model folder; None for the shipped model."""
    use_gpu: bool = False
    """Let Stanza use a GPU."""
    parse_all: bool = False
    """Parse every sentence, not only the candidates (the slower baseline)."""
    parser: DependencyParser | None = None
    """A stand-in for Stanza (must be picklable for ``jobs > 1``); overrides ``model_dir``."""

    def attributor(self) -> Attributor:
        """A new attributor (the model loads on first use)."""
        from quoteattr.attributor import Attributor

        return Attributor(self.model_dir, use_gpu=self.use_gpu, parser=self.parser, parse_all=self.parse_all)

    def model_name(self) -> str:
        """The model's name for signatures, without loading it."""
        if self.parser is not None:
            return self.parser.name
        from quoteattr.parsing import MANIFEST, default_model_dir

        directory = Path(self.model_dir) if self.model_dir is not None else default_model_dir()
        try:
            manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            # What StanzaParser calls an official Stanza resources folder.
            return "stanza-nl-default"
        name = manifest.get("name") if isinstance(manifest, dict) else None
        return str(name) if name else directory.name


@attrs.frozen(slots=True)
class Outcome:
    """What extraction gave for one document."""

    quotes: tuple[Quote, ...]
    """The quotes in text order (empty when the extraction failed)."""
    error: str | None = None
    """Why the extraction failed, or None."""


def _describe(exc: BaseException) -> str:
    message = str(exc).strip()
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def _extract_texts(attributor: Attributor, texts: Sequence[str]) -> list[Outcome]:
    """One outcome per text; a failing batch is redone one text at a time to find the culprit."""
    try:
        return [Outcome(tuple(quotes)) for quotes in attributor.extract_many(texts, batch_docs=len(texts))]
    except ModelError:
        raise
    except Exception:  # which document failed is found below
        pass
    outcomes = []
    for text in texts:
        try:
            outcomes.append(Outcome(tuple(attributor.extract(text))))
        except ModelError:
            raise
        except Exception as exc:  # one bad document must not stop a corpus run
            outcomes.append(Outcome((), _describe(exc)))
    return outcomes


_worker_attributor: Attributor | None = None


def _init_worker(config: ExtractorConfig, torch_threads: int) -> None:
    global _worker_attributor
    _worker_attributor = config.attributor()
    # N workers that each use every core would slow each other down.
    try:
        import torch

        torch.set_num_threads(torch_threads)
    except ImportError:
        pass


def _worker_extract(texts: list[str]) -> list[Outcome]:
    assert _worker_attributor is not None, "the pool initializer builds the attributor"
    return _extract_texts(_worker_attributor, texts)


_DEATHS_BEFORE_GIVING_UP: Final = 3


class _Pool:
    """A spawn-based process pool that can be rebuilt after a worker died."""

    def __init__(self, config: ExtractorConfig, jobs: int) -> None:
        self._config = config
        self._jobs = jobs
        self._threads = max(1, (os.cpu_count() or 1) // jobs)
        self.ever_succeeded = False
        self.deaths = 0
        self._executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self._jobs,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(self._config, self._threads),
        )

    def submit(self, documents: Sequence[Document]) -> Future[list[Outcome]]:
        return self._executor.submit(_worker_extract, [document.text for document in documents])

    def result(self, future: Future[list[Outcome]]) -> list[Outcome]:
        outcomes = future.result()
        self.ever_succeeded = True
        return outcomes

    def restart(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._executor = self._start()

    def run_alone(self, document: Document) -> Outcome:
        """Extract one document with no other work in flight, so a crash is its own."""
        try:
            return self.result(self.submit([document]))[0]
        except BrokenProcessPool:
            self.deaths += 1
            if not self.ever_succeeded and self.deaths >= _DEATHS_BEFORE_GIVING_UP:
                # Not one document went through: the workers cannot work at all.
                raise ModelError(
                    f"the worker processes died on each of the first {self.deaths} documents"
                ) from None
            self.restart()
            return Outcome((), "the worker process died while extracting this document")

    def shutdown(self, *, wait: bool) -> None:
        self._executor.shutdown(wait=wait, cancel_futures=True)


def _chunks(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    for document in documents:
        chunk.append(document)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _extract_in_pool(
    chunks: Iterator[list[Document]], config: ExtractorConfig, jobs: int
) -> Iterator[tuple[Document, Outcome]]:
    pool = _Pool(config, jobs)
    # A bounded window keeps memory flat however large the corpus is, and results in input order.
    pending: deque[tuple[list[Document], Future[list[Outcome]]]] = deque()

    def collect() -> list[tuple[Document, Outcome]]:
        chunk, future = pending.popleft()
        try:
            return list(zip(chunk, pool.result(future), strict=True))
        except BrokenProcessPool:
            pass
        pool.restart()
        outcomes = [(document, pool.run_alone(document)) for document in chunk]
        # Chunks still in flight died with the pool unless they had finished.
        for index, (other, other_future) in enumerate(pending):
            if not (other_future.done() and other_future.exception() is None):
                pending[index] = (other, pool.submit(other))
        return outcomes

    finished = False
    try:
        for chunk in chunks:
            pending.append((chunk, pool.submit(chunk)))
            while len(pending) >= 2 * jobs:
                yield from collect()
        while pending:
            yield from collect()
        finished = True
    finally:
        pool.shutdown(wait=finished)


def extract_documents(
    documents: Iterable[Document],
    config: ExtractorConfig,
    *,
    jobs: int = 1,
    chunk_size: int = 8,
) -> Iterator[tuple[Document, Outcome]]:
    """Each document with its outcome, in input order, extracting in ``jobs`` processes.

    ``jobs == 1`` works in this process; more spawn worker processes that each build one
    attributor. Documents go ``chunk_size`` at a time, so Stanza can batch their sentences.
    Raises :class:`ModelError` when the model cannot be loaded.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, not {chunk_size}")
    chunks = _chunks(documents, chunk_size)
    if jobs > 1:
        yield from _extract_in_pool(chunks, config, jobs)
        return
    attributor = config.attributor()
    for chunk in chunks:
        outcomes = _extract_texts(attributor, [document.text for document in chunk])
        yield from zip(chunk, outcomes, strict=True)


# --------------------------------------------------------------------------- writing and resuming


def output_record(doc_id: DocId, outcome: Outcome) -> dict[str, Any]:
    """The system-output object of GUIDELINES.md for one document (plus ``error`` when it failed)."""
    record: dict[str, Any] = {"id": doc_id, "quotes": [quote.to_dict() for quote in outcome.quotes]}
    if outcome.error is not None:
        record["error"] = outcome.error
    return record


def _json_line(record: dict[str, Any]) -> bytes:
    try:
        return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate from a JSON input cannot be UTF-8; JSON's \u escapes can carry it.
        return (json.dumps(record, ensure_ascii=True) + "\n").encode("ascii")


class JsonlWriter:
    """Writes one GUIDELINES system-output line per document, flushed at once."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream

    def write(self, doc_id: DocId, outcome: Outcome) -> None:
        # One write call per line: a kill leaves at most the last line incomplete.
        self._stream.write(_json_line(output_record(doc_id, outcome)))
        self._stream.flush()


def quote_row(doc_id: DocId, quote: Quote) -> list[object]:
    """The cells of one quote under :data:`CSV_COLUMNS` (None where the CSV has an empty cell)."""
    speaker = quote.speaker
    span = speaker.span if speaker is not None else None
    cue = quote.cue.span if quote.cue is not None else None
    return [
        doc_id,
        quote.kind.value,
        quote.content.start,
        quote.content.end,
        quote.content.text,
        span.start if span else None,
        span.end if span else None,
        span.text if span else None,
        speaker.name if speaker is not None else None,
        cue.start if cue else None,
        cue.end if cue else None,
        cue.text if cue else None,
        round(quote.confidence, 4),
        quote.rule,
    ]


def _csv_cell(value: object) -> str:
    return "" if value is None else str(value)


class CsvWriter:
    """Writes :data:`CSV_COLUMNS` rows, one per quote (a document without quotes writes none)."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self._write_row(CSV_COLUMNS)

    def _write_row(self, cells: Sequence[object]) -> None:
        buffer = io.StringIO()
        csv.writer(buffer).writerow([_csv_cell(cell) for cell in cells])
        self._stream.write(buffer.getvalue().encode("utf-8", errors="backslashreplace"))

    def write(self, doc_id: DocId, outcome: Outcome) -> None:
        for quote in outcome.quotes:
            self._write_row(quote_row(doc_id, quote))
        self._stream.flush()


@attrs.frozen(slots=True)
class ResumeState:
    """What an interrupted JSONL run had written."""

    done: frozenset[DocId]
    """Ids of the complete lines."""
    n_records: int
    """Number of complete lines."""
    discarded_bytes: int
    """Length of the half-written last line that was cut off (0 when there was none)."""


_NOT_OUTPUT: Final = "is this the JSONL output of an earlier run?"


def resume_output(path: Path) -> ResumeState:
    """Read the finished ids of the JSONL output ``path`` and cut off a half-written last line.

    A missing file is an empty run. Raises :class:`InputError` when a complete line is not a
    record with an id (the file is not the output of an earlier run), or an id occurs twice; the
    file is then left as it was.
    """
    if not path.exists():
        return ResumeState(frozenset(), 0, 0)
    done: dict[DocId, int] = {}
    complete_bytes = partial = 0
    try:
        with path.open("rb") as handle:
            for lineno, raw in enumerate(handle, start=1):
                if not raw.endswith(b"\n"):
                    partial = len(raw)
                    break
                complete_bytes += len(raw)
                where = f"{path}:{lineno}"
                try:
                    record = json.loads(raw.decode("utf-8"))
                except (UnicodeDecodeError, json.JSONDecodeError):
                    raise InputError(f"{where}: not a JSON line; {_NOT_OUTPUT}") from None
                if not isinstance(record, dict) or "id" not in record:
                    raise InputError(f"{where}: a record without an id; {_NOT_OUTPUT}")
                doc_id = _check_id(record["id"], where, "id")
                if doc_id in done:
                    raise InputError(f"{where}: id {doc_id!r} was already written at line {done[doc_id]}")
                done[doc_id] = lineno
        if partial:
            with path.open("r+b") as handle:
                handle.truncate(complete_bytes)
    except OSError as exc:
        raise InputError(f"{path}: cannot resume: {exc.strerror}") from None
    return ResumeState(frozenset(done), len(done), partial)
