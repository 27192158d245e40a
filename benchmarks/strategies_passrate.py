"""End-to-end pass rate of the shipped model on texts drawn from :mod:`quoteattr.strategies`.

    python benchmarks/strategies_passrate.py --examples 300 --seed 0
    python benchmarks/strategies_passrate.py --examples 300 --seed 0 --kind sentences --show 3

Draws ``--examples`` passages (or single sentences) with a fixed Hypothesis seed (generation only,
no shrinking), runs :meth:`Attributor.extract_many` on their texts and checks every generated gold
quote:

* **found**: some system quote's content equals the gold content after both are normalised as the
  scorer does (:func:`quoteattr.evaluate.normalise_span`: white space and the punctuation of
  ``STRIP_CHARS`` stripped from both ends), i.e. exact detection;
* **pass** (found with the right speaker): found, and that system quote's speaker is correct by
  rule 4 of the GUIDELINES scoring (:func:`quoteattr.evaluate.speaker_correct`: the name equals the
  gold ``speaker_name`` case-folded, or shares its last word; a floating quote's gold name is the
  speaker it continues);
* **kind ok**: found, with the gold kind.

The pass rate is passes / gold quotes, overall, per construction (the strategies' names;
``interrupted`` gives two quotes) and per quote-mark convention (over the direct and mixed quotes,
the ones written with marks). An example passes when all its gold quotes pass and the system
reports no quote that matches none of them (spurious: no overlap with any gold content); scare
quotes and scene sentences have no gold quote, so a quote found there counts against the example.
``--show`` prints that many failing quotes per (construction, failure) class.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence

from hypothesis import Phase, given, seed, settings
from hypothesis import strategies as st

from quoteattr import Attributor, Quote
from quoteattr.evaluate import normalise_span, speaker_correct
from quoteattr.strategies import QUOTE_MARKS, GeneratedPassage, GoldQuote, QuoteMarks, passages, sentences

QUOTELESS = frozenset({"scare", "context"})


def draw(kind: str, examples: int, seed_value: int) -> list[tuple[QuoteMarks, GeneratedPassage]]:
    """``examples`` generated texts with the convention each was written in."""
    make: Callable[..., st.SearchStrategy[GeneratedPassage]] = passages if kind == "passages" else sentences
    strategy = st.sampled_from(QUOTE_MARKS).flatmap(
        lambda marks: make(marks=st.just(marks)).map(lambda passage: (marks, passage))
    )
    drawn: list[tuple[QuoteMarks, GeneratedPassage]] = []

    @seed(seed_value)
    @settings(max_examples=examples, database=None, deadline=None, phases=[Phase.generate])
    @given(strategy)
    def collect(example: tuple[QuoteMarks, GeneratedPassage]) -> None:
        drawn.append(example)

    collect()
    return drawn[:examples]


def quote_constructions(passage: GeneratedPassage) -> list[str]:
    """The construction of each gold quote, in order (``interrupted`` gives two quotes)."""
    names: list[str] = []
    for construction in passage.constructions:
        if construction in QUOTELESS:
            continue
        names.extend([construction] * (2 if construction == "interrupted" else 1))
    if len(names) != len(passage.quotes):
        raise AssertionError(f"{len(names)} constructions for {len(passage.quotes)} quotes: {passage!r}")
    return names


def judge(text: str, gold: GoldQuote, found: Sequence[Quote]) -> tuple[str, Quote | None]:
    """``pass``, ``wrong speaker`` or ``missed``, and the matching system quote."""
    target = normalise_span(text, *gold.content)
    for quote in found:
        if normalise_span(text, quote.content.start, quote.content.end) == target:
            speaker = None if quote.speaker is None else quote.to_dict()["speaker"]
            if speaker_correct(gold.speaker_name, speaker):
                return "pass", quote
            return "wrong speaker", quote
    return "missed", None


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _rate(passed: int, total: int) -> str:
    return f"{passed / total:6.1%}" if total else "     -"


def _table(title: str, rows: Iterable[tuple[str, Counter[str]]]) -> None:
    print(f"\n| {title} | gold quotes | found | found + speaker (pass) | kind ok |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, counts in rows:
        total = counts["total"]
        print(
            f"| {name} | {total} | {_rate(counts['found'], total)} | {_rate(counts['pass'], total)} "
            f"| {_rate(counts['kind'], total)} |"
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=300, help="examples to draw (default 300)")
    parser.add_argument("--seed", type=int, default=0, help="Hypothesis seed (default 0)")
    parser.add_argument("--kind", choices=("passages", "sentences"), default="passages")
    parser.add_argument("--threads", type=int, default=1, help="torch threads (default 1)")
    parser.add_argument("--show", type=int, default=1, help="failing quotes to print per class")
    args = parser.parse_args(argv)

    import torch

    torch.set_num_threads(args.threads)
    drawn = draw(args.kind, args.examples, args.seed)
    attributor = Attributor()
    began = time.perf_counter()
    results = list(attributor.extract_many([passage.text for _, passage in drawn]))
    elapsed = time.perf_counter() - began

    overall: Counter[str] = Counter()
    by_construction: dict[str, Counter[str]] = defaultdict(Counter)
    by_marks: dict[str, Counter[str]] = defaultdict(Counter)
    failures: dict[tuple[str, str], list[str]] = defaultdict(list)
    examples_passed = 0
    spurious_total = 0
    for (marks, passage), found in zip(drawn, results, strict=True):
        text = passage.text
        example_ok = True
        for gold, construction in zip(passage.quotes, quote_constructions(passage), strict=True):
            verdict, match = judge(text, gold, found)
            counts = {
                "total": 1,
                "found": verdict != "missed",
                "pass": verdict == "pass",
                "kind": match is not None and match.kind.value == gold.kind,
            }
            convention = f"{marks.opening}…{marks.closing}"
            for counter in (overall, by_construction[construction]):
                counter.update({key: int(value) for key, value in counts.items()})
            if gold.kind in ("direct", "mixed"):
                by_marks[convention].update({key: int(value) for key, value in counts.items()})
            if verdict != "pass":
                example_ok = False
                system = "" if match is None else f" → system speaker {match.to_dict()['speaker']!r}"
                start, end = gold.content
                gold_part = f"gold {gold.kind} {text[start:end]!r} speaker {gold.speaker_name!r}"
                failures[(construction, verdict)].append(f"{text!r}\n      {gold_part}{system}")
        spurious = [
            q
            for q in found
            if not any(_overlaps((q.content.start, q.content.end), g.content) for g in passage.quotes)
        ]
        spurious_total += len(spurious)
        if spurious:
            example_ok = False
            failures[("(any)", "spurious")].append(
                f"{text!r}\n      spurious {[q.content.text for q in spurious]!r} ({passage.constructions})"
            )
        examples_passed += example_ok

    total = overall["total"]
    print(
        f"{len(drawn)} {args.kind} (seed {args.seed}), {total} gold quotes, "
        f"{sum(len(found) for found in results)} system quotes, {elapsed:.0f} s extraction"
    )
    passed = overall["pass"]
    print(f"pass rate (found with the right speaker): {passed}/{total} = {_rate(passed, total)}")
    print(f"found (exact content): {overall['found']}/{total} = {_rate(overall['found'], total)}")
    print(
        f"examples with every quote passing and nothing spurious: {examples_passed}/{len(drawn)} = "
        f"{_rate(examples_passed, len(drawn))}; spurious quotes: {spurious_total}"
    )
    _table("construction", sorted(by_construction.items()))
    _table("convention (direct and mixed quotes)", sorted(by_marks.items()))
    if args.show:
        print("\nfailure classes (count, then examples):")
        for (construction, verdict), items in sorted(failures.items(), key=lambda item: -len(item[1])):
            print(f"\n  {construction} / {verdict}: {len(items)}")
            for item in items[: args.show]:
                print(f"    {item}")


if __name__ == "__main__":
    main()
