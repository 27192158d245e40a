"""The :class:`Attributor`: text in, :class:`~quoteattr.quote.Quote` objects out.

Pipeline, one module per stage::

    text ─ marks.scan ─ segment.segment ─ candidates.select ─ parser.parse
         ─ sieves.run_sieves ─ speakers.resolve ─ list[Quote]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from quoteattr.candidates import select
from quoteattr.document import ParsedDocument, Sentence, Token
from quoteattr.lexicon import Lexicon, load
from quoteattr.marks import QuotedStretch, quote_mark_offsets, scan
from quoteattr.parsing import DependencyParser, StanzaParser, WordAnalysis, document_from_stanza
from quoteattr.quote import Quote
from quoteattr.segment import SentenceSpan, segment
from quoteattr.sieves import run_sieves
from quoteattr.speakers import resolve

__all__ = ["Attributor"]


def _check_text(text: object, name: str = "text") -> str:
    if not isinstance(text, str):
        raise TypeError(f"{name} must be str, not {type(text).__name__}")
    return text


class Attributor:
    """Finds quotations in Dutch text and attributes them to speakers.

    Args:
        model_dir: a quoteattr model folder or an official Stanza resources folder;
            None uses the compact Dutch models shipped with the package.
        use_gpu: let Stanza use a GPU.
        parser: any :class:`~quoteattr.parsing.DependencyParser`; overrides ``model_dir``.
        parse_all: parse every sentence instead of only the candidate sentences (the
            slower baseline; results should be the same).
        batch_size: words per Stanza batch.

    The Stanza models are loaded on first use, so constructing an Attributor is cheap.
    """

    def __init__(
        self,
        model_dir: str | Path | None = None,
        *,
        use_gpu: bool = False,
        parser: DependencyParser | None = None,
        parse_all: bool = False,
        batch_size: int = 3000,
    ) -> None:
        if model_dir is not None and not isinstance(model_dir, str | Path):
            raise TypeError(f"model_dir must be str or Path, not {type(model_dir).__name__}")
        if parser is not None and not isinstance(parser, DependencyParser):
            raise TypeError("parser must implement quoteattr.parsing.DependencyParser")
        self._model_dir = model_dir
        self._use_gpu = use_gpu
        self._parser = parser
        self._batch_size = batch_size
        self.parse_all = parse_all
        self.lexicon: Lexicon = load()

    @property
    def parser(self) -> DependencyParser:
        """The dependency parser (loaded on first access)."""
        if self._parser is None:
            self._parser = StanzaParser(self._model_dir, use_gpu=self._use_gpu, batch_size=self._batch_size)
        return self._parser

    # -- public API ------------------------------------------------------------------

    def extract(self, text: str) -> list[Quote]:
        """The quotes of one document, in text order."""
        _check_text(text)
        return next(self.extract_many([text]))

    def extract_many(self, texts: Iterable[str], *, batch_docs: int = 16) -> Iterator[list[Quote]]:
        """The quotes of each document, in input order; sentences are parsed in batches across documents."""
        if isinstance(texts, str | bytes):
            raise TypeError("extract_many takes an iterable of str; use extract() for one text")
        batch: list[str] = []
        for position, text in enumerate(texts):
            batch.append(_check_text(text, f"texts[{position}]"))
            if len(batch) >= batch_docs:
                yield from self._extract_batch(batch)
                batch = []
        if batch:
            yield from self._extract_batch(batch)

    def extract_parsed(self, doc: ParsedDocument | Any) -> list[Quote]:
        """The quotes of an already-parsed document: a :class:`ParsedDocument` or a ``stanza.Document``."""
        if not isinstance(doc, ParsedDocument):
            doc = document_from_stanza(doc)
        stretches = scan(doc.text)
        return self._attribute(doc, stretches)

    def parse(self, text: str) -> ParsedDocument:
        """Segment ``text`` and parse its candidate sentences (what :meth:`extract` works on)."""
        _check_text(text)
        return self._parse_batch([text])[0][0]

    # -- internals ---------------------------------------------------------------------

    def _attribute(self, doc: ParsedDocument, stretches: Sequence[QuotedStretch]) -> list[Quote]:
        attributions = run_sieves(doc, stretches, self.lexicon)
        return resolve(doc, attributions, self.lexicon)

    def _extract_batch(self, texts: Sequence[str]) -> list[list[Quote]]:
        return [self._attribute(doc, stretches) for doc, stretches in self._parse_batch(texts)]

    def _parse_batch(self, texts: Sequence[str]) -> list[tuple[ParsedDocument, list[QuotedStretch]]]:
        prepared: list[tuple[str, list[QuotedStretch], list[SentenceSpan], list[bool]]] = []
        requests: list[list[str]] = []
        for text in texts:
            if not text.strip():
                prepared.append((text, [], [], []))
                continue
            stretches = scan(text)
            spans = segment(text, split_at=quote_mark_offsets(text, stretches))
            chosen = [True] * len(spans) if self.parse_all else select(text, spans, stretches, self.lexicon)
            prepared.append((text, stretches, spans, chosen))
            requests.extend(
                [text[s:e] for s, e in span.tokens] for span, keep in zip(spans, chosen, strict=True) if keep
            )
        analyses: Iterator[list[WordAnalysis]] = iter(self.parser.parse(requests) if requests else [])
        results = []
        for text, stretches, spans, chosen in prepared:
            sentences = []
            for span, keep in zip(spans, chosen, strict=True):
                words = next(analyses) if keep else None
                sentences.append(_sentence(text, span, words))
            results.append((ParsedDocument(text, tuple(sentences)), stretches))
        return results


def _sentence(text: str, span: SentenceSpan, words: Sequence[WordAnalysis] | None) -> Sentence:
    tokens = []
    for index, (start, end) in enumerate(span.tokens, start=1):
        if words is None:
            tokens.append(Token(index, text[start:end], "_", "X", "_", 0, "_", start, end))
        else:
            w = words[index - 1]
            tokens.append(
                Token(index, text[start:end], w.lemma, w.upos, w.feats, w.head, w.deprel, start, end)
            )
    return Sentence(tuple(tokens), span.paragraph, parsed=words is not None)
