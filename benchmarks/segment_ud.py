"""Measure :func:`quoteattr.segment.segment` against UD Dutch tokenisation and sentence splitting.

For each CoNLL-U file the raw text is rebuilt from the ``# text`` lines: sentences of one
paragraph are joined with a space and paragraphs with a blank line, so only paragraph breaks, not
sentence breaks, are given away. Paragraphs come from sent_ids ``<doc>.p.<N>.s.<M>``; files without
them (the Alpino suites: ``cdb-532.xml``) are grouped into runs of consecutive sentences of one
document id. The segmenter's output is written as CoNLL-U (only FORM filled in; HEAD 0/root for the
first token and 1/dep for the others, so the evaluator accepts it) and scored with the CoNLL 2018
evaluation script that Stanza ships (Tokens and Sentences F1).

Usage::

    python benchmarks/segment_ud.py [CONLLU ...] [--news JSONL] [--errors N] [--save DIR]

Without files, UD_Dutch-Alpino dev is scored. ``--news`` also times the segmenter on the
``text`` field of a JSONL file (characters per second); ``--errors`` prints the first N token and
sentence differences with context.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from quoteattr.segment import SentenceSpan, segment  # noqa: E402
from quoteattr.training.evaluate import build_text  # noqa: E402
from quoteattr.training.evaluate import read_gold_sentences as read_sentences  # noqa: E402

try:  # Stanza >= 1.11 ships the evaluator as udtools.udeval
    from udtools import udeval as ud_eval  # type: ignore[import-untyped]
except ImportError:  # older Stanza
    from stanza.utils import conll18_ud_eval as ud_eval

SHARED = ROOT.parent / "shared" / "data"
DEFAULT_FILES = [SHARED / "ud" / "UD_Dutch-Alpino" / "nl_alpino-ud-dev.conllu"]


def to_conllu(text: str, sentences: Iterable[SentenceSpan]) -> str:
    lines = []
    for sentence in sentences:
        for number, (start, end) in enumerate(sentence.tokens, start=1):
            head, deprel = (0, "root") if number == 1 else (1, "dep")
            lines.append(f"{number}\t{text[start:end]}\t_\t_\t_\t_\t{head}\t{deprel}\t_\t_")
        lines.append("")
    return "\n".join(lines) + "\n"


def gold_conllu(text: str, gold: Sequence[Sequence[tuple[int, int]]]) -> str:
    return to_conllu(text, (SentenceSpan(spans[0][0], spans[-1][1], tuple(spans), 0) for spans in gold))


def score(gold_text: str, system_text: str) -> dict[str, float]:
    gold_ud = ud_eval.load_conllu(io.StringIO(gold_text), "gold", {})
    system_ud = ud_eval.load_conllu(io.StringIO(system_text), "system", {})
    result = ud_eval.evaluate(gold_ud, system_ud)
    return {name: 100 * result[name].f1 for name in ("Tokens", "Sentences")}


def show_errors(
    text: str, gold: Sequence[Sequence[tuple[int, int]]], system: Sequence[SentenceSpan], limit: int
) -> None:
    gold_tokens = {span for spans in gold for span in spans}
    system_tokens = {span for sentence in system for span in sentence.tokens}
    gold_ends = {spans[-1][1] for spans in gold}
    system_ends = {sentence.end for sentence in system}

    def context(start: int, end: int) -> str:
        return f"{text[max(0, start - 40) : start]}[{text[start:end]}]{text[end : end + 40]}".replace(
            "\n", "¶"
        )

    missed, extra = len(gold_tokens - system_tokens), len(system_tokens - gold_tokens)
    print(f"-- tokens: gold only {missed}, system only {extra}")
    for start, end in sorted(gold_tokens - system_tokens)[:limit]:
        system_here = sorted(span for span in system_tokens if span[0] < end and span[1] > start)
        print(f"gold {text[start:end]!r} system {[text[s:e] for s, e in system_here]}: {context(start, end)}")
    missed, extra = len(gold_ends - system_ends), len(system_ends - gold_ends)
    print(f"-- sentence ends: gold only {missed}, system only {extra}")
    for kind, ends in (("missed", gold_ends - system_ends), ("extra", system_ends - gold_ends)):
        for end in sorted(ends)[:limit]:
            print(f"{kind}: {context(end, end)}")


def measure(path: Path, errors: int, save: Path | None) -> dict[str, float]:
    sentences = read_sentences(path)
    text, gold = build_text(sentences)
    system = segment(text)
    system_conllu = to_conllu(text, system)
    if save is not None:
        save.mkdir(parents=True, exist_ok=True)
        (save / f"{path.stem}.segment.conllu").write_text(system_conllu, encoding="utf-8")
    result = score(gold_conllu(text, gold), system_conllu)
    result["gold sentences"] = len(gold)
    result["system sentences"] = len(system)
    if errors:
        show_errors(text, gold, system, errors)
    return result


def speed(path: Path, repeats: int = 3) -> tuple[float, int, int]:
    """Best characters per second over ``repeats`` passes, the characters and the tokens."""
    texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]
    characters = sum(map(len, texts))
    best = float("inf")
    tokens = 0
    for _ in range(repeats):
        began = time.perf_counter()
        tokens = sum(len(sentence.tokens) for text in texts for sentence in segment(text))
        best = min(best, time.perf_counter() - began)
    return characters / best, characters, tokens


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", nargs="*", type=Path, help="CoNLL-U files (default: UD_Dutch-Alpino dev)")
    parser.add_argument("--news", type=Path, help="JSONL file whose 'text' fields are timed")
    parser.add_argument("--errors", type=int, default=0, help="print this many differences per kind")
    parser.add_argument("--save", type=Path, help="folder to write the system CoNLL-U files to")
    args = parser.parse_args(argv)
    for path in args.files or DEFAULT_FILES:
        result = measure(path, args.errors, args.save)
        print(
            f"{path.name}: Tokens F1 {result['Tokens']:.2f}  Sentences F1 {result['Sentences']:.2f}  "
            f"(sentences gold {result['gold sentences']:.0f}, system {result['system sentences']:.0f})"
        )
    if args.news:
        rate, characters, tokens = speed(args.news)
        print(f"{args.news.name}: {characters} characters, {tokens} tokens, {rate:,.0f} characters/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
