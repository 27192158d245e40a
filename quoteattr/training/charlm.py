"""Dutch character language models built here, and trained Stanza models widened to read them.

Stanza's taggers and parsers can read the hidden states of a forward and a backward character
language model (charlm) at the end of each word: context and spelling that the treebank alone is
too small to teach. No Dutch charlm can be downloaded on the training machine, so one is trained
with Stanza's own trainer (``stanza.models.charlm``) on the running text in the shared data
folder: the training treebank's sentences, the news articles and the novels, never UD dev or
test. The text is passed through :func:`quoteattr.normalize.for_parser` first, so the charlm sees
the quotation marks the pipeline gives Stanza.

As with the word vectors (:mod:`quoteattr.training.vectors`), a trained model is *widened*
instead of trained again: Stanza concatenates the two charlm states with the other word inputs
before the first LSTM layer, so the widened model gets zero weights for those input columns and
computes what it computed before until training moves them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, TextIO

from quoteattr.normalize import for_parser
from quoteattr.training import data
from quoteattr.training.vectors import _INPUT_WEIGHTS


def paragraphs(train_conllu: Path, news: Path, novels: Path) -> Iterator[str]:
    """Running text, one paragraph per item: each sentence of ``train_conllu``, each paragraph
    of the news articles (JSON lines with ``title`` and ``text``) and of the novels (``*.txt``
    in ``novels``, paragraphs split by blank lines); whitespace collapsed, quotation marks as
    the parser gets them."""
    yield from gold_text(train_conllu)
    with news.open(encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            for field in ("title", "text"):
                for paragraph in str(article.get(field) or "").split("\n"):
                    if text := " ".join(paragraph.split()):
                        yield for_parser(text)
    for book in sorted(novels.glob("*.txt")):
        for paragraph in book.read_text(encoding="utf-8").split("\n\n"):
            if text := " ".join(paragraph.split()):
                yield for_parser(text)


def write_text(items: Iterator[str], out: TextIO) -> int:
    """Write one item per line; the number of characters written."""
    written = 0
    for item in items:
        written += out.write(item + "\n")
    return written


def gold_text(conllu: Path) -> Iterator[str]:
    """The text of each sentence of ``conllu``, rebuilt from its tokens and ``SpaceAfter``."""
    for sentence in data.read_sentences(conllu):
        yield for_parser(sentence.text.strip())


def swapped_state(state: Mapping[str, Any], kind: str, char_dim: int, charlm_dim: int) -> dict[str, Any]:
    """A copy of a Stanza ``kind`` (``"parser"`` or ``"tagger"``) model's state dict that reads
    ``charlm_dim`` charlm features (forward and backward together) instead of its own character
    model: Stanza uses one or the other, and puts either last in the first layer's input. The
    last ``char_dim`` input columns (the character model's projection) become ``charlm_dim`` zero
    columns; the character model's weights are dropped; the word-dropout replacement vector
    gets zeros there (a dropped word then gives no charlm signal)."""
    import torch

    if kind not in _INPUT_WEIGHTS:
        raise ValueError(f"kind must be one of {sorted(_INPUT_WEIGHTS)}, not {kind!r}")
    if "trans_char.weight" not in state:
        raise ValueError("the model has no character model to swap for a charlm")
    swapped = {
        key: value.float() if value.is_floating_point() else value
        for key, value in state.items()
        if not key.startswith(("charmodel.", "trans_char."))
    }
    for key in _INPUT_WEIGHTS[kind]:
        weight = swapped[key]
        swapped[key] = torch.cat([weight[:, :-char_dim], torch.zeros(weight.shape[0], charlm_dim)], dim=1)
    replacement = swapped["drop_replacement"]
    swapped["drop_replacement"] = torch.cat([replacement[:-char_dim], torch.zeros(charlm_dim)])
    return swapped


def charlm_dim(charlm_file: Path) -> int:
    """The hidden size of the Stanza charlm saved in ``charlm_file``."""
    import torch

    saved = torch.load(charlm_file, map_location="cpu", weights_only=False)
    return int(saved["model"]["args"]["char_hidden_dim"])


def swap_checkpoint(source: Path, target: Path, kind: str, forward: Path, backward: Path) -> None:
    """Write ``target``: the Stanza model file ``source`` with its character model swapped
    (:func:`swapped_state`) for the charlm pair ``forward``/``backward``, its config pointing at
    them, its training history cleared."""
    import torch

    checkpoint = torch.load(source, map_location="cpu", weights_only=False)
    config = checkpoint["config"]
    dim = charlm_dim(forward) + charlm_dim(backward)
    checkpoint["model"] = swapped_state(checkpoint["model"], kind, int(config["transformed_dim"]), dim)
    config.update(charlm=True, charlm_forward_file=str(forward), charlm_backward_file=str(backward))
    for key in ("optimizer", "scheduler"):
        checkpoint.pop(key, None)
    checkpoint["global_step"] = 0
    checkpoint["dev_score_history"] = []
    target.parent.mkdir(parents=True, exist_ok=True)
    torch.save(checkpoint, target)
