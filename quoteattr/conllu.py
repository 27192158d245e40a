"""Read CoNLL-U dependency trees into :class:`~quoteattr.document.ParsedDocument`.

Used to run the rules on gold trees (tests, and scoring with gold parses so parser
errors can be told apart from rule errors). Tokens are located in a given text, so the
offsets of a gold tree can point into a gold-standard passage whose spacing differs from
the treebank's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import attrs

from quoteattr.document import ParsedDocument, Sentence, Token
from quoteattr.errors import ConlluError

__all__ = ["TreeRow", "Tree", "read_trees", "parse_trees", "align_trees", "document_from_trees"]


@attrs.frozen(slots=True)
class TreeRow:
    """One word line of a CoNLL-U sentence."""

    id: int
    """1-based word index."""
    form: str
    """Word form."""
    lemma: str
    """Lemma."""
    upos: str
    """Universal POS tag."""
    feats: str
    """Features or ``_``."""
    head: int
    """Head index, 0 for root."""
    deprel: str
    """Dependency relation."""
    space_after: bool
    """False when MISC says ``SpaceAfter=No``."""


@attrs.frozen(slots=True)
class Tree:
    """One CoNLL-U sentence."""

    sent_id: str
    """The ``# sent_id`` comment, or ``""``."""
    text: str
    """The ``# text`` comment, or the words joined by their spacing."""
    rows: tuple[TreeRow, ...]
    """Word lines; multiword ranges and empty nodes are left out."""


def parse_trees(lines: Iterable[str], source: str = "<string>") -> Iterator[Tree]:
    """Parse CoNLL-U lines; errors name ``source`` and the line number."""
    rows: list[TreeRow] = []
    sent_id = text = ""
    number = 0
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            if rows:
                yield _tree(sent_id, text, rows)
            rows, sent_id, text = [], "", ""
            continue
        if line.startswith("#"):
            key, _, value = line[1:].partition("=")
            if key.strip() == "sent_id":
                sent_id = value.strip()
            elif key.strip() == "text":
                text = value.strip()
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            raise ConlluError(f"{source}:{number}: expected 10 tab-separated columns, got {len(cols)}")
        if "-" in cols[0] or "." in cols[0]:
            continue
        try:
            word_id, head = int(cols[0]), int(cols[6])
        except ValueError as exc:
            raise ConlluError(f"{source}:{number}: ID and HEAD must be integers") from exc
        if word_id != len(rows) + 1:
            raise ConlluError(f"{source}:{number}: word ID {word_id} out of sequence")
        misc = cols[9].split("|")
        rows.append(
            TreeRow(word_id, cols[1], cols[2], cols[3], cols[5], head, cols[7], "SpaceAfter=No" not in misc)
        )
    if rows:
        yield _tree(sent_id, text, rows)


def _tree(sent_id: str, text: str, rows: list[TreeRow]) -> Tree:
    for row in rows:
        if not 0 <= row.head <= len(rows):
            raise ConlluError(f"sentence {sent_id!r}: head {row.head} of word {row.id} out of range")
    if not text:
        text = "".join(row.form + (" " if row.space_after else "") for row in rows).rstrip()
    return Tree(sent_id, text, tuple(rows))


def read_trees(path: str | Path) -> list[Tree]:
    """Read every sentence of a CoNLL-U file."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8") as handle:
            return list(parse_trees(handle, str(path)))
    except OSError as exc:
        raise ConlluError(f"cannot read {path}: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConlluError(f"{path}: not UTF-8 ({exc})") from exc


def align_trees(text: str, trees: Sequence[Tree]) -> list[list[tuple[int, int]]]:
    """Find each word of ``trees`` in ``text``, in order; return (start, end) per word.

    Whitespace between words is skipped; a word must otherwise match exactly.
    """
    offsets: list[list[tuple[int, int]]] = []
    position = 0
    for tree in trees:
        spans = []
        for row in tree.rows:
            start = text.find(row.form, position)
            gap = text[position:start] if start >= 0 else ""
            if start < 0 or gap.strip():
                raise ConlluError(
                    f"sentence {tree.sent_id!r}: word {row.form!r} not found at offset {position} of the text"
                )
            spans.append((start, start + len(row.form)))
            position = start + len(row.form)
        offsets.append(spans)
    return offsets


def document_from_trees(trees: Sequence[Tree], text: str | None = None) -> ParsedDocument:
    """A parsed document from gold trees.

    Without ``text``, the sentences' texts are joined with a space. With ``text``, words
    are located in it (see :func:`align_trees`).
    """
    if text is None:
        text = " ".join(tree.text for tree in trees)
    spans = align_trees(text, trees)
    sentences = []
    paragraph = 0
    previous_end = 0
    for tree, word_spans in zip(trees, spans, strict=True):
        if not word_spans:
            continue
        if "\n\n" in text[previous_end : word_spans[0][0]]:
            paragraph += 1
        tokens = tuple(
            Token(row.id, text[s:e], row.lemma, row.upos, row.feats, row.head, row.deprel, s, e)
            for row, (s, e) in zip(tree.rows, word_spans, strict=True)
        )
        sentences.append(Sentence(tokens, paragraph))
        previous_end = word_spans[-1][1]
    return ParsedDocument(text, tuple(sentences))
