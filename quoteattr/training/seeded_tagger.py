"""Continue training Stanza's tagger from saved weights (Stanza's tagger has no checkpoints).

``python -m quoteattr.training.seeded_tagger SEED_MODEL [stanza tagger arguments]`` runs
``stanza.models.tagger`` with its first trainer built from ``SEED_MODEL`` instead of random
weights. The step count, dev history and optimizer state start afresh. The seed must have been
trained on the same sentences: its word, character and tag vocabularies have to equal the ones
Stanza builds from the data, or the indexes would mean other words. Its feature vocabulary is
kept even where the data's differs, so a seed can go on learning from data whose features were
harmonised since (:func:`quoteattr.training.data.harmonise_features` only removes features).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any


def seed_vocabulary(seed_vocab: Any, built: Any, seed: str) -> Any:
    """The seed's vocabularies (Stanza ``MultiVocab``s) where they agree with those ``built`` from the
    data on everything but the features; else a ``SystemExit`` that says which differs."""
    # A MultiVocab has keys() but no iteration of its own.
    keys = list(built.keys())
    if set(keys) != set(seed_vocab.keys()):
        raise SystemExit(f"{seed} has other vocabularies; retrain the tagger")
    for key in keys:
        if key != "feats" and built[key].state_dict() != seed_vocab[key].state_dict():
            raise SystemExit(f"{seed} was trained with another {key} vocabulary; retrain the tagger")
    return seed_vocab


def main(argv: Sequence[str]) -> None:
    import torch
    from stanza.models import tagger
    from stanza.models.pos.data import Dataset
    from stanza.models.pos.trainer import Trainer
    from stanza.models.pos.vocab import MultiVocab

    if not argv:
        raise SystemExit(
            "usage: python -m quoteattr.training.seeded_tagger SEED_MODEL [stanza tagger arguments]"
        )
    seed, *stanza_args = argv
    seeded = False
    seed_vocab = MultiVocab.load_state_dict(torch.load(seed, map_location="cpu", weights_only=False)["vocab"])
    build_vocab = Dataset.init_vocab

    def init_vocab(*args: Any, **kwargs: Any) -> Any:
        return seed_vocabulary(seed_vocab, build_vocab(*args, **kwargs), seed)

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
    Dataset.init_vocab = staticmethod(init_vocab)
    tagger.main(list(stanza_args))


if __name__ == "__main__":
    main(sys.argv[1:])
