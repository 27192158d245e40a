"""The Stanza adapter: the one place where inference touches Stanza.

quoteattr tokenises and splits sentences itself (:mod:`quoteattr.segment`), so the
parser receives pretokenised sentences and returns one :class:`WordAnalysis` per token.
Anything that satisfies the :class:`DependencyParser` protocol can stand in for Stanza
(tests use gold CoNLL-U trees this way).

Two kinds of model folder are understood:

* quoteattr's own compact models (the default, shipped in ``quoteattr/models/nl``): a
  folder with a ``quoteattr-model.json`` manifest naming the model files;
* an official Stanza resources folder, as made by ``stanza.download("nl", model_dir=…)``
  on a machine with internet, loaded with Stanza's usual resource lookup.

Neither ever reaches for the network (``download_method=None``).
"""

from __future__ import annotations

import contextlib
import json
import logging
import unicodedata
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import attrs

from quoteattr.document import ParsedDocument, Sentence, Token
from quoteattr.errors import ModelError, ModelNotFoundError, ParseError
from quoteattr.normalize import for_parser

__all__ = [
    "WordAnalysis",
    "DependencyParser",
    "StanzaParser",
    "default_model_dir",
    "document_from_stanza",
    "MANIFEST",
]

MANIFEST = "quoteattr-model.json"
_PROCESSOR_FILES = ("pos", "lemma", "depparse")


@attrs.frozen(slots=True)
class WordAnalysis:
    """What the parser says about one pretokenised word."""

    lemma: str
    """Lemma, or ``_`` when the pipeline has no lemmatizer."""
    upos: str
    """Universal POS tag."""
    feats: str
    """UD features or ``_``."""
    head: int
    """1-based index of the head word in the sentence, 0 for the root."""
    deprel: str
    """Dependency relation."""


@runtime_checkable
class DependencyParser(Protocol):
    """Parses pretokenised sentences: one analysis per given token, in order."""

    @property
    def name(self) -> str:
        """A short identifier of the model, recorded in evaluation signatures."""
        ...

    def parse(self, sentences: Sequence[Sequence[str]]) -> list[list[WordAnalysis]]:
        """Analyse each sentence; the result has the same shape as ``sentences``."""
        ...


def default_model_dir() -> Path:
    """The folder of the shipped compact Dutch models."""
    return Path(str(resources.files("quoteattr") / "models" / "nl"))


def _clean_token(token: str) -> str:
    """The token as the parser sees it: straight quotes, no control or surrogate chars.

    Offsets never come from here, so the mapping need not keep lengths.
    """
    token = for_parser(token)
    if token.isprintable() and token.isascii():
        return token
    chars = []
    for char in token:
        category = unicodedata.category(char)
        # Cc/Cs/Cf/Co: control, lone surrogate, format (zero-width, bidi), private use.
        chars.append("_" if category in ("Cc", "Cs", "Cf", "Co") else char)
    cleaned = "".join(chars)
    return cleaned if cleaned.strip("_") else "_"


@contextlib.contextmanager
def _quiet_stanza() -> Iterator[None]:
    logger = logging.getLogger("stanza")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


class StanzaParser:
    """A :class:`DependencyParser` backed by a ``stanza.Pipeline``.

    Args:
        model_dir: quoteattr model folder (with a manifest) or a Stanza resources folder.
            None means the shipped models.
        use_gpu: let Stanza use a GPU when one is present.
        batch_size: words per POS/parse batch.
        package: Stanza package name for an official resources folder (``default``,
            ``alpino``, ``lassysmall``).
    """

    def __init__(
        self,
        model_dir: str | Path | None = None,
        *,
        use_gpu: bool = False,
        batch_size: int = 3000,
        package: str = "default",
    ) -> None:
        directory = Path(model_dir) if model_dir is not None else default_model_dir()
        if not directory.is_dir():
            raise ModelNotFoundError(f"model folder not found: {directory}")
        # The parser reads lemmas as input, so the (dictionary) lemmatizer always runs.
        processors = "tokenize,pos,lemma,depparse"
        options: dict[str, Any] = {
            "lang": "nl",
            "dir": str(directory),
            "processors": processors,
            "tokenize_pretokenized": True,
            "download_method": None,
            "use_gpu": use_gpu,
            "pos_batch_size": batch_size,
            "depparse_batch_size": batch_size,
            "lemma_batch_size": batch_size,
            "logging_level": "ERROR",
        }
        manifest_path = directory / MANIFEST
        if manifest_path.is_file():
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
            self._name = str(manifest.get("name", directory.name))
            options["allow_unknown_language"] = True
            for processor in _PROCESSOR_FILES:
                path = directory / manifest["files"][processor]
                if not path.is_file():
                    raise ModelNotFoundError(f"{processor} model not found: {path}")
                options[f"{processor}_model_path"] = str(path)
            if not (directory / "resources.json").is_file():
                raise ModelNotFoundError(f"resources.json missing in {directory}")
        else:
            self._name = f"stanza-nl-{package}"
            options["package"] = package
        try:
            import stanza

            with _quiet_stanza():
                self._pipeline = stanza.Pipeline(**options)
        except ModelError:
            raise
        except Exception as exc:  # Stanza raises many kinds; callers get one.
            raise ModelError(f"could not load the Stanza models from {directory}: {exc}") from exc

    @property
    def name(self) -> str:
        return self._name

    def parse(self, sentences: Sequence[Sequence[str]]) -> list[list[WordAnalysis]]:
        batch = [[_clean_token(token) for token in sentence] for sentence in sentences if sentence]
        if not batch:
            return [[] for _ in sentences]
        try:
            with _quiet_stanza():
                document = self._pipeline(batch)
        except Exception as exc:
            raise ParseError(f"Stanza failed on a batch of {len(batch)} sentences: {exc}") from exc
        parsed = iter(document.sentences)
        results: list[list[WordAnalysis]] = []
        for sentence in sentences:
            if not sentence:
                results.append([])
                continue
            words = next(parsed).words
            if len(words) != len(sentence):
                raise ParseError(f"Stanza returned {len(words)} words for {len(sentence)} tokens")
            results.append(
                [
                    WordAnalysis(
                        lemma=word.lemma or "_",
                        upos=word.upos or "X",
                        feats=word.feats or "_",
                        head=int(word.head or 0),
                        deprel=word.deprel or "dep",
                    )
                    for word in words
                ]
            )
        return results


def document_from_stanza(document: Any) -> ParsedDocument:
    """Convert a parsed ``stanza.Document`` (with character offsets) into a :class:`ParsedDocument`."""
    text = getattr(document, "text", None)
    stanza_sentences = getattr(document, "sentences", None)
    if not isinstance(text, str) or stanza_sentences is None:
        raise TypeError("expected a stanza.Document with .text and .sentences")
    sentences = []
    paragraph = 0
    previous_end = 0
    for stanza_sentence in stanza_sentences:
        tokens = []
        for word in stanza_sentence.words:
            source = word.parent if word.parent is not None else word
            start, end = int(source.start_char), int(source.end_char)
            tokens.append(
                Token(
                    int(word.id),
                    text[start:end],
                    word.lemma or "_",
                    word.upos or "X",
                    word.feats or "_",
                    int(word.head or 0),
                    word.deprel or "dep",
                    start,
                    end,
                )
            )
        if not tokens:
            continue
        if "\n\n" in text[previous_end : tokens[0].start]:
            paragraph += 1
        previous_end = tokens[-1].end
        sentences.append(Sentence(tuple(tokens), paragraph))
    return ParsedDocument(text, tuple(sentences))
