"""Atheris harness for the text layer: quote-mark scanner, mark offsets, paragraphs, segmenter.

    nice -n 15 python tests/fuzz/fuzz_scanner.py -runs=1000000 -artifact_prefix=work/fuzz/ \
        work/fuzz/corpus-scanner

Not collected by pytest (the name does not start with ``test_``). Each input becomes one text,
either raw Unicode (surrogates included) or a string of fragments dense in quotation marks,
apostrophes, paragraph breaks, control, zero-width, bidi and combining characters and HTML markup;
the harness runs :func:`quoteattr.marks.scan`, :func:`~quoteattr.marks.quote_mark_offsets`,
:func:`~quoteattr.marks.paragraph_spans` and :func:`quoteattr.segment.segment` (with the mark
offsets and a few arbitrary offsets as ``split_at``, as the pipeline calls it) and checks their
offset invariants. Any exception or failed check is a crash that atheris reports with the input.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from quoteattr.marks import QuotedStretch, paragraph_spans, quote_mark_offsets, scan
    from quoteattr.markup import markup_spans
    from quoteattr.segment import MAX_SENTENCE_TOKENS, MAX_TOKEN_CHARS, SentenceSpan, segment

MARK_CHARACTERS = frozenset(",\"'‘’‚‛“”„‟«»‹›")
# Invisible format characters, no part of any token (written out here, not taken from segment.py).
INVISIBLE = frozenset(
    "\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062"
    "\u2063\u2064\u2066\u2067\u2068\u2069\u206a\u206b\u206c\u206d\u206e\u206f\ufeff"
)

FRAGMENTS: tuple[str, ...] = (
    *"\"'‘’‚‛“”„‟«»‹›`",
    ",,",
    "''",
    "``",
    ",,,",
    ",",
    " ",
    "  ",
    ".",
    ":",
    ";",
    "?",
    "!",
    "…",
    "...",
    "(",
    ")",
    "[",
    "-",
    "–",
    "—",
    "/",
    "\n",
    "\n\n",
    "\n \n",
    "\r\n",
    "\r\n\r\n",
    "\r",
    "\r\r",
    "\t",
    "\u2028",
    "\u2029",
    "\x00",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x1f",
    "\x7f",
    "\x85",
    "\u00a0",
    "\u00ad",
    "\u200b",
    "\u200d",
    "\u200e",
    "\u200f",
    "\u202e",
    "\u2066",
    "\u2069",
    "\ufeff",
    "\ud800",
    "\udfff",
    "\U0001f600",
    "e\u0301",
    "\u0301",
    "a",
    "s",
    "t",
    "n",
    "80",
    "3,5",
    "1.000",
    "12:30",
    "Het",
    "De",
    "zei",
    "hij",
    "Jan",
    "dhr.",
    "J.",
    "o.a.",
    "'s",
    "'t",
    "'n'",
    "'80",
    "zo'n",
    "auto's",
    "foto’s",
    "Kees'",
    "'s-Hertogenbosch",
    "www.nos.nl",
    "http://x.nl/a?b=c",
    "a@b.nl",
    "#tag",
    "<p>",
    "</p>",
    "<b>",
    '<a href="x">',
    "<img alt='",
    "<!--",
    "-->",
    ">",
    "<",
    "&quot;",
    "x" * 50,
)


def is_space(char: str) -> bool:
    return char.isspace() or char in INVISIBLE


def outside_markup(text: str) -> list[bool]:
    """For each offset of ``text``: whether it lies outside every piece of markup."""
    outside = [True] * len(text)
    previous_end = 0
    for start, end in markup_spans(text):
        assert previous_end <= start < end <= len(text)
        assert text[start] == "<"
        assert text[end - 1] == ">"
        outside[start:end] = [False] * (end - start)
        previous_end = end
    return outside


def make_text(fdp: atheris.FuzzedDataProvider) -> str:
    """Raw Unicode, or fragments picked by the input bytes."""
    if fdp.ConsumeBool():
        return str(fdp.ConsumeUnicode(fdp.ConsumeIntInRange(0, 400)))
    parts = []
    for _ in range(fdp.ConsumeIntInRange(0, 120)):
        if fdp.ConsumeProbability() < 0.1:
            parts.append(str(fdp.ConsumeUnicode(3)))
        else:
            parts.append(FRAGMENTS[fdp.ConsumeIntInRange(0, len(FRAGMENTS) - 1)])
    return "".join(parts)


def check_stretches(text: str, stretches: list[QuotedStretch]) -> None:
    """Offsets in bounds, marks around the content, text order, no overlap, within a paragraph."""
    paragraphs = paragraph_spans(text)
    previous_end = 0
    previous_paragraph = 0
    for s in stretches:
        assert 0 <= previous_end <= s.open_start < s.open_end == s.content_start <= s.content_end <= len(text)
        assert s.opener == text[s.open_start : s.open_end]
        assert set(s.opener) <= MARK_CHARACTERS
        if s.close_start is not None:
            assert s.close_end is not None
            assert s.closer is not None
            assert s.content_end == s.close_start < s.close_end == s.end <= len(text)
            assert s.closer == text[s.close_start : s.close_end]
            assert set(s.closer) <= MARK_CHARACTERS
        else:
            assert s.close_end is None
            assert s.closer is None
            assert s.end == s.content_end > s.content_start
        para_start, para_end = paragraphs[s.paragraph]
        assert para_start <= s.open_start
        assert s.end <= para_end
        assert s.paragraph >= previous_paragraph
        inner_end = s.content_start
        for start, end in s.inner_marks:
            assert inner_end <= start < end <= s.content_end
            assert set(text[start:end]) <= MARK_CHARACTERS
            inner_end = end
        previous_end, previous_paragraph = s.end, s.paragraph


def check_sentences(text: str, sentences: list[SentenceSpan], split_at: set[int]) -> None:
    """Exact, ordered, non-overlapping tokens of bounded size; forced offsets are tokens of their own."""
    paragraphs = paragraph_spans(text)
    outside = outside_markup(text)
    position = 0
    paragraph = 0
    flat: list[tuple[int, int]] = []
    for sentence in sentences:
        assert 0 < len(sentence.tokens) <= MAX_SENTENCE_TOKENS
        assert (sentence.start, sentence.end) == (sentence.tokens[0][0], sentence.tokens[-1][1])
        assert sentence.paragraph >= paragraph
        paragraph = sentence.paragraph
        para_start, para_end = paragraphs[sentence.paragraph]
        assert para_start <= sentence.start
        assert sentence.end <= para_end
        for start, end in sentence.tokens:
            assert position <= start < end <= len(text)
            assert end - start <= MAX_TOKEN_CHARS
            assert not any(is_space(char) for char in text[start:end])
            assert all(outside[start:end])
            assert all(is_space(text[i]) or not outside[i] for i in range(position, start))
            position = end
            flat.append((start, end))
    assert all(is_space(text[i]) or not outside[i] for i in range(position, len(text)))
    starts = [start for start, _ in flat]
    for offset in split_at:
        if 0 <= offset < len(text) and not is_space(text[offset]) and outside[offset]:
            index = _token_at(starts, offset)
            start, end = flat[index]
            assert start <= offset < end
            assert end - start == 1 or (
                end - start == 2 and text[start:end] in (",,", "''", "``") and {start, start + 1} <= split_at
            )


def _token_at(starts: list[int], offset: int) -> int:
    low, high = 0, len(starts)
    while high - low > 1:
        middle = (low + high) // 2
        if starts[middle] <= offset:
            low = middle
        else:
            high = middle
    return low


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    text = make_text(fdp)
    extra = set(fdp.ConsumeIntListInRange(fdp.ConsumeIntInRange(0, 4), -2, len(text) + 2))
    stretches = scan(text)
    check_stretches(text, stretches)
    assert scan(text) == stretches  # deterministic
    offsets = quote_mark_offsets(text, stretches)
    assert offsets == quote_mark_offsets(text)
    assert all(0 <= offset < len(text) and text[offset] in MARK_CHARACTERS for offset in offsets)
    outside = outside_markup(text)
    assert all(outside[offset] for offset in offsets)  # quotes inside markup are no marks
    split_at = set(offsets) | extra
    check_sentences(text, segment(text, split_at=split_at), split_at)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
