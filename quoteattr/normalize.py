"""One-for-one character mapping applied to text before it reaches Stanza.

The treebanks the models learn from write straight quotes (``"``, ``'``) and Alpino's
``,,``/``''``, never curly ones. Mapping each curly or angle mark to a straight one of the
same length keeps every character offset valid, so nothing needs re-aligning.
"""

from __future__ import annotations

__all__ = ["for_parser"]

_TABLE = str.maketrans(
    {
        "\u2018": "'",  # ‘
        "\u2019": "'",  # ’
        "\u201a": "'",  # ‚
        "\u201b": "'",  # ‛
        "\u2039": "'",  # ‹
        "\u203a": "'",  # ›
        "\u2032": "'",  # ′
        "\u201c": '"',  # “
        "\u201d": '"',  # ”
        "\u201e": '"',  # „
        "\u201f": '"',  # ‟
        "\u00ab": '"',  # «
        "\u00bb": '"',  # »
        "\u2033": '"',  # ″
    }
)


def for_parser(text: str) -> str:
    """``text`` with curly and angle quotation marks made straight; same length."""
    return text.translate(_TABLE)
