"""quoteattr: find quotations in Dutch text and say who said them.

>>> from quoteattr import Attributor
>>> attributor = Attributor()                       # the shipped compact Dutch models
>>> for quote in attributor.extract("‘Het gaat goed’, aldus Sergei Lavrov."):
...     print(quote.kind.value, quote.content.text, quote.speaker.name)   # doctest: +SKIP
direct Het gaat goed Sergei Lavrov
"""

from quoteattr._version import __version__
from quoteattr.attributor import Attributor
from quoteattr.document import ParsedDocument, Sentence, Token
from quoteattr.errors import (
    ConlluError,
    GoldFormatError,
    InputError,
    ModelError,
    ModelNotFoundError,
    ParseError,
    QuoteAttrError,
)
from quoteattr.parsing import DependencyParser, StanzaParser, WordAnalysis
from quoteattr.quote import Cue, Quote, QuoteKind, Span, Speaker

__all__ = [
    "__version__",
    "Attributor",
    "Quote",
    "QuoteKind",
    "Span",
    "Cue",
    "Speaker",
    "ParsedDocument",
    "Sentence",
    "Token",
    "DependencyParser",
    "StanzaParser",
    "WordAnalysis",
    "QuoteAttrError",
    "ModelError",
    "ModelNotFoundError",
    "ParseError",
    "ConlluError",
    "GoldFormatError",
    "InputError",
]
