"""Documents per second with 1 and 2 local Dask workers over the same documents; outputs must be equal.

    python benchmarks/dask_workers.py --docs 60
    python benchmarks/dask_workers.py --docs 200 --workers 1,2,4 --input corpus.jsonl

Needs the ``dask`` extra. For each worker count it starts a ``LocalCluster`` of single-threaded
worker processes (each with ``cores / workers`` torch threads, as ``quoteattr extract --dask local:N``
does), loads the model on every worker first (timed apart), then times :func:`extract_bag` over the
first ``--docs`` documents of the input. Exits 1 when the records differ between worker counts.
Run it on a quiet machine: other load on the cores makes the figures meaningless.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from quoteattr.cluster import LOCAL_PREFIX, connect, extract_bag, local_torch_threads, worker_attributor
from quoteattr.corpus import ExtractorConfig

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "data" / "news" / "dpgmedia2019-articles.jsonl"


def _load_model(config: ExtractorConfig, torch_threads: int) -> float:
    """Runs on each worker: build this process's attributor and parse one sentence; seconds taken."""
    import torch

    torch.set_num_threads(torch_threads)
    began = time.perf_counter()
    attributor, lock = worker_attributor(config)
    with lock:
        attributor.extract("‘Dat klopt’, zei de minister.")
    return time.perf_counter() - began


def _read(path: Path, docs: int) -> list[dict[str, Any]]:
    articles = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            articles.append({"id": record["id"], "text": record["text"]})
            if len(articles) == docs:
                break
    return articles


def _run(
    articles: list[dict[str, Any]], workers: int, config: ExtractorConfig, partition_docs: int
) -> tuple[float, float, list[dict[str, Any]]]:
    """(slowest model load s, extraction s, records) on a fresh cluster of ``workers`` processes."""
    # Much of Dask has no type hints.
    bags: Any = importlib.import_module("dask.bag")
    threads = local_torch_threads(workers)
    with connect(f"{LOCAL_PREFIX}{workers}") as client:
        loads = client.run(_load_model, config, threads)
        npartitions = max(1, min(len(articles), -(-len(articles) // partition_docs)))
        bag: Any = extract_bag(
            bags.from_sequence(articles, npartitions=npartitions), config, torch_threads=threads
        )
        began = time.perf_counter()
        records: list[dict[str, Any]] = bag.compute()
        elapsed = time.perf_counter() - began
    return max(loads.values()), elapsed, records


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=60, help="documents to extract (default: 60)")
    parser.add_argument("--input", type=Path, default=NEWS, help=f"JSONL with id and text (default: {NEWS})")
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts (default: 1,2)")
    parser.add_argument(
        "--partition-docs", type=int, default=8, help="documents per bag partition (default: 8)"
    )
    parser.add_argument("--model-dir", help="model folder (default: the shipped model)")
    args = parser.parse_args()
    counts = [int(part) for part in args.workers.split(",")]
    if args.docs < 1 or args.partition_docs < 1 or min(counts) < 1:
        parser.error("--docs, --partition-docs and the worker counts must be at least 1")
    articles = _read(args.input, args.docs)
    words = sum(len(str(a["text"]).split()) for a in articles)
    config = ExtractorConfig(model_dir=args.model_dir)
    print(
        f"{len(articles)} documents, {words} words from {args.input}; "
        f"{os.cpu_count()} cores; model {config.model_name()}",
        flush=True,
    )
    print(f"{'workers':>7} {'load s':>8} {'extract s':>10} {'docs/s':>8} {'words/s':>9} {'speed-up':>9}")
    reference: list[dict[str, Any]] | None = None
    base_rate = 0.0
    equal = True
    for workers in counts:
        load, elapsed, records = _run(articles, workers, config, args.partition_docs)
        rate = len(articles) / elapsed
        base_rate = base_rate or rate
        print(
            f"{workers:>7} {load:>8.1f} {elapsed:>10.1f} {rate:>8.2f} {words / elapsed:>9.0f} "
            f"{rate / base_rate:>8.2f}x",
            flush=True,
        )
        if reference is None:
            reference = records
        elif records != reference:
            equal = False
            print(f"  the records with {workers} workers differ from those with {counts[0]}", flush=True)
    failed = sum(1 for record in reference or [] if "error" in record)
    print(f"outputs {'equal' if equal else 'DIFFER'}; {failed} document(s) failed in each run")
    return 0 if equal else 1


if __name__ == "__main__":
    sys.exit(main())
