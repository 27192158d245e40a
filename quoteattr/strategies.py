"""Hypothesis strategies that generate Dutch quotation sentences and passages with their gold quotes.

For property-based tests of quoteattr itself and of code that uses it. Every generated text comes
with the quotes that ``/work/shared/gold/GUIDELINES.md`` would annotate in it, as
:class:`quoteattr.evaluate.GoldQuote` objects with offsets into the text; :func:`to_gold_record`
writes them as a gold JSONL record.

The Dutch is built from fixed templates with slot fillers, so that it stays grammatical:

* speakers: Dutch and foreign names (with tussenvoegsels: ``Jan van der Meer``, later
  ``Van der Meer``), role nouns (``de minister``, ``een woordvoerder``, ``minister Jan de Vries``)
  and, in passages, pronoun follow-ups (``hij``, ``zij``, ``volgens hem``);
* cue verbs from this module's *own* curated list (:data:`CUE_VERBS`), in present and past tense,
  with separable forms (``voegde … eraan toe``, ``liet … weten``). The list deliberately does not
  come from :mod:`quoteattr.lexicon`, so that a property over these texts tests the rules instead
  of echoing their lexicon;
* quoted and reported contents from :data:`CLAUSES`, short main clauses with their verb-second
  inverted form (after ``Volgens X``) and their verb-final subordinate form (after ``dat``);
* every quote-mark convention of :data:`QUOTE_MARKS`;
* the constructions of :data:`CONSTRUCTIONS` (postposed, preposed, colon, interrupted, indirect,
  mixed, postposed indirect, ``volgens``) and, in passages, floating quotes;
* scare quotes and titles (``een ‘donatie’ van munitie``), which give no gold quote.

Spans follow the GUIDELINES: direct content without its marks (with any punctuation inside them);
indirect and mixed content from the first word after ``dat`` (or after ``Volgens X``, or up to the
comma before a postposed ``zegt X``/``aldus X``/``volgens X``) without the final punctuation; the
speaker is the proper name (not the title before it), else the noun phrase or pronoun; a floating
quote has no speaker and no cue, and the ``speaker_name`` of the quote it continues. The cue is the
finite verb, together with its particle or infinitive when that directly follows it
(``gaf toe``, ``liet weten``), ``aldus``, ``volgens``, or ``:`` for ``Naam: ‘…’``.

Every offset is checked while the text is built: a strategy never returns a span whose text is not
the piece it was made from (an :class:`AssertionError` would say so).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, Literal

import attrs
from hypothesis import strategies as st

from quoteattr.evaluate import GoldQuote

__all__ = [
    "CLAUSES",
    "CONSTRUCTIONS",
    "CUE_VERBS",
    "NAMES",
    "QUOTE_MARKS",
    "ROLES",
    "Clause",
    "CueVerb",
    "GeneratedPassage",
    "GoldQuote",
    "Name",
    "QuoteMarks",
    "Role",
    "clauses",
    "cue_verbs",
    "names",
    "passages",
    "quote_marks",
    "roles",
    "scare_quote_sentences",
    "sentences",
    "to_gold_record",
]

Tense = Literal["present", "past"]


# --------------------------------------------------------------------------- vocabulary


@attrs.frozen(slots=True)
class Name:
    """A person's name, as a news text writes it in full and alone."""

    given: str
    """Given name(s): ``Jan``, ``Jean-Claude``."""
    surname: str
    """Surname without its tussenvoegsel: ``Meer`` in ``Jan van der Meer``."""
    pronoun: str
    """Subject pronoun for follow-ups: ``hij`` or ``zij``."""
    tussenvoegsel: str = ""
    """Lower-case surname prefix (``van der``, ``in 't``, ``von der``), empty when there is none."""

    @property
    def full(self) -> str:
        """The full name: ``Jan van der Meer``."""
        return " ".join(part for part in (self.given, self.tussenvoegsel, self.surname) if part)

    @property
    def short(self) -> str:
        """The surname alone, tussenvoegsel capitalised as Dutch writes it then: ``Van der Meer``."""
        if not self.tussenvoegsel:
            return self.surname
        return f"{_capitalise(self.tussenvoegsel)} {self.surname}"


@attrs.frozen(slots=True)
class Role:
    """A role noun that names a speaker (``de minister``) or stands as a title (``minister X``)."""

    noun: str
    """The noun: ``minister``."""
    article: str
    """Article of a first mention without a name: ``de`` or ``een``."""
    pronoun: str
    """Subject pronoun for follow-ups of a speaker known only by this role: ``hij`` or ``zij``."""

    @property
    def phrase(self) -> str:
        """First mention: ``een woordvoerder``."""
        return f"{self.article} {self.noun}"

    @property
    def definite(self) -> str:
        """Later mention: ``de woordvoerder``."""
        return f"de {self.noun}"


@attrs.frozen(slots=True)
class CueVerb:
    """A Dutch verb that introduces a quote, with the forms the templates need (third person
    singular)."""

    infinitive: str
    """Dictionary form: ``toevoegen``, ``laten weten``."""
    present: str
    """Finite verb, present tense: ``voegt``, ``laat``."""
    past: str
    """Finite verb, past tense: ``voegde``, ``liet``."""
    tail: str = ""
    """What stays behind at the end of a main clause: the particle or infinitive (``toe``,
    ``weten``, ``eraan toe``); empty for a simple verb."""
    opinion: bool = False
    """A verb of stated opinion (``vinden``): it introduces reported clauses (``vindt dat …``,
    ``…, vindt X.``), never a quotation in marks."""

    def finite(self, tense: Tense) -> str:
        """The finite form for ``tense``."""
        return self.present if tense == "present" else self.past


@attrs.frozen(slots=True)
class QuoteMarks:
    """An opening and a closing quotation mark as one convention writes them."""

    opening: str
    """Opening mark: ``‘``, ``,,`` …"""
    closing: str
    """Closing mark: ``’``, ``''`` …"""


@attrs.frozen(slots=True)
class Clause:
    """A short Dutch main clause, with the word orders that the templates need."""

    subject: str
    """Subject, lower case: ``de economie``, ``er``."""
    verb: str
    """Finite verb: ``groeit``."""
    rest: str
    """Everything after the finite verb in a main clause: ``weer``."""
    subordinate: str
    """Verb-final order after ``dat``: ``de economie weer groeit``."""

    @property
    def main(self) -> str:
        """Verb-second main clause: ``de economie groeit weer``."""
        return " ".join(part for part in (self.subject, self.verb, self.rest) if part)

    @property
    def inverted(self) -> str:
        """Verb first, as after a fronted ``Volgens X``: ``groeit de economie weer``."""
        return " ".join(part for part in (self.verb, self.subject, self.rest) if part)


NAMES: tuple[Name, ...] = (
    Name("Jan", "Meer", "hij", "van der"),
    Name("Femke", "Vries", "zij", "de"),
    Name("Pieter", "Jansen", "hij"),
    Name("Annelies", "Berg", "zij", "van den"),
    Name("Kees", "Hek", "hij", "van 't"),
    Name("Sophie", "Veld", "zij", "in 't"),
    Name("Mark", "Dijk", "hij", "van"),
    Name("Sanne", "Bakker", "zij"),
    Name("Hugo", "Horst", "hij", "ter"),
    Name("Ingrid", "Jong", "zij", "de"),
    Name("Ahmed", "Marzouk", "hij"),
    Name("Fatima", "Yilmaz", "zij"),
    Name("Willem-Jan", "Broek", "hij", "van den"),
    Name("Sergei", "Lavrov", "hij"),
    Name("Antony", "Blinken", "hij"),
    Name("Ursula", "Leyen", "zij", "von der"),
    Name("Emmanuel", "Macron", "hij"),
    Name("Giorgia", "Meloni", "zij"),
    Name("Jean-Claude", "Juncker", "hij"),
    Name("Recep Tayyip", "Erdoğan", "hij"),
    Name("Mette", "Frederiksen", "zij"),
    Name("Pedro", "Sánchez", "hij"),
    Name("Kamala", "Harris", "zij"),
    Name("Olaf", "Scholz", "hij"),
)
"""Speaker names: Dutch (with tussenvoegsels) and foreign, each with its pronoun."""

ROLES: tuple[Role, ...] = (
    Role("minister", "de", "hij"),
    Role("burgemeester", "de", "zij"),
    Role("woordvoerder", "een", "hij"),
    Role("directeur", "de", "zij"),
    Role("wethouder", "de", "hij"),
    Role("premier", "de", "hij"),
    Role("ambtenaar", "een", "zij"),
    Role("hoogleraar", "een", "zij"),
    Role("trainer", "de", "hij"),
    Role("voorzitter", "de", "zij"),
)
"""Role nouns, alone (``de minister``) or as a title before a name (``minister Jan de Vries``)."""

CUE_VERBS: tuple[CueVerb, ...] = (
    CueVerb("zeggen", "zegt", "zei"),
    CueVerb("stellen", "stelt", "stelde"),
    CueVerb("verklaren", "verklaart", "verklaarde"),
    CueVerb("melden", "meldt", "meldde"),
    CueVerb("benadrukken", "benadrukt", "benadrukte"),
    CueVerb("waarschuwen", "waarschuwt", "waarschuwde"),
    CueVerb("erkennen", "erkent", "erkende"),
    CueVerb("beloven", "belooft", "beloofde"),
    CueVerb("schrijven", "schrijft", "schreef"),
    CueVerb("antwoorden", "antwoordt", "antwoordde"),
    CueVerb("vertellen", "vertelt", "vertelde"),
    CueVerb("beweren", "beweert", "beweerde"),
    CueVerb("verzekeren", "verzekert", "verzekerde"),
    CueVerb("twitteren", "twittert", "twitterde"),
    CueVerb("toevoegen", "voegt", "voegde", tail="eraan toe"),
    CueVerb("laten weten", "laat", "liet", tail="weten"),
    CueVerb("opmerken", "merkt", "merkte", tail="op"),
    CueVerb("uitleggen", "legt", "legde", tail="uit"),
    CueVerb("toegeven", "geeft", "gaf", tail="toe"),
    CueVerb("aankondigen", "kondigt", "kondigde", tail="aan"),
    CueVerb("toelichten", "licht", "lichtte", tail="toe"),
    CueVerb("vinden", "vindt", "vond", opinion=True),
    CueVerb("denken", "denkt", "dacht", opinion=True),
    CueVerb("verwachten", "verwacht", "verwachtte", opinion=True),
    CueVerb("vrezen", "vreest", "vreesde", opinion=True),
    CueVerb("menen", "meent", "meende", opinion=True),
)
"""This module's own curated verbs of saying and of stated opinion (not :mod:`quoteattr.lexicon`)."""

QUOTE_MARKS: tuple[QuoteMarks, ...] = (
    QuoteMarks("‘", "’"),
    QuoteMarks("“", "”"),
    QuoteMarks("„", "”"),
    QuoteMarks(",,", "''"),
    QuoteMarks('"', '"'),
    QuoteMarks("'", "'"),
    QuoteMarks("«", "»"),
    QuoteMarks("‹", "›"),
    QuoteMarks("‚", "’"),
    QuoteMarks(",,", "”"),
    QuoteMarks("”", "”"),
)
"""The quote-mark conventions of the GUIDELINES, with the mixtures that Dutch news uses."""

CLAUSES: tuple[Clause, ...] = (
    Clause("het", "gaat", "goed", "het goed gaat"),
    Clause("de economie", "groeit", "weer", "de economie weer groeit"),
    Clause("de regering", "moet", "sneller handelen", "de regering sneller moet handelen"),
    Clause("het plan", "is", "te duur", "het plan te duur is"),
    Clause("de situatie", "blijft", "ernstig", "de situatie ernstig blijft"),
    Clause("de gemeente", "heeft", "te weinig geld", "de gemeente te weinig geld heeft"),
    Clause("de prijzen", "stijgen", "te snel", "de prijzen te snel stijgen"),
    Clause("het onderzoek", "duurt", "nog maanden", "het onderzoek nog maanden duurt"),
    Clause("de school", "gaat", "volgend jaar dicht", "de school volgend jaar dichtgaat"),
    Clause("de trein", "rijdt", "morgen weer", "de trein morgen weer rijdt"),
    Clause("de politie", "zoekt", "nog getuigen", "de politie nog getuigen zoekt"),
    Clause("het kabinet", "zal", "de wet aanpassen", "het kabinet de wet zal aanpassen"),
    Clause("de boeren", "kunnen", "niet langer wachten", "de boeren niet langer kunnen wachten"),
    Clause("de club", "speelt", "zondag tegen Ajax", "de club zondag tegen Ajax speelt"),
    Clause("het water", "staat", "te hoog", "het water te hoog staat"),
    Clause("de directie", "heeft", "een fout gemaakt", "de directie een fout heeft gemaakt"),
    Clause("de brug", "blijft", "voorlopig dicht", "de brug voorlopig dicht blijft"),
    Clause("niemand", "is", "gewond geraakt", "niemand gewond is geraakt"),
    Clause("de kosten", "lopen", "snel op", "de kosten snel oplopen"),
    Clause("het ziekenhuis", "heeft", "genoeg bedden", "het ziekenhuis genoeg bedden heeft"),
    Clause("de staking", "begint", "maandag", "de staking maandag begint"),
    Clause("de verkiezingen", "worden", "uitgesteld", "de verkiezingen worden uitgesteld"),
    Clause("het bedrijf", "neemt", "honderd mensen aan", "het bedrijf honderd mensen aanneemt"),
    Clause("de wedstrijd", "gaat", "gewoon door", "de wedstrijd gewoon doorgaat"),
    Clause("het nieuwe stadion", "is", "in 2027 klaar", "het nieuwe stadion in 2027 klaar is"),
    Clause("de inflatie", "daalt", "langzaam", "de inflatie langzaam daalt"),
    Clause("het museum", "krijgt", "meer bezoekers", "het museum meer bezoekers krijgt"),
    Clause("de haven", "blijft", "open", "de haven open blijft"),
    Clause("de oppositie", "wil", "een debat", "de oppositie een debat wil"),
    Clause("de rechter", "heeft", "de zaak verdaagd", "de rechter de zaak heeft verdaagd"),
    Clause("er", "komt", "een nieuw onderzoek", "er een nieuw onderzoek komt"),
    Clause("er", "is", "geen geld voor extra agenten", "er geen geld voor extra agenten is"),
    Clause("de regels", "zijn", "te ingewikkeld", "de regels te ingewikkeld zijn"),
    Clause("het weer", "wordt", "morgen beter", "het weer morgen beter wordt"),
    Clause("de supermarkten", "verhogen", "hun prijzen", "de supermarkten hun prijzen verhogen"),
    Clause("de provincie", "trekt", "extra geld uit", "de provincie extra geld uittrekt"),
    Clause("het gesprek", "was", "open en constructief", "het gesprek open en constructief was"),
    Clause("de vakbond", "zet", "de acties voort", "de vakbond de acties voortzet"),
    Clause("de bewoners", "mogen", "vanavond terug naar huis", "de bewoners vanavond terug naar huis mogen"),
    Clause("het project", "ligt", "op schema", "het project op schema ligt"),
    Clause("de dijk", "houdt", "het water tegen", "de dijk het water tegenhoudt"),
    Clause("de test", "is", "goed verlopen", "de test goed is verlopen"),
    Clause("de auto's", "staan", "stil", "de auto's stilstaan"),
    Clause("de kosten", "zijn", "zo'n tien procent hoger", "de kosten zo'n tien procent hoger zijn"),
    Clause("de winkels", "gaan", "'s avonds dicht", "de winkels 's avonds dichtgaan"),
    Clause(
        "de werkloosheid",
        "is",
        "het laagst sinds de jaren '80",
        "de werkloosheid het laagst sinds de jaren '80 is",
    ),
)
"""Reported contents: main clauses (lower case, no punctuation) with their subordinate order."""

CONSTRUCTIONS: tuple[str, ...] = (
    "postposed",
    "preposed",
    "colon",
    "interrupted",
    "indirect",
    "mixed",
    "postposed_indirect",
    "volgens",
    "floating",
)
"""Quote constructions, by the names that :func:`sentences` and :func:`passages` accept:

* ``postposed``: ``‘Het gaat goed’, zei Jan de Vries.`` (also ``aldus X``);
* ``preposed``: ``Jan de Vries zei: ‘Het gaat goed.’``;
* ``colon``: ``Jan de Vries: ‘Het gaat goed.’``;
* ``interrupted``: ``‘Het gaat goed’, zegt X, ‘maar de prijzen stijgen te snel.’`` (two quotes);
* ``indirect``: ``X zei dat het goed gaat.``;
* ``mixed``: ``X zei dat het gesprek ‘open en constructief’ was.``;
* ``postposed_indirect``: ``Het gaat goed, zegt X.`` (also ``zo zegt X``, ``aldus X``,
  ``volgens X``);
* ``volgens``: ``Volgens X gaat het goed.``;
* ``floating`` (passages only): a quote with no attribution of its own that continues the last
  speaker's quote, as a paragraph of its own or after the attribution sentence.
"""

_SENTENCE_CONSTRUCTIONS = tuple(c for c in CONSTRUCTIONS if c != "floating")
_DIRECT_CONSTRUCTIONS = frozenset({"postposed", "preposed", "colon", "interrupted"})

_ADJUNCTS: dict[str, tuple[str, ...]] = {
    "present": ("donderdag", "vandaag"),
    "past": ("donderdag", "maandag", "gisteren", "vanochtend", "dinsdagavond"),
}
"""Time adverbs that may follow the subject or verb (``zei gisteren``), by the tense they fit."""

_CONNECTORS = ("en", "maar", "want")
"""Words that join the second part of an interrupted quote to the first (main clause order)."""

_SCARE_QUOTE_TEMPLATES: tuple[str, ...] = (
    "Rusland stuurde een {o}donatie{c} van munitie naar het front.",
    "De zogeheten {o}stikstofcrisis{c} houdt het land al jaren bezig.",
    "Het {o}nieuwe normaal{c} is voor veel mensen nog wennen.",
    "De film {o}Turks fruit{c} draait weer in de bioscoop.",
    "Het schip {o}Prinses Amalia{c} ligt in de haven van Rotterdam.",
    "De {o}tijdelijke{c} maatregel geldt al tien jaar.",
    "Het boek {o}De avonden{c} verscheen opnieuw.",
    "Het programma {o}Zembla{c} onderzocht de zaak.",
    "Na de {o}hervorming{c} bleef er weinig over van de dienst.",
    "De {o}gratis{c} parkeerplaatsen kosten toch geld.",
    "In de wijk staan veel {o}lege{c} panden die toch bewoond zijn.",
    "Het {o}groene{c} bedrijf stoot veel CO2 uit.",
)
"""Sentences whose quoted term reports nobody's words (scare quotes, titles, ship names)."""

_CONTEXT_SENTENCES: tuple[str, ...] = (
    "De gemeenteraad vergaderde donderdagavond over de begroting.",
    "Het besluit valt volgende week.",
    "De kwestie speelt al jaren.",
    "Het kabinet kwam vrijdag bijeen.",
    "Honderden mensen demonstreerden op het Malieveld.",
    "De cijfers verschenen dinsdag.",
)
"""Sentences without quotes or cues, to set the scene in a passage."""


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


# --------------------------------------------------------------------------- the generated passage


@attrs.frozen(slots=True)
class GeneratedPassage:
    """A generated Dutch text and the gold quotes of the GUIDELINES in it."""

    text: str
    """The sentence or passage (paragraphs separated by a blank line)."""
    quotes: tuple[GoldQuote, ...]
    """The gold quotes, in text order; empty for a text without quotes (scare quotes)."""
    constructions: tuple[str, ...] = ()
    """The :data:`CONSTRUCTIONS` used, in text order, with ``scare`` for a scare-quote sentence and
    ``context`` for a sentence without quotes: to read a failing example by."""


def to_gold_record(passage: GeneratedPassage, id: str | int) -> dict[str, Any]:
    """The gold JSONL record of ``passage`` (GUIDELINES "File format") with the document id ``id``.

    ``id`` must be a string or an integer (the types a gold file allows); anything else raises
    :class:`TypeError`.
    """
    if isinstance(id, bool) or not isinstance(id, str | int):
        raise TypeError(f"id must be a str or an int, not {type(id).__name__}")

    def pair(span: tuple[int, int] | None) -> list[int] | None:
        return None if span is None else [span[0], span[1]]

    return {
        "id": id,
        "source": "quoteattr.strategies",
        "text": passage.text,
        "quotes": [
            {
                "kind": quote.kind,
                "content": pair(quote.content),
                "speaker": pair(quote.speaker),
                "speaker_name": quote.speaker_name,
                "cue": pair(quote.cue),
            }
            for quote in passage.quotes
        ],
    }


# --------------------------------------------------------------------------- building text


class _Builder:
    """Appends pieces of text and keeps their offsets, checking them all when the text is done."""

    __slots__ = ("_checks", "_length", "_parts")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._checks: list[tuple[int, int, str]] = []

    def add(self, piece: str) -> tuple[int, int]:
        """Append ``piece``; its ``(start, end)``."""
        start = self._length
        self._parts.append(piece)
        self._length += len(piece)
        self._checks.append((start, self._length, piece))
        return start, self._length

    def join(self, first: tuple[int, int], last: tuple[int, int], expected: str) -> tuple[int, int]:
        """The span from ``first`` to ``last``, which must read ``expected``."""
        self._checks.append((first[0], last[1], expected))
        return first[0], last[1]

    def finish(self) -> str:
        """The text; raises :class:`AssertionError` when a recorded span does not read its piece."""
        text = "".join(self._parts)
        for start, end, piece in self._checks:
            if text[start:end] != piece:
                raise AssertionError(f"span {start}:{end} reads {text[start:end]!r}, not {piece!r}")
        return text


@attrs.frozen(slots=True)
class _Entity:
    """A speaker of one passage."""

    name: Name | None
    """Its name, if the passage names it."""
    role: Role | None
    """Its role noun, if the passage gives one."""
    gold_name: str
    """Its ``speaker_name``: the fullest name the passage uses (or its role phrase)."""
    pronoun: str
    """``hij`` or ``zij``."""

    @property
    def keys(self) -> frozenset[str]:
        """What must differ between two speakers of one passage (surname, role noun)."""
        keys = set()
        if self.name is not None:
            keys.add(self.name.surname)
        if self.role is not None:
            keys.add(self.role.noun)
        return frozenset(keys)


@attrs.frozen(slots=True)
class _Mention:
    """How a sentence refers to its speaker."""

    title: str
    """Words before the speaker span (``minister`` in ``minister Jan de Vries``), or empty."""
    core: str
    """The speaker span as subject: ``Jan de Vries``, ``de minister``, ``hij``."""
    object_core: str
    """The speaker span after ``volgens``: the same, but ``hem``/``haar`` for a pronoun."""
    is_pronoun: bool
    """Whether the core is a pronoun (no colon quote, no ``aldus``)."""


_OBJECT_PRONOUNS = {"hij": "hem", "zij": "haar"}


def _pronoun_mention(entity: _Entity) -> _Mention:
    return _Mention("", entity.pronoun, _OBJECT_PRONOUNS[entity.pronoun], True)


def _plain_mention(core: str, title: str = "") -> _Mention:
    return _Mention(title, core, core, False)


@st.composite
def _introduced(draw: st.DrawFn, taken: frozenset[str] = frozenset()) -> tuple[_Entity, _Mention]:
    """A new speaker (whose keys avoid ``taken``) and its first mention."""
    form = draw(st.sampled_from(("name", "short_name", "title_name", "role")))
    role = draw(st.sampled_from([r for r in ROLES if r.noun not in taken]))
    if form == "role":
        entity = _Entity(None, role, role.phrase, role.pronoun)
        return entity, _plain_mention(role.phrase)
    name = draw(st.sampled_from([n for n in NAMES if n.surname not in taken]))
    if form == "title_name":
        return _Entity(name, role, name.full, name.pronoun), _plain_mention(name.full, role.noun)
    if form == "short_name":
        # Only the surname appears, so it is the fullest name the passage uses.
        return _Entity(name, None, name.short, name.pronoun), _plain_mention(name.short)
    return _Entity(name, None, name.full, name.pronoun), _plain_mention(name.full)


@st.composite
def _follow_up(draw: st.DrawFn, entity: _Entity) -> _Mention:
    """A later mention of ``entity``: a pronoun, its surname, or its role with ``de``."""
    if draw(st.booleans()):
        return _pronoun_mention(entity)
    if entity.name is not None:
        return _plain_mention(entity.name.short)
    assert entity.role is not None  # an entity has a name or a role
    return _plain_mention(entity.role.definite)


def _add_mention(
    b: _Builder, mention: _Mention, *, initial: bool, object_case: bool = False
) -> tuple[int, int]:
    """Write ``mention``; the speaker span (without the title)."""
    core = mention.object_core if object_case else mention.core
    if mention.title:
        b.add((_capitalise(mention.title) if initial else mention.title) + " ")
    elif initial:
        core = _capitalise(core)
    return b.add(core)


def _inner_marks(outer: QuoteMarks) -> QuoteMarks:
    """The marks for a term quoted inside a quote in ``outer`` marks: the other family, straight
    inside straight and ``‹…›`` inside guillemets, as Dutch house styles do it."""
    if outer.opening in ("«", "‹"):
        return QuoteMarks("‹", "›") if outer.opening == "«" else QuoteMarks("“", "”")
    if outer.opening in ("'", "‘", "‚"):
        return QuoteMarks('"', '"') if outer.opening == "'" else QuoteMarks("“", "”")
    return QuoteMarks("'", "'") if outer.opening in ('"', ",,") else QuoteMarks("‘", "’")


def _direct_content(draw: st.DrawFn, marks: QuoteMarks) -> str:
    """One or two sentences, the last without its final punctuation: main clauses, now and then
    a sentence with a term quoted inside the quote (``Het ‘nieuwe normaal’ is …``)."""
    chosen = draw(st.lists(st.sampled_from(CLAUSES), min_size=1, max_size=2, unique=True))
    sentences = [_capitalise(clause.main) for clause in chosen]
    if draw(st.integers(0, 4)) == 0:
        inner = _inner_marks(marks)
        template = draw(st.sampled_from(_SCARE_QUOTE_TEMPLATES))
        nested = template.format(o=inner.opening, c=inner.closing).removesuffix(".")
        sentences.insert(draw(st.integers(0, len(sentences))), nested)
    return ". ".join(sentences)


def _saying_verb(draw: st.DrawFn) -> CueVerb:
    return draw(st.sampled_from([verb for verb in CUE_VERBS if not verb.opinion]))


def _quote(
    kind: str,
    content: tuple[int, int],
    speaker: tuple[int, int] | None,
    name: str,
    cue: tuple[int, int] | None,
) -> GoldQuote:
    return GoldQuote(kind=kind, content=content, speaker=speaker, speaker_name=name, cue=cue)


def _add_verb_after_subject(draw: st.DrawFn, b: _Builder, verb: CueVerb, tense: Tense) -> tuple[int, int]:
    """``zei [donderdag]`` / ``liet [donderdag] weten`` after the subject; the cue span."""
    finite = verb.finite(tense)
    cue = b.add(finite)
    adjunct = None if " " in verb.tail else draw(st.none() | st.sampled_from(_ADJUNCTS[tense]))
    if adjunct is not None:
        b.add(f" {adjunct}")
    if verb.tail:
        b.add(" ")
        tail = b.add(verb.tail)
        if adjunct is None and " " not in verb.tail:
            # A particle or infinitive right after the finite verb belongs to the cue (``gaf toe``).
            cue = b.join(cue, tail, f"{finite} {verb.tail}")
    return cue


def _add_inverted_cue(
    draw: st.DrawFn, b: _Builder, verb: CueVerb, tense: Tense, mention: _Mention
) -> tuple[tuple[int, int], tuple[int, int]]:
    """``zei X [donderdag] [toe]`` (verb before subject); (cue span, speaker span)."""
    cue = b.add(verb.finite(tense))
    b.add(" ")
    speaker = _add_mention(b, mention, initial=False)
    adjunct = None if " " in verb.tail else draw(st.none() | st.sampled_from(_ADJUNCTS[tense]))
    if adjunct is not None:
        b.add(f" {adjunct}")
    if verb.tail:
        b.add(f" {verb.tail}")
    return cue, speaker


# --------------------------------------------------------------------------- constructions


def _postposed(
    draw: st.DrawFn, b: _Builder, entity: _Entity, mention: _Mention, marks: QuoteMarks
) -> list[GoldQuote]:
    content = _direct_content(draw, marks)
    ending = draw(st.sampled_from(("comma_outside", "comma_inside", "exclamation")))
    b.add(marks.opening)
    if ending == "comma_inside":
        span = b.add(content + ",")
    elif ending == "exclamation":
        span = b.add(content + "!")
    else:
        span = b.add(content)
    b.add(marks.closing)
    b.add(", " if ending == "comma_outside" else " ")
    if not mention.is_pronoun and draw(st.booleans()):
        cue = b.add("aldus")
        b.add(" ")
        speaker = _add_mention(b, mention, initial=False)
    else:
        verb = _saying_verb(draw)
        cue, speaker = _add_inverted_cue(draw, b, verb, draw(st.sampled_from(("present", "past"))), mention)
    b.add(".")
    return [_quote("direct", span, speaker, entity.gold_name, cue)]


def _preposed(
    draw: st.DrawFn, b: _Builder, entity: _Entity, mention: _Mention, marks: QuoteMarks, *, colon: bool
) -> list[GoldQuote]:
    speaker = _add_mention(b, mention, initial=True)
    if colon:
        cue = b.add(":")
    else:
        b.add(" ")
        cue = _add_verb_after_subject(draw, b, _saying_verb(draw), draw(st.sampled_from(("present", "past"))))
        b.add(":")
    b.add(" ")
    content = _direct_content(draw, marks)
    b.add(marks.opening)
    if draw(st.booleans()):
        span = b.add(content + ".")
        b.add(marks.closing)
    else:
        span = b.add(content)
        b.add(marks.closing + ".")
    return [_quote("direct", span, speaker, entity.gold_name, cue)]


def _interrupted(
    draw: st.DrawFn, b: _Builder, entity: _Entity, mention: _Mention, marks: QuoteMarks
) -> list[GoldQuote]:
    first, second = draw(st.lists(st.sampled_from(CLAUSES), min_size=2, max_size=2, unique=True))
    b.add(marks.opening)
    if draw(st.booleans()):
        first_span = b.add(_capitalise(first.main) + ",")
        b.add(marks.closing + " ")
    else:
        first_span = b.add(_capitalise(first.main))
        b.add(marks.closing + ", ")
    verb = _saying_verb(draw)
    cue, speaker = _add_inverted_cue(draw, b, verb, draw(st.sampled_from(("present", "past"))), mention)
    b.add(", ")
    b.add(marks.opening)
    continuation = f"{draw(st.sampled_from(_CONNECTORS))} {second.main}"
    if draw(st.booleans()):
        second_span = b.add(continuation + ".")
        b.add(marks.closing)
    else:
        second_span = b.add(continuation)
        b.add(marks.closing + ".")
    return [
        _quote("direct", first_span, speaker, entity.gold_name, cue),
        _quote("direct", second_span, speaker, entity.gold_name, cue),
    ]


def _mixed_content(draw: st.DrawFn, clause: Clause, marks: QuoteMarks) -> str:
    """``clause.subordinate`` with one constituent in quotation marks: everything after the
    subject (``het gesprek ‘open en constructief was’``) or, where it stands together before the
    verb, what follows the verb in the main clause (``het gesprek ‘open en constructief’ was``)."""
    subject = clause.subject + " "
    predicate = clause.subordinate[len(subject) :]
    options = [(subject, predicate, "")]
    if clause.rest and predicate.startswith(clause.rest + " "):
        options.append((subject, clause.rest, predicate[len(clause.rest) :]))
    before, fragment, after = draw(st.sampled_from(options))
    return f"{before}{marks.opening}{fragment}{marks.closing}{after}"


def _indirect(
    draw: st.DrawFn, b: _Builder, entity: _Entity, mention: _Mention, marks: QuoteMarks, *, mixed: bool
) -> list[GoldQuote]:
    speaker = _add_mention(b, mention, initial=True)
    b.add(" ")
    verb = draw(st.sampled_from(CUE_VERBS))
    cue = _add_verb_after_subject(draw, b, verb, draw(st.sampled_from(("present", "past"))))
    b.add(" dat ")
    clause = draw(st.sampled_from(CLAUSES))
    span = b.add(_mixed_content(draw, clause, marks) if mixed else clause.subordinate)
    b.add(".")
    return [_quote("mixed" if mixed else "indirect", span, speaker, entity.gold_name, cue)]


def _postposed_indirect(draw: st.DrawFn, b: _Builder, entity: _Entity, mention: _Mention) -> list[GoldQuote]:
    clause = draw(st.sampled_from(CLAUSES))
    span = b.add(_capitalise(clause.main))
    b.add(", ")
    tag = draw(st.sampled_from(("verb", "zo", "aldus", "volgens")))
    if tag == "aldus" and mention.is_pronoun:
        tag = "verb"
    if tag in ("aldus", "volgens"):
        cue = b.add(tag)
        b.add(" ")
        speaker = _add_mention(b, mention, initial=False, object_case=True)
    else:
        if tag == "zo":
            b.add("zo ")
        verb = draw(st.sampled_from(CUE_VERBS))
        cue, speaker = _add_inverted_cue(draw, b, verb, draw(st.sampled_from(("present", "past"))), mention)
    b.add(".")
    return [_quote("indirect", span, speaker, entity.gold_name, cue)]


def _volgens(draw: st.DrawFn, b: _Builder, entity: _Entity, mention: _Mention) -> list[GoldQuote]:
    cue = b.add("Volgens")
    b.add(" ")
    speaker = _add_mention(b, mention, initial=False, object_case=True)
    b.add(" ")
    span = b.add(draw(st.sampled_from(CLAUSES)).inverted)
    b.add(".")
    return [_quote("indirect", span, speaker, entity.gold_name, cue)]


def _floating(
    draw: st.DrawFn, b: _Builder, gold_name: str, marks: QuoteMarks, *, closed: bool = True
) -> list[GoldQuote]:
    """A quote with no attribution of its own; ``closed=False`` leaves it open at the paragraph end
    (a quote that runs on into the next paragraph, which reopens the mark)."""
    b.add(marks.opening)
    span = b.add(_direct_content(draw, marks) + ".")
    if closed:
        b.add(marks.closing)
    return [_quote("direct", span, None, gold_name, None)]


def _quote_sentence(
    draw: st.DrawFn,
    b: _Builder,
    construction: str,
    entity: _Entity,
    mention: _Mention,
    marks: QuoteMarks,
) -> list[GoldQuote]:
    if construction == "postposed":
        return _postposed(draw, b, entity, mention, marks)
    if construction in ("preposed", "colon"):
        return _preposed(draw, b, entity, mention, marks, colon=construction == "colon")
    if construction == "interrupted":
        return _interrupted(draw, b, entity, mention, marks)
    if construction in ("indirect", "mixed"):
        return _indirect(draw, b, entity, mention, marks, mixed=construction == "mixed")
    if construction == "postposed_indirect":
        return _postposed_indirect(draw, b, entity, mention)
    if construction == "volgens":
        return _volgens(draw, b, entity, mention)
    raise ValueError(f"no quote sentence for construction {construction!r}")


def _scare_sentence(draw: st.DrawFn, b: _Builder, marks: QuoteMarks) -> None:
    template = draw(st.sampled_from(_SCARE_QUOTE_TEMPLATES))
    b.add(template.format(o=marks.opening, c=marks.closing))


def _check_constructions(constructions: Collection[str] | None, allowed: tuple[str, ...]) -> tuple[str, ...]:
    if constructions is None:
        return allowed
    if isinstance(constructions, str):
        raise TypeError("constructions must be a collection of construction names, not one str")
    unknown = sorted(set(constructions) - set(allowed))
    if unknown:
        raise ValueError(f"unknown construction(s) {', '.join(unknown)}; choose from {', '.join(allowed)}")
    chosen = tuple(c for c in allowed if c in constructions)
    if not chosen:
        raise ValueError("constructions must name at least one construction")
    return chosen


# --------------------------------------------------------------------------- public strategies


def names() -> st.SearchStrategy[Name]:
    """Speaker names from :data:`NAMES` (Dutch with and without tussenvoegsel, and foreign)."""
    return st.sampled_from(NAMES)


def roles() -> st.SearchStrategy[Role]:
    """Role nouns from :data:`ROLES`."""
    return st.sampled_from(ROLES)


def cue_verbs() -> st.SearchStrategy[CueVerb]:
    """Cue verbs from this module's own list :data:`CUE_VERBS`."""
    return st.sampled_from(CUE_VERBS)


def quote_marks() -> st.SearchStrategy[QuoteMarks]:
    """Quote-mark conventions from :data:`QUOTE_MARKS`."""
    return st.sampled_from(QUOTE_MARKS)


def clauses() -> st.SearchStrategy[Clause]:
    """Reported contents from :data:`CLAUSES`."""
    return st.sampled_from(CLAUSES)


@st.composite
def _sentences(
    draw: st.DrawFn, constructions: tuple[str, ...], marks: st.SearchStrategy[QuoteMarks]
) -> GeneratedPassage:
    construction = draw(st.sampled_from(constructions))
    entity, mention = draw(_introduced())
    b = _Builder()
    quotes = _quote_sentence(draw, b, construction, entity, mention, draw(marks))
    return GeneratedPassage(b.finish(), tuple(quotes), (construction,))


def sentences(
    constructions: Collection[str] | None = None,
    marks: st.SearchStrategy[QuoteMarks] | None = None,
) -> st.SearchStrategy[GeneratedPassage]:
    """One quotation sentence with its gold quote(s) (two for an interrupted quote).

    ``constructions`` limits the constructions to those named (:data:`CONSTRUCTIONS` without
    ``floating``, which needs a passage); ``marks`` replaces :func:`quote_marks`. Unknown names
    raise :class:`ValueError`.
    """
    chosen = _check_constructions(constructions, _SENTENCE_CONSTRUCTIONS)
    return _sentences(chosen, quote_marks() if marks is None else marks)


@st.composite
def _scare_quote_sentences(draw: st.DrawFn, marks: st.SearchStrategy[QuoteMarks]) -> GeneratedPassage:
    b = _Builder()
    _scare_sentence(draw, b, draw(marks))
    return GeneratedPassage(b.finish(), (), ("scare",))


def scare_quote_sentences(
    marks: st.SearchStrategy[QuoteMarks] | None = None,
) -> st.SearchStrategy[GeneratedPassage]:
    """One sentence with a quoted term that reports nobody's words (scare quotes, a title): no
    gold quotes."""
    return _scare_quote_sentences(quote_marks() if marks is None else marks)


@st.composite
def _passages(
    draw: st.DrawFn,
    constructions: tuple[str, ...],
    marks_strategy: st.SearchStrategy[QuoteMarks],
    min_paragraphs: int,
    max_paragraphs: int,
) -> GeneratedPassage:
    # One convention per passage, as a newspaper keeps to its house style.
    marks = draw(marks_strategy)
    sentence_constructions = [c for c in constructions if c != "floating"]
    floating_allowed = "floating" in constructions
    b = _Builder()
    quotes: list[GoldQuote] = []
    used: list[str] = []
    taken: frozenset[str] = frozenset()
    current: _Entity | None = None
    # Whether the text just written ends with an attributed direct quote that a floating quote
    # can continue.
    can_float = False

    def quote_sentence(entity: _Entity, mention: _Mention) -> None:
        nonlocal can_float
        construction = draw(st.sampled_from(sentence_constructions))
        if construction == "colon" and mention.is_pronoun:
            construction = "postposed"  # ``Hij: ‘…’`` is no Dutch news style
        quotes.extend(_quote_sentence(draw, b, construction, entity, mention, marks))
        used.append(construction)
        can_float = construction in _DIRECT_CONSTRUCTIONS
        if can_float and floating_allowed and draw(st.integers(0, 3)) == 0:
            # ``‘A’, zei X. ‘B.’``: a new sentence after the attribution is a floating quote.
            b.add(" ")
            quotes.extend(_floating(draw, b, entity.gold_name, marks))
            used.append("floating")

    n_paragraphs = draw(st.integers(min_paragraphs, max_paragraphs))
    index = -1
    while index + 1 < n_paragraphs:
        index += 1
        if index:
            b.add("\n\n")
        options = ["new_speaker"]
        if current is not None:
            options += ["follow_up", "context"]
            if can_float and floating_allowed:
                options.append("floating")
        step = "new_speaker" if index == 0 else draw(st.sampled_from(options))
        if step == "new_speaker":
            if draw(st.integers(0, 3)) == 0:
                b.add(draw(st.sampled_from(_CONTEXT_SENTENCES)) + " ")
                used.append("context")
            current, mention = draw(_introduced(taken))
            taken |= current.keys
            quote_sentence(current, mention)
        elif step == "follow_up":
            assert current is not None  # only offered once a speaker is introduced
            quote_sentence(current, draw(_follow_up(current)))
        elif step == "floating":
            assert current is not None
            if index + 1 < n_paragraphs and draw(st.integers(0, 2)) == 0:
                # One quote over two paragraphs: the first is left open, the next reopens the mark.
                # GUIDELINES: one quote per paragraph, the same speaker for both.
                quotes.extend(_floating(draw, b, current.gold_name, marks, closed=False))
                used.append("floating")
                b.add("\n\n")
                index += 1
            quotes.extend(_floating(draw, b, current.gold_name, marks))
            used.append("floating")
        else:
            if draw(st.booleans()):
                _scare_sentence(draw, b, marks)
                used.append("scare")
            else:
                b.add(draw(st.sampled_from(_CONTEXT_SENTENCES)))
                used.append("context")
            can_float = False
    return GeneratedPassage(b.finish(), tuple(quotes), tuple(used))


def passages(
    constructions: Collection[str] | None = None,
    marks: st.SearchStrategy[QuoteMarks] | None = None,
    min_paragraphs: int = 2,
    max_paragraphs: int = 4,
) -> st.SearchStrategy[GeneratedPassage]:
    """A short news passage of ``min_paragraphs`` to ``max_paragraphs`` paragraphs, with its gold
    quotes.

    The first paragraph introduces a speaker with a quote. Each later paragraph is a follow-up by
    the last speaker (pronoun, surname or ``de`` + role), a new speaker (distinct surname and
    role), a floating quote that continues the last direct quote, or a sentence without quotes
    (scene setting or a scare quote). One quote-mark convention per passage (drawn from
    ``marks``, default :func:`quote_marks`). ``constructions`` limits the constructions
    (:data:`CONSTRUCTIONS`); it must name one besides ``floating``.
    """
    chosen = _check_constructions(constructions, CONSTRUCTIONS)
    if chosen == ("floating",):
        raise ValueError("a passage needs a construction besides 'floating' to introduce its speaker")
    if not 1 <= min_paragraphs <= max_paragraphs:
        raise ValueError(
            f"need 1 <= min_paragraphs <= max_paragraphs, not {min_paragraphs}, {max_paragraphs}"
        )
    return _passages(chosen, quote_marks() if marks is None else marks, min_paragraphs, max_paragraphs)
