"""Continue training Stanza's tagger from saved weights (Stanza's tagger has no checkpoints).

``python -m quoteattr.training.seeded_tagger SEED_MODEL [stanza tagger arguments]`` runs
``stanza.models.tagger`` with its first trainer built from ``SEED_MODEL`` instead of random
weights. The step count, dev history and optimizer state start afresh. The seed must have been
trained on the same training file: its vocabulary has to equal the one Stanza builds from
the data, or the word indexes would mean different words.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any


def main(argv: Sequence[str]) -> None:
    from stanza.models import tagger
    from stanza.models.pos.trainer import Trainer

    if not argv:
        raise SystemExit(
            "usage: python -m quoteattr.training.seeded_tagger SEED_MODEL [stanza tagger arguments]"
        )
    seed, *stanza_args = argv
    seeded = False

    class SeededTrainer(Trainer):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            nonlocal seeded
            vocab = kwargs.get("vocab")
            if not seeded and kwargs.get("model_file") is None and vocab is not None:
                seeded = True
                kwargs["model_file"] = seed
                super().__init__(*args, **kwargs)
                if self.vocab.state_dict() != vocab.state_dict():
                    raise SystemExit(f"{seed} was trained with another vocabulary; retrain the tagger")
                print(f"tagger seeded from {seed}", file=sys.stderr, flush=True)
                return
            super().__init__(*args, **kwargs)

    tagger.Trainer = SeededTrainer
    tagger.main(list(stanza_args))


if __name__ == "__main__":
    main(sys.argv[1:])
