"""Throughput of quoteattr as shipped against the parse-everything baseline, on the same documents.

    python benchmarks/throughput.py                 # defaults: 300 news documents, both dev sets
    python benchmarks/throughput.py --docs 40 --threads 1 --scaling-docs 1   # a quick check
    python benchmarks/throughput.py --tune --docs 100   # batch sizes and threads for (a)

Two configurations, each in a fresh Python process (so each has its own peak RSS, read with
``os.wait4``) with the same model, batch sizes and torch threads:

(a) ``shipped``: ``Attributor()``: the cheap scan of :mod:`quoteattr.candidates` decides what each
    sentence needs; Stanza tags the candidates and parses only those that need a tree.
(b) ``parse-all``: ``Attributor(parse_all=True)`` (``quoteattr extract --parse-all``): every
    sentence goes through the full Stanza pipeline, then the same rules.

For each: documents/s and words/s over the first ``--docs`` documents of the news corpus (words as
``str.split`` counts them, as the CLI's progress bar does), the time inside the parser (a timing
proxy around the :class:`~quoteattr.parsing.DependencyParser`) against everything else, peak RSS,
the tokens tagged and parsed, and the attribution F1 on the dev sets, extracted and scored the way
``quoteattr evaluate GOLD --run`` does it (:func:`quoteattr.corpus.extract_documents`,
:func:`quoteattr.corpus.output_record`, :func:`quoteattr.evaluate.score`). Then a scaling run of
(a): the first ``--scaling-docs`` documents joined into one text, extracted at 1x, 4x and 16x its
length, time per word.

The report is Markdown (tables ready for ``docs/performance.md``); ``--json FILE`` also writes the
raw figures. ``--profile`` adds a cProfile of (a) on the same documents (top entries by own time), in a second
pass after the timed one.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime
import io
import itertools
import json
import os
import platform
import pstats
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from quoteattr import evaluate  # noqa: E402
from quoteattr.corpus import Document, ExtractorConfig, extract_documents, output_record  # noqa: E402
from quoteattr.parsing import (  # noqa: E402
    DependencyParser,
    NeedsTree,
    SentenceParse,
    StanzaParser,
    WordAnalysis,
    parse_where,
)

SHARED = ROOT.parent / "shared"
DEFAULT_DATA = SHARED / "data" / "news" / "dpgmedia2019-articles.jsonl"
DEFAULT_GOLD = [SHARED / "gold" / "dev.jsonl", SHARED / "gold" / "dev-news.jsonl"]
MODES = {"shipped": False, "parse-all": True}
LABELS = {"shipped": "(a) shipped", "parse-all": "(b) parse-all"}
SCALES = (1, 4, 16)

# The targets, checked at the end of the report.
TARGET_RATIO = 2.5
TARGET_F1_LOSS = 0.5
TARGET_REST_SHARE = 0.05
TARGET_RSS_MB = 1536
TARGET_SCALING = 0.10


# --------------------------------------------------------------------------- the worker side


class TimingParser:
    """A :class:`DependencyParser` that passes every call on and counts time and tokens."""

    def __init__(self, parser: DependencyParser) -> None:
        self._parser = parser
        self.seconds = 0.0
        self.cpu_seconds = 0.0
        self.tokens_tagged = 0
        self.tokens_parsed = 0

    @property
    def name(self) -> str:
        return self._parser.name

    def reset(self) -> None:
        self.seconds = self.cpu_seconds = 0.0
        self.tokens_tagged = self.tokens_parsed = 0

    def _timed(self, call: Callable[[], Any]) -> Any:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return call()
        finally:
            self.seconds += time.perf_counter() - wall
            self.cpu_seconds += time.process_time() - cpu

    def parse(self, sentences: Sequence[Sequence[str]]) -> list[list[WordAnalysis]]:
        result: list[list[WordAnalysis]] = self._timed(lambda: self._parser.parse(sentences))
        tokens = sum(map(len, sentences))
        self.tokens_tagged += tokens
        self.tokens_parsed += tokens
        return result

    def parse_where(self, sentences: Sequence[Sequence[str]], needs_tree: NeedsTree) -> list[SentenceParse]:
        result: list[SentenceParse] = self._timed(lambda: parse_where(self._parser, sentences, needs_tree))
        self.tokens_tagged += sum(map(len, sentences))
        self.tokens_parsed += sum(len(parse.words) for parse in result if parse.tree)
        return result


def _read_texts(path: Path, limit: int) -> list[str]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in itertools.islice(lines, limit)]


def _run_documents(
    documents: Sequence[Document], config: ExtractorConfig, batch_docs: int
) -> tuple[dict[Any, list[dict[str, Any]]], int]:
    """System output per document id (as ``quoteattr evaluate --run`` builds it) and failures."""
    system: dict[Any, list[dict[str, Any]]] = {}
    failed = 0
    for document, outcome in extract_documents(documents, config, chunk_size=batch_docs):
        system[document.id] = output_record(document.id, outcome)["quotes"]
        failed += outcome.error is not None
    return system, failed


def _throughput(
    texts: Sequence[str], config: ExtractorConfig, proxy: TimingParser, batch_docs: int
) -> dict[str, Any]:
    documents = [Document(index, text, f"news #{index}") for index, text in enumerate(texts)]
    proxy.reset()
    wall, cpu = time.perf_counter(), time.process_time()
    system, failed = _run_documents(documents, config, batch_docs)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {
        "docs": len(texts),
        "words": sum(len(text.split()) for text in texts),
        "quotes": sum(map(len, system.values())),
        "failed": failed,
        "seconds": wall,
        "cpu_seconds": cpu,
        "parser_seconds": proxy.seconds,
        "parser_cpu_seconds": proxy.cpu_seconds,
        "tokens_tagged": proxy.tokens_tagged,
        "tokens_parsed": proxy.tokens_parsed,
    }


def _f1(gold_paths: Sequence[Path], config: ExtractorConfig, batch_docs: int, model: str) -> dict[str, Any]:
    scores: dict[str, Any] = {}
    for path in gold_paths:
        gold = evaluate.read_gold(path)
        documents = [Document(doc.id, doc.text, f"{path} id {doc.id!r}") for doc in gold]
        system, failed = _run_documents(documents, config, batch_docs)
        result = evaluate.score(gold, system, model=model)
        scores[path.stem] = {
            "attribution_f1": result.attribution.f1,
            "detection_f1": result.detection_overlap.f1,
            "failed": failed,
        }
    return scores


def _scaling(texts: Sequence[str], config: ExtractorConfig, proxy: TimingParser) -> list[dict[str, Any]]:
    attributor = config.attributor()
    base = "\n\n".join(texts)
    rows = []
    for factor in SCALES:
        text = "\n\n".join([base] * factor)
        proxy.reset()
        began = time.perf_counter()
        quotes = attributor.extract(text)
        seconds = time.perf_counter() - began
        rows.append(
            {
                "factor": factor,
                "words": len(text.split()),
                "quotes": len(quotes),
                "seconds": seconds,
                "parser_seconds": proxy.seconds,
            }
        )
    return rows


def _profile_text(profile: cProfile.Profile, top: int) -> str:
    stream = io.StringIO()
    stats = pstats.Stats(profile, stream=stream)
    stats.sort_stats("tottime").print_stats(top)
    return stream.getvalue()


def worker(settings: dict[str, Any]) -> dict[str, Any]:
    """One configuration, run in this (fresh) process; returns its figures."""
    started = time.perf_counter()
    parser = StanzaParser(batch_size=settings["batch_size"], threads=settings["threads"])
    load_seconds = time.perf_counter() - started
    proxy = TimingParser(parser)
    config = ExtractorConfig(parser=proxy, parse_all=MODES[settings["mode"]])
    texts = _read_texts(Path(settings["data"]), settings["docs"])
    batch_docs = settings["batch_docs"]
    # Warm-up (first calls allocate and fill caches), not timed.
    _run_documents([Document(-1, text, "warm-up") for text in texts[:2]], config, batch_docs)
    result: dict[str, Any] = {"mode": settings["mode"], "load_seconds": load_seconds}
    result["throughput"] = _throughput(texts, config, proxy, batch_docs)
    if settings.get("profile"):
        # A second pass over the same documents, so the profiler's cost stays out of the figures.
        profile = cProfile.Profile()
        profile.enable()
        _throughput(texts, config, proxy, batch_docs)
        profile.disable()
        result["profile"] = _profile_text(profile, settings.get("profile_top", 30))
    if settings.get("gold"):
        result["f1"] = _f1([Path(p) for p in settings["gold"]], config, batch_docs, parser.name)
    if settings.get("scaling_docs"):
        result["scaling"] = _scaling(texts[: settings["scaling_docs"]], config, proxy)
    import torch

    result["torch_threads"] = torch.get_num_threads()
    result["model"] = parser.name
    return result


# --------------------------------------------------------------------------- the parent side


def run_configuration(settings: dict[str, Any]) -> dict[str, Any]:
    """Run :func:`worker` in a fresh process; add its peak RSS (MB) from ``os.wait4``."""
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", json.dumps(settings)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"the {settings['mode']} worker failed with status {process.returncode}")
    result: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    result["peak_rss_mb"] = usage.ru_maxrss / scale
    result["child_cpu_seconds"] = usage.ru_utime + usage.ru_stime
    return result


def _machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        load = "?"
    return f"{model}, {os.cpu_count()} logical CPUs, load average before the run {load}"


def _versions() -> str:
    import stanza
    import torch

    return f"Python {platform.python_version()}, torch {torch.__version__}, stanza {stanza.__version__}"


def _mb(value: float) -> str:
    return f"{value:,.0f} MB"


def report(results: dict[str, dict[str, Any]], settings: dict[str, Any], elapsed: float) -> str:
    """The Markdown report."""
    lines = [
        f"Machine: {_machine()}; {_versions()}.",
        f"Settings: model `{results['shipped']['model']}`, torch threads "
        f"{results['shipped']['torch_threads']}, Stanza batch size {settings['batch_size']} words, "
        f"{settings['batch_docs']} documents per batch, first {settings['docs']} documents of "
        f"`{Path(settings['data']).name}`; run {datetime.date.today().isoformat()}, "
        f"{elapsed:.0f} s in all.",
        "",
        "| configuration | docs/s | words/s | total s | parser s | rest s | rest % | tokens tagged "
        "| tokens parsed | peak RSS | quotes | failed |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for mode, result in results.items():
        t = result["throughput"]
        rest = t["seconds"] - t["parser_seconds"]
        share = 100 * rest / t["seconds"]
        lines.append(
            f"| {LABELS[mode]} | {t['docs'] / t['seconds']:.2f} | {t['words'] / t['seconds']:,.0f} "
            f"| {t['seconds']:.1f} | {t['parser_seconds']:.1f} | {rest:.1f} | {share:.1f} "
            f"| {t['tokens_tagged']:,} | {t['tokens_parsed']:,} | {_mb(result['peak_rss_mb'])} "
            f"| {t['quotes']} | {t['failed']} |"
        )
    a, b = results["shipped"], results["parse-all"]
    ta, tb = a["throughput"], b["throughput"]
    ratio = tb["seconds"] / ta["seconds"]
    cpu_ratio = tb["cpu_seconds"] / ta["cpu_seconds"]
    lines += [
        "",
        f"Speed ratio (a)/(b): **{ratio:.2f}x** in wall time ({cpu_ratio:.2f}x in CPU time); "
        f"{ta['words']:,} words, tokens tagged by (a) {ta['tokens_tagged'] / tb['tokens_tagged']:.1%} "
        f"and parsed {ta['tokens_parsed'] / tb['tokens_parsed']:.1%} of (b)'s.",
    ]
    f1_loss: dict[str, float] = {}
    if "f1" in a:
        lines += [
            "",
            "| gold file | (a) attribution F1 | (b) attribution F1 | (a) - (b) | (a) detection F1 "
            "| (b) detection F1 |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for name, fa in a["f1"].items():
            fb = b["f1"][name]
            loss = 100 * (fb["attribution_f1"] - fa["attribution_f1"])
            f1_loss[name] = loss
            lines.append(
                f"| {name} | {100 * fa['attribution_f1']:.2f} | {100 * fb['attribution_f1']:.2f} "
                f"| {-loss:+.2f} pt | {100 * fa['detection_f1']:.2f} | {100 * fb['detection_f1']:.2f} |"
            )
    scaling_drift: float | None = None
    if "scaling" in a:
        rows = a["scaling"]
        base_per_word = rows[0]["seconds"] / rows[0]["words"]
        lines += [
            "",
            f"Scaling, (a): the first {settings['scaling_docs']} documents as one text, repeated.",
            "",
            "| length | words | seconds | ms/word | parser ms/word | rest ms/word | ms/word vs 1x |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for row in rows:
            per_word = row["seconds"] / row["words"]
            rest = (row["seconds"] - row["parser_seconds"]) / row["words"]
            lines.append(
                f"| {row['factor']}x | {row['words']:,} | {row['seconds']:.2f} | {1000 * per_word:.3f} "
                f"| {1000 * row['parser_seconds'] / row['words']:.3f} | {1000 * rest:.3f} "
                f"| {per_word / base_per_word - 1:+.1%} |"
            )
        scaling_drift = rows[-1]["seconds"] / rows[-1]["words"] / base_per_word - 1
    rest_share = (ta["seconds"] - ta["parser_seconds"]) / ta["seconds"]
    peak = max(result["peak_rss_mb"] for result in results.values())
    checks = [
        (f"(a) at least {TARGET_RATIO}x faster than (b)", f"{ratio:.2f}x", ratio >= TARGET_RATIO),
        (
            "everything but the parser at most 5 % of (a)",
            f"{rest_share:.1%}",
            rest_share <= TARGET_REST_SHARE,
        ),
        (f"peak RSS at most {_mb(TARGET_RSS_MB)}", _mb(peak), peak <= TARGET_RSS_MB),
    ]
    for name, loss in f1_loss.items():
        checks.append(
            (f"attribution F1 loss on {name} at most {TARGET_F1_LOSS} pt", f"{loss:.2f} pt", loss <= 0.5)
        )
    if scaling_drift is not None:
        checks.append(
            # The goal is linear time: a long text must not cost more per word. It may cost less
            # (1x, a few documents, does not fill Stanza's batches).
            ("time per word at 16x at most 10 % above 1x", f"{scaling_drift:+.1%}", scaling_drift <= 0.1)
        )
    lines += ["", "| target | measured | met |", "|---|---:|---|"]
    lines += [f"| {name} | {value} | {'yes' if ok else 'NO'} |" for name, value, ok in checks]
    return "\n".join(lines)


def tune(
    settings: dict[str, Any], threads: Sequence[int], batch_sizes: Sequence[int], batch_docs: Sequence[int]
) -> str:
    """Throughput of (a) for each combination of threads, batch size and documents per batch."""
    lines = [
        f"Tuning (a) on the first {settings['docs']} documents; {_machine()}.",
        "",
        "| threads | batch size (words) | docs per batch | words/s | parser s | total s | peak RSS |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for thread_count, batch_size, docs_per_batch in itertools.product(threads, batch_sizes, batch_docs):
        result = run_configuration(
            {**settings, "mode": "shipped", "threads": thread_count, "batch_size": batch_size,
             "batch_docs": docs_per_batch, "gold": [], "scaling_docs": 0}
        )  # fmt: skip
        t = result["throughput"]
        lines.append(
            f"| {thread_count} | {batch_size} | {docs_per_batch} | {t['words'] / t['seconds']:,.0f} "
            f"| {t['parser_seconds']:.1f} | {t['seconds']:.1f} | {_mb(result['peak_rss_mb'])} |"
        )
        print(lines[-1], file=sys.stderr, flush=True)
    return "\n".join(lines)


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def _positive_list(value: str) -> list[int]:
    return [_positive(part) for part in value.split(",")]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=_positive, default=300, help="news documents to time (default 300)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="JSONL file with a 'text' field")
    parser.add_argument(
        "--gold", type=Path, nargs="*", default=DEFAULT_GOLD, help="gold files to score (none: skip F1)"
    )
    parser.add_argument("--threads", type=_positive, default=2, help="torch threads (default 2)")
    parser.add_argument("--batch-size", type=_positive, default=1500, help="Stanza batch size in words")
    parser.add_argument("--batch-docs", type=_positive, default=16, help="documents per extract_many batch")
    parser.add_argument(
        "--scaling-docs", type=int, default=3, help="documents joined for the scaling run (0: skip it)"
    )
    parser.add_argument("--profile", action="store_true", help="also profile (a)'s throughput run")
    parser.add_argument("--json", type=Path, help="write the raw figures to this file")
    parser.add_argument("--tune", action="store_true", help="sweep threads and batch sizes for (a) instead")
    parser.add_argument("--tune-threads", type=_positive_list, default=[1, 2])
    parser.add_argument("--tune-batch-sizes", type=_positive_list, default=[1000, 1500, 3000])
    parser.add_argument("--tune-batch-docs", type=_positive_list, default=[16, 64])
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker is not None:
        print(json.dumps(worker(json.loads(args.worker))))
        return 0
    settings: dict[str, Any] = {
        "docs": args.docs,
        "data": str(args.data),
        "gold": [str(path) for path in args.gold],
        "threads": args.threads,
        "batch_size": args.batch_size,
        "batch_docs": args.batch_docs,
        "scaling_docs": max(0, min(args.scaling_docs, args.docs)),
    }
    began = time.perf_counter()
    if args.tune:
        print(tune(settings, args.tune_threads, args.tune_batch_sizes, args.tune_batch_docs))
        return 0
    results: dict[str, dict[str, Any]] = {}
    for mode in MODES:
        print(f"running {LABELS[mode]} …", file=sys.stderr, flush=True)
        results[mode] = run_configuration(
            {**settings, "mode": mode, "profile": args.profile and mode == "shipped",
             "scaling_docs": settings["scaling_docs"] if mode == "shipped" else 0}
        )  # fmt: skip
    print(report(results, settings, time.perf_counter() - began))
    if args.profile:
        print("\ncProfile of (a)'s throughput run, top entries by own time:\n")
        print("```\n" + results["shipped"]["profile"].strip() + "\n```")
    if args.json is not None:
        args.json.write_text(
            json.dumps({"settings": settings, "results": results}, indent=2), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
