"""Time per word of everything but the parser, as one document grows.

    python benchmarks/rules_scaling.py                      # 2 news articles at 1x, 4x, 16x, 64x
    python benchmarks/rules_scaling.py --profile            # plus the top cProfile entries at 16x
    python benchmarks/rules_scaling.py --json out.json      # also the figures and every quote

The document is the first ``--articles`` articles of ``../shared/data/news/dpgmedia2019-articles.jsonl``
(title and text, blank-line separated), repeated. The parser is :class:`WordListParser`: tags from
small word lists and the cue lexicon (names ``PROPN``, cue verbs finite ``VERB`` with an ``nsubj``,
``dat`` clauses as ``ccomp``), so the rules and speaker resolution have real work to do, at a cost
that is linear and is left out of the figures anyway (a timing proxy measures it).

Columns: ``rest`` is :meth:`Attributor.extract` less the parser; ``rules`` is
:func:`quoteattr.sieves.run_sieves` plus :func:`quoteattr.speakers.resolve` alone (only where the
document is one block, ``len(text) <= BLOCK_CHARS``; a longer one is read in blocks). CPU time
(``time.process_time``), the best of ``--repeat`` runs (times 16 / the multiple below 16×), so a
busy machine disturbs it less.
Linear code keeps µs per word flat.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from quoteattr import Attributor  # noqa: E402
from quoteattr.attributor import BLOCK_CHARS  # noqa: E402
from quoteattr.lexicon import Lexicon, load  # noqa: E402
from quoteattr.marks import scan  # noqa: E402
from quoteattr.parsing import WordAnalysis  # noqa: E402
from quoteattr.sieves import run_sieves  # noqa: E402
from quoteattr.speakers import resolve  # noqa: E402

NEWS = ROOT.parent / "shared" / "data" / "news" / "dpgmedia2019-articles.jsonl"

_DETERMINERS = frozenset({"de", "het", "een", "deze", "die", "dit", "zijn", "haar", "hun", "mijn", "onze"})
_PRONOUNS = frozenset({"hij", "zij", "ze", "ik", "we", "wij", "hem", "je", "jij", "u", "men", "zich", "er"})
_ADPOSITIONS = frozenset(
    {"van", "in", "op", "aan", "met", "voor", "bij", "uit", "naar", "over", "om", "tot", "door", "tegen"}
    | {"na", "volgens", "aldus", "zonder", "sinds", "tijdens"}
)
_CONJUNCTIONS = frozenset({"en", "maar", "want", "dus"})
_COMPLEMENTISERS = frozenset({"dat", "of", "omdat", "als", "wanneer"})
_ADVERBS = frozenset({"niet", "ook", "nog", "wel", "al", "nu", "dan", "zo", "daar", "toen", "echter", "heel"})
_FINITE = frozenset(
    {"is", "was", "zijn", "waren", "heeft", "hebben", "had", "hadden", "wordt", "worden", "werd", "werden"}
    | {"kan", "kunnen", "kon", "moet", "moeten", "moest", "zal", "zullen", "zou", "zouden", "wil", "gaat"}
)


class WordListParser:
    """A deterministic, cheap stand-in for Stanza with plausible tags and flat trees.

    Each sentence hangs off its first cue verb (else its first finite verb, else its first
    word); the nearest nominal before that verb (else after it) is its ``nsubj``, a name's
    later words are ``flat`` under its first, and the words after ``dat`` form a finite
    ``ccomp`` clause.
    """

    name = "word-list"

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def parse(self, sentences: Sequence[Sequence[str]]) -> list[list[WordAnalysis]]:
        return [self._sentence(list(sentence)) for sentence in sentences]

    def _upos(self, index: int, word: str) -> tuple[str, str]:
        low = word.casefold()
        if not any(c.isalnum() for c in word):
            return "PUNCT", "_"
        if low in _DETERMINERS:
            return "DET", "_"
        if low in _PRONOUNS:
            return "PRON", "_"
        if low in _COMPLEMENTISERS:
            return "SCONJ", "_"
        if low in _ADPOSITIONS:
            return "ADP", "_"
        if low in _CONJUNCTIONS:
            return "CCONJ", "_"
        if low in _ADVERBS:
            return "ADV", "_"
        if self.lexicon.verb_for(word) is not None:
            return "VERB", "Number=Sing|VerbForm=Fin"
        if low in _FINITE:
            return "AUX", "Number=Sing|VerbForm=Fin"
        if word[:1].isupper() and (index > 0 or self.lexicon.role_noun(word) is None):
            return "PROPN", "_"
        if word[:1].isdigit():
            return "NUM", "_"
        return ("NOUN" if len(word) > 3 else "ADJ"), "_"

    def _sentence(self, words: list[str]) -> list[WordAnalysis]:
        tags = [self._upos(i, word) for i, word in enumerate(words)]
        upos = [tag for tag, _ in tags]
        cue = next((i for i, w in enumerate(words) if upos[i] == "VERB"), None)
        root = cue if cue is not None else next((i for i, t in enumerate(upos) if t == "AUX"), 0)
        heads = [root + 1] * len(words)
        deprels = ["punct" if t == "PUNCT" else "dep" for t in upos]
        heads[root], deprels[root] = 0, "root"
        # Names: later words of a PROPN run hang off its first word.
        first = None
        for i, tag in enumerate(upos):
            if tag == "PROPN" and first is not None and i != root:
                heads[i], deprels[i] = first + 1, "flat"
            elif tag == "PROPN":
                first = i
            else:
                first = None
        nominal = ("PROPN", "PRON", "NOUN")
        before = [i for i in range(root) if upos[i] in nominal and deprels[i] == "dep"]
        after = [i for i in range(root + 1, len(words)) if upos[i] in nominal and deprels[i] == "dep"]
        subject = before[-1] if before else (after[0] if after else None)
        if subject is not None:
            deprels[subject] = "nsubj"
        mark = next((i for i in range(root + 1, len(words)) if words[i].casefold() == "dat"), None)
        if mark is not None and mark + 1 < len(words) and (subject is None or subject < mark):
            clause = next((i for i in range(mark + 1, len(words)) if upos[i] in ("VERB", "AUX")), mark + 1)
            for i in range(mark, len(words)):
                if i != clause and heads[i] == root + 1:
                    heads[i] = clause + 1
            heads[mark], deprels[mark] = clause + 1, "mark"
            heads[clause], deprels[clause] = root + 1, "ccomp"
            tags[clause] = (upos[clause], "Number=Sing|VerbForm=Fin")
        return [
            WordAnalysis(word.lower(), tag, feats, head, deprel)
            for word, (tag, feats), head, deprel in zip(words, tags, heads, deprels, strict=True)
        ]


class TimingParser:
    """Passes every call on to the parser and adds up its CPU time."""

    def __init__(self, parser: WordListParser) -> None:
        self._parser = parser
        self.cpu_seconds = 0.0

    @property
    def name(self) -> str:
        return self._parser.name

    def parse(self, sentences: Sequence[Sequence[str]]) -> list[list[WordAnalysis]]:
        began = time.process_time()
        try:
            return self._parser.parse(sentences)
        finally:
            self.cpu_seconds += time.process_time() - began


def read_articles(path: Path, count: int) -> str:
    """The first ``count`` articles, title and text, blank-line separated."""
    parts: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for line, _ in zip(handle, range(count), strict=False):
            record = json.loads(line)
            parts.extend(p for p in (record.get("title"), record.get("text")) if isinstance(p, str) and p)
    return "\n\n".join(parts)


def _best(run: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        began = time.process_time()
        result = run()
        best = min(best, time.process_time() - began)
    return best, result


def measure(text: str, factors: Sequence[int], repeat: int) -> list[dict[str, Any]]:
    proxy = TimingParser(WordListParser(load()))
    attributor = Attributor(parser=proxy)
    attributor.extract(text)  # warm-up: the lexicon's caches fill on first use
    rows = []
    for factor in factors:
        document = "\n\n".join([text] * factor)
        words = len(document.split())
        # Short documents run more often, so their best run is as sure as a long one's.
        runs = repeat * max(1, 16 // factor)
        best_rest, quotes = float("inf"), []
        for _ in range(runs):
            proxy.cpu_seconds = 0.0
            began = time.process_time()
            quotes = attributor.extract(document)
            best_rest = min(best_rest, time.process_time() - began - proxy.cpu_seconds)
        rules: float | None = None
        if len(document) <= BLOCK_CHARS:
            doc = attributor.parse(document)
            stretches = scan(document)
            lexicon = attributor.lexicon
            rules, _ = _best(lambda: resolve(doc, run_sieves(doc, stretches, lexicon), lexicon), runs)  # noqa: B023
        rows.append(
            {
                "factor": factor,
                "chars": len(document),
                "words": words,
                "quotes": len(quotes),
                "rest_us_per_word": best_rest / words * 1e6,
                "rules_us_per_word": None if rules is None else rules / words * 1e6,
                "quote_dicts": [quote.to_dict() for quote in quotes],
            }
        )
    return rows


def profile(text: str, factor: int, top: int) -> str:
    attributor = Attributor(parser=WordListParser(load()))
    document = "\n\n".join([text] * factor)
    attributor.extract(document)  # warm-up: lexicon caches
    profiler = cProfile.Profile()
    profiler.enable()
    attributor.extract(document)
    profiler.disable()
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream)
    lines = ["| own s | cum s | calls | function |", "|---:|---:|---:|---|"]
    entries = sorted(stats.stats.items(), key=lambda item: item[1][2], reverse=True)  # type: ignore[attr-defined]
    for (filename, line, function), (_, calls, own, cumulative, _) in entries[:top]:
        where = f"{Path(filename).name}:{line}" if line else filename
        lines.append(f"| {own:.3f} | {cumulative:.3f} | {calls} | `{function}` ({where}) |")
    return "\n".join(lines)


def report(rows: Sequence[dict[str, Any]], articles: int) -> str:
    base = rows[0]
    lines = [
        f"Rules scaling: the first {articles} news articles as one text, repeated; parser: word lists "
        "(its time left out); CPU µs per word, best run.",
        "",
        "| length | chars | words | quotes | rest µs/word | vs 1× | rules µs/word | vs 1× |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        rest_drift = row["rest_us_per_word"] / base["rest_us_per_word"] - 1
        rules = row["rules_us_per_word"]
        if rules is None or base["rules_us_per_word"] is None:
            rules_cells = "— | —"
        else:
            rules_cells = f"{rules:.1f} | {rules / base['rules_us_per_word'] - 1:+.1%}"
        lines.append(
            f"| {row['factor']}× | {row['chars']:,} | {row['words']:,} | {row['quotes']:,} "
            f"| {row['rest_us_per_word']:.1f} | {rest_drift:+.1%} | {rules_cells} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=2, help="news articles in the 1x document")
    parser.add_argument("--factors", default="1,4,16,64", help="lengths, comma-separated multiples")
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs per length, more below 16x (the best counts)"
    )
    parser.add_argument("--data", type=Path, default=NEWS, help="news JSONL file")
    parser.add_argument("--profile", action="store_true", help="cProfile the extraction at 16x")
    parser.add_argument("--top", type=int, default=25, help="profile entries shown")
    parser.add_argument("--json", type=Path, help="write the figures and the quotes here")
    args = parser.parse_args(argv)
    text = read_articles(args.data, args.articles)
    factors = [int(f) for f in args.factors.split(",")]
    rows = measure(text, factors, max(1, args.repeat))
    print(report(rows, args.articles))
    if args.profile:
        factor = 16 if 16 in factors else max(factors)
        print(f"\ncProfile of one extraction at {factor}×, top {args.top} by own time:\n")
        print(profile(text, factor, args.top))
    if args.json is not None:
        args.json.write_text(
            json.dumps({"articles": args.articles, "rows": rows}, ensure_ascii=False, indent=1)
        )


if __name__ == "__main__":
    main()
