"""Extraction on a Dask cluster: the attributor mapped over a ``dask.bag``, a ``dask.dataframe`` or a client.

Needs the ``dask`` extra (``pip install 'quoteattr[dask]'``); Dask is imported only when a function
here is called, so ``import quoteattr.cluster`` works without it and a call raises
:class:`DaskNotInstalledError`.

* :func:`extract_bag`: a bag of documents (:class:`~quoteattr.corpus.Document` objects or mappings
  with an id and a text field) to a bag of the GUIDELINES system-output records, exactly the lines
  ``quoteattr extract`` writes (:func:`~quoteattr.corpus.output_record`), in the same order.
* :func:`extract_dataframe`: a dataframe with an id and a text column to a dataframe of quotes, one
  row per quote, with the columns of ``extract --format csv`` plus ``error`` (see :func:`quotes_frame`).
* :func:`extract_documents_on`: what ``quoteattr extract --dask`` runs; each document with its
  outcome, in input order, streamed through a bounded window of futures, so the output is written
  (and can be resumed) as it comes. :func:`connect` opens the client (``local:N`` starts a
  ``LocalCluster``).

Each worker process builds one :class:`~quoteattr.attributor.Attributor` per model configuration
and keeps it (:func:`worker_attributor`), so the model is loaded once per process, not per task.
Documents go to :meth:`~quoteattr.attributor.Attributor.extract_many` in batches, so Stanza batches
their sentences; a document whose extraction raises gets an error outcome, as in the command line.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import pickle
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

from quoteattr.corpus import (
    CSV_COLUMNS,
    DocId,
    Document,
    ExtractorConfig,
    Outcome,
    _chunks,
    _extract_texts,
    output_record,
    quote_row,
)
from quoteattr.errors import InputError, ModelError, QuoteAttrError

if TYPE_CHECKING:
    from dask.bag import Bag
    from dask.dataframe import DataFrame
    from distributed import Client, Future

    from quoteattr.attributor import Attributor

__all__ = [
    "FRAME_COLUMNS",
    "LOCAL_PREFIX",
    "DaskNotInstalledError",
    "connect",
    "extract_bag",
    "extract_dataframe",
    "extract_documents_on",
    "local_torch_threads",
    "parse_scheduler",
    "quotes_frame",
    "worker_attributor",
]

FRAME_COLUMNS: Final = (*CSV_COLUMNS, "error")
"""The columns of a quotes dataframe: those of ``extract --format csv``, then ``error``."""

LOCAL_PREFIX: Final = "local:"
"""``local:N`` names a ``LocalCluster`` of N worker processes rather than a scheduler address."""

DEFAULT_BATCH_DOCS: Final = 8
"""Documents per :meth:`Attributor.extract_many` call (the command line's chunk size)."""

WORKER_DIED: Final = "the worker process died while extracting this document"
"""The error of a document whose worker died, also when retried alone (as ``--jobs`` says it)."""

_DEATHS_BEFORE_GIVING_UP: Final = 3
_INSTALL: Final = "pip install 'quoteattr[dask]'"


class DaskNotInstalledError(QuoteAttrError, ImportError):
    """Dask (the ``dask`` extra of quoteattr) is not installed.

    Both a :class:`~quoteattr.errors.QuoteAttrError` and an :class:`ImportError`, so either the
    library's catch-all or the usual ``except ImportError`` for an optional extra catches it.
    """


def _require(module: str) -> Any:
    """The module (untyped: much of Dask has no type hints), or :class:`DaskNotInstalledError`."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise DaskNotInstalledError(
            f"quoteattr.cluster needs {module} ({exc.name or module} is missing): {_INSTALL}"
        ) from exc


def _pandas() -> Any:
    # dask.dataframe depends on pandas: when it imports, so does pandas.
    _require("dask.dataframe")
    return importlib.import_module("pandas")


# --------------------------------------------------------------------------- in each worker process


_attributors: dict[bytes, tuple[Attributor, threading.Lock]] = {}
_attributors_lock = threading.Lock()


def worker_attributor(config: ExtractorConfig) -> tuple[Attributor, threading.Lock]:
    """This process's attributor for ``config``, built on first use, with the lock to hold while using it.

    Keyed by the pickled configuration: each task unpickles its own copy of the configuration (and
    of a custom parser in it), so equal configurations must share one attributor however they
    arrived. Stanza is not known to be thread-safe, so a worker with several threads extracts with
    one at a time; run workers with one thread each (``--nthreads 1``).
    """
    key = pickle.dumps(config)
    with _attributors_lock:
        if key not in _attributors:
            _attributors[key] = (config.attributor(), threading.Lock())
        return _attributors[key]


def _set_torch_threads(torch_threads: int | None) -> None:
    if torch_threads is None:
        return
    try:
        import torch
    except ImportError:
        return
    if torch.get_num_threads() != torch_threads:
        torch.set_num_threads(torch_threads)


def _extract_chunk(texts: list[str], config: ExtractorConfig, torch_threads: int | None) -> list[Outcome]:
    """One outcome per text, in this worker's cached attributor (the task of :func:`extract_documents_on`)."""
    _set_torch_threads(torch_threads)
    attributor, lock = worker_attributor(config)
    with lock:
        return _extract_texts(attributor, texts)


def _id_and_text(item: object, id_field: str, text_field: str) -> tuple[DocId, Any]:
    if isinstance(item, Document):
        return item.id, item.text
    if not isinstance(item, Mapping):
        raise InputError(f"a document must be a quoteattr Document or a mapping, not {type(item).__name__}")
    for field in (id_field, text_field):
        if field not in item:
            raise InputError(f"a document has no field {field!r} (fields: {sorted(map(str, item))})")
    doc_id = item[id_field]
    if isinstance(doc_id, bool) or not isinstance(doc_id, str | int):
        raise InputError(f"the id {doc_id!r} is not a string or an integer")
    # A text that is not a string fails as that document's error, like any other bad document.
    return doc_id, item[text_field]


def _outcomes(
    pairs: Sequence[tuple[DocId, Any]], config: ExtractorConfig, batch_docs: int, torch_threads: int | None
) -> Iterator[tuple[DocId, Outcome]]:
    _set_torch_threads(torch_threads)
    attributor, lock = worker_attributor(config)
    for start in range(0, len(pairs), batch_docs):
        batch = pairs[start : start + batch_docs]
        with lock:
            outcomes = _extract_texts(attributor, [text for _, text in batch])
        yield from zip((doc_id for doc_id, _ in batch), outcomes, strict=True)


def _records_partition(
    items: Iterable[object],
    config: ExtractorConfig,
    id_field: str,
    text_field: str,
    batch_docs: int,
    torch_threads: int | None,
) -> list[dict[str, Any]]:
    pairs = [_id_and_text(item, id_field, text_field) for item in items]
    outcomes = _outcomes(pairs, config, batch_docs, torch_threads)
    return [output_record(doc_id, outcome) for doc_id, outcome in outcomes]


def _quotes_partition(
    part: Any,
    config: ExtractorConfig,
    id_column: str,
    text_column: str,
    batch_docs: int,
    torch_threads: int | None,
    id_dtype: Any,
) -> Any:
    pairs = list(zip(part[id_column].tolist(), part[text_column].tolist(), strict=True))
    return quotes_frame(_outcomes(pairs, config, batch_docs, torch_threads), id_dtype=id_dtype)


# --------------------------------------------------------------------------- collections


def _check_batch(batch_docs: int) -> None:
    if batch_docs < 1:
        raise ValueError(f"batch_docs must be at least 1, not {batch_docs}")


def extract_bag(
    documents: Bag,
    config: ExtractorConfig | None = None,
    *,
    id_field: str = "id",
    text_field: str = "text",
    batch_docs: int = DEFAULT_BATCH_DOCS,
    torch_threads: int | None = None,
) -> Bag:
    """A bag of GUIDELINES system-output records, one per document, in the bag's order.

    ``documents`` holds :class:`~quoteattr.corpus.Document` objects or mappings with ``id_field``
    and ``text_field`` (``dask.bag.read_text("*.jsonl").map(json.loads)``). Each record is what
    ``quoteattr extract`` writes for the document; one whose extraction raised is
    ``{"id": ..., "quotes": [], "error": "..."}``. ``torch_threads`` sets torch's threads in each
    worker (None leaves the worker's setting; Dask's nannies start workers with one).

    A mapping without the id or text field, or with an id that is not a string or an integer, makes
    the computation raise :class:`~quoteattr.errors.InputError`; a model that cannot be loaded
    raises :class:`~quoteattr.errors.ModelError`.
    """
    _require("dask.bag")
    _check_batch(batch_docs)
    bag: Any = documents
    records: Bag = bag.map_partitions(
        _records_partition,
        config or ExtractorConfig(),
        id_field,
        text_field,
        batch_docs,
        torch_threads,
    )
    return records


def quotes_frame(outcomes: Iterable[tuple[DocId, Outcome]], *, id_dtype: Any = object) -> Any:
    """A pandas dataframe of the quotes of ``(id, outcome)`` pairs, one row per quote.

    The columns are :data:`FRAME_COLUMNS`: those of ``extract --format csv`` with the same values
    (missing ones as ``<NA>``), then ``error``, empty on quote rows. A document whose extraction
    failed is not dropped: it has one row with its id and ``error``, the other cells empty.
    """
    pandas = _pandas()
    rows: list[list[object]] = []
    for doc_id, outcome in outcomes:
        if outcome.error is not None:
            rows.append([doc_id, *([None] * (len(CSV_COLUMNS) - 1)), outcome.error])
        rows.extend([*quote_row(doc_id, quote), None] for quote in outcome.quotes)
    frame = pandas.DataFrame(rows, columns=list(FRAME_COLUMNS), dtype=object)
    text, number = pandas.StringDtype(), "Int64"
    dtypes = {
        "id": id_dtype,
        "kind": text,
        "start": number,
        "end": number,
        "text": text,
        "speaker_start": number,
        "speaker_end": number,
        "speaker_text": text,
        "speaker_name": text,
        "cue_start": number,
        "cue_end": number,
        "cue_text": text,
        "confidence": "Float64",
        "rule": text,
        "error": text,
    }
    return frame.astype(dtypes)


def extract_dataframe(
    frame: DataFrame,
    config: ExtractorConfig | None = None,
    *,
    id_column: str = "id",
    text_column: str = "text",
    batch_docs: int = DEFAULT_BATCH_DOCS,
    torch_threads: int | None = None,
) -> DataFrame:
    """A dask dataframe of the quotes of ``frame``'s documents (see :func:`quotes_frame`).

    Rows keep the order of the documents and of the quotes in each; the index of each partition
    starts at 0 (``.compute().reset_index(drop=True)`` numbers the rows). The ``id`` column keeps
    the dtype of ``id_column``. ``frame[frame.error.isna()].drop(columns="error")`` is the CSV.
    """
    _require("dask.dataframe")
    _check_batch(batch_docs)
    for column in (id_column, text_column):
        if column not in frame.columns:
            raise InputError(f"the dataframe has no column {column!r} (columns: {list(frame.columns)})")
    id_dtype = frame[id_column].dtype
    documents: Any = frame[[id_column, text_column]]
    quotes: DataFrame = documents.map_partitions(
        _quotes_partition,
        config or ExtractorConfig(),
        id_column,
        text_column,
        batch_docs,
        torch_threads,
        id_dtype,
        meta=quotes_frame([], id_dtype=id_dtype),
    )
    return quotes


# --------------------------------------------------------------------------- the command line's runs


def parse_scheduler(spec: str) -> int | str:
    """The number of local workers of ``local:N``, or else the scheduler address itself.

    Raises :class:`ValueError` for an empty address or a ``local:`` without a positive number.
    """
    spec = spec.strip()
    if not spec:
        raise ValueError("an empty scheduler address")
    if spec.startswith(LOCAL_PREFIX):
        count = spec[len(LOCAL_PREFIX) :]
        if not count.isdigit() or int(count) < 1:
            raise ValueError(f"{spec!r}: local:N needs a number of workers N of at least 1")
        return int(count)
    return spec


@contextlib.contextmanager
def connect(scheduler: str, *, timeout: float = 30.0) -> Iterator[Client]:
    """A Dask client for ``scheduler``: ``local:N`` or a scheduler address such as ``tcp://host:8786``.

    ``local:N`` starts (and on exit closes) a ``LocalCluster`` of N single-threaded worker processes.
    Raises :class:`ValueError` for a malformed ``scheduler``, :class:`OSError` (``TimeoutError``)
    when the scheduler cannot be reached within ``timeout`` seconds.
    """
    target = parse_scheduler(scheduler)
    distributed = _require("distributed")
    client: Client
    if isinstance(target, int):
        # Any free port for the status server: the default 8787 may be taken by another cluster.
        with (
            distributed.LocalCluster(
                n_workers=target, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0"
            ) as cluster,
            distributed.Client(cluster) as client,
        ):
            yield client
        return
    with distributed.Client(target, timeout=timeout) as client:
        yield client


def local_torch_threads(workers: int) -> int:
    """Torch threads for each of ``workers`` worker processes sharing this machine (as ``--jobs``)."""
    return max(1, (os.cpu_count() or 1) // workers)


def extract_documents_on(
    client: Client,
    documents: Iterable[Document],
    config: ExtractorConfig,
    *,
    chunk_size: int = DEFAULT_BATCH_DOCS,
    torch_threads: int | None = None,
) -> Iterator[tuple[Document, Outcome]]:
    """Each document with its outcome, in input order, extracted by ``client``'s workers.

    Chunks of ``chunk_size`` documents are submitted through a window of about two per worker
    thread, so memory stays flat and the results can be written as they come. A chunk whose
    worker died (Dask has already retried it on other workers) is redone one document at a time;
    a document that still kills its worker gets the error outcome :data:`WORKER_DIED`. Raises
    :class:`ModelError` when the model cannot be loaded, or when the workers died on each of the
    first documents (then nothing can succeed); other failures of the cluster itself (a lost
    scheduler) propagate, and what was written so far can be resumed.
    """
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, not {chunk_size}")
    killed_worker: type[Exception] = _require("distributed").KilledWorker
    untyped: Any = client
    window = max(4, 2 * sum(untyped.nthreads().values()))
    pending: deque[tuple[list[Document], Future[list[Outcome]]]] = deque()
    succeeded = False
    deaths = 0

    def submit(chunk: list[Document]) -> Future[list[Outcome]]:
        # pure=False: a retried chunk must not be handed the erred future of the first try.
        return client.submit(
            _extract_chunk, [document.text for document in chunk], config, torch_threads, pure=False
        )

    def result(future: Future[list[Outcome]]) -> list[Outcome]:
        nonlocal succeeded
        try:
            outcomes: list[Outcome] = future.result()
        except ModuleNotFoundError as exc:
            raise ModelError(
                f"a Dask worker cannot import {exc.name!r}: install quoteattr (this version) on every worker"
            ) from None
        succeeded = True
        return outcomes

    def alone(document: Document) -> Outcome:
        nonlocal deaths
        try:
            return result(submit([document]))[0]
        except killed_worker:
            deaths += 1
            if not succeeded and deaths >= _DEATHS_BEFORE_GIVING_UP:
                raise ModelError(f"the Dask workers died on each of the first {deaths} documents") from None
            return Outcome((), WORKER_DIED)

    def collect() -> Iterator[tuple[Document, Outcome]]:
        chunk, future = pending.popleft()
        try:
            outcomes = result(future)
        except killed_worker:
            outcomes = [alone(document) for document in chunk]
        return zip(chunk, outcomes, strict=True)

    try:
        for chunk in _chunks(documents, chunk_size):
            pending.append((chunk, submit(chunk)))
            while len(pending) >= window:
                yield from collect()
        while pending:
            yield from collect()
    finally:
        if pending:
            untyped.cancel([future for _, future in pending])
