"""HTML/XML markup left in a text: tags, comments and declarations, which are no part of its words.

Scraped text often keeps its markup (``zei <b>Jan de Vries</b>.``). A tag is not a word, a name
or a quotation mark, so the segmenter skips markup like white space and the quote-mark scanner
ignores the marks inside it (attribute values: ``<p class="intro">``); offsets still point into
the caller's string.

What counts as markup, so that ordinary text with a ``<`` is left alone:

* a start or end tag whose name is a lower-case name (``<p>``, ``</b>``, ``<my-widget>``) or an
  HTML element name in any case (``<B>``, ``<Span>``), then attributes and ``>`` or ``/>``;
  ``<Jan de Vries>`` is no tag, ``a < b`` neither;
* a comment ``<!-- … -->`` and a declaration ``<!DOCTYPE …>``.

A tag never runs past the next ``<`` and an unclosed ``<!--`` ends the search for comments, so a
text full of stray ``<`` is read in linear time.
"""

from __future__ import annotations

import regex

__all__ = ["markup_spans"]

_HTML_ELEMENTS = (
    "a", "abbr", "address", "area", "article", "aside", "audio", "b", "big", "blockquote", "body", "br",
    "button", "caption", "center", "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn", "div",
    "dl", "dt", "em", "figcaption", "figure", "font", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "head", "header", "hr", "html", "i", "iframe", "img", "input", "ins", "kbd", "label", "li", "link",
    "main", "mark", "meta", "nav", "noscript", "ol", "option", "p", "picture", "pre", "q", "s", "samp",
    "script", "section", "select", "small", "source", "span", "strike", "strong", "style", "sub",
    "summary", "sup", "svg", "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "time", "title",
    "tr", "tt", "u", "ul", "var", "video", "wbr",
)  # fmt: skip
# Longest names first, so that ``<body>`` is not read as ``b`` followed by ``ody``.
_ELEMENT = "|".join(sorted(_HTML_ELEMENTS, key=len, reverse=True))
_NAME = rf"(?:[a-z][a-z0-9]*+(?:[:_-][a-z0-9]++)*+|(?i:{_ELEMENT}))(?=[\s/>])"
# No part of a tag can hold a ``<``: a match that starts at one ``<`` ends before the next.
_VALUE = r"""(?:"[^"<]*+"|'[^'<]*+'|[^\s"'<>`]++)"""
_ATTRIBUTE = rf"""[^\s<>"'=/]++(?:\s*+=\s*+{_VALUE})?"""
_TAG = regex.compile(rf"</?{_NAME}(?:\s++{_ATTRIBUTE})*+\s*+/?>|<![A-Za-z][^<>]*+>")


def markup_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each piece of markup in ``text``, in order, never overlapping."""
    if "<" not in text:  # the common case costs one scan in C
        return []
    spans: list[tuple[int, int]] = []
    position = 0
    comments = True
    while True:
        comment = text.find("<!--", position) if comments else -1
        stop = comment if comment >= 0 else len(text)
        spans.extend(match.span() for match in _TAG.finditer(text, position, stop))
        if comment < 0:
            return spans
        close = text.find("-->", comment + 4)
        if close < 0:  # no later ``<!--`` can close either
            comments = False
            position = comment
            continue
        spans.append((comment, close + 3))
        position = close + 3
