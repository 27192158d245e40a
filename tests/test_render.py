"""Tests for quoteattr.render: the HTML structure, and the page in a real headless Chromium."""

from __future__ import annotations

import html
import json
import shutil
import struct
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from quoteattr.quote import Cue, Quote, QuoteKind, Span, Speaker
from quoteattr.render import UNKNOWN_SPEAKER, PageDocument, render_page, speaker_label, speaker_summary

TEXT = "Lavrov zei: ‘Nee <b>nooit</b>.’ ‘Nooit’, zegt Lavrov, ‘echt niet.’\n\nBlinken meent dat het kan."


def _span(text: str, part: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Span.of(text, start, start + len(part))


def _quote(kind: str, content: Span, speaker: Span | None, name: str | None, cue: Span | None) -> Quote:
    return Quote(
        QuoteKind(kind),
        content,
        None if cue is None else Cue(cue, "zeggen"),
        None if speaker is None and name is None else Speaker(speaker, name),
        0.9,
        f"rule.{kind}",
    )


def _quotes(text: str = TEXT) -> tuple[Quote, ...]:
    zegt, lavrov2 = _span(text, "zegt"), _span(text, "Lavrov", 1)
    return (
        _quote(
            "direct",
            _span(text, "Nee <b>nooit</b>."),
            _span(text, "Lavrov"),
            "Sergei Lavrov",
            _span(text, ":"),
        ),
        _quote("direct", _span(text, "Nooit"), lavrov2, "Sergei Lavrov", zegt),
        _quote("direct", _span(text, "echt niet."), lavrov2, "Sergei Lavrov", zegt),
        _quote("indirect", _span(text, "het kan"), _span(text, "Blinken"), None, _span(text, "meent")),
    )


class _Elements(HTMLParser):
    """Collects (tag, attributes) of every element, the text outside tags, and checks nesting."""

    VOID = frozenset({"meta", "br", "img", "input", "link"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.stack: list[str] = []
        self.text_by_container: dict[str, list[str]] = {}
        self._in_text = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {key: value or "" for key, value in attrs}
        self.elements.append((tag, attributes))
        if tag in self.VOID:
            return
        self.stack.append(tag)
        if self._in_text:
            self._in_text += 1
        elif "text" in attributes.get("class", "").split():
            self._in_text = 1
            self.text_by_container[str(len(self.text_by_container))] = []

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"</{tag}> closes nothing"
        assert self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1]}>"
        self.stack.pop()
        if self._in_text:
            self._in_text -= 1

    def handle_data(self, data: str) -> None:
        if self._in_text:
            self.text_by_container[str(len(self.text_by_container) - 1)].append(data)

    def having(self, css_class: str) -> list[dict[str, str]]:
        return [attrs for _, attrs in self.elements if css_class in attrs.get("class", "").split()]


def _parse(page: str) -> _Elements:
    parser = _Elements()
    parser.feed(page)
    parser.close()
    assert parser.stack == []
    return parser


# --------------------------------------------------------------------------- summary


def test_speaker_summary_counts_kinds_and_orders_rows() -> None:
    rows = speaker_summary(_quotes())
    assert [(r.speaker, r.n_quotes, r.kinds) for r in rows] == [
        ("Sergei Lavrov", 3, (("direct", 3),)),
        ("Blinken", 1, (("indirect", 1),)),  # no name: the mention stands in
    ]


def test_speaker_label_falls_back_to_unknown() -> None:
    content = _span(TEXT, "het kan")
    assert speaker_label(_quote("direct", content, None, None, None)) == UNKNOWN_SPEAKER
    assert speaker_label(_quote("direct", content, None, "Floor", None)) == "Floor"  # floating quote
    assert speaker_summary([]) == []


# --------------------------------------------------------------------------- structure


def test_page_marks_every_quote_cue_and_speaker() -> None:
    quotes = _quotes()
    page = render_page([PageDocument("doc-1", TEXT, quotes)])
    parsed = _parse(page)
    marks = [attrs for attrs in parsed.having("q") if "cont" not in attrs["class"].split()]
    assert [m["id"] for m in marks] == ["d1-q1", "d1-q2", "d1-q3", "d1-q4"]
    assert [m["class"] for m in marks] == ["q q-direct"] * 3 + ["q q-indirect"]
    assert "speaker: Sergei Lavrov" in marks[0]["title"]
    assert "rule: rule.direct" in marks[0]["title"]
    # `‘A’, zegt X, ‘B’`: one cue and one mention, linked to both quotes.
    speakers = {s["data-q"] for s in parsed.having("spk")}
    assert speakers == {"d1-q1", "d1-q2 d1-q3", "d1-q4"}
    cues = {c["data-q"]: c["data-n"] for c in parsed.having("cue")}
    assert cues == {"d1-q1": "1", "d1-q2 d1-q3": "2,3", "d1-q4": "4"}


def test_page_keeps_the_text_and_escapes_it() -> None:
    text = TEXT + " </script><script>alert(1)</script>"
    page = render_page([PageDocument(1, text, _quotes(text))])
    parsed = _parse(page)
    assert "".join(parsed.text_by_container["0"]) == text
    # Neither the text nor the data for the panel can open an element.
    assert "<b>nooit" not in page
    assert page.count("<script>") == 1
    data = page.split('<script type="application/json" id="qa-data">')[1].split("</script>")[0]
    assert json.loads(data)["d1-q1"]["text"] == "Nee <b>nooit</b>."


def test_crossing_spans_are_split_into_properly_nested_fragments() -> None:
    text = "Aa bb cc dd ee"
    content = Span.of(text, 0, 8)  # "Aa bb cc"
    speaker = Span.of(text, 6, 11)  # "cc dd" crosses the end of the content
    quote = Quote(QuoteKind.DIRECT, content, None, Speaker(speaker, "C"), 1.0, "r")
    parsed = _parse(render_page([PageDocument("x", text, (quote,))]))
    assert "".join(parsed.text_by_container["0"]) == text
    fragments = parsed.having("spk")
    assert [f["class"] for f in fragments] == ["spk", "spk cont"]
    assert all(f["data-q"] == "d1-q1" for f in fragments)


def test_summary_tables_per_document_and_overall() -> None:
    other = "Niets te melden."
    page = render_page(
        [PageDocument("a", TEXT, _quotes()), PageDocument("b", other, (), "ParseError: kapot")]
    )
    parsed = _parse(page)
    rows = [
        (a["data-speaker"], a["data-count"]) for t, a in parsed.elements if t == "tr" and "data-speaker" in a
    ]
    # Overall first, then document a (document b has none).
    assert rows == [("Sergei Lavrov", "3"), ("Blinken", "1"), ("Sergei Lavrov", "3"), ("Blinken", "1")]
    assert "Extraction failed: ParseError: kapot" in page
    assert "2 documents, 4 quotes, 1 failed" in page


def test_spans_outside_the_text_are_refused() -> None:
    quote = Quote(QuoteKind.DIRECT, Span(3, 99, "x"), None, None, 1.0, "r")
    with pytest.raises(ValueError, match=r"document 'x': quote 1 \[3:99\] lies outside its text"):
        render_page([PageDocument("x", "kort", (quote,))])


def test_page_is_standalone() -> None:
    page = render_page([PageDocument("a", TEXT, _quotes())])
    assert "http://" not in page
    assert "https://" not in page
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "@media (max-width: 600px)" in page


# --------------------------------------------------------------------------- in Chromium


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no Chromium found (install Debian's 'chromium' package to run the browser tests)")


def _browser(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    command = [
        _chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        *args,
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def _news_documents() -> list[PageDocument]:
    """Quotes from the real rules, on trees from the toy parser of the command-line tests."""
    from test_cli import ARTICLES, ToyParser

    from quoteattr import Attributor

    attributor = Attributor(parser=ToyParser())
    documents = [
        PageDocument(a["id"], str(a["text"]), tuple(attributor.extract(str(a["text"])))) for a in ARTICLES
    ]
    documents.append(PageDocument("ongeluk", TEXT, _quotes()))
    return documents


def test_page_in_headless_chromium(tmp_path: Path) -> None:
    documents = _news_documents()
    page = tmp_path / "page.html"
    page.write_text(render_page(documents, title="Nieuws"), "utf-8")
    first_id = "d1-q1"
    dom = _browser(tmp_path, "--dump-dom", f"{page.as_uri()}#{first_id}").stdout
    parsed = _parse(dom)
    body = next(attrs for tag, attrs in parsed.elements if tag == "body")
    assert body.get("data-ready") == "1"  # the script ran without an error

    # Every quote is highlighted once (its first fragment has the id), by kind.
    expected = [(f"d{d}-q{q}", quote.kind.value) for d, doc in enumerate(documents, 1)
                for q, quote in enumerate(doc.quotes, 1)]  # fmt: skip
    marks = [(m["id"], m["class"].split()[1][2:]) for m in parsed.having("q") if "id" in m]
    assert marks == expected
    assert len(parsed.having("cue")) >= 1
    assert len(parsed.having("spk")) >= 1

    # The summary tables count what the extraction found.
    for index, document in enumerate(documents, start=1):
        section_rows = _rows_of_section(dom, f"d{index}")
        counts = Counter(speaker_label(quote) for quote in document.quotes)
        assert section_rows == dict(counts)
    overall = Counter(speaker_label(quote) for document in documents for quote in document.quotes)
    assert _rows_of_section(dom, None) == dict(overall)

    # The link in the URL opened the details panel for that quote.
    panel = dom.split('<aside id="qa-details"', 1)[1].split("</aside>", 1)[0]
    assert f'data-quote="{first_id}"' in panel
    assert "hidden" not in panel.split(">", 1)[0]
    first = documents[0].quotes[0]
    assert first.speaker is not None
    assert first.speaker.name is not None
    assert f"<dd>{html.escape(first.speaker.name)}</dd>" in panel
    assert f"<dd>{html.escape(first.rule)}</dd>" in panel
    selected = parsed.having("selected")
    assert selected
    assert all(first_id in m["data-q"].split() for m in selected)


def _rows_of_section(dom: str, section: str | None) -> dict[str, int]:
    """Speaker → count from the summary table of one document section (None: the page header)."""
    if section is None:
        part = dom.split("<header>", 1)[1].split("</header>", 1)[0]
    else:
        part = dom.split(f'id="{section}"', 1)[1].split("</section>", 1)[0]
    parsed = _Elements()
    parsed.feed(part)
    return {
        html.unescape(attrs["data-speaker"]): int(attrs["data-count"])
        for tag, attrs in parsed.elements
        if tag == "tr" and "data-speaker" in attrs
    }


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_page_fits_a_phone_screen_and_screenshots(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(render_page(_news_documents(), title="Nieuws"), "utf-8")
    # A 360 px wide frame stands in for a phone (a headless window cannot be that narrow).
    probe = tmp_path / "phone.html"
    probe.write_text(
        '<!DOCTYPE html><html><body style="margin:0">'
        f'<iframe id="f" src="{page.name}" width="360" height="740" style="border:0"></iframe>'
        "<script>document.getElementById('f').addEventListener('load', function () {"
        " var w = this.contentWindow, d = w.document.documentElement;"
        " document.body.setAttribute('data-widths', w.innerWidth + ',' + d.scrollWidth); });</script>"
        "</body></html>",
        "utf-8",
    )
    dom = _browser(
        tmp_path, "--allow-file-access-from-files", "--virtual-time-budget=5000", "--dump-dom", probe.as_uri()
    ).stdout
    widths = dom.split('data-widths="', 1)[1].split('"', 1)[0]
    viewport, content = map(int, widths.split(","))
    assert viewport == 360
    assert content <= viewport, "the page scrolls sideways on a phone"

    shot = tmp_path / "phone.png"
    _browser(
        tmp_path,
        "--allow-file-access-from-files",
        "--hide-scrollbars",
        "--window-size=360,740",
        f"--screenshot={shot}",
        probe.as_uri(),
    )
    assert shot.stat().st_size > 5_000
    width, height = _png_size(shot)
    assert width >= 360
    assert height >= 700
