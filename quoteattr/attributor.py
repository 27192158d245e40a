"""The :class:`Attributor`: text in, :class:`~quoteattr.quote.Quote` objects out.

Pipeline, one module per stage::

    text ─ marks.scan ─ segment.segment ─ candidates.plan ─ parsing.parse_where
         ─ sieves.run_sieves ─ speakers.resolve ─ list[Quote]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from quoteattr.candidates import TREE_PLAN, Plan, plan
from quoteattr.document import ParsedDocument, Sentence, Token
from quoteattr.lexicon import Lexicon, load
from quoteattr.marks import QuotedStretch, paragraph_spans, quote_mark_offsets, scan
from quoteattr.parsing import DependencyParser, SentenceParse, StanzaParser, document_from_stanza, parse_where
from quoteattr.quote import Quote, Span
from quoteattr.segment import SentenceSpan, segment
from quoteattr.sieves import name_runs, run_sieves
from quoteattr.speakers import resolve

__all__ = ["Attributor"]


# Bounds that keep memory and time linear in the length of a document. A document longer than
# BLOCK_CHARS characters is read in blocks of whole paragraphs of about that size (a longer
# paragraph is cut between sentences outside quotations), each block on its own; quotes,
# speakers and names are then resolved within a block. Shorter documents are read whole.
BLOCK_CHARS = 100_000
# The candidate sentences go to the parser in chunks of about this many words …
PARSE_CHUNK_WORDS = 3000
# … and a word reaches it cut to this many characters (Stanza's character model pads every word
# of a batch to the longest one; the offsets of a token never come from the parser).
PARSER_WORD_CHARS = 64


def _check_text(text: object, name: str = "text") -> str:
    if not isinstance(text, str):
        raise TypeError(f"{name} must be str, not {type(text).__name__}")
    return text


def _check_count(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be int, not {type(value).__name__}")
    if value < 1:
        raise ValueError(f"{name} must be at least 1, not {value}")
    return value


def _blocks(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the blocks ``text`` is read in (see :data:`BLOCK_CHARS`)."""
    if len(text) <= BLOCK_CHARS:
        return [(0, len(text))]
    blocks: list[tuple[int, int]] = []
    start = end = -1
    for para_start, para_end in paragraph_spans(text):
        if start >= 0 and para_end - start > BLOCK_CHARS:
            blocks.append((start, end))
            start = -1
        if para_end - para_start > BLOCK_CHARS:
            blocks.extend(_paragraph_blocks(text, para_start, para_end))
            continue
        if start < 0:
            start = para_start
        end = para_end
    if start >= 0:
        blocks.append((start, end))
    return blocks


def _paragraph_blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """One long paragraph cut into blocks of about :data:`BLOCK_CHARS` characters, at sentence
    starts that no quoted stretch spans (a paragraph with no such place stays one block)."""
    paragraph = text[start:end]
    stretches = scan(paragraph)
    sentences = segment(paragraph, split_at=quote_mark_offsets(paragraph, stretches))
    blocks: list[tuple[int, int]] = []
    block_start = 0
    stretch_index = 0
    for sentence in sentences:
        while stretch_index < len(stretches) and stretches[stretch_index].end <= sentence.start:
            stretch_index += 1
        inside = stretch_index < len(stretches) and stretches[stretch_index].start < sentence.start
        if sentence.start - block_start >= BLOCK_CHARS and not inside:
            blocks.append((start + block_start, start + sentence.start))
            block_start = sentence.start
    blocks.append((start + block_start, end))
    return blocks


def _shifted(quote: Quote, offset: int) -> Quote:
    """``quote`` found in a block that starts at ``offset``, with offsets into the whole text."""
    if not offset:
        return quote

    def move(span: Span) -> Span:
        return Span(span.start + offset, span.end + offset, span.text)

    cue = quote.cue if quote.cue is None else attrs.evolve(quote.cue, span=move(quote.cue.span))
    speaker = quote.speaker
    if speaker is not None and speaker.span is not None:
        speaker = attrs.evolve(speaker, span=move(speaker.span))
    return attrs.evolve(quote, content=move(quote.content), cue=cue, speaker=speaker)


def _chunks(requests: Sequence[Sequence[str]], words: int) -> Iterator[tuple[int, int]]:
    """``(first, stop)`` index ranges of ``requests`` holding about ``words`` words each (at least one
    sentence each, so a sentence longer than ``words`` is a chunk of its own)."""
    first = count = 0
    for index, sentence in enumerate(requests):
        if count and count + len(sentence) > words:
            yield first, index
            first, count = index, 0
        count += len(sentence)
    if first < len(requests):
        yield first, len(requests)


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
        batch_size: int = 1500,
    ) -> None:
        if model_dir is not None and not isinstance(model_dir, str | Path):
            raise TypeError(f"model_dir must be str or Path, not {type(model_dir).__name__}")
        if parser is not None and not isinstance(parser, DependencyParser):
            raise TypeError("parser must implement quoteattr.parsing.DependencyParser")
        _check_count(batch_size, "batch_size")
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
        """The quotes of each document, in input order; sentences are parsed in batches across documents.

        ``texts`` and ``batch_docs`` are checked at the call; an element of ``texts`` that is not a
        ``str`` raises :class:`TypeError` (naming its position) when the iteration reaches it.
        """
        if isinstance(texts, str | bytes | bytearray):
            raise TypeError("texts must be an iterable of str, not one str or bytes (use extract())")
        if not isinstance(texts, Iterable):
            raise TypeError(f"texts must be an iterable of str, not {type(texts).__name__}")
        return self._extract_iter(texts, _check_count(batch_docs, "batch_docs"))

    def _extract_iter(self, texts: Iterable[str], batch_docs: int) -> Iterator[list[Quote]]:
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
            if not isinstance(getattr(doc, "text", None), str) or getattr(doc, "sentences", None) is None:
                kind = type(doc).__name__
                raise TypeError(f"doc must be a ParsedDocument or a stanza.Document, not {kind}")
            doc = document_from_stanza(doc)
        _check_text(doc.text, "doc.text")
        stretches = scan(doc.text)
        return self._attribute(doc, stretches)

    def parse(self, text: str) -> ParsedDocument:
        """Segment ``text`` and parse its candidate sentences (what :meth:`extract` works on; a
        text longer than :data:`BLOCK_CHARS` it reads block by block)."""
        _check_text(text)
        return self._parse_batch([text])[0][0]

    # -- internals ---------------------------------------------------------------------

    def _attribute(self, doc: ParsedDocument, stretches: Sequence[QuotedStretch]) -> list[Quote]:
        names = name_runs(doc.text, self.lexicon)  # once for the rules and the resolution
        attributions = run_sieves(doc, stretches, self.lexicon, names)
        return resolve(doc, attributions, self.lexicon, names)

    def _extract_batch(self, texts: Sequence[str]) -> list[list[Quote]]:
        short = [text for text in texts if len(text) <= BLOCK_CHARS]
        found = iter([self._attribute(doc, stretches) for doc, stretches in self._parse_batch(short)])
        return [next(found) if len(text) <= BLOCK_CHARS else self._extract_long(text) for text in texts]

    def _extract_long(self, text: str) -> list[Quote]:
        """The quotes of a text longer than :data:`BLOCK_CHARS`, block by block."""
        quotes: list[Quote] = []
        for start, end in _blocks(text):
            ((doc, stretches),) = self._parse_batch([text[start:end]])
            quotes.extend(_shifted(quote, start) for quote in self._attribute(doc, stretches))
        return quotes

    def _parse_batch(self, texts: Sequence[str]) -> list[tuple[ParsedDocument, list[QuotedStretch]]]:
        prepared: list[tuple[str, list[QuotedStretch], list[SentenceSpan], list[Plan]]] = []
        requests: list[list[str]] = []
        request_plans: list[Plan] = []
        for text in texts:
            if not text.strip():
                prepared.append((text, [], [], []))
                continue
            stretches = scan(text)
            spans = segment(text, split_at=quote_mark_offsets(text, stretches))
            plans = [TREE_PLAN] * len(spans) if self.parse_all else plan(text, spans, stretches, self.lexicon)
            prepared.append((text, stretches, spans, plans))
            for span, sentence_plan in zip(spans, plans, strict=True):
                if sentence_plan.tagged:
                    requests.append([text[s : min(e, s + PARSER_WORD_CHARS)] for s, e in span.tokens])
                    request_plans.append(sentence_plan)
        parses: list[SentenceParse] = []
        for first, stop in _chunks(requests, PARSE_CHUNK_WORDS):
            parses.extend(self._parse_chunk(requests[first:stop], request_plans[first:stop]))
        remaining = iter(parses)
        results = []
        for text, stretches, spans, plans in prepared:
            sentences = []
            for span, sentence_plan in zip(spans, plans, strict=True):
                sentences.append(_sentence(text, span, next(remaining) if sentence_plan.tagged else None))
            results.append((ParsedDocument(text, tuple(sentences)), stretches))
        return results

    def _parse_chunk(self, requests: Sequence[Sequence[str]], plans: Sequence[Plan]) -> list[SentenceParse]:
        if self.parse_all:
            return [SentenceParse(tuple(words), True) for words in self.parser.parse(requests)]
        return parse_where(
            self.parser, requests, lambda i, words: plans[i].wants_tree([w.upos for w in words])
        )


def _sentence(text: str, span: SentenceSpan, parse: SentenceParse | None) -> Sentence:
    tokens = []
    for index, (start, end) in enumerate(span.tokens, start=1):
        if parse is None:
            tokens.append(Token(index, text[start:end], "_", "X", "_", 0, "_", start, end))
        else:
            w = parse.words[index - 1]
            tokens.append(
                Token(index, text[start:end], w.lemma, w.upos, w.feats, w.head, w.deprel, start, end)
            )
    return Sentence(tuple(tokens), span.paragraph, parsed=parse is not None and parse.tree)
