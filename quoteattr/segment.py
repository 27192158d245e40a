"""Split Dutch text into sentences and tokens, with exact character offsets into the text.

The tokens follow the UD Dutch (Alpino/LassySmall) conventions, because the Stanza tagger and
parser learned from those treebanks and get our tokens as pretokenized input: punctuation is split
off words, but abbreviations keep their period (``dhr.``, ``o.a.``, ``J.``, also at the end of a
sentence); ``,,`` ``''`` and ``...`` are single tokens; numbers (``3,5`` ``1.000.000`` ``2-1``
``5,-`` ``50%``), hyphenated words, words with an apostrophe (``auto's`` ``zo'n`` ``'s`` ``'80``),
URLs, e-mail addresses, @handles and #hashtags stay whole. White space, invisible format
characters (zero-width spaces and joiners, direction marks, bidi controls) and HTML markup left in
the text (see :mod:`quoteattr.markup`) are no part of any token.

A sentence ends after ``.`` ``!`` ``?`` ``…`` (and the closing quotes and brackets that follow)
when the next token can start a sentence, at every paragraph break (a blank line), and at a line
break after a line without final punctuation (a headline). Colons never end a sentence. No
sentence is longer than :data:`MAX_SENTENCE_TOKENS` tokens and no token longer than
:data:`MAX_TOKEN_CHARS` characters, so the parser never gets a giant input.

The work is one pass of a compiled pattern and one pass over the tokens: linear in the length of
the text, for any string (control characters, lone surrogates and very long words included).
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Iterator
from functools import cache
from importlib import resources

import attrs
import regex

from quoteattr.markup import markup_spans

__all__ = ["MAX_SENTENCE_TOKENS", "MAX_TOKEN_CHARS", "SentenceSpan", "segment"]

MAX_SENTENCE_TOKENS = 300
"""A longer run of tokens without a sentence end is cut at its best boundary."""
MAX_TOKEN_CHARS = 1000
"""A longer token is cut into pieces of this length."""


@attrs.frozen(slots=True)
class SentenceSpan:
    """One sentence of the text, as the character offsets of its tokens."""

    start: int
    """Offset of the first character of the first token."""
    end: int
    """Offset just past the last character of the last token."""
    tokens: tuple[tuple[int, int], ...]
    """``(start, end)`` of each token in order; ``text[start:end]`` is the token."""
    paragraph: int
    """Index of the paragraph (blocks separated by a blank line or U+2029), counting from 0: the
    index into ``quoteattr.marks.paragraph_spans(text)``, as ``QuotedStretch.paragraph``."""


# Whitespace is never part of a token: what str.isspace() accepts, plus the invisible format
# characters that pasted web text is full of (zero-width spaces and joiners, direction marks,
# bidi embeddings and isolates, the word joiner, the BOM). They are no part of any word, so a cue
# verb or a name glued to one (``zei\u200f``) still reads as itself. The soft hyphen (U+00AD) is a
# break point inside a word and stays in it.
_INVISIBLE_RANGES = (
    (0x061C, 0x061C),
    (0x180E, 0x180E),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x206F),
    (0xFEFF, 0xFEFF),
)
_INVISIBLE = "".join(chr(code) for first, last in _INVISIBLE_RANGES for code in range(first, last + 1))
_INVISIBLE_SET = frozenset(_INVISIBLE)
_SPACE = r"\s\x1c-\x1f" + _INVISIBLE
# Word characters; combining marks and the other format characters (the soft hyphen) belong to
# the word they are in.
_W = rf"[[\p{{L}}\p{{M}}\p{{N}}\p{{Cf}}_]--[{_INVISIBLE}]]"
# What joins two runs of word characters into one token: Noord-Holland, zo'n, en/of, AZ&PC,
# J.Ensor, 3,5, 12:30; and a bracketed part: dader(s).
_JOIN = r"(?:[-'’‘/&.]|(?<=\p{N})[,:](?=\p{N}))"
_WORD_BODY = rf"{_W}++(?:{_JOIN}{_W}++|\({_W}++\){_W}*+)*+"
_TOP_DOMAINS = "nl|be|com|org|net|eu|de|fr|uk|info|nu|tv|io"

# One alternative per kind of token, tried in this order at each position. Every alternative is
# possessive or bounded where it could fail after a long scan, so matching stays linear.
_TOKEN_PATTERN = rf"""
    (?:https?://|ftp://|www\.)[^{_SPACE}<>"“”«»]*[^{_SPACE}<>"“”«».,;:!?)\]'’]
  | {_W}++(?=[{_SPACE};!?)\]}}"”»]|,(?![\p{{N}}\-])|\Z)
  | (?=[\p{{L}}\p{{N}}_.+\-]{{1,64}}+@[\p{{L}}\p{{N}}])
        [\p{{L}}\p{{N}}_.+\-]++@[\p{{L}}\p{{N}}\-]++(?:\.[\p{{L}}\p{{N}}\-]++)*+
  | (?<!{_W})[@#]{_W}++
  | (?<!{_W})(?:[\p{{L}}\p{{N}}\-]{{1,63}}+\.){{1,8}}(?:{_TOP_DOMAINS})(?!{_W})
  | (?<!{_W})(?:
        (?!www\.)(?:\p{{L}}{{1,3}}\.){{2,12}}+
      | \p{{Lu}}\.
    )(?:-{_WORD_BODY}|(?!{_W})(?!\.\.))
  | (?<!{_W})\p{{N}}{{1,2}}\.(?=[{_SPACE}]++\p{{Ll}})
  | ['’‘`](?i:s|t|n|m|r|k|ns)(?![-{_W}'’‘`])
  | (?:['’‘]s-(?={_W})|['’‘](?=\p{{N}}{{2}}(?!\p{{N}}))|-(?={_W})|\({_W}++-?\)(?={_W}))?
        {_WORD_BODY}(?:(?<=\p{{N}}),-(?!{_W})|(?<=\p{{N}})%)?(?:-(?![-{_W}]))?
  | \.{{2,}}+ | …++ | [!?]{{2,}}+ | ,(?=,,) | ,, | '' | `` | -{{2,}}+
  | [^{_SPACE}]
"""

# Two or more line breaks with only white space between, or U+2029: the same paragraphs as
# quoteattr.marks.paragraph_spans, so that paragraph indices agree.
_PARAGRAPH_BREAK = regex.compile(r"(?>\r\n|[\r\n])(?:[^\S\r\n\u2029]*+(?>\r\n|[\r\n]))+|\u2029")
_NON_SPACE = regex.compile(r"\S")
_LINE_BREAK = regex.compile(r"[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")

# Abbreviation classes (see data/abbreviations.txt), and "initial" for a single capital + period.
_TITLE, _BEFORE, _FINAL, _OTHER, _INITIAL = "title", "before", "final", "other", "initial"
_CLASSES = frozenset({_TITLE, _BEFORE, _FINAL, _OTHER})
_END = "end"

# Capitalised words that start a sentence and are not part of a name: after an initial or an
# abbreviation of class "other" they start a new sentence (``N.V. Het bedrijf``). Name particles
# (De, Van, Den, Ter) are missing on purpose: ``J. De Vries``.
_CLEAR_STARTERS = frozenset(
    {
        "Het",
        "Een",
        "Dat",
        "Dit",
        "Deze",
        "Die",
        "Hij",
        "Zij",
        "Ze",
        "Ik",
        "Wij",
        "We",
        "Jij",
        "Je",
        "Jullie",
        "Zo",
        "Er",
        "Daar",
        "Hier",
        "Dan",
        "Toen",
        "Nu",
        "Maar",
        "En",
        "Ook",
        "Want",
        "Dus",
        "Toch",
        "Wel",
        "Niet",
        "Als",
        "Om",
        "Omdat",
        "Wie",
        "Wat",
        "Waar",
        "Waarom",
        "Hoe",
        "Welke",
        "Na",
        "Bij",
        "Met",
        "Voor",
        "In",
        "Op",
        "Volgens",
        "Tijdens",
        "Sinds",
        "Inmiddels",
        "Verder",
        "Bovendien",
        "Daarnaast",
        "Daarom",
        "Daarna",
        "Vervolgens",
        "Zowel",
        "Al",
        "Alle",
        "Veel",
        "Geen",
        "Ieder",
        "Iedereen",
        "Niemand",
        "Men",
        "Zijn",
        "Haar",
        "Hun",
        "Mijn",
        "Onze",
    }
)
_SENTENCE_END_CHARS = frozenset(".!?…")
_OPENING_QUOTES = frozenset({"‘", "“", "„", "«", "‹", "‚", "`", ",,", "``"})
_CLOSING_QUOTES = frozenset({"’", "”", "»", "›", "''"})
_STRAIGHT_QUOTES = frozenset({'"', "'"})
_CLOSING_BRACKETS = frozenset({")", "]", "}"})
_APOSTROPHES = frozenset({"'", "’"})
_CONTINUING = frozenset(",;:-–—/&+(")
_NOT_STARTING = frozenset(",;:)]}%.")
_TWO_CHAR_MARKS = frozenset({",,", "''", "``"})
_QUOTE_OR_BRACKET = frozenset("\"'‘’“”„«»‹›‚`,)]}")
# A token whose first character is one of these, or whose last is a period, may change the state.
_SPECIAL_FIRST = _SENTENCE_END_CHARS | _QUOTE_OR_BRACKET

Token = tuple[int, int]


@attrs.frozen(slots=True)
class _Lexicon:
    """The abbreviation list and the token pattern built from it."""

    classes: dict[str, str]
    """Abbreviation (without its period, in each spelling that matches) to its class."""
    token_pattern: regex.Pattern[str]
    """The master token pattern."""


@cache
def _lexicon() -> _Lexicon:
    classes: dict[str, str] = {}
    explicit: dict[str, str] = {}
    source = resources.files("quoteattr").joinpath("data/abbreviations.txt").read_text(encoding="utf-8")
    for line in source.splitlines():
        fields = line.split("#", 1)[0].split()
        if len(fields) < 2 or fields[1] not in _CLASSES:
            continue
        word, kind = fields[0], fields[1]
        explicit[word] = kind
        if "exact" not in fields[2:]:
            for variant in (word.lower(), word[:1].upper() + word[1:]):
                classes.setdefault(variant, kind)
    classes.update(explicit)  # a spelling listed itself wins over a case variant of another entry
    return _Lexicon(classes, regex.compile(_TOKEN_PATTERN, regex.V1 | regex.VERBOSE))


def segment(text: str, *, split_at: Collection[int] = frozenset()) -> list[SentenceSpan]:
    """Split ``text`` into sentences of tokens, as offsets into ``text``.

    ``split_at`` holds offsets of characters that are quotation marks (from the quote-mark
    scanner): each becomes a token of its own, never glued to a word; a two-character mark
    (``,,`` ``''``) whose characters are both listed stays one token. Offsets outside the text,
    on white space or inside markup are ignored. Raises :class:`TypeError` when ``text`` is not a ``str`` or
    ``split_at`` not a collection of ``int``.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if not isinstance(split_at, Collection) or isinstance(split_at, str | bytes):
        raise TypeError(f"split_at must be a collection of int offsets, not {type(split_at).__name__}")
    lexicon = _lexicon()
    tokens: list[Token] = [match.span() for match in lexicon.token_pattern.finditer(text)]
    markup = markup_spans(text)
    if markup:
        tokens = _outside(tokens, markup)
    forced: frozenset[int] = frozenset()
    if split_at:
        if not all(isinstance(offset, int) for offset in split_at):
            raise TypeError("split_at must hold int offsets only")
        forced = frozenset(offset for offset in split_at if 0 <= offset < len(text))
        tokens = _force_splits(text, tokens, forced)
    if any(end - start > MAX_TOKEN_CHARS for start, end in tokens):
        tokens = _cut_long_tokens(tokens)
    return list(_sentences(text, tokens, lexicon.classes, forced))


def _force_splits(text: str, tokens: list[Token], forced: frozenset[int]) -> list[Token]:
    """``tokens`` cut so that every forced offset is a token of its own, or one token with its
    neighbour when the two are forced and make a two-character mark (``,,`` ``''``)."""
    marks: list[Token] = []
    for offset in sorted(offset for offset in forced if not _is_space(text[offset])):
        if marks and marks[-1] == (offset - 1, offset) and text[offset - 1 : offset + 1] in _TWO_CHAR_MARKS:
            marks[-1] = (offset - 1, offset + 1)
        else:
            marks.append((offset, offset + 1))
    result: list[Token] = []
    next_mark = 0
    for start, end in tokens:
        while next_mark < len(marks) and marks[next_mark][1] <= start:
            next_mark += 1
        if next_mark == len(marks) or marks[next_mark][0] >= end:
            result.append((start, end))
            continue
        position = start
        index = next_mark
        while index < len(marks) and marks[index][0] < end:
            mark_start, mark_end = marks[index]
            if mark_start > position:
                result.append((position, mark_start))
            if mark_start >= position:  # a mark across two tokens is added with the first
                result.append((mark_start, mark_end))
            position = max(position, mark_end)
            index += 1
        if position < end:
            result.append((position, end))
    return result


def _outside(tokens: list[Token], skipped: list[tuple[int, int]]) -> list[Token]:
    """The parts of ``tokens`` outside the ``skipped`` spans (both in text order)."""
    result: list[Token] = []
    first = 0
    for start, end in tokens:
        while first < len(skipped) and skipped[first][1] <= start:
            first += 1
        position = start
        index = first
        while index < len(skipped) and skipped[index][0] < end:
            if skipped[index][0] > position:
                result.append((position, skipped[index][0]))
            position = max(position, skipped[index][1])
            index += 1
        if position < end:
            result.append((position, end))
    return result


def _cut_long_tokens(tokens: list[Token]) -> list[Token]:
    result: list[Token] = []
    for start, end in tokens:
        while end - start > MAX_TOKEN_CHARS:
            result.append((start, start + MAX_TOKEN_CHARS))
            start += MAX_TOKEN_CHARS
        result.append((start, end))
    return result


def _is_space(char: str) -> bool:
    return char.isspace() or char in _INVISIBLE_SET


def _sentences(
    text: str, tokens: list[Token], classes: dict[str, str], forced: frozenset[int]
) -> Iterator[SentenceSpan]:
    """Group ``tokens`` into sentences (one pass, a few flags of state)."""
    length = len(text)
    paragraph_breaks: list[int] = []
    paragraph_starts = [0]  # of the paragraphs that are not blank, counted as quoteattr.marks does
    for match in _PARAGRAPH_BREAK.finditer(text):
        paragraph_breaks.append(match.start())
        if not _NON_SPACE.search(text, paragraph_starts[-1], match.start()):
            paragraph_starts.pop()
        paragraph_starts.append(match.end())
    paragraph_breaks.append(length)
    line_breaks = [match.start() for match in _LINE_BREAK.finditer(text)]
    line_breaks.append(length)
    next_paragraph = next_line = 0
    paragraph = bisect.bisect_right(paragraph_starts, tokens[0][0]) - 1 if tokens else 0
    current: list[Token] = []
    # What the tokens since the last sentence end leave open: _END after . ! ? (and closers), the
    # class of an abbreviation that may end a sentence, or "".
    pending = ""
    quotes = _QuoteState()
    previous_end = abbreviation_end = -1
    previous = ""
    for index, (start, end) in enumerate(tokens):
        token = text[start:end]
        new_paragraph = new_line = False
        if start > line_breaks[next_line]:
            new_line = True
            while start > line_breaks[next_line]:
                next_line += 1
            if start > paragraph_breaks[next_paragraph]:
                new_paragraph = True
                while start > paragraph_breaks[next_paragraph]:
                    next_paragraph += 1
        first = token[0]
        if start == abbreviation_end and first == "-" and len(token) > 1:
            current[-1] = (current[-1][0], end)  # St.-Janstraat: one token, as the abbreviation's word
            previous, previous_end = text[current[-1][0] : end], end
            pending = ""
            continue
        if not (pending or new_line or first in _SPECIAL_FIRST or token[-1] == "."):
            current.append((start, end))  # the common case: a word inside a sentence
            previous, previous_end = token, end
            continue
        glued = start == previous_end
        # A forced offset (split_at) is a token of its own: neither the period nor the word before
        # it may be one.
        if token == "." and glued and previous in classes and start not in forced and start - 1 not in forced:
            current[-1] = (current[-1][0], end)  # dhr. enz. v.: the abbreviation keeps its period
            previous, previous_end = previous + token, end
            pending = _abbreviation_class(previous, classes)
            abbreviation_end = end
            continue
        if (
            glued
            and token in _APOSTROPHES
            and not quotes.single_open
            and start not in forced
            and _takes_possessive_apostrophe(previous)
            and _lowercase_word_follows(text, end)
        ):
            current[-1] = (current[-1][0], end)  # Jenkins' begroting: the apostrophe is part of the name
            previous, previous_end = previous + token, end
            continue
        closer = first in _QUOTE_OR_BRACKET and quotes.closes(
            token, glued, end < length and not _is_space(text[end])
        )
        boundary = False
        if current:
            if new_paragraph:
                boundary = True
            elif pending:
                following = text[slice(*tokens[index + 1])] if index + 1 < len(tokens) else ""
                boundary = not closer and _ends_before(pending, token, following, new_line)
            elif new_line:
                boundary = (
                    previous[-1] not in _CONTINUING
                    and previous[-1] != "."
                    and previous not in _OPENING_QUOTES
                    and _can_start(token, "")
                )
        if boundary:
            if pending == _INITIAL:  # "eigenschap B. Hij ...": the period ends the sentence
                initial_start, initial_end = current[-1]
                current[-1] = (initial_start, initial_end - 1)
                current.append((initial_end - 1, initial_end))
            yield from _limited(text, current, paragraph)
            current = []
            if new_paragraph:
                paragraph = bisect.bisect_right(paragraph_starts, start) - 1
                quotes = _QuoteState()
        current.append((start, end))
        if first in _QUOTE_OR_BRACKET:
            quotes.update(token, closer)
        if first in _SENTENCE_END_CHARS and all(char in _SENTENCE_END_CHARS for char in token):
            pending = _END
        elif token[-1] == "." and end - start > 1 and not first.isdigit():
            pending = _abbreviation_class(token, classes)
        elif pending and closer and not boundary:
            if pending == _INITIAL:
                pending = _OTHER  # the period can no longer be split off
        else:
            pending = ""
        previous, previous_end = token, end
    if current:
        yield from _limited(text, current, paragraph)


def _abbreviation_class(token: str, classes: dict[str, str]) -> str:
    """What ``token``, a word that keeps its final period, leaves pending: its class, or "" for a
    class that never ends a sentence."""
    stem = token[:-1]
    kind = classes.get(stem)
    if kind is not None:
        return "" if kind in (_TITLE, _BEFORE) else kind
    if len(stem) == 1:
        return _INITIAL if stem.isupper() else ""
    if stem[0].isupper():
        return _OTHER  # initials (A.F.Th.) and names of firms (N.V.)
    return ""


def _takes_possessive_apostrophe(word: str) -> bool:
    """Whether ``word`` is a name that forms its genitive with a bare apostrophe (Jenkins')."""
    return len(word) > 1 and word[0].isupper() and word[-1] in "sxz" and word.isalpha()


def _lowercase_word_follows(text: str, end: int) -> bool:
    return end + 1 < len(text) and _is_space(text[end]) and text[end + 1].islower()


def _can_start(token: str, following: str) -> bool:
    """Whether ``token`` (followed by ``following``) can be the first token of a sentence."""
    first = token[0]
    if first.islower() or (first in _NOT_STARTING and token != ",,"):
        return False
    if token in _OPENING_QUOTES or token in _STRAIGHT_QUOTES:
        return not following[:1].islower()  # ,,omdat ... continues the sentence
    return True


def _ends_before(pending: str, token: str, following: str, new_line: bool) -> bool:
    """Whether a sentence ends before ``token``, given what the tokens before it left ``pending``."""
    if pending == _END:
        return new_line or _can_start(token, following)
    if pending == _FINAL:
        if token in _OPENING_QUOTES or token in _STRAIGHT_QUOTES:
            return following[:1].isupper()
        return token[0].isupper() or (new_line and _can_start(token, following))
    return token in _CLEAR_STARTERS


@attrs.define(slots=True)
class _QuoteState:
    """Which quotations are open, to tell an opening quotation mark from a closing one."""

    double_open: bool = False
    """A ``"`` opened a quotation that is not closed yet."""
    single_open: bool = False
    """A ``'`` or ``‘`` opened a quotation that is not closed yet."""

    def closes(self, token: str, glued: bool, glued_right: bool) -> bool:
        """Whether ``token`` closes a quotation or bracket (then it stays with the sentence before it)."""
        if token in _CLOSING_BRACKETS or token == "''":
            return True
        if token in _STRAIGHT_QUOTES or token in _CLOSING_QUOTES or token in _OPENING_QUOTES:
            if token not in _TWO_CHAR_MARKS and glued != glued_right:
                return glued  # attached to the word before it: closing; to the word after it: opening
            if token == '"':
                return self.double_open
            if token == "'":
                return self.single_open
            return token in _CLOSING_QUOTES
        return False

    def update(self, token: str, closer: bool) -> None:
        if token == '"':
            self.double_open = not closer
        elif token in ("'", "‘", "’", "`"):
            self.single_open = not closer


def _limited(text: str, tokens: list[Token], paragraph: int) -> Iterator[SentenceSpan]:
    """``tokens`` as one sentence, or cut at the best boundaries into sentences of at most the maximum."""
    first = 0
    while len(tokens) - first > MAX_SENTENCE_TOKENS:
        cut = _best_cut(text, tokens, first + MAX_SENTENCE_TOKENS // 2, first + MAX_SENTENCE_TOKENS)
        yield _span(tokens[first:cut], paragraph)
        first = cut
    yield _span(tokens[first:], paragraph)


_CUT_PRIORITY = {".": 4, "!": 4, "?": 4, "…": 4, ";": 3, ":": 2, ",": 1, "-": 1, "–": 1, "—": 1}


def _best_cut(text: str, tokens: list[Token], low: int, high: int) -> int:
    """The index in ``low..high`` to cut before: after the strongest punctuation, the latest one."""
    best, best_priority = high, 0
    for index in range(high, low - 1, -1):
        start, end = tokens[index - 1]
        priority = _CUT_PRIORITY.get(text[end - 1], 0) if end - start == 1 else 0
        if priority > best_priority:
            best, best_priority = index, priority
            if priority == 4:
                break
    return best


def _span(tokens: list[Token], paragraph: int) -> SentenceSpan:
    return SentenceSpan(tokens[0][0], tokens[-1][1], tuple(tokens), paragraph)
