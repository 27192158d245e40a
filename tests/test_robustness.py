"""Bad input never crashes: wrong types raise TypeError naming the argument, and hostile text (huge,
mark-dense, control characters, surrogates, other languages …) gives quotes whose offsets are exact
in the caller's own string. End to end with the shipped model where marked ``model``.

The figures of the large-document benchmark and of the fuzzing runs are in docs/robustness.md.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from quoteattr import Attributor, ParsedDocument, Quote, Sentence, Token
from quoteattr import attributor as attributor_module
from quoteattr.attributor import PARSER_WORD_CHARS
from quoteattr.marks import paragraph_spans, quote_mark_offsets, scan
from quoteattr.markup import markup_spans
from quoteattr.names import index_names
from quoteattr.parsing import WordAnalysis
from quoteattr.segment import MAX_SENTENCE_TOKENS, segment

model = pytest.mark.model

BAD_VALUES: list[Any] = [None, b"tekst", bytearray(b"x"), 3, 2.5, ["een", "lijst"], ("a",), {"text": "x"}]
QUOTE = "‘Het gaat goed’, zei Jan de Vries."


@pytest.fixture(scope="module")
def attributor() -> Iterator[Attributor]:
    # One torch thread: on a machine whose cores are busy, more threads only wait on each other
    # (a short text took seconds instead of tenths).
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield Attributor()
    torch.set_num_threads(threads)


def unloadable() -> Attributor:
    """An Attributor whose parser would fail to load: proves that no parse was needed."""
    return Attributor(model_dir="/nonexistent/quoteattr-model")


def check_offsets(text: str, quotes: list[Quote]) -> None:
    """Every span reads its own text at its offsets in ``text``; contents in text order."""
    previous = 0
    for quote in quotes:
        for span in quote.spans():
            assert 0 <= span.start <= span.end <= len(text)
            assert text[span.start : span.end] == span.text
        assert quote.content.start >= previous
        previous = quote.content.start


def summary(quotes: list[Quote]) -> list[tuple[str, str, str | None, str | None]]:
    """What a quote says, without its offsets."""
    return [
        (
            q.kind.value,
            q.content.text,
            None if q.cue is None else q.cue.span.text,
            None if q.speaker is None else q.speaker.name,
        )
        for q in quotes
    ]


# --------------------------------------------------------------------------- wrong types


@pytest.mark.parametrize("bad", BAD_VALUES)
def test_extract_rejects_a_non_string(bad: Any) -> None:
    with pytest.raises(TypeError, match="text must be str"):
        unloadable().extract(bad)


@pytest.mark.parametrize("bad", BAD_VALUES)
def test_parse_rejects_a_non_string(bad: Any) -> None:
    with pytest.raises(TypeError, match="text must be str"):
        unloadable().parse(bad)


@pytest.mark.parametrize("bad", [None, 3, 2.5, "tekst", b"tekst", bytearray(b"x")])
def test_extract_many_rejects_what_is_no_iterable_of_str_at_the_call(bad: Any) -> None:
    with pytest.raises(TypeError, match="texts must be an iterable of str"):
        unloadable().extract_many(bad)


@pytest.mark.parametrize("bad", [None, b"tekst", 3, ["a"]])
def test_extract_many_names_the_position_of_a_bad_element(bad: Any) -> None:
    results = unloadable().extract_many(["  ", "", bad, "nooit bereikt"])
    with pytest.raises(TypeError, match=r"texts\[2\] must be str"):
        next(results)


def test_extract_many_checks_batch_docs() -> None:
    with pytest.raises(TypeError, match="batch_docs"):
        unloadable().extract_many([""], batch_docs="2")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="batch_docs"):
        unloadable().extract_many([""], batch_docs=0)


@pytest.mark.parametrize("bad", [None, "tekst", 3, ["a"], object()])
def test_extract_parsed_rejects_what_is_no_document(bad: Any) -> None:
    with pytest.raises(TypeError, match="doc must be a ParsedDocument"):
        unloadable().extract_parsed(bad)


def test_extract_parsed_rejects_a_document_whose_text_is_no_string() -> None:
    with pytest.raises(TypeError, match=r"doc\.text"):
        unloadable().extract_parsed(ParsedDocument(b"tekst", ()))  # type: ignore[arg-type]


def test_constructor_checks_its_arguments() -> None:
    with pytest.raises(TypeError, match="model_dir"):
        Attributor(model_dir=3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="parser"):
        Attributor(parser="stanza")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="batch_size"):
        Attributor(batch_size="3000")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="batch_size"):
        Attributor(batch_size=0)


@pytest.mark.parametrize("bad", BAD_VALUES)
@pytest.mark.parametrize("function", [scan, paragraph_spans, quote_mark_offsets, segment])
def test_scanner_functions_reject_a_non_string(function: Any, bad: Any) -> None:
    with pytest.raises(TypeError, match="text must be a str"):
        function(bad)


@pytest.mark.parametrize("bad", [3, "12", [1.5], [None]])
def test_segment_checks_split_at(bad: Any) -> None:
    with pytest.raises(TypeError, match="split_at"):
        segment("Het gaat goed.", split_at=bad)


@pytest.mark.parametrize("bad", [3, "‘a’", [None]])
def test_quote_mark_offsets_checks_stretches(bad: Any) -> None:
    with pytest.raises(TypeError, match="stretches"):
        quote_mark_offsets("‘a’", bad)


@pytest.mark.parametrize(
    "text", ["", " ", "\n\n\t", "\r\n\r\n", "\u00a0\u2028\u2029", "\u200b\u2060\ufeff", "\x1c\x1f\x0b"]
)
def test_empty_or_white_space_text_gives_no_quotes_and_loads_no_model(text: str) -> None:
    assert unloadable().extract(text) == []
    assert list(unloadable().extract_many([text, text])) == [[], []]


# --------------------------------------------------------------------------- crash fixes


class _CannedParser:
    """Gives fixed analyses for one known sentence (no Stanza)."""

    def __init__(self, analyses: list[WordAnalysis]) -> None:
        self.analyses = analyses

    @property
    def name(self) -> str:
        return "canned"

    def parse(self, sentences: Any) -> list[list[WordAnalysis]]:
        assert [len(s) for s in sentences] == [len(self.analyses)]
        return [self.analyses]


def test_volgens_attached_to_an_earlier_word_does_not_crash() -> None:
    """Crash fixed: ``volgens`` whose parse head stood before it gave an empty phrase (IndexError in
    ``sieve_indirect_according_to``); found on news with the shipped model."""
    text = "Dat blijkt volgens de NCTV uit het onderzoek."
    rows = [  # form, upos, head, deprel
        ("Dat", "PRON", 2, "nsubj"),
        ("blijkt", "VERB", 0, "root"),
        ("volgens", "ADP", 1, "case"),
        ("de", "DET", 5, "det"),
        ("NCTV", "PROPN", 2, "obl"),
        ("uit", "ADP", 8, "case"),
        ("het", "DET", 8, "det"),
        ("onderzoek", "NOUN", 2, "obl"),
        (".", "PUNCT", 2, "punct"),
    ]
    tokens = []
    position = 0
    for index, (form, upos, head, deprel) in enumerate(rows, start=1):
        start = text.index(form, position)
        position = start + len(form)
        tokens.append(Token(index, form, form.lower(), upos, "_", head, deprel, start, position))
    doc = ParsedDocument(text, (Sentence(tuple(tokens)),))
    quotes = unloadable().extract_parsed(doc)
    check_offsets(text, quotes)
    assert [q.cue.span.text if q.cue else None for q in quotes] == ["volgens"]
    assert [q.speaker.span.text if q.speaker and q.speaker.span else None for q in quotes] == ["NCTV"]
    # The same analysis through the whole pipeline, with a parser that gives it.
    analyses = [WordAnalysis(form.lower(), upos, "_", head, deprel) for form, upos, head, deprel in rows]
    end_to_end = Attributor(parser=_CannedParser(analyses), parse_all=True).extract(text)
    assert summary(end_to_end) == summary(quotes)


@model
def test_volgens_sentence_from_the_news_does_not_crash(attributor: Attributor) -> None:
    text = (
        "Dat er desondanks nog steeds een dreiging is van een aanslag in Nederland blijkt volgens de NCTV "
        "en inlichtingendienst AIVD onder meer uit het oprollen, in september, van de 'Arnhem-groep'."
    )
    check_offsets(text, attributor.extract(text))


# --------------------------------------------------------------------------- words, stage by stage


def words(text: str) -> list[str]:
    return [text[start:end] for sentence in segment(text) for start, end in sentence.tokens]


@pytest.mark.parametrize(
    "mark", ["\u061c", "\u180e", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202e",
             "\u2060", "\u2064", "\u2066", "\u2069", "\ufeff"]
)  # fmt: skip
def test_invisible_format_characters_are_no_part_of_a_word(mark: str) -> None:
    text = f"{mark}‘Het gaat goed’,{mark} zei{mark} Jan{mark}de{mark} Vries.{mark}"
    assert words(text) == ["‘", "Het", "gaat", "goed", "’", ",", "zei", "Jan", "de", "Vries", "."]


def test_soft_hyphens_and_combining_marks_stay_in_their_word() -> None:
    assert words("ver\u00adkiezing Jose\u0301 ga\u0308at") == ["ver\u00adkiezing", "Jose\u0301", "ga\u0308at"]
    names = index_names("zei Jose\u0301 Garci\u0301a en E\u0301mile Zola")
    assert [name.text for name in names] == ["Jose\u0301 Garci\u0301a", "E\u0301mile Zola"]


def test_markup_is_no_part_of_a_sentence() -> None:
    text = '<p class="intro">‘Het gaat goed’, zei <b>Jan de Vries</b>.</p>\n<!-- ‘ --><BR/><my-tag x=1>'
    assert words(text) == ["‘", "Het", "gaat", "goed", "’", ",", "zei", "Jan", "de", "Vries", "."]
    # The quotes of an attribute value and of a comment are no quotation marks.
    assert [text[s.content_start : s.content_end] for s in scan(text)] == ["Het gaat goed"]
    alt = '<img alt="De burgemeester in gesprek"> "Ja, echt"'
    assert [alt[s.content_start : s.content_end] for s in scan(alt)] == ["Ja, echt"]


@pytest.mark.parametrize(
    "text",
    ["a < b en c > d", "<Jan de Vries>", "<3", "<<Ja>>", "x<-y", "< p>", "<!-- nooit dicht", "<p title='x"],
)
def test_a_less_than_sign_that_opens_no_markup_stays_text(text: str) -> None:
    assert [(text[start:end]) for start, end in markup_spans(text)] == []
    assert "".join(words(text)) == "".join(text.split())


def test_markup_spans_of_hostile_text_are_found_in_linear_time() -> None:
    for unit, found in [("<p ", 0), ("<!--", 0), ('<a href="', 0), ("<", 0), ("<b>x", 3), ("<!-- x -->", 10)]:
        text = unit * (200_000 // len(unit))
        spans = markup_spans(text)
        assert sum(end - start for start, end in spans) == found * (200_000 // len(unit))
        assert all(text[start] == "<" and text[end - 1] == ">" for start, end in spans)


# --------------------------------------------------------------------------- found by fuzzing (tests/fuzz)


def tokens_of(text: str, split_at: set[int]) -> list[str]:
    sentences = segment(text, split_at=split_at)
    return [text[start:end] for sentence in sentences for start, end in sentence.tokens]


def test_a_forced_period_after_an_abbreviation_stays_a_token_of_its_own() -> None:
    """fuzz_scanner.py: ``segment(split_at=…)`` promises a token of its own at every offset given,
    but the period of an abbreviation (``nl.``) was glued back to it, or to a forced word before it."""
    assert tokens_of("';nl.'''", {0, 4, 5, 6}) == ["'", ";", "nl", ".", "''", "'"]
    assert tokens_of("Zie o.a. dhr. Jansen.", {7})[:3] == ["Zie", "o.a", "."]
    # The same with the forced offset on the word before the period (a second crash).
    assert tokens_of(";p.-", {1}) == [";", "p", ".", "-"]


# --------------------------------------------------------------------------- long documents in blocks


class _FlatParser:
    """Every word ``X`` under the first: no cue is ever found, only quotes by their marks."""

    @property
    def name(self) -> str:
        return "flat"

    def parse(self, sentences: Any) -> list[list[WordAnalysis]]:
        root = WordAnalysis("_", "X", "_", 0, "root")
        dependent = WordAnalysis("_", "X", "_", 1, "dep")
        return [[root] + [dependent] * (len(sentence) - 1) for sentence in sentences]


def _long_text() -> str:
    paragraphs = [f"‘Dit is zin {n} van een citaat dat niemand toegeschreven krijgt.’" for n in range(30)]
    giant = " ".join(
        f"Zin {n} staat hier. ‘Een citaat van woorden en nog {n}. En nog een zin erin.’" for n in range(40)
    )
    return "\n\n".join([*paragraphs[:15], giant, *paragraphs[15:]])


def test_long_text_is_cut_into_blocks_between_paragraphs_and_outside_quotes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(attributor_module, "BLOCK_CHARS", 400)
    text = _long_text()
    blocks = attributor_module._blocks(text)
    assert len(blocks) > 10
    stretches = scan(text)
    position = 0
    for start, end in blocks:
        assert position <= start < end <= len(text)
        assert not text[position:start].strip()
        assert not any(s.start < start < s.end for s in stretches)
        position = end
    assert not text[position:].strip()


def test_blocks_give_the_quotes_of_the_whole_text(monkeypatch: pytest.MonkeyPatch) -> None:
    text = _long_text()
    extractor = Attributor(parser=_FlatParser())
    whole = extractor.extract(text)
    assert len(whole) == 70
    monkeypatch.setattr(attributor_module, "BLOCK_CHARS", 400)
    in_blocks = extractor.extract(text)
    check_offsets(text, in_blocks)
    assert in_blocks == whole
    assert list(extractor.extract_many(["‘Kort citaat van vier woorden.’", text])) == [
        extractor.extract("‘Kort citaat van vier woorden.’"),
        whole,
    ]


# --------------------------------------------------------------------------- hostile text, end to end


@model
def test_a_megabyte_document_gives_the_quotes_of_its_paragraphs(attributor: Attributor) -> None:
    """1 MB in one call: filler paragraphs that need no parse and, every 50th paragraph, a quote.
    Every quote is found as in its paragraph alone (the parser gets bounded chunks); the memory
    figures are measured by benchmarks/large_document.py."""
    filler = (
        "De gemeenteraad vergaderde donderdagavond over de begroting van het komende jaar. "
        "Daarna ging het over de plannen voor de haven en de nieuwe brug over de rivier."
    )
    quote = "‘Het gaat goed met de haven’, zei wethouder Jan de Vries."
    alone = summary(attributor.extract(quote))
    assert alone == [("direct", "Het gaat goed met de haven", "zei", "Jan de Vries")]
    paragraphs: list[str] = []
    length = -2
    while length < 1_000_000:
        paragraphs.append(quote if len(paragraphs) % 50 == 0 else filler)
        length += len(paragraphs[-1]) + 2
    text = "\n\n".join(paragraphs)
    assert len(text) >= 1_000_000
    quotes = attributor.extract(text)
    check_offsets(text, quotes)
    assert summary(quotes) == alone * paragraphs.count(quote)


@model
def test_ten_thousand_quote_marks(attributor: Attributor) -> None:
    """10,000 nested marks inside one quote: one stretch, 10,000 inner marks, the sentences cut at
    the limit; the quote and its attribution are still found."""
    inner = "“a” " * 5000
    text = f"‘{inner}klaar’, zei Jan de Vries."
    assert len(quote_mark_offsets(text)) == 10_002
    quotes = attributor.extract(text)
    check_offsets(text, quotes)
    assert summary(quotes) == [("direct", f"{inner}klaar", "zei", "Jan de Vries")]


@model
def test_only_opening_marks(attributor: Attributor) -> None:
    marks_only = "‘" * 10_000
    assert attributor.extract(marks_only) == []
    text = " ".join(["‘Het gaat goed, zei Jan de Vries."] * 30) + "\n\n„Ja, zegt hij. „Nee, zeker niet."
    quotes = attributor.extract(text)
    check_offsets(text, quotes)
    # Each unclosed quote runs to the next opener or the paragraph end.
    contents = [q.content.text for q in quotes]
    assert contents == ["Het gaat goed, zei Jan de Vries."] * 30 + ["Ja, zegt hij.", "Nee, zeker niet."]


@model
def test_mixed_and_mismatched_marks(attributor: Attributor) -> None:
    noise = " ".join(["‘Het “gaat’ goed” «ja› ,,nee» 'x\" ‹a» ’b‘ ”c“ »d«."] * 30)
    text = f"{noise}\n\n{QUOTE}\n\n''Ja,, zei hij'' \"\"\"‚‚‚"
    quotes = attributor.extract(text)
    check_offsets(text, quotes)
    assert ("direct", "Het gaat goed", "zei", "Jan de Vries") in summary(quotes)


@model
def test_quote_longer_than_the_sentence_limit(attributor: Attributor) -> None:
    content = "het gaat goed en " * (MAX_SENTENCE_TOKENS // 4 + 30) + "klaar"
    assert len(content.split()) > MAX_SENTENCE_TOKENS
    text = f"‘{content}’, zei Jan de Vries."
    quotes = attributor.extract(text)
    check_offsets(text, quotes)
    assert summary(quotes) == [("direct", content, "zei", "Jan de Vries")]


@model
def test_nul_and_control_characters(attributor: Attributor) -> None:
    text = "\x00‘Het\x00 gaat\x01 goed\x1f’, zei\x7f Jan de Vries.\x00\x08\x1b[0m\x85\x9f"
    quotes = attributor.extract(text)
    check_offsets(text, quotes)
    assert summary(quotes) == [("direct", "Het\x00 gaat\x01 goed\x1f", "zei", "Jan de Vries")]


@model
def test_zero_width_and_bidi_marks(attributor: Attributor) -> None:
    text = "\ufeff‘Het\u200b gaat\u200d goed\u202e’,\u2066 zei\u200f Jan\u2069 de Vries.\u200e\u2060"
    check_offsets(text, attributor.extract(text))
    # Between the words they are white space: the quote reads as without them.
    spaced = "\ufeff‘Het gaat goed’, \u200bzei Jan de Vries.\u200b"
    quotes = attributor.extract(spaced)
    check_offsets(spaced, quotes)
    assert summary(quotes) == [("direct", "Het gaat goed", "zei", "Jan de Vries")]


@model
def test_bidi_mark_glued_to_the_cue_verb(attributor: Attributor) -> None:
    """Fixed: ``zei\u200f`` was one token that no cue list knew. Invisible format characters are no
    part of a word, so the cue is ``zei`` (the mark stays in the text, outside every span)."""
    text = "‘Het gaat goed’, zei\u200f Jan de Vries."
    quotes = attributor.extract(text)
    check_offsets(text, quotes)
    assert summary(quotes) == [("direct", "Het gaat goed", "zei", "Jan de Vries")]
    for mark in ("\u200e", "\u202c", "\u2069", "\u200d", "\ufeff"):
        glued = f"‘Het gaat goed’,{mark} zei{mark} Jan de Vries{mark}."
        quotes = attributor.extract(glued)
        check_offsets(glued, quotes)
        assert summary(quotes) == [("direct", "Het gaat goed", "zei", "Jan de Vries")]


@model
def test_lone_surrogates(attributor: Attributor) -> None:
    text = "\udfff‘Het \ud800 gaat \udfff goed’, zei Jan de Vries.\ud83d"
    quotes = attributor.extract(text)
    check_offsets(text, quotes)
    assert summary(quotes) == [("direct", "Het \ud800 gaat \udfff goed", "zei", "Jan de Vries")]
    assert [quote.to_dict()["text"] for quote in quotes] == ["Het \ud800 gaat \udfff goed"]


@model
def test_combining_characters(attributor: Attributor) -> None:
    """Combining marks stay in their words and the offsets stay exact. ``zei\u0327`` is another word
    than ``zei`` (no cue), so whether that quote is kept rests on the tagger's guess for the garbled
    words (a short noun phrase with no cue is a scare quote): with the model shipped on 2026-11-29
    it is dropped, with the one before it was kept. With a real cue it is attributed."""
    text = "‘He\u0301t ga\u0308at goed\u0301’, zei\u0327 Jan de Vries.\u0301"
    quotes = attributor.extract(text)
    check_offsets(text, quotes)
    assert [q.content.text for q in quotes] in ([], ["He\u0301t ga\u0308at goed\u0301"])
    text = "‘He\u0301t ga\u0308at goed\u0301’, zei Jan de Vries.\u0301"
    quotes = attributor.extract(text)
    check_offsets(text, quotes)
    assert summary(quotes) == [("direct", "He\u0301t ga\u0308at goed\u0301", "zei", "Jan de Vries")]


@model
def test_decomposed_accent_in_a_name(attributor: Attributor) -> None:
    """Fixed: the name pattern ended a word before a combining mark, so NFD ``José García`` gave
    ``García``; a combining mark belongs to the letter before it."""
    text = "‘Het gaat goed’, zei Jose\u0301 Garci\u0301a."
    quotes = attributor.extract(text)
    check_offsets(text, quotes)
    (quote,) = quotes
    assert quote.speaker is not None
    assert quote.speaker.name == "Jose\u0301 Garci\u0301a"


@model
def test_crlf_and_cr_line_ends_give_the_same_quotes(attributor: Attributor) -> None:
    lf = (
        "De Russische minister Sergei Lavrov sprak maandag in Genève.\n\n"
        "‘We zijn bereid te praten’, zei Lavrov.\n\n"
        "‘Maar niet onder druk.’\nHij zei dat het overleg doorgaat."
    )
    expected = summary(attributor.extract(lf))
    assert len(expected) >= 2
    for newline in ("\r\n", "\r"):
        text = lf.replace("\n", newline)
        quotes = attributor.extract(text)
        check_offsets(text, quotes)
        assert summary(quotes) == expected


@model
def test_html_left_in_the_text(attributor: Attributor) -> None:
    text = (
        '<p class="intro">‘Het gaat goed’, zei <b>Jan de Vries</b>.</p>\n'
        '<p>&ldquo;Nee&rdquo; &quot;ja&quot; <a href="https://x.nl/?a=1&b=‘2’">link</a></p>'
        "<script>var s = 'zei: \"x\"';</script><!-- ‘ -->"
    )
    quotes = attributor.extract(text)
    check_offsets(text, quotes)
    assert [(q.kind.value, q.content.text) for q in quotes][:1] == [("direct", "Het gaat goed")]


@model
def test_html_tag_around_the_speaker(attributor: Attributor) -> None:
    """Fixed: ``<`` of ``<b>`` was a token and the parse made it the subject. Markup is no part of
    any sentence (the segmenter skips it) and its attribute quotes are no quotation marks."""
    text = '<p class="intro">‘Het gaat goed’, zei <b>Jan de Vries</b>.</p>'
    quotes = attributor.extract(text)
    check_offsets(text, quotes)
    assert summary(quotes) == [("direct", "Het gaat goed", "zei", "Jan de Vries")]
    text = (
        '<!DOCTYPE html><BODY><img alt="De burgemeester in gesprek met bewoners">\n'
        "<P>&nbsp;</P><p>“Het gaat goed”, zegt <a href='/p/jan'><i>Jan de Vries</i></a>.<br/></p>"
    )
    quotes = attributor.extract(text)
    check_offsets(text, quotes)
    assert summary(quotes) == [("direct", "Het gaat goed", "zegt", "Jan de Vries")]


@pytest.mark.parametrize(
    "text",
    [
        '"It is fine," said John Smith. She said that it rains. \'Yes,\' he said: "no".',
        "« Ce n'est pas grave », a dit Jean Dupont. Il a dit qu'il pleut. L'État l'a dit.",
        "„Es geht gut“, sagte Hans Müller. Er sagte, dass es regnet. »Nein«, sagte sie.",
    ],
    ids=["english", "french", "german"],
)
@model
def test_other_languages(attributor: Attributor, text: str) -> None:
    quotes = attributor.extract(text)
    check_offsets(text, quotes)
    assert attributor.extract(text) == quotes


@model
def test_numbers_and_tables(attributor: Attributor) -> None:
    table = "Jaar\tOmzet\tWinst\n2020\t1.000\t3,5%\n2021\t2.000,-\t-4\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    text = table * 20 + "\n1.000.000 2-1 12:30 5,- 50% 3,14159 1e10 0x1F '90-er ±5 €3,50\n\n" + QUOTE
    quotes = attributor.extract(text)
    check_offsets(text, quotes)
    assert summary(quotes) == [("direct", "Het gaat goed", "zei", "Jan de Vries")]


@model
def test_a_single_word_of_100000_characters(attributor: Attributor) -> None:
    word = "a" * 100_000
    assert attributor.extract(word) == []
    text = f"‘{word}’, zei Jan de Vries."
    assert len(word) > PARSER_WORD_CHARS
    quotes = attributor.extract(text)
    check_offsets(text, quotes)
    assert summary(quotes) == [("direct", word, "zei", "Jan de Vries")]


class _RecordingParser:
    """Passes sentences on to another parser and records how many words each call gave it."""

    def __init__(self, parser: Any) -> None:
        self.parser = parser
        self.calls: list[list[int]] = []

    @property
    def name(self) -> str:
        return "recording"

    def parse(self, sentences: Any) -> list[list[WordAnalysis]]:
        self.calls.append([len(sentence) for sentence in sentences])
        result: list[list[WordAnalysis]] = self.parser.parse(sentences)
        return result


@model
def test_the_parser_gets_bounded_chunks_and_batching_changes_nothing(
    attributor: Attributor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Documents batched together and parsed in chunks of about PARSE_CHUNK_WORDS words give what
    each gives alone."""
    texts = [QUOTE, "", "‘a’ " * 40, "\x00\ud800", "Volgens de minister gaat het goed.", QUOTE * 3]
    alone = [summary(attributor.extract(text)) for text in texts]
    monkeypatch.setattr(attributor_module, "PARSE_CHUNK_WORDS", 20)
    recording = _RecordingParser(attributor.parser)
    batched = list(Attributor(parser=recording).extract_many(texts, batch_docs=4))
    assert [summary(quotes) for quotes in batched] == alone
    for text, quotes in zip(texts, batched, strict=True):
        check_offsets(text, quotes)
    assert len(recording.calls) >= 4
    for sizes in recording.calls:
        assert sum(sizes) <= 20 or len(sizes) == 1


# Inputs on which the atheris scanner harness (tests/fuzz/fuzz_scanner.py) once stopped, as that
# harness turned them into a text and extra split offsets; docs/robustness.md records the runs.
@pytest.mark.parametrize(
    ("text", "extra"),
    [
        ('.-;~.;.-;~".p.-;~".p.-.p.-.p.-.p,', {-2, 6, 19}),
        ("';nl.'''", {-2, 4}),
    ],
)
def test_fuzz_scanner_crashes_stay_fixed(text: str, extra: set[int]) -> None:
    stretches = scan(text)
    offsets = quote_mark_offsets(text, stretches)
    split_at = set(offsets) | extra
    sentences = segment(text, split_at=split_at)
    tokens = [token for sentence in sentences for token in sentence.tokens]
    assert all(0 <= start < end <= len(text) and text[start:end].strip() for start, end in tokens)
    assert [start for start, _ in tokens] == sorted(start for start, _ in tokens)
    inside = [o for o in split_at if 0 <= o < len(text) and not text[o].isspace()]
    # Every forced split offset starts or ends a token (a mark is a token of its own).
    bounds = {start for start, _ in tokens} | {end for _, end in tokens}
    assert all(o in bounds or o + 1 in bounds for o in inside)
