"""Proper-name runs found on the surface of the text.

Names are found with one regular expression (capitalised words joined by Dutch and
foreign name particles: ``Cath de Hondt``, ``Jos van Beurden``), not with the parser: the
mention of a speaker must be the whole name even where the parse splits it, and the
sentences that introduce a person are often not parsed at all.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Sequence

import attrs
import regex

__all__ = [
    "NAME_RUN",
    "NOT_NAMES",
    "TIME_NOUNS",
    "TIME_WORDS",
    "NameIndex",
    "NameMention",
    "department_pattern",
    "index_names",
    "introduces",
    "name_at",
]

# English connectors join names of media and firms (``Mail on Sunday``, ``Bank for …``); ``of``
# is left out, being Dutch ``or`` (``Rutte of Kaag``).
# ``in``, ``op`` and ``aan`` open a surname only before an article (``Sophie in 't Veld``, ``Op de
# Beeck``); alone they join a person to a place (``Olivier in Zandvoort``).
_ARTICLE_PREPOSITIONS = ("in", "op", "aan")
_ARTICLE_PARTICLES = frozenset({"'t", "’t", "de", "der", "den", "het"})
# ``&`` joins the names of firms and bodies (``Autoriteit Consument & Markt``, ``Procter & Gamble``).
_PARTICLES = (
    r"(?:van|de|der|den|het|ter|ten|te|'t|’t|von|zu|da|di|del|della|le|la|du|dos|el|al|bin|ben|&"
    rf"|(?:{'|'.join(_ARTICLE_PREPOSITIONS)})(?=[ \t\u00a0]+(?:{'|'.join(sorted(_ARTICLE_PARTICLES))})\b)"
    r"|on|the|for)"
)
# ``Centraal Bureau voor de Statistiek``, ``Raad voor de Rechtspraak``: two runs that ``voor de``
# joins into one body's name (after an organisation's word only: not ``Rutte voor de Kamer``).
_VOOR_DE = regex.compile(r"[ \t\u00a0]+voor[ \t\u00a0]+(?:de|het)[ \t\u00a0]+")
# A combining mark belongs to the letter before it (``Jose\u0301``, decomposed).
_CAP_WORD = r"\p{Lu}[\p{L}\p{M}'’.&-]*\p{L}\p{M}*|\p{Lu}\p{M}*\.?"
# A particle joins only a capitalised word that is no acronym (``Van Essen``, not ``van CNV``).
_GAP = r"[ \t\u00a0]+"
_JOIN = rf"(?:{_GAP}(?:(?:{_PARTICLES}{_GAP})+(?!\p{{Lu}}{{2}})|)(?:{_CAP_WORD}))"
NAME_RUN = regex.compile(rf"(?:{_CAP_WORD}){_JOIN}*")
# Days and months open sentences as time adverbs (``Zaterdag meldde Buitenlandse Zaken``).
TIME_WORDS = frozenset(
    [
        "maandag",
        "dinsdag",
        "woensdag",
        "donderdag",
        "vrijdag",
        "zaterdag",
        "zondag",
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ]
)
# Nouns of time: a subject headed by one (``de laatste keer``, ``vorige maand``) is a time adverb
# the parse took for a subject, never a speaker.
TIME_NOUNS = frozenset(
    {"keer", "dag", "week", "weekend", "maand", "jaar", "eeuw", "decennium", "kwartaal", "seizoen",
     "avond", "ochtend", "middag", "nacht", "uur", "minuut", "moment", "tijd", "periode"}
)  # fmt: skip
# Capitalised words that start sentences but are no names.
NOT_NAMES = TIME_WORDS | frozenset(
    [
        "de",
        "het",
        "een",
        "dat",
        "dit",
        "die",
        "deze",
        "dan",
        "daar",
        "dus",
        "maar",
        "en",
        "of",
        "want",
        "ook",
        "toch",
        "nu",
        "toen",
        "als",
        "hij",
        "zij",
        # Question words open sentences and colon leads (``Wat volgt is …:``).
        "wat",
        "wie",
        "waar",
        "hoe",
        "waarom",
        "wanneer",
        "welke",
        "ze",
        "wij",
        "we",
        "ik",
        "je",
        "jij",
        "u",
        "men",
        "er",
        "in",
        "op",
        "aan",
        "van",
        "voor",
        "met",
        "bij",
        "uit",
        "na",
        "naar",
        "over",
        "om",
        "tot",
        "door",
        "volgens",
        "aldus",
        "zo",
        "wel",
        "niet",
        "nog",
        "al",
        "alle",
        "veel",
        "meer",
        "wat",
        "wie",
        "waar",
        "hoe",
        "waarom",
        "wanneer",
        "welke",
        "geen",
        "iets",
        "niets",
        "iemand",
        "niemand",
        "ieder",
        "iedereen",
        "elke",
        "elk",
        "zijn",
        "haar",
        "hun",
        "ons",
        "onze",
        "mijn",
        "jouw",
        "uw",
        "het's",
        "sinds",
        "tijdens",
        "omdat",
        # Adverbs that often open a sentence (``Vooral Kamerlid Henk van Gerven``).
        "vooral",
        "zelfs",
        "alleen",
        "juist",
        "daarom",
        "bovendien",
        "inmiddels",
        "intussen",
        "vervolgens",
        "uiteindelijk",
        "later",
        "eerder",
        "gisteren",
        "vandaag",
        "morgen",
        # Subordinators open sentences too (``Totdat Bierman moest vaststellen``).
        "totdat",
        "nadat",
        "voordat",
        "zodat",
        "hoewel",
        "zodra",
        "tenzij",
        "indien",
        "terwijl",
        "hoewel",
        "terwijl",
        "zoals",
        "zonder",
        "behalve",
        "ja",
        "nee",
        "oké",
        "volgens",
        "mr",
        "dr",
        "drs",
        "ir",
        "prof",
        "mevrouw",
        "meneer",
        "heer",
    ]
)


@attrs.frozen(slots=True)
class NameMention:
    """A proper-name run in the document."""

    start: int
    """Offset of the first character."""
    end: int
    """Offset past the last character."""
    text: str
    """The name as written."""

    @property
    def surname(self) -> str:
        return self.text.split()[-1].casefold().strip(".")


_PRONOUNS = frozenset({"hij", "zij", "ze", "we", "wij", "ik", "je", "jij", "u", "men"})
# Articles, conjunctions and prepositions that open sentences and never end a name (unlike
# ``Meer``, ``Wel``).
_OPENING_FUNCTION_WORDS = frozenset(
    {
        "de",
        "het",
        "een",
        "en",
        "maar",
        "of",
        "want",
        "dus",
        "toen",
        "als",
        "dat",
        "die",
        "dit",
        "deze",
        "er",
        "hoewel",
        "omdat",
        "terwijl",
        "nadat",
        "voordat",
        "zodra",
        "zodat",
        "toch",
        "ook",
        "met",
        "voor",
        "na",
        "bij",
        "door",
        "naar",
        "over",
        "tot",
        "uit",
        "om",
        "tijdens",
        "sinds",
        "tegen",
    }
)
# Adjectives from place names are capitalised (``Amsterdamse``, ``Belgische``, ``Chinese``);
# names rarely end so (the endings leave out ``Elise``, ``Therese``).
_ADJECTIVE_ENDINGS = ("sche", "aanse", "andse", "amse", "tse", "anse", "pese", "gese", "nese")
_NAME_PARTICLES = frozenset({"van", "de", "der", "den", "ter", "ten", "te", "het", "in", "op"})
_AFFILIATION_PARTICLES = _NAME_PARTICLES - {"ter", "ten"}
_ACRONYM_NOUN_ENDINGS = ("'er", "'ers", "’er", "’ers")


def index_names(
    text: str,
    is_role: Callable[[str], bool] = lambda word: False,
    departments: Sequence[str] = (),
    is_organisation: Callable[[str], bool] = lambda word: False,
) -> list[NameMention]:
    """Proper-name runs of the whole text, in order.

    Leading words that are no names are dropped: sentence-initial function words (``De``,
    ``Volgens``) unless they are a name particle before a name (``Van Beurden``), role
    nouns (``EU-president Donald Tusk`` → ``Donald Tusk``) as ``is_role`` tells. The
    ``departments`` are no part of any name (``minister van Buitenlandse Zaken Wang Yi`` →
    ``Wang Yi``). ``voor de`` stays inside a name only after a word that ``is_organisation``
    tells is an organisation's (``Centraal Bureau voor de Statistiek``, not ``Rutte voor de
    Tweede Kamer``).
    """
    names: list[NameMention] = []
    for match in NAME_RUN.finditer(_without(text, departments)):
        words = match.group().split()
        # ``Cadeaupolitiek Volgens Breuker``: a heading runs into the sentence that ``Volgens``
        # opens (it has a capital nowhere else); the name starts after it.
        opening = next((k for k, word in enumerate(words) if k and word == "Volgens"), None)
        if opening is not None:
            words = words[opening + 1 :]
        firm = "&" in words  # ``Autoriteit Consument & Markt``: role nouns inside a firm's name
        while words:
            low = words[0].casefold().strip(".")
            # A name opens with a particle only capitalised (``Van Beurden``; not ``Ook het X``).
            particle_before_name = low in _NAME_PARTICLES and len(words) > 1 and words[0][:1].isupper()
            # ``SP'er Jasper van Dijk``: a noun made from an acronym is a role word too.
            role_word = (
                len(words) > 1 and not firm and (is_role(words[0]) or low.endswith(_ACRONYM_NOUN_ENDINGS))
            )
            if (low in NOT_NAMES and not particle_before_name) or role_word:
                words = words[1:]
                continue
            break
        # ``Rugwind CNV-voorzitter Arend van Wijngaarden``, ``Tweede Kamervoorzitter Khadija Arib``: a
        # role word inside the run ends the words before the name (a headline, an ordinal).
        for index in range(len(words) - 2, 0, -1):
            if is_role(words[index]) and words[index + 1][:1].isupper() and not firm:
                words = words[index + 1 :]
                break
        # ``Jan van Zanen van Utrecht``: a particle after first and last name starts an
        # affiliation, not the name; ``ter``/``ten`` open none (``Anco Scholte ter Horst``).
        # An institution keeps it: ``Nationaal Museum van Wereldculturen`` (a role word before it).
        capitals = 0
        for index, word in enumerate(words):
            if word.casefold() in _AFFILIATION_PARTICLES and capitals >= 2 and word[:1].islower():
                if not any(is_role(earlier) or is_organisation(earlier) for earlier in words[:index]):
                    words = words[:index]
                break
            capitals += word[:1].isupper()
        # ``Grondpatroon Hij weerspreekt``, ``Vlek Een schilder``: a headline word runs into the
        # capitalised pronoun or function word that opens the next sentence.
        while len(words) > 1 and words[-1].casefold() in _PRONOUNS | _OPENING_FUNCTION_WORDS:
            words = words[:-1]
        # ``ANDER COMMENTAAR INF-VERDRAG``: words in capitals that open the run are a headline.
        shouted = next((k for k, word in enumerate(words) if not word.isupper()), len(words))
        if shouted >= 2:
            words = words[shouted:]
        # ``LHBT'ers``, ``de PVV'er``: a noun made from an acronym names a kind of person, no one.
        while words and words[-1].casefold().endswith(_ACRONYM_NOUN_ENDINGS):
            words = words[:-1]
        if not words or (len(words) == 1 and (words[0].casefold() in NOT_NAMES or len(words[0]) == 1)):
            continue
        if all(word.casefold() in _NAME_PARTICLES or word.endswith(_ADJECTIVE_ENDINGS) for word in words):
            continue  # ``De Amsterdamse``, ``Franse``: an adjective from a place name, no name
        start = match.start() + match.group().find(words[0])
        end = start + len(" ".join(words))
        if text[start:end].split() != words:  # words were joined by other white space
            end = match.end() if len(words) == len(match.group().split()) else start + len(words[0])
        previous = names[-1] if names else None
        joint = _VOOR_DE.fullmatch(text, previous.end, start) if previous is not None else None
        if previous is not None and joint is not None and is_organisation(previous.text.split()[-1]):
            names[-1] = NameMention(previous.start, end, text[previous.start : end])
            continue
        names.append(NameMention(start, end, text[start:end]))
    return names


def _without(text: str, phrases: Sequence[str]) -> str:
    """``text`` with each occurrence of the phrases blanked out (same length, so offsets hold)."""
    if not phrases:
        return text
    pattern = department_pattern(tuple(phrases))
    return pattern.sub(lambda match: " " * len(match.group()), text) if pattern.search(text) else text


@functools.cache
def department_pattern(phrases: tuple[str, ...]) -> regex.Pattern[str]:
    """One pattern for any of the phrases, as whole words, white space between words free."""
    alternatives = "|".join(
        regex.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True)
    )
    return regex.compile(rf"\b(?:{alternatives})\b")


def introduces(name: NameMention) -> bool:
    """Whether the name can introduce a person: a first name and a surname, two words besides
    particles (``Jan van der Meer``; not ``Van der Meer`` or ``De Klimaatwet``, which open a
    sentence as a bare surname or a capitalised noun would)."""
    words = name.text.split()
    opens_with_preposition = words[0][:1].isupper() and words[0].casefold() in _ARTICLE_PREPOSITIONS
    if opens_with_preposition and (len(words) < 2 or words[1].casefold() not in _ARTICLE_PARTICLES):
        # ``In Verloren Land``: a title opening with a preposition; a surname opens so only
        # before an article (``In 't Veld``, ``Op de Beeck``).
        return False
    if words[0].endswith((*_ADJECTIVE_ENDINGS, "iale", "nale", "rale")):
        # ``Eurosceptische Europarlementariërs``, ``Provinciale Staten``: an adjective opens no
        # person's name.
        return False
    return sum(word.casefold() not in _NAME_PARTICLES for word in words) >= 2


def name_at(names: Sequence[NameMention], start: int, end: int) -> NameMention | None:
    """The name run that contains the character range ``[start, end)``."""
    for name in names:
        if name.start <= start and end <= name.end:
            return name
        if name.start > start:
            break
    return None


class NameIndex:
    """The name runs of one document with the lookups the rules make, each a dictionary access or
    a binary search (a scan over all names per lookup made long documents quadratic).

    ``names`` must be in text order and must not overlap, as :func:`index_names` gives them.
    Every lookup answers exactly what the scan it replaces (named in its docstring) answered.
    """

    __slots__ = (
        "_by_first_word",
        "_by_initials",
        "_by_start",
        "_by_surname",
        "_first_full",
        "_starts",
        "names",
        "surnames",
    )

    def __init__(self, names: Sequence[NameMention]) -> None:
        self.names: list[NameMention] = list(names)
        """The names, in text order."""
        self.surnames: list[str] = [name.surname for name in self.names]
        """``names[i].surname``, computed once."""
        self._starts = [name.start for name in self.names]
        self._by_start: dict[int, NameMention] = {}
        # Per surname: the starts of its names and the fullest name among those up to each one.
        self._by_surname: dict[str, tuple[list[int], list[str]]] = {}
        self._first_full: dict[str, int] = {}
        self._by_first_word: dict[str, tuple[list[int], list[str]]] = {}
        self._by_initials: dict[str, str] = {}
        for name, surname in zip(self.names, self.surnames, strict=True):
            words = name.text.split()
            self._by_start.setdefault(name.start, name)
            starts, fullest = self._by_surname.setdefault(surname, ([], []))
            # A tie keeps the earlier name (the scan replaced kept the first longest).
            best = fullest[-1] if fullest and len(fullest[-1].split()) >= len(words) else name.text
            starts.append(name.start)
            fullest.append(best)
            if introduces(name):
                self._first_full.setdefault(surname, name.start)
            if len(words) >= 2:
                capitals = "".join(word[0] for word in words if word[:1].isupper())
                self._by_initials.setdefault(capitals, name.text)
            # ``Fred`` after ``Zijdewinder Fred Boekel``: a capitalised word before the first name
            # (a demonym, a title) leaves the first name inside the run, so every inner
            # capitalised word also opens the name from there on.
            offset = 0
            for index, word in enumerate(words[:-1]):
                offset = name.text.index(word, offset)
                if index == 0 or (word[:1].isupper() and word.casefold() not in _NAME_PARTICLES):
                    first_starts, texts = self._by_first_word.setdefault(word, ([], []))
                    first_starts.append(name.start + offset)
                    texts.append(name.text[offset:])
                offset += len(word)

    def at(self, start: int, end: int) -> NameMention | None:
        """The name that contains ``[start, end)``: :func:`name_at` over :attr:`names`."""
        if end <= start:
            return name_at(self.names, start, end)  # an empty range may touch two names
        index = bisect.bisect_right(self._starts, start) - 1
        # Names do not overlap, so only the last one starting at or before ``start`` can hold it.
        if index >= 0 and end <= self.names[index].end:
            return self.names[index]
        return None

    def starting_at(self, offset: int) -> NameMention | None:
        """The name that starts at ``offset``: the first ``n`` in :attr:`names` with ``n.start == offset``."""
        return self._by_start.get(offset)

    def starting_in(self, low: int, high: int) -> list[NameMention]:
        """The names with ``low <= start < high``, in text order."""
        return self.names[bisect.bisect_left(self._starts, low) : bisect.bisect_left(self._starts, high)]

    def fullest(self, surname: str, through: int | None = None) -> str | None:
        """The name with this surname and the most words, the first of equally long ones: among
        all names, or only those that start at or before ``through``."""
        found = self._by_surname.get(surname)
        if found is None:
            return None
        starts, fullest = found
        if through is None:
            return fullest[-1]
        index = bisect.bisect_right(starts, through)
        return fullest[index - 1] if index else None

    def introduced_at(self, surname: str) -> int | None:
        """Where a name with this surname that :func:`introduces` a person first starts, or None."""
        return self._first_full.get(surname)

    def with_initials(self, acronym: str) -> str | None:
        """The first name of two or more words whose capitals spell ``acronym`` (``KF`` → ``Kathleen
        Ferrier``)."""
        return self._by_initials.get(acronym)

    def last_with_first_word(self, word: str, through: int) -> str | None:
        """The last name with a space in it that has ``word`` first or capitalised before its last
        word, from that word on, among those whose part from that word starts at or before
        ``through`` (``Fred`` → ``Fred Boekel``, also in ``Zijdewinder Fred Boekel``)."""
        found = self._by_first_word.get(word)
        if found is None:
            return None
        starts, texts = found
        index = bisect.bisect_right(starts, through)
        return texts[index - 1] if index else None
