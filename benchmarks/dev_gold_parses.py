"""Score the dev items taken from UD_Dutch-Alpino test with gold parses and with the shipped model.

The 12 items ``dev-026`` … ``dev-037`` of ``shared/gold/dev.jsonl`` are sentences of
UD_Dutch-Alpino test, whose gold trees are in ``shared/data/ud``. Running the same rules on
the gold trees and on the shipped model's parses tells parser errors from rule errors::

    python benchmarks/dev_gold_parses.py
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from quoteattr import Attributor
from quoteattr.conllu import document_from_trees, read_trees
from quoteattr.evaluate import format_table, read_gold, score

SHARED = Path(__file__).resolve().parents[2] / "shared"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--gold", type=Path, default=SHARED / "gold" / "dev.jsonl")
    parser.add_argument(
        "--trees", type=Path, default=SHARED / "data" / "ud" / "UD_Dutch-Alpino" / "nl_alpino-ud-test.conllu"
    )
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args()

    trees = read_trees(args.trees)
    gold = [g for g in read_gold(args.gold) if any(t.text in g.text for t in trees)]
    attributor = Attributor()
    with_gold, with_model = {}, {}
    for document in gold:
        matching = sorted(
            (t for t in trees if t.text in document.text), key=lambda t: document.text.find(t.text)
        )
        parsed = document_from_trees(matching, document.text)
        with_gold[document.id] = [q.to_dict() for q in attributor.extract_parsed(parsed)]
        with_model[document.id] = [q.to_dict() for q in attributor.extract(document.text)]
    for label, system, model in (
        ("gold UD parses", with_gold, "gold-ud"),
        ("shipped model", with_model, attributor.parser.name),
    ):
        scores = score(gold, system, model=model)
        print(f"== {len(gold)} items, {label}")
        print(json.dumps(scores.to_dict(), indent=2) if args.json else format_table(scores))


if __name__ == "__main__":
    main()
