"""Tests for quoteattr.segment: UD Dutch tokenisation, sentence splitting, offsets, robustness."""

from __future__ import annotations

import time
from collections.abc import Collection
from itertools import groupby
from pathlib import Path

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st
from strategies import quote_texts

from quoteattr.conllu import read_trees
from quoteattr.marks import paragraph_spans
from quoteattr.markup import markup_spans
from quoteattr.segment import MAX_SENTENCE_TOKENS, MAX_TOKEN_CHARS, SentenceSpan, segment

# The invisible format characters segment.py counts as white space: zero-width spaces and
# joiners, direction marks, bidi embeddings and isolates, the word joiner, the BOM.
_INVISIBLE_RANGES = [(0x061C, 0x061C), (0x180E, 0x180E), (0x200B, 0x200F), (0x202A, 0x202E)]
_INVISIBLE_RANGES += [(0x2060, 0x2064), (0x2066, 0x206F), (0xFEFF, 0xFEFF)]
ZERO_WIDTH_SPACES = "".join(chr(code) for first, last in _INVISIBLE_RANGES for code in range(first, last + 1))


def tokens(text: str, split_at: Collection[int] = frozenset()) -> list[str]:
    return [
        text[start:end] for sentence in segment(text, split_at=split_at) for start, end in sentence.tokens
    ]


def sentences(text: str) -> list[list[str]]:
    return [[text[start:end] for start, end in sentence.tokens] for sentence in segment(text)]


def is_space(char: str) -> bool:
    return char.isspace() or char in ZERO_WIDTH_SPACES


# --------------------------------------------------------------------------- tokenisation conventions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hij zei: ja, nee; (of) [toch] {niet}!",
            [
                "Hij",
                "zei",
                ":",
                "ja",
                ",",
                "nee",
                ";",
                "(",
                "of",
                ")",
                "[",
                "toch",
                "]",
                "{",
                "niet",
                "}",
                "!",
            ],
        ),
        ("en/of t/m km/u 1/2 maar 3 / 4", ["en/of", "t/m", "km/u", "1/2", "maar", "3", "/", "4"]),
        ("Wat?! Ja... nee… Echt??", ["Wat", "?!", "Ja", "...", "nee", "…", "Echt", "??"]),
        (
            "Hij: ,,Kom.'' Zij: \"Ga.\" «Nee» “Ja” „Toch” ‘Zo’",
            [
                "Hij",
                ":",
                ",,",
                "Kom",
                ".",
                "''",
                "Zij",
                ":",
                '"',
                "Ga",
                ".",
                '"',
                "«",
                "Nee",
                "»",
                "“",
                "Ja",
                "”",
                "„",
                "Toch",
                "”",
                "‘",
                "Zo",
                "’",
            ],
        ),
        ("gravel:,,Dat", ["gravel", ":", ",,", "Dat"]),
        ("Jansen,,,waar", ["Jansen", ",", ",,", "waar"]),
    ],
)
def test_punctuation_is_split_off(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dhr. Jansen", ["dhr.", "Jansen"]),
        (
            "mr. drs. Dr. Prof. ir. mevr. St. Jan",
            ["mr.", "drs.", "Dr.", "Prof.", "ir.", "mevr.", "St.", "Jan"],
        ),
        (
            "o.a. bijv. m.b.t. e.d. t.o.v. d.w.z. blz. 5 nr. 3",
            ["o.a.", "bijv.", "m.b.t.", "e.d.", "t.o.v.", "d.w.z.", "blz.", "5", "nr.", "3"],
        ),
        ("J. Jansen en A.F.Th. van der Heijden", ["J.", "Jansen", "en", "A.F.Th.", "van", "der", "Heijden"]),
        ("op 1 jan. 2020", ["op", "1", "jan.", "2020"]),
        ("het O.L.V.-college in de St.-Janstraat", ["het", "O.L.V.-college", "in", "de", "St.-Janstraat"]),
        ("J.Ensor", ["J.Ensor"]),
    ],
)
def test_abbreviations_keep_their_period(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


def test_sentence_final_abbreviation_swallows_the_period() -> None:
    # UD Dutch: "… drugs, enz." ends with the token "enz.", no separate period.
    assert sentences("Er waren drugs, enz. De rest niet.") == [
        ["Er", "waren", "drugs", ",", "enz."],
        ["De", "rest", "niet", "."],
    ]
    assert tokens("Dat kost 5 kg.") == ["Dat", "kost", "5", "kg."]


def test_common_words_are_no_abbreviations() -> None:
    # zo., Jan. (the name), kon. are ordinary words at a sentence end.
    assert tokens("Het is zo. Zei Jan. Wat ik kon.") == [
        "Het",
        "is",
        "zo",
        ".",
        "Zei",
        "Jan",
        ".",
        "Wat",
        "ik",
        "kon",
        ".",
    ]


def test_abbreviation_before_an_ellipsis_or_second_period() -> None:
    assert tokens("enz... De") == ["enz", "...", "De"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "3,5 1.000.000 12.30 12:30 2-1 1990-1995",
            ["3,5", "1.000.000", "12.30", "12:30", "2-1", "1990-1995"],
        ),
        ("€ 5,- en 10.000,- of 50% (3,3%)", ["€", "5,-", "en", "10.000,-", "of", "50%", "(", "3,3%", ")"]),
        ("op 1-1-2006 en 05.10.96 om 15.00 uur", ["op", "1-1-2006", "en", "05.10.96", "om", "15.00", "uur"]),
        ("100, 200. en -5 graden", ["100", ",", "200", ".", "en", "-5", "graden"]),
        ("in 1997. Toen", ["in", "1997", ".", "Toen"]),
        ("de 24-jarige G7-top", ["de", "24-jarige", "G7-top"]),
        ("volgende: 1. de Stichting", ["volgende", ":", "1.", "de", "Stichting"]),
    ],
)
def test_numbers_dates_and_times(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("'s avonds 't huis 'n man 'k", ["'s", "avonds", "'t", "huis", "'n", "man", "'k"]),
        (
            "auto's foto’s zo'n z'n m'n d'r Zo'n D'66",
            ["auto's", "foto’s", "zo'n", "z'n", "m'n", "d'r", "Zo'n", "D'66"],
        ),
        ("in de jaren '80 en '90", ["in", "de", "jaren", "'80", "en", "'90"]),
        ("'s-Gravenhage en 's-Hertogenbosch", ["'s-Gravenhage", "en", "'s-Hertogenbosch"]),
        ("O'Neill d'Arc l'Avenir", ["O'Neill", "d'Arc", "l'Avenir"]),
        ("geld 'hoort' te", ["geld", "'", "hoort", "'", "te"]),
        ("'Kom', zei hij.", ["'", "Kom", "'", ",", "zei", "hij", "."]),
        ("de 'auto's' van", ["de", "'", "auto's", "'", "van"]),
        ("Jenkins' begroting", ["Jenkins'", "begroting"]),
        ("'Dat is van Jenkins' zei hij.", ["'", "Dat", "is", "van", "Jenkins", "'", "zei", "hij", "."]),
    ],
)
def test_apostrophes(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Noord-Holland oud-minister e-mail", ["Noord-Holland", "oud-minister", "e-mail"]),
        ("binnen- en buitenland", ["binnen-", "en", "buitenland"]),
        ("krijgt -ie een fout", ["krijgt", "-ie", "een", "fout"]),
        ("later - mogelijk in 2002", ["later", "-", "mogelijk", "in", "2002"]),
        ("- We willen", ["-", "We", "willen"]),
        (
            "dader(s) (on)kosten (tbs-)behandeling (huis)",
            ["dader(s)", "(on)kosten", "(tbs-)behandeling", "(", "huis", ")"],
        ),
        ("een -- streep", ["een", "--", "streep"]),
    ],
)
def test_hyphens_and_brackets_in_words(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zie https://nos.nl/artikel/123?x=1.", ["Zie", "https://nos.nl/artikel/123?x=1", "."]),
        ("(http://x.nl/a)", ["(", "http://x.nl/a", ")"]),
        ("op www.katholieknederland.nl.", ["op", "www.katholieknederland.nl", "."]),
        ("meldt nu.nl. De", ["meldt", "nu.nl", ".", "De"]),
        ("Mail jan.de-vries@example.co.uk.", ["Mail", "jan.de-vries@example.co.uk", "."]),
        ("Volg @jan_j en #verkiezingen!", ["Volg", "@jan_j", "en", "#verkiezingen", "!"]),
        ("AZ&PC en R&B", ["AZ&PC", "en", "R&B"]),
    ],
)
def test_urls_addresses_handles(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


def test_whitespace_of_every_kind_separates() -> None:
    text = "a\u00a0b\u200bc\u2009d\te\u3000f\ufeffg"
    assert tokens(text) == list("abcdefg")


def test_soft_hyphen_and_combining_marks_stay_in_the_word() -> None:
    text = "ver\u00adkiezing cafe\u0301"
    assert tokens(text) == ["ver\u00adkiezing", "cafe\u0301"]


def test_offsets_are_exact() -> None:
    text = "  Dhr. Jansen zei:\t,,Ik kom.''\n\nZo'n 3,5%. "
    result = segment(text)
    assert [(s.start, s.end) for s in result] == [(2, 30), (32, 42)]
    assert result[0].tokens[:3] == ((2, 6), (7, 13), (14, 17))
    for sentence in result:
        assert sentence.start == sentence.tokens[0][0]
        assert sentence.end == sentence.tokens[-1][1]
        for start, end in sentence.tokens:
            assert text[start:end] == text[start:end].strip()


# --------------------------------------------------------------------------- sentences and paragraphs


def test_closing_quote_stays_with_its_sentence() -> None:
    assert sentences("‘Ik kom.’ Hij ging.") == [["‘", "Ik", "kom", ".", "’"], ["Hij", "ging", "."]]
    assert sentences(",,Ik ben een twijfelaar. '' Gelanceerd door hem.") == [
        [",,", "Ik", "ben", "een", "twijfelaar", ".", "''"],
        ["Gelanceerd", "door", "hem", "."],
    ]
    assert sentences('Hij zei het. "Kom," riep zij.') == [
        ["Hij", "zei", "het", "."],
        ['"', "Kom", ",", '"', "riep", "zij", "."],
    ]


def test_question_inside_a_quote_followed_by_lowercase_continues() -> None:
    assert len(segment("'Kom je?' vroeg hij. ,,Omdat'', wist Jansen., , wij scherp waren.")) == 2
    assert len(segment(",,Omdat'', wist Jansen.,, wij altijd scherp waren.")) == 1


def test_colons_do_not_end_sentences() -> None:
    assert len(segment("Koerts: ,,Ik heb erg naar dit NK toegeleefd.'' Hij won.")) == 2
    assert len(segment("Er zijn drie: Jan, Piet en Klaas.")) == 1


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    assert len(segment("Hij sprak met dhr. Jansen en prof. De Vries over o.a. Nederland.")) == 1
    assert len(segment("Volgens J. De Vries en A.F.Th. Van Dam klopt het.")) == 1


def test_initial_before_a_clear_sentence_start_ends_the_sentence() -> None:
    # The period after a sentence-final capital letter is a period, not part of an initial.
    assert sentences("Dat is eigenschap B. Hij weet het.") == [
        ["Dat", "is", "eigenschap", "B", "."],
        ["Hij", "weet", "het", "."],
    ]


def test_abbreviation_class_other_ends_a_sentence_only_before_a_clear_start() -> None:
    assert len(segment("Het bedrijf Janssen N.V. Het maakt auto's.")) == 2
    assert len(segment("Het bedrijf Janssen N.V. Amsterdam maakt auto's.")) == 1


def test_final_abbreviation_before_digit_continues() -> None:
    assert len(segment("De winst (v.j. 2,8 miljoen) steeg.")) == 1


def test_lowercase_after_a_period_continues() -> None:
    assert len(segment("Het was laat. en toen ging hij.")) == 1


def test_paragraphs() -> None:
    text = "Eerste alinea. Nog een zin.\n\nTweede alinea\r\n\r\nDerde.\n \t\nVierde\u2029Vijfde."
    result = segment(text)
    assert [s.paragraph for s in result] == [0, 0, 1, 2, 3, 4]
    assert [text[s.start : s.end] for s in result][2] == "Tweede alinea"


def test_leading_blank_lines_do_not_count_as_a_paragraph() -> None:
    assert [s.paragraph for s in segment("\n\n\nEen.\n\n \n\nTwee.")] == [0, 1]


def test_paragraph_indices_count_paragraphs_as_the_quote_scanner_does() -> None:
    # A paragraph of only a zero-width space has no tokens but is a paragraph to quoteattr.marks.
    text = "Een.\n\n\u200b\n\nTwee."
    assert len(paragraph_spans(text)) == 3
    assert [s.paragraph for s in segment(text)] == [0, 2]


def test_headline_line_break_ends_a_sentence() -> None:
    assert sentences("Kop zonder punt\nDit is de tekst, die\ndoorloopt. En meer.") == [
        ["Kop", "zonder", "punt"],
        ["Dit", "is", "de", "tekst", ",", "die", "doorloopt", "."],
        ["En", "meer", "."],
    ]


def test_line_break_after_a_colon_or_comma_continues() -> None:
    assert len(segment("Hij zei:\n'Ik kom.'")) == 1
    assert len(segment("Jan,\nPiet en Klaas kwamen.")) == 1


def test_no_sentence_over_the_limit() -> None:
    words = " ".join(["woord"] * 500 + ["einde;"] + ["woord"] * 400)
    result = segment(words)
    assert max(len(s.tokens) for s in result) <= MAX_SENTENCE_TOKENS
    assert sum(len(s.tokens) for s in result) == 902
    clauses = " ".join(["een woord ,"] * 400)
    first = segment(clauses)[0]
    assert clauses[first.tokens[-1][0] : first.tokens[-1][1]] == ","  # cut after punctuation


def test_very_long_word_is_cut_into_chunks() -> None:
    text = "x" * 100_000 + " ja."
    all_tokens = [token for sentence in segment(text) for token in sentence.tokens]
    assert all(end - start <= MAX_TOKEN_CHARS for start, end in all_tokens)
    assert all_tokens[0] == (0, MAX_TOKEN_CHARS)
    assert len(all_tokens) == 100 + 2


# --------------------------------------------------------------------------- split_at


def test_split_at_forces_quote_tokens() -> None:
    assert tokens("'Kom'", split_at={0, 4}) == ["'", "Kom", "'"]
    assert tokens("'s avonds", split_at={0}) == ["'", "s", "avonds"]
    assert tokens("zo'n", split_at={2}) == ["zo", "'", "n"]


def test_split_at_keeps_two_character_marks_whole() -> None:
    text = ",,Kom''"
    assert tokens(text, split_at={0, 1, 5, 6}) == [",,", "Kom", "''"]
    assert tokens(text, split_at={5}) == [",,", "Kom", "'", "'"]


def test_split_at_mark_across_two_tokens() -> None:
    # Without split_at ",,," is a comma and an opening ,, (UD); the scanner may read ,, and a comma.
    assert tokens("Jansen,,,waar") == ["Jansen", ",", ",,", "waar"]
    assert tokens("Jansen,,,waar", split_at={6, 7}) == ["Jansen", ",,", ",", "waar"]


def test_split_at_ignores_offsets_outside_the_text_and_on_spaces() -> None:
    assert tokens("Ja nee", split_at={-1, 2, 99}) == ["Ja", "nee"]


def test_split_apostrophe_is_not_glued_back_as_possessive() -> None:
    assert tokens("Jenkins' begroting", split_at={7}) == ["Jenkins", "'", "begroting"]


def test_rejects_non_text() -> None:
    with pytest.raises(TypeError, match="text"):
        segment(b"bytes")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- properties


any_characters = st.characters(codec=None, exclude_categories=())
texts = st.one_of(st.text(any_characters, max_size=80), quote_texts())
dutch_texts = st.lists(
    st.sampled_from(
        [
            *"abcXYZ019.,;:!?()'\"‘’“”-/&@#%",
            " ",
            " ",
            "\n",
            "\n\n",
            "\u00a0",
            "\u200b",
            "dhr",
            "enz",
            "o.a",
            "J",
            "'s",
            "zo'n",
            "3,5",
            "www",
            "nl",
            "http://",
            ",,",
            "''",
            "...",
            "Hij",
            "de",
        ]
    ),
    max_size=60,
).map("".join)


def check_invariants(text: str, result: list[SentenceSpan]) -> None:
    flat = [token for sentence in result for token in sentence.tokens]
    # Between tokens: white space, format characters or markup (``<A>``), nothing else.
    in_markup = {i for start, end in markup_spans(text) for i in range(start, end)}

    def skipped(low: int, high: int) -> bool:
        return all(is_space(text[i]) or i in in_markup for i in range(low, high))

    position = 0
    for start, end in flat:
        assert position <= start < end <= len(text)
        assert end - start <= MAX_TOKEN_CHARS
        assert not any(is_space(char) for char in text[start:end])
        assert skipped(position, start)
        position = end
    assert skipped(position, len(text))
    paragraph = 0
    for sentence in result:
        assert 0 < len(sentence.tokens) <= MAX_SENTENCE_TOKENS
        assert (sentence.start, sentence.end) == (sentence.tokens[0][0], sentence.tokens[-1][1])
        assert sentence.paragraph >= paragraph
        paragraph = sentence.paragraph


@settings(max_examples=200, deadline=None)
@given(texts)
@example("\u202a")  # a bidi embedding alone: skipped as white space, no token
def test_any_text_gives_exact_nonoverlapping_tokens(text: str) -> None:
    check_invariants(text, segment(text))


@settings(max_examples=200, deadline=None)
@given(dutch_texts)
def test_dutch_like_text_gives_exact_nonoverlapping_tokens(text: str) -> None:
    check_invariants(text, segment(text))


@settings(max_examples=150, deadline=None)
@given(texts, st.sets(st.integers(min_value=-2, max_value=90), max_size=12))
def test_split_at_offsets_become_tokens(text: str, split_at: set[int]) -> None:
    result = segment(text, split_at=split_at)
    check_invariants(text, result)
    flat = [token for sentence in result for token in sentence.tokens]
    for offset in split_at:
        if 0 <= offset < len(text) and not is_space(text[offset]):
            ((start, end),) = (token for token in flat if token[0] <= offset < token[1])
            assert end - start == 1 or (
                end - start == 2 and text[start:end] in (",,", "''", "``") and {start, start + 1} <= split_at
            )


@settings(max_examples=150, deadline=None)
@given(st.one_of(texts, dutch_texts))
def test_paragraphs_agree_with_the_quote_scanner(text: str) -> None:
    spans = paragraph_spans(text)
    for sentence in segment(text):
        index = sentence.paragraph
        assert spans[index][0] <= sentence.start
        assert sentence.end <= spans[index][1]


@pytest.mark.parametrize(
    "unit",
    [
        "a.",
        "A.",
        "(a",
        "@",
        "1. ",
        "a..",
        "'s-",
        "x@y.",
        "ab-",
        "www.",
        "#a",
        ",,",
        "\n\n",
        "a'",
        "😀",
        "http://.",
    ],
)
def test_pathological_input_keeps_invariants(unit: str) -> None:
    # Linear time on these inputs is measured in benchmarks/scaling_scan.py, not here.
    large = unit * (40_000 // len(unit))
    check_invariants(large, segment(large))


# --------------------------------------------------------------------------- UD Dutch


def ud_text(path: Path) -> tuple[str, list[list[tuple[int, int]]]]:
    """Raw text of a UD file (paragraphs from the sent_ids) and the gold token offsets in it."""
    trees = read_trees(path)
    paragraphs = [
        " ".join(tree.text for tree in group)
        for _, group in groupby(trees, key=lambda tree: tree.sent_id.rsplit(".s.", 1)[0])
    ]
    text = "\n\n".join(paragraphs)
    gold, position = [], 0
    for tree in trees:
        spans = []
        for row in tree.rows:
            start = text.index(row.form, position)
            spans.append((start, start + len(row.form)))
            position = start + len(row.form)
        gold.append(spans)
    return text, gold


def f1(gold: set[tuple[int, int]], system: set[tuple[int, int]]) -> float:
    correct = len(gold & system)
    return 2 * correct / (len(gold) + len(system))


def test_ud_alpino_dev_tokens_and_sentences(shared: Path) -> None:
    text, gold = ud_text(shared / "data" / "ud" / "UD_Dutch-Alpino" / "nl_alpino-ud-dev.conllu")
    began = time.perf_counter()
    result = segment(text)
    assert time.perf_counter() - began < 2.0
    gold_tokens = {token for spans in gold for token in spans}
    system_tokens = {token for sentence in result for token in sentence.tokens}
    assert f1(gold_tokens, system_tokens) >= 0.99  # measured: 0.9999
    gold_sentences = {(spans[0][0], spans[-1][1]) for spans in gold}
    system_sentences = {(sentence.start, sentence.end) for sentence in result}
    assert f1(gold_sentences, system_sentences) >= 0.95  # measured: 1.0


def test_abbreviation_file_is_well_formed() -> None:
    source = Path(__file__).resolve().parents[1] / "quoteattr" / "data" / "abbreviations.txt"
    for line in source.read_text(encoding="utf-8").splitlines():
        fields = line.split("#", 1)[0].split()
        if fields:
            assert fields[1] in {"title", "before", "final", "other"}, line
            assert fields[2:] in ([], ["exact"]), line
            assert regex.fullmatch(r"[\p{L}.]+", fields[0]), line
            assert not fields[0].endswith("."), line
