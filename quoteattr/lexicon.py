"""The Dutch cue lexicon: verbs of saying, attribution phrases, noun cues and speaker words.

The knowledge lives in the package data file ``quoteattr/data/lexicon.toml`` (hand-written,
commented). This module reads it, expands every cue verb into its word forms with a small
rule-based conjugator (irregular forms come from the data), and answers the lookups the
rules need: form → verb (with separable particles), lemma → verb, noun cues, attribution
phrases, role nouns with gender, pronouns with person/number/gender, and the set of all cue
word forms for the cheap pre-parse scan.
"""

from __future__ import annotations

import enum
import functools
import importlib.resources
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from quoteattr.errors import QuoteAttrError

__all__ = [
    "AttributionPhrase",
    "CueClass",
    "CueVerb",
    "ExcludedCue",
    "Gender",
    "Lexicon",
    "NounCue",
    "Number",
    "Paradigm",
    "PhraseKind",
    "PronounInfo",
    "PronounKind",
    "PronounReading",
    "RoleNoun",
    "build",
    "conjugate",
    "load",
]


class CueClass(enum.Enum):
    """What kind of attribution a cue makes."""

    SPEECH = "speech"
    OPINION = "opinion"
    QUESTION = "question"
    REPORT = "report"


class Gender(enum.Enum):
    """Natural gender (persons) or neuter (pronoun ``het``)."""

    MASCULINE = "m"
    FEMININE = "f"
    NEUTER = "n"


class Number(enum.Enum):
    """Grammatical number."""

    SINGULAR = "sg"
    PLURAL = "pl"


class PhraseKind(enum.Enum):
    """Where an attribution phrase finds its speaker."""

    SOURCE = "source"
    """The noun phrase after it: ``volgens X``, ``aldus X``."""
    SUBJECT = "subject"
    """The subject of the clause: ``naar eigen zeggen``."""
    HEARSAY = "hearsay"
    """No speaker: ``naar verluidt``."""
    FRAME = "frame"
    """``zo``/``zoals`` with a cue verb, whose subject speaks: ``zo zegt X``."""


class PronounKind(enum.Enum):
    """Syntactic kind of a pronoun."""

    SUBJECT = "subject"
    OBJECT = "object"
    POSSESSIVE = "possessive"
    REFLEXIVE = "reflexive"
    DEMONSTRATIVE = "demonstrative"
    GENERIC = "generic"


@attrs.frozen(slots=True)
class CueVerb:
    """A verb (or verbal expression) of saying, reporting, asking or stated opinion."""

    lemma: str
    """Citation form: ``zeggen``, ``toevoegen``, ``laten weten``, ``van mening zijn``."""
    verb: str
    """The verb that inflects: ``voegen`` for toevoegen, ``laten`` for laten weten."""
    particle: str | None
    """Separable particle (``toe``; ``weten`` in laten weten), or None."""
    joined: bool
    """Whether the particle is written together with the verb in verb-final order (toegevoegd)."""
    words: tuple[str, ...]
    """Other fixed words the expression needs (``("van", "mening")``); empty for a plain verb."""
    cue_class: CueClass
    """Speech, opinion, question or report."""
    needs_clause: bool
    """Counts only with a finite complement clause (opinion verbs, ``wijzen op``)."""
    tag_only: bool
    """Counts only as an inverted speech tag beside a direct quote (``‘…’, weet Melle``)."""
    quotes_object: bool
    """The object is the one quoted (``citeren``), so in the passive the subject speaks:
    ``‘…’, zo wordt ze geciteerd``."""
    reflexive: bool
    """Used with ``zich`` (zich afvragen)."""
    not_reflexive: bool
    """With a reflexive pronoun another verb, no cue (``zich voorstellen``: imagine)."""
    preposition: str | None
    """Required prepositional complement (``op`` for wijzen op: ``wees erop dat``), or None."""
    split_forms: frozenset[str]
    """Forms of the inflecting verb: the whole paradigm of a plain verb; for a particle verb the
    forms that stand apart from the particle (``voegde`` … ``toe``; ``bekend gemaakt``)."""
    joined_forms: frozenset[str]
    """Single-word forms with the particle attached (``toevoegt``, ``toegevoegd``)."""
    participles: frozenset[str]
    """Past participles among the forms, split and joined (``gezegd``, ``toegevoegd``)."""
    particle_variants: tuple[str, ...] = ()
    """Other spellings of the particle that make the same verb (``mede`` for ``mee``)."""
    anchor: str | None = None
    """For a verb that is no cue alone (:attr:`is_multiword`): the word that sends a sentence
    to the parser in the cheap scan (``duidelijk``, ``mening``); None to leave it to
    :meth:`Lexicon.may_hold_cue`."""
    idiom_modal: str | None = None
    """A modal that with a subject that cannot speak makes an idiom, no cue (``willen``: ``dat
    wil zeggen``, ``een diploma wil niet zeggen dat …``: to mean)."""
    adjective_participle: bool = False
    """Its participle with ``worden``/``zijn`` is an adjective, no passive of the cue (``wordt
    bekend waar …``: becomes known, not is confessed)."""
    source_preposition: str | None = None
    """For a verb whose source is a text (``in het artikel van X staat``): the preposition before
    that text; the text's ``van`` owner speaks, else the text itself. None for a verb whose subject
    speaks."""

    @property
    def forms(self) -> frozenset[str]:
        """Every single-token form that can be this verb (split and joined)."""
        return self.split_forms | self.joined_forms

    @property
    def particles(self) -> tuple[str, ...]:
        """The particle and its variants; empty for a verb without particle."""
        return ((self.particle,) if self.particle is not None else ()) + self.particle_variants

    @property
    def is_multiword(self) -> bool:
        """True when the verb alone is no cue: a particle written apart, or fixed words."""
        return bool(self.words) or (self.particle is not None and not self.joined)

    @property
    def required_words(self) -> tuple[str, ...]:
        """Words besides the inflecting verb that must occur: the particle, then ``words``."""
        return ((self.particle,) if self.particle is not None else ()) + self.words


@attrs.frozen(slots=True)
class ExcludedCue:
    """A verb that looks like a cue but is none (GUIDELINES: blijken, opvallen, voelen …)."""

    lemma: str
    """Citation form."""
    particle: str | None
    """Separable particle, or None."""
    reason: str
    """Why it is no cue."""
    split_forms: frozenset[str]
    """Forms of the inflecting verb (stems apart from the particle, for a particle verb)."""
    joined_forms: frozenset[str]
    """Single-word forms with the particle attached."""


@attrs.frozen(slots=True)
class NounCue:
    """A noun that attributes by itself: ``verklaring``, ``stelling``, ``jammerklacht``."""

    lemma: str
    """Singular."""
    forms: frozenset[str]
    """Singular and plural forms."""
    cue_class: CueClass
    """Speech, opinion, question or report."""


@attrs.frozen(slots=True)
class AttributionPhrase:
    """A fixed phrase that attributes a clause: ``volgens``, ``in de woorden van``."""

    words: tuple[str, ...]
    """The words, lower case."""
    kind: PhraseKind
    """Where the speaker is found."""
    needs_verb: bool
    """Counts only together with a cue verb (``zo zegt X``, ``zoals X zei``)."""


@attrs.frozen(slots=True)
class RoleNoun:
    """A role or function noun that can head a speaker mention (``woordvoerster``)."""

    lemma: str
    """Singular."""
    plural_forms: frozenset[str]
    """Plural forms."""
    gender: Gender | None
    """Natural gender when the noun tells it (``woordvoerster`` → feminine), else None."""
    collective: bool
    """An organisation or body that speaks as one (``politie``, ``kabinet``)."""
    exact: bool
    """Matches only the word itself, not as the head of a compound."""
    sense: str
    """The lemma of the role it names, shared by its other-gender form and synonyms
    (``zegsman`` and ``woordvoerster`` → ``woordvoerder``); its own lemma otherwise."""
    anaphoric: bool = False
    """A definite mention points back to the organisation of this kind that the text named
    before (``de krant`` → ``The New York Times``); ``de politie`` names itself."""

    def number_of(self, word: str) -> Number:
        """Number of ``word`` (this noun or a compound headed by it)."""
        low = word.casefold()
        return Number.PLURAL if any(low.endswith(plural) for plural in self.plural_forms) else Number.SINGULAR


@attrs.frozen(slots=True)
class PronounReading:
    """One reading of a pronoun: number, and gender where it is fixed."""

    number: Number
    """Singular or plural."""
    gender: Gender | None
    """Gender when this reading fixes it (``hij``: masculine), else None."""


@attrs.frozen(slots=True)
class PronounInfo:
    """A pronoun that can stand for or point to a speaker."""

    form: str
    """The pronoun, lower case."""
    person: int
    """1, 2 or 3."""
    readings: tuple[PronounReading, ...]
    """Possible number/gender readings (``zij``: feminine singular, or plural)."""
    kind: PronounKind
    """Main syntactic kind (``haar`` is listed as object, though it is also possessive)."""

    @property
    def numbers(self) -> frozenset[Number]:
        """Every number the pronoun can have."""
        return frozenset(reading.number for reading in self.readings)

    @property
    def genders(self) -> frozenset[Gender]:
        """Every gender one of its readings fixes."""
        return frozenset(reading.gender for reading in self.readings if reading.gender is not None)


# --- conjugation -----------------------------------------------------------------------

_VOWEL_LETTERS = frozenset("aeiouy")
_DIGRAPHS = frozenset({"aa", "ee", "oo", "uu", "ie", "oe", "eu", "ui", "ou", "au", "ei", "ij"})
# Unstressed and inseparable prefixes take no ``ge-`` in the participle (erkend, onderstreept).
# A verb with a separable particle states it in the data, so a stressed prefix here is inseparable.
_NO_GE_PREFIXES = (
    "achter", "onder", "over", "door", "voor", "weer", "her", "ont", "ver", "mis", "be", "ge", "er", "om",
)  # fmt: skip
# 't kofschip: a stem ending in one of these takes -te/-t, else -de/-d.
_VOICELESS_ENDINGS = ("t", "k", "f", "s", "ch", "p", "x", "c")
_TREMA = {"e": "ë", "i": "ï", "u": "ü"}


@attrs.frozen(slots=True)
class Paradigm:
    """Single-word forms of one verb without particle, as :func:`conjugate` makes them."""

    present: tuple[str, ...]
    """Present tense: 1st singular, 2nd/3rd singular, plural (= infinitive)."""
    past: tuple[str, ...]
    """Past tense, singular and plural."""
    participles: tuple[str, ...]
    """Past participles."""

    @property
    def all(self) -> frozenset[str]:
        """Every form."""
        return frozenset(self.present + self.past + self.participles)


def _no_ge_prefix(verb: str) -> str:
    """The unstressed/inseparable prefix ``verb`` starts with, or ``""``."""
    for prefix in _NO_GE_PREFIXES:
        rest = verb[len(prefix) :]
        if verb.startswith(prefix) and len(rest) >= 3 and any(c in _VOWEL_LETTERS for c in rest):
            return prefix
    return ""


def _has_vowel(text: str) -> bool:
    return any(c in _VOWEL_LETTERS for c in text)


def _stem(infinitive: str) -> str:
    """Present stem of a regular verb from the spelling rules (``vragen`` → ``vraag``)."""
    if not infinitive.endswith("en") or len(infinitive) < 4:
        raise QuoteAttrError(
            f"lexicon: cannot derive a stem of {infinitive!r}; give 'stem' or an irregular entry"
        )
    raw = infinitive[:-2]
    for ending in ("er", "el", "en"):
        # -eren/-elen/-enen: the e before r/l/n is either a stressed long vowel (concluderen →
        # concludeer, delen → deel) or a schwa (mijmeren → mijmer, hekelen → hekel).
        if raw.endswith(ending) and len(raw) > 2 and raw[-3] not in _VOWEL_LETTERS:
            body = raw[:-2]
            core = body
            for prefix in _NO_GE_PREFIXES:
                if body.startswith(prefix) and len(body) > len(prefix):
                    core = body[len(prefix) :]
                    break
            stressed = not _has_vowel(core)
            if not stressed and ending == "er":
                # Romance -eren verbs: stress on the ending after vowel + single consonant or a vowel.
                single = (
                    core[-1] not in _VOWEL_LETTERS
                    and len(core) >= 2
                    and core[-2] in _VOWEL_LETTERS
                    and (len(core) < 3 or core[-3:-1] not in _DIGRAPHS)
                )
                stressed = core[-1] in _VOWEL_LETTERS or single
            return body + ("ee" if stressed else "e") + ending[1]
    if len(raw) >= 2 and raw[-1] == raw[-2] and raw[-1] not in _VOWEL_LETTERS:
        stem = raw[:-1]
    elif (
        len(raw) >= 2
        and raw[-1] not in _VOWEL_LETTERS
        and raw[-1] not in "wj"
        and raw[-2] in "aeou"
        and (len(raw) < 3 or raw[-3:-1] not in _DIGRAPHS)
    ):
        # Open syllable in the infinitive (ma-ken) → long vowel written double (maak).
        stem = raw[:-1] + raw[-2] + raw[-1]
    else:
        stem = raw
    if stem.endswith("v"):
        stem = stem[:-1] + "f"
    elif stem.endswith("z"):
        stem = stem[:-1] + "s"
    return stem


def _voiceless(infinitive: str) -> bool:
    """Whether the stem's final sound (before v/z devoicing) is in 't kofschip."""
    raw = infinitive[:-2]
    return raw.endswith(_VOICELESS_ENDINGS)


def _with_ge(stem: str) -> tuple[str, ...]:
    """``ge`` + stem; with a trema where ``ge`` would merge with the vowel (``geëist``), plus
    the spelling without it, common in text stripped of diacritics (``geeist``)."""
    if stem[:1] in _TREMA and not stem.startswith(("ui", "ij")):
        return "ge" + _TREMA[stem[0]] + stem[1:], "ge" + stem
    return ("ge" + stem,)


def conjugate(
    infinitive: str, irregular: Mapping[str, Mapping[str, Sequence[str]]], stem: str | None = None
) -> Paradigm:
    """All single-word forms of a verb without particle.

    ``irregular`` maps a base verb to its stated forms (``present``, ``past``, ``past_plural``,
    ``participle``); a verb made of an unstressed prefix and such a base (``beschrijven``,
    ``bezweren``) inherits them with the prefix. Everything else follows the rules for weak
    verbs. ``stem`` overrides the derived present stem.
    """
    base, prefix = infinitive, ""
    if infinitive not in irregular:
        for candidate in _NO_GE_PREFIXES:
            if infinitive.startswith(candidate) and infinitive[len(candidate) :] in irregular:
                base, prefix = infinitive[len(candidate) :], candidate
                break
    entry = irregular.get(base)
    if entry is not None and "present" in entry:
        present = tuple(prefix + form for form in entry["present"])
    else:
        present_stem = stem or _stem(infinitive)
        third = present_stem if present_stem.endswith("t") else present_stem + "t"
        present = (present_stem, third, infinitive)
    if entry is not None:
        past = tuple(prefix + form for form in (*entry["past"], *entry["past_plural"]))
        participles = tuple(
            prefix + (form[2:] if prefix and form.startswith("ge") else form) for form in entry["participle"]
        )
        return Paradigm(present, past, participles)
    weak_stem = stem or _stem(infinitive)
    voiceless = _voiceless(infinitive) if stem is None else stem.endswith(_VOICELESS_ENDINGS)
    suffix = "te" if voiceless else "de"
    past = (weak_stem + suffix, weak_stem + suffix + "n")
    ending = "" if weak_stem.endswith(("t", "d")) else ("t" if voiceless else "d")
    bare = weak_stem + ending
    participles = (bare,) if _no_ge_prefix(infinitive) else _with_ge(bare)
    return Paradigm(present, past, participles)


# --- the lexicon -----------------------------------------------------------------------


def _key(word: str) -> str:
    return word.strip().casefold()


def _lemma_key(lemma: str) -> str:
    """Normalise a lemma: Alpino ``toe_voegen`` and ``zich afvragen`` → ``toevoegen``/``afvragen``."""
    low = _key(lemma)
    if low.startswith("zich "):
        low = low[5:]
    return low.replace("_", "").replace(" ", "")


@attrs.frozen(slots=True)
class Lexicon:
    """Lookups over the cue lexicon. Build with :func:`load` (cached) or :func:`build`."""

    verbs: tuple[CueVerb, ...]
    """Every cue verb and verbal expression, in data order."""
    excluded: tuple[ExcludedCue, ...]
    """Verbs that are explicitly no cues."""
    nouns: tuple[NounCue, ...]
    """Noun cues."""
    phrases: tuple[AttributionPhrase, ...]
    """Attribution phrases (volgens, aldus, in de woorden van, …)."""
    roles: tuple[RoleNoun, ...]
    """Role and function nouns."""
    pronouns: tuple[PronounInfo, ...]
    """Pronouns usable as speakers."""
    anaphors: frozenset[str]
    """Sentence-initial words of ``Dat zegt X`` that point back to the content."""
    auxiliaries: frozenset[str]
    """Finite auxiliaries that may stand second in ``Dat heeft X gezegd`` (the cue at the end)."""
    excluded_sources: frozenset[str]
    """Heads of ``volgens X`` that are not speakers (``volgens plan``)."""
    noun_predicates: frozenset[str]
    """Finite verbs whose subject is a noun cue (``de reactie luidt``)."""
    channel_nouns: frozenset[str]
    """Singular and plural forms of nouns naming a medium of speech (``verklaring``, ``brief``)."""
    channel_prepositions: frozenset[str]
    """Prepositions before a channel noun (``in een verklaring``, ``op een persconferentie``)."""
    addressee_prepositions: frozenset[str]
    """Prepositions whose object is the addressee, never the speaker (``zei hij tegen de NOS``)."""
    topic_prepositions: frozenset[str]
    """Prepositions whose object after a verb of saying is what was said about (``klaagde over
    ‘…’``, ``waarschuwde voor ‘…’``)."""
    given_names: Mapping[str, Gender]
    """Given name (lower case) → the gender it tells (``anna`` → feminine)."""
    organisation_heads: frozenset[str]
    """Last words that make a name an organisation's (``College``, ``bank`` in ``Rabobank``)."""
    idioms: tuple[tuple[str, ...], ...]
    """Fixed expressions in which a cue form says nothing (``vroeg of laat``, ``eerlijk gezegd``)."""
    departments: tuple[str, ...]
    """Capitalised names of ministries and portfolios (``Buitenlandse Zaken``) that stand between
    a minister's title and name (``minister van Buitenlandse Zaken Wang Yi``)."""
    _plain: Mapping[str, CueVerb] = attrs.field(alias="plain")
    """Form → plain verb (no particle, no fixed words)."""
    _joined: Mapping[str, CueVerb] = attrs.field(alias="joined")
    """Joined form → particle verb (``toegevoegd``)."""
    _split: Mapping[tuple[str, str], CueVerb] = attrs.field(alias="split")
    """(stem form, particle) → particle verb (``("voegde", "toe")``)."""
    _multiword: Mapping[str, tuple[CueVerb, ...]] = attrs.field(alias="multiword")
    """Form of the inflecting verb → verbs with a particle or fixed words."""
    _by_lemma: Mapping[str, CueVerb] = attrs.field(alias="by_lemma")
    """Normalised lemma → verb."""
    _excluded_forms: Mapping[str, ExcludedCue] = attrs.field(alias="excluded_forms")
    """Form (plain or joined) → excluded verb."""
    _excluded_split: Mapping[tuple[str, str], ExcludedCue] = attrs.field(alias="excluded_split")
    """(stem form, particle) → excluded particle verb."""
    _noun_forms: Mapping[str, NounCue] = attrs.field(alias="noun_forms")
    """Noun form → noun cue."""
    _role_forms: Mapping[str, RoleNoun] = attrs.field(alias="role_forms")
    """Role noun form → role noun."""
    _pronoun_forms: Mapping[str, PronounInfo] = attrs.field(alias="pronoun_forms")
    """Pronoun form → info."""
    _all_forms: frozenset[str] = attrs.field(alias="all_forms")
    """Every cue word form, for the pre-parse scan."""
    _standalone: frozenset[str] = attrs.field(alias="standalone")
    """Forms that signal a cue by themselves (no particle or fixed word needed)."""
    _combined: Mapping[str, tuple[tuple[str, ...], ...]] = attrs.field(alias="combined")
    """Verb form → word sets, any one of which must also occur for the form to signal a cue."""

    # -- verbs ---------------------------------------------------------------------------

    def verb_for(self, form: str, particle: str | None = None) -> CueVerb | None:
        """The cue verb of word ``form``, with the separable ``particle`` the parse gave it.

        ``zei`` → zeggen; ``("voegde", "toe")`` → toevoegen; ``toegevoegd`` → toevoegen;
        ``("liet", "weten")`` → laten weten. A split stem without its particle is no particle
        verb (``voegde`` → None, ``stelt`` → stellen, not vaststellen), and a particle that
        makes another verb gives None (``("stelt", "op")``: opstellen is no cue). A
        prepositional-object verb is returned for its stem (``wees`` → wijzen, with
        ``preposition == "op"``); the caller checks the ``erop``/``op`` phrase. Verbs with
        fixed words (``van mening zijn``) are found by :meth:`multiword_for`.
        """
        low = _key(form)
        if particle is not None:
            part = _key(particle)
            found = self._split.get((low, part))
            if found is not None:
                return found
            if low in self._joined:
                return self._joined[low]
            plain = self._plain.get(low)
            # A parser may label the ``op``/``erop`` of ``wees erop dat`` as a particle.
            if plain is not None and plain.preposition == part.removeprefix("er"):
                return plain
            return None
        return self._plain.get(low) or self._joined.get(low)

    def multiword_for(self, form: str, words: Iterable[str]) -> CueVerb | None:
        """The particle verb or multiword cue whose verb is ``form`` and whose particle and
        fixed words all occur in ``words`` (e.g. the words of the clause or the verb's
        dependents). ``("maakte", ["hij", "duidelijk", "dat"])`` → duidelijk maken. The match
        with the most required words wins."""
        candidates = self._multiword.get(_key(form), ())
        if not candidates:
            return None
        present = {_key(word) for word in words}
        matching = [
            verb
            for verb in candidates
            if all(word in present for word in verb.words)
            and (not verb.particles or any(particle in present for particle in verb.particles))
        ]
        if not matching:
            return None
        return max(matching, key=lambda verb: len(verb.required_words))

    def verb_by_lemma(self, lemma: str) -> CueVerb | None:
        """The cue verb with this lemma; Alpino lemmas (``toe_voegen``) and ``zich …`` accepted."""
        return self._by_lemma.get(_lemma_key(lemma))

    def excluded_verb(self, form: str, particle: str | None = None) -> ExcludedCue | None:
        """The non-cue verb of word ``form`` (``bleek`` → blijken; ``("valt", "op")`` → opvallen)."""
        low = _key(form)
        if particle is not None:
            found = self._excluded_split.get((low, _key(particle)))
            joined = self._excluded_forms.get(low)
            # A joined form (``opgevallen``) makes the particle redundant; a plain verb with a
            # foreign particle is another verb (``zag … uit`` is uitzien, not zien).
            return found or (joined if joined is not None and joined.particle is not None else None)
        return self._excluded_forms.get(low)

    def is_excluded(self, form: str, particle: str | None = None) -> bool:
        """Whether ``form`` (with ``particle``) is a verb the guidelines rule out as a cue."""
        return self.excluded_verb(form, particle) is not None

    # -- phrases and nouns ---------------------------------------------------------------

    def is_attribution_preposition(self, word: str) -> bool:
        """``volgens`` and ``aldus``: one-word phrases whose object is the speaker."""
        low = _key(word)
        return any(p.words == (low,) and p.kind is PhraseKind.SOURCE for p in self.phrases)

    def phrase_at(self, words: Sequence[str], start: int = 0) -> AttributionPhrase | None:
        """The longest attribution phrase that begins at ``words[start]`` (case-insensitive)."""
        best: AttributionPhrase | None = None
        for phrase in self.phrases:
            size = len(phrase.words)
            if start + size > len(words) or (best is not None and size <= len(best.words)):
                continue
            if all(_key(words[start + i]) == phrase.words[i] for i in range(size)):
                best = phrase
        return best

    def is_anaphor(self, word: str) -> bool:
        """``dat``/``dit``/``zo``: the opening word of ``Dat zegt X.``."""
        return _key(word) in self.anaphors

    def is_auxiliary(self, word: str) -> bool:
        """``heeft``/``zijn``/``zou``: a finite auxiliary (``Dat heeft X gezegd``)."""
        return _key(word) in self.auxiliaries

    def given_name_gender(self, word: str) -> Gender | None:
        """The gender the given name ``word`` tells, or None (unknown, or given to both)."""
        return self.given_names.get(_key(word))

    def names_organisation(self, word: str) -> bool:
        """Whether a name ending in ``word`` is an organisation's: ``word`` is (or ends as a compound
        in) one of :attr:`organisation_heads` or a collective role noun (``Gemeente``)."""
        low = _key(word)
        if low in self.organisation_heads or _compound_head(low, self.organisation_heads) is not None:
            return True
        role = self.role_noun(word)
        return role is not None and role.collective

    def in_idiom(self, words: Sequence[str], index: int) -> bool:
        """Whether ``words[index]`` belongs to one of :attr:`idioms` written out in ``words``."""
        keys = [_key(word) for word in words]
        for idiom in self.idioms:
            for offset, part in enumerate(idiom):
                start = index - offset
                if part == keys[index] and start >= 0 and tuple(keys[start : start + len(idiom)]) == idiom:
                    return True
        return False

    def is_excluded_source(self, word: str) -> bool:
        """Whether the head of ``volgens X`` is no speaker (``volgens plan``, ``volgens de regels``)."""
        return _key(word) in self.excluded_sources

    def is_noun_predicate(self, word: str) -> bool:
        """``luidt``/``luidde``: a verb whose subject is a noun cue (``de reactie luidt``)."""
        return _key(word) in self.noun_predicates

    def noun_cue(self, word: str) -> str | None:
        """Lemma of the noun cue ``word`` (``kanttekeningen`` → ``kanttekening``), or None."""
        found = self._noun_forms.get(_key(word))
        return found.lemma if found is not None else None

    def noun_cue_info(self, word: str) -> NounCue | None:
        """The noun cue record of ``word`` (with its class), or None."""
        return self._noun_forms.get(_key(word))

    def is_channel_noun(self, word: str) -> bool:
        """Whether ``word`` names a medium of speech (``verklaring``, ``kamerbrief``)."""
        low = _key(word)
        if low in self.channel_nouns:
            return True
        return _compound_head(low, self.channel_nouns) is not None

    # -- speakers ------------------------------------------------------------------------

    def role_noun(self, word: str) -> RoleNoun | None:
        """The role noun ``word`` is, or heads as a compound (``oud-minister``,
        ``politiewoordvoerster``), or None."""
        low = _key(word)
        found = self._role_forms.get(low)
        if found is not None:
            return found
        head = _compound_head(low, self._role_forms)
        if head is None:
            return None
        role = self._role_forms[head]
        return None if role.exact else role

    def pronoun(self, word: str) -> PronounInfo | None:
        """Person, readings and kind of pronoun ``word``, or None."""
        return self._pronoun_forms.get(_key(word))

    @property
    def all_forms(self) -> frozenset[str]:
        """Every cue word form (lower case) for a word-by-word pre-parse scan: verb forms,
        including the split stems of particle verbs (``voegde``, ``gaf``), the anchor word of
        each multiword cue (``duidelijk``, ``mening``), noun cues, noun predicates and the
        distinctive word of attribution phrases (``volgens``, ``woorden``). Left out: forms of
        tag-only verbs (a direct quote's marks select their sentence anyway) and the common
        homographs listed under ``scan_skip`` in the data (``acht``, ``bekend``).

        :meth:`may_hold_cue` is the sharper test over a whole sentence."""
        return self._all_forms

    def may_hold_cue(self, words: Iterable[str]) -> bool:
        """Whether a sentence with these words can hold a cue: a word that is a cue by itself,
        or a split stem together with its particle (``gaf`` … ``toe``), or a multiword cue's
        verb together with its fixed words (``maakte`` … ``duidelijk``). Selects fewer
        sentences than a scan over :attr:`all_forms`; what it drops is split stems and
        anchors without their partner words."""
        present = {_key(word) for word in words}
        if not present.isdisjoint(self._standalone):
            return True
        for word in present:
            for needed in self._combined.get(word, ()):
                if all(part in present for part in needed):
                    return True
        return False


def _compound_head(word: str, vocabulary: frozenset[str] | Mapping[str, Any]) -> str | None:
    """The longest known word that ends ``word`` as a compound head (``fractievoorzitter`` →
    ``voorzitter``; after a hyphen: ``oud-minister`` → ``minister``, ``oud-kapitein-ter-zee`` →
    ``kapitein-ter-zee``)."""
    # After a hyphen, the longest known tail (``oud-kapitein-ter-zee`` → ``kapitein-ter-zee``).
    index = word.find("-")
    while index != -1:
        if word[index + 1 :] in vocabulary:
            return word[index + 1 :]
        index = word.find("-", index + 1)
    for cut in range(3, len(word) - 3):
        if word[cut:] in vocabulary and word[cut - 1] != "-":
            return word[cut:]
    return None


# --- building from data ----------------------------------------------------------------

_VERB_KEYS = frozenset(
    {"lemma", "class", "particle", "particle_variants", "joined", "verb", "words", "preposition", "reflexive",
     "needs_clause", "tag_only", "quotes_object", "stem", "anchor", "anchored", "source",
     "adjective_participle", "idiom_modal", "not_reflexive"}
)  # fmt: skip


def _fail(message: str) -> QuoteAttrError:
    return QuoteAttrError(f"lexicon data: {message}")


def _str(entry: Mapping[str, Any], key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value:
        raise _fail(f"{where}: '{key}' must be a non-empty string, got {value!r}")
    return value


def _opt_str(entry: Mapping[str, Any], key: str, where: str) -> str | None:
    return _str(entry, key, where) if key in entry else None


def _strs(entry: Mapping[str, Any], key: str, where: str, required: bool = True) -> tuple[str, ...]:
    if key not in entry and not required:
        return ()
    value = entry.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _fail(f"{where}: '{key}' must be a list of strings, got {value!r}")
    return tuple(value)


def _bool(entry: Mapping[str, Any], key: str, default: bool, where: str) -> bool:
    value = entry.get(key, default)
    if not isinstance(value, bool):
        raise _fail(f"{where}: '{key}' must be true or false, got {value!r}")
    return value


def _table_list(data: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise _fail(f"'{key}' must be an array of tables")
    return value


def _enum_value(enum_type: type[enum.Enum], value: str, where: str) -> Any:
    try:
        return enum_type(value)
    except ValueError:
        allowed = ", ".join(str(member.value) for member in enum_type)
        raise _fail(f"{where}: {value!r} is not one of {allowed}") from None


def _irregular_table(data: Mapping[str, Any]) -> dict[str, dict[str, tuple[str, ...]]]:
    table = data.get("irregular")
    if not isinstance(table, dict):
        raise _fail("'irregular' must be a table")
    result: dict[str, dict[str, tuple[str, ...]]] = {}
    for verb, entry in table.items():
        if not isinstance(entry, dict):
            raise _fail(f"irregular.{verb} must be a table")
        unknown = set(entry) - {"present", "past", "past_plural", "participle"}
        if unknown:
            raise _fail(f"irregular.{verb}: unknown keys {sorted(unknown)}")
        forms = {key: _strs(entry, key, f"irregular.{verb}") for key in ("past", "past_plural", "participle")}
        if "present" in entry:
            forms["present"] = _strs(entry, "present", f"irregular.{verb}")
        result[verb] = forms
    return result


def _particle_forms(
    particles: Sequence[str], joined: bool, paradigm: Paradigm
) -> tuple[frozenset[str], frozenset[str]]:
    """(split forms, joined forms) of a verb with these particle spellings.

    The split forms keep the participle: besides the verb-final ``bekendgemaakt`` older and
    looser spelling writes ``bekend gemaakt``, and non-joined verbs always do
    (``kenbaar gemaakt``).
    """
    if not particles or not joined:
        return paradigm.all, frozenset()
    return paradigm.all, frozenset(particle + form for particle in particles for form in paradigm.all)


def _inflecting_verb(lemma: str, particle: str | None, explicit: str | None, where: str) -> str:
    if explicit is not None:
        return explicit
    if particle is None:
        return lemma
    if not lemma.startswith(particle):
        raise _fail(f"{where}: lemma does not start with its particle {particle!r}; give 'verb'")
    return lemma[len(particle) :].strip()


def _build_verb(entry: Mapping[str, Any], irregular: Mapping[str, Mapping[str, Sequence[str]]]) -> CueVerb:
    lemma = _str(entry, "lemma", "verb entry")
    where = f"verb {lemma!r}"
    unknown = set(entry) - _VERB_KEYS
    if unknown:
        raise _fail(f"{where}: unknown keys {sorted(unknown)}")
    particle = _opt_str(entry, "particle", where)
    joined = _bool(entry, "joined", particle is not None, where)
    if joined and particle is None:
        raise _fail(f"{where}: 'joined' without a particle")
    verb = _inflecting_verb(lemma, particle, _opt_str(entry, "verb", where), where)
    words = _strs(entry, "words", where, required=False)
    variants = _strs(entry, "particle_variants", where, required=False)
    if variants and particle is None:
        raise _fail(f"{where}: 'particle_variants' without a particle")
    particles = ((particle,) if particle is not None else ()) + variants
    paradigm = conjugate(verb, irregular, _opt_str(entry, "stem", where))
    split, joined_forms = _particle_forms(particles, joined, paradigm)
    participles = frozenset(paradigm.participles) | (
        frozenset(p + form for p in particles for form in paradigm.participles) if joined else frozenset()
    )
    anchor: str | None = None
    if _bool(entry, "anchored", True, where) and (words or (particle is not None and not joined)):
        anchor = _opt_str(entry, "anchor", where) or (words[-1] if words else particle)
    return CueVerb(
        lemma=lemma,
        verb=verb,
        particle=particle,
        joined=joined,
        words=words,
        cue_class=_enum_value(CueClass, _str(entry, "class", where), where),
        needs_clause=_bool(entry, "needs_clause", False, where),
        tag_only=_bool(entry, "tag_only", False, where),
        quotes_object=_bool(entry, "quotes_object", False, where),
        reflexive=_bool(entry, "reflexive", False, where),
        not_reflexive=_bool(entry, "not_reflexive", False, where),
        preposition=_opt_str(entry, "preposition", where),
        source_preposition=_opt_str(entry, "source", where),
        adjective_participle=_bool(entry, "adjective_participle", False, where),
        idiom_modal=_opt_str(entry, "idiom_modal", where),
        split_forms=split,
        joined_forms=joined_forms,
        participles=participles,
        particle_variants=variants,
        anchor=anchor,
    )


def _build_excluded(
    entry: Mapping[str, Any], irregular: Mapping[str, Mapping[str, Sequence[str]]]
) -> ExcludedCue:
    lemma = _str(entry, "lemma", "excluded entry")
    where = f"excluded {lemma!r}"
    unknown = set(entry) - {"lemma", "particle", "reason"}
    if unknown:
        raise _fail(f"{where}: unknown keys {sorted(unknown)}")
    particle = _opt_str(entry, "particle", where)
    verb = _inflecting_verb(lemma, particle, None, where)
    split, joined = _particle_forms((particle,) if particle else (), True, conjugate(verb, irregular))
    return ExcludedCue(lemma, particle, _str(entry, "reason", where), split, joined)


def _put(index: dict[Any, Any], key: Any, value: Any, what: str) -> None:
    """Add to an index; a key that would map to two different entries is a data error."""
    old = index.get(key)
    if old is not None and old is not value:
        raise _fail(f"{what} {key!r} maps to both {old.lemma!r} and {value.lemma!r}")
    index[key] = value


def _readings(values: Sequence[str], where: str) -> tuple[PronounReading, ...]:
    readings = []
    for value in values:
        number, _, gender = value.partition("-")
        readings.append(
            PronounReading(
                _enum_value(Number, number, where), _enum_value(Gender, gender, where) if gender else None
            )
        )
    return tuple(readings)


def build(data: Mapping[str, Any]) -> Lexicon:
    """Build a :class:`Lexicon` from parsed lexicon data (the TOML file's tables).

    Raises :class:`~quoteattr.errors.QuoteAttrError` for malformed data, including a word form
    that would map to two different verbs.
    """
    if data.get("version") != 1:
        raise _fail(f"unsupported version {data.get('version')!r}")
    irregular = _irregular_table(data)
    verbs = tuple(_build_verb(entry, irregular) for entry in _table_list(data, "verbs"))
    excluded = tuple(_build_excluded(entry, irregular) for entry in _table_list(data, "excluded"))

    plain: dict[str, CueVerb] = {}
    joined: dict[str, CueVerb] = {}
    split: dict[tuple[str, str], CueVerb] = {}
    multiword: dict[str, list[CueVerb]] = {}
    by_lemma: dict[str, CueVerb] = {}
    # The scan: words that signal a cue alone, and verb forms that do so only together with
    # their particle or fixed words. Tag-only verbs stand beside a direct quote, whose marks
    # already send the sentence to the parser.
    standalone: set[str] = set()
    combined: dict[str, set[tuple[str, ...]]] = {}
    broad: set[str] = set()
    for verb in verbs:
        for key in {
            _lemma_key(verb.lemma),
            *(_lemma_key(particle + verb.verb) for particle in verb.particles),
        }:
            _put(by_lemma, key, verb, "lemma")
        if verb.particle is None and not verb.words:
            for form in verb.split_forms:
                _put(plain, form, verb, "form")
            if not verb.tag_only:
                standalone |= verb.split_forms
            continue
        for form in verb.split_forms:
            multiword.setdefault(form, []).append(verb)
            if verb.particle is not None and not verb.words:
                for particle in verb.particles:
                    _put(split, (form, particle), verb, "split form")
            if not verb.tag_only:
                for particle in verb.particles or ("",):
                    combined.setdefault(form, set()).add(tuple(w for w in (particle, *verb.words) if w))
        for form in verb.joined_forms:
            _put(joined, form, verb, "joined form")
        if verb.tag_only:
            continue
        standalone |= verb.joined_forms
        if verb.joined:
            # A participle apart from its particle (``bekend gemaakt``) is rare spelling, and
            # ``gemaakt``/``gegeven`` are too common to send a sentence to the parser.
            broad |= verb.split_forms - verb.participles
        elif verb.anchor is not None:
            broad.add(verb.anchor)
    for form in set(plain) & set(joined):
        raise _fail(f"form {form!r} is both {plain[form].lemma!r} and {joined[form].lemma!r}")

    excluded_forms: dict[str, ExcludedCue] = {}
    excluded_split: dict[tuple[str, str], ExcludedCue] = {}
    for item in excluded:
        for form in item.joined_forms if item.particle else item.split_forms:
            _put(excluded_forms, form, item, "excluded form")
        if item.particle:
            for form in item.split_forms:
                _put(excluded_split, (form, item.particle), item, "excluded split form")
    for form in excluded_forms:
        if form in plain or form in joined:
            raise _fail(f"form {form!r} is both a cue and excluded ({excluded_forms[form].lemma!r})")

    nouns: list[NounCue] = []
    noun_forms: dict[str, NounCue] = {}
    for entry in _table_list(data, "nouns"):
        lemma = _str(entry, "lemma", "noun entry")
        where = f"noun {lemma!r}"
        noun = NounCue(
            lemma,
            frozenset((lemma, *_strs(entry, "plural", where))),
            _enum_value(CueClass, _str(entry, "class", where), where),
        )
        nouns.append(noun)
        for form in noun.forms:
            _put(noun_forms, form, noun, "noun form")
        standalone |= noun.forms

    phrases: list[AttributionPhrase] = []
    for entry in _table_list(data, "phrases"):
        words = tuple(_key(word) for word in _strs(entry, "words", "phrase entry"))
        where = f"phrase {' '.join(words)!r}"
        phrase = AttributionPhrase(
            words,
            _enum_value(PhraseKind, _str(entry, "kind", where), where),
            _bool(entry, "needs_verb", False, where),
        )
        phrases.append(phrase)
        if not phrase.needs_verb:
            # The longest word is the distinctive one (``woorden`` in ``in de woorden van``).
            standalone.add(max(reversed(words), key=len))

    roles: list[RoleNoun] = []
    role_forms: dict[str, RoleNoun] = {}
    for entry in _table_list(data, "roles"):
        lemma = _str(entry, "lemma", "role entry")
        where = f"role {lemma!r}"
        gender = _opt_str(entry, "gender", where)
        role = RoleNoun(
            lemma,
            frozenset(_strs(entry, "plural", where)),
            _enum_value(Gender, gender, where) if gender is not None else None,
            _bool(entry, "collective", False, where),
            _bool(entry, "exact", False, where),
            _opt_str(entry, "same_as", where) or lemma,
            _bool(entry, "anaphoric", False, where),
        )
        roles.append(role)
        for form in (lemma, *role.plural_forms):
            _put(role_forms, form, role, "role form")
    role_lemmas = {role.lemma for role in roles}
    for role in roles:
        if role.sense not in role_lemmas:
            raise _fail(f"role {role.lemma!r}: same_as {role.sense!r} is no role lemma")

    pronouns: list[PronounInfo] = []
    pronoun_forms: dict[str, PronounInfo] = {}
    for entry in _table_list(data, "pronouns"):
        form = _str(entry, "form", "pronoun entry")
        where = f"pronoun {form!r}"
        person = entry.get("person")
        if person not in (1, 2, 3):
            raise _fail(f"{where}: person must be 1, 2 or 3")
        info = PronounInfo(
            form,
            person,
            _readings(_strs(entry, "readings", where), where),
            _enum_value(PronounKind, _str(entry, "kind", where), where),
        )
        if form in pronoun_forms:
            raise _fail(f"{where} is listed twice")
        pronouns.append(info)
        pronoun_forms[form] = info

    channel: set[str] = set()
    for entry in _table_list(data, "channel_nouns"):
        lemma = _str(entry, "lemma", "channel noun")
        channel |= {lemma, *_strs(entry, "plural", f"channel noun {lemma!r}")}
    noun_predicates = frozenset(_strs(data, "noun_predicates", "top level"))
    standalone |= noun_predicates
    scan_skip = frozenset(_strs(data, "scan_skip", "top level"))

    return Lexicon(
        verbs=verbs,
        excluded=excluded,
        nouns=tuple(nouns),
        phrases=tuple(phrases),
        roles=tuple(roles),
        pronouns=tuple(pronouns),
        anaphors=frozenset(_strs(data, "anaphors", "top level")),
        auxiliaries=frozenset(_strs(data, "auxiliaries", "top level")),
        excluded_sources=frozenset(_strs(data, "excluded_sources", "top level")),
        noun_predicates=noun_predicates,
        channel_nouns=frozenset(channel),
        channel_prepositions=frozenset(_strs(data, "channel_prepositions", "top level")),
        addressee_prepositions=frozenset(_strs(data, "addressee_prepositions", "top level")),
        topic_prepositions=frozenset(_strs(data, "topic_prepositions", "top level")),
        departments=tuple(sorted(_strs(data, "departments", "top level"), key=len, reverse=True)),
        given_names=_given_names(data),
        organisation_heads=frozenset(_strs(data, "organisation_heads", "top level")),
        idioms=tuple(
            tuple(_key(word) for word in idiom.split()) for idiom in _strs(data, "idioms", "top level")
        ),
        plain=plain,
        joined=joined,
        split=split,
        multiword={form: tuple(found) for form, found in multiword.items()},
        by_lemma=by_lemma,
        excluded_forms=excluded_forms,
        excluded_split=excluded_split,
        noun_forms=noun_forms,
        role_forms=role_forms,
        pronoun_forms=pronoun_forms,
        all_forms=frozenset((standalone | broad) - scan_skip),
        standalone=frozenset(standalone - scan_skip),
        combined={form: tuple(sorted(needs)) for form, needs in combined.items()},
    )


def _given_names(data: Mapping[str, Any]) -> dict[str, Gender]:
    male = {_key(name) for name in _strs(data, "male_given_names", "top level")}
    female = {_key(name) for name in _strs(data, "female_given_names", "top level")}
    if male & female:
        raise _fail(f"given names listed for both genders: {sorted(male & female)}")
    return {**dict.fromkeys(male, Gender.MASCULINE), **dict.fromkeys(female, Gender.FEMININE)}


@functools.cache
def load() -> Lexicon:
    """The shipped lexicon (``quoteattr/data/lexicon.toml``), read once per process."""
    resource = importlib.resources.files("quoteattr").joinpath("data").joinpath("lexicon.toml")
    try:
        data = tomllib.loads(resource.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise QuoteAttrError(f"cannot read the cue lexicon {resource}: {error}") from error
    return build(data)
