"""Exceptions raised by quoteattr.

Every error the library raises on purpose derives from :class:`QuoteAttrError`, so a
caller can catch them all at once. Wrong argument types raise the built-in
:class:`TypeError` (with the argument named), as Python code expects.

Hierarchy::

    QuoteAttrError
    ├── ModelError               the Stanza models could not be found or loaded
    │   └── ModelNotFoundError   a model file or folder does not exist
    ├── ParseError               Stanza failed on a sentence it was given
    ├── ConlluError              a CoNLL-U file is malformed (file and line named)
    ├── GoldFormatError          a gold or system JSONL record breaks GUIDELINES.md
    └── InputError               a document cannot be read (file and line named)
"""

from __future__ import annotations

__all__ = [
    "QuoteAttrError",
    "ModelError",
    "ModelNotFoundError",
    "ParseError",
    "ConlluError",
    "GoldFormatError",
    "InputError",
]


class QuoteAttrError(Exception):
    """Base class of all errors raised by quoteattr."""


class ModelError(QuoteAttrError):
    """The Stanza models could not be loaded."""


class ModelNotFoundError(ModelError):
    """A model file or folder does not exist."""


class ParseError(QuoteAttrError):
    """Stanza failed on input that quoteattr handed to it."""


class ConlluError(QuoteAttrError):
    """A CoNLL-U file is malformed."""


class GoldFormatError(QuoteAttrError):
    """A gold or system-output record does not follow the GUIDELINES format."""


class InputError(QuoteAttrError):
    """An input document could not be read."""
