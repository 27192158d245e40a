"""The parsed-text types the rules work on, independent of Stanza.

A :class:`ParsedDocument` holds the caller's original text and the parsed sentences,
each token with character offsets into that text. Stanza output (see
:mod:`quoteattr.parsing`) and gold CoNLL-U files (see :mod:`quoteattr.conllu`) are both
converted into these types, so the rules can be tested on gold trees.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

__all__ = ["Token", "Sentence", "ParsedDocument"]


@attrs.frozen(slots=True)
class Token:
    """One syntactic word of a dependency tree."""

    id: int
    """1-based position in the sentence (the CoNLL-U ID)."""
    text: str
    """The word form as in the original text."""
    lemma: str
    """Lemma (``_`` when none was computed); Alpino compounds keep their ``_`` joins."""
    upos: str
    """Universal POS tag."""
    feats: str
    """UD features, ``Name=Value|…`` or ``_``."""
    head: int
    """ID of the head token, 0 for the root."""
    deprel: str
    """Universal dependency relation, with subtype (``obl:agent``)."""
    start: int
    """Offset of the first character in the original text."""
    end: int
    """Offset just past the last character."""

    def feat(self, name: str) -> str | None:
        """The value of feature ``name``, or None."""
        for pair in self.feats.split("|"):
            key, _, value = pair.partition("=")
            if key == name:
                return value
        return None


@attrs.frozen(slots=True)
class Sentence:
    """One parsed sentence."""

    tokens: tuple[Token, ...]
    """The words in order; ``tokens[i].id == i + 1``."""
    paragraph: int = 0
    """Index of the paragraph (blank-line separated block) the sentence belongs to."""
    parsed: bool = True
    """False for a sentence that was only tokenised (no candidate): tags ``X``, no tree."""

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end

    def token(self, token_id: int) -> Token:
        """The token with CoNLL-U ID ``token_id`` (1-based)."""
        return self.tokens[token_id - 1]

    def children(self, token_id: int) -> list[Token]:
        """Direct dependents of ``token_id`` (0 gives the root)."""
        return [t for t in self.tokens if t.head == token_id]

    def subtree(self, token_id: int) -> list[Token]:
        """``token_id`` and everything below it, in sentence order."""
        keep = {token_id}
        changed = True
        while changed:
            changed = False
            for t in self.tokens:
                if t.head in keep and t.id not in keep:
                    keep.add(t.id)
                    changed = True
        return [t for t in self.tokens if t.id in keep]

    def ancestors(self, token_id: int) -> Iterator[Token]:
        """Heads of ``token_id`` upward, nearest first (cycle-safe)."""
        seen = {token_id}
        head = self.token(token_id).head
        while head and head not in seen:
            seen.add(head)
            token = self.token(head)
            yield token
            head = token.head


@attrs.frozen(slots=True)
class ParsedDocument:
    """A text and the parses of (some of) its sentences."""

    text: str
    """The caller's original text; all offsets point into it."""
    sentences: tuple[Sentence, ...]
    """Parsed sentences in text order (possibly only the candidate sentences)."""
