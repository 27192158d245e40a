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

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, TextIO

from quoteattr.compact import expand
from quoteattr.normalize import for_parser
from quoteattr.training import data
from quoteattr.training.vectors import _INPUT_WEIGHTS, save_fresh_start, text_paragraphs


def paragraphs(train_conllu: Path, news: Path, novels: Path) -> Iterator[str]:
    """Running text, one paragraph per item: each sentence of ``train_conllu``, each paragraph
    of the news articles (JSON lines with ``title`` and ``text``) and of the novels (``*.txt``
    in ``novels``, paragraphs split by blank lines); whitespace collapsed, quotation marks as
    the parser gets them."""
    yield from gold_text(train_conllu)
    for paragraph in text_paragraphs(news, novels):
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


def swapped_state(
    state: Mapping[str, Any], kind: str, char_dim: int, charlm_dim: int, char_map: Any = None
) -> dict[str, Any]:
    """A copy of a Stanza ``kind`` (``"parser"`` or ``"tagger"``) model's state dict that reads
    ``charlm_dim`` charlm features (forward and backward together) instead of its own character
    model: Stanza uses one or the other, and puts either last in the first layer's input. The
    last ``char_dim`` input columns (the character model's projection) become ``charlm_dim``
    columns: zeros, or with ``char_map`` (a ``char_dim`` × ``charlm_dim`` tensor that predicts
    the projection from the charlm features, :func:`char_feature_map`) the old columns times
    that map, so the model starts out computing about what it did. The character model's weights
    are dropped; the word-dropout replacement vector gets zeros there."""
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
        if char_map is None:
            columns = torch.zeros(weight.shape[0], charlm_dim)
        else:
            columns = weight[:, -char_dim:] @ char_map.float()
        swapped[key] = torch.cat([weight[:, :-char_dim], columns], dim=1)
    replacement = swapped["drop_replacement"]
    swapped["drop_replacement"] = torch.cat([replacement[:-char_dim], torch.zeros(charlm_dim)])
    return swapped


def charlm_dim(charlm_file: Path) -> int:
    """The hidden size of the Stanza charlm saved in ``charlm_file``."""
    import torch

    saved = torch.load(charlm_file, map_location="cpu", weights_only=False)
    return int(saved["model"]["args"]["char_hidden_dim"])


def swap_checkpoint(
    source: Path, target: Path, kind: str, forward: Path, backward: Path, char_map: Any = None
) -> None:
    """Write ``target``: the Stanza model file ``source`` with its character model swapped
    (:func:`swapped_state`, with ``char_map`` if given) for the charlm pair
    ``forward``/``backward``, its config pointing at them, its training history cleared."""
    import torch

    checkpoint = expand(torch.load(source, map_location="cpu", weights_only=False))
    config = checkpoint["config"]
    dim = charlm_dim(forward) + charlm_dim(backward)
    checkpoint["model"] = swapped_state(
        checkpoint["model"], kind, int(config["transformed_dim"]), dim, char_map
    )
    config.update(charlm=True, charlm_forward_file=str(forward), charlm_backward_file=str(backward))
    save_fresh_start(checkpoint, target)


def ridge_map(charlm_features: Any, char_features: Any, dropout: float = 0.0, strength: float = 1e-3) -> Any:
    """The map (``char_dim`` × ``charlm_dim``) whose transpose best predicts ``char_features``
    (rows: a character model's projection of some words) from ``charlm_features`` (the same
    words' charlm features), in expectation under the input ``dropout`` the model trains with.

    Stanza drops each input of the first layer with probability ``dropout`` and scales the rest
    by ``1 / (1 - dropout)``. The expected squared error of a map under that noise is its error
    without noise plus ``dropout / (1 - dropout)`` times each feature's mean square times its
    squared weights: ridge regression with that diagonal penalty (plus ``strength`` times the mean
    of the diagonal, for a well-posed solve). Without it, the map's large cancelling weights
    would turn dropout into noise far beyond what the model learned to bear."""
    import torch

    x = charlm_features.double()
    y = char_features.double()
    gram = x.T @ x
    diagonal = gram.diagonal()
    penalty = torch.diag(dropout / (1 - dropout) * diagonal + strength * diagonal.mean())
    solution = torch.linalg.solve(gram + penalty, x.T @ y)  # charlm_dim x char_dim
    return solution.T.float()


def char_feature_map(
    kind: str, stanza_options: Mapping[str, Any], forward: Path, backward: Path, sentences: list[list[str]]
) -> tuple[Any, float]:
    """The :func:`ridge_map` from the charlm pair's features to the character-model projection
    of the trained ``kind`` model that a ``stanza.Pipeline`` with ``stanza_options`` loads,
    fitted on ``sentences`` (word lists); with it, the share of the projection's variance that
    it explains.

    Each sentence goes through the pipeline alone, so the projection's rows (read with a forward
    hook on ``trans_char``) come in word order; the parser's have its ROOT first, as do its
    charlm features (Stanza gives ROOT the text ``"\\n"``)."""
    import stanza
    import torch
    from stanza.models.common.char_model import CharacterLanguageModel

    processor = {"tagger": "pos", "parser": "depparse"}[kind]
    pipeline = stanza.Pipeline(**stanza_options)
    model = pipeline.processors[processor]._trainer.model
    captured: list[Any] = []
    handle = model.trans_char.register_forward_hook(
        lambda module, args, output: captured.append(output.detach())
    )
    charlms = [CharacterLanguageModel.load(str(path)) for path in (forward, backward)]
    for charlm in charlms:
        charlm.eval()  # no dropout; Stanza's eval() returns nothing to chain
    inputs, targets = [], []
    try:
        with torch.no_grad():
            for words in sentences:
                captured.clear()
                pipeline([words])
                text = [["\n", *words]] if kind == "parser" else [words]
                features = torch.cat([lm.build_char_representation(text)[0] for lm in charlms], dim=1)
                if len(captured) == 1 and captured[0].shape[0] == features.shape[0]:
                    inputs.append(features)
                    targets.append(captured[0])
    finally:
        handle.remove()
    x, y = torch.cat(inputs), torch.cat(targets)
    mapping = ridge_map(x, y, dropout=float(model.args.get("dropout", 0.0)))
    residual = (y - x @ mapping.T).pow(2).sum()
    explained = 1 - float(residual / (y - y.mean(dim=0)).pow(2).sum())
    return mapping, explained
