"""The ``quoteattr`` command line: ``extract``, ``evaluate`` and ``render`` over corpora.

Only argument handling, messages, the progress bar and exit statuses live here; reading inputs,
running the attributor and writing records is :mod:`quoteattr.corpus`, scoring is
:mod:`quoteattr.evaluate`, the HTML page is :mod:`quoteattr.render`.

Exit statuses: 0 all documents done, 1 some documents failed, 2 bad usage or unreadable input
(also a model that cannot be loaded), 130 interrupted. Messages go to stderr and never show a
traceback (set ``QUOTEATTR_DEBUG=1`` to get one for an internal error).
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import shutil
import sys
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, Final

from quoteattr import cluster, evaluate
from quoteattr._version import __version__
from quoteattr.corpus import (
    FORMATS,
    Corpus,
    CsvWriter,
    DocId,
    Document,
    ExtractorConfig,
    JsonlWriter,
    Outcome,
    extract_documents,
    output_record,
    resume_output,
)
from quoteattr.errors import GoldFormatError, InputError, ModelError, QuoteAttrError
from quoteattr.quote import Quote
from quoteattr.render import PageDocument, render_page

__all__ = [
    "EXIT_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "Progress",
    "UsageError",
    "build_parser",
    "main",
]

EXIT_OK: Final = 0
"""Every document was processed."""
EXIT_FAILED: Final = 1
"""Some documents failed (each has an error record); the others were written."""
EXIT_USAGE: Final = 2
"""Bad usage, unreadable or malformed input, or a model that cannot be loaded."""
EXIT_INTERRUPTED: Final = 130
"""Stopped by Ctrl-C (what was written so far can be resumed)."""

PROG: Final = "quoteattr"


class UsageError(Exception):
    """A combination of options that cannot work; reported with exit status 2."""


def _say(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- progress bar


def _clock(seconds: float) -> str:
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60:02d}:{rest % 60:02d}"


class Progress:
    """A one-line progress bar on a terminal: documents, documents/s, words/s, ETA.

    Disabled (every method a no-op, messages still printed) when ``enabled`` is false.
    """

    def __init__(
        self,
        total_docs: int,
        total_words: int,
        stream: IO[str],
        *,
        enabled: bool,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._clock = clock
        self._total_docs = total_docs
        self._total_words = total_words
        self._stream = stream
        self._enabled = enabled
        self._docs = self._words = 0
        self._start = self._last_draw = clock()
        self._shown = 0

    def advance(self, words: int) -> None:
        """Count one finished document of ``words`` words."""
        self._docs += 1
        self._words += words
        now = self._clock()
        if self._enabled and (now - self._last_draw >= 0.2 or self._docs == self._total_docs):
            self._last_draw = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        elapsed = max(now - self._start, 1e-9)
        words_rate = self._words / elapsed
        if self._total_words:
            fraction = self._words / self._total_words
        else:
            fraction = self._docs / max(self._total_docs, 1)
        left = self._total_words - self._words
        eta = _clock(left / words_rate) if words_rate > 0 else "--:--"
        width = 15
        filled = min(width, int(fraction * width))
        docs_rate = self._docs / elapsed
        docs_rate_text = f"{docs_rate:.2f}" if docs_rate < 10 else f"{docs_rate:.0f}"
        line = (
            f"{self._docs}/{self._total_docs} docs |{'█' * filled}{' ' * (width - filled)}| "
            f"{fraction:4.0%} [{_clock(elapsed)}<{eta}, {docs_rate_text} docs/s, {words_rate:,.0f} words/s]"
        )
        columns = shutil.get_terminal_size((80, 24)).columns - 1
        line = line[:columns]
        self._stream.write("\r" + line.ljust(self._shown))
        self._stream.flush()
        self._shown = len(line)

    def message(self, text: str) -> None:
        """Print a line without mangling the bar."""
        if self._shown:
            self._stream.write("\r" + " " * self._shown + "\r")
        self._stream.write(f"{PROG}: {text}\n")
        if self._shown:
            self._shown = 0
            self._draw(self._clock())
        self._stream.flush()

    def close(self) -> None:
        """End the bar's line."""
        if self._shown:
            self._stream.write("\n")
            self._stream.flush()
            self._shown = 0


def _progress(total_docs: int, total_words: int, quiet: bool) -> Progress:
    return Progress(total_docs, total_words, sys.stderr, enabled=not quiet and sys.stderr.isatty())


# --------------------------------------------------------------------------- argument parser


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the examples' layout; shows the defaults worth showing."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help or ""
        default = action.default
        if default in (None, False, argparse.SUPPRESS) or "default" in text or not action.option_strings:
            return text
        return f"{text} (default: {default})"


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def _scheduler(value: str) -> str:
    try:
        cluster.parse_scheduler(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return value


def _add_input_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("input")
    group.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="files (.txt, .jsonl/.ndjson, .csv), directories (walked) or - for stdin",
    )
    group.add_argument("--id-field", default="id", help="JSONL field / CSV column holding the document id")
    group.add_argument("--text-field", default="text", help="JSONL field / CSV column holding the text")
    group.add_argument(
        "--input-format",
        choices=("auto", *FORMATS),
        default="auto",
        help="how to read named files and stdin; auto goes by extension (stdin: jsonl). "
        "Files found in a directory always go by extension",
    )


def _add_model_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("extraction")
    group.add_argument(
        "--model-dir",
        metavar="DIR",
        help="a quoteattr model folder or an official Stanza resources folder (default: the shipped model)",
    )
    group.add_argument(
        "--parse-all",
        action="store_true",
        help="parse every sentence, not only candidate sentences (slower baseline)",
    )
    group.add_argument("--gpu", action="store_true", help="let Stanza use a GPU")
    group.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        default=1,
        metavar="N",
        help="worker processes, each loading the model once",
    )
    group.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress bar and no final summary (failed documents are still reported)",
    )


_EXTRACT_EPILOG: Final = """\
output:
  JSONL: one line per input document, in input order (also documents without quotes):
    {"id": ..., "quotes": [{"kind", "start", "end", "text", "speaker", "cue", "confidence", "rule"}]}
  as in the system output of the gold GUIDELINES. A document that failed is written as
    {"id": ..., "quotes": [], "error": "..."}
  CSV: one row per quote with the columns id, kind, start, end, text, speaker_start, speaker_end,
  speaker_text, speaker_name, cue_start, cue_end, cue_text, confidence, rule (failed documents
  are reported on stderr only).

ids: a .jsonl id keeps its JSON type (string or integer); a .csv id is a string; a .txt
document's id is its path relative to the directory given (extension included), or its file
name when the file is named directly; stdin read as txt has the id "-".

exit status: 0 all documents done, 1 some documents failed, 2 bad usage or unreadable input.

examples:
  quoteattr extract articles.jsonl -o quotes.jsonl
  quoteattr extract corpus/ --jobs 2 -o quotes.jsonl --resume     # continue after a crash
  quoteattr extract articles.csv --id-field article_id --text-field body --format csv -o quotes.csv
  quoteattr extract corpus/ --dask tcp://scheduler:8786 -o quotes.jsonl --resume   # on a Dask cluster
  cat story.txt | quoteattr extract --input-format txt -
"""

_EVALUATE_EPILOG: Final = """\
Scores exactly as the "Scoring" section of the gold GUIDELINES.md: quote detection (overlap and
exact), speaker accuracy on the paired quotes and attribution (the headline figure), overall and
per kind, with the counts behind each figure. The last line is a signature (quoteattr version,
scoring rules, matching, model) to quote with the figures.

--json keys: detection_overlap, detection_exact, attribution (each with p, r, f1, n_sys, n_gold,
tp_sys, tp_gold), speaker_accuracy, by_kind, n_documents, warnings, signature, and errors with
--errors.

exit status: 0 scored, 1 some documents failed during --run (scored as having no quotes),
2 bad usage or unreadable input.

examples:
  quoteattr evaluate gold.jsonl system.jsonl
  quoteattr evaluate gold.jsonl --run --errors            # extract from the gold texts and score
  quoteattr evaluate gold.jsonl --run --model-dir stanza_resources --json
"""

_RENDER_EPILOG: Final = """\
The page is one self-contained HTML file (no network needed) that works on a phone. Quote
contents are highlighted by kind (direct, indirect, mixed); each quote's cue and speaker carry
its number; hover or tap any of them for the canonical speaker, the mention, the cue and the
rule that found the quote. Each document has a table of its speakers (number of quotes, kinds).

examples:
  quoteattr render article.txt -o article.html
  quoteattr render articles.jsonl --limit 5 -o page.html
  quoteattr render articles.jsonl --system quotes.jsonl -o page.html   # no model needed
"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``quoteattr`` command."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Find quotations in Dutch text and say who said them; score and show the results.",
        formatter_class=_Formatter,
        epilog="Run 'quoteattr COMMAND --help' for each command's options and examples.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    extract = commands.add_parser(
        "extract",
        help="find the quotes of every document and write them as JSONL or CSV",
        description="Find the quotes of every input document and write one record per document.",
        formatter_class=_Formatter,
        epilog=_EXTRACT_EPILOG,
    )
    _add_input_options(extract)
    out = extract.add_argument_group("output")
    out.add_argument("-o", "--output", metavar="FILE", help="output file (default: stdout)")
    out.add_argument(
        "--format",
        choices=("jsonl", "csv"),
        help="output format (default: csv when FILE ends in .csv, else jsonl)",
    )
    out.add_argument(
        "--resume",
        action="store_true",
        help="continue an interrupted JSONL run: keep the complete lines of FILE, drop a half-written "
        "last line, and process only the documents not yet written",
    )
    _add_model_options(extract)
    extract.add_argument_group("cluster").add_argument(
        "--dask",
        type=_scheduler,
        metavar="SCHEDULER",
        help="extract on a Dask cluster: a scheduler address (tcp://host:8786), or local:N to start N "
        "worker processes here; same output as a local run; works with --resume, not with --jobs; "
        "needs pip install 'quoteattr[dask]' (see docs/scaling.md)",
    )

    score = commands.add_parser(
        "evaluate",
        help="score system output against a gold file (GUIDELINES.md scoring)",
        description="Score system output (or a fresh run, with --run) against a gold JSONL file.",
        formatter_class=_Formatter,
        epilog=_EVALUATE_EPILOG,
    )
    score.add_argument("gold", metavar="GOLD", help="gold JSONL file (GUIDELINES.md format)")
    score.add_argument("system", metavar="SYSTEM", nargs="?", help="system output JSONL (extract's)")
    score.add_argument(
        "--run", action="store_true", help="extract from the gold texts instead of reading SYSTEM"
    )
    score.add_argument("--json", action="store_true", help="print the scores as JSON")
    score.add_argument(
        "--errors", action="store_true", help="also list missed, spurious and misattributed quotes"
    )
    score.add_argument(
        "--model-name",
        metavar="NAME",
        help="model name for the signature when scoring SYSTEM (default: unknown; "
        "--run uses the model's own name)",
    )
    score.add_argument("-o", "--output", metavar="FILE", help="with --run: also write the system output here")
    _add_model_options(score)

    render = commands.add_parser(
        "render",
        help="write a standalone HTML page showing the quotes of some documents",
        description="Write one standalone HTML page with the quotes of the input documents.",
        formatter_class=_Formatter,
        epilog=_RENDER_EPILOG,
    )
    _add_input_options(render)
    page = render.add_argument_group("page")
    page.add_argument("-o", "--output", metavar="FILE", help="HTML file to write (default: stdout)")
    page.add_argument(
        "--system",
        metavar="FILE",
        help="take the quotes from this JSONL output of 'quoteattr extract' instead of running the model",
    )
    page.add_argument("--limit", type=_positive, metavar="N", help="show only the first N documents")
    page.add_argument("--title", default="quoteattr", help="page title")
    _add_model_options(render)
    return parser


def _config(args: argparse.Namespace) -> ExtractorConfig:
    return ExtractorConfig(model_dir=args.model_dir, use_gpu=args.gpu, parse_all=args.parse_all)


def _open_corpus(args: argparse.Namespace) -> Corpus:
    return Corpus.open(
        args.inputs,
        id_field=args.id_field,
        text_field=args.text_field,
        input_format=args.input_format,
        stdin=sys.stdin.buffer if "-" in args.inputs else None,
    )


# --------------------------------------------------------------------------- extract


def _open_output(path: Path, append: bool = False) -> IO[bytes]:
    try:
        return path.open("ab" if append else "wb")
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror}") from None


def _run(
    documents: Sequence[Document] | Iterator[Document],
    args: argparse.Namespace,
    config: ExtractorConfig,
    progress: Progress,
    word_counts: dict[DocId, int],
    on_result: Callable[[Document, Outcome], None],
    extract: Callable[[Iterable[Document]], Iterator[tuple[Document, Outcome]]] | None = None,
) -> tuple[int, int]:
    """Extract, hand each result to ``on_result``, report failures; (documents failed, quotes).

    ``extract`` replaces the local extraction (with ``--jobs`` processes) by another, ``--dask``'s.
    """
    failed = n_quotes = 0

    def here(documents: Iterable[Document]) -> Iterator[tuple[Document, Outcome]]:
        return extract_documents(documents, config, jobs=args.jobs)

    for document, outcome in (extract or here)(documents):
        on_result(document, outcome)
        if outcome.error is not None:
            failed += 1
            progress.message(f"{document.where}: document {document.id!r} failed: {outcome.error}")
        n_quotes += len(outcome.quotes)
        progress.advance(word_counts.get(document.id, 0))
    progress.close()
    return failed, n_quotes


def _on_dask(
    args: argparse.Namespace, config: ExtractorConfig, stack: contextlib.ExitStack[bool | None]
) -> Callable[[Iterable[Document]], Iterator[tuple[Document, Outcome]]]:
    """Connect to ``--dask``'s cluster (closed with ``stack``); the extraction that runs on it."""
    try:
        client = stack.enter_context(cluster.connect(args.dask))
    except cluster.DaskNotInstalledError:
        raise UsageError("--dask needs Dask: pip install 'quoteattr[dask]'") from None
    except OSError as exc:
        raise UsageError(f"--dask {args.dask}: cannot connect to the Dask scheduler: {exc}") from None
    target = cluster.parse_scheduler(args.dask)
    # Local workers share this machine's cores, as --jobs workers do; a real cluster's keep theirs.
    threads = cluster.local_torch_threads(target) if isinstance(target, int) else None
    if not args.quiet:
        workers = len(client.scheduler_info()["workers"])
        _say(f"extracting on the Dask cluster {args.dask} ({workers} worker(s) now)")
    return lambda documents: cluster.extract_documents_on(client, documents, config, torch_threads=threads)


def _cmd_extract(args: argparse.Namespace) -> int:
    output = Path(args.output) if args.output else None
    fmt = args.format or ("csv" if output is not None and output.suffix.lower() == ".csv" else "jsonl")
    if args.resume and output is None:
        raise UsageError("--resume needs -o FILE (the output of the interrupted run)")
    if args.resume and fmt != "jsonl":
        raise UsageError("--resume works with JSONL output only")
    if args.dask is not None and args.jobs > 1:
        raise UsageError("--jobs is for worker processes here; with --dask the cluster's workers extract")
    corpus = _open_corpus(args)
    done: frozenset[DocId] = frozenset()
    if args.resume:
        assert output is not None
        state = resume_output(output)
        done = state.done
        unknown = len(done - corpus.word_counts.keys())
        if not args.quiet:
            note = (
                f" (dropped a half-written last line of {state.discarded_bytes} bytes)"
                if state.discarded_bytes
                else ""
            )
            _say(f"resuming {output}: {state.n_records} documents already written{note}")
        if unknown:
            _say(f"warning: {unknown} id(s) in {output} are not in the input")
    remaining = [doc_id for doc_id in corpus.word_counts if doc_id not in done]
    progress = _progress(len(remaining), sum(corpus.word_counts[i] for i in remaining), args.quiet)
    config = _config(args)
    started = time.monotonic()
    with contextlib.ExitStack() as stack:
        # Connected before the output is opened: a cluster that cannot be reached leaves it as it was.
        extract = _on_dask(args, config, stack) if args.dask is not None else None
        stream = sys.stdout.buffer
        if output is not None:
            stream = stack.enter_context(_open_output(output, args.resume))
        writer = CsvWriter(stream) if fmt == "csv" else JsonlWriter(stream)
        documents = (document for document in corpus if document.id not in done)
        failed, n_quotes = _run(
            documents,
            args,
            config,
            progress,
            corpus.word_counts,
            lambda d, o: writer.write(d.id, o),
            extract,
        )
    if not args.quiet:
        _say(
            f"{len(remaining)} document(s) done in {time.monotonic() - started:.1f} s, {n_quotes} quote(s), "
            f"{failed} failed" + (f"; {len(done)} were already written" if done else "")
        )
    return EXIT_FAILED if failed else EXIT_OK


# --------------------------------------------------------------------------- evaluate


def _read_gold(path: str) -> list[evaluate.GoldDocument]:
    try:
        return evaluate.read_gold(path)
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None


def _read_system(path: str) -> dict[DocId, list[dict[str, Any]]]:
    try:
        return evaluate.read_system(path)
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None


def _cmd_evaluate(args: argparse.Namespace) -> int:
    if args.run == (args.system is not None):
        raise UsageError("give either SYSTEM or --run (not both)")
    if args.output and not args.run:
        raise UsageError("-o/--output is for the system output of --run")
    gold = _read_gold(args.gold)
    failed = 0
    if args.run:
        config = _config(args)
        model = config.model_name()
        system: dict[DocId, list[dict[str, Any]]] = {}
        documents = [Document(doc.id, doc.text, f"{args.gold} id {doc.id!r}") for doc in gold]
        counts: dict[DocId, int] = {doc.id: len(doc.text.split()) for doc in gold}
        progress = _progress(len(documents), sum(counts.values()), args.quiet)
        with contextlib.ExitStack() as stack:
            writer = None
            if args.output:
                writer = JsonlWriter(stack.enter_context(_open_output(Path(args.output))))

            def keep(document: Document, outcome: Outcome) -> None:
                system[document.id] = output_record(document.id, outcome)["quotes"]
                if writer is not None:
                    writer.write(document.id, outcome)

            failed, _ = _run(documents, args, config, progress, counts, keep)
        if failed:
            _say(f"{failed} document(s) failed and are scored as having no quotes")
    else:
        system = _read_system(args.system)
        model = args.model_name or "unknown"
        if "|" in model:
            raise UsageError(f"--model-name must not contain '|': {model!r}")
    scores = evaluate.score(gold, system, model=model)
    items = evaluate.errors(gold, system) if args.errors else []
    if args.json:
        result = scores.to_dict()
        if args.errors:
            result["errors"] = [item.to_dict() for item in items]
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(evaluate.format_table(scores))
        if args.errors:
            print(f"\n{len(items)} error(s):")
            for item in items:
                print(item)
    return EXIT_FAILED if failed else EXIT_OK


# --------------------------------------------------------------------------- render


def _cmd_render(args: argparse.Namespace) -> int:
    corpus = _open_corpus(args)
    documents = list(itertools.islice(corpus, args.limit))
    failed = 0
    pages: list[PageDocument] = []
    if args.system:
        system = _read_system(args.system)
        missing = 0
        for document in documents:
            if document.id not in system:
                missing += 1
            try:
                quotes = tuple(Quote.from_dict(record) for record in system.get(document.id, []))
            except GoldFormatError as exc:
                raise InputError(f"{args.system}: document {document.id!r}: {exc}") from None
            pages.append(PageDocument(document.id, document.text, quotes))
        if missing:
            _say(f"warning: {missing} document(s) have no record in {args.system}; shown without quotes")
    else:
        counts = {document.id: corpus.word_counts[document.id] for document in documents}
        progress = _progress(len(documents), sum(counts.values()), args.quiet)

        def keep(document: Document, outcome: Outcome) -> None:
            pages.append(PageDocument(document.id, document.text, outcome.quotes, outcome.error))

        failed, _ = _run(documents, args, _config(args), progress, counts, keep)
    try:
        page = render_page(pages, title=args.title)
    except ValueError as exc:
        # Only quotes read with --system can disagree with the texts.
        raise InputError(f"{args.system}: {exc}" if args.system else str(exc)) from None
    data = page.encode("utf-8", errors="replace")
    if args.output:
        try:
            Path(args.output).write_bytes(data)
        except OSError as exc:
            raise InputError(f"{args.output}: cannot write: {exc.strerror}") from None
        if not args.quiet:
            n_quotes = sum(len(p.quotes) for p in pages)
            _say(f"wrote {args.output}: {len(pages)} document(s), {n_quotes} quote(s)")
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    return EXIT_FAILED if failed else EXIT_OK


# --------------------------------------------------------------------------- main

_COMMANDS: Final[dict[str, Callable[[argparse.Namespace], int]]] = {
    "extract": _cmd_extract,
    "evaluate": _cmd_evaluate,
    "render": _cmd_render,
}


def _silence_stdout() -> None:
    # After a closed pipe, Python would complain again while flushing stdout at exit.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); returns the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error argparse already printed
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    try:
        return _COMMANDS[args.command](args)
    except UsageError as exc:
        _say(f"error: {exc} (see 'quoteattr {args.command} --help')")
        return EXIT_USAGE
    except (InputError, GoldFormatError) as exc:
        _say(f"error: {exc}")
        return EXIT_USAGE
    except ModelError as exc:
        _say(f"error: cannot load the model: {exc}")
        return EXIT_USAGE
    except QuoteAttrError as exc:
        _say(f"error: {exc}")
        return EXIT_FAILED
    except KeyboardInterrupt:
        _say("interrupted" + ("; continue with --resume" if args.command == "extract" else ""))
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_FAILED
    except Exception as exc:  # the command line must never end in a bare traceback
        if os.environ.get("QUOTEATTR_DEBUG"):
            traceback.print_exc()
        _say(f"internal error: {type(exc).__name__}: {exc} (set QUOTEATTR_DEBUG=1 for the traceback)")
        return EXIT_FAILED
