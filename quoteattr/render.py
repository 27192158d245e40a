"""Render documents and their quotes as one standalone HTML page (``quoteattr render``).

The page needs nothing from the network: CSS and a small script are inline. Each quote's content
is a ``<mark class="q q-KIND">`` (one colour per kind), its cue a ``<span class="cue">`` and its
speaker mention a ``<span class="spk">``; all three carry the quote's number (drawn by CSS, so it
is never part of the copied text) and ``data-q`` with the quote's element id, which is how they are
linked: hovering one highlights the others, clicking shows a panel with the kind, canonical
speaker, mention, cue, rule and confidence (``title`` gives the same on hover without the
script), and ``page.html#d1-q2`` opens the page on that quote. Each document has a per-speaker
summary table (speaker, number of quotes, kinds); a page of several documents also gets a table
over all of them.

Spans that cross each other (a speaker mention that starts inside another quote's content and
ends after it) are split into fragments; only the first fragment of a span carries its ``id``,
later ones have the class ``cont``. A cue or mention shared by several quotes (``‘A’, zegt X,
‘B’``) is one element linked to all of them.
"""

from __future__ import annotations

import html
import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any, Final

import attrs

from quoteattr._version import __version__
from quoteattr.quote import Quote

__all__ = ["PageDocument", "SpeakerRow", "render_page", "speaker_label", "speaker_summary"]

KINDS: Final = ("direct", "indirect", "mixed")
"""The quote kinds, in legend order."""

UNKNOWN_SPEAKER: Final = "(unknown)"
"""Summary label of quotes with no speaker name and no mention."""


@attrs.frozen(slots=True)
class PageDocument:
    """One document to show."""

    id: str | int
    """The document id (shown as its heading)."""
    text: str
    """The document text; quote offsets index into it."""
    quotes: tuple[Quote, ...]
    """Its quotes."""
    error: str | None = None
    """Why extraction failed for it, if it did."""


@attrs.frozen(slots=True)
class SpeakerRow:
    """One row of a per-speaker summary."""

    speaker: str
    """Canonical name, else the mention text, else :data:`UNKNOWN_SPEAKER`."""
    n_quotes: int
    """How many quotes are attributed to it."""
    kinds: tuple[tuple[str, int], ...]
    """``(kind, count)`` for each kind it has, in :data:`KINDS` order."""


def speaker_label(quote: Quote) -> str:
    """Who a quote is attributed to, for the summary: the name, else the mention, else unknown."""
    speaker = quote.speaker
    if speaker is None:
        return UNKNOWN_SPEAKER
    if speaker.name:
        return speaker.name
    if speaker.span is not None and speaker.span.text.strip():
        return speaker.span.text
    return UNKNOWN_SPEAKER


def speaker_summary(quotes: Sequence[Quote]) -> list[SpeakerRow]:
    """One row per speaker label, most quoted first (ties by label)."""
    kinds_by_speaker: dict[str, Counter[str]] = defaultdict(Counter)
    for quote in quotes:
        kinds_by_speaker[speaker_label(quote)][quote.kind.value] += 1
    rows = []
    for label, kinds in kinds_by_speaker.items():
        ordered = [kind for kind in KINDS if kind in kinds] + sorted(set(kinds) - set(KINDS))
        rows.append(SpeakerRow(label, sum(kinds.values()), tuple((kind, kinds[kind]) for kind in ordered)))
    return sorted(rows, key=lambda row: (-row.n_quotes, row.speaker.casefold(), row.speaker))


# --------------------------------------------------------------------------- spans to nested HTML

_ROLE_ORDER: Final = {"quote": 0, "spk": 1, "cue": 2}


@attrs.frozen(slots=True)
class _Mark:
    """One element to draw over ``text[start:end]``."""

    start: int
    """First character."""
    end: int
    """Just past the last character."""
    role: str
    """``quote``, ``spk`` or ``cue``."""
    quote_ids: tuple[str, ...]
    """Element ids of the quotes it belongs to."""
    numbers: tuple[int, ...]
    """Their numbers, for the badge."""
    css_class: str
    """Classes of the element."""
    title: str
    """Tooltip."""

    def open_tag(self, first: bool) -> str:
        tag = "mark" if self.role == "quote" else "span"
        classes = self.css_class if first else f"{self.css_class} cont"
        attributes = [
            f'class="{classes}"',
            f'data-q="{" ".join(self.quote_ids)}"',
            f'data-n="{",".join(map(str, self.numbers))}"',
            f'title="{html.escape(self.title)}"',
        ]
        if first:
            attributes.append('tabindex="0"')
            if self.role == "quote":
                attributes.insert(0, f'id="{self.quote_ids[0]}"')
        return f"<{tag} {' '.join(attributes)}>"

    def close_tag(self) -> str:
        return "</mark>" if self.role == "quote" else "</span>"


def _nested(text: str, marks: Sequence[_Mark]) -> str:
    """``text`` escaped, with every mark drawn as properly nested elements."""
    starting: dict[int, list[_Mark]] = defaultdict(list)
    for mark in marks:
        starting[mark.start].append(mark)
    for group in starting.values():
        # Outer elements first: longer spans, then content before speaker before cue.
        group.sort(key=lambda m: (-(m.end - m.start), _ROLE_ORDER[m.role]))
    boundaries = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    out: list[str] = []
    stack: list[_Mark] = []
    position = 0
    for boundary in boundaries:
        out.append(html.escape(text[position:boundary], quote=False))
        position = boundary
        if any(mark.end == boundary for mark in stack):
            # Close down to the deepest ending element; reopen the ones that go on.
            reopen: list[_Mark] = []
            while any(mark.end == boundary for mark in stack):
                top = stack.pop()
                out.append(top.close_tag())
                if top.end != boundary:
                    reopen.append(top)
            for mark in reversed(reopen):
                out.append(mark.open_tag(first=False))
                stack.append(mark)
        for mark in starting.get(boundary, ()):
            out.append(mark.open_tag(first=True))
            if mark.end == mark.start:
                out.append(mark.close_tag())
            else:
                stack.append(mark)
    return "".join(out)


def _check_span(text: str, start: int, end: int, what: str, doc_id: str | int) -> None:
    if not 0 <= start <= end <= len(text):
        raise ValueError(
            f"document {doc_id!r}: {what} [{start}:{end}] lies outside its text ({len(text)} chars)"
        )


def _quote_title(number: int, quote: Quote) -> str:
    parts = [f"quote {number} ({quote.kind.value})", f"speaker: {speaker_label(quote)}"]
    if quote.speaker is not None and quote.speaker.span is not None:
        parts.append(f"mention: {quote.speaker.span.text}")
    parts.append(f"rule: {quote.rule or '-'}")
    return " · ".join(parts)


def _marks(doc_index: int, document: PageDocument) -> tuple[list[_Mark], dict[str, dict[str, Any]]]:
    """The elements to draw and the details the panel shows, per quote id."""
    marks: list[_Mark] = []
    details: dict[str, dict[str, Any]] = {}
    shared: dict[tuple[str, int, int], list[tuple[str, int, str]]] = defaultdict(list)
    for number, quote in enumerate(document.quotes, start=1):
        quote_id = f"d{doc_index}-q{number}"
        content = quote.content
        _check_span(document.text, content.start, content.end, f"quote {number}", document.id)
        marks.append(
            _Mark(
                content.start,
                content.end,
                "quote",
                (quote_id,),
                (number,),
                f"q q-{quote.kind.value}",
                _quote_title(number, quote),
            )
        )
        label = speaker_label(quote)
        if quote.speaker is not None and quote.speaker.span is not None:
            span = quote.speaker.span
            _check_span(document.text, span.start, span.end, f"speaker of quote {number}", document.id)
            shared["spk", span.start, span.end].append(
                (quote_id, number, f"speaker of quote {number}: {label}")
            )
        if quote.cue is not None:
            span = quote.cue.span
            _check_span(document.text, span.start, span.end, f"cue of quote {number}", document.id)
            shared["cue", span.start, span.end].append(
                (quote_id, number, f"cue of quote {number} ({quote.cue.lemma})")
            )
        mention = quote.speaker.span if quote.speaker is not None else None
        details[quote_id] = {
            "number": number,
            "kind": quote.kind.value,
            "speaker": quote.speaker.name if quote.speaker is not None else None,
            "mention": None if mention is None else mention.text,
            "cue": None if quote.cue is None else quote.cue.span.text,
            "cue_lemma": None if quote.cue is None else quote.cue.lemma,
            "rule": quote.rule,
            "confidence": round(quote.confidence, 3),
            "text": content.text if len(content.text) <= 300 else content.text[:300] + "…",
        }
    for (role, start, end), owners in shared.items():
        marks.append(
            _Mark(
                start,
                end,
                role,
                tuple(owner[0] for owner in owners),
                tuple(owner[1] for owner in owners),
                role,
                "; ".join(owner[2] for owner in owners),
            )
        )
    return marks, details


# --------------------------------------------------------------------------- page


def _summary_table(rows: Sequence[SpeakerRow], caption: str) -> str:
    if not rows:
        return f'<p class="none">{html.escape(caption)}: no quotes.</p>'
    body = "".join(
        f'<tr data-speaker="{html.escape(row.speaker)}" data-count="{row.n_quotes}">'
        f'<td>{html.escape(row.speaker)}</td><td class="num">{row.n_quotes}</td>'
        f"<td>{html.escape(', '.join(f'{kind} {count}' for kind, count in row.kinds))}</td></tr>"
        for row in rows
    )
    return (
        f'<div class="table-wrap"><table class="summary"><caption>{html.escape(caption)}</caption>'
        '<thead><tr><th scope="col">Speaker</th><th scope="col">Quotes</th><th scope="col">Kinds</th></tr>'
        f"</thead><tbody>{body}</tbody></table></div>"
    )


def _document_section(doc_index: int, document: PageDocument) -> tuple[str, dict[str, dict[str, Any]]]:
    marks, details = _marks(doc_index, document)
    heading = html.escape(str(document.id))
    n = len(document.quotes)
    parts = [
        f'<section class="doc" id="d{doc_index}" data-doc-id="{heading}" data-quotes="{n}">',
        f"<h2>{heading} <small>{n} quote{'' if n == 1 else 's'}</small></h2>",
    ]
    if document.error is not None:
        parts.append(f'<p class="error" role="alert">Extraction failed: {html.escape(document.error)}</p>')
    parts.append(_summary_table(speaker_summary(document.quotes), "Speakers in this document"))
    parts.append(f'<div class="text">{_nested(document.text, marks)}</div>')
    parts.append("</section>")
    return "\n".join(parts), details


_CSS: Final = """
:root { color-scheme: light; --direct: #cde4ff; --direct-line: #1f5fbf; --indirect: #d6f2cf;
  --indirect-line: #2e7d32; --mixed: #ffe0b3; --mixed-line: #b35c00; --ink: #1b1b1b; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
  background: #fafafa; }
header, main { max-width: 52rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1rem; }
h1 { font-size: 1.4rem; margin: 0.5rem 0; }
h2 { font-size: 1.15rem; margin: 0 0 0.5rem; overflow-wrap: anywhere; }
h2 small { font-weight: normal; color: #555; }
.legend { display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; padding: 0; list-style: none; font-size: 0.9rem; }
.doc { background: #fff; border: 1px solid #ddd; border-radius: 8px; padding: 1rem; margin: 1rem 0; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
.q, .key { border-bottom: 2px solid; border-radius: 2px; padding: 0 1px; color: inherit; cursor: pointer; }
.q-direct { background: var(--direct); border-color: var(--direct-line); }
.q-indirect { background: var(--indirect); border-color: var(--indirect-line); border-bottom-style: dashed; }
.q-mixed { background: var(--mixed); border-color: var(--mixed-line); border-bottom-style: dotted; }
.q:not(.cont)::before, .cue:not(.cont)::after, .spk:not(.cont)::after {
  content: attr(data-n); font-size: 0.7em; font-weight: bold; vertical-align: super; line-height: 0;
  color: #fff; background: #444; border-radius: 0.6em; padding: 0 0.35em; margin: 0 0.15em; }
.cue, .key-cue { font-weight: bold; text-decoration: underline wavy #8e24aa; cursor: pointer; }
.cue:not(.cont)::after { background: #8e24aa; }
.spk, .key-spk { font-weight: bold; text-decoration: underline double #c62828; cursor: pointer; }
.spk:not(.cont)::after { background: #c62828; }
.active { outline: 2px solid #ff9800; }
.selected { outline: 3px solid #e65100; }
.table-wrap { overflow-x: auto; }
table.summary { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.95rem; }
table.summary caption { text-align: left; font-weight: bold; padding-bottom: 0.25rem; }
table.summary th, table.summary td { border: 1px solid #ddd; padding: 0.2rem 0.6rem; text-align: left; }
table.summary td.num { text-align: right; }
.error { color: #b71c1c; font-weight: bold; }
#qa-details { position: fixed; left: 0; right: 0; bottom: 0; max-height: 45vh; overflow-y: auto;
  background: #fff; border-top: 3px solid #444; box-shadow: 0 -2px 8px rgba(0,0,0,.2);
  padding: 0.75rem 1rem; }
#qa-details dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem;
  margin: 0.5rem 0 0; }
#qa-details dt { font-weight: bold; }
#qa-details dd { margin: 0; overflow-wrap: anywhere; }
#qa-details button { float: right; font-size: 1rem; }
footer { max-width: 52rem; margin: 0 auto 50vh; padding: 0 1rem; font-size: 0.85rem; color: #555; }
@media (max-width: 600px) {
  body { font-size: 15px; }
  header, main, footer { padding: 0 0.5rem; }
  .doc { padding: 0.6rem; border-radius: 0; border-left: 0; border-right: 0; }
}
"""

_SCRIPT: Final = """
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("qa-data").textContent);
  var panel = document.getElementById("qa-details");
  var fields = panel.querySelector("dl");
  var selected = null;
  function idsOf(el) { return (el.getAttribute("data-q") || "").split(" ").filter(Boolean); }
  function parts(id) { return document.querySelectorAll('[data-q~="' + id + '"]'); }
  function mark(ids, name, on) {
    ids.forEach(function (id) { parts(id).forEach(function (el) { el.classList.toggle(name, on); }); });
  }
  function row(label, value) {
    if (value === null || value === undefined || value === "") { return; }
    var dt = document.createElement("dt"); dt.textContent = label;
    var dd = document.createElement("dd"); dd.textContent = String(value);
    fields.appendChild(dt); fields.appendChild(dd);
  }
  function show(id) {
    var d = data[id];
    if (!d) { return; }
    if (selected) { mark([selected], "selected", false); }
    selected = id;
    mark([id], "selected", true);
    panel.querySelector("h2").textContent = "Quote " + d.number + " (" + d.kind + ")";
    fields.textContent = "";
    row("Speaker", d.speaker === null ? "unknown" : d.speaker);
    row("Mention", d.mention);
    var lemma = d.cue_lemma && d.cue_lemma !== d.cue ? " (" + d.cue_lemma + ")" : "";
    row("Cue", d.cue === null ? null : d.cue + lemma);
    row("Rule", d.rule);
    row("Confidence", d.confidence);
    row("Content", d.text);
    panel.setAttribute("data-quote", id);
    panel.hidden = false;
  }
  function hide() {
    if (selected) { mark([selected], "selected", false); }
    selected = null;
    panel.hidden = true;
    panel.removeAttribute("data-quote");
  }
  function fromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (data[id]) { show(id); }
  }
  document.addEventListener("mouseover", function (e) {
    var el = e.target.closest("[data-q]"); if (el) { mark(idsOf(el), "active", true); }
  });
  document.addEventListener("mouseout", function (e) {
    var el = e.target.closest("[data-q]"); if (el) { mark(idsOf(el), "active", false); }
  });
  function activate(el) {
    var id = idsOf(el)[0];
    if (el.classList.contains("q")) { show(id); }
    else if (location.hash === "#" + id) { show(id); }
    else { location.hash = id; }
  }
  document.addEventListener("click", function (e) {
    var el = e.target.closest("[data-q]");
    if (el) { activate(el); }
    else if (!e.target.closest("#qa-details")) { hide(); }
  });
  document.addEventListener("keydown", function (e) {
    var el = e.target.closest && e.target.closest("[data-q]");
    if (el && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); activate(el); }
    if (e.key === "Escape") { hide(); }
  });
  panel.querySelector("button").addEventListener("click", hide);
  window.addEventListener("hashchange", fromHash);
  fromHash();
  document.body.setAttribute("data-ready", "1");
})();
"""


def _json_for_script(value: object) -> str:
    # "<" escaped so that no "</script>" inside a text can end the data block.
    return json.dumps(value, ensure_ascii=True).replace("<", "\\u003c")


def render_page(documents: Sequence[PageDocument], *, title: str = "quoteattr") -> str:
    """The HTML page for ``documents``.

    Raises :class:`ValueError` when a quote, speaker or cue span lies outside its document's text.
    """
    sections: list[str] = []
    details: dict[str, dict[str, Any]] = {}
    for doc_index, document in enumerate(documents, start=1):
        section, doc_details = _document_section(doc_index, document)
        sections.append(section)
        details.update(doc_details)
    all_quotes = [quote for document in documents for quote in document.quotes]
    n_failed = sum(document.error is not None for document in documents)
    overview = [
        f"<p>{len(documents)} document{'' if len(documents) == 1 else 's'}, "
        f"{len(all_quotes)} quote{'' if len(all_quotes) == 1 else 's'}"
        + (f", {n_failed} failed" if n_failed else "")
        + ". Tap or click a quote, cue or speaker for details.</p>",
        '<ul class="legend">'
        + "".join(f'<li><span class="key q-{kind}">{kind} quote</span></li>' for kind in KINDS)
        + '<li><span class="key-cue">cue</span></li><li><span class="key-spk">speaker</span></li></ul>',
    ]
    if len(documents) > 1:
        overview.append(_summary_table(speaker_summary(all_quotes), "Speakers in all documents"))
        overview.append(
            '<nav><ol class="toc">'
            + "".join(
                f'<li><a href="#d{i}">{html.escape(str(d.id))}</a> ({len(d.quotes)})</li>'
                for i, d in enumerate(documents, start=1)
            )
            + "</ol></nav>"
        )
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="nl">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta name="generator" content="quoteattr {__version__}">',
            f"<title>{html.escape(title)}</title>",
            f"<style>{_CSS}</style>",
            "</head>",
            "<body>",
            f"<header><h1>{html.escape(title)}</h1>{''.join(overview)}</header>",
            "<main>",
            *sections,
            "</main>",
            f"<footer>Made by quoteattr {__version__}.</footer>",
            '<aside id="qa-details" hidden aria-live="polite">'
            '<button type="button" aria-label="Close">×</button><h2></h2><dl></dl></aside>',
            f'<script type="application/json" id="qa-data">{_json_for_script(details)}</script>',
            f"<script>{_SCRIPT}</script>",
            "</body>",
            "</html>",
            "",
        ]
    )
