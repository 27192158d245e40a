"""Training data for the shipped Dutch models: collect, deduplicate, augment.

Sources (all under ``../shared/data``):

* ``ud-extra/*.conllu`` (top level, not ``unvetted/``): the Alpino treebank suites that
  make up UD_Dutch-Alpino train, plus the other maintained Alpino suites.
* ``ud/UD_Dutch-LassySmall`` dev and test: another Dutch treebank, used as training data.
* ``ud/UD_Dutch-Alpino`` dev selects models; Alpino test is never trained on.

Every training sentence whose text also occurs in Alpino dev or test is dropped, and so
is every repeated sentence inside the training data.

``ud-extra`` was converted with a newer ``alud`` (ALUD2.17) than the UD releases of Alpino
dev/test (ALUD2.12) and LassySmall (ALUD2.13), which write no ``Mood`` and no ``PronType`` on
determiners; :func:`harmonise_features` drops both, so the tagger learns one convention, the
one it is scored on.

Dutch UD data holds no curly quotes (Alpino writes ``,,`` and ``''``). Inference maps each
curly mark one-for-one to a straight one (:mod:`quoteattr.normalize`), so the augmentation
only has to teach the models straight ``"`` and ``'`` quotes next to ``,,``/``''``.
"""

from __future__ import annotations

import random
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import attrs

__all__ = [
    "Sentence",
    "read_sentences",
    "write_sentences",
    "dedup_key",
    "harmonise_features",
    "augment_quotes",
    "plain_text",
    "paragraphs",
]

_SPACES = re.compile(r"\s+")


@attrs.frozen(slots=True)
class Sentence:
    """One CoNLL-U sentence kept as text lines (comments and word lines)."""

    sent_id: str
    """The ``# sent_id`` value, or a generated one."""
    comments: tuple[str, ...]
    """Comment lines other than ``# text`` (rebuilt from the words on writing)."""
    rows: tuple[tuple[str, ...], ...]
    """Word lines split in their ten columns; no empty nodes, no multiword ranges."""

    @property
    def forms(self) -> list[str]:
        return [row[1] for row in self.rows]

    @property
    def text(self) -> str:
        out: list[str] = []
        for row in self.rows:
            out.append(row[1])
            if "SpaceAfter=No" not in row[9].split("|"):
                out.append(" ")
        return "".join(out).rstrip()


def read_sentences(path: Path) -> Iterator[Sentence]:
    """Read a CoNLL-U file, dropping empty nodes (their IDs contain a dot)."""
    comments: list[str] = []
    rows: list[tuple[str, ...]] = []
    sent_id = ""
    counter = 0
    with path.open(encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if not line:
                if rows:
                    counter += 1
                    yield Sentence(sent_id or f"{path.stem}-{counter}", tuple(comments), tuple(rows))
                comments, rows, sent_id = [], [], ""
                continue
            if line.startswith("#"):
                if line.startswith("# sent_id"):
                    sent_id = line.split("=", 1)[1].strip()
                if not line.startswith("# text"):
                    comments.append(line)
                continue
            cols = tuple(line.split("\t"))
            if "." in cols[0] or "-" in cols[0]:
                continue
            # Enhanced graphs may point at the dropped empty nodes; the basic tree never does.
            rows.append((*cols[:8], "_", cols[9]))
    if rows:
        counter += 1
        yield Sentence(sent_id or f"{path.stem}-{counter}", tuple(comments), tuple(rows))


def write_sentences(sentences: Iterable[Sentence], path: Path) -> int:
    """Write sentences as CoNLL-U with a fresh ``# text``; return how many."""
    count = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for sentence in sentences:
            for comment in sentence.comments:
                handle.write(comment + "\n")
            handle.write(f"# text = {sentence.text}\n")
            for row in sentence.rows:
                handle.write("\t".join(row) + "\n")
            handle.write("\n")
            count += 1
    return count


def harmonise_features(sentence: Sentence) -> Sentence:
    """``sentence`` with the features of the UD releases it is scored against: no ``Mood`` (on
    every word) and no ``PronType`` on determiners (``de``: ``Definite=Def|PronType=Art`` →
    ``Definite=Def``)."""
    rows = []
    for row in sentence.rows:
        feats = [
            f
            for f in row[5].split("|")
            if f != "_" and not f.startswith("Mood=") and not (row[3] == "DET" and f.startswith("PronType="))
        ]
        rows.append((*row[:5], "|".join(feats) or "_", *row[6:]))
    return attrs.evolve(sentence, rows=tuple(rows))


def dedup_key(text: str) -> str:
    """Key under which two sentences count as the same: case and spacing ignored."""
    return _SPACES.sub("", text).casefold()


# Pairs of (opening, closing) forms that Dutch text uses and UD Dutch lacks or has rarely.
_QUOTE_STYLES: tuple[tuple[str, str], ...] = ((",,", "''"), ('"', '"'), ("'", "'"))
_OPENERS = {",,", '"', "'", "«"}
_CLOSERS = {"''", '"', "'", "»"}


def _quote_pairs(forms: Sequence[str], rows: Sequence[tuple[str, ...]]) -> list[tuple[int, int]]:
    """Indices of quote-mark tokens that pair up as opening/closing punctuation."""
    pairs: list[tuple[int, int]] = []
    open_at: int | None = None
    for index, (form, row) in enumerate(zip(forms, rows, strict=True)):
        if row[3] != "PUNCT":
            continue
        if open_at is None and form in _OPENERS:
            open_at = index
        elif open_at is not None and form in _CLOSERS:
            pairs.append((open_at, index))
            open_at = None
    return pairs


def augment_quotes(sentences: Sequence[Sentence], rng: random.Random, share: float = 0.6) -> list[Sentence]:
    """Copies of quote-bearing sentences with the marks swapped to another convention.

    ``share`` of the sentences that hold a quote pair get one copy in a randomly chosen
    other style; the trees are unchanged because only the punctuation forms change.
    """
    extra: list[Sentence] = []
    for sentence in sentences:
        pairs = _quote_pairs(sentence.forms, sentence.rows)
        if not pairs or rng.random() > share:
            continue
        own = sentence.forms[pairs[0][0]]
        opener, closer = rng.choice([style for style in _QUOTE_STYLES if style[0] != own])
        rows = [list(row) for row in sentence.rows]
        for start, end in pairs:
            if rows[start][1] == opener:
                continue
            rows[start][1] = rows[start][2] = opener
            rows[end][1] = rows[end][2] = closer
        extra.append(
            Sentence(
                sent_id=sentence.sent_id + "-q",
                comments=tuple(
                    c if not c.startswith("# sent_id") else f"# sent_id = {sentence.sent_id}-q"
                    for c in sentence.comments
                ),
                rows=tuple(tuple(row) for row in rows),
            )
        )
    return extra


_PARAGRAPH_ID = re.compile(r"^(.*\.p\.\d+)\.s\.\d+$")


def paragraphs(sentences: Sequence[Sentence], rng: random.Random) -> list[list[Sentence]]:
    """Group sentences into paragraphs: by ``…p.N.s.M`` ids, else random runs of 1–6."""
    groups: list[list[Sentence]] = []
    current_key: str | None = None
    for sentence in sentences:
        match = _PARAGRAPH_ID.match(sentence.sent_id)
        key = match.group(1) if match else None
        if key is not None and key == current_key:
            groups[-1].append(sentence)
            continue
        if key is None and groups and current_key is None and len(groups[-1]) < rng.randint(1, 6):
            groups[-1].append(sentence)
            continue
        groups.append([sentence])
        current_key = key
    return groups


def plain_text(groups: Sequence[Sequence[Sentence]]) -> str:
    """Raw text for tokenizer training: sentences joined by a space, paragraphs by a blank line."""
    return "\n\n".join(" ".join(s.text for s in group) for group in groups) + "\n"


def relation_tags(
    sentences: Iterable[Sentence], min_count: int = 5, min_share: float = 0.95
) -> dict[tuple[str, str], str]:
    """(lower-cased form, relation) → UPOS for the pairs the treebank tags one way: at least
    ``min_share`` of at least ``min_count`` words (``dat``/``mark`` → ``SCONJ``, ``dat``/``nsubj``
    → ``PRON``). The parser's relation then settles a tag the tagger, which never sees the tree,
    got wrong (:func:`quoteattr.parsing.upos_for_relation`)."""
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for sentence in sentences:
        for row in sentence.rows:
            counts[(row[1].lower(), row[7])][row[3]] += 1
    table = {}
    for pair, tags in counts.items():
        total = sum(tags.values())
        tag, count = tags.most_common(1)[0]
        if total >= min_count and count >= min_share * total:
            table[pair] = tag
    return table
