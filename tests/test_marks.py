"""Tests of the quote-mark scanner: conventions, apostrophes, nesting, unclosed marks, paragraphs,
properties on arbitrary text, speed, and coverage of the gold direct quotes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import dutch_words, quote_texts

from quoteattr.marks import QuotedStretch, paragraph_spans, quote_mark_offsets, scan

SHARED = Path(__file__).resolve().parents[2] / "shared"
MARK_CHARACTERS = set(",\"'‘’‚‛“”„‟«»‹›")


# --------------------------------------------------------------------------- helpers


def contents(text: str) -> list[str]:
    """The content of every stretch ``scan`` finds."""
    return [text[s.content_start : s.content_end] for s in scan(text)]


def only(text: str) -> QuotedStretch:
    """The single stretch of ``text``."""
    stretches = scan(text)
    assert len(stretches) == 1, [text[s.content_start : s.content_end] for s in stretches]
    return stretches[0]


def check_invariants(text: str, stretches: list[QuotedStretch]) -> None:
    """Offsets in bounds, marks around the content, text order, no overlap, within a paragraph."""
    paragraphs = paragraph_spans(text)
    previous_end = 0
    previous_paragraph = 0
    for s in stretches:
        assert 0 <= previous_end <= s.open_start < s.open_end == s.content_start <= s.content_end <= len(text)
        assert s.opener == text[s.open_start : s.open_end]
        assert set(s.opener) <= MARK_CHARACTERS
        if s.closed:
            assert s.close_start is not None
            assert s.close_end is not None
            assert s.closer is not None
            assert s.content_end == s.close_start < s.close_end == s.end <= len(text)
            assert s.closer == text[s.close_start : s.close_end]
            assert set(s.closer) <= MARK_CHARACTERS
        else:
            assert s.close_start is None
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
            inner_end = end
        previous_end, previous_paragraph = s.end, s.paragraph


# --------------------------------------------------------------------------- conventions


@pytest.mark.parametrize(
    ("text", "opener", "closer"),
    [
        ("Hij zei: ‘Wij gaan.’ Einde.", "‘", "’"),
        ("Hij zei: “Wij gaan.” Einde.", "“", "”"),
        ("Hij zei: „Wij gaan.” Einde.", "„", "”"),
        ("Hij zei: ,,Wij gaan.'' Einde.", ",,", "''"),
        ('Hij zei: "Wij gaan." Einde.', '"', '"'),
        ("Hij zei: 'Wij gaan.' Einde.", "'", "'"),
        ("Hij zei: «Wij gaan.» Einde.", "«", "»"),
        ("Hij zei: ‹Wij gaan.› Einde.", "‹", "›"),
        ("Hij zei: ‚Wij gaan.’ Einde.", "‚", "’"),
        ("Hij zei: ,,Wij gaan.” Einde.", ",,", "”"),
        ('Hij zei: ,,Wij gaan." Einde.', ",,", '"'),
        ("Hij zei: ”Wij gaan.” Einde.", "”", "”"),
        ("Hij zei: \"Wij gaan.'' Einde.", '"', "''"),
        ("Hij zei: „Wij gaan.“ Einde.", "„", "“"),
        ("Hij zei: 'Wij gaan.'' Einde.", "'", "''"),
        ("Hij zei: »Wij gaan.« Einde.", "»", "«"),
        ("Hij zei: ''Wij gaan.'' Einde.", "''", "''"),
    ],
)
def test_each_convention_gives_one_closed_stretch(text: str, opener: str, closer: str) -> None:
    s = only(text)
    assert (s.opener, s.closer) == (opener, closer)
    assert text[s.content_start : s.content_end] == "Wij gaan."
    assert s.closed
    assert s.paragraph == 0


def test_offsets_point_at_the_marks() -> None:
    text = "Hij zei: ,,Wij gaan.'' Einde."
    s = only(text)
    assert (s.open_start, s.open_end) == (9, 11)
    assert (s.close_start, s.close_end) == (20, 22)
    assert (s.content_start, s.content_end) == (11, 20)
    assert (s.start, s.end) == (9, 22)


def test_quote_at_text_start_and_end() -> None:
    assert contents("‘Horen zij bij elkaar?’") == ["Horen zij bij elkaar?"]
    assert contents("'Ja'") == ["Ja"]


def test_attribution_between_two_quotes_gives_two_stretches() -> None:
    text = ",,Dat wilde ik ook”, zegt Melle, ,,ik wilde ook fietsen.” Dus."
    assert contents(text) == ["Dat wilde ik ook", "ik wilde ook fietsen."]


def test_multi_sentence_quote_is_one_stretch() -> None:
    text = "‘Het is niet verstandig. De maatregelen zijn nodig. Hou vol!’ zei hij."
    assert contents(text) == ["Het is niet verstandig. De maatregelen zijn nodig. Hou vol!"]


def test_white_space_inside_the_marks_stays_in_the_content() -> None:
    text = "schrijft hij: ‘ De gedachte was goed. ’ Het"
    assert contents(text) == [" De gedachte was goed. "]


def test_empty_pair_is_a_stretch() -> None:
    s = only('Hij zei "" en ging.')
    assert s.closed
    assert s.content_start == s.content_end


def test_no_marks_no_stretches() -> None:
    assert scan("") == []
    assert scan("Gewoon een zin, met komma's, zonder citaat.") == []
    assert quote_mark_offsets("") == frozenset()


# --------------------------------------------------------------------------- direction by context


def test_right_double_mark_used_as_opener() -> None:
    assert contents("Zij zei niet: ”De steekproef is te klein.” Zij wil meer.") == [
        "De steekproef is te klein."
    ]


def test_left_double_mark_used_as_closer() -> None:
    assert contents("meldingen worden “gedowngrade“: als minder ernstig") == ["gedowngrade"]


def test_right_single_mark_used_as_opener() -> None:
    text = "over de ’ontbrekende sportpagina in de krant’: „Ik was in shock.”"
    assert contents(text) == ["ontbrekende sportpagina in de krant", "Ik was in shock."]


def test_free_standing_closer_after_an_inner_quote() -> None:
    text = "voorlichters: ‘Wie belt, krijgt “Als het om het hof gaat.” ’\n\nIk weet het niet."
    s = only(text)
    assert s.closer == "’"
    assert text[s.content_start : s.content_end] == "Wie belt, krijgt “Als het om het hof gaat.” "


def test_straight_marks_close_by_position() -> None:
    # After a comma and before a space the straight mark closes; after a space it opens.
    assert contents('"Nooit eerder is dat gezegd," aldus het museum. "Dat blijft."') == [
        "Nooit eerder is dat gezegd,",
        "Dat blijft.",
    ]


def test_closing_shape_in_opening_context_closes_when_nothing_later_could() -> None:
    assert contents("„Ja, ”zei hij en ging.") == ["Ja, "]
    # With a closer still to come, the same mark opens a nested quote instead.
    assert contents("„Ja, ”zei” hij en ging.”") == ["Ja, ”zei” hij en ging."]


def test_opener_after_colon_without_space() -> None:
    assert contents("beloofde ook geld:,,We zullen onderzoeken.''") == ["We zullen onderzoeken."]


def test_opener_after_bracket_and_dash() -> None:
    assert contents("de klacht ('Het is vernieling''), na de verkiezingen") == ["Het is vernieling"]
    assert contents("en toen – 'Kom hier' – liep hij weg") == ["Kom hier"]


def test_double_comma_like_a_comma_is_no_mark() -> None:
    assert scan("dat,, en zo verder") == []
    assert scan("een, twee, drie") == []


def test_low_single_mark_like_a_comma_is_no_mark() -> None:
    assert scan("een‚ twee en drie") == []


def test_closer_with_nothing_open_is_ignored() -> None:
    assert scan("Een 5\" schijf en 12' wachten.") == []
    assert quote_mark_offsets("Een 5\" schijf en 12' wachten.") == frozenset()


# --------------------------------------------------------------------------- apostrophes


@pytest.mark.parametrize(
    "text",
    [
        "'s Avonds eten we.",
        "Hij komt 's avonds.",
        "Hij woont in 's-Hertogenbosch.",
        "'t Is mooi geweest.",
        "Dat is 't.",
        "Hij heeft 'n auto.",
        "'k Weet het niet.",
        "Ik zag 'm gisteren.",
        "Ik zag 'r gisteren.",
        "Kom 'ns hier.",
        "Zei 'ie dat?",
        "Het was zo'n dag.",
        "De auto's staan er.",
        "De foto’s staan er.",
        "Heeft d'r man gebeld?",
        "In de jaren '80 was het anders.",
        "De '90-ers zijn er.",
        "Dat is m'n fiets en z'n auto.",
        "Hij woont in A'dam.",
        "Shaquille O'Neill speelt.",
        "Hij houdt van rock 'n' roll.",
        "Ze zijn FvD'ers en D66'ers.",
        "Het was ’s morgens vroeg.",
        "Het was ‘s morgens vroeg.",
        "In ’80 en ’t jaar erna.",
    ],
)
def test_apostrophes_are_no_marks(text: str) -> None:
    assert scan(text) == []
    assert quote_mark_offsets(text) == frozenset()


def test_clitic_at_sentence_start_does_not_open() -> None:
    text = "'s Avonds zei hij: 'Kom.'"
    s = only(text)
    assert s.open_start == text.index("'Kom")
    assert text[s.content_start : s.content_end] == "Kom."


def test_plural_apostrophe_before_a_quote() -> None:
    assert contents("De auto's van 'de baas' staan er.") == ["de baas"]


@pytest.mark.parametrize(
    "inside",
    [
        "rock 'n' roll",
        "zo'n dag",
        "de auto's",
        "'s avonds",
        "'t huis",
        "'s-Hertogenbosch",
        "de jaren '80",
        "de '90-ers",
        "O'Neill",
        "m'n fiets",
    ],
)
def test_apostrophes_inside_a_quote_neither_close_nor_open(inside: str) -> None:
    text = f"Hij zei: 'Ik ken {inside} goed.' Toen ging hij."
    assert contents(text) == [f"Ik ken {inside} goed."]


def test_opener_before_a_clitic_is_kept() -> None:
    # ``''t``: the first mark opens the quote, the second is the apostrophe of ``'t``.
    assert contents("Hij zei: ''t Is mooi geweest,' en ging.") == ["'t Is mooi geweest,"]
    assert contents("Hij zei: ‘’t Is mooi geweest’, en ging.") == ["’t Is mooi geweest"]


# --------------------------------------------------------------------------- nesting


@pytest.mark.parametrize(
    "text",
    [
        "“Hij noemde het ‘onzin’ en liep weg.”",
        "\"Hij noemde het 'onzin' en liep weg.\"",
        "'Hij noemde het \"onzin\" en liep weg.'",
        ",,Hij noemde het 'onzin' en liep weg.''",
        "„Hij noemde het ‚onzin’ en liep weg.”",
        "«Hij noemde het ‹onzin› en liep weg.»",
        "'Hij noemde het 'onzin' en liep weg.'",
        "“Hij noemde het “onzin” en liep weg.”",
    ],
)
def test_inner_quote_stays_inside_the_outer_stretch(text: str) -> None:
    s = only(text)
    assert s.content_start == len(s.opener)
    assert s.content_end == len(text) - len(s.closer or "")
    assert len(s.inner_marks) == 2
    assert text[s.inner_marks[0][1] : s.inner_marks[1][0]] == "onzin"


def test_inner_marks_are_in_the_mark_offsets() -> None:
    text = "“Hij noemde het ‘onzin’ en liep weg.” Klaar."
    offsets = quote_mark_offsets(text)
    assert offsets == {0, text.index("‘"), text.index("’"), text.index("”")}
    assert quote_mark_offsets(text, scan(text)) == offsets


def test_same_family_nested_quote_in_a_long_quote() -> None:
    text = "Scientists. 'Trump heeft gelijk. Zijn belofte van een 'symmetrische' respons.' Met het oog op"
    assert contents(text) == ["Trump heeft gelijk. Zijn belofte van een 'symmetrische' respons."]


def test_inner_quote_left_open_inside_a_closed_quote() -> None:
    assert contents("“Hij zei ‘ja en ging.” Daarna.") == ["Hij zei ‘ja en ging."]


# --------------------------------------------------------------------------- unclosed marks


def test_unclosed_quote_ends_at_the_paragraph_end() -> None:
    text = "Hij zei: 'Ik kom morgen.  \n\nVolgende alinea."
    s = only(text)
    assert not s.closed
    assert s.closer is None
    assert s.close_start is None
    assert text[s.content_start : s.content_end] == "Ik kom morgen."


def test_unclosed_quote_ends_at_the_next_quote() -> None:
    text = "vinden we 'degenen die weigeren. 'Links zijn is lastig.' Het zijn"
    stretches = scan(text)
    assert [text[s.content_start : s.content_end] for s in stretches] == [
        "degenen die weigeren.",
        "Links zijn is lastig.",
    ]
    assert [s.closed for s in stretches] == [False, True]


def test_unclosed_quote_ends_at_a_sentence_initial_opener_of_another_family() -> None:
    text = "noemt de school 'een prima initiatief. ,,Maar het is jammer.\" Daarna."
    assert contents(text) == ["een prima initiatief.", "Maar het is jammer."]


def test_lone_opener_at_paragraph_end_gives_no_stretch() -> None:
    assert scan("Hij zei: ‘\n\nNiets.") == []


def test_unclosed_outer_quote_closes_at_an_utterance_ending_inner_closer() -> None:
    text = (
        "opzeggen. 'De huidige stand is 'net zo zorgwekkend als de Koude Oorlog', citeert de krant. "
        "'Trump heeft gelijk.' Met"
    )
    stretches = scan(text)
    assert [text[s.content_start : s.content_end] for s in stretches] == [
        "De huidige stand is 'net zo zorgwekkend als de Koude Oorlog",
        "Trump heeft gelijk.",
    ]
    assert stretches[0].closed
    assert stretches[0].inner_marks == ((text.index("'net"), text.index("'net") + 1),)


def test_closer_of_another_family_closes_an_unclosed_quote() -> None:
    text = "'Een robot is een prima back-up,\" zei een specialist. En zo verder."
    s = only(text)
    assert s.closer == '"'
    assert text[s.content_start : s.content_end] == "Een robot is een prima back-up,"


# --------------------------------------------------------------------------- paragraphs


@pytest.mark.parametrize("brk", ["\n\n", "\r\n\r\n", "\r\r", "\n \t\n", "\n\n\n\n", "\u2029"])
def test_quote_reopened_in_each_paragraph(brk: str) -> None:
    text = f"Hij zei: ‘Eerste alinea.{brk}‘Tweede alinea.{brk}‘Derde alinea.’ Klaar."
    stretches = scan(text)
    assert [text[s.content_start : s.content_end] for s in stretches] == [
        "Eerste alinea.",
        "Tweede alinea.",
        "Derde alinea.",
    ]
    assert [s.paragraph for s in stretches] == [0, 1, 2]
    assert [s.closed for s in stretches] == [False, False, True]


def test_single_line_break_is_no_paragraph_break() -> None:
    for brk in ("\n", "\r\n", "\r"):
        assert contents(f"‘Eerste regel.{brk}Tweede regel.’") == [f"Eerste regel.{brk}Tweede regel."]


def test_quote_never_spans_a_paragraph_break() -> None:
    text = "‘Begin van iets\n\nen het einde’ zei hij."
    s = only(text)
    assert not s.closed
    assert s.paragraph == 0
    assert text[s.content_start : s.content_end] == "Begin van iets"


def test_paragraph_spans_skip_blank_paragraphs() -> None:
    text = "\n\nA b.\n \n\nC d.\r\n\r\nE\u2029F\n\n  \n\n"
    assert [text[a:b] for a, b in paragraph_spans(text)] == ["A b.", "C d.", "E", "F"]
    assert paragraph_spans("") == []
    assert paragraph_spans("  \n\n ") == []


def test_paragraph_index_counts_only_non_blank_paragraphs() -> None:
    text = "\n\n\n‘Een.’\n\n\n\n“Twee.”"
    assert [s.paragraph for s in scan(text)] == [0, 1]


# --------------------------------------------------------------------------- API


def test_scan_rejects_a_non_string() -> None:
    with pytest.raises(TypeError, match="text must be a str"):
        scan(b"bytes")  # type: ignore[arg-type]


def test_mark_offsets_cover_opener_and_closer_characters() -> None:
    text = "Hij zei: ,,Kom.'' Toen ‘ging’ hij."
    offsets = quote_mark_offsets(text)
    assert offsets == {9, 10, 15, 16, text.index("‘"), text.index("’")}
    assert all(text[o] in MARK_CHARACTERS for o in offsets)


def test_unclosed_stretch_has_only_opener_offsets() -> None:
    text = "Hij zei 'ja en ging weg."
    assert quote_mark_offsets(text) == {text.index("'")}


# --------------------------------------------------------------------------- properties


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_arbitrary_text(text: str) -> None:
    stretches = scan(text)
    check_invariants(text, stretches)
    assert all(0 <= o < len(text) for o in quote_mark_offsets(text, stretches))


@settings(max_examples=500, deadline=None)
@given(quote_texts())
def test_invariants_on_mark_dense_text(text: str) -> None:
    stretches = scan(text)
    check_invariants(text, stretches)
    offsets = quote_mark_offsets(text, stretches)
    assert all(text[o] in MARK_CHARACTERS for o in offsets)
    assert offsets == quote_mark_offsets(text)


@settings(max_examples=200, deadline=None)
@given(quote_texts())
def test_scan_is_deterministic(text: str) -> None:
    assert scan(text) == scan(text)


@settings(max_examples=300, deadline=None)
@given(
    quote_texts(max_fragments=20),
    dutch_words(),
    st.sampled_from(["'s", "'n", "'tje", "’s", "'er", "’ers"]),
    quote_texts(max_fragments=20),
)
def test_word_internal_apostrophe_is_never_a_mark(before: str, word: str, ending: str, after: str) -> None:
    text = f"{before} {word}{ending} {after}"
    apostrophe = len(before) + 1 + len(word)
    assert apostrophe not in quote_mark_offsets(text)
    check_invariants(text, scan(text))


@settings(max_examples=300, deadline=None)
@given(
    quote_texts(max_fragments=20),
    st.sampled_from(["'s", "'t", "'n", "'k", "'m", "'r", "'ns", "’s", "’t", "‘s", "'80", "'90", "'s-H"]),
    quote_texts(max_fragments=20),
)
def test_clitic_apostrophe_never_opens(before: str, clitic: str, after: str) -> None:
    text = f"{before} {clitic} {after}"
    apostrophe = len(before) + 1
    assert apostrophe not in quote_mark_offsets(text)
    assert all(s.open_start != apostrophe for s in scan(text))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="abc .,'‘’“”\"", max_size=30), min_size=1, max_size=5))
def test_paragraphs_are_scanned_independently(paragraphs: list[str]) -> None:
    # What one paragraph holds never changes what another one gives.
    text = "\n\n".join(f"X{p}X" for p in paragraphs)
    alone = [contents(f"X{p}X") for p in paragraphs]
    together: list[list[str]] = [[] for _ in paragraphs]
    for s in scan(text):
        together[s.paragraph].append(text[s.content_start : s.content_end])
    assert together == alone


# --------------------------------------------------------------------------- speed


def test_many_marks_and_a_megabyte_keep_invariants() -> None:
    # Time per character is measured in benchmarks/scaling_scan.py, not in a unit test.
    texts = [
        "‘a " * 10_000,  # 10,000 nested openers, never closed
        "“a. ‘b. " * 5_000,  # 10,000 openers, each a new quote
        "'a 'b', " * 5_000,  # repairs and re-reads
        "'" * 20_000,
        "\n" + (" " * 1_000 + "\n") * 1_000,
        ("Hij zei: ,,Dat is zo'n mooie dag.'' En toen 'ging' hij. " * 20_000)[:1_000_000],
    ]
    for text in texts:
        stretches = scan(text)
        ends = [s.end for s in stretches]
        assert ends == sorted(ends)
        assert all(0 <= s.open_start < s.content_start <= s.content_end <= len(text) for s in stretches)


# --------------------------------------------------------------------------- gold


def _gold_direct_quotes() -> list[tuple[str, str, int, int, list[QuotedStretch]]]:
    if not SHARED.is_dir():
        pytest.skip("the shared data folder ../shared is not present")
    gold_dir = SHARED / "gold"
    found = []
    for name in ("dev.jsonl", "dev-news.jsonl"):
        with (gold_dir / name).open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                text = record["text"]
                stretches = scan(text)
                check_invariants(text, stretches)
                for quote in record["quotes"]:
                    if quote["kind"] == "direct":
                        start, end = quote["content"]
                        found.append((str(record["id"]), text, start, end, stretches))
    return found


def test_gold_direct_quotes_are_covered_by_stretches() -> None:
    quotes = _gold_direct_quotes()
    assert len(quotes) > 100
    missed = []
    for doc_id, text, start, end, stretches in quotes:
        covered = max((min(end, s.content_end) - max(start, s.content_start) for s in stretches), default=0)
        if covered < 0.9 * (end - start):
            missed.append(f"{doc_id} {text[start:end][:50]!r}")
    coverage = 1 - len(missed) / len(quotes)
    print(f"gold direct quotes covered: {len(quotes) - len(missed)}/{len(quotes)} = {coverage:.3f}")
    assert coverage >= 0.95, missed
