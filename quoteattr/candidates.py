"""Candidate selection: which sentences are worth a parse.

Parsing dominates the cost, and most sentences of a news article hold no quote. A
sentence is parsed when it can hold or anchor a quote: it contains a quotation mark, a
colon, or a word form of the cue lexicon (verbs of saying, ``volgens``, ``aldus``, noun
cues). Everything else costs one pass over the tokens.
"""

from __future__ import annotations

from collections.abc import Sequence

from quoteattr.lexicon import Lexicon
from quoteattr.marks import QuotedStretch
from quoteattr.segment import SentenceSpan

__all__ = ["select"]


def select(
    text: str,
    sentences: Sequence[SentenceSpan],
    stretches: Sequence[QuotedStretch],
    lexicon: Lexicon,
) -> list[bool]:
    """For each sentence, whether it should be parsed."""
    forms = lexicon.all_forms
    marks: list[int] = []
    for stretch in stretches:
        marks.append(stretch.open_start)
        if stretch.close_start is not None:
            marks.append(stretch.close_start)
    marks.sort()
    chosen = [False] * len(sentences)
    mark_index = 0
    for index, sentence in enumerate(sentences):
        # Marks and sentences are both in text order: one merge pass, no quadratic scan.
        while mark_index < len(marks) and marks[mark_index] < sentence.start:
            mark_index += 1
        if mark_index < len(marks) and marks[mark_index] < sentence.end:
            chosen[index] = True
            continue
        for start, end in sentence.tokens:
            word = text[start:end]
            if word == ":" or word.casefold() in forms:
                chosen[index] = True
                break
    return chosen
