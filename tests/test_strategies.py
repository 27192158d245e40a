"""Tests of the public hypothesis strategies: offsets, gold records, the Dutch they build, and the
scanner property over them (every generated direct quote is a stretch that ``scan`` finds)."""

from __future__ import annotations

import functools
import json
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
import regex
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

from quoteattr.evaluate import read_gold, score
from quoteattr.marks import paragraph_spans, scan
from quoteattr.strategies import (
    CLAUSES,
    CONSTRUCTIONS,
    CUE_VERBS,
    NAMES,
    QUOTE_MARKS,
    ROLES,
    GeneratedPassage,
    GoldQuote,
    Name,
    QuoteMarks,
    cue_verbs,
    names,
    passages,
    quote_marks,
    scare_quote_sentences,
    sentences,
    to_gold_record,
)

DOCS = Path(__file__).resolve().parents[1] / "docs" / "strategies.md"
MARK_CHARACTERS = frozenset(",\"'‘’‚‛“”„‟«»‹›")
PRONOUNS = frozenset({"hij", "zij", "hem", "haar"})
WORD = regex.compile(r"\w+")
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --------------------------------------------------------------------------- helpers


def sample(strategy: st.SearchStrategy[GeneratedPassage], n: int = 300) -> list[GeneratedPassage]:
    """``n`` examples of ``strategy`` drawn with a fixed seed (generation only, no shrinking)."""
    drawn: list[GeneratedPassage] = []

    @seed(20260)
    @settings(max_examples=n, database=None, deadline=None, phases=[Phase.generate])
    @given(strategy)
    def collect(passage: GeneratedPassage) -> None:
        drawn.append(passage)

    collect()
    return drawn


@functools.cache
def sentence_sample() -> tuple[GeneratedPassage, ...]:
    return tuple(sample(sentences()))


@functools.cache
def passage_sample() -> tuple[GeneratedPassage, ...]:
    return tuple(sample(passages()))


def piece(passage: GeneratedPassage, span: tuple[int, int]) -> str:
    return passage.text[span[0] : span[1]]


def finite_cue_words() -> set[str]:
    """The finite forms of the strategies' cue verbs, with ``aldus`` and ``volgens``."""
    words = {"aldus", "volgens"}
    for verb in CUE_VERBS:
        words |= {verb.present, verb.past}
    return words


def cue_texts() -> set[str]:
    """Every text a cue span may read: a finite verb (with its tail when it directly follows),
    ``aldus``, ``volgens``/``Volgens`` or ``:``."""
    texts = {"aldus", "volgens", "Volgens", ":"}
    for verb in CUE_VERBS:
        for finite in (verb.present, verb.past):
            texts.add(finite)
            if verb.tail and " " not in verb.tail:
                texts.add(f"{finite} {verb.tail}")
    return texts


def speaker_ok(mention: str, name: str) -> bool:
    """A speaker span that denotes ``name``: the name itself (any case), its surname, or a pronoun."""
    if mention in PRONOUNS or mention.casefold() in PRONOUNS:
        return True
    if mention.casefold() == name.casefold():
        return True
    return WORD.findall(mention)[-1:] == WORD.findall(name)[-1:]


def enclosing_marks(passage: GeneratedPassage, quote: GoldQuote) -> QuoteMarks | None:
    """The convention whose opening mark ends where the content starts and whose closing mark
    starts where it ends, or which the next paragraph reopens (a quote over two paragraphs)."""
    start, end = quote.content
    text = passage.text
    for marks in QUOTE_MARKS:
        if text[:start].endswith(marks.opening) and (
            text.startswith(marks.closing, end) or text.startswith("\n\n" + marks.opening, end)
        ):
            return marks
    return None


def clause_forms() -> set[str]:
    """Every way a clause of :data:`CLAUSES` can stand as reported content."""
    forms = set()
    for clause in CLAUSES:
        forms |= {clause.main[:1].upper() + clause.main[1:], clause.subordinate, clause.inverted}
    return forms


def without_one_fragment_marks(content: str) -> set[str]:
    """``content`` with one pair of marks of a convention taken out, every way it can be done."""
    out = set()
    for marks in QUOTE_MARKS:
        for i in (m.start() for m in re.finditer(re.escape(marks.opening), content)):
            inside = i + len(marks.opening)
            for j in (m.start() for m in re.finditer(re.escape(marks.closing), content)):
                if j > inside:
                    out.add(content[:i] + content[inside:j] + content[j + len(marks.closing) :])
    return out


def check_quotes(passage: GeneratedPassage) -> None:
    """Offsets in bounds and in text order; each span reads what its kind says it reads."""
    text = passage.text
    previous_end = 0
    for quote in passage.quotes:
        start, end = quote.content
        assert previous_end <= start < end <= len(text)
        previous_end = end
        content = piece(passage, quote.content)
        assert content == content.strip()
        assert WORD.search(content)
        assert quote.speaker_name
        assert (quote.speaker is None) == (quote.cue is None)
        if quote.speaker is not None:
            assert speaker_ok(piece(passage, quote.speaker), quote.speaker_name)
        if quote.cue is not None:
            assert piece(passage, quote.cue) in cue_texts()
        if quote.kind == "direct":
            assert enclosing_marks(passage, quote) is not None
        else:
            # Reported content stops before the final full stop, or before the comma of a
            # postposed attribution (``Het gaat goed, zegt X.``).
            assert not content.endswith(".")
            assert text[end] in ".,"
            if quote.kind == "indirect":
                assert content in clause_forms()
            else:
                assert content not in clause_forms()
                assert without_one_fragment_marks(content) & {c.subordinate for c in CLAUSES}


def system_output(passage: GeneratedPassage) -> list[dict[str, Any]]:
    """The gold quotes of ``passage`` written as system output (GUIDELINES "System output")."""
    text = passage.text
    out = []
    for quote in passage.quotes:
        start, end = quote.content
        speaker: dict[str, Any]
        if quote.speaker is None:
            speaker = {"start": None, "end": None, "text": None, "name": quote.speaker_name}
        else:
            s, e = quote.speaker
            speaker = {"start": s, "end": e, "text": text[s:e], "name": quote.speaker_name}
        out.append(
            {"kind": quote.kind, "start": start, "end": end, "text": text[start:end], "speaker": speaker}
        )
    return out


def scanned_contents(text: str) -> set[tuple[int, int]]:
    return {(s.content_start, s.content_end) for s in scan(text)}


def missed_direct_quotes(passage: GeneratedPassage) -> list[str]:
    found = scanned_contents(passage.text)
    return [
        piece(passage, q.content) for q in passage.quotes if q.kind == "direct" and q.content not in found
    ]


# --------------------------------------------------------------------------- vocabulary


def test_name_forms() -> None:
    name = Name("Jan", "Meer", "hij", "van der")
    assert name.full == "Jan van der Meer"
    assert name.short == "Van der Meer"
    assert Name("Sergei", "Lavrov", "hij").short == "Lavrov"


def test_vocabulary_is_varied() -> None:
    assert any(n.tussenvoegsel for n in NAMES)
    assert any("'" in n.tussenvoegsel for n in NAMES)
    assert len({n.pronoun for n in NAMES}) == 2
    assert len({r.article for r in ROLES}) == 2
    assert any(v.tail for v in CUE_VERBS)
    assert any(" " in v.tail for v in CUE_VERBS)
    assert len(CLAUSES) >= 40
    assert len({c.main for c in CLAUSES}) == len(CLAUSES)


@pytest.mark.parametrize("clause", CLAUSES, ids=lambda c: c.main)
def test_clause_word_orders(clause: Any) -> None:
    """Same words in every order; the finite verb (joined to its particle where it has one) stands
    in the verb cluster at the end of the subordinate clause, and second in the main clause."""
    letters = sorted(clause.main.replace(" ", ""))
    assert sorted(clause.subordinate.replace(" ", "")) == letters
    assert sorted(clause.inverted.replace(" ", "")) == letters
    assert clause.subordinate.startswith(clause.subject + " ")
    assert clause.inverted.startswith(clause.verb + " " + clause.subject)
    assert any(word.endswith(clause.verb) for word in clause.subordinate.split()[-2:])
    assert clause.main == clause.main.lower() or "Ajax" in clause.main


@settings(max_examples=50, deadline=None)
@given(names(), cue_verbs(), quote_marks())
def test_vocabulary_strategies(name: Name, verb: Any, marks: QuoteMarks) -> None:
    assert name in NAMES
    assert verb in CUE_VERBS
    assert marks in QUOTE_MARKS


# --------------------------------------------------------------------------- generated texts


@FAST
@given(sentences())
def test_sentence_offsets_are_consistent(passage: GeneratedPassage) -> None:
    assert 1 <= len(passage.quotes) <= 2
    assert "\n" not in passage.text
    check_quotes(passage)


@FAST
@given(passages())
def test_passage_offsets_are_consistent(passage: GeneratedPassage) -> None:
    assert 2 <= len(paragraph_spans(passage.text)) <= 4
    check_quotes(passage)
    # A floating quote continues the speaker of an attributed quote before it.
    for i, quote in enumerate(passage.quotes):
        if quote.speaker is None:
            earlier = [q.speaker_name for q in passage.quotes[:i] if q.speaker is not None]
            assert earlier
            assert quote.speaker_name == earlier[-1]
            assert quote.kind == "direct"


@FAST
@given(sentences(constructions=["interrupted"]))
def test_interrupted_quote_is_two_quotes_with_one_attribution(passage: GeneratedPassage) -> None:
    first, second = passage.quotes
    assert first.speaker == second.speaker is not None
    assert first.cue == second.cue
    assert first.cue is not None
    assert first.content[1] < first.cue[0] < second.content[0]


@FAST
@given(sentences(constructions=["indirect", "mixed"]))
def test_indirect_content_is_a_verb_final_clause_after_dat(passage: GeneratedPassage) -> None:
    (quote,) = passage.quotes
    start, _ = quote.content
    assert passage.text[:start].endswith(" dat ")
    content = piece(passage, quote.content)
    readings = {content} if quote.kind == "indirect" else without_one_fragment_marks(content)
    assert readings & {clause.subordinate for clause in CLAUSES}


@FAST
@given(sentences(constructions=["volgens"]))
def test_volgens_content_is_inverted(passage: GeneratedPassage) -> None:
    (quote,) = passage.quotes
    assert passage.text.startswith("Volgens ")
    assert piece(passage, quote.content) in {clause.inverted for clause in CLAUSES}


@FAST
@given(st.one_of(sentences(), passages()), st.one_of(st.text(max_size=10), st.integers()))
def test_gold_record_validates_and_scores_perfectly(passage: GeneratedPassage, doc_id: str | int) -> None:
    record = to_gold_record(passage, doc_id)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "gold.jsonl"
        path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        (document,) = read_gold(path)
    assert document.id == doc_id
    assert document.text == passage.text
    assert document.quotes == passage.quotes
    scores = score([document], {doc_id: system_output(passage)})
    assert scores.attribution.f1 == 1.0
    assert scores.detection_exact.f1 == 1.0
    assert scores.speaker_accuracy.value == 1.0


@pytest.mark.parametrize("bad_id", [True, 1.5, None, ["a"]])
def test_gold_record_rejects_bad_ids(bad_id: Any) -> None:
    passage = GeneratedPassage("‘Ja’, zei hij.", ())
    with pytest.raises(TypeError, match="id"):
        to_gold_record(passage, bad_id)


@FAST
@given(scare_quote_sentences())
def test_scare_quotes_give_no_gold_quote(passage: GeneratedPassage) -> None:
    assert passage.quotes == ()
    assert passage.constructions == ("scare",)
    # The term is quoted (the scanner sees one stretch), yet no word could attribute it.
    assert len(scan(passage.text)) == 1
    assert not set(WORD.findall(passage.text.lower())) & finite_cue_words()


@pytest.mark.parametrize("marks", QUOTE_MARKS, ids=lambda m: f"{m.opening}…{m.closing}")
def test_every_quote_mark_convention_appears(marks: QuoteMarks) -> None:
    assert any(
        enclosing_marks(p, q) == marks for p in sentence_sample() for q in p.quotes if q.kind == "direct"
    )


@pytest.mark.parametrize("construction", CONSTRUCTIONS)
def test_every_construction_appears_in_passages(construction: str) -> None:
    assert any(construction in p.constructions for p in passage_sample())


def test_separable_verbs_and_tenses_appear() -> None:
    texts = [p.text for p in (*sentence_sample(), *passage_sample())]
    patterns = (r"\b(voegt|voegde)\b.* eraan toe\b", r"\b(laat|liet)\b.*\bweten\b", r"\bzegt\b", r"\bzei\b")
    for pattern in patterns:
        assert any(re.search(pattern, text) for text in texts), pattern


def test_pronoun_follow_ups_resolve_to_the_full_name() -> None:
    pronoun_quotes = [
        (p, q)
        for p in passage_sample()
        for q in p.quotes
        if q.speaker is not None and piece(p, q.speaker).lower() in PRONOUNS
    ]
    assert pronoun_quotes
    for passage, quote in pronoun_quotes:
        assert quote.speaker_name is not None
        assert quote.speaker_name.lower() not in PRONOUNS
        assert quote.speaker_name.casefold() in passage.text.casefold()


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: sentences(constructions=["floating"]), ValueError),
        (lambda: sentences(constructions=["nonsense"]), ValueError),
        (lambda: sentences(constructions=[]), ValueError),
        (lambda: sentences(constructions="postposed"), TypeError),
        (lambda: passages(constructions=["floating"]), ValueError),
        (lambda: passages(min_paragraphs=3, max_paragraphs=2), ValueError),
    ],
)
def test_bad_arguments_are_refused(call: Any, error: type[Exception]) -> None:
    with pytest.raises(error):
        call()


@settings(max_examples=50, deadline=None)
@given(sentences(constructions=["postposed"], marks=st.just(QuoteMarks("«", "»"))))
def test_arguments_limit_the_output(passage: GeneratedPassage) -> None:
    assert passage.constructions == ("postposed",)
    assert passage.text.startswith("«")


# --------------------------------------------------------------------------- the scanner property


@FAST
@given(st.one_of(sentences(), passages()))
def test_scanner_finds_every_generated_direct_quote(passage: GeneratedPassage) -> None:
    assert missed_direct_quotes(passage) == []


# --------------------------------------------------------------------------- the documented example


def test_docs_example_runs() -> None:
    """The example property test of docs/strategies.md runs as written and passes."""
    blocks = re.findall(r"```python\n(.*?)```", DOCS.read_text(encoding="utf-8"), flags=re.DOTALL)
    assert blocks
    namespace: dict[str, Any] = {"__name__": "docs_example"}
    exec(compile(blocks[-1], str(DOCS), "exec"), namespace)
    tests = [value for key, value in namespace.items() if key.startswith("test_") and callable(value)]
    assert tests
    for test in tests:
        test()
