"""The cue rules on gold UD trees (tests/fixtures/ud_quotes.conllu, sent_ids cited)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import attrs
import pytest

from quoteattr import Attributor, Quote, QuoteKind
from quoteattr.conllu import Tree, document_from_trees, parse_trees, read_trees
from quoteattr.parsing import WordAnalysis
from quoteattr.sieves import RULES

ALPINO = "WR-P-P-H-00000000{0}\\WR-P-P-H-00000000{0}.p.{1}"


class _NoParser:
    """extract_parsed never parses; any use of the parser is a bug."""

    name = "none"

    def parse(self, sentences: object) -> list[list[object]]:
        raise AssertionError("extract_parsed must not parse")


@pytest.fixture(scope="module")
def attributor() -> Attributor:
    return Attributor(parser=_NoParser())  # type: ignore[arg-type]


def _quotes(attributor: Attributor, tree: Tree) -> list[Quote]:
    return attributor.extract_parsed(document_from_trees([tree]))


def _name(quote: Quote) -> str | None:
    """The speaker's canonical name, or None."""
    return quote.speaker.name if quote.speaker else None


def _contents_and_names(quotes: Sequence[Quote]) -> list[tuple[str, str | None]]:
    return [(quote.content.text, _name(quote)) for quote in quotes]


def _summary(quote: Quote) -> tuple[str, str, str | None, str | None, str]:
    assert quote.speaker is not None
    assert quote.speaker.span is not None
    return (
        quote.kind.value,
        quote.content.text.strip(" .'"),
        quote.cue.span.text if quote.cue else None,
        quote.speaker.span.text,
        quote.rule,
    )


def test_postposed_direct_quote_with_pronoun(attributor: Attributor, ud_quote_trees: dict[str, Tree]) -> None:
    tree = ud_quote_trees[ALPINO.format("31", "5.s.4")]
    (quote,) = _quotes(attributor, tree)
    assert _summary(quote) == (
        "direct",
        "We gaan bommen vervangen door doelpunten",
        "zei",
        "hij",
        "direct.postposed",
    )
    assert quote.cue is not None
    assert quote.cue.lemma == "zeggen"


def test_interrupted_direct_quote_keeps_the_speaker(
    attributor: Attributor, ud_quote_trees: dict[str, Tree]
) -> None:
    tree = ud_quote_trees[ALPINO.format("92", "3.s.1")]
    first, second = _quotes(attributor, tree)
    assert _summary(first)[3] == _summary(second)[3] == "Trimble"
    assert second.rule == "direct.interrupted"
    assert second.content.text.startswith("maar alleen")


def test_aldus_after_a_direct_quote(attributor: Attributor, ud_quote_trees: dict[str, Tree]) -> None:
    tree = ud_quote_trees[ALPINO.format("41", "3.s.2")]
    first, second = _quotes(attributor, tree)
    assert _summary(first) == ("direct", "Wij weten", "aldus", "Jansen", "direct.postposed")
    assert second.speaker is not None
    assert second.speaker.name == "Jansen"


def test_aldus_unmarked_gives_indirect_without_the_phrase(
    attributor: Attributor, ud_quote_trees: dict[str, Tree]
) -> None:
    tree = ud_quote_trees[ALPINO.format("38", "2.s.1")]
    (quote,) = _quotes(attributor, tree)
    assert quote.kind is QuoteKind.INDIRECT
    assert quote.content.text == "Op de provincies Drenthe en Limburg na is overal iets georganiseerd"
    assert quote.speaker is not None
    assert quote.speaker.span is not None
    assert quote.speaker.span.text == "J. van 't Hof"  # the name, not the role noun


def test_aldus_with_a_scare_quote_inside_is_mixed(
    attributor: Attributor, ud_quote_trees: dict[str, Tree]
) -> None:
    tree = ud_quote_trees[ALPINO.format("30", "1.s.8")]
    (quote,) = _quotes(attributor, tree)
    assert quote.kind is QuoteKind.MIXED
    assert "'pinpasverkeer'" in quote.content.text
    assert _summary(quote)[3] == "de woordvoerster"


def test_volgens_at_the_sentence_start(attributor: Attributor, ud_quote_trees: dict[str, Tree]) -> None:
    tree = ud_quote_trees[ALPINO.format("48", "5.s.3")]
    (quote,) = _quotes(attributor, tree)
    assert _summary(quote) == (
        "indirect",
        "komt dat er wel van",
        "Volgens",
        "Maguire",
        "indirect.according_to",
    )


def test_preposed_colon_quote(attributor: Attributor, ud_quote_trees: dict[str, Tree]) -> None:
    (quote,) = _quotes(attributor, ud_quote_trees["wiki-6983.p.24.s.1"])
    assert _summary(quote)[1:] == (
        "Janssens is een kannibaal die zijn eigen troepen van de meerderheid opeet",
        "verklaarde",
        "hij",
        "direct.preposed",
    )


def test_every_quote_names_a_known_rule(attributor: Attributor, ud_quote_trees: dict[str, Tree]) -> None:
    rules = RULES
    for tree in ud_quote_trees.values():
        for quote in _quotes(attributor, tree):
            assert quote.rule in rules
            assert tree.text[quote.content.start : quote.content.end] == quote.content.text


class _FlatParser:
    """Every word a dependent of the first: no tree to lean on, so only surface rules fire.

    Punctuation is tagged as such, as every real tagger does.
    """

    name = "flat"

    def parse(self, sentences: Sequence[Sequence[str]]) -> list[list[WordAnalysis]]:
        return [[self._word(i, word) for i, word in enumerate(sentence)] for sentence in sentences]

    @staticmethod
    def _word(i: int, word: str) -> WordAnalysis:
        if not any(c.isalnum() for c in word):
            return WordAnalysis(word, "PUNCT", "_", 0 if i == 0 else 1, "root" if i == 0 else "punct")
        return WordAnalysis(word.lower(), "X", "_", 0 if i == 0 else 1, "root" if i == 0 else "dep")


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        ("Piet Jansen kwam binnen.", ("direct.floating_subject", "Piet Jansen")),
        # A surname alone names the person once the full name was used.
        (
            "Gisteren sprak Piet Jansen de raad toe. Jansen bleef kalm.",
            ("direct.floating_subject", "Piet Jansen"),
        ),
        # A linking word may stand before the name.
        (
            "Gisteren sprak Piet Jansen de raad toe. Maar Jansen bleef kalm.",
            ("direct.floating_subject", "Piet Jansen"),
        ),
        # A person's role with the definite article (``de burgemeester``) stands for a person too.
        ("Ook de burgemeester was onder de indruk.", ("direct.floating_subject", "de burgemeester")),
        # An organisation does not: its quotes come with a cue; nor does a group.
        ("Ook de gemeente was onder de indruk.", ("direct.unattributed", None)),
        ("Ook de leden waren onder de indruk.", ("direct.unattributed", None)),
        # No person: a club, never introduced with first and last name.
        ("Ajax speelde goed.", ("direct.unattributed", None)),
        ("Het regende.", ("direct.unattributed", None)),
    ],
)
def test_floating_quote_takes_the_person_of_the_sentence_before(
    lead: str, expected: tuple[str, str | None]
) -> None:
    text = f"{lead} ‘Het wordt een zware winter voor ons allemaal.’"
    quotes = Attributor(parser=_FlatParser()).extract(text)
    assert len(quotes) == 1
    quote = quotes[0]
    assert quote.content.text == "Het wordt een zware winter voor ons allemaal."
    assert (quote.rule, quote.speaker.name if quote.speaker else None) == expected
    # A floating quote has no mention of its own (GUIDELINES: name with null offsets).
    assert quote.speaker is None or quote.speaker.span is None
    assert quote.rule in RULES


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        # After a fronted phrase the finite verb comes second and the subject right after it.
        ("Na een lange stilte nam Jansen het woord.", ("direct.floating_subject", "Piet Jansen")),
        ("Na een half uur praten vindt Jansen het mooi geweest.", ("direct.floating_subject", "Piet Jansen")),
        # A preposition or a noun phrase before the name is no finite verb: the last speaker goes on.
        ("Daarna sprak de zaal met Jansen over de winter.", ("direct.floating", "Anna de Vries")),
        ("Daarna zweeg de vader van Jansen.", ("direct.floating", "Anna de Vries")),
        ("Daarna kreeg het kantoor Jansen aan de lijn.", ("direct.floating", "Anna de Vries")),
    ],
)
def test_floating_quote_takes_the_inverted_subject_of_an_untagged_sentence(
    lead: str, expected: tuple[str, str]
) -> None:
    text = (
        f"‘We gaan door’, zei Anna de Vries tegen Piet Jansen. {lead} "
        "‘Het wordt een zware winter voor ons allemaal.’"
    )
    quotes = Attributor(parser=_FlatParser()).extract(text)
    assert [(q.rule, _name(q)) for q in quotes[1:]] == [expected]


@pytest.mark.parametrize(
    ("middle", "expected"),
    [
        # ``hij`` opening the sentence before the quote stands for the person brought in since.
        (
            "Piet Jansen kwam later binnen. Hij keek boos om zich heen.",
            ("direct.floating_subject", "Piet Jansen"),
        ),
        # With no one new since the last quote, that quote's speaker goes on.
        ("Hij keek boos om zich heen.", ("direct.floating", "Anna de Vries")),
    ],
)
def test_a_pronoun_before_a_floating_quote_stands_for_the_person_named_since(
    middle: str, expected: tuple[str, str]
) -> None:
    text = f"‘We gaan door’, zei Anna de Vries. {middle} ‘Het wordt een zware winter voor ons allemaal.’"
    quotes = Attributor(parser=_FlatParser()).extract(text)
    assert [(q.rule, _name(q)) for q in quotes[1:]] == [expected]


def test_interview_lines_open_with_the_speaker_label() -> None:
    text = (
        "Johan Heldenbergh speelt Karl Marx.\n\n"
        "Johan Heldenbergh «Een postume triomf van het kapitalisme, ja.»\n\n"
        "Wouter Deprez «Haha. Dat vind ik nu zo hoopvol aan de mens.»\n\n"
        "Heldenbergh «Dat is waar.»\n\n"
        "Het publiek zag een «klassieker» in het stuk."
    )
    quotes = Attributor(parser=_FlatParser()).extract(text)
    labelled = [q for q in quotes if q.rule == "direct.speaker_label"]
    assert [(q.content.text, _name(q)) for q in labelled] == [
        ("Een postume triomf van het kapitalisme, ja.", "Johan Heldenbergh"),
        ("Haha. Dat vind ik nu zo hoopvol aan de mens.", "Wouter Deprez"),
        ("Dat is waar.", "Johan Heldenbergh"),
    ]
    for quote in labelled:
        assert quote.speaker is not None
        assert quote.speaker.span is not None
        assert text[quote.speaker.span.start : quote.speaker.span.end] == quote.speaker.span.text
    # A quoted term in running text is no label's quote.
    assert all("klassieker" not in q.content.text for q in labelled)


class _TaggingParser(_FlatParser):
    """A flat tree with a few tags given, as a weak tagger might give them."""

    def __init__(self, tags: dict[str, str], feats: dict[str, str] | None = None) -> None:
        self.tags = tags
        self.feats = feats or {}

    def parse(self, sentences: Sequence[Sequence[str]]) -> list[list[WordAnalysis]]:
        return [
            [
                attrs.evolve(
                    word, upos=self.tags.get(token, word.upos), feats=self.feats.get(token, word.feats)
                )
                for word, token in zip(words, sentence, strict=True)
            ]
            for words, sentence in zip(super().parse(sentences), sentences, strict=True)
        ]


def test_name_after_the_tag_verb_may_open_with_a_particle() -> None:
    # ``Van`` tagged as a preposition must not hide the name ``Van Essen``.
    text = "„We willen geen politie zijn die zich terugtrekt”, zegt Van Essen in een interview."
    parser = _TaggingParser({"zegt": "VERB", "Van": "ADP", "in": "ADP"})
    quotes = Attributor(parser=parser).extract(text)
    assert [(q.rule, q.speaker.span.text if q.speaker and q.speaker.span else None) for q in quotes] == [
        ("direct.postposed", "Van Essen")
    ]


# Hand-made UD trees in Alpino-UD style, for rules that hang on one attachment.
_VIER_AGENTEN = """\
# sent_id = handmade-1
# text = Vier van de tien agenten zeggen dat de cijfers mooier worden voorgesteld.
1	Vier	vier	NUM	_	_	6	nsubj	_	_
2	van	van	ADP	_	_	5	case	_	_
3	de	de	DET	_	_	5	det	_	_
4	tien	tien	NUM	_	_	5	nummod	_	_
5	agenten	agent	NOUN	_	_	6	obl	_	_
6	zeggen	zeggen	VERB	_	VerbForm=Fin	0	root	_	_
7	dat	dat	SCONJ	_	_	12	mark	_	_
8	de	de	DET	_	_	9	det	_	_
9	cijfers	cijfer	NOUN	_	_	12	nsubj:pass	_	_
10	mooier	mooi	ADJ	_	_	12	advmod	_	_
11	worden	worden	AUX	_	VerbForm=Fin	12	aux:pass	_	_
12	voorgesteld	voorstellen	VERB	_	VerbForm=Part	6	ccomp	_	_
13	.	.	PUNCT	_	_	6	punct	_	_

"""


def test_a_speaker_noun_keeps_the_modifier_the_parse_hung_elsewhere(attributor: Attributor) -> None:
    # The parse attached ``van de tien agenten`` to the verb; the mention still covers it.
    tree = next(parse_trees(_VIER_AGENTEN.splitlines()))
    quotes = _quotes(attributor, tree)
    assert [
        (q.rule, q.content.text, q.speaker.span.text if q.speaker and q.speaker.span else None)
        for q in quotes
    ] == [("indirect.clause", "de cijfers mooier worden voorgesteld", "Vier van de tien agenten")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A closing tag with adjuncts is left out of the content whole.
        (
            "Vader Sander is al meermalen naar de politie geweest, vertelt hij in zijn auto voor het bureau.",
            ("indirect.parenthetical", "Vader Sander is al meermalen naar de politie geweest", "hij"),
        ),
        # The name right after ``volgens`` is the source, not the words the parse hung on it.
        (
            "Ook van het manipuleren met cijfers is volgens Akerboom geen sprake.",
            (
                "indirect.according_to",
                "Ook van het manipuleren met cijfers is volgens Akerboom geen sprake",
                "Akerboom",
            ),
        ),
        # ``in een interview`` modifies the verb: the mention stays ``de minister``.
        (
            "‘Het gaat goed met de economie’, zei de minister in een interview.",
            ("direct.postposed", "Het gaat goed met de economie", "minister"),
        ),
    ],
)
def test_surface_rules_on_a_weak_parse(text: str, expected: tuple[str, str, str]) -> None:
    tags = {
        "vertelt": "VERB",
        "zei": "VERB",
        "hij": "PRON",
        "minister": "NOUN",
        "de": "DET",
        "Akerboom": "PROPN",
    }
    # The reported clause's verb is tagged: a tag reports a clause, not a noun phrase.
    tags |= {"in": "ADP", "een": "DET", "interview": "NOUN", "volgens": "ADP", "is": "AUX"}
    quotes = Attributor(parser=_TaggingParser(tags)).extract(text)
    assert [
        (q.rule, q.content.text, q.speaker.span.text if q.speaker and q.speaker.span else None)
        for q in quotes
    ] == [expected]


def test_a_question_word_before_a_colon_is_no_speaker(attributor: Attributor) -> None:
    rows = [
        ("Wat", "PRON", 2, "nsubj"),
        ("volgt", "VERB", 0, "root"),
        ("is", "AUX", 2, "cop"),
        ("een", "DET", 5, "det"),
        ("gesprek", "NOUN", 2, "obj"),
        (":", "PUNCT", 9, "punct"),
        ("‘", "PUNCT", 9, "punct"),
        ("Weet", "VERB", 2, "parataxis"),
        ("je", "PRON", 8, "nsubj"),
        ("wat", "PRON", 13, "obj"),
        ("je", "PRON", 13, "nsubj"),
        ("moet", "AUX", 13, "aux"),
        ("leren", "VERB", 8, "ccomp"),
        ("?", "PUNCT", 8, "punct"),
        ("’", "PUNCT", 8, "punct"),
    ]
    text = "Wat volgt is een gesprek: ‘Weet je wat je moet leren?’"
    lines = ["# sent_id = handmade-2", f"# text = {text}"]
    lines += [f"{i}\t{w}\t{w.lower()}\t{u}\t_\t_\t{h}\t{r}\t_\t_" for i, (w, u, h, r) in enumerate(rows, 1)]
    quotes = _quotes(attributor, next(parse_trees([*lines, ""])))
    assert [q.content.text for q in quotes] == ["Weet je wat je moet leren?"]
    # ``Wat`` (what) names nobody: the quote has no speaker rather than a wrong one.
    assert quotes[0].speaker is None


_TAGS = {"denken": "VERB", "denkt": "VERB", "We": "PRON", "dat": "SCONJ", "Piet": "PROPN", "Jansen": "PROPN"}
_TAGS |= {"gezegd": "VERB", "is": "AUX", "aldus": "ADP", "museum": "NOUN", "het": "DET"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Piet Jansen denkt dat het goed gaat met de economie.",
            [("het goed gaat met de economie", "Piet Jansen")],
        ),
        # GUIDELINES: the author's own ``we`` is no source.
        ("We denken dat het goed gaat met de economie.", []),
        # ``dat …`` starts inside the quote and runs on after it: no indirect quote of its own.
        (
            '"Nooit eerder is gezegd dat teruggave mogelijk is," aldus het museum bij de lancering.',
            [("Nooit eerder is gezegd dat teruggave mogelijk is,", "museum")],
        ),
    ],
)
def test_which_reported_clauses_are_quotes(text: str, expected: list[tuple[str, str]]) -> None:
    quotes = Attributor(parser=_TaggingParser(_TAGS)).extract(text)
    assert [
        (q.content.text, q.speaker.span.text if q.speaker and q.speaker.span else None) for q in quotes
    ] == expected


def test_a_possessive_before_the_named_speaker_is_no_subject() -> None:
    text = ",,Het gaat toch aan je knagen'', zegt haar advocaat Willem Korteling."
    tags = {"zegt": "VERB", "haar": "PRON", "advocaat": "NOUN", "Willem": "PROPN", "Korteling": "PROPN"}

    class _HaarSubject(_TaggingParser):
        # The weak parse makes ``haar`` the subject of ``zegt``.
        def parse(self, sentences: Sequence[Sequence[str]]) -> list[list[WordAnalysis]]:
            parsed = super().parse(sentences)
            for words, sentence in zip(parsed, sentences, strict=True):
                if "zegt" in sentence:
                    verb = sentence.index("zegt")
                    words[:] = [
                        attrs.evolve(w, head=verb + 1, deprel="nsubj") if token == "haar" else w
                        for w, token in zip(words, sentence, strict=True)
                    ]
            return parsed

    quotes = Attributor(parser=_HaarSubject(tags)).extract(text)
    assert [(q.speaker.span.text if q.speaker and q.speaker.span else None) for q in quotes] == [
        "Willem Korteling"
    ]


def test_a_closing_tag_reports_the_whole_sentence_with_its_inner_cue() -> None:
    text = "Ajax moet niet denken dat het een leiderstype in huis haalt, zegt Degryse."
    tags = {
        "denken": "VERB",
        "dat": "SCONJ",
        "haalt": "VERB",
        "zegt": "VERB",
        "Degryse": "PROPN",
        "Ajax": "PROPN",
    }
    quotes = Attributor(parser=_TaggingParser(tags)).extract(text)
    assert [
        (q.rule, q.content.text, q.speaker.span.text if q.speaker and q.speaker.span else None)
        for q in quotes
    ] == [
        ("indirect.parenthetical", "Ajax moet niet denken dat het een leiderstype in huis haalt", "Degryse")
    ]


def test_a_closing_tag_may_open_with_zo() -> None:
    text = "Het aantal parkeervergunningen wordt stapsgewijs beperkt, zo meldt de krant donderdag."
    tags = {"beperkt": "VERB", "wordt": "AUX", "meldt": "VERB", "zo": "ADV", "de": "DET", "krant": "NOUN"}
    quotes = Attributor(parser=_TaggingParser(tags)).extract(text)
    assert [(q.rule, q.content.text, q.cue.span.text if q.cue else None) for q in quotes] == [
        ("indirect.parenthetical", "Het aantal parkeervergunningen wordt stapsgewijs beperkt", "meldt")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The dateline of an agency report is no part of what is reported.
        (
            "LONDEN (ANP) - Supermarktketen Tesco schrapt duizenden banen, meldt de krant.",
            ["Supermarktketen Tesco schrapt duizenden banen"],
        ),
        # One word reports nothing.
        ("Veelzeggend, vindt de onderzoeker.", []),
    ],
)
def test_sentence_content_edges(text: str, expected: list[str]) -> None:
    tags = {
        "meldt": "VERB",
        "vindt": "VERB",
        "de": "DET",
        "krant": "NOUN",
        "onderzoeker": "NOUN",
        "schrapt": "VERB",
    }
    quotes = Attributor(parser=_TaggingParser(tags)).extract(text)
    assert [q.content.text for q in quotes] == expected


def test_the_name_after_more_role_words_names_the_speaker() -> None:
    text = "‘Het is een hel’, zegt de Engelse journalist en schrijver James Bloodworth in een column."
    tags = {
        "zegt": "VERB",
        "de": "DET",
        "Engelse": "ADJ",
        "journalist": "NOUN",
        "en": "CCONJ",
        "schrijver": "NOUN",
    }
    tags |= {"James": "PROPN", "Bloodworth": "PROPN", "in": "ADP"}
    quotes = Attributor(parser=_TaggingParser(tags)).extract(text)
    assert [(q.speaker.span.text if q.speaker and q.speaker.span else None) for q in quotes] == [
        "James Bloodworth"
    ]


_TERWIJL = """# text = Dat is goed voor de relaties, zegt Pompeo, terwijl hij lacht.
1	Dat	dat	PRON	_	_	2	nsubj	_	_
2	is	zijn	AUX	_	VerbForm=Fin	3	cop	_	_
3	goed	goed	ADJ	_	_	0	root	_	_
4	voor	voor	ADP	_	_	6	case	_	_
5	de	de	DET	_	_	6	det	_	_
6	relaties	relatie	NOUN	_	Number=Plur	3	obl	_	_
7	,	,	PUNCT	_	_	8	punct	_	_
8	zegt	zeggen	VERB	_	VerbForm=Fin	3	parataxis	_	_
9	Pompeo	Pompeo	PROPN	_	_	8	nsubj	_	_
10	,	,	PUNCT	_	_	13	punct	_	_
11	terwijl	terwijl	SCONJ	_	_	13	mark	_	_
12	hij	hij	PRON	_	_	13	nsubj	_	_
13	lacht	lachen	VERB	_	VerbForm=Fin	8	ccomp	_	_
14	.	.	PUNCT	_	_	3	punct	_	_

"""


def test_an_adverbial_clause_under_a_cue_verb_is_no_content(attributor: Attributor) -> None:
    # The parse hung the ``terwijl`` clause under ``zegt`` as ccomp; it says when, not what.
    tree = next(parse_trees(_TERWIJL.splitlines()))
    quotes = _quotes(attributor, tree)
    assert "hij lacht" not in [q.content.text for q in quotes]
    assert _contents_and_names(quotes) == [("Dat is goed voor de relaties", "Pompeo")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Right after the closing mark and comma only a verb can stand: the tag ADJ is wrong.
        ("”De test is goed verlopen,” lichtte Harris toe.", [("direct.postposed", "toelichten", "Harris")]),
        ("‘De test is goed verlopen’, lichtte Harris toe.", [("direct.postposed", "toelichten", "Harris")]),
        # Without the comma a quoted term can be the subject: no cue is read from a non-verb.
        ("‘De donatie’ lichtte Harris toe.", []),
    ],
)
def test_a_cue_verb_form_in_the_tag_slot_counts_whatever_its_tag(
    text: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    parser = _TaggingParser({"lichtte": "ADJ", "Harris": "PROPN", "toe": "ADP"})
    quotes = Attributor(parser=parser).extract(text)
    assert [(q.rule, q.cue.lemma if q.cue else None, _name(q)) for q in quotes] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Burgemeester Ingrid de Jong: ‘Het gaat gewoon door.’", ("Ingrid de Jong", "Ingrid de Jong")),
        # No tree joins the article to the noun; the article does not count in scoring.
        ("De minister: ‘De regels zijn te ingewikkeld.’", ("minister", "minister")),
        ("Ingrid de Jong: ‘De wedstrijd gaat gewoon door.’", ("Ingrid de Jong", "Ingrid de Jong")),
    ],
)
def test_a_colon_label_may_open_with_role_words(text: str, expected: tuple[str, str]) -> None:
    # Tags as a weak tagger gives them and no tree: the label is read off the surface.
    parser = _TaggingParser({"Burgemeester": "PROPN", "Ingrid": "PROPN", "Jong": "PROPN", "minister": "NOUN"})
    quotes = Attributor(parser=parser).extract(text)
    assert [
        (
            q.rule,
            q.cue.lemma if q.cue else None,
            q.speaker.span.text if q.speaker and q.speaker.span else None,
            _name(q),
        )
        for q in quotes
    ] == [("direct.preposed", ":", *expected)]


_MINISTER = """# text = Minister Olaf Scholz zegt dat de verkiezingen worden uitgesteld.
1	Minister	minister	PROPN	_	_	4	nsubj	_	_
2	Olaf	Olaf	PROPN	_	_	4	nsubj	_	_
3	Scholz	Scholz	PROPN	_	_	4	nsubj	_	_
4	zegt	zeggen	VERB	_	VerbForm=Fin	0	root	_	_
5	dat	dat	SCONJ	_	_	9	mark	_	_
6	de	de	DET	_	_	7	det	_	_
7	verkiezingen	verkiezing	NOUN	_	Number=Plur	9	nsubj:pass	_	_
8	worden	worden	AUX	_	VerbForm=Fin	9	aux:pass	_	_
9	uitgesteld	uitstellen	VERB	_	VerbForm=Part	4	ccomp	_	_
10	.	.	PUNCT	_	_	4	punct	_	_

"""


def test_a_role_word_tagged_as_a_name_yields_to_the_name_after_it(attributor: Attributor) -> None:
    # A weak parse: the role word, tagged PROPN, is the subject; the name stands beside it.
    quotes = _quotes(attributor, next(parse_trees(_MINISTER.splitlines())))
    assert _contents_and_names(quotes) == [("de verkiezingen worden uitgesteld", "Olaf Scholz")]


@pytest.mark.parametrize(
    "text",
    [
        "Volgens ambtenaar Jean-Claude Juncker mogen de bewoners vanavond terug naar huis.",
        "Volgens de minister Jean-Claude Juncker mogen de bewoners vanavond terug naar huis.",
    ],
)
def test_volgens_with_role_words_before_the_name(text: str) -> None:
    tags = {"Volgens": "ADP", "ambtenaar": "NOUN", "Jean-Claude": "PROPN", "Juncker": "PROPN"}
    parser = _TaggingParser(tags)
    quotes = Attributor(parser=parser).extract(text)
    assert [(q.rule, q.content.text, _name(q)) for q in quotes] == [
        ("indirect.according_to", "mogen de bewoners vanavond terug naar huis", "Jean-Claude Juncker")
    ]


_TREFFEN_WE = """# text = Daar treffen we Boris Johnson: 'Hij werd overmand door lust.'
1	Daar	daar	ADV	_	_	2	advmod	_	_
2	treffen	treffen	VERB	_	VerbForm=Fin	0	root	_	_
3	we	we	PRON	_	_	2	nsubj	_	_
4	Boris	Boris	PROPN	_	_	2	obj	_	_
5	Johnson	Johnson	PROPN	_	_	4	flat	_	_
6	:	:	PUNCT	_	_	2	punct	_	_
7	'	'	PUNCT	_	_	10	punct	_	_
8	Hij	hij	PRON	_	_	10	nsubj:pass	_	_
9	werd	worden	AUX	_	VerbForm=Fin	10	aux:pass	_	_
10	overmand	overmannen	VERB	_	VerbForm=Part	2	parataxis	_	_
11	door	door	ADP	_	_	12	case	_	_
12	lust	lust	NOUN	_	_	10	obl:agent	_	_
13	.	.	PUNCT	_	_	10	punct	_	_
14	'	'	PUNCT	_	_	10	punct	_	_

"""


def test_the_authors_we_before_a_colon_is_no_speaker(attributor: Attributor) -> None:
    quotes = _quotes(attributor, next(parse_trees(_TREFFEN_WE.splitlines())))
    found = [(q.content.text, q.speaker.span.text if q.speaker and q.speaker.span else None) for q in quotes]
    assert found == [("Hij werd overmand door lust.", None)]


_ALDUS_HOOGLERAAR = """# text = 'Het geld komt er', aldus hoogleraar Recep Tayyip Erdoğan.
1	'	'	PUNCT	_	_	3	punct	_	_
2	Het	het	DET	_	_	3	det	_	_
3	geld	geld	NOUN	_	_	4	nsubj	_	_
4	komt	komen	VERB	_	VerbForm=Fin	0	root	_	_
5	er	er	ADV	_	_	4	advmod	_	_
6	'	'	PUNCT	_	_	9	punct	_	_
7	,	,	PUNCT	_	_	9	punct	_	_
8	aldus	aldus	ADV	_	_	9	case	_	_
9	hoogleraar	hoogleraar	ADJ	_	_	4	parataxis	_	_
10	Recep	Recep	PROPN	_	_	9	flat	_	_
11	Tayyip	Tayyip	PROPN	_	_	10	flat	_	_
12	Erdoğan	Erdoğan	PROPN	_	_	10	flat	_	_
13	.	.	PUNCT	_	_	4	punct	_	_

"""


# The same with the name's words hung on the role word.
_ALDUS_HOOGLERAAR_FLAT = _ALDUS_HOOGLERAAR.replace("PROPN\t_\t_\t10\tflat", "PROPN\t_\t_\t9\tflat")


@pytest.mark.parametrize("conllu", [_ALDUS_HOOGLERAAR, _ALDUS_HOOGLERAAR_FLAT])
def test_a_role_word_tagged_as_an_adjective_still_leads_to_the_name(
    attributor: Attributor, conllu: str
) -> None:
    quotes = _quotes(attributor, next(parse_trees(conllu.splitlines())))
    found = _contents_and_names(quotes)
    assert found == [("Het geld komt er", "Recep Tayyip Erdoğan")]


_INTERRUPTED = """# text = ‘Het gaat goed’, zegt een woordvoerder, ‘en de regering handelt’.
1	‘	‘	PUNCT	_	_	4	punct	_	_
2	Het	het	PRON	_	_	3	nsubj	_	_
3	gaat	gaan	VERB	_	VerbForm=Fin	0	root	_	_
4	goed	goed	ADJ	_	_	3	advmod	_	_
5	’	’	PUNCT	_	_	3	punct	_	_
6	,	,	PUNCT	_	_	7	punct	_	_
7	zegt	zeggen	VERB	_	VerbForm=Fin	3	parataxis	_	_
8	een	een	DET	_	_	9	det	_	_
9	woordvoerder	woordvoerder	NOUN	_	_	7	obj	_	_
10	,	,	PUNCT	_	_	14	punct	_	_
11	‘	‘	PUNCT	_	_	14	punct	_	_
12	en	en	CCONJ	_	_	14	cc	_	_
13	de	de	DET	_	_	14	det	_	_
14	regering	regering	NOUN	_	_	7	nsubj	_	_
15	handelt	handelen	VERB	_	VerbForm=Fin	14	acl	_	_
16	’	’	PUNCT	_	_	3	punct	_	_
17	.	.	PUNCT	_	_	3	punct	_	_

"""


def test_the_tag_subject_is_never_inside_the_quote_it_interrupts(attributor: Attributor) -> None:
    quotes = _quotes(attributor, next(parse_trees(_INTERRUPTED.splitlines())))
    found = [(q.content.text, q.speaker.span.text if q.speaker and q.speaker.span else None) for q in quotes]
    assert found == [("Het gaat goed", "een woordvoerder"), ("en de regering handelt", "een woordvoerder")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ``citeren`` quotes its object, so the passive subject is the one quoted.
        (
            "Het plan kwam van woordvoerster Isis Mulleman. “We streven naar een aanpak op maat”, "
            "zo wordt ze geciteerd.",
            [("direct.postposed", "citeren", "ze", "Isis Mulleman")],
        ),
        (
            "‘Het kan niet’, werd gezegd door minister Bruins.",
            [("direct.postposed", "zeggen", "Bruins", "Bruins")],
        ),
        # A passive without an agent names nobody.
        ("‘Het kan niet’, werd er gezegd.", [("direct.postposed", "zeggen", None, None)]),
    ],
)
def test_a_passive_speech_tag(text: str, expected: list[tuple[str, str, str | None, str | None]]) -> None:
    tags = {"wordt": "AUX", "werd": "AUX", "ze": "PRON", "geciteerd": "VERB", "gezegd": "VERB"}
    tags |= {"door": "ADP", "minister": "NOUN", "Bruins": "PROPN", "er": "ADV", "zo": "ADV"}
    quotes = Attributor(parser=_TaggingParser(tags)).extract(text)
    assert [
        (
            q.rule,
            q.cue.lemma if q.cue else None,
            q.speaker.span.text if q.speaker and q.speaker.span else None,
            _name(q),
        )
        for q in quotes
    ] == expected


def test_a_role_takes_the_name_the_document_gives_it_later() -> None:
    text = (
        "Ook de burgemeester was onder de indruk. ‘Je broer zou trots op je zijn.’ "
        "Melle kreeg een medaille van burgemeester Buijs."
    )
    quotes = Attributor(parser=_FlatParser()).extract(text)
    assert [(q.rule, _name(q)) for q in quotes] == [("direct.floating_subject", "Buijs")]


def test_a_volgens_label_before_a_colon_names_the_speaker_of_the_quote() -> None:
    text = (
        "Volgens hoogleraar epidemiologie Marianne Geleijnse (Wageningen University) niet: "
        "”De steekproef is te klein om iets te zeggen.” "
        "Zij plaatst ook kanttekeningen bij de methode: “Steden zijn niet te vergelijken.”"
    )
    tags = {"Volgens": "ADP", "hoogleraar": "NOUN", "epidemiologie": "NOUN", "niet": "ADV"}
    quotes = Attributor(parser=_TaggingParser(tags)).extract(text)
    first = quotes[0]
    assert first.speaker is not None
    assert first.speaker.span is not None
    assert (first.rule, first.speaker.span.text) == ("direct.preposed", "Marianne Geleijnse")
    assert [q.kind for q in quotes] == [QuoteKind.DIRECT, QuoteKind.DIRECT]


_ZIJ_KANTTEKENINGEN = """\
# sent_id = handmade-2
# text = Marianne Geleijnse is hoogleraar.
1	Marianne	Marianne	PROPN	_	_	4	nsubj	_	_
2	Geleijnse	Geleijnse	PROPN	_	_	1	flat	_	_
3	is	zijn	AUX	_	VerbForm=Fin	4	cop	_	_
4	hoogleraar	hoogleraar	NOUN	_	_	0	root	_	_
5	.	.	PUNCT	_	_	4	punct	_	SpaceAfter=No

# sent_id = handmade-3
# text = Zij plaatst kanttekeningen: “Steden zijn niet te vergelijken.”
1	Zij	zij	PRON	_	_	2	nsubj	_	_
2	plaatst	plaatsen	VERB	_	Number=Sing|VerbForm=Fin	0	root	_	_
3	kanttekeningen	kanttekening	NOUN	_	Number=Plur	2	obj	_	SpaceAfter=No
4	:	:	PUNCT	_	_	2	punct	_	_
5	“	“	PUNCT	_	_	9	punct	_	SpaceAfter=No
6	Steden	stad	NOUN	_	_	9	nsubj	_	_
7	zijn	zijn	AUX	_	VerbForm=Fin	9	cop	_	_
8	niet	niet	ADV	_	_	9	advmod	_	_
9	te	te	ADP	_	_	2	parataxis	_	_
10	vergelijken	vergelijken	VERB	_	VerbForm=Inf	9	fixed	_	SpaceAfter=No
11	.	.	PUNCT	_	_	9	punct	_	SpaceAfter=No
12	”	”	PUNCT	_	_	9	punct	_	_

"""


def test_a_plural_noun_cue_says_nothing_of_the_speakers_number(attributor: Attributor) -> None:
    # ``kanttekeningen`` is plural, ``plaatst`` singular: ``Zij`` is one person.
    quotes = attributor.extract_parsed(
        document_from_trees(list(parse_trees(_ZIJ_KANTTEKENINGEN.splitlines())))
    )
    assert [(q.rule, _name(q)) for q in quotes] == [("direct.preposed", "Marianne Geleijnse")]


@pytest.mark.parametrize(
    "text",
    [
        "Volgens hoogleraar sociologie Jan de Vries is het beleid mislukt.",
        "Het beleid is volgens de hoogleraar sociologie Jan de Vries mislukt.",
    ],
)
def test_volgens_with_a_field_after_the_role_word(text: str) -> None:
    tags = {"Volgens": "ADP", "volgens": "ADP", "hoogleraar": "NOUN", "sociologie": "NOUN"}
    quotes = Attributor(parser=_TaggingParser(tags)).extract(text)
    assert [(q.rule, q.speaker.span.text if q.speaker and q.speaker.span else None) for q in quotes] == [
        ("indirect.according_to", "Jan de Vries")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Not knowing is not saying: a yes/no question or a negation with ``weten``.
        ("Of Tusk daaraan dacht, weet de journalist James Bloodworth niet.", []),
        ("Dat Tusk daaraan dacht, weet Bloodworth niet.", []),
        (
            "Dat Tusk daaraan dacht, weet de journalist James Bloodworth.",
            [("indirect.parenthetical", "James Bloodworth")],
        ),
    ],
)
def test_weten_in_a_tag_reports_only_what_someone_knows_to_say(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    tags = {"weet": "VERB", "de": "DET", "journalist": "NOUN", "niet": "ADV", "Of": "SCONJ", "dacht": "VERB"}
    quotes = Attributor(parser=_TaggingParser(tags)).extract(text)
    assert [
        (q.rule, q.speaker.span.text if q.speaker and q.speaker.span else None) for q in quotes
    ] == expected


_STERKER_NOG = """\
# sent_id = handmade-4
# text = Sterker nog: het onderzoek zegt dat de steekproef te klein is.
1	Sterker	sterk	ADJ	_	_	6	nsubj	_	_
2	nog	nog	ADV	_	_	1	advmod	_	SpaceAfter=No
3	:	:	PUNCT	_	_	1	punct	_	_
4	het	het	DET	_	_	5	det	_	_
5	onderzoek	onderzoek	NOUN	_	_	6	obl	_	_
6	zegt	zeggen	VERB	_	Number=Sing|VerbForm=Fin	0	root	_	_
7	dat	dat	SCONJ	_	_	11	mark	_	_
8	de	de	DET	_	_	9	det	_	_
9	steekproef	steekproef	NOUN	_	_	11	nsubj	_	_
10	te	te	ADV	_	_	11	advmod	_	_
11	klein	klein	ADJ	_	_	6	ccomp	_	_
12	is	zijn	AUX	_	VerbForm=Fin	11	cop	_	SpaceAfter=No
13	.	.	PUNCT	_	_	6	punct	_	_

"""


def test_a_subject_before_a_colon_is_not_the_subject_after_it(attributor: Attributor) -> None:
    quotes = attributor.extract_parsed(document_from_trees(list(parse_trees(_STERKER_NOG.splitlines()))))
    assert [(q.rule, q.speaker.span.text if q.speaker and q.speaker.span else None) for q in quotes] == [
        ("indirect.clause", "het onderzoek")
    ]


_IS_SUF = """\
# sent_id = handmade-5
# text = {subject} is behoorlijk {adjective}: ‘{content}’.
1	{det}	{det_lemma}	DET	_	_	2	det	_	_
2	{noun}	{noun}	NOUN	_	_	5	nsubj	_	_
3	is	zijn	AUX	_	VerbForm=Fin	5	cop	_	_
4	behoorlijk	behoorlijk	ADV	_	_	5	advmod	_	_
5	{adjective}	{adjective}	ADJ	_	_	0	root	_	SpaceAfter=No
6	:	:	PUNCT	_	_	5	punct	_	_
7	‘	‘	PUNCT	_	_	9	punct	_	SpaceAfter=No
8	{first}	{first}	PRON	_	_	9	nsubj	_	_
9	{verb}	{verb}	VERB	_	VerbForm=Fin	5	parataxis	_	_
10	{last}	{last}	NOUN	_	_	9	obj	_	SpaceAfter=No
11	’	’	PUNCT	_	_	9	punct	_	SpaceAfter=No
12	.	.	PUNCT	_	_	5	punct	_	_

"""


@pytest.mark.parametrize(
    ("det", "noun", "adjective", "expected"),
    [
        # Without a verb of saying only someone who can speak makes ``X is …:`` a label.
        ("De", "woordvoerder", "stellig", "De woordvoerder"),
        ("Het", "thema", "suf", None),
    ],
)
def test_a_colon_after_a_copula_labels_only_a_speaker(
    attributor: Attributor, det: str, noun: str, adjective: str, expected: str | None
) -> None:
    conllu = _IS_SUF.format(
        subject=f"{det} {noun}",
        det=det,
        det_lemma=det.lower(),
        noun=noun,
        adjective=adjective,
        content="Wij kennen geen genade",
        first="Wij",
        verb="kennen",
        last="genade",
    ).replace("10\tgenade", "10\tgeen genade")
    trees = list(parse_trees(conllu.splitlines()))
    quotes = attributor.extract_parsed(document_from_trees(trees))
    speakers = [q.speaker.span.text for q in quotes if q.speaker and q.speaker.span]
    assert speakers == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("middle", "expected"),
    [
        # A person introduced with a role since the last attributed quote takes the next quote.
        ("Later sprak de journalist Karel de Boer over Dante. Ze bleef kalm.", "Karel de Boer"),
        # Named without a role and not the subject: the last speaker continues.
        ("Later sprak Piet Jansen met Karel de Boer over Dante. Ze bleef kalm.", "Piet Jansen"),
    ],
)
def test_a_person_introduced_since_the_last_quote_takes_a_floating_quote(middle: str, expected: str) -> None:
    text = f"‘Het is koud’, zei Piet Jansen. {middle} ‘Dit is de tweede cirkel van de hel.’"
    tags = {"zei": "VERB", "journalist": "NOUN", "sprak": "VERB", "Ze": "PRON", "Later": "ADV"}
    quotes = Attributor(parser=_TaggingParser(tags)).extract(text)
    assert quotes[-1].content.text == "Dit is de tweede cirkel van de hel."
    assert quotes[-1].speaker is not None
    assert quotes[-1].speaker.name == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An opinion verb reports a clause: a noun phrase before ``dacht hij`` is no quote.
        ("Een duidelijk geval van bedreiging, dacht hij.", []),
        (
            "Het is een duidelijk geval, dacht hij.",
            [("indirect.parenthetical", "Het is een duidelijk geval")],
        ),
        # A tag before a colon introduces what follows, not what precedes.
        (
            "Refererend aan een motie uit 2009, schrijft hij: ‘De gedachte was goed.’",
            [("direct.preposed", "De gedachte was goed.")],
        ),
    ],
)
def test_what_a_comma_tag_reports(text: str, expected: list[tuple[str, str]]) -> None:
    tags = {"dacht": "VERB", "schrijft": "VERB", "hij": "PRON", "is": "AUX", "was": "AUX"}
    feats = {"is": "VerbForm=Fin", "was": "VerbForm=Fin", "dacht": "VerbForm=Fin", "schrijft": "VerbForm=Fin"}
    quotes = Attributor(parser=_TaggingParser(tags, feats)).extract(text)
    assert [(q.rule, q.content.text) for q in quotes] == expected


_TWO_COMPLEMENTS = """\
# sent_id = handmade-6
# text = Ze stelt dat Frankrijk de plicht heeft om alle burgers bij te staan.
1	Ze	ze	PRON	_	_	2	nsubj	_	_
2	stelt	stellen	VERB	_	Number=Sing|VerbForm=Fin	0	root	_	_
3	dat	dat	SCONJ	_	_	13	mark	_	_
4	Frankrijk	Frankrijk	PROPN	_	_	13	nsubj	_	_
5	de	de	DET	_	_	6	det	_	_
6	plicht	plicht	NOUN	_	_	13	obj	_	_
7	heeft	hebben	AUX	_	VerbForm=Fin	2	ccomp	_	_
8	om	om	ADP	_	_	13	mark	_	_
9	alle	alle	DET	_	_	10	det	_	_
10	burgers	burger	NOUN	_	_	13	obj	_	_
11	bij	bij	ADP	_	_	13	compound:prt	_	_
12	te	te	ADP	_	_	13	mark	_	_
13	staan	staan	VERB	_	VerbForm=Inf	2	ccomp	_	SpaceAfter=No
14	.	.	PUNCT	_	_	2	punct	_	_

"""


def test_two_complements_of_one_cue_make_one_content(attributor: Attributor) -> None:
    # The weak parse hangs ``heeft`` and ``staan`` both on ``stelt``: the content is the whole clause.
    quotes = attributor.extract_parsed(document_from_trees(list(parse_trees(_TWO_COMPLEMENTS.splitlines()))))
    assert [(q.rule, q.content.text) for q in quotes] == [
        ("indirect.clause", "Frankrijk de plicht heeft om alle burgers bij te staan")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ze geloofde de verklaring van de verdediging dat de kans op herhaling klein is niet.",
            [("indirect.noun_clause", "de kans op herhaling klein is niet", "verdediging")],
        ),
        # The main clause resumes after the comma; a possessive owns the claim.
        (
            "Zijn bewering dat de aarde plat is, klopt niet.",
            [("indirect.noun_clause", "de aarde plat is", "Zijn")],
        ),
        # The gold annotates an ownerless claim too, with no speaker.
        (
            "Er was ook de onthulling dat Farage geld had verspild.",
            [("indirect.noun_clause", "Farage geld had verspild", None)],
        ),
        # After a neuter noun ``dat`` can be a relative pronoun: no quote.
        ("Het bericht dat hij stuurde was kort.", []),
        # ``dat`` as the subject of a relative clause.
        ("Zijn verzoeken dat werden afgewezen waren kort.", []),
    ],
)
def test_a_noun_cue_with_a_dat_clause(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    tags = {
        "verklaring": "NOUN",
        "bewering": "NOUN",
        "onthulling": "NOUN",
        "bericht": "NOUN",
        "verzoeken": "NOUN",
    }
    tags |= {"verdediging": "NOUN"}
    tags |= {"de": "DET", "klopt": "VERB", "werden": "AUX", "stuurde": "VERB", "Zijn": "PRON", "dat": "SCONJ"}
    finite = {
        "is": "VerbForm=Fin",
        "had": "VerbForm=Fin",
        "stuurde": "VerbForm=Fin",
        "werden": "VerbForm=Fin",
    }
    quotes = Attributor(parser=_TaggingParser(tags, finite)).extract(text)
    assert [
        (q.rule, q.content.text, q.speaker.span.text if q.speaker and q.speaker.span else None)
        for q in quotes
    ] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "De jammerklacht van Piet Jonker (‘Het is geen vernieuwing maar vernieling’) werd gehoord.",
            [("direct.cue_object", "jammerklacht", "Piet Jonker")],
        ),
        # A noun that reports nothing attributes nothing.
        ("De auto van Piet Jonker (‘Het is een oude bak’) werd gestolen.", []),
    ],
)
def test_a_bracketed_quote_after_a_noun_cue_and_its_owner(
    text: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    quotes = Attributor(parser=_FlatParser()).extract(text)
    assert [
        (
            q.rule,
            q.cue.lemma if q.cue else None,
            q.speaker.span.text if q.speaker and q.speaker.span else None,
        )
        for q in quotes
    ] == expected


def test_an_anaphoric_quote_leaves_the_dateline_out_and_an_english_name_whole() -> None:
    text = "LONDEN (ANP) - Tesco schrapt 15.000 banen. Dat schrijft Mail on Sunday."
    quotes = Attributor(parser=_TaggingParser({"schrijft": "VERB", "Mail": "PROPN", "Dat": "PRON"})).extract(
        text
    )
    assert [(q.rule, q.content.text, _name(q)) for q in quotes] == [
        ("indirect.anaphoric", "Tesco schrapt 15.000 banen", "Mail on Sunday")
    ]


_ALS_MEENDEN = """\
# sent_id = handmade-7
# text = Als onderzoekers meenden dat de toets streng is, waren ze voorzichtig.
1	Als	als	SCONJ	_	_	3	mark	_	_
2	onderzoekers	onderzoeker	NOUN	_	Number=Plur	3	nsubj	_	_
3	meenden	menen	VERB	_	Number=Plur|VerbForm=Fin	12	advcl	_	_
4	dat	dat	SCONJ	_	_	7	mark	_	_
5	de	de	DET	_	_	6	det	_	_
6	toets	toets	NOUN	_	_	7	nsubj	_	_
7	streng	streng	ADJ	_	_	3	ccomp	_	_
8	is	zijn	AUX	_	VerbForm=Fin	7	cop	_	SpaceAfter=No
9	,	,	PUNCT	_	_	7	punct	_	_
10	waren	zijn	AUX	_	_	7	cop	_	_
11	ze	ze	PRON	_	_	7	nsubj	_	_
12	voorzichtig	voorzichtig	ADJ	_	_	0	root	_	SpaceAfter=No
13	.	.	PUNCT	_	_	12	punct	_	_

"""


def test_a_reported_clause_ends_where_the_main_clause_resumes(attributor: Attributor) -> None:
    # The weak parse hangs the main clause's words on the reported clause.
    quotes = attributor.extract_parsed(document_from_trees(list(parse_trees(_ALS_MEENDEN.splitlines()))))
    assert _contents_and_names(quotes) == [("de toets streng is", "onderzoekers")]


_VOLGENS_DE_JURY = """\
# sent_id = handmade-8
# text = Hij was volgens de jury de beste acteur.
1	Hij	hij	PRON	_	_	8	nsubj	_	_
2	was	zijn	AUX	_	VerbForm=Fin	8	cop	_	_
3	volgens	volgens	ADP	_	_	8	case	_	_
4	de	de	DET	_	_	5	det	_	_
5	jury	jury	NOUN	_	_	8	obl	_	_
6	de	de	DET	_	_	8	det	_	_
7	beste	goed	ADJ	_	_	8	amod	_	_
8	acteur	acteur	NOUN	_	_	0	root	_	SpaceAfter=No
9	.	.	PUNCT	_	_	8	punct	_	_

"""

_VOND_TERUG = """\
# sent_id = handmade-9
# text = Gloria Wekker, die een boek publiceerde, vond zichzelf terug in een orkaan.
1	Gloria	Gloria	PROPN	_	_	8	nsubj	_	_
2	Wekker	Wekker	PROPN	_	_	1	flat	_	SpaceAfter=No
3	,	,	PUNCT	_	_	1	punct	_	_
4	die	die	PRON	_	_	7	nsubj	_	_
5	een	een	DET	_	_	6	det	_	_
6	boek	boek	NOUN	_	_	7	obj	_	_
7	publiceerde	publiceren	VERB	_	VerbForm=Fin	1	acl:relcl	_	SpaceAfter=No
8	,	,	PUNCT	_	_	9	punct	_	_
9	vond	vinden	VERB	_	VerbForm=Fin	0	root	_	_
10	zichzelf	zichzelf	PRON	_	_	9	obj	_	_
11	terug	terug	ADP	_	_	9	compound:prt	_	_
12	in	in	ADP	_	_	14	case	_	_
13	een	een	DET	_	_	14	det	_	_
14	orkaan	orkaan	NOUN	_	_	9	obl	_	SpaceAfter=No
15	.	.	PUNCT	_	_	9	punct	_	_

"""


_TEGEN_WAARSCHUWT = """\
# sent_id = handmade-10
# text = „De dijk houdt het tegen,” waarschuwt Piet Jansen.
1	„	„	PUNCT	_	_	4	punct	_	SpaceAfter=No
2	De	de	DET	_	_	3	det	_	_
3	dijk	dijk	NOUN	_	_	4	nsubj	_	_
4	houdt	houden	VERB	_	VerbForm=Fin	9	parataxis	_	_
5	het	het	PRON	_	_	4	obj	_	_
6	tegen	tegen	ADP	_	_	9	compound:prt	_	SpaceAfter=No
7	,	,	PUNCT	_	_	4	punct	_	SpaceAfter=No
8	”	”	PUNCT	_	_	4	punct	_	_
9	waarschuwt	waarschuwen	VERB	_	VerbForm=Fin	0	root	_	_
10	Piet	Piet	PROPN	_	_	9	nsubj	_	_
11	Jansen	Jansen	PROPN	_	_	10	flat	_	SpaceAfter=No
12	.	.	PUNCT	_	_	9	punct	_	_

"""


@pytest.mark.parametrize(
    ("conllu", "expected"),
    [
        # A particle of the quote the parse hung on the tag verb does not make another verb.
        (_TEGEN_WAARSCHUWT, [("direct.postposed", "Piet Jansen")]),
        # ``volgens`` takes the noun phrase right after it, not the later noun the parse hung it on.
        (_VOLGENS_DE_JURY, [("indirect.according_to", "de jury")]),
        # ``vond … terug`` is terugvinden, no verb of stated opinion.
        (_VOND_TERUG, []),
    ],
    ids=["tegen-waarschuwt", "volgens-de-jury", "vond-terug"],
)
def test_attachments_the_rules_do_not_take_from_a_weak_parse(
    attributor: Attributor, conllu: str, expected: list[tuple[str, str]]
) -> None:
    quotes = attributor.extract_parsed(document_from_trees(list(parse_trees(conllu.splitlines()))))
    assert [
        (q.rule, q.speaker.span.text if q.speaker and q.speaker.span else None) for q in quotes
    ] == expected


@pytest.mark.parametrize(
    "text",
    [
        "De zaak onderzocht een hoogleraar die zei dat de aarde plat is.",
        "De zaak onderzocht een hoogleraar, die zei dat de aarde plat is.",
    ],
)
def test_a_relative_pronoun_stands_for_its_noun(text: str) -> None:
    tags = {"die": "PRON", "zei": "VERB", "hoogleraar": "NOUN", "dat": "SCONJ", "een": "DET"}
    quotes = Attributor(parser=_TaggingParser(tags, {"is": "VerbForm=Fin"})).extract(text)
    assert [(q.rule, q.speaker.span.text if q.speaker and q.speaker.span else None) for q in quotes] == [
        ("indirect.clause_surface", "hoogleraar")
    ]


def test_a_noun_cue_in_a_tag_with_luidt() -> None:
    text = "Sommige woordvoerders, zo luidt de klacht onder journalisten, gedragen zich als assistenten."
    tags = {"luidt": "VERB", "klacht": "NOUN", "journalisten": "NOUN", "de": "DET", "zo": "ADV"}
    quotes = Attributor(parser=_TaggingParser(tags)).extract(text)
    assert [
        (
            q.rule,
            q.cue.lemma if q.cue else None,
            q.speaker.span.text if q.speaker and q.speaker.span else None,
        )
        for q in quotes
    ] == [("indirect.parenthetical", "klacht", "journalisten")]


_ZEGT_RELATIVE = """\
# sent_id = handmade-11
# text = Dat zegt Kleinnijenhuis, die in 2019 werd verkozen.
1	Dat	dat	PRON	_	_	2	obj	_	_
2	zegt	zeggen	VERB	_	VerbForm=Fin	0	root	_	_
3	Kleinnijenhuis	Kleinnijenhuis	PROPN	_	_	2	nsubj	_	SpaceAfter=No
4	,	,	PUNCT	_	_	9	punct	_	_
5	die	die	PRON	_	_	9	nsubj:pass	_	_
6	in	in	ADP	_	_	7	case	_	_
7	2019	2019	NUM	_	_	9	obl	_	_
8	werd	worden	AUX	_	VerbForm=Fin	9	aux:pass	_	_
9	verkozen	verkiezen	VERB	_	VerbForm=Part	2	ccomp	_	SpaceAfter=No
10	.	.	PUNCT	_	_	2	punct	_	_

"""


_ZEGT_DAT = """\
# sent_id = handmade-12
# text = Kleinnijenhuis zegt dat hij in 2019 werd verkozen.
1	Kleinnijenhuis	Kleinnijenhuis	PROPN	_	_	2	nsubj	_	_
2	zegt	zeggen	VERB	_	VerbForm=Fin	0	root	_	_
3	dat	dat	SCONJ	_	_	8	mark	_	_
4	hij	hij	PRON	_	_	8	nsubj:pass	_	_
5	in	in	ADP	_	_	6	case	_	_
6	2019	2019	NUM	_	_	8	obl	_	_
7	werd	worden	AUX	_	VerbForm=Fin	8	aux:pass	_	_
8	verkozen	verkiezen	VERB	_	VerbForm=Part	2	ccomp	_	SpaceAfter=No
9	.	.	PUNCT	_	_	2	punct	_	_

"""


@pytest.mark.parametrize(
    ("conllu", "expected"),
    [(_ZEGT_RELATIVE, []), (_ZEGT_DAT, ["indirect.clause"])],
    ids=["relative", "complement"],
)
def test_a_relative_clause_the_parse_made_a_complement_reports_nothing(
    attributor: Attributor, conllu: str, expected: list[str]
) -> None:
    quotes = attributor.extract_parsed(document_from_trees(list(parse_trees(conllu.splitlines()))))
    assert [q.rule for q in quotes if q.rule == "indirect.clause"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A cue verb, a colon and an unquoted clause: an indirect quote; the modal before the
        # verb and a capitalised conjunction do not hide the subject.
        (
            "Totdat Bierman moest vaststellen: ook een begaafde scoort niet hoger.",
            [("indirect.clause_surface", "ook een begaafde scoort niet hoger", "Bierman")],
        ),
        # With a quotation mark after the colon it is a direct quote.
        (
            "Totdat Bierman moest vaststellen: ‘Ook een begaafde scoort niet hoger.’",
            [("direct.preposed", "Ook een begaafde scoort niet hoger.", "Bierman")],
        ),
    ],
)
def test_a_clause_after_a_cue_verb_and_a_colon(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    tags = {"Totdat": "ADV", "Bierman": "PROPN", "moest": "AUX", "vaststellen": "VERB", "scoort": "VERB"}
    quotes = Attributor(parser=_TaggingParser(tags, {"scoort": "VerbForm=Fin"})).extract(text)
    assert [
        (q.rule, q.content.text, q.speaker.span.text if q.speaker and q.speaker.span else None)
        for q in quotes
    ] == expected


def test_a_verb_after_a_comma_with_its_own_dat_clause_is_no_tag() -> None:
    text = "Op basis van een steekproef, concludeert het RIVM dat we te veel zout eten."
    tags = {"concludeert": "VERB", "het": "DET", "RIVM": "PROPN", "dat": "SCONJ", "we": "PRON"}
    quotes = Attributor(parser=_TaggingParser(tags, {"eten": "VerbForm=Fin"})).extract(text)
    # One quote: the clause; the words before the comma are no content.
    assert [q.content.text for q in quotes] == ["we te veel zout eten"]


def test_dat_as_an_object_opens_no_reported_clause() -> None:
    text = "Het college antwoordt dat op vragen van de partij Nieuw Goes."
    tags = {"antwoordt": "VERB", "dat": "PRON", "op": "ADP", "vragen": "NOUN", "college": "NOUN"}
    tags |= {"Het": "DET", "van": "ADP", "de": "DET", "partij": "NOUN", "Nieuw": "PROPN", "Goes": "PROPN"}
    assert Attributor(parser=_TaggingParser(tags)).extract(text) == []


def test_a_person_introduced_for_a_floating_quote_goes_on_speaking() -> None:
    text = (
        "‘Het is koud’, zei Piet Jansen. Later sprak de journalist Karel de Boer over Dante. "
        "‘Dit is de eerste cirkel van de hel.’ In cirkel twee treffen we de politici. "
        "‘Dit is de tweede cirkel van de hel.’"
    )
    tags = {"zei": "VERB", "journalist": "NOUN", "sprak": "VERB", "Later": "ADV", "treffen": "VERB"}
    quotes = Attributor(parser=_TaggingParser(tags)).extract(text)
    assert [(q.rule, _name(q)) for q in quotes] == [
        ("direct.postposed", "Piet Jansen"),
        ("direct.floating_subject", "Karel de Boer"),
        ("direct.floating", "Karel de Boer"),
    ]


def test_a_tag_may_open_with_en_dat() -> None:
    text = "Dat is niet chic, en dat gaf Freek de Jonge achteraf ook toe."
    tags = {"gaf": "VERB", "Freek": "PROPN", "toe": "ADP", "dat": "PRON", "en": "CCONJ"}
    quotes = Attributor(parser=_TaggingParser(tags, {"is": "VerbForm=Fin"})).extract(text)
    assert [(q.rule, q.content.text, _name(q)) for q in quotes] == [
        ("indirect.parenthetical", "Dat is niet chic", "Freek de Jonge")
    ]


def test_a_participle_after_a_comma_is_no_closing_tag() -> None:
    text = "Mensen zeiden: eindelijk wordt erkend wat ik al vermoed, gedacht of gevoeld heb."
    tags = {"Mensen": "NOUN", "zeiden": "VERB", "gedacht": "VERB", "wordt": "AUX", "heb": "AUX"}
    feats = {"gedacht": "VerbForm=Part", "wordt": "VerbForm=Fin", "heb": "VerbForm=Fin"}
    quotes = Attributor(parser=_TaggingParser(tags, feats)).extract(text)
    assert [(q.rule, q.content.text, _name(q)) for q in quotes] == [
        (
            "indirect.clause_surface",
            "eindelijk wordt erkend wat ik al vermoed, gedacht of gevoeld heb",
            "Mensen",
        )
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Minister Mike Pompeo is duidelijk: dat Nederland meedoet, is ‘ongelooflijk goed’ voor de band.",
            [("indirect.colon", "mixed", "Mike Pompeo")],
        ),
        # No one who can speak before the copula: no quote.
        ("Het thema is duidelijk: dat Nederland meedoet, is goed voor de band.", []),
    ],
)
def test_a_copula_label_before_an_unquoted_clause(text: str, expected: list[tuple[str, str, str]]) -> None:
    tags = {
        "is": "AUX",
        "duidelijk": "ADJ",
        "Pompeo": "PROPN",
        "thema": "NOUN",
        "Het": "DET",
        "meedoet": "VERB",
    }
    feats = {"is": "VerbForm=Fin", "meedoet": "VerbForm=Fin"}
    quotes = Attributor(parser=_TaggingParser(tags, feats)).extract(text)
    assert [(q.rule, q.kind.value, _name(q)) for q in quotes] == expected


def test_an_infinitive_after_an_article_and_an_adjective_is_a_noun() -> None:
    tags = {"denken": "VERB", "koloniale": "ADJ", "het": "DET", "dat": "SCONJ", "stuurde": "VERB"}
    feats = {"stuurde": "VerbForm=Fin"}
    text = "Ziedaar het koloniale denken dat onze verzamelwoede stuurde."
    assert Attributor(parser=_TaggingParser(tags, feats)).extract(text) == []
    # Without the noun phrase around it the verb reports its clause.
    quotes = Attributor(parser=_TaggingParser({**tags, "Zij": "PRON"}, feats)).extract(
        "Zij denken dat onze verzamelwoede het stuurde."
    )
    assert [q.content.text for q in quotes] == ["onze verzamelwoede het stuurde"]


_TWO_SUBJECTS_TREFFEN = """\
# sent_id = handmade-13
# text = Daar treffen we Boris Johnson.
1	Daar	daar	ADV	_	_	2	advmod	_	_
2	treffen	treffen	VERB	_	VerbForm=Fin	0	root	_	_
3	we	we	PRON	_	_	2	nsubj	_	_
4	Boris	Boris	PROPN	_	_	2	nsubj	_	_
5	Johnson	Johnson	PROPN	_	_	4	flat	_	SpaceAfter=No
6	.	.	PUNCT	_	_	2	punct	_	_

"""


def test_a_name_the_parse_made_a_second_subject_is_no_main_subject() -> None:
    from quoteattr.names import NameMention
    from quoteattr.sieves import _main_subject

    doc = document_from_trees(list(parse_trees(_TWO_SUBJECTS_TREFFEN.splitlines())))
    sentence = doc.sentences[0]
    start = doc.text.index("Boris Johnson")
    assert not _main_subject(sentence, NameMention(start, start + len("Boris Johnson"), "Boris Johnson"))
    # With ``we`` gone it is the subject.
    lone = _TWO_SUBJECTS_TREFFEN.replace("3\twe\twe\tPRON\t_\t_\t2\tnsubj", "3\twe\twe\tPRON\t_\t_\t2\tobj")
    sentence = document_from_trees(list(parse_trees(lone.splitlines()))).sentences[0]
    assert _main_subject(sentence, NameMention(start, start + len("Boris Johnson"), "Boris Johnson"))


_ZEGT_EN_DAT = """\
# sent_id = handmade-14
# text = Het is te koud, zegt de moeder - en dat er rook hangt.
1	Het	het	PRON	_	_	4	nsubj	_	_
2	is	zijn	AUX	_	VerbForm=Fin	4	cop	_	_
3	te	te	ADV	_	_	4	advmod	_	_
4	koud	koud	ADJ	_	_	0	root	_	SpaceAfter=No
5	,	,	PUNCT	_	_	6	punct	_	_
6	zegt	zeggen	VERB	_	VerbForm=Fin	4	parataxis	_	_
7	de	de	DET	_	_	8	det	_	_
8	moeder	moeder	NOUN	_	_	6	nsubj	_	_
9	-	-	PUNCT	_	_	14	punct	_	_
10	en	en	CCONJ	_	_	14	cc	_	_
11	dat	dat	SCONJ	_	_	14	mark	_	_
12	er	er	ADV	_	_	14	advmod	_	_
13	rook	rook	NOUN	_	_	14	nsubj	_	_
14	hangt	hangen	VERB	_	VerbForm=Fin	6	ccomp	_	SpaceAfter=No
15	.	.	PUNCT	_	_	4	punct	_	_

"""


def test_a_clause_opening_with_a_coordinator_is_no_complement_of_the_tag(attributor: Attributor) -> None:
    quotes = attributor.extract_parsed(document_from_trees(list(parse_trees(_ZEGT_EN_DAT.splitlines()))))
    assert all("rook" not in q.content.text for q in quotes)


def test_volgens_before_a_name_that_opens_with_a_capitalised_particle() -> None:
    text = "Volgens De Vries moet de regering sneller handelen."
    tags = {"Volgens": "ADP", "De": "PROPN", "Vries": "PROPN", "moet": "AUX", "handelen": "VERB"}
    quotes = Attributor(parser=_TaggingParser(tags)).extract(text)
    assert [
        (q.content.text, q.speaker.span.text if q.speaker and q.speaker.span else None) for q in quotes
    ] == [("moet de regering sneller handelen", "De Vries")]


def test_a_name_after_the_verb_in_second_place_is_the_subject_on_an_unparsed_sentence() -> None:
    text = "‘Het is koud’, zei Piet Jansen. Al trapt Karel de Boer op de rem. ‘Dit is de tweede cirkel.’"
    quotes = Attributor(parser=_TaggingParser({"zei": "VERB"})).extract(text)
    assert [(q.rule, _name(q)) for q in quotes] == [
        ("direct.postposed", "Piet Jansen"),
        ("direct.floating_subject", "Karel de Boer"),
    ]


_IN_HET_ARTIKEL = """# text = In De Groene van 31 mei staat in het artikel van Eveline Brandt: ‘Het is erg.’
1	In	in	ADP	_	_	3	case	_	_
2	De	de	DET	_	_	3	det	_	_
3	Groene	Groene	PROPN	_	_	7	obl	_	_
4	van	van	ADP	_	_	5	case	_	_
5	31	31	NUM	_	_	3	nmod	_	_
6	mei	mei	NOUN	_	_	5	flat	_	_
7	staat	staan	VERB	_	VerbForm=Fin	0	root	_	_
8	in	in	ADP	_	_	10	case	_	_
9	het	het	DET	_	_	10	det	_	_
10	artikel	artikel	NOUN	_	_	7	obl	_	_
11	van	van	ADP	_	_	12	case	_	_
12	Eveline	Eveline	PROPN	_	_	10	nmod	_	_
13	Brandt	Brandt	PROPN	_	_	12	flat	_	SpaceAfter=No
14	:	:	PUNCT	_	_	7	punct	_	_
15	‘	‘	PUNCT	_	_	18	punct	_	SpaceAfter=No
16	Het	het	PRON	_	_	18	nsubj	_	_
17	is	zijn	AUX	_	_	18	cop	_	_
18	erg	erg	ADJ	_	_	7	parataxis	_	SpaceAfter=No
19	.	.	PUNCT	_	_	18	punct	_	SpaceAfter=No
20	’	’	PUNCT	_	_	18	punct	_	_

"""

_IN_HET_PAROOL = """# text = Zo staat in Het Parool dat de stad vol is.
1	Zo	zo	ADV	_	_	2	advmod	_	_
2	staat	staan	VERB	_	VerbForm=Fin	0	root	_	_
3	in	in	ADP	_	_	5	case	_	_
4	Het	het	DET	_	_	5	det	_	_
5	Parool	Parool	PROPN	_	_	2	obl	_	_
6	dat	dat	SCONJ	_	_	10	mark	_	_
7	de	de	DET	_	_	8	det	_	_
8	stad	stad	NOUN	_	_	10	nsubj	_	_
9	vol	vol	ADJ	_	_	10	advmod	_	_
10	is	zijn	VERB	_	VerbForm=Fin	2	ccomp	_	SpaceAfter=No
11	.	.	PUNCT	_	_	2	punct	_	_

"""


# A tag after the clause: the verb has no subject, the text names the source.
_ZO_STAAT_IN = """# text = Nanninga zal actief zijn in de raad, zo staat in Het Parool van donderdag.
1	Nanninga	Nanninga	PROPN	_	_	4	nsubj	_	_
2	zal	zullen	AUX	_	VerbForm=Fin	4	aux	_	_
3	actief	actief	ADJ	_	_	4	advmod	_	_
4	zijn	zijn	AUX	_	VerbForm=Inf	0	root	_	_
5	in	in	ADP	_	_	7	case	_	_
6	de	de	DET	_	_	7	det	_	_
7	raad	raad	NOUN	_	_	4	obl	_	SpaceAfter=No
8	,	,	PUNCT	_	_	10	punct	_	_
9	zo	zo	ADV	_	_	10	advmod	_	_
10	staat	staan	VERB	_	VerbForm=Fin	4	conj	_	_
11	in	in	ADP	_	_	13	case	_	_
12	Het	het	DET	_	_	13	det	_	_
13	Parool	Parool	PROPN	_	_	10	obl	_	_
14	van	van	ADP	_	_	15	case	_	_
15	donderdag	donderdag	NOUN	_	_	13	nmod	_	SpaceAfter=No
16	.	.	PUNCT	_	_	4	punct	_	_

"""

_ZO_STAAT_IN_DIRECT = """# text = ‘Het is erg’, zo staat in het rapport van de inspectie.
1	‘	‘	PUNCT	_	_	4	punct	_	SpaceAfter=No
2	Het	het	PRON	_	_	4	nsubj	_	_
3	is	zijn	AUX	_	_	4	cop	_	_
4	erg	erg	ADJ	_	_	8	parataxis	_	SpaceAfter=No
5	’	’	PUNCT	_	_	4	punct	_	SpaceAfter=No
6	,	,	PUNCT	_	_	8	punct	_	_
7	zo	zo	ADV	_	_	8	advmod	_	_
8	staat	staan	VERB	_	VerbForm=Fin	0	root	_	_
9	in	in	ADP	_	_	11	case	_	_
10	het	het	DET	_	_	11	det	_	_
11	rapport	rapport	NOUN	_	_	8	obl	_	_
12	van	van	ADP	_	_	14	case	_	_
13	de	de	DET	_	_	14	det	_	_
14	inspectie	inspectie	NOUN	_	_	11	nmod	_	SpaceAfter=No
15	.	.	PUNCT	_	_	8	punct	_	_

"""


@pytest.mark.parametrize(
    ("conllu", "expected"),
    [
        # The text's author speaks; the date after the publication is no speaker.
        (_IN_HET_ARTIKEL, ("direct", "Het is erg", "staat", "Eveline Brandt", "direct.preposed")),
        # With no author, the publication itself.
        (_IN_HET_PAROOL, ("indirect", "de stad vol is", "staat", "Het Parool", "indirect.clause")),
        # In a tag after the words: a day after the publication is no owner either.
        (
            _ZO_STAAT_IN,
            (
                "indirect",
                "Nanninga zal actief zijn in de raad",
                "staat",
                "Het Parool",
                "indirect.parenthetical",
            ),
        ),
        (_ZO_STAAT_IN_DIRECT, ("direct", "Het is erg", "staat", "de inspectie", "direct.postposed")),
    ],
)
def test_the_text_a_quote_stands_in_is_its_source(
    attributor: Attributor, conllu: str, expected: tuple[str, ...]
) -> None:
    (quote,) = _quotes(attributor, next(parse_trees(conllu.splitlines())))
    assert _summary(quote) == expected


_FRONTED_PLACE = """# text = In Den Haag zei Rutte: ‘Het is erg.’
1	In	in	ADP	_	_	3	case	_	_
2	Den	den	PROPN	_	_	3	flat	_	_
3	Haag	Haag	PROPN	_	_	4	obl	_	_
4	zei	zeggen	VERB	_	VerbForm=Fin	0	root	_	_
5	Rutte	Rutte	PROPN	_	_	4	obj	_	SpaceAfter=No
6	:	:	PUNCT	_	_	4	punct	_	_
7	‘	‘	PUNCT	_	_	10	punct	_	SpaceAfter=No
8	Het	het	PRON	_	_	10	nsubj	_	_
9	is	zijn	AUX	_	_	10	cop	_	_
10	erg	erg	ADJ	_	_	4	parataxis	_	SpaceAfter=No
11	.	.	PUNCT	_	_	10	punct	_	SpaceAfter=No
12	’	’	PUNCT	_	_	10	punct	_	_

"""


_VAN_DIJK = """# text = Van Dijk zegt dat er onderzoek komt.
1	Van	van	ADP	_	_	2	case	_	_
2	Dijk	Dijk	PROPN	_	_	3	obl	_	_
3	zegt	zeggen	VERB	_	VerbForm=Fin	0	root	_	_
4	dat	dat	SCONJ	_	_	7	mark	_	_
5	er	er	ADV	_	_	7	advmod	_	_
6	onderzoek	onderzoek	NOUN	_	_	7	nsubj	_	_
7	komt	komen	VERB	_	VerbForm=Fin	3	ccomp	_	SpaceAfter=No
8	.	.	PUNCT	_	_	3	punct	_	_

"""


@pytest.mark.parametrize(
    ("conllu", "speaker"),
    [
        # The word before the verb ends a fronted place phrase: the subject follows the verb.
        (_FRONTED_PLACE, "Rutte"),
        # A surname that opens with a preposition is no fronted phrase.
        (_VAN_DIJK, "Van Dijk"),
    ],
)
def test_a_fronted_phrase_before_the_verb_is_no_subject(
    attributor: Attributor, conllu: str, speaker: str
) -> None:
    # Weak parses with no subject, so the words around the verb decide.
    (quote,) = _quotes(attributor, next(parse_trees(conllu.splitlines())))
    assert quote.speaker is not None
    assert quote.speaker.name == speaker


_LIETEN_WETEN = """# text = De bonden lieten in een reactie weten dat de actie doorgaat.
1	De	de	DET	_	_	2	det	_	_
2	bonden	bond	NOUN	_	Number=Plur	3	nsubj	_	_
3	lieten	laten	VERB	_	VerbForm=Fin	0	root	_	_
4	in	in	ADP	_	_	6	case	_	_
5	een	een	DET	_	_	6	det	_	_
6	reactie	reactie	NOUN	_	_	7	obl	_	_
7	weten	weten	VERB	_	VerbForm=Inf	3	xcomp	_	_
8	dat	dat	SCONJ	_	_	11	mark	_	_
9	de	de	DET	_	_	10	det	_	_
10	actie	actie	NOUN	_	_	11	nsubj	_	_
11	doorgaat	doorgaan	VERB	_	VerbForm=Fin	7	ccomp	_	SpaceAfter=No
12	.	.	PUNCT	_	_	3	punct	_	_

"""


def test_a_clause_on_the_verb_particle_of_laten_weten(attributor: Attributor) -> None:
    # The model's parse: ``weten`` an ``xcomp`` that heads the clause (gold trees make it
    # ``compound:prt`` of ``lieten``, which then heads the clause).
    (quote,) = _quotes(attributor, next(parse_trees(_LIETEN_WETEN.splitlines())))
    assert _summary(quote) == ("indirect", "de actie doorgaat", "lieten", "De bonden", "indirect.clause")


_WORDT_BEKEND = """# text = Later wordt bekend waar bezorgers staken.
1	Later	later	ADV	_	_	3	advmod	_	_
2	wordt	worden	AUX	_	_	3	aux:pass	_	_
3	bekend	bekennen	VERB	_	VerbForm=Part	0	root	_	_
4	waar	waar	ADV	_	_	6	advmod	_	_
5	bezorgers	bezorger	NOUN	_	_	6	nsubj	_	_
6	staken	staken	VERB	_	VerbForm=Fin	3	ccomp	_	SpaceAfter=No
7	.	.	PUNCT	_	_	3	punct	_	_

"""

_WERD_GEVRAAGD = """# text = De minister werd gevraagd of het plan doorgaat.
1	De	de	DET	_	_	2	det	_	_
2	minister	minister	NOUN	_	_	4	nsubj:pass	_	_
3	werd	worden	AUX	_	_	4	aux:pass	_	_
4	gevraagd	vragen	VERB	_	VerbForm=Part	0	root	_	_
5	of	of	SCONJ	_	_	8	mark	_	_
6	het	het	DET	_	_	7	det	_	_
7	plan	plan	NOUN	_	_	8	nsubj	_	_
8	doorgaat	doorgaan	VERB	_	VerbForm=Fin	4	ccomp	_	SpaceAfter=No
9	.	.	PUNCT	_	_	4	punct	_	_

"""


def test_a_participle_that_is_an_adjective_with_worden_is_no_cue(attributor: Attributor) -> None:
    # ``wordt bekend``: becomes known, tagged as the participle of bekennen (to confess).
    assert _quotes(attributor, next(parse_trees(_WORDT_BEKEND.splitlines()))) == []


def test_the_subject_of_a_passive_cue_is_no_speaker(attributor: Attributor) -> None:
    # The minister is asked, not asking: with no ``door`` phrase nobody is named.
    (quote,) = _quotes(attributor, next(parse_trees(_WERD_GEVRAAGD.splitlines())))
    assert quote.content.text == "het plan doorgaat"
    assert quote.speaker is None


_KLAAGT_OVER = """# text = Boekel klaagt bij de caravan over de ’slechte sportpagina’.
1	Boekel	Boekel	PROPN	_	_	2	nsubj	_	_
2	klaagt	klagen	VERB	_	VerbForm=Fin	0	root	_	_
3	bij	bij	ADP	_	_	5	case	_	_
4	de	de	DET	_	_	5	det	_	_
5	caravan	caravan	NOUN	_	_	2	obl	_	_
6	over	over	ADP	_	_	10	case	_	_
7	de	de	DET	_	_	10	det	_	_
8	’	’	PUNCT	_	_	10	punct	_	SpaceAfter=No
9	slechte	slecht	ADJ	_	_	10	amod	_	_
10	sportpagina	sportpagina	NOUN	_	_	5	nmod	_	SpaceAfter=No
11	’	’	PUNCT	_	_	10	punct	_	SpaceAfter=No
12	.	.	PUNCT	_	_	2	punct	_	_

"""


@pytest.mark.parametrize(
    ("verb", "lemma", "preposition", "found"),
    [
        ("klaagt", "klagen", "over", True),
        # A verb of no saying before the preposition: a quoted term, no quote.
        ("werkt", "werken", "over", False),
        # ``van`` names no topic of speech (``onthulde het logo van ‘…’``: a title).
        ("klaagt", "klagen", "van", False),
    ],
)
def test_a_fragment_after_the_preposition_of_a_cue_verb_is_quoted_speech(
    attributor: Attributor, verb: str, lemma: str, preposition: str, found: bool
) -> None:
    # The model attached the fragment to the nearer noun; the surface still shows the cue.
    conllu = (
        _KLAAGT_OVER.replace("klaagt", verb)
        .replace("klagen", lemma)
        .replace(" over ", f" {preposition} ")
        .replace("over\tover", f"{preposition}\t{preposition}")
    )
    quotes = _quotes(attributor, next(parse_trees(conllu.splitlines())))
    assert _contents_and_names(quotes) == ([("slechte sportpagina", "Boekel")] if found else [])


_HET_PLAN = """# text = Het plan faalt.
1	Het	het	DET	_	_	2	det	_	_
2	plan	plan	NOUN	_	_	3	nsubj	_	_
3	faalt	falen	VERB	_	VerbForm=Fin	0	root	_	SpaceAfter=No
4	.	.	PUNCT	_	_	3	punct	_	_

"""

_OP_HET_SPEL = """# text = Dat staat vandaag op het spel in het Parlement.
1	Dat	dat	PRON	_	_	2	nsubj	_	_
2	staat	staan	VERB	_	VerbForm=Fin	0	root	_	_
3	vandaag	vandaag	ADV	_	_	2	advmod	_	_
4	op	op	ADP	_	_	6	case	_	_
5	het	het	DET	_	_	6	det	_	_
6	spel	spel	NOUN	_	_	2	obl	_	_
7	in	in	ADP	_	_	9	case	_	_
8	het	het	DET	_	_	9	det	_	_
9	Parlement	Parlement	PROPN	_	_	2	obl	_	SpaceAfter=No
10	.	.	PUNCT	_	_	2	punct	_	_

"""


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        # The clause after ``staat in X`` is what is reported, not the sentence before.
        (_IN_HET_PAROOL, [("de stad vol is", "Het Parool")]),
        # ``op het spel staan`` (be at stake) with a place after it reports nothing.
        (_OP_HET_SPEL, []),
    ],
    ids=["clause", "idiom"],
)
def test_staan_in_needs_a_text_next_to_it(
    attributor: Attributor, second: str, expected: list[tuple[str, str]]
) -> None:
    trees = [next(parse_trees(_HET_PLAN.splitlines())), next(parse_trees(second.splitlines()))]
    quotes = attributor.extract_parsed(document_from_trees(trees))
    assert _contents_and_names(quotes) == expected


_WIL_NIET_ZEGGEN = """# text = Een diploma wil niet zeggen dat je geschikt bent.
1	Een	een	DET	_	_	2	det	_	_
2	diploma	diploma	NOUN	_	_	5	nsubj	_	_
3	wil	willen	AUX	_	VerbForm=Fin	5	aux	_	_
4	niet	niet	ADV	_	_	5	advmod	_	_
5	zeggen	zeggen	VERB	_	VerbForm=Inf	0	root	_	_
6	dat	dat	SCONJ	_	_	9	mark	_	_
7	je	je	PRON	_	_	9	nsubj	_	_
8	geschikt	geschikt	ADJ	_	_	9	xcomp	_	_
9	bent	zijn	AUX	_	VerbForm=Fin	5	ccomp	_	SpaceAfter=No
10	.	.	PUNCT	_	_	5	punct	_	_

"""


_JANSEN_WIL_ZEGGEN = """# text = Jansen wil zeggen dat je geschikt bent.
1	Jansen	Jansen	PROPN	_	_	3	nsubj	_	_
2	wil	willen	AUX	_	VerbForm=Fin	3	aux	_	_
3	zeggen	zeggen	VERB	_	VerbForm=Inf	0	root	_	_
4	dat	dat	SCONJ	_	_	7	mark	_	_
5	je	je	PRON	_	_	7	nsubj	_	_
6	geschikt	geschikt	ADJ	_	_	7	xcomp	_	_
7	bent	zijn	AUX	_	VerbForm=Fin	3	ccomp	_	SpaceAfter=No
8	.	.	PUNCT	_	_	3	punct	_	_

"""


@pytest.mark.parametrize(
    ("conllu", "found"), [(_WIL_NIET_ZEGGEN, False), (_JANSEN_WIL_ZEGGEN, True)], ids=["diploma", "Jansen"]
)
def test_willen_zeggen_with_a_subject_that_cannot_speak_means_to_mean(
    attributor: Attributor, conllu: str, found: bool
) -> None:
    quotes = _quotes(attributor, next(parse_trees(conllu.splitlines())))
    assert [q.content.text for q in quotes] == (["je geschikt bent"] if found else [])


_NOEMT_HET = """# text = Leclercq noemt het 'fenomenaal' dat hij afviel.
1	Leclercq	Leclercq	PROPN	_	_	2	nsubj	_	_
2	noemt	noemen	VERB	_	VerbForm=Fin	0	root	_	_
3	het	het	PRON	_	_	2	obj	_	_
4	'	'	PUNCT	_	_	5	punct	_	SpaceAfter=No
5	fenomenaal	fenomenaal	ADJ	_	_	2	xcomp	_	SpaceAfter=No
6	'	'	PUNCT	_	_	5	punct	_	_
7	dat	dat	SCONJ	_	_	9	mark	_	_
8	hij	hij	PRON	_	_	9	nsubj	_	_
9	afviel	afvallen	VERB	_	VerbForm=Fin	2	ccomp	_	SpaceAfter=No
10	.	.	PUNCT	_	_	2	punct	_	_

"""


def test_a_fragment_between_the_cue_and_its_clause_makes_one_mixed_quote(attributor: Attributor) -> None:
    (quote,) = _quotes(attributor, next(parse_trees(_NOEMT_HET.splitlines())))
    assert (quote.kind, quote.content.text, quote.rule) == (
        QuoteKind.MIXED,
        "'fenomenaal' dat hij afviel",
        "indirect.clause",
    )


_ZATERDAG_MELDDE = """# text = Zaterdag meldde Buitenlandse Zaken dat vier Nederlanders gewond zijn.
1	Zaterdag	zaterdag	PROPN	_	_	2	advmod	_	_
2	meldde	melden	VERB	_	VerbForm=Fin	0	root	_	_
3	Buitenlandse	buitenlands	ADJ	_	_	2	nsubj	_	_
4	Zaken	zaak	NOUN	_	_	2	nsubj	_	_
5	dat	dat	SCONJ	_	_	9	mark	_	_
6	vier	vier	NUM	_	_	7	nummod	_	_
7	Nederlanders	Nederlander	PROPN	_	_	9	nsubj	_	_
8	gewond	gewond	ADJ	_	_	9	xcomp	_	_
9	zijn	zijn	AUX	_	VerbForm=Fin	2	ccomp	_	SpaceAfter=No
10	.	.	PUNCT	_	_	2	punct	_	_

"""


def test_a_ministry_by_its_portfolio_speaks_and_a_day_does_not(attributor: Attributor) -> None:
    # A weak parse: the adjective of the portfolio is a second subject, the day a name.
    (quote,) = _quotes(attributor, next(parse_trees(_ZATERDAG_MELDDE.splitlines())))
    assert quote.speaker is not None
    assert quote.speaker.span is not None
    assert (quote.speaker.span.text, quote.speaker.name) == ("Buitenlandse Zaken", "Buitenlandse Zaken")


def test_volgens_a_plural_role_takes_no_place_name_after_it() -> None:
    # ``bronnen`` (sources) is the speaker; ``Den Haag`` after ``naar`` is where she goes.
    text = "Zijn dochter reist volgens bronnen naar Den Haag af."
    tags = {
        "volgens": "ADP",
        "bronnen": "NOUN",
        "naar": "ADP",
        "Den": "PROPN",
        "Haag": "PROPN",
        "reist": "VERB",
    }
    quotes = Attributor(parser=_TaggingParser(tags)).extract(text)
    assert [_name(q) for q in quotes] == ["bronnen"]


def test_a_label_may_open_with_a_headline_word_and_a_role() -> None:
    text = "Rugwind CNV-voorzitter Arend van Wijngaarden: ‘Het kabinet denkt dat wij een kunstje opvoerden.’"
    tags = {"Rugwind": "PROPN", "CNV-voorzitter": "NOUN", "Arend": "PROPN", "Wijngaarden": "PROPN"}
    quotes = Attributor(parser=_TaggingParser(tags)).extract(text)
    assert [(q.rule, _name(q)) for q in quotes] == [("direct.preposed", "Arend van Wijngaarden")]


_GEPENSIONEERDE_RECHTER = """# text = ‘Het klopt’, zegt de gepensioneerde rechter beslist.
1	‘	‘	PUNCT	_	_	3	punct	_	SpaceAfter=No
2	Het	het	PRON	_	_	3	nsubj	_	_
3	klopt	kloppen	VERB	_	VerbForm=Fin	0	root	_	SpaceAfter=No
4	’	’	PUNCT	_	_	3	punct	_	SpaceAfter=No
5	,	,	PUNCT	_	_	6	punct	_	_
6	zegt	zeggen	VERB	_	VerbForm=Fin	3	parataxis	_	_
7	de	de	DET	_	_	9	det	_	_
8	gepensioneerde	pensioneren	VERB	_	VerbForm=Part	9	amod	_	_
9	rechter	rechter	NOUN	_	_	10	obj	_	_
10	beslist	beslissen	VERB	_	VerbForm=Fin	3	conj	_	SpaceAfter=No
11	.	.	PUNCT	_	_	3	punct	_	_

"""

_POLITIEDESKUNDIGE = """# text = ‘Het klopt’, zegt een politiedeskundige die anoniem wil blijven.
1	‘	‘	PUNCT	_	_	3	punct	_	SpaceAfter=No
2	Het	het	PRON	_	_	3	nsubj	_	_
3	klopt	kloppen	VERB	_	VerbForm=Fin	0	root	_	SpaceAfter=No
4	’	’	PUNCT	_	_	3	punct	_	SpaceAfter=No
5	,	,	PUNCT	_	_	6	punct	_	_
6	zegt	zeggen	VERB	_	VerbForm=Fin	3	parataxis	_	_
7	een	een	DET	_	_	8	det	_	_
8	politiedeskundige	politiedeskundig	ADJ	_	_	6	nsubj	_	_
9	die	die	PRON	_	_	12	nsubj	_	_
10	anoniem	anoniem	ADJ	_	_	12	xcomp	_	_
11	wil	willen	AUX	_	VerbForm=Fin	12	aux	_	_
12	blijven	blijven	VERB	_	VerbForm=Inf	6	ccomp	_	SpaceAfter=No
13	.	.	PUNCT	_	_	3	punct	_	_

"""


@pytest.mark.parametrize(
    ("conllu", "speaker"),
    [
        # The parse made the subject the object of ``beslist``; the participle modifies the noun.
        (_GEPENSIONEERDE_RECHTER, "de gepensioneerde rechter"),
        # A role noun tagged as an adjective still speaks, and its relative clause reports nothing.
        (_POLITIEDESKUNDIGE, "een politiedeskundige"),
    ],
    ids=["participle", "adjective-tag"],
)
def test_a_tag_subject_after_weak_tagging(attributor: Attributor, conllu: str, speaker: str) -> None:
    quotes = _quotes(attributor, next(parse_trees(conllu.splitlines())))
    found = _contents_and_names(quotes)
    assert found == [("Het klopt", speaker)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A quoted word inside the narration is named, not said.
        ("Het is de pont, die daar consequent ‘pontje’ wordt genoemd.", []),
        # A quote that opens its sentence keeps its tag, comma or not.
        ("‘Het klopt’ zegt Jansen.", [("Het klopt", "Jansen")]),
        # Inside the sentence, a comma after the quote makes the tag.
        ("Hij zei: ‘Het klopt’, zegt Jansen.", [("Het klopt", "Jansen")]),
    ],
)
def test_a_speech_tag_follows_a_quote_that_opens_or_ends_in_punctuation(
    text: str, expected: list[tuple[str, str]]
) -> None:
    tags = {
        "genoemd": "VERB",
        "wordt": "AUX",
        "zegt": "VERB",
        "zei": "VERB",
        "Jansen": "PROPN",
        "Hij": "PRON",
    }
    quotes = Attributor(parser=_TaggingParser(tags)).extract(text)
    found = [(q.content.text, _name(q)) for q in quotes if q.rule == "direct.postposed"]
    assert found == expected


_REDENEERT_JUSTITIE = """# text = Ook zij dragen bij, redeneert justitie.
1	Ook	ook	ADV	_	_	3	advmod	_	_
2	zij	zij	PRON	_	_	3	nsubj	_	_
3	dragen	dragen	VERB	_	VerbForm=Fin	0	root	_	_
4	bij	bij	ADP	_	_	3	compound:prt	_	SpaceAfter=No
5	,	,	PUNCT	_	_	7	punct	_	_
6	redeneert	redeneren	VERB	_	VerbForm=Fin	7	amod	_	_
7	justitie	justitie	NOUN	_	_	3	conj	_	SpaceAfter=No
8	.	.	PUNCT	_	_	3	punct	_	_

"""

_OP_VRAGEN = """# text = Op vragen van deze krant wordt het vermeden: ‘We doen zaken met velen.’
1	Op	op	ADP	_	_	2	case	_	_
2	vragen	vraag	NOUN	_	_	8	obl	_	_
3	van	van	ADP	_	_	5	case	_	_
4	deze	deze	DET	_	_	5	det	_	_
5	krant	krant	NOUN	_	_	2	nmod	_	_
6	wordt	worden	AUX	_	_	8	aux:pass	_	_
7	het	het	PRON	_	_	8	nsubj:pass	_	_
8	vermeden	vermijden	VERB	_	VerbForm=Part	0	root	_	SpaceAfter=No
9	:	:	PUNCT	_	_	8	punct	_	_
10	‘	‘	PUNCT	_	_	12	punct	_	SpaceAfter=No
11	We	we	PRON	_	_	12	nsubj	_	_
12	doen	doen	VERB	_	VerbForm=Fin	8	parataxis	_	_
13	zaken	zaak	NOUN	_	_	12	obj	_	_
14	met	met	ADP	_	_	15	case	_	_
15	velen	veel	PRON	_	_	12	obl	_	SpaceAfter=No
16	.	.	PUNCT	_	_	12	punct	_	SpaceAfter=No
17	’	’	PUNCT	_	_	12	punct	_	_

"""


def test_the_cue_verb_the_parse_hung_on_the_speaker_is_no_part_of_the_mention(attributor: Attributor) -> None:
    (quote,) = _quotes(attributor, next(parse_trees(_REDENEERT_JUSTITIE.splitlines())))
    assert quote.speaker is not None
    assert quote.speaker.span is not None
    assert quote.speaker.span.text == "justitie"


def test_who_asks_the_question_a_quote_answers_is_no_speaker(attributor: Attributor) -> None:
    (quote,) = _quotes(attributor, next(parse_trees(_OP_VRAGEN.splitlines())))
    assert (quote.content.text, quote.speaker) == ("We doen zaken met velen.", None)


_VOLGENS_HAAR_ADVOCAAT = """# text = Volgens haar advocaat hield hij zich aan de afspraken.
1	Volgens	volgens	ADP	_	_	3	case	_	_
2	haar	haar	PRON	_	_	3	nmod:poss	_	_
3	advocaat	advocaat	NOUN	_	_	4	obl	_	_
4	hield	houden	VERB	_	VerbForm=Fin	0	root	_	_
5	hij	hij	PRON	_	_	4	nsubj	_	_
6	zich	zich	PRON	_	_	4	expl:pv	_	_
7	aan	aan	ADP	_	_	9	case	_	_
8	de	de	DET	_	_	9	det	_	_
9	afspraken	afspraak	NOUN	_	_	4	obl	_	SpaceAfter=No
10	.	.	PUNCT	_	_	4	punct	_	_

"""


def test_volgens_a_possessive_takes_its_noun(attributor: Attributor) -> None:
    (quote,) = _quotes(attributor, next(parse_trees(_VOLGENS_HAAR_ADVOCAAT.splitlines())))
    assert quote.speaker is not None
    assert quote.speaker.span is not None
    assert (quote.speaker.span.text, quote.content.text) == (
        "haar advocaat",
        "hield hij zich aan de afspraken",
    )


def test_of_after_a_question_verb_opens_the_clause_whatever_its_tag() -> None:
    text = "Gisteren vroeg de socialist Joep van Meel of de provincie het eens is."
    upos = [
        "ADV",
        "VERB",
        "DET",
        "NOUN",
        "PROPN",
        "ADP",
        "PROPN",
        "CCONJ",
        "DET",
        "NOUN",
        "PRON",
        "ADJ",
        "AUX",
    ]
    tags = dict(zip(text.rstrip(".").split(), upos, strict=True))
    quotes = Attributor(parser=_TaggingParser(tags, {"is": "VerbForm=Fin"})).extract(text)
    assert _contents_and_names(quotes) == [("de provincie het eens is", "Joep van Meel")]


_JANSEN_DIE = """# text = Jansen, die er werkte, zegt dat niet.
1	Jansen	Jansen	PROPN	_	_	7	nsubj	_	SpaceAfter=No
2	,	,	PUNCT	_	_	5	punct	_	_
3	die	die	PRON	_	_	5	nsubj	_	_
4	er	er	ADV	_	_	5	advmod	_	_
5	werkte	werken	VERB	_	VerbForm=Fin	1	acl:relcl	_	SpaceAfter=No
6	,	,	PUNCT	_	_	7	punct	_	_
7	zegt	zeggen	VERB	_	VerbForm=Fin	0	root	_	_
8	dat	dat	PRON	_	_	7	obj	_	_
9	niet	niet	ADV	_	_	7	advmod	_	SpaceAfter=No
10	.	.	PUNCT	_	_	7	punct	_	_

"""


def test_a_subject_with_its_relative_clause_before_a_comma_tag_is_nobodys_words(
    attributor: Attributor,
) -> None:
    # ``Jansen, die er werkte, zegt …``: the words before the verb are its subject, not a report.
    assert _quotes(attributor, next(parse_trees(_JANSEN_DIE.splitlines()))) == []


_BRONNEN_NAAR_DEN_HAAG = """# text = Ivanka, die volgens bronnen naar Den Haag afreist, is er niet.
1	Ivanka	Ivanka	PROPN	_	_	12	nsubj	_	SpaceAfter=No
2	,	,	PUNCT	_	_	9	punct	_	_
3	die	die	PRON	_	_	9	nsubj	_	_
4	volgens	volgens	ADP	_	_	5	case	_	_
5	bronnen	bron	NOUN	_	Number=Plur	9	obl	_	_
6	naar	naar	ADP	_	_	7	case	_	_
7	Den	Den	PROPN	_	_	5	nmod	_	_
8	Haag	Haag	PROPN	_	_	7	flat	_	_
9	afreist	afreizen	VERB	_	VerbForm=Fin	1	acl:relcl	_	SpaceAfter=No
10	,	,	PUNCT	_	_	9	punct	_	_
11	is	zijn	AUX	_	VerbForm=Fin	12	cop	_	_
12	er	er	ADV	_	_	0	root	_	_
13	niet	niet	ADV	_	_	12	advmod	_	SpaceAfter=No
14	.	.	PUNCT	_	_	12	punct	_	_

"""

_VOORZITTER_VAN = """# text = ‘Het is erg’, zegt de voorzitter van de Verenigde Staten.
1	‘	‘	PUNCT	_	_	4	punct	_	SpaceAfter=No
2	Het	het	PRON	_	_	4	nsubj	_	_
3	is	zijn	AUX	_	_	4	cop	_	_
4	erg	erg	ADJ	_	_	7	parataxis	_	SpaceAfter=No
5	’	’	PUNCT	_	_	4	punct	_	SpaceAfter=No
6	,	,	PUNCT	_	_	7	punct	_	_
7	zegt	zeggen	VERB	_	VerbForm=Fin	0	root	_	_
8	de	de	DET	_	_	9	det	_	_
9	voorzitter	voorzitter	NOUN	_	_	7	nsubj	_	_
10	van	van	ADP	_	_	13	case	_	_
11	de	de	DET	_	_	13	det	_	_
12	Verenigde	verenigd	ADJ	_	_	13	amod	_	_
13	Staten	Staten	PROPN	_	_	9	nmod	_	SpaceAfter=No
14	.	.	PUNCT	_	_	7	punct	_	_

"""


def test_a_name_behind_a_preposition_does_not_name_the_speaker(attributor: Attributor) -> None:
    # ``naar Den Haag`` is where the trip goes (whatever the parse hung it on), not the source.
    (quote,) = _quotes(attributor, next(parse_trees(_BRONNEN_NAAR_DEN_HAAG.splitlines())))
    assert _summary(quote) == (
        "indirect",
        "die volgens bronnen naar Den Haag afreist",
        "volgens",
        "bronnen",
        "indirect.according_to",
    )
    # The country a role belongs to is no name of the person in the role.
    (quote,) = _quotes(attributor, next(parse_trees(_VOORZITTER_VAN.splitlines())))
    assert _summary(quote)[3] == "de voorzitter van de Verenigde Staten"


_MISPARSED_RELATIVE = """# text = Na de resten is er volgens Jansen meer teruggegeven.
1	Na	na	ADP	_	_	3	case	_	_
2	de	de	DET	_	_	3	det	_	_
3	resten	rest	NOUN	_	_	0	root	_	_
4	is	zijn	AUX	_	_	9	aux:pass	_	_
5	er	er	ADV	_	_	9	advmod	_	_
6	volgens	volgens	ADP	_	_	7	case	_	_
7	Jansen	Jansen	PROPN	_	_	9	obl	_	_
8	meer	meer	ADV	_	_	9	advmod	_	_
9	teruggegeven	teruggeven	VERB	_	VerbForm=Part	3	acl:relcl	_	SpaceAfter=No
10	.	.	PUNCT	_	_	3	punct	_	_

"""


def test_a_clause_without_a_relative_pronoun_is_no_relative_clause(attributor: Attributor) -> None:
    # The parse hung the main clause under a noun; the source's words are the whole sentence.
    (quote,) = _quotes(attributor, next(parse_trees(_MISPARSED_RELATIVE.splitlines())))
    assert quote.content.text == "Na de resten is er volgens Jansen meer teruggegeven"


_EEN_DAARVAN = """# text = Bij twee studies was niks mis; een daarvan gaf toe dat er niks was ontdekt.
1	Bij	bij	ADP	_	_	3	case	_	_
2	twee	twee	NUM	_	_	3	nummod	_	_
3	studies	studie	NOUN	_	_	6	obl	_	_
4	was	zijn	AUX	_	_	6	cop	_	_
5	niks	niks	PRON	_	_	6	nsubj	_	_
6	mis	mis	ADJ	_	_	0	root	_	SpaceAfter=No
7	;	;	PUNCT	_	_	10	punct	_	_
8	een	een	DET	_	_	10	nsubj	_	_
9	daarvan	daarvan	ADV	_	_	10	advmod	_	_
10	gaf	geven	VERB	_	VerbForm=Fin	6	parataxis	_	_
11	toe	toe	ADP	_	_	10	compound:prt	_	_
12	dat	dat	SCONJ	_	_	16	mark	_	_
13	er	er	ADV	_	_	16	advmod	_	_
14	niks	niks	PRON	_	_	16	nsubj:pass	_	_
15	was	zijn	AUX	_	_	16	aux:pass	_	_
16	ontdekt	ontdekken	VERB	_	VerbForm=Part	10	ccomp	_	SpaceAfter=No
17	.	.	PUNCT	_	_	6	punct	_	_

"""


def test_a_parataxis_verb_with_its_own_clause_reports_only_that_clause(attributor: Attributor) -> None:
    # Not ``Bij twee studies was niks mis`` as well; the numeral speaks with its partitive.
    (quote,) = _quotes(attributor, next(parse_trees(_EEN_DAARVAN.splitlines())))
    assert _summary(quote) == ("indirect", "er niks was ontdekt", "gaf", "een daarvan", "indirect.clause")


_WAT_FREEK_ZEI = """# text = Het debat ging over wat Freek zei, niet over wanneer.
1	Het	het	DET	_	_	2	det	_	_
2	debat	debat	NOUN	_	_	3	nsubj	_	_
3	ging	gaan	VERB	_	VerbForm=Fin	0	root	_	_
4	over	over	ADP	_	_	6	case	_	_
5	wat	wat	PRON	_	_	6	det	_	_
6	Freek	Freek	PROPN	_	_	7	nsubj	_	_
7	zei	zeggen	VERB	_	VerbForm=Fin	3	parataxis	_	SpaceAfter=No
8	,	,	PUNCT	_	_	11	punct	_	_
9	niet	niet	ADV	_	_	11	advmod	_	_
10	over	over	ADP	_	_	11	case	_	_
11	wanneer	wanneer	ADV	_	_	3	conj	_	SpaceAfter=No
12	.	.	PUNCT	_	_	3	punct	_	_

"""


def test_a_verb_after_its_subject_is_no_speech_tag(attributor: Attributor) -> None:
    # A parenthetical tag puts the verb first (``zei Freek``); ``wat Freek zei`` is a free relative.
    assert _quotes(attributor, next(parse_trees(_WAT_FREEK_ZEI.splitlines()))) == []


@pytest.fixture(scope="module")
def weak_trees() -> dict[str, Tree]:
    """Predicted parses with the errors a small model makes (see the fixture's header)."""
    return {
        tree.sent_id: tree for tree in read_trees(Path(__file__).parent / "fixtures" / "weak_parses.conllu")
    }


@pytest.mark.parametrize(
    ("sent_ids", "expected"),
    [
        # The past tense read as a participle still makes a closing tag.
        (
            ["participle-tag"],
            [
                (
                    "indirect.parenthetical",
                    "Sinds 2010 sloot bijna een derde van de tweehonderd bibliotheken",
                    "Nieuwsuur",
                )
            ],
        ),
        # The article the parse made the head of ``in Het Parool`` opens the text's name.
        (
            ["text-source-article"],
            [
                (
                    "indirect.parenthetical",
                    "Jan de Wit van de VVD wordt waarschijnlijk wethouder in de gemeente",
                    "Het Parool",
                )
            ],
        ),
        # The main clause hung on the relative clause is not what the source says.
        (
            ["relative-conjunct"],
            [("indirect.according_to", "die volgens ingewijden naar Parijs vertrekt", "ingewijden")],
        ),
        # A clause that opens with ``die`` is relative, whatever verb the parse hung it on.
        (["relative-die"], []),
        (["partitive"], [("indirect.clause", "er niets was gemeten", "een daarvan")]),
        # ``dat`` is the complementiser by its relation, whatever its tag.
        (
            ["mark-dat"],
            [("indirect.clause", "boeren in 2018 net zoveel mest gebruikten als in 2008", "LEI")],
        ),
        # A foreign ``of`` opens no reported question.
        (["foreign-of"], []),
        # Initials that spell a name introduced before label its speaker, whatever their tag.
        (
            ["initials-intro", "initials-label"],
            [
                ("direct.preposed", "Piet, neem de kiezer heel serieus.", "Anna Bakker"),
                ("direct.preposed", "Dat bedoel ik juist: je móet de Kamerleden overtuigen.", "Anna Bakker"),
            ],
        ),
        # A comment clause (``, wat …``) is no part of the reported clause; its own source says it.
        (
            ["comment-wat"],
            [
                ("indirect.clause_surface", "een chauffeur ontslagen is omdat hij te laat kwam", "de bond"),
                (
                    "indirect.according_to",
                    "wat volgens bondsman Piet Kok berust op een 'misverstand'",
                    "Piet Kok",
                ),
            ],
        ),
        # What ``volgens`` reports ends at the colon that opens a quote; the quote is the source's too.
        (
            ["volgens-colon"],
            [
                (
                    "indirect.according_to",
                    "En dan is het volgens de krant aan de senaat om het budget te bevriezen",
                    "de krant",
                ),
                ("direct.floating", "De belofte om miljarden uit te geven is een vergissing.", "de krant"),
            ],
        ),
        # Only a predicate of attitude (``X is duidelijk:``) makes its subject the speaker.
        (
            ["placed-before-colon"],
            [("direct.unattributed", "Het is een inferieure versie van de hemel.", None)],
        ),
        # A tag with an apposition after it still closes the sentence: the fragment is the tag's.
        (
            ["closing-tag-apposition"],
            [
                (
                    "indirect.parenthetical",
                    "Morgen zullen de broeders 'alle grote vragen van het milieu' aan de orde stellen",
                    "Jan de Wit",
                )
            ],
        ),
        # A relative pronoun stands for the apposition right before it, not the noun the parse hung
        # its clause on.
        (
            ["relative-apposition"],
            [("indirect.clause", "de conducteur hen expres negeert", "boze reizigers")],
        ),
        # ``dat`` before a plural noun, or after the cue verb's particle, is the complementiser.
        (
            ["dat-plural-particle"],
            [("indirect.clause", "bewoners voortaan gratis kunnen parkeren", "De wethouder")],
        ),
        (["dat-plural"], [("indirect.clause", "leerlingen zelf verantwoordelijk blijven", "De directeur")]),
        (["dat-particle"], [("indirect.clause", "geld geen probleem is", "De wethouder")]),
        # Another verb's passive subject may still be the cue's speaker.
        (
            ["passive-elsewhere"],
            [("indirect.clause_surface", "eindelijk wordt gezegd wat ik altijd al vermoed heb", "Mensen")],
        ),
        # ``de Zwolse`` describes the last person quoted.
        (
            ["epithet-before", "epithet"],
            [
                ("direct.postposed", "Wij zijn het nu even niet", "Els de Boer"),
                ("direct.preposed", "De kiezer heeft altijd gelijk.", "Els de Boer"),
            ],
        ),
    ],
    ids=[
        "participle",
        "text-source",
        "relative-conj",
        "relative-die",
        "partitive",
        "mark",
        "of",
        "initials",
        "comment",
        "volgens-colon",
        "placed",
        "tag-apposition",
        "relative-apposition",
        "dat-plural-particle",
        "dat-plural",
        "dat-particle",
        "passive-elsewhere",
        "epithet",
    ],
)
def test_rules_survive_the_errors_of_a_small_parser(
    attributor: Attributor,
    weak_trees: dict[str, Tree],
    sent_ids: list[str],
    expected: list[tuple[str, str, str]],
) -> None:
    trees = [weak_trees[f"weak-{sent_id}"] for sent_id in sent_ids]
    # One paragraph per tree: an interview's labels open lines.
    document = document_from_trees(trees, "\n\n".join(tree.text for tree in trees))
    quotes = attributor.extract_parsed(document)
    assert [(q.rule, q.content.text, _name(q)) for q in quotes] == expected


_BEREKENINGEN_VAN = """# text = Volgens berekeningen van Nieuwsuur heeft de regering al veel uitgegeven.
1	Volgens	volgens	ADP	_	_	2	case	_	_
2	berekeningen	berekening	NOUN	_	Number=Plur	10	obl	_	_
3	van	van	ADP	_	_	4	case	_	_
4	Nieuwsuur	Nieuwsuur	PROPN	_	Gender=Com|Number=Sing	2	nmod	_	_
5	heeft	hebben	AUX	_	Number=Sing|Tense=Pres|VerbForm=Fin	10	aux	_	_
6	de	de	DET	_	Definite=Def	7	det	_	_
7	regering	regering	NOUN	_	Gender=Com|Number=Sing	10	nsubj	_	_
8	al	al	ADV	_	_	10	advmod	_	_
9	veel	veel	ADV	_	_	10	advmod	_	_
10	uitgegeven	uit_geven	VERB	_	VerbForm=Part	0	root	_	_
11	.	.	PUNCT	_	_	10	punct	_	_
"""

_GOUVERNEUR_VAN = """# text = De gouverneur van Texas zei dat er meer noodweer komt.
1	De	de	DET	_	Definite=Def	2	det	_	_
2	gouverneur	gouverneur	NOUN	_	Gender=Com|Number=Sing	5	nsubj	_	_
3	van	van	ADP	_	_	4	case	_	_
4	Texas	Texas	PROPN	_	Gender=Com|Number=Sing	2	nmod	_	_
5	zei	zeggen	VERB	_	Number=Sing|Tense=Past|VerbForm=Fin	0	root	_	_
6	dat	dat	SCONJ	_	_	10	mark	_	_
7	er	er	ADV	_	_	10	advmod	_	_
8	meer	veel	DET	_	_	9	det	_	_
9	noodweer	noodweer	NOUN	_	Gender=Com|Number=Sing	10	nsubj	_	_
10	komt	komen	VERB	_	Number=Sing|Tense=Pres|VerbForm=Fin	5	ccomp	_	_
11	.	.	PUNCT	_	_	5	punct	_	_
"""


@pytest.mark.parametrize(
    ("conllu", "expected"),
    [
        # A noun that is no person speaks for the name that owns it.
        (_BEREKENINGEN_VAN, ("heeft de regering al veel uitgegeven", "Nieuwsuur", "Nieuwsuur")),
        # A person's noun keeps the place or employer behind its preposition.
        (_GOUVERNEUR_VAN, ("er meer noodweer komt", "De gouverneur van Texas", "De gouverneur van Texas")),
    ],
    ids=["owner", "role"],
)
def test_a_name_behind_van_speaks_only_for_a_noun_that_is_no_person(
    attributor: Attributor, conllu: str, expected: tuple[str, str, str]
) -> None:
    (quote,) = _quotes(attributor, next(parse_trees(conllu.splitlines())))
    assert quote.speaker is not None
    assert quote.speaker.span is not None
    assert (quote.content.text, quote.speaker.span.text, quote.speaker.name) == expected


# The model shipped in the ninth session hangs ``op basis van`` on the verb as its particle.
_OP_BASIS_VAN = """# text = Tesco schrapt 15.000 banen.
1	Tesco	Tesco	PROPN	_	_	2	nsubj	_	_
2	schrapt	schrappen	VERB	_	Number=Sing|Tense=Pres|VerbForm=Fin	0	root	_	_
3	15.000	15.000	NUM	_	_	4	nummod	_	_
4	banen	baan	NOUN	_	Number=Plur	2	obj	_	_
5	.	.	PUNCT	_	_	2	punct	_	_

# text = Dat schrijft Mail on Sunday op basis van ingewijden.
1	Dat	dat	PRON	_	Person=3|PronType=Dem	2	obj	_	_
2	schrijft	schrijven	VERB	_	Number=Sing|Tense=Pres|VerbForm=Fin	0	root	_	_
3	Mail	Mail	PROPN	_	_	2	nsubj	_	_
4	on	on	PROPN	_	_	3	flat	_	_
5	Sunday	Sunday	PROPN	_	_	3	flat	_	_
6	op	op	ADP	_	_	2	compound:prt	_	_
7	basis	basis	NOUN	_	Gender=Com|Number=Sing	6	fixed	_	_
8	van	van	ADP	_	_	9	case	_	_
9	ingewijden	ingewijden	NOUN	_	Number=Plur	2	obl	_	_
10	.	.	PUNCT	_	_	2	punct	_	_
"""


def test_a_particle_before_a_noun_is_a_preposition(attributor: Attributor) -> None:
    trees = list(parse_trees(_OP_BASIS_VAN.splitlines()))
    document = document_from_trees(trees, " ".join(tree.text for tree in trees))
    quotes = attributor.extract_parsed(document)
    assert [(q.rule, q.content.text, _name(q)) for q in quotes] == [
        ("indirect.anaphoric", "Tesco schrapt 15.000 banen", "Mail on Sunday")
    ]
