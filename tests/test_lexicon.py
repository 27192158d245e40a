"""Tests for the cue lexicon: data validity, form lookups, classes, speaker words, UD coverage."""

from __future__ import annotations

import collections
import copy
import importlib.resources
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quoteattr.errors import QuoteAttrError
from quoteattr.lexicon import (
    CueClass,
    CueVerb,
    Gender,
    Lexicon,
    Number,
    PhraseKind,
    PronounKind,
    build,
    conjugate,
    load,
)


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load()


@pytest.fixture(scope="module")
def raw_data() -> dict[str, Any]:
    resource = importlib.resources.files("quoteattr").joinpath("data").joinpath("lexicon.toml")
    return tomllib.loads(resource.read_text(encoding="utf-8"))


def _lemma(verb: CueVerb | None) -> str | None:
    return verb.lemma if verb is not None else None


# --- loading and schema ----------------------------------------------------------------


def test_load_is_cached(lexicon: Lexicon) -> None:
    assert load() is lexicon


def test_data_has_the_promised_size(lexicon: Lexicon) -> None:
    assert len(lexicon.verbs) >= 150
    assert len(lexicon.nouns) >= 40
    assert len(lexicon.roles) >= 120


def test_every_verb_entry_has_required_keys_and_known_values(raw_data: dict[str, Any]) -> None:
    allowed = {
        "lemma", "class", "particle", "particle_variants", "joined", "verb", "words", "preposition",
        "reflexive", "needs_clause", "tag_only", "quotes_object", "stem", "anchor", "anchored", "source",
        "adjective_participle", "idiom_modal", "not_reflexive",
    }  # fmt: skip
    for entry in raw_data["verbs"]:
        assert {"lemma", "class"} <= set(entry), entry
        assert set(entry) <= allowed, entry
        assert entry["class"] in {c.value for c in CueClass}, entry
        assert entry["lemma"] == entry["lemma"].lower(), entry
    for entry in raw_data["nouns"]:
        assert set(entry) == {"lemma", "plural", "class"}, entry
    for entry in raw_data["roles"]:
        role_keys = {"lemma", "plural", "gender", "collective", "exact", "same_as", "anaphoric"}
        assert {"lemma", "plural"} <= set(entry) <= role_keys, entry
    for entry in raw_data["pronouns"]:
        assert set(entry) == {"form", "person", "readings", "kind"}, entry


def test_lemmas_are_unique(lexicon: Lexicon) -> None:
    lemmas = [verb.lemma for verb in lexicon.verbs]
    assert len(lemmas) == len(set(lemmas))
    assert len({noun.lemma for noun in lexicon.nouns}) == len(lexicon.nouns)


def test_no_form_maps_to_two_verbs(lexicon: Lexicon) -> None:
    plain: dict[str, set[str]] = collections.defaultdict(set)
    joined: dict[str, set[str]] = collections.defaultdict(set)
    split: dict[tuple[str, str], set[str]] = collections.defaultdict(set)
    for verb in lexicon.verbs:
        if verb.words:
            continue
        if verb.particle is None:
            for form in verb.split_forms:
                plain[form].add(verb.lemma)
            continue
        for form in verb.joined_forms:
            joined[form].add(verb.lemma)
        for form in verb.split_forms:
            for particle in verb.particles:
                split[form, particle].add(verb.lemma)
    assert {form: lemmas for form, lemmas in plain.items() if len(lemmas) > 1} == {}
    assert {form: lemmas for form, lemmas in joined.items() if len(lemmas) > 1} == {}
    assert {key: lemmas for key, lemmas in split.items() if len(lemmas) > 1} == {}
    assert set(plain) & set(joined) == set()


def test_shared_stems_are_resolved_by_particle(lexicon: Lexicon) -> None:
    # Intended sharing: "stelt" is stellen; with "vast" it is vaststellen, with "voor" voorstellen.
    assert _lemma(lexicon.verb_for("stelt")) == "stellen"
    assert _lemma(lexicon.verb_for("stelt", "vast")) == "vaststellen"
    assert _lemma(lexicon.verb_for("stelde", "voor")) == "voorstellen"
    assert _lemma(lexicon.verb_for("vraagt")) == "vragen"
    assert _lemma(lexicon.verb_for("vraagt", "af")) == "afvragen"


def test_every_form_looks_up_its_own_verb(lexicon: Lexicon) -> None:
    for verb in lexicon.verbs:
        if verb.words:
            continue
        for form in verb.joined_forms:
            assert lexicon.verb_for(form) is verb, form
        for form in verb.split_forms:
            if verb.particle is None:
                assert lexicon.verb_for(form) is verb, form
            else:
                assert lexicon.verb_for(form, verb.particle) is verb, (form, verb.particle)


def _data_with(raw: dict[str, Any], key: str, entry: dict[str, Any]) -> dict[str, Any]:
    data = copy.deepcopy(raw)
    data[key].append(entry)
    return data


def test_build_rejects_unknown_class(raw_data: dict[str, Any]) -> None:
    with pytest.raises(QuoteAttrError, match="not one of"):
        build(_data_with(raw_data, "verbs", {"lemma": "kwebbelen", "class": "gossip"}))


def test_build_rejects_unknown_key(raw_data: dict[str, Any]) -> None:
    with pytest.raises(QuoteAttrError, match="unknown keys"):
        build(_data_with(raw_data, "verbs", {"lemma": "kwebbelen", "class": "speech", "partikel": "x"}))


def test_build_rejects_a_form_of_two_verbs(raw_data: dict[str, Any]) -> None:
    # "zeggen" is already a speech verb: a second verb with its forms must be refused.
    entry = {"lemma": "zeggen", "class": "opinion", "stem": "zeg"}
    data = copy.deepcopy(raw_data)
    data["verbs"].append(entry)
    data["irregular"]["zeggen"] = raw_data["irregular"]["zeggen"]
    with pytest.raises(QuoteAttrError, match="maps to both"):
        build(data)


def test_build_rejects_a_cue_that_is_also_excluded(raw_data: dict[str, Any]) -> None:
    with pytest.raises(QuoteAttrError, match="both a cue and excluded"):
        build(_data_with(raw_data, "excluded", {"lemma": "zeggen", "reason": "test"}))


def test_build_rejects_wrong_version(raw_data: dict[str, Any]) -> None:
    data = dict(raw_data, version=2)
    with pytest.raises(QuoteAttrError, match="version"):
        build(data)


# --- conjugation -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("infinitive", "present", "past", "participle"),
    [
        ("melden", ("meld", "meldt", "melden"), ("meldde", "meldden"), "gemeld"),
        ("hopen", ("hoop", "hoopt", "hopen"), ("hoopte", "hoopten"), "gehoopt"),
        ("beloven", ("beloof", "belooft", "beloven"), ("beloofde", "beloofden"), "beloofd"),
        ("vrezen", ("vrees", "vreest", "vrezen"), ("vreesde", "vreesden"), "gevreesd"),
        ("concluderen", ("concludeer", "concludeert", "concluderen"), ("concludeerde", "concludeerden"),
         "geconcludeerd"),
        ("mijmeren", ("mijmer", "mijmert", "mijmeren"), ("mijmerde", "mijmerden"), "gemijmerd"),
        ("hekelen", ("hekel", "hekelt", "hekelen"), ("hekelde", "hekelden"), "gehekeld"),
        ("berekenen", ("bereken", "berekent", "berekenen"), ("berekende", "berekenden"), "berekend"),
        ("benadrukken", ("benadruk", "benadrukt", "benadrukken"), ("benadrukte", "benadrukten"), "benadrukt"),
        ("onderstrepen", ("onderstreep", "onderstreept", "onderstrepen"), ("onderstreepte", "onderstreepten"),
         "onderstreept"),
        ("tweeten", ("tweet", "tweet", "tweeten"), ("tweette", "tweetten"), "getweet"),
        ("waarschuwen", ("waarschuw", "waarschuwt", "waarschuwen"), ("waarschuwde", "waarschuwden"),
         "gewaarschuwd"),
    ],
)  # fmt: skip
def test_regular_conjugation(
    infinitive: str, present: tuple[str, ...], past: tuple[str, ...], participle: str
) -> None:
    paradigm = conjugate(infinitive, {})
    assert paradigm.present == present
    assert paradigm.past == past
    assert paradigm.participles[0] == participle


def test_trema_participle_has_plain_spelling_too() -> None:
    assert conjugate("eisen", {}).participles == ("geëist", "geeist")


def test_irregular_and_prefixed_strong_verbs(raw_data: dict[str, Any]) -> None:
    irregular = raw_data["irregular"]
    schrijven = conjugate("schrijven", irregular)
    assert set(schrijven.past) == {"schreef", "schreven"}
    assert schrijven.participles == ("geschreven",)
    bezweren = conjugate("bezweren", irregular)
    assert set(bezweren.past) == {"bezwoer", "bezwoeren"}
    assert bezweren.participles == ("bezworen",)
    assert "bezweert" in bezweren.present


def test_stem_override_wins() -> None:
    # verzekeren has a schwa (verzeker), though the -eren rule would guess stress.
    assert conjugate("verzekeren", {}, stem="verzeker").present == ("verzeker", "verzekert", "verzekeren")


def test_underivable_verb_needs_data() -> None:
    with pytest.raises(QuoteAttrError, match="cannot derive"):
        conjugate("gaan", {})


# --- verb lookups ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("form", "lemma"),
    [
        ("zegt", "zeggen"), ("zei", "zeggen"), ("zeiden", "zeggen"), ("gezegd", "zeggen"),
        ("meldde", "melden"), ("gemeld", "melden"), ("verklaarde", "verklaren"),
        ("schreef", "schrijven"), ("schreven", "schrijven"), ("geschreven", "schrijven"),
        ("vroeg", "vragen"), ("vroegen", "vragen"), ("gevraagd", "vragen"),
        ("dacht", "denken"), ("dachten", "denken"), ("vond", "vinden"), ("vonden", "vinden"),
        ("gevonden", "vinden"), ("sprak", "spreken"), ("riep", "roepen"), ("zwoer", "zweren"),
        ("concludeerde", "concluderen"), ("becijferde", "becijferen"), ("mijmert", "mijmeren"),
        ("geëist", "eisen"), ("geeist", "eisen"), ("twitterde", "twitteren"),
    ],
)  # fmt: skip
def test_plain_forms(lexicon: Lexicon, form: str, lemma: str) -> None:
    assert _lemma(lexicon.verb_for(form)) == lemma


@pytest.mark.parametrize(
    ("form", "particle", "lemma"),
    [
        ("voegde", "toe", "toevoegen"), ("voegt", "toe", "toevoegen"), ("voegden", "toe", "toevoegen"),
        ("gaf", "toe", "toegeven"), ("gaf", "aan", "aangeven"), ("geeft", "aan", "aangeven"),
        ("legde", "uit", "uitleggen"), ("merkte", "op", "opmerken"), ("vulde", "aan", "aanvullen"),
        ("lichtte", "toe", "toelichten"), ("kondigde", "aan", "aankondigen"), ("sloot", "uit", "uitsluiten"),
        ("liet", "weten", "laten weten"), ("laat", "weten", "laten weten"),
        ("gaf", "kennen", "te kennen geven"), ("maakte", "kenbaar", "kenbaar maken"),
        ("maakte", "bekend", "bekendmaken"), ("gemaakt", "bekend", "bekendmaken"),
        ("deelde", "mee", "meedelen"), ("deelde", "mede", "meedelen"), ("zei", "erbij", "erbij zeggen"),
        ("wees", "erop", "wijzen"), ("wees", "op", "wijzen"),
    ],
)  # fmt: skip
def test_split_forms_with_particle(lexicon: Lexicon, form: str, particle: str, lemma: str) -> None:
    assert _lemma(lexicon.verb_for(form, particle)) == lemma


@pytest.mark.parametrize(
    ("form", "lemma"),
    [
        ("toegevoegd", "toevoegen"), ("toevoegde", "toevoegen"), ("toevoegt", "toevoegen"),
        ("toegegeven", "toegeven"), ("aangegeven", "aangeven"), ("vastgesteld", "vaststellen"),
        ("afvroeg", "afvragen"), ("afgevraagd", "afvragen"), ("bekendgemaakt", "bekendmaken"),
        ("meegedeeld", "meedelen"), ("medegedeeld", "meedelen"), ("uitgelegd", "uitleggen"),
        ("volgehouden", "volhouden"), ("aangeraden", "aanraden"),
    ],
)  # fmt: skip
def test_joined_forms(lexicon: Lexicon, form: str, lemma: str) -> None:
    assert _lemma(lexicon.verb_for(form)) == lemma


@pytest.mark.parametrize("form", ["voegde", "voegt", "gaf", "geeft", "liet", "legde", "merkte", "kondigde"])
def test_split_stem_without_particle_is_no_particle_verb(lexicon: Lexicon, form: str) -> None:
    assert lexicon.verb_for(form) is None


@pytest.mark.parametrize(
    ("form", "particle"), [("stelt", "op"), ("zegt", "af"), ("gaf", "op"), ("zei", "dat")]
)
def test_particle_of_another_verb_gives_none(lexicon: Lexicon, form: str, particle: str) -> None:
    assert lexicon.verb_for(form, particle) is None


def test_prepositional_verb_is_found_by_stem_and_marked(lexicon: Lexicon) -> None:
    verb = lexicon.verb_for("wees")
    assert verb is not None
    assert verb.lemma == "wijzen"
    assert verb.preposition == "op"
    assert verb.needs_clause


def test_lookup_ignores_case(lexicon: Lexicon) -> None:
    assert _lemma(lexicon.verb_for("Zei")) == "zeggen"
    assert _lemma(lexicon.verb_for("ZEGT")) == "zeggen"
    assert _lemma(lexicon.verb_for("Voegde", "Toe")) == "toevoegen"
    assert _lemma(lexicon.verb_for("Toegevoegd")) == "toevoegen"


@st.composite
def _recased(draw: st.DrawFn, words: list[str]) -> tuple[str, str]:
    word = draw(st.sampled_from(words))
    flags = draw(st.lists(st.booleans(), min_size=len(word), max_size=len(word)))
    return word, "".join(c.upper() if flag else c for c, flag in zip(word, flags, strict=True))


_PLAIN_FORMS = sorted(
    form for verb in load().verbs if verb.particle is None and not verb.words for form in verb.forms
)


@given(_recased(_PLAIN_FORMS))
def test_any_casing_finds_the_same_verb(pair: tuple[str, str]) -> None:
    form, recased = pair
    assert load().verb_for(recased) is load().verb_for(form)


@pytest.mark.parametrize(
    ("lemma", "expected"),
    [
        ("toe_voegen", "toevoegen"), ("af_vragen", "afvragen"), ("zich afvragen", "afvragen"),
        ("duidelijk_maken", "duidelijk maken"), ("Zeggen", "zeggen"),
        ("mede_delen", "meedelen"), ("laten weten", "laten weten"), ("van mening zijn", "van mening zijn"),
    ],
)  # fmt: skip
def test_verb_by_lemma(lexicon: Lexicon, lemma: str, expected: str) -> None:
    assert _lemma(lexicon.verb_by_lemma(lemma)) == expected


@pytest.mark.parametrize("lemma", ["laten", "maken", "geven", "lopen", "blijken"])
def test_verb_by_lemma_rejects_non_cues(lexicon: Lexicon, lemma: str) -> None:
    assert lexicon.verb_by_lemma(lemma) is None


def test_multiword_cues(lexicon: Lexicon) -> None:
    found = lexicon.multiword_for("maakte", ["hij", "duidelijk", "dat"])
    assert _lemma(found) == "duidelijk maken"
    assert _lemma(lexicon.multiword_for("is", ["hij", "ervan", "overtuigd", "dat"])) == "ervan overtuigd zijn"
    opinion = lexicon.multiword_for("Was", ["ze", "van", "mening"])
    assert opinion is not None
    assert opinion.cue_class is CueClass.OPINION
    assert opinion.needs_clause
    question = lexicon.multiword_for("wil", ["ze", "weten"])
    assert question is not None
    assert question.cue_class is CueClass.QUESTION
    assert _lemma(lexicon.multiword_for("bracht", ["naar", "voren"])) == "naar voren brengen"
    assert _lemma(lexicon.multiword_for("liet", ["weten"])) == "laten weten"
    assert _lemma(lexicon.multiword_for("staat", ["in", "het", "rapport"])) == "staan in"
    assert lexicon.multiword_for("is", ["hij", "blij"]) is None
    assert lexicon.multiword_for("bracht", ["voren"]) is None


def test_verbs_with_fixed_words_are_not_found_alone(lexicon: Lexicon) -> None:
    assert lexicon.verb_for("is") is None
    assert lexicon.verb_for("maakte") is None
    assert lexicon.verb_for("wil") is None
    assert lexicon.verb_for("staat") is None


# --- classes and flags -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("lemma", "cue_class"),
    [
        ("zeggen", CueClass.SPEECH), ("benadrukken", CueClass.SPEECH), ("toegeven", CueClass.SPEECH),
        ("vragen", CueClass.QUESTION), ("afvragen", CueClass.QUESTION), ("melden", CueClass.REPORT),
        ("concluderen", CueClass.REPORT), ("becijferen", CueClass.REPORT), ("vinden", CueClass.OPINION),
    ],
)  # fmt: skip
def test_classes(lexicon: Lexicon, lemma: str, cue_class: CueClass) -> None:
    verb = lexicon.verb_by_lemma(lemma)
    assert verb is not None
    assert verb.cue_class is cue_class


@pytest.mark.parametrize("lemma", ["vinden", "menen", "denken", "vrezen", "verwachten", "hopen", "geloven"])
def test_opinion_verbs_need_a_clause(lexicon: Lexicon, lemma: str) -> None:
    verb = lexicon.verb_by_lemma(lemma)
    assert verb is not None
    assert verb.cue_class is CueClass.OPINION
    assert verb.needs_clause


@pytest.mark.parametrize("lemma", ["vermoeden", "veronderstellen", "achten", "betwijfelen", "betreuren"])
def test_verbs_of_belief_outside_the_gold_list_are_no_cues(lexicon: Lexicon, lemma: str) -> None:
    # GUIDELINES.md gives a closed list of opinion verbs; the gold notes keep to it.
    assert lexicon.verb_by_lemma(lemma) is None
    assert lexicon.excluded_verb(lemma) is not None


def test_every_opinion_cue_needs_a_clause(lexicon: Lexicon) -> None:
    assert [v.lemma for v in lexicon.verbs if v.cue_class is CueClass.OPINION and not v.needs_clause] == []


@pytest.mark.parametrize("lemma", ["zeggen", "stellen", "schrijven", "vertellen", "toevoegen", "melden"])
def test_speech_verbs_take_a_direct_quote(lexicon: Lexicon, lemma: str) -> None:
    verb = lexicon.verb_by_lemma(lemma)
    assert verb is not None
    assert not verb.needs_clause
    assert not verb.tag_only


def test_weten_is_a_tag_and_reflexives_are_marked(lexicon: Lexicon) -> None:
    weten = lexicon.verb_for("weet")
    assert weten is not None
    assert weten.tag_only
    afvragen = lexicon.verb_by_lemma("afvragen")
    assert afvragen is not None
    assert afvragen.reflexive
    assert not afvragen.not_reflexive
    # ``zich voorstellen dat`` is to imagine: with ``zich`` no cue.
    voorstellen = lexicon.verb_by_lemma("voorstellen")
    assert voorstellen is not None
    assert voorstellen.not_reflexive


@pytest.mark.parametrize(
    "lemma",
    [
        "zeggen", "stellen", "melden", "verklaren", "benadrukken", "waarschuwen", "erkennen", "ontkennen",
        "beloven", "schrijven", "twitteren", "vertellen", "antwoorden", "reageren", "aangeven", "toevoegen",
        "aanvullen", "opmerken", "betogen", "beweren", "uitleggen", "onderstrepen", "toegeven", "concluderen",
        "vaststellen", "becijferen", "constateren", "bevestigen", "afvragen", "vragen", "roepen", "klagen",
        "mijmeren", "opperen", "suggereren", "aankondigen", "onthullen", "verzekeren", "wijzen", "uitsluiten",
        "zweren", "vinden", "laten weten", "naar voren brengen", "kenbaar maken", "duidelijk maken",
        "van mening zijn", "ervan overtuigd zijn",
    ],
)  # fmt: skip
def test_brief_verbs_are_present(lexicon: Lexicon, lemma: str) -> None:
    assert lexicon.verb_by_lemma(lemma) is not None


# --- non-cues --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("form", "particle", "lemma"),
    [
        ("blijkt", None, "blijken"), ("bleek", None, "blijken"), ("valt", "op", "opvallen"),
        ("opgevallen", None, "opvallen"), ("voelde", None, "voelen"), ("meegemaakt", None, "meemaken"),
        ("maakte", "mee", "meemaken"), ("zag", None, "zien"), ("moest", None, "moeten"),
    ],
)  # fmt: skip
def test_non_cues_are_excluded_and_absent(
    lexicon: Lexicon, form: str, particle: str | None, lemma: str
) -> None:
    excluded = lexicon.excluded_verb(form, particle)
    assert excluded is not None
    assert excluded.lemma == lemma
    assert lexicon.is_excluded(form, particle)
    assert lexicon.verb_for(form, particle) is None
    assert lexicon.verb_by_lemma(lemma) is None


def test_cue_is_not_excluded(lexicon: Lexicon) -> None:
    assert not lexicon.is_excluded("zei")
    assert not lexicon.is_excluded("valt")  # vallen alone is neither


# --- phrases and nouns -----------------------------------------------------------------


def test_attribution_prepositions(lexicon: Lexicon) -> None:
    assert lexicon.is_attribution_preposition("Volgens")
    assert lexicon.is_attribution_preposition("aldus")
    assert not lexicon.is_attribution_preposition("zo")
    assert not lexicon.is_attribution_preposition("van")
    # Topic prepositions never name the addressee, and ``van`` (``het logo van ‘…’``) is none.
    assert "over" in lexicon.topic_prepositions
    assert not lexicon.topic_prepositions & lexicon.addressee_prepositions
    assert "van" not in lexicon.topic_prepositions


def test_phrase_at_takes_the_longest_phrase(lexicon: Lexicon) -> None:
    words = ["het", "is", "In", "de", "woorden", "van", "Lavrov", "ernstig"]
    phrase = lexicon.phrase_at(words, 2)
    assert phrase is not None
    assert phrase.words == ("in", "de", "woorden", "van")
    assert phrase.kind is PhraseKind.SOURCE
    assert lexicon.phrase_at(words, 0) is None
    own = lexicon.phrase_at(["naar", "eigen", "zeggen"])
    assert own is not None
    assert own.kind is PhraseKind.SUBJECT
    hearsay = lexicon.phrase_at(["naar", "verluidt"])
    assert hearsay is not None
    assert hearsay.kind is PhraseKind.HEARSAY
    frame = lexicon.phrase_at(["zo", "zegt", "Lavrov"])
    assert frame is not None
    assert frame.kind is PhraseKind.FRAME
    assert frame.needs_verb
    assert lexicon.phrase_at(["naar", "eigen"]) is None


def test_anaphors_and_excluded_sources(lexicon: Lexicon) -> None:
    assert lexicon.is_anaphor("Dat")
    assert lexicon.is_anaphor("dit")
    assert lexicon.is_anaphor("zo")
    assert not lexicon.is_anaphor("die")
    assert lexicon.is_excluded_source("plan")
    assert lexicon.is_excluded_source("Regels")
    assert not lexicon.is_excluded_source("minister")


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("verklaring", "verklaring"), ("uitspraken", "uitspraak"), ("Stelling", "stelling"),
        ("kanttekeningen", "kanttekening"), ("jammerklacht", "jammerklacht"), ("beloftes", "belofte"),
        ("tweets", "tweet"), ("persbericht", "persbericht"), ("kritiek", "kritiek"), ("reactie", "reactie"),
    ],
)  # fmt: skip
def test_noun_cues(lexicon: Lexicon, word: str, lemma: str) -> None:
    assert lexicon.noun_cue(word) == lemma


def test_noun_cue_info_and_non_nouns(lexicon: Lexicon) -> None:
    info = lexicon.noun_cue_info("vragen")
    assert info is not None
    assert info.cue_class is CueClass.QUESTION
    assert lexicon.noun_cue("voorstelling") is None  # a show, not a "stelling"
    assert lexicon.noun_cue("kettingreactie") is None
    assert lexicon.is_noun_predicate("luidt")
    assert lexicon.is_noun_predicate("luidde")
    assert not lexicon.is_noun_predicate("geluid")


def test_channel_nouns(lexicon: Lexicon) -> None:
    assert lexicon.is_channel_noun("verklaring")
    assert lexicon.is_channel_noun("kamerbrief")
    assert lexicon.is_channel_noun("Persconferentie")
    assert not lexicon.is_channel_noun("minister")
    assert "in" in lexicon.channel_prepositions
    assert "tegen" in lexicon.addressee_prepositions


# --- speakers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "lemma", "gender"),
    [
        ("woordvoerster", "woordvoerster", Gender.FEMININE), ("zangeres", "zangeres", Gender.FEMININE),
        ("zegsman", "zegsman", Gender.MASCULINE), ("woordvoerder", "woordvoerder", None),
        ("Minister", "minister", None), ("fractievoorzitter", "voorzitter", None),
        ("oud-minister", "minister", None), ("politiewoordvoerster", "woordvoerster", Gender.FEMININE),
        ("VVD-woordvoerder", "woordvoerder", None), ("huisarts", "arts", None),
        ("Bondskanselier", "kanselier", None), ("Oud-kapitein-ter-zee", "kapitein-ter-zee", None),
        ("sheriff", "sheriff", None),
    ],
)  # fmt: skip
def test_role_nouns(lexicon: Lexicon, word: str, lemma: str, gender: Gender | None) -> None:
    role = lexicon.role_noun(word)
    assert role is not None
    assert role.lemma == lemma
    assert role.gender is gender


@pytest.mark.parametrize("word", ["waterbron", "hamburger", "voorraad", "tafel", "Amsterdam"])
def test_not_role_nouns(lexicon: Lexicon, word: str) -> None:
    assert lexicon.role_noun(word) is None


def test_role_senses_join_genders_and_synonyms(lexicon: Lexicon) -> None:
    senses = {word: role.sense for word in ("zegsman", "woordvoerster", "woordvoerder", "minister")
              if (role := lexicon.role_noun(word)) is not None}  # fmt: skip
    assert senses == {
        "zegsman": "woordvoerder",
        "woordvoerster": "woordvoerder",
        "woordvoerder": "woordvoerder",
        "minister": "minister",
    }


def test_build_rejects_a_role_same_as_no_role(raw_data: dict[str, Any]) -> None:
    entry = {"lemma": "zegsdame", "plural": ["zegsdames"], "same_as": "zegspersoon"}
    with pytest.raises(QuoteAttrError, match="is no role lemma"):
        build(_data_with(raw_data, "roles", entry))


def test_text_source_cue_names_its_preposition(lexicon: Lexicon) -> None:
    staan = lexicon.verb_by_lemma("staan in")
    zeggen = lexicon.verb_by_lemma("zeggen")
    assert staan is not None
    assert staan.source_preposition == "in"
    assert zeggen is not None
    assert zeggen.source_preposition is None


def test_role_noun_number_and_collectives(lexicon: Lexicon) -> None:
    ministers = lexicon.role_noun("ministers")
    assert ministers is not None
    assert ministers.number_of("ministers") is Number.PLURAL
    assert ministers.number_of("minister") is Number.SINGULAR
    critici = lexicon.role_noun("critici")
    assert critici is not None
    assert critici.lemma == "criticus"
    police = lexicon.role_noun("politie")
    assert police is not None
    assert police.collective
    assert not police.anaphoric
    paper = lexicon.role_noun("zakenkrant")
    assert paper is not None
    assert paper.collective
    assert paper.anaphoric
    spokesman = lexicon.role_noun("woordvoerder")
    assert spokesman is not None
    assert not spokesman.collective


def test_pronouns(lexicon: Lexicon) -> None:
    hij = lexicon.pronoun("Hij")
    assert hij is not None
    assert hij.person == 3
    assert hij.numbers == {Number.SINGULAR}
    assert hij.genders == {Gender.MASCULINE}
    assert hij.kind is PronounKind.SUBJECT
    for form in ("zij", "ze"):
        info = lexicon.pronoun(form)
        assert info is not None
        assert info.numbers == {Number.SINGULAR, Number.PLURAL}
        assert info.genders == {Gender.FEMININE}
    haar = lexicon.pronoun("haar")
    assert haar is not None
    assert haar.genders == {Gender.FEMININE}
    assert haar.numbers == {Number.SINGULAR}
    hem = lexicon.pronoun("hem")
    assert hem is not None
    assert hem.kind is PronounKind.OBJECT
    ik = lexicon.pronoun("ik")
    assert ik is not None
    assert ik.person == 1
    we = lexicon.pronoun("we")
    assert we is not None
    assert we.numbers == {Number.PLURAL}
    men = lexicon.pronoun("men")
    assert men is not None
    assert men.kind is PronounKind.GENERIC
    zijn = lexicon.pronoun("zijn")
    assert zijn is not None
    assert zijn.kind is PronounKind.POSSESSIVE
    assert zijn.genders == {Gender.MASCULINE, Gender.NEUTER}
    assert lexicon.pronoun("tafel") is None


# --- pre-parse scan --------------------------------------------------------------------


def test_all_forms_covers_cues_and_skips_common_words(lexicon: Lexicon, raw_data: dict[str, Any]) -> None:
    forms = lexicon.all_forms
    for word in ("zei", "zegt", "toegevoegd", "voegde", "gaf", "volgens", "aldus", "verklaring", "luidt",
                 "kenbaar", "duidelijk", "mening", "woorden", "verluidt", "weten"):  # fmt: skip
        assert word in forms, word
    # Tag-only verbs ("lacht") stand beside quote marks; "bekend" and "acht" are common homographs.
    for word in ("is", "de", "gemaakt", "gegeven", "zo", "dat", "minister", "hij", "lacht", "staat",
                 "bekend", "acht"):  # fmt: skip
        assert word not in forms, word
    assert all(form == form.lower() for form in forms)
    skipped = set(raw_data["scan_skip"])
    for verb in lexicon.verbs:
        if not verb.is_multiword and not verb.tag_only:
            assert verb.forms - verb.participles - skipped <= forms, verb.lemma
            assert verb.joined_forms - skipped <= forms, verb.lemma


def test_skipped_homographs_still_look_up(lexicon: Lexicon) -> None:
    assert _lemma(lexicon.verb_for("bekend")) == "bekennen"
    assert _lemma(lexicon.verb_for("hoop")) == "hopen"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Hij zei niets", True), ("De minister gaf toe dat het fout ging", True),
        ("Ze gaf hem het boek", False), ("Hij maakte duidelijk dat hij bleef", True),
        ("Het is duidelijk", False), ("In het rapport staat dat het kan", True),
        ("Het huis staat aan de gracht", False), ("Volgens de minister kan het", True),
        ("Zij is van mening dat het kan", True), ("Het weer was mooi", False),
        ("De bonden lieten weten dat de actie doorgaat", True), ("Ze weten het", False),
        ("‘Nee’, lacht hij", False),  # tag-only: the quote marks select this sentence
    ],
)  # fmt: skip
def test_may_hold_cue(lexicon: Lexicon, sentence: str, expected: bool) -> None:
    assert lexicon.may_hold_cue(sentence.replace("‘", "").replace("’,", "").split()) is expected


def test_sentence_scan_is_never_broader_than_word_scan(lexicon: Lexicon) -> None:
    # Everything may_hold_cue accepts through a single standalone word, all_forms accepts too.
    for verb in lexicon.verbs:
        for form in verb.joined_forms:
            if form in lexicon.all_forms:
                assert lexicon.may_hold_cue([form]), form
    partnered = {verb.anchor for verb in lexicon.verbs} | {
        form for verb in lexicon.verbs if verb.particle is not None for form in verb.split_forms
    }
    for form in lexicon.all_forms:
        # Only split stems and anchors wait for a partner word in the sentence-level scan.
        assert lexicon.may_hold_cue([form]) or form in partnered, form


# --- UD coverage -----------------------------------------------------------------------

# Forms that the lexicon leaves out on purpose: present participles (``lachend``), inflected
# adjectival participles (``de gestelde vraag``) and the subjunctive (``zegge``) are no cue
# words; a few treebank spellings are spoken, archaic or typos.
_NONSTANDARD = {"kvin", "vin", "gezégd", "zegge", "estaan", "gelooven", "informeeren"}


def _covered(xpos: str, form: str) -> bool:
    parts = xpos.split("|")
    if len(parts) < 2 or parts[0] != "WW":
        return False
    if parts[1] == "od" or (parts[1] == "pv" and "conj" in parts):
        return False
    if parts[1] == "vd" and "met-e" in parts:
        return False
    return form not in _NONSTANDARD


def test_ud_treebank_forms_are_covered(lexicon: Lexicon, shared: Path) -> None:
    files = sorted((shared / "data" / "ud-extra").glob("*.conllu"))
    if not files:
        pytest.skip("no ud-extra treebank files")
    pairs: collections.Counter[tuple[str, str, str]] = collections.Counter()
    for path in files:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("#"):
                    continue
                columns = line.rstrip("\n").split("\t")
                if len(columns) == 10 and columns[0].isdigit() and columns[3] in ("VERB", "AUX"):
                    pairs[columns[1].lower(), columns[2], columns[4]] += 1
    verbs_seen: set[str] = set()
    checked = covered = all_pairs = all_covered = 0
    missing: list[tuple[str, str]] = []
    for (form, lemma, xpos), _count in pairs.items():
        verb = lexicon.verb_by_lemma(lemma)
        if verb is None or verb.words:
            continue
        verbs_seen.add(verb.lemma)
        all_pairs += 1
        all_covered += form in verb.forms
        if _covered(xpos, form):
            checked += 1
            if form in verb.forms:
                covered += 1
            else:
                missing.append((form, lemma))
    print(
        f"\nUD coverage: {len(verbs_seen)} lexicon verbs occur; standard forms {covered}/{checked}; "
        f"all (form, lemma) pairs {all_covered}/{all_pairs} ({all_covered / all_pairs:.1%})"
    )
    assert len(verbs_seen) >= 100
    assert missing == []


def test_auxiliaries_are_the_finite_forms_that_put_a_cue_at_the_end(lexicon: Lexicon) -> None:
    assert all(lexicon.is_auxiliary(word) for word in ("heeft", "Hebben", "zou", "werd"))
    assert not any(lexicon.is_auxiliary(word) for word in ("zegt", "gezegd", "dat"))


def test_a_word_belongs_to_an_idiom_only_where_the_idiom_is_written_out(lexicon: Lexicon) -> None:
    words = ["Hij", "zal", "vroeg", "of", "laat", "Eerlijk", "gezegd", "antwoorden"]
    assert lexicon.in_idiom(words, 2)
    assert lexicon.in_idiom(words, 4)
    assert lexicon.in_idiom(words, 6)  # ``gezegd`` in ``Eerlijk gezegd``, any case
    assert not lexicon.in_idiom(words, 7)
    assert not lexicon.in_idiom(["Hij", "vroeg", "of", "het", "kon"], 1)
    assert not lexicon.in_idiom(["laat"], 0)


def test_organisation_heads_name_organisations_also_as_compound_heads(lexicon: Lexicon) -> None:
    assert lexicon.names_organisation("College")
    assert lexicon.names_organisation("Rabobank")
    assert lexicon.names_organisation("Gemeente")  # a collective role noun
    assert not lexicon.names_organisation("Jansen")
    assert not lexicon.names_organisation("minister")


def test_om_is_an_inseparable_prefix_of_verbs_without_a_particle(lexicon: Lexicon) -> None:
    # ``omschrijven`` inherits ``schrijven``'s strong forms, with no ``ge-``.
    for form in ("omschrijft", "omschreef", "omschreven"):
        verb = lexicon.verb_for(form)
        assert verb is not None
        assert verb.lemma == "omschrijven"


def test_given_names_tell_a_gender_and_none_is_listed_twice(raw_data: dict[str, Any]) -> None:
    lexicon = build(raw_data)
    assert lexicon.given_name_gender("Anna") is Gender.FEMININE
    assert lexicon.given_name_gender("ed") is Gender.MASCULINE
    assert lexicon.given_name_gender("Kim") is None  # given to both: left out
    both = copy.deepcopy(raw_data)
    both["female_given_names"].append("ed")
    with pytest.raises(QuoteAttrError, match="both genders"):
        build(both)
