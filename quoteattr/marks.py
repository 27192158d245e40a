"""Find the quoted stretches of a text from its quotation marks alone.

The scanner reads characters, never tokens, so it can run before segmentation and tell the
tokenizer which characters are quotation marks (:func:`quote_mark_offsets`). :func:`scan` returns
the outermost quoted stretches in text order; marks nested inside a stretch (a ``‘term’`` inside a
``“…”`` quote) belong to that stretch and never give a stretch of their own.

How marks are read:

* **Families.** Double marks (``"`` ``“`` ``”`` ``„`` ``‟`` ``,,`` ``''``), single marks (``'`` ``‘``
  ``’`` ``‚`` ``‛``), guillemets (``«`` ``»``) and single guillemets (``‹`` ``›``). Any opener pairs
  with any closer of its family, so the mixtures of real text pair up: ``,,…''``, ``,,…"``,
  ``,,…”``, ``„…“``, ``”…”``, ``"…''``, ``»…«``. ``''`` also closes a single ``'`` (``'…''``).
* **Direction by context.** A mark between an opening context (text start, white space, an opening
  bracket, a dash, a colon, a slash) and the start of a word opens; a mark between the end of a word
  or punctuation and white space, punctuation or the text end closes. Straight ``"`` and ``'`` have
  no direction of their own: where the context is unclear they close an open quote of their family,
  or else open one. Curly marks and guillemets follow the context where it is clear (``”De …”`` opens
  with ``”``; ``“gedowngrade“:`` closes with ``“``) and their own shape otherwise (``‘ De …`` opens).
  ``,,``, ``„`` and ``‚`` only open; where they stand like a comma (after a word, before white
  space) they are no marks at all. A lone comma is never a mark.
* **Apostrophes** never open or close: ``'``/``’``/``‘`` inside a word (``zo'n``, ``auto's``,
  ``foto’s``, ``d'r``, ``m'n``, ``A'dam``, ``O'Neill``, ``D66'ers``), the clitic words ``'s``
  ``'t`` ``'n`` ``'k`` ``'m`` ``'r`` ``'ns`` ``'ie`` ``'em`` (``'s avonds``), ``'s-Hertogenbosch``,
  years (``'80``, ``'90-er``) and ``'n'`` (``rock 'n' roll``).
* **Nesting.** Inside an open quote, an opener starts a nested quote, whose closer is found by the
  innermost open quote it fits. An opener of the *outer* quote's family that starts a sentence
  (after ``.`` ``!`` ``?`` ``…``, possibly with a closing mark between) does not nest: the outer quote
  was left unclosed and a new quote starts there. So does a sentence-initial opener of another
  family when no closer for the outer quote follows in the paragraph.
* **Unclosed marks** end at the opener of the next quote or at the paragraph end. One repair: when an
  unclosed outer quote held a nested quote of its own family whose closer ends an utterance
  (followed by ``,`` or after ``.`` ``!`` ``?`` ``…`` ``,``), that closer is read as the outer one
  (``'De stand is 'net zo erg als toen', citeert de krant …``: the inner ``'net`` was never
  closed).
* **Paragraphs** are separated by one or more blank lines (``\\n\\n``, ``\\r\\n\\r\\n``, ``\\r\\r``,
  lines with only white space between) or by U+2029. A quote never spans a paragraph break, so a
  quote that reopens each paragraph (and closes only at its end) gives one stretch per paragraph.
* **Markup.** Marks inside HTML/XML markup left in the text (``<p class="intro">``, see
  :mod:`quoteattr.markup`) delimit attribute values and are no quotation marks.

Content offsets: a closed stretch's content is exactly the text between the marks, white space
included (``text[open_end:close_start]``). An unclosed stretch's content runs from the opener to
the next quote's opener or the paragraph end, without the white space before it. An unclosed
opener with nothing but white space after it is a stray mark and gives no stretch.

Everything is linear in the length of the text; any ``str`` is accepted (control characters,
lone surrogates, combining characters, CR line ends). :func:`paragraph_spans` gives the paragraphs
that :attr:`QuotedStretch.paragraph` counts.

Known limits (one character cannot show two roles): a possessive apostrophe after ``s``
(``Kees' fiets``) inside a ``'…'`` quote reads as its closing mark; a quote whose first word is a
clitic written with the same mark (``'s Morgens ben ik moe,' zei hij``) loses its opener; a quote
nested at a sentence start in a quote of the same family (``“A. “B.” C.”``) is read as the outer
quote left unclosed; an inch or minute mark inside a quote of its family closes it.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Sequence

import attrs
import regex

from quoteattr.markup import markup_spans

__all__ = ["QuotedStretch", "paragraph_spans", "quote_mark_offsets", "scan"]


@attrs.frozen(slots=True)
class QuotedStretch:
    """One outermost quoted stretch: its marks and its content."""

    open_start: int
    """Offset of the opening mark's first character."""
    open_end: int
    """Offset just past the opening mark (``,,`` and ``''`` are two characters)."""
    close_start: int | None
    """Offset of the closing mark, or None when the quote is unclosed."""
    close_end: int | None
    """Offset just past the closing mark, or None when the quote is unclosed."""
    content_start: int
    """Start of the content: always ``open_end``."""
    content_end: int
    """End of the content: ``close_start``, or for an unclosed quote the next quote's opener or
    the paragraph end, without the white space before it."""
    opener: str
    """The opening mark as written (``‘``, ``,,``, ``"`` …)."""
    closer: str | None
    """The closing mark as written, or None when unclosed."""
    paragraph: int
    """Index of the paragraph (blank-line separated, blank ones not counted) of the stretch."""
    inner_marks: tuple[tuple[int, int], ...] = ()
    """``(start, end)`` of the marks nested inside the content (``‘term’`` in ``“… ‘term’ …”``)."""

    @property
    def closed(self) -> bool:
        """Whether a closing mark was found."""
        return self.close_start is not None

    @property
    def start(self) -> int:
        """Start of the whole stretch, opening mark included."""
        return self.open_start

    @property
    def end(self) -> int:
        """End of the whole stretch: past the closing mark, or the content end when unclosed."""
        return self.close_end if self.close_end is not None else self.content_end


# Mark families (bits, so that a closer can fit several) and roles.
_DOUBLE = 1
_SINGLE = 2
_ANGLE = 4
_SINGLE_ANGLE = 8
_FAMILIES = (_DOUBLE, _SINGLE, _ANGLE, _SINGLE_ANGLE)
_OPEN = 1
_CLOSE = 2
_BOTH = _OPEN | _CLOSE

# Context classes of the characters either side of a mark.
_SIDE_OPEN = 0  # text edge, space, bracket, dash … on the left; word start on the right
_SIDE_CLOSE = 1  # punctuation on the left; space, punctuation, text edge on the right
_SIDE_WORD = 2  # a letter, digit or combining mark
_SIDE_MARK = 3  # another quotation mark: decides nothing by itself

_MARK_CHARS = frozenset("\"'‘’‚‛“”„‟«»‹›")
_CLOSING_SHAPES = frozenset("\"'’”»›")
_DASHES = "-‐‑‒–—―"
_OPENING_LEFT = frozenset("([{<¡¿:/" + _DASHES)
_CLOSING_RIGHT = frozenset(".,;:!?…)]}>/" + _DASHES)
_SENTENCE_END = frozenset(".!?…")
_UTTERANCE_END = frozenset(".!?…,")

# (family, shape direction); None direction = straight mark, direction from context and state.
_KINDS: dict[str, tuple[int, int | None]] = {
    '"': (_DOUBLE, None),
    "''": (_DOUBLE, None),
    "“": (_DOUBLE, _OPEN),
    "‟": (_DOUBLE, _OPEN),
    "”": (_DOUBLE, _CLOSE),
    "'": (_SINGLE, None),
    "‘": (_SINGLE, _OPEN),
    "‛": (_SINGLE, _OPEN),
    "’": (_SINGLE, _CLOSE),
    "«": (_ANGLE, _OPEN),
    "»": (_ANGLE, _CLOSE),
    "‹": (_SINGLE_ANGLE, _OPEN),
    "›": (_SINGLE_ANGLE, _CLOSE),
}
_LOW_OPENERS: dict[str, int] = {",,": _DOUBLE, "„": _DOUBLE, "‚": _SINGLE}
_APOSTROPHE_SHAPES = frozenset("'‘’")

# ``,,,`` is a comma followed by the opener ``,,`` (``aldus Jansen,,, waar …``).
_CANDIDATE = regex.compile(r",,(?!,)|[\"'‘’‚‛“”„‟«»‹›]")
# An apostrophe at a word start that is no quotation mark (the text before it is no letter).
_APOSTROPHE_WORD = regex.compile(
    r"['‘’](?:(?:[stnkmr]|ns|ie|em)(?![\p{L}\p{N}\p{M}'’‘\-])|s-\p{Lu}|\d\d(?!\p{N})|n['’](?![\p{L}\p{N}\p{M}]))",
    regex.IGNORECASE,
)
_PARAGRAPH_BREAK = regex.compile(r"(?>\r\n|[\r\n])(?:[^\S\r\n\u2029]*(?>\r\n|[\r\n]))+|\u2029")
_NON_SPACE = regex.compile(r"\S")


@attrs.frozen(slots=True)
class _Mark:
    """A quotation-mark candidate with its reading in context."""

    start: int
    """Offset of its first character."""
    end: int
    """Offset just past it."""
    role: int
    """``_OPEN``, ``_CLOSE`` or both (decided by the quotes open at the time)."""
    family: int
    """The family it opens."""
    closes: int
    """The families it can close (bits)."""
    late_closer: bool
    """A closing shape in opening context: closes an open quote when no later closer could."""
    sentence_initial: bool
    """Stands at a sentence start (paragraph start, after ``.`` ``!`` ``?`` ``…``)."""
    ends_utterance: bool
    """Followed by ``,`` or preceded by ``.`` ``!`` ``?`` ``…`` ``,``."""


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_" or unicodedata.category(ch).startswith("M")


def _is_space(ch: str) -> bool:
    # Control characters (category Cc) separate like white space.
    return ch.isspace() or ch < " " or "\x7f" <= ch <= "\x9f"


def _left_side(text: str, pos: int) -> int:
    """Context class of the character before ``pos``."""
    if pos <= 0:
        return _SIDE_OPEN
    ch = text[pos - 1]
    if _is_space(ch) or ch in _OPENING_LEFT:
        return _SIDE_OPEN
    if ch in _MARK_CHARS:
        return _SIDE_MARK
    return _SIDE_WORD if _is_word(ch) else _SIDE_CLOSE


def _right_side(text: str, pos: int) -> int:
    """Context class of the character at ``pos`` (just after a mark)."""
    if pos >= len(text):
        return _SIDE_CLOSE
    ch = text[pos]
    if _is_space(ch) or ch in _CLOSING_RIGHT:
        return _SIDE_CLOSE
    if ch in _MARK_CHARS:
        return _SIDE_MARK
    return _SIDE_WORD if _is_word(ch) else _SIDE_OPEN


def _role(left: int, right: int, shape: int | None) -> int:
    """Open, close or both, from the two sides and the mark's own shape (None: straight)."""
    if left == _SIDE_MARK and right == _SIDE_MARK:
        return shape if shape is not None else _BOTH
    opens_left = left in (_SIDE_OPEN, _SIDE_MARK)
    opens_right = right in (_SIDE_OPEN, _SIDE_WORD, _SIDE_MARK)
    if opens_left and opens_right:
        return _OPEN
    if not opens_left and not opens_right:
        return _CLOSE
    if opens_left:  # free-standing: `` ‘ De`` or ``gaat.” ’``
        return shape if shape is not None else _BOTH
    return _BOTH  # squeezed between words or punctuation: ``ja,"zei``


def _sentence_initial(text: str, pos: int, para_start: int) -> bool:
    j = pos - 1
    while j >= para_start and _is_space(text[j]):
        j -= 1
    if j >= para_start and text[j] in _CLOSING_SHAPES:
        # ``… Club.' 'Dante`` : the closing mark of a previous quote stands between.
        j -= 1
        if j >= para_start and text[j] == "'":
            j -= 1
    return j < para_start or text[j] in _SENTENCE_END


def _ends_utterance(text: str, start: int, end: int) -> bool:
    return (end < len(text) and text[end] == ",") or (start > 0 and text[start - 1] in _UTTERANCE_END)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph that is not blank, in order.

    Paragraphs are separated by blank lines (two or more line breaks, ``\\n``, ``\\r\\n`` or
    ``\\r``, with only white space between) or by U+2029. The index in this list is
    :attr:`QuotedStretch.paragraph`. Raises :class:`TypeError` when ``text`` is not a ``str``.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    spans: list[tuple[int, int]] = []
    start = 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        if _NON_SPACE.search(text, start, brk.start()):
            spans.append((start, brk.start()))
        start = brk.end()
    if _NON_SPACE.search(text, start, len(text)):
        spans.append((start, len(text)))
    return spans


def _read_mark(text: str, start: int, found: str, para_start: int) -> _Mark | None:
    """The mark candidate ``found`` at ``start`` read in context; None when it is no mark."""
    if found == "'" and text.startswith("'", start + 1) and not _APOSTROPHE_WORD.match(text, start + 1):
        found = "''"
    end = start + len(found)
    left = _left_side(text, start)
    right = _right_side(text, end)
    sentence_initial = _sentence_initial(text, start, para_start)
    ends_utterance = _ends_utterance(text, start, end)
    if found in _LOW_OPENERS:
        after_comma = found == ",," and start > 0 and text[start - 1] == ","
        if left in (_SIDE_WORD, _SIDE_CLOSE) and right == _SIDE_CLOSE and not after_comma:
            return None  # stands like a comma
        family = _LOW_OPENERS[found]
        return _Mark(start, end, _OPEN, family, family, False, sentence_initial, ends_utterance)
    family, shape = _KINDS[found]
    if found in _APOSTROPHE_SHAPES and left == _SIDE_WORD and right == _SIDE_WORD:
        return None  # inside a word: ``zo'n``, ``foto’s``, ``O'Neill``
    role = _role(left, right, shape)
    closes = _DOUBLE | _SINGLE if found == "''" else family
    late_closer = shape == _CLOSE and role == _OPEN
    return _Mark(start, end, role, family, closes, late_closer, sentence_initial, ends_utterance)


def _read_marks(
    text: str, para_start: int, para_end: int, markup: Sequence[tuple[int, int]] = ()
) -> list[_Mark]:
    marks: list[_Mark] = []
    skip_to = para_start
    for found in _CANDIDATE.finditer(text, para_start, para_end):
        start = found.start()
        if start < skip_to:
            continue
        if markup:
            # A quote inside a tag delimits an attribute value (``<p class="intro">``).
            index = bisect.bisect_right(markup, (start, len(text))) - 1
            if index >= 0 and start < markup[index][1]:
                skip_to = markup[index][1]
                continue
        if found.group() in _APOSTROPHE_SHAPES and _left_side(text, start) != _SIDE_WORD:
            # ``'n'``: the second apostrophe must not be read as a closing mark.
            word = _APOSTROPHE_WORD.match(text, start)
            if word is not None:
                skip_to = word.end()
                continue
        mark = _read_mark(text, start, found.group(), para_start)
        if mark is not None:
            marks.append(mark)
            skip_to = mark.end
    return marks


class _ParagraphScanner:
    """Pairs the marks of one paragraph (see the module docstring for the rules)."""

    __slots__ = ("later_closes", "marks", "out", "paragraph", "text")

    def __init__(self, text: str, marks: list[_Mark], paragraph: int, out: list[QuotedStretch]) -> None:
        self.text = text
        self.marks = marks
        self.paragraph = paragraph
        self.out = out
        # later_closes[i]: the families that some closer after mark i could close.
        self.later_closes = [0] * len(marks)
        seen = 0
        for i in range(len(marks) - 1, -1, -1):
            self.later_closes[i] = seen
            if marks[i].role & _CLOSE:
                seen |= marks[i].closes

    def run(self, lo: int, hi: int, scope_end: int, repair: bool) -> None:
        """Pair marks ``lo..hi-1``; a quote still open at ``hi`` ends at ``scope_end``.

        ``repair`` allows the fallback reading of an unclosed outermost quote; the marks that are
        read again after a repair are read without it, so every mark is read at most twice.
        """
        marks = self.marks
        stack: list[int] = []  # mark indices of the open quotes, outermost first
        depths: dict[int, list[int]] = {family: [] for family in _FAMILIES}  # stack depths by family
        inner: list[int] = []  # nested marks of the outermost open quote
        # Where the outermost quote ends if it turns out unclosed: the first closer that ends an
        # utterance at nesting depth 1, or the first sentence-initial opener of another family.
        fallback = -1
        fallback_opens = False  # whether the fallback mark is that opener (not a closer)

        def push(index: int) -> None:
            depths[marks[index].family].append(len(stack))
            stack.append(index)

        def clear() -> None:
            stack.clear()
            for positions in depths.values():
                positions.clear()

        def innermost(closes: int) -> int:
            return max((depths[f][-1] for f in _FAMILIES if closes & f and depths[f]), default=-1)

        for i in range(lo, hi):
            mark = marks[i]
            if not stack:
                if mark.role & _OPEN:
                    push(i)
                    inner, fallback = [], -1
                continue
            depth = -1
            if mark.role & _CLOSE or mark.late_closer:
                depth = innermost(mark.closes)
                if mark.late_closer and depth >= 0 and self.later_closes[i] & marks[stack[depth]].family:
                    depth = -1
            if depth == 0:
                self._emit(stack[0], i, mark.start, inner)
                clear()
            elif depth > 0:
                outer_family = marks[stack[0]].family
                if depth == 1 and fallback < 0 and mark.ends_utterance and outer_family & mark.closes:
                    fallback, fallback_opens = i, False  # ``'De stand is 'net zo erg', citeert …``
                inner.append(i)
                while len(stack) > depth:
                    depths[marks[stack.pop()].family].pop()
            elif mark.role & _OPEN:
                if mark.sentence_initial and mark.family == marks[stack[0]].family:
                    # Same family at a sentence start: the open quote was never closed.
                    fallback = fallback if repair else -1
                    self._end_unclosed(stack[0], inner, fallback, fallback_opens, i, mark.start)
                    clear()
                    inner, fallback = [], -1
                else:
                    if len(stack) == 1 and fallback < 0 and mark.sentence_initial:
                        fallback, fallback_opens = i, True
                    inner.append(i)
                push(i)
            elif len(stack) == 1 and fallback < 0 and mark.ends_utterance:
                fallback, fallback_opens = i, False  # a closer of another family: ``'Kom hier," zei hij``
        if stack:
            self._end_unclosed(stack[0], inner, fallback if repair else -1, fallback_opens, hi, scope_end)

    def _end_unclosed(
        self, opener: int, inner: list[int], fallback: int, fallback_opens: bool, hi: int, scope_end: int
    ) -> None:
        """Finish the outermost quote, still open when mark ``hi`` (or ``scope_end``) is reached."""
        if fallback >= 0:
            # What followed the fallback mark was read as nested; read it again at top level.
            before = [x for x in inner if x < fallback]
            if fallback_opens:
                self._emit_unclosed(opener, self.marks[fallback].start, before)
                self.run(fallback, hi, scope_end, repair=False)
            else:
                self._emit(opener, fallback, self.marks[fallback].start, before)
                self.run(fallback + 1, hi, scope_end, repair=False)
            return
        self._emit_unclosed(opener, scope_end, inner)

    def _emit_unclosed(self, opener: int, scope_end: int, inner: list[int]) -> None:
        content_start = self.marks[opener].end
        content_end = scope_end
        while content_end > content_start and _is_space(self.text[content_end - 1]):
            content_end -= 1
        if content_end > content_start:
            self._emit(opener, -1, content_end, inner)

    def _emit(self, opener: int, closer: int, content_end: int, inner: list[int]) -> None:
        text = self.text
        o = self.marks[opener]
        c = self.marks[closer] if closer >= 0 else None
        self.out.append(
            QuotedStretch(
                open_start=o.start,
                open_end=o.end,
                close_start=None if c is None else c.start,
                close_end=None if c is None else c.end,
                content_start=o.end,
                content_end=content_end,
                opener=text[o.start : o.end],
                closer=None if c is None else text[c.start : c.end],
                paragraph=self.paragraph,
                inner_marks=tuple((self.marks[x].start, self.marks[x].end) for x in inner),
            )
        )


def scan(text: str) -> list[QuotedStretch]:
    """The outermost quoted stretches of ``text``, in text order, never overlapping.

    Raises :class:`TypeError` when ``text`` is not a ``str``; never raises on a ``str``.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    out: list[QuotedStretch] = []
    markup = markup_spans(text)
    for paragraph, (para_start, para_end) in enumerate(paragraph_spans(text)):
        marks = _read_marks(text, para_start, para_end, markup)
        if marks:
            _ParagraphScanner(text, marks, paragraph, out).run(0, len(marks), para_end, repair=True)
    return out


def quote_mark_offsets(text: str, stretches: Sequence[QuotedStretch] | None = None) -> frozenset[int]:
    """Offsets of every character of an opening, closing or nested mark of the stretches.

    ``stretches`` defaults to ``scan(text)``; pass them when already computed. These are the
    characters a tokenizer should split off as tokens of their own. Raises :class:`TypeError` when
    ``text`` is not a ``str`` or ``stretches`` not a sequence of :class:`QuotedStretch`.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if stretches is None:
        stretches = scan(text)
    elif not isinstance(stretches, Sequence) or isinstance(stretches, str):
        raise TypeError(f"stretches must be a sequence of QuotedStretch, not {type(stretches).__name__}")
    offsets: set[int] = set()
    for stretch in stretches:
        if not isinstance(stretch, QuotedStretch):
            raise TypeError(f"stretches must hold QuotedStretch objects, not {type(stretch).__name__}")
        offsets.update(range(stretch.open_start, stretch.open_end))
        if stretch.close_start is not None and stretch.close_end is not None:
            offsets.update(range(stretch.close_start, stretch.close_end))
        for start, end in stretch.inner_marks:
            offsets.update(range(start, end))
    return frozenset(offsets)
