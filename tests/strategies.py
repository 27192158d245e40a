"""Shared hypothesis strategies for the tests (each contributor's part in its own section)."""

from __future__ import annotations

from hypothesis import strategies as st

# ============================================================================ marks (quote-mark scanner)
# Texts dense in quotation marks, apostrophes, paragraph breaks and awkward characters, for
# tests/test_marks.py and any other test that needs quote-like input.

QUOTE_FRAGMENTS: tuple[str, ...] = (
    *"\"'‘’‚‛“”„‟«»‹›",
    ",,",
    "''",
    ",",
    " ",
    " ",
    ".",
    ":",
    "?",
    "!",
    "…",
    "(",
    ")",
    "-",
    "–",
    "\n",
    "\n\n",
    "\r\n\r\n",
    "\r\r",
    "\r",
    "\t",
    "\u2029",
    "\x00",
    "\ud800",  # lone surrogate
    "e\u0301",  # combining accent
    "s",
    "t",
    "n",
    "80",
    "Het",
    "zei",
    "hij",
    "'s",
    "'t",
    "zo'n",
    "auto's",
    "foto’s",
)
"""Pieces that :func:`quote_texts` strings together."""


@st.composite
def quote_texts(draw: st.DrawFn, max_fragments: int = 60) -> str:
    """A text made of :data:`QUOTE_FRAGMENTS`, with now and then arbitrary text between."""
    parts = draw(
        st.lists(
            st.one_of(st.sampled_from(QUOTE_FRAGMENTS), st.text(max_size=3)),
            max_size=max_fragments,
        )
    )
    return "".join(parts)


def dutch_words() -> st.SearchStrategy[str]:
    """Short lower-case words of plain letters (Dutch-looking, never empty)."""
    return st.text(alphabet="abcdefghijklmnoprstuvwyzé", min_size=1, max_size=8)


# ============================================================================ end of marks section
