"""Proper-name runs found on the surface of the text.

Names are found with one regular expression (capitalised words joined by Dutch and
foreign name particles: ``Cath de Hondt``, ``Jos van Beurden``), not with the parser: the
mention of a speaker must be the whole name even where the parse splits it, and the
sentences that introduce a person are often not parsed at all.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs
import regex

__all__ = ["NAME_RUN", "NOT_NAMES", "NameMention", "index_names", "name_at"]

_PARTICLES = (
    r"(?:van|de|der|den|het|ter|ten|te|in|'t|’t|von|zu|da|di|del|della|le|la|du|dos|el|al|bin|ben|op|aan)"
)
_CAP_WORD = r"\p{Lu}[\p{L}\p{M}'’.-]*\p{L}|\p{Lu}\.?"
# A particle joins only a capitalised word that is no acronym (``Van Essen``, not ``van CNV``).
_GAP = r"[ \t\u00a0]+"
_JOIN = rf"(?:{_GAP}(?:(?:{_PARTICLES}{_GAP})+(?!\p{{Lu}}{{2}})|)(?:{_CAP_WORD}))"
NAME_RUN = regex.compile(rf"(?:{_CAP_WORD}){_JOIN}*")
# Capitalised words that start sentences but are no names.
NOT_NAMES = frozenset(
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


_NAME_PARTICLES = frozenset({"van", "de", "der", "den", "ter", "ten", "te", "het", "in", "op"})


def index_names(text: str, is_role: Callable[[str], bool] = lambda word: False) -> list[NameMention]:
    """Proper-name runs of the whole text, in order.

    Leading words that are no names are dropped: sentence-initial function words (``De``,
    ``Volgens``) unless they are a name particle before a name (``Van Beurden``), and role
    nouns (``EU-president Donald Tusk`` → ``Donald Tusk``) as ``is_role`` tells.
    """
    names: list[NameMention] = []
    for match in NAME_RUN.finditer(text):
        words = match.group().split()
        while words:
            low = words[0].casefold().strip(".")
            particle_before_name = low in _NAME_PARTICLES and len(words) > 1
            if (low in NOT_NAMES and not particle_before_name) or (len(words) > 1 and is_role(words[0])):
                words = words[1:]
                continue
            break
        # ``Jan van Zanen van Utrecht``: a particle after first and last name starts an
        # affiliation, not the name.
        capitals = 0
        for index, word in enumerate(words):
            if word.casefold() in _NAME_PARTICLES and capitals >= 2 and word[:1].islower():
                words = words[:index]
                break
            capitals += word[:1].isupper()
        if not words or (len(words) == 1 and (words[0].casefold() in NOT_NAMES or len(words[0]) == 1)):
            continue
        start = match.start() + match.group().find(words[0])
        end = start + len(" ".join(words))
        if text[start:end].split() != words:  # words were joined by other white space
            end = match.end() if len(words) == len(match.group().split()) else start + len(words[0])
        names.append(NameMention(start, end, text[start:end]))
    return names


def name_at(names: Sequence[NameMention], start: int, end: int) -> NameMention | None:
    """The name run that contains the character range ``[start, end)``."""
    for name in names:
        if name.start <= start and end <= name.end:
            return name
        if name.start > start:
            break
    return None
