"""The per-document indexes of the rules give exactly what the scans they replaced gave.

The rules once scanned all names, stretches or quotes for every quote or sentence (quadratic in
the length of a document); these tests hold each index to a plain scan written as before.
"""

from __future__ import annotations

import itertools
import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr.document import ParsedDocument, Sentence, Token
from quoteattr.lexicon import load
from quoteattr.marks import quote_mark_offsets, scan
from quoteattr.names import NameIndex, NameMention, index_names, introduces, name_at
from quoteattr.quote import QuoteKind
from quoteattr.segment import segment
from quoteattr.sieves import Attribution, Context, _kind_for
from quoteattr.speakers import _by_salience, _merged, _paragraph_breaks, _paragraph_start, _RoleUses

_WORDS = [
    "Jan",
    "van",
    "der",
    "Meer",
    "Van",
    "de",
    "Hondt",
    "Cath",
    "De",
    "Jos",
    "Beurden",
    "zei",
    "minister",
    "premier",
    "Kathleen",
    "Ferrier",
    "KF",
    "het",
    "Fred",
    "Boekel",
    "ter",
    "Horst",
    "hij",
    ".",
    ",",
    "‘",
    "’",
    ":",
    "\n\n",
    "\n",
    "\n\n\n",
]
_texts = st.lists(st.sampled_from(_WORDS), max_size=60).map(lambda words: " ".join(words))


def _scan_fullest(names: list[NameMention], surname: str) -> str | None:
    best: NameMention | None = None
    for name in names:
        if name.surname == surname and (best is None or len(name.text.split()) > len(best.text.split())):
            best = name
    return best.text if best is not None else None


def test_surnames_with_tussenvoegsels_find_the_full_name() -> None:
    text = (
        "Van der Meer kwam. Toen sprak Jan van der Meer. Later zei Van der Meer het weer.\n\n"
        "Cath de Hondt en De Hondt. Jos van Beurden, Van Beurden. Piet van der Meer."
    )
    index = NameIndex(index_names(text))
    # Of equally long names the first one counts.
    assert index.fullest("meer") == "Jan van der Meer"
    # Up to the first ``Van der Meer`` only that name itself counts.
    first = text.index("Van der Meer")
    assert index.fullest("meer", through=first) == "Van der Meer"
    assert index.fullest("meer", through=text.index("Jan")) == "Jan van der Meer"
    assert index.fullest("hondt") == "Cath de Hondt"
    assert index.fullest("beurden") == "Jos van Beurden"
    # ``Van der Meer`` is a bare surname: the person is introduced by ``Jan van der Meer``.
    assert index.introduced_at("meer") == text.index("Jan van der Meer")
    assert index.introduced_at("nobody") is None
    later = text.index("Van der Meer", first + 1)
    found = index.starting_at(later)
    assert found is not None
    assert found.text == "Van der Meer"
    assert index.at(later + 4, later + 7) == found  # ``der`` inside the name
    assert index.last_with_first_word("Jan", through=len(text)) == "Jan van der Meer"
    assert index.last_with_first_word("Jan", through=first) is None


@settings(max_examples=150, deadline=None)
@given(_texts)
def test_name_index_answers_as_the_scans(text: str) -> None:
    names = index_names(text)
    index = NameIndex(names)
    offsets = range(len(text) + 2)
    for offset in offsets:
        assert index.starting_at(offset) == next((n for n in names if n.start == offset), None)
    for match in re.finditer(r"\S+", text):
        for start, end in ((match.start(), match.end()), (match.start(), match.start() + 1)):
            assert index.at(start, end) == name_at(names, start, end)
    for low, high in itertools.combinations(range(0, len(text) + 2, 7), 2):
        assert index.starting_in(low, high) == [n for n in names if low <= n.start < high]
    for surname in {n.surname for n in names} | {"nobody"}:
        assert index.fullest(surname) == _scan_fullest(names, surname)
        for through in range(0, len(text) + 1, 5):
            assert index.fullest(surname, through) == _scan_fullest(
                [n for n in names if n.start <= through], surname
            )
        introduced = [n.start for n in names if n.surname == surname and introduces(n)]
        assert index.introduced_at(surname) == (introduced[0] if introduced else None)
    for acronym in ("KF", "JM", "JVDM", "CDH"):
        expected = next(
            (
                n.text
                for n in names
                if "".join(w[0] for w in n.text.split() if w[:1].isupper()) == acronym
                and len(n.text.split()) >= 2
            ),
            None,
        )
        assert index.with_initials(acronym) == expected
    for word in ("Jan", "Cath", "Fred", "Van"):
        for through in range(0, len(text) + 1, 5):
            assert index.last_with_first_word(word, through) == _scan_from_word(names, word, through)


def _scan_from_word(names: list[NameMention], word: str, through: int) -> str | None:
    """The last name part from ``word`` on (first word, or capitalised no particle and not last)."""
    found = None
    for name in names:
        words = name.text.split()
        for k, candidate in enumerate(words[:-1]):
            particle = candidate.casefold() in ("van", "de", "der", "ter")
            opens = k == 0 or (candidate[:1].isupper() and not particle)
            part = " ".join(words[k:])
            start = name.start + len(name.text) - len(part)
            if candidate == word and opens and start <= through:
                found = part
    return found


def _document(text: str) -> ParsedDocument:
    stretches = scan(text)
    sentences = []
    for span in segment(text, split_at=quote_mark_offsets(text, stretches)):
        tokens = tuple(
            Token(i, text[start:end], "_", "X", "_", 0, "_", start, end)
            for i, (start, end) in enumerate(span.tokens, start=1)
        )
        sentences.append(Sentence(tokens, span.paragraph, parsed=False))
    return ParsedDocument(text, tuple(sentences))


_QUOTED = [
    "‘Het is koud’, zei Jan.",
    "Hij zei: ‘Wij gaan.",
    "Een ‘term’ hier.",
    "“Lang verhaal. Nog een zin.”",
    "Gewone zin zonder iets.",
    "'Kort'",
    "\n\n",
    "\n",
    "\r\n",
    "\n\n\n",
]


def _context(pieces: list[str]) -> Context:
    text = " ".join(pieces)
    doc = _document(text)
    return Context(doc, scan(text), load(), names=index_names(text))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_QUOTED), max_size=25))
def test_stretch_and_text_lookups_answer_as_the_scans(pieces: list[str]) -> None:
    ctx = _context(pieces)
    text = ctx.doc.text
    stretches = ctx.stretches
    positions = range(len(text) + 2)
    for start, end in itertools.product(range(0, len(text) + 2, 3), range(0, len(text) + 2, 4)):
        span = (start, end)
        expected_inside = any(
            (s.content_start <= start and end <= s.content_end)
            or (s.content_start < start < s.content_end and end > s.content_end + 1)
            or (start < s.open_start and s.content_start < end < s.content_end - 1)
            for s in stretches
        )
        assert ctx.inside_stretch(span) == expected_inside
        assert ctx.covered(span) == any(
            s.content_start <= start + 1 and s.content_end >= end - 1 for s in stretches
        )
        assert (
            _kind_for(ctx, start, end)[1]
            == [
                i
                for i, s in enumerate(stretches)
                if s.open_start >= start
                and (
                    (s.close_end or s.content_end) <= end + 1
                    # closed after only the final punctuation that the span leaves out
                    or (
                        s.open_start <= end
                        and s.close_start is not None
                        and not text[end : s.close_start].strip(" \t\n\r.,;:!?…")
                    )
                )
            ]
        )
        assert ctx.paragraph_breaks(start, end) == text.count("\n\n", start, end)
        assert list(ctx.stretches_from(start, end)) == [
            i for i, s in enumerate(stretches) if start <= s.open_start <= end
        ]
    for offset in positions:
        assert ctx.line_start(offset) == max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
        previous = None
        for sentence in ctx.doc.sentences:
            if sentence.end > offset:
                break
            previous = sentence
        assert ctx.previous_sentence(offset) == previous


def test_paragraph_breaks_count_overlapping_runs_like_str_count() -> None:
    text = "a\n\nb\n\n\nc\n\n\n\nd\ne\n\n\n\n\n"
    ctx = _context([text])
    text = ctx.doc.text
    for start, end in itertools.product(range(len(text) + 3), repeat=2):
        assert ctx.paragraph_breaks(start, end) == text.count("\n\n", start, end), (start, end)


def test_found_near_gives_every_attribution_that_reaches_the_range() -> None:
    rng = random.Random(5)
    text = "x" * 400
    ctx = Context(ParsedDocument(text, ()), [], load())
    for _ in range(80):
        start = rng.randrange(0, 380)
        end = start + rng.choice([0, 1, 3, 10, 40, 120])
        ctx.add(Attribution(QuoteKind.DIRECT, (start, end), None, None, None, "test", 0.5))
        for low, high in ((rng.randrange(-5, 405), rng.randrange(-5, 405)) for _ in range(30)):
            near = sorted(id(a) for a in ctx.found_near(low, high))
            assert near == sorted(id(a) for a in ctx.found if a.content[0] <= high and a.content[1] >= low)


@pytest.mark.parametrize("text", ["a\n\nb\n\n\nc d\n\n\n\ne", "geen alinea's", "\n\n\n", ""])
def test_paragraph_start_is_rfind_repeated(text: str) -> None:
    def scan_start(offset: int, back: int) -> int:
        position = offset
        for _ in range(back + 1):
            found = text.rfind("\n\n", 0, position)
            if found < 0:
                return 0
            position = found
        return position

    breaks = _paragraph_breaks(text)
    for offset in range(len(text) + 2):
        for back in range(3):
            assert _paragraph_start(breaks, offset, back) == scan_start(offset, back)


@pytest.mark.parametrize("role_word", ["premier", "Premier", "minister"])
def test_role_uses_find_the_name_a_search_of_the_text_before_finds(role_word: str) -> None:
    text = (
        "Premier Zoran Djindjic kwam. De premier  Jan Smit en premier\n"
        "Mark Rutte. Toen de minister sprak, zei premier  en de premier Kok premier"
    )
    names = NameIndex(index_names(text))
    uses = _RoleUses(text, role_word, names)
    for before in range(len(text) + 1):
        found: NameMention | None = None
        for match in re.finditer(rf"\b{re.escape(role_word)}\s+", text[:before], re.IGNORECASE):
            name = names.starting_at(match.end())
            if name is not None:
                found = name
        expected = None if found is None else names.fullest(found.surname) or found.text
        assert uses.name_before(before) == expected, before


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(0, 60), max_size=30).map(sorted),
    st.lists(st.integers(0, 60), max_size=30).map(sorted),
    st.lists(st.integers(0, 60), max_size=8).map(lambda starts: sorted(set(starts))),
    st.integers(0, 2**32 - 1),
)
def test_salience_streams_merge_like_one_stable_sort(
    first: list[int], second: list[int], sentence_starts: list[int], seed: int
) -> None:
    rng = random.Random(seed)
    opening = {p: rng.random() < 0.5 for p in range(61)}

    def salience(position: int) -> tuple[int, bool, int]:
        # Like speakers' salience: the sentence first, then (within it) whether it opens it.
        index = max(i for i, s in enumerate([-1, *sentence_starts]) if s <= position) - 1
        return index, index >= 0 and opening[position], position

    # Opening positions of a sentence come before the others, as text positions do.
    for index, start in enumerate(sentence_starts):
        stop = sentence_starts[index + 1] if index + 1 < len(sentence_starts) else 61
        cut = rng.randrange(start, stop + 1)
        for position in range(start, stop):
            opening[position] = position < cut
    dropped = {k for k in range(len(second)) if rng.random() < 0.2}
    a_names = [f"a{k}" for k in range(len(first))]
    b_names = [None if k in dropped else f"b{k}" for k in range(len(second))]
    a_count = rng.randrange(len(first) + 1)
    merged = list(
        _merged(
            _by_salience(first, a_count, a_names.__getitem__, sentence_starts, salience),
            _by_salience(second, len(second), b_names.__getitem__, sentence_starts, salience),
        )
    )
    items = [(first[k], a_names[k]) for k in range(a_count)]
    items += [(second[k], name) for k, name in enumerate(b_names) if name is not None]
    expected = [name for _, name in sorted(items, key=lambda item: salience(item[0]), reverse=True)]
    assert merged == expected


def test_resolve_reads_surnames_with_tussenvoegsels_through_the_index() -> None:
    from quoteattr.speakers import resolve

    text = "‘A’, zei Van der Berg. Toen kwam Jan van der Berg. ‘B’, zei Van der Berg. ‘C’, zei De Hondt."
    attributions = []
    for content, speaker, nth in (("A", "Van der Berg", 0), ("B", "Van der Berg", 1), ("C", "De Hondt", 0)):
        start = text.index(f"‘{content}’") + 1
        at = -1
        for _ in range(nth + 1):
            at = text.index(speaker, at + 1)
        attributions.append(
            Attribution(
                QuoteKind.DIRECT, (start, start + 1), None, (at, at + len(speaker)), None, "test", 0.9
            )
        )
    quotes = resolve(ParsedDocument(text, ()), attributions, load())
    # Before the full name is used the surname stays as written; after it, the full name.
    assert [q.speaker.name if q.speaker else None for q in quotes] == [
        "Van der Berg",
        "Jan van der Berg",
        "De Hondt",
    ]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Jan van der Meer", True),
        ("Elise de Vries", True),
        ("Van der Meer", False),
        ("De Klimaatwet", False),
        ("Eurosceptische Europarlementariërs", False),
        ("Provinciale Staten", False),
    ],
)
def test_which_names_introduce_a_person(name: str, expected: bool) -> None:
    assert introduces(NameMention(0, len(name), name)) is expected
