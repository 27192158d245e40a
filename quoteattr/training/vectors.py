"""Dutch word vectors built here, and trained Stanza models widened to read them.

No pretrained Dutch vectors can be downloaded on the training machine, so they are trained on
the Dutch text in the shared data folder: the gold tokens of the training treebank, the news
articles and the novels (never UD dev or test). FastText (skip-gram with subwords) suits a
corpus of two million words: rare words borrow from their spelling. The vectors go into a
Stanza pretrain file (lower-cased words, as Stanza looks them up).

A model trained without vectors is *widened* to read them instead of being trained again:
Stanza concatenates the vectors' projection with the other word inputs before the first LSTM
layer, so the widened model gets zero weights for those new input columns. It computes exactly
what it computed before until training moves those weights.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import regex

from quoteattr.compact import expand
from quoteattr.training import data

# Words (letters with inner apostrophes or hyphens), numbers, single other characters: close
# enough to UD tokens for vectors of words.
_TOKEN = regex.compile(r"\p{L}+(?:['’-]\p{L}+)*|\p{N}+(?:[.,]\p{N}+)*|[^\s\p{L}\p{N}]")
# The first LSTM layer's input-side weights, per model kind.
_INPUT_WEIGHTS = {
    "parser": ("parserlstm.lstm.0.lstm.weight_ih_l0", "parserlstm.lstm.0.lstm.weight_ih_l0_reverse",
               "parserlstm.highway.0.weight", "parserlstm.gate.0.weight"),
    "tagger": ("taggerlstm.lstm.0.lstm.weight_ih_l0", "taggerlstm.lstm.0.lstm.weight_ih_l0_reverse",
               "taggerlstm.highway.0.weight", "taggerlstm.gate.0.weight"),
}  # fmt: skip


def tokens(text: str) -> list[str]:
    """Lower-cased tokens of ``text``."""
    return [token.lower() for token in _TOKEN.findall(text)]


def text_paragraphs(news: Path, novels: Path) -> Iterator[str]:
    """Each paragraph, as written, of the news articles (JSON lines with ``title`` and
    ``text``, paragraphs split by line breaks) and of the novels (``*.txt`` in ``novels``,
    paragraphs split by blank lines); the running text behind the vectors and the charlm."""
    with news.open(encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            for field in ("title", "text"):
                yield from str(article.get(field) or "").split("\n")
    for book in sorted(novels.glob("*.txt")):
        yield from book.read_text(encoding="utf-8").split("\n\n")


def corpus(train_conllu: Path, news: Path, novels: Path) -> Iterator[list[str]]:
    """Lower-cased token lists: the sentences of ``train_conllu`` (its gold tokens) and each
    paragraph of :func:`text_paragraphs` that has any."""
    for sentence in data.read_sentences(train_conllu):
        yield [row[1].lower() for row in sentence.rows]
    for paragraph in text_paragraphs(news, novels):
        if found := tokens(paragraph):
            yield found


def train_vectors(
    sentences: list[list[str]], vec_file: Path, pretrain_file: Path, dim: int, max_words: int, seed: int = 1
) -> int:
    """Train FastText vectors and write the ``max_words`` most frequent words as a text
    ``vec_file`` and a Stanza ``pretrain_file``; the number of words written."""
    try:
        from gensim.models import FastText
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise SystemExit("word vectors need gensim: pip install gensim") from error
    from stanza.models.common.pretrain import Pretrain

    model = FastText(
        sentences=sentences, vector_size=dim, window=5, min_count=2, epochs=10, sg=1, workers=2, seed=seed
    )
    words = [word for word in model.wv.index_to_key[:max_words] if " " not in word]
    vec_file.parent.mkdir(parents=True, exist_ok=True)
    with vec_file.open("w", encoding="utf-8") as out:
        out.write(f"{len(words)} {dim}\n")
        for word in words:
            out.write(word + " " + " ".join(f"{x:.5f}" for x in model.wv[word]) + "\n")
    if pretrain_file.exists():
        pretrain_file.unlink()  # Pretrain reads an existing file instead of the vectors
    Pretrain(str(pretrain_file), str(vec_file)).load()
    return len(words)


def widened_state(
    state: Mapping[str, Any], kind: str, insert_at: int, transformed_dim: int, vector_dim: int, seed: int = 1
) -> dict[str, Any]:
    """A copy of a Stanza ``kind`` (``"parser"`` or ``"tagger"``) model's state dict that also
    reads word vectors of ``vector_dim``: ``transformed_dim`` zero input columns at ``insert_at``
    in the first layer's input weights, a random projection ``trans_pretrained``, and the
    word-dropout replacement vector grown to match."""
    import torch

    if kind not in _INPUT_WEIGHTS:
        raise ValueError(f"kind must be one of {sorted(_INPUT_WEIGHTS)}, not {kind!r}")
    if "trans_pretrained.weight" in state:
        raise ValueError("the model reads word vectors already")
    generator = torch.Generator().manual_seed(seed)
    widened = {key: value.float() if value.is_floating_point() else value for key, value in state.items()}
    for key in _INPUT_WEIGHTS[kind]:
        weight = widened[key]
        zeros = torch.zeros(weight.shape[0], transformed_dim)
        widened[key] = torch.cat([weight[:, :insert_at], zeros, weight[:, insert_at:]], dim=1)
    replacement = widened["drop_replacement"]
    size = replacement.shape[0] + transformed_dim
    extra = torch.randn(transformed_dim, generator=generator) / size**0.5
    widened["drop_replacement"] = torch.cat([replacement[:insert_at], extra, replacement[insert_at:]])
    widened["trans_pretrained.weight"] = (
        torch.randn(transformed_dim, vector_dim, generator=generator) / vector_dim**0.5
    )
    return widened


def widen_checkpoint(source: Path, target: Path, kind: str, pretrain_file: Path) -> None:
    """Write ``target``: the Stanza model file ``source`` widened (:func:`widened_state`) to read
    the vectors of ``pretrain_file``, its config pointing at them, its training history cleared."""
    import torch

    checkpoint = expand(torch.load(source, map_location="cpu", weights_only=False))
    config = checkpoint["config"]
    vector_dim = torch.load(pretrain_file, map_location="cpu", weights_only=False)["emb"].shape[1]
    # The parser puts the vectors first; the tagger after its own word embedding.
    insert_at = 0 if kind == "parser" else int(config["word_emb_dim"])
    checkpoint["model"] = widened_state(
        checkpoint["model"], kind, insert_at, int(config["transformed_dim"]), int(vector_dim)
    )
    config["pretrain"] = True
    config["wordvec_pretrain_file"] = str(pretrain_file)
    save_fresh_start(checkpoint, target)


def save_fresh_start(checkpoint: dict[str, Any], target: Path) -> None:
    """Save a reshaped Stanza ``checkpoint`` at ``target`` as the start of a new training run:
    no optimizer or scheduler state (their shapes no longer fit), step count and dev history
    cleared."""
    import torch

    for key in ("optimizer", "scheduler"):
        checkpoint.pop(key, None)
    checkpoint["global_step"] = 0
    checkpoint["dev_score_history"] = []
    target.parent.mkdir(parents=True, exist_ok=True)
    torch.save(checkpoint, target)
