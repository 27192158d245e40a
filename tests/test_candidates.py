from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from quoteattr import Attributor
from quoteattr.candidates import TREE_PLAN, Need, Plan, plan, select
from quoteattr.conllu import Tree, read_trees
from quoteattr.lexicon import load
from quoteattr.marks import quote_mark_offsets, scan
from quoteattr.parsing import StanzaParser, WordAnalysis
from quoteattr.segment import segment

model = pytest.mark.model
FIXTURES = Path(__file__).resolve().parent / "fixtures"
VERB = frozenset({"VERB", "AUX"})
NOUN = frozenset({"NOUN"})


def _plans(text: str) -> list[tuple[str, Plan]]:
    stretches = scan(text)
    spans = segment(text, split_at=quote_mark_offsets(text, stretches))
    return [
        (text[s.start : s.end], p) for s, p in zip(spans, plan(text, spans, stretches, load()), strict=True)
    ]


def _plan_of(text: str) -> Plan:
    (_, found), *rest = _plans(text)
    assert rest == []
    return found


def _chosen(text: str) -> list[str]:
    stretches = scan(text)
    spans = segment(text, split_at=quote_mark_offsets(text, stretches))
    flags = select(text, spans, stretches, load())
    return [text[s.start : s.end] for s, keep in zip(spans, flags, strict=True) if keep]


def test_only_sentences_that_can_hold_a_quote_go_to_the_parser() -> None:
    text = (
        "Het regende in Utrecht. De minister zei dat het goed ging. Er viel veel water. "
        "‘Wij komen terug’, schreef de club. Volgens de politie was het rustig. Blom: nee. "
        "De minister zei niets."
    )
    assert _chosen(text) == [
        "De minister zei dat het goed ging.",
        "‘Wij komen terug’, schreef de club.",
        "Volgens de politie was het rustig.",
    ]


def test_text_without_cues_parses_nothing() -> None:
    assert _chosen("Het regende. Er viel veel water op de stad.") == []


def test_source_words_and_a_colon_before_a_quote_always_need_a_tree() -> None:
    assert _plan_of("Volgens de politie was het rustig.") == TREE_PLAN
    assert _plan_of("De minister heeft naar eigen zeggen niets gedaan.") == TREE_PLAN
    assert _plan_of("Hij ging naar eigen huis.") == Plan(Need.NOTHING)
    assert _plan_of("Het was rustig, aldus de politie.") == TREE_PLAN
    assert _plan_of("De burgemeester is duidelijk: ‘Dit kan niet.’").need is Need.TREE


def test_a_cue_verb_needs_a_tree_only_when_tagged_as_a_verb() -> None:
    found = _plan_of("De minister zei dat het goed ging.")
    assert found.need is Need.NOTHING
    assert found.tree_if == ((2, VERB),)
    assert found.tagged
    words = ["DET", "NOUN", "VERB", "SCONJ", "PRON", "ADJ", "VERB", "PUNCT"]
    assert found.wants_tree(words)
    assert not found.wants_tree(["DET", "NOUN", "NOUN", *words[3:]])


@pytest.mark.parametrize(
    "sentence",
    [
        "De minister zei dat het goed ging.",  # complementiser
        "Hij vroeg waarom het zo lang duurde.",  # indirect question
        "Rutte zei gisteren: we gaan door.",  # colon after the verb
        "Het gaat goed, zegt de trainer.",  # comma before the verb
        "Dat zegt de trainer.",  # anaphor, verb in second place
        "Dit stelt de woordvoerder.",
        "Dat heeft de minister gisteren gezegd.",  # anaphor, auxiliary in second place
        "Dat hebben deskundigen de provincie laten weten.",
    ],
)
def test_a_cue_verb_outside_quotes_with_room_for_a_clause_is_a_candidate(sentence: str) -> None:
    found = _plan_of(sentence)
    assert any(tags == VERB for _, tags in found.tree_if)


@pytest.mark.parametrize(
    "sentence",
    [
        "De minister zei niets.",
        "Hij vroeg een nieuwe fiets.",
        "Zij denken aan later.",
        "Gisteren heeft de minister niets gezegd.",  # no anaphor before the auxiliary
        "Het is een manier om de regels aan te kondigen.",  # ``het`` before a copula
    ],
)
def test_a_cue_verb_without_room_for_a_clause_is_no_candidate(sentence: str) -> None:
    assert _plan_of(sentence) == Plan(Need.NOTHING)


def test_a_particle_verb_stem_counts_only_with_its_particle() -> None:
    assert _plan_of("Hij gaf dat hij fout zat toe.").tree_if != ()
    assert _plan_of("Hij gaf haar het boek dat hij kocht.").tree_if == ()


def test_quote_content_needs_tags_only_where_the_text_leaves_it_open() -> None:
    # Whether an uncued quote reads as someone's words: from the text alone for a stretch of
    # one word or a full sentence, from a finite verb among its words otherwise.
    assert _plan_of("Het werd ‘een mooie dag’ voor de club.") == Plan(Need.TAGS)
    assert _plan_of("‘Het wordt een mooie dag.’") == Plan(Need.NOTHING)
    assert _plan_of("Het was ‘top’ in de stad.") == Plan(Need.NOTHING)


def test_cue_nouns_count_next_to_quote_content_or_before_a_dat_clause_only() -> None:
    noun = _plan_of("Het bleef bij de verklaring ‘wij hebben niets gedaan’.")
    assert noun.need is Need.TAGS
    assert (4, NOUN) in noun.tree_if
    assert _plan_of("De verklaring kwam pas laat.") == Plan(Need.NOTHING)
    # ``de verklaring van de verdediging dat …``: the noun-clause rule needs the tree.
    assert (1, NOUN) in _plan_of("De verklaring van de verdediging dat het meeviel, kwam laat.").tree_if
    assert _plan_of("De verklaring, en dat was laat, kwam pas om tien uur.") == Plan(Need.NOTHING)


def test_a_quote_keeps_its_sentences_cue_verbs_without_a_clause() -> None:
    found = _plan_of("‘Prachtig’, zei hij.")
    assert found.need is Need.NOTHING
    assert found.tree_if == ((4, VERB),)


def test_plan_is_linear_in_the_number_of_sentences() -> None:
    # Every sentence gets one plan; many quotes and sentences do not interact.
    text = " ".join(f"‘Zin {i} is hier.’ Hij zei dat het kon. Er viel regen." for i in range(400))
    plans = _plans(text)
    assert len(plans) == 1200
    assert [p.tagged for _, p in plans[:3]] == [False, True, False]


# --- the shipped selection finds what parsing everything finds ------------------------------


class _GoldTreeParser:
    """Gold UD trees for the fixture sentences; a flat tagging (no cue can be read) elsewhere."""

    name = "gold-fixture"

    def __init__(self, trees: Sequence[Tree]) -> None:
        self._trees = {tuple(row.form for row in tree.rows): tree for tree in trees}
        self.parsed: list[tuple[str, ...]] = []

    def parse(self, sentences: Sequence[Sequence[str]]) -> list[list[WordAnalysis]]:
        results = []
        for sentence in sentences:
            self.parsed.append(tuple(sentence))
            tree = self._trees.get(tuple(sentence))
            if tree is None:
                results.append(
                    [WordAnalysis("_", "X", "_", 0 if i == 0 else 1, "dep") for i in range(len(sentence))]
                )
            else:
                results.append([WordAnalysis(r.lemma, r.upos, r.feats, r.head, r.deprel) for r in tree.rows])
        return results


def test_shipped_selection_finds_the_quotes_of_parse_all_on_gold_trees() -> None:
    trees = read_trees(FIXTURES / "ud_quotes.conllu")
    filler = "Het regende die dag. De wedstrijd begon laat."
    text = "\n\n".join(f"{filler} {tree.text} {filler}" for tree in trees)
    shipped_parser = _GoldTreeParser(trees)
    everything_parser = _GoldTreeParser(trees)
    shipped = Attributor(parser=shipped_parser).extract(text)
    everything = Attributor(parser=everything_parser, parse_all=True).extract(text)
    assert len(everything) >= len(trees)
    assert [q.to_dict() for q in shipped] == [q.to_dict() for q in everything]
    # The filler sentences never reached the parser.
    assert ("Het", "regende", "die", "dag", ".") not in shipped_parser.parsed
    assert len(shipped_parser.parsed) < len(everything_parser.parsed)


_NEWS = [
    "Het kabinet wil de regels aanpassen. Minister Hugo de Jonge zei dinsdag dat de zorg beter moet. "
    "‘We kunnen niet langer wachten’, aldus De Jonge. De oppositie is kritisch. "
    "Volgens GroenLinks-leider Jesse Klaver gaat het plan niet ver genoeg.\n\n"
    "Klaver: ‘Dit is te weinig en te laat.’ De vraag is of de Kamer akkoord gaat. "
    "‘Wij wachten af.’ Dat schreef de partij in een verklaring.",
    "De wedstrijd begon laat. ‘Het was een zware avond’, zegt trainer Erik ten Hag. "
    "Hij vindt dat zijn ploeg te weinig kansen kreeg. Het publiek floot. "
    "Ten Hag vroeg zich af waarom de scheidsrechter niet ingreep. De spelers gingen snel naar huis.",
]


@model
def test_shipped_and_parse_all_give_the_same_quotes_with_the_model() -> None:
    parser = StanzaParser()
    shipped = list(Attributor(parser=parser).extract_many(_NEWS))
    everything = list(Attributor(parser=parser, parse_all=True).extract_many(_NEWS))
    assert sum(map(len, everything)) >= 6
    assert [[q.to_dict() for q in quotes] for quotes in shipped] == [
        [q.to_dict() for q in quotes] for quotes in everything
    ]


def test_a_copula_before_a_colon_needs_a_tree_if_an_adjective_follows() -> None:
    plan_ = _plan_of("De minister is duidelijk: het gaat goed.")
    assert (3, frozenset({"ADJ"})) in plan_.tree_if
    assert _plan_of("De minister gaat naar huis: het is laat.") == Plan(Need.NOTHING)


def test_the_sentence_before_a_cue_with_plural_ze_gets_a_tree() -> None:
    plans = _plans("De drie bonden vinden het te ver. Die kunnen PostNL raken, waarschuwen ze.")
    assert plans[0][1] == TREE_PLAN
    # Without the pronoun the sentence before is left alone.
    plans = _plans("De drie bonden vinden het te ver. Die kunnen PostNL raken, waarschuwt Jansen.")
    assert plans[0][1] == Plan(Need.NOTHING)
    # Nor when ``ze`` is no subject next to the cue verb (``waarschuwt Jansen ze``: them).
    plans = _plans("De drie bonden vinden het te ver. Die kunnen PostNL raken, waarschuwt Jansen ze.")
    assert plans[0][1] == Plan(Need.NOTHING)


def test_the_sentence_before_volgens_hen_gets_a_tree() -> None:
    assert _plans("De drie bonden zijn boos. Volgens hen gaat het mis.")[0][1] == TREE_PLAN
    assert _plans("De drie bonden zijn boos. Volgens Jansen gaat het mis.")[0][1] == Plan(Need.NOTHING)
