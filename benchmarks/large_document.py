"""Peak memory and time of :meth:`Attributor.extract` on one very long document.

    python benchmarks/large_document.py                      # 100 kB and 1 MB, fresh process each
    python benchmarks/large_document.py --sizes 1000000 --tracemalloc
    python benchmarks/large_document.py --unbounded      # as before the bounds: one parser call

The document is news articles from ``../shared/data/news/*.jsonl`` (title and text as paragraphs,
blank-line separated) cut to the requested number of characters at a paragraph end; without the
shared data it is generated passages of :mod:`quoteattr.strategies`. Each size runs in a fresh
process, so its peak is its own: the model is loaded and warmed up on a short text first, and the
figures are the growth of the peak resident set size (``ru_maxrss``) over that baseline and, with
``--tracemalloc``, the peak of the Python heap during the call (torch's tensor memory is not
traced by tracemalloc, but ``ru_maxrss`` includes it). Bounded memory means that the growth stays
the size of the document's own results and parses, not a multiple of the document times a parser
batch: 10x the text should cost about 10x the result memory, never more. ``--unbounded`` lifts the
bounds of :mod:`quoteattr.attributor` (``BLOCK_CHARS``, ``PARSE_CHUNK_WORDS``, ``PARSER_WORD_CHARS``),
so that the document is read whole and all its candidate sentences go to Stanza in one call, as
before the bounds existed.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "data" / "news"


def build_document(chars: int) -> tuple[str, str]:
    """A document of at most ``chars`` characters and a word on where it came from."""
    paragraphs: list[str] = []
    length = 0
    for paragraph in _paragraphs():
        if length + len(paragraph) + 2 > chars:
            break
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    source = "news" if any(NEWS.glob("*.jsonl")) else "quoteattr.strategies"
    return "\n\n".join(paragraphs), source


def _paragraphs() -> Any:
    files = sorted(NEWS.glob("*.jsonl"))
    while True:  # cycle, so that any size can be built
        if files:
            for path in files:
                with path.open(encoding="utf-8") as handle:
                    for line in handle:
                        record = json.loads(line)
                        for field in ("title", "text"):
                            value = record.get(field)
                            if isinstance(value, str) and value.strip():
                                yield from (p for p in value.split("\n\n") if p.strip())
        else:
            yield from _generated_paragraphs()


def _generated_paragraphs() -> Any:
    from hypothesis import Phase, given, seed, settings

    from quoteattr.strategies import GeneratedPassage, passages

    drawn: list[str] = []

    @seed(0)
    @settings(max_examples=500, database=None, deadline=None, phases=[Phase.generate])
    @given(passages())
    def collect(passage: GeneratedPassage) -> None:
        drawn.extend(passage.text.split("\n\n"))

    collect()
    yield from drawn


def _max_rss_mib() -> float:
    # ru_maxrss is in KiB on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(chars: int, threads: int, trace: bool, unbounded: bool) -> dict[str, Any]:
    """Extract from one document of ``chars`` characters; the figures as a dict."""
    import torch

    from quoteattr import Attributor, attributor

    torch.set_num_threads(threads)
    if unbounded:
        attributor.BLOCK_CHARS = sys.maxsize
        attributor.PARSE_CHUNK_WORDS = sys.maxsize
        attributor.PARSER_WORD_CHARS = sys.maxsize
    text, source = build_document(chars)
    extractor = Attributor()
    extractor.extract("‘Het gaat goed’, zei Jan de Vries. Volgens hem regent het.")  # loads the model
    baseline = _max_rss_mib()
    if trace:
        tracemalloc.start()
    began = time.perf_counter()
    cpu_began = time.process_time()
    quotes = extractor.extract(text)
    wall = time.perf_counter() - began
    cpu = time.process_time() - cpu_began
    traced_peak = tracemalloc.get_traced_memory()[1] / 2**20 if trace else None
    if trace:
        tracemalloc.stop()
    peak = _max_rss_mib()
    for quote in quotes:
        for span in quote.spans():
            assert text[span.start : span.end] == span.text, span
    return {
        "chars": len(text),
        "source": source,
        "paragraphs": text.count("\n\n") + 1,
        "quotes": len(quotes),
        "wall_s": round(wall, 1),
        "cpu_s": round(cpu, 1),
        "rss_baseline_mib": round(baseline),
        "rss_peak_mib": round(peak),
        "rss_growth_mib": round(peak - baseline),
        "traced_peak_mib": None if traced_peak is None else round(traced_peak, 1),
        "threads": threads,
        "unbounded": unbounded,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100000,1000000", help="document sizes in characters")
    parser.add_argument("--threads", type=int, default=1, help="torch threads (default 1)")
    parser.add_argument("--tracemalloc", action="store_true", help="also trace the Python heap peak")
    parser.add_argument("--unbounded", action="store_true", help="read the document whole, one parser call")
    parser.add_argument("--single", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    if args.single:
        print(json.dumps(measure(sizes[0], args.threads, args.tracemalloc, args.unbounded)))
        return
    header = (
        f"{'chars':>9} {'quotes':>7} {'wall s':>8} {'cpu s':>8} {'RSS base':>9} {'RSS peak':>9} {'growth':>7}"
    )
    print(header + (f" {'py peak':>8}" if args.tracemalloc else "") + "  (MiB)")
    for size in sizes:
        command = [sys.executable, __file__, "--single", "--sizes", str(size), "--threads", str(args.threads)]
        if args.tracemalloc:
            command.append("--tracemalloc")
        if args.unbounded:
            command.append("--unbounded")
        output = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True).stdout
        row = json.loads(output.strip().splitlines()[-1])
        line = (
            f"{row['chars']:>9} {row['quotes']:>7} {row['wall_s']:>8} {row['cpu_s']:>8} "
            f"{row['rss_baseline_mib']:>9} {row['rss_peak_mib']:>9} {row['rss_growth_mib']:>7}"
        )
        if args.tracemalloc:
            line += f" {row['traced_peak_mib']:>8}"
        print(line, flush=True)
    bounds = "none (--unbounded)" if args.unbounded else "BLOCK_CHARS, PARSE_CHUNK_WORDS, PARSER_WORD_CHARS"
    print(f"source: {row['source']}; torch threads: {args.threads}; parser bounds: {bounds}")


if __name__ == "__main__":
    main()
