"""The Stanza adapter: the one place where inference touches Stanza.

quoteattr tokenises and splits sentences itself (:mod:`quoteattr.segment`), so the
parser receives pretokenised sentences and returns one :class:`WordAnalysis` per token.
Anything that satisfies the :class:`DependencyParser` protocol can stand in for Stanza
(tests use gold CoNLL-U trees this way).

Two kinds of model folder are understood:

* quoteattr's own compact models (the default, shipped in ``quoteattr/models/nl``): a
  folder with a ``quoteattr-model.json`` manifest naming the model files;
* an official Stanza resources folder, as made by ``stanza.download("nl", model_dir=…)``
  on a machine with internet, loaded with Stanza's usual resource lookup.

Neither ever reaches for the network (``download_method=None``).

Speed: :meth:`StanzaParser.parse_where` tags a batch of sentences and builds trees only for
those a caller asks for, reusing the tags (the lemmatizer and the parser run on those alone);
see :mod:`quoteattr.candidates` for how sentences are chosen. While Stanza runs, its
maximum-spanning-tree decoder (Chu-Liu-Edmonds, pure Python) is swapped for
:func:`chuliu_edmonds_one_root`, the same algorithm with a linear cycle search and no
``numpy.pad``: it gives the same trees, a few times faster.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import attrs

from quoteattr import compact
from quoteattr.document import ParsedDocument, Sentence, Token
from quoteattr.errors import ModelError, ModelNotFoundError, ParseError
from quoteattr.normalize import for_parser

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = [
    "WordAnalysis",
    "SentenceParse",
    "DependencyParser",
    "SelectiveParser",
    "NeedsTree",
    "StanzaParser",
    "parse_where",
    "chuliu_edmonds_one_root",
    "default_model_dir",
    "document_from_stanza",
    "MANIFEST",
]

MANIFEST = "quoteattr-model.json"
# The manifest's "storage" when the files hold int8 matrices (:mod:`quoteattr.compact`).
STORAGE = "int8-rows"
# The manifest key of the table of tags that a relation settles (:func:`read_relation_tags`).
RELATION_TAGS = "upos_by_relation"
_PROCESSOR_FILES = ("pos", "lemma", "depparse")


@attrs.frozen(slots=True)
class WordAnalysis:
    """What the parser says about one pretokenised word."""

    lemma: str
    """Lemma, or ``_`` when the pipeline has no lemmatizer."""
    upos: str
    """Universal POS tag."""
    feats: str
    """UD features or ``_``."""
    head: int
    """1-based index of the head word in the sentence, 0 for the root."""
    deprel: str
    """Dependency relation."""


@runtime_checkable
class DependencyParser(Protocol):
    """Parses pretokenised sentences: one analysis per given token, in order."""

    @property
    def name(self) -> str:
        """A short identifier of the model, recorded in evaluation signatures."""
        ...

    def parse(self, sentences: Sequence[Sequence[str]]) -> list[list[WordAnalysis]]:
        """Analyse each sentence; the result has the same shape as ``sentences``."""
        ...


@attrs.frozen(slots=True)
class SentenceParse:
    """What the parser gave one sentence: tags, and a tree where one was asked for."""

    words: tuple[WordAnalysis, ...]
    """One analysis per token; without a tree, lemma ``_``, head 0 and deprel ``_``."""
    tree: bool
    """Whether ``words`` carry a dependency tree (and lemmas)."""


NeedsTree = Callable[[int, Sequence[WordAnalysis]], bool]
"""Called with a sentence's index and its tagged words (no tree yet): whether to build its tree."""


@runtime_checkable
class SelectiveParser(DependencyParser, Protocol):
    """A parser that can tag sentences first and build trees only for some of them."""

    def parse_where(self, sentences: Sequence[Sequence[str]], needs_tree: NeedsTree) -> list[SentenceParse]:
        """Tag every sentence; build the tree of those for which ``needs_tree`` says so."""
        ...


def _without_tree(words: Sequence[WordAnalysis]) -> tuple[WordAnalysis, ...]:
    return tuple(WordAnalysis("_", word.upos, word.feats, 0, "_") for word in words)


def parse_where(
    parser: DependencyParser, sentences: Sequence[Sequence[str]], needs_tree: NeedsTree
) -> list[SentenceParse]:
    """Tags for every sentence and trees where ``needs_tree`` asks for them.

    A :class:`SelectiveParser` tags first and parses only the chosen sentences; any other parser
    parses everything and the trees not asked for are dropped, so both give the same result.
    """
    if isinstance(parser, SelectiveParser):
        return parser.parse_where(sentences, needs_tree)
    results = []
    for index, words in enumerate(parser.parse(sentences)):
        tree = needs_tree(index, _without_tree(words))
        results.append(SentenceParse(tuple(words) if tree else _without_tree(words), tree))
    return results


def default_model_dir() -> Path:
    """The folder of the shipped compact Dutch models."""
    return Path(str(resources.files("quoteattr") / "models" / "nl"))


def _clean_token(token: str) -> str:
    """The token as the parser sees it: straight quotes, composed accents (NFC), no format,
    control or surrogate chars.

    Offsets never come from here, so the mapping need not keep lengths.
    """
    token = for_parser(token)
    if token.isascii() and token.isprintable():
        return token
    chars = []
    for char in token:
        category = unicodedata.category(char)
        if category == "Cf":
            continue  # a format character (soft hyphen) is no part of the word's spelling
        # Cc/Cs/Co: control, lone surrogate, private use.
        chars.append("_" if category in ("Cc", "Cs", "Co") else char)
    cleaned = "".join(chars)
    if not cleaned.strip("_"):
        return "_"
    # A lone surrogate cannot be normalised; "_" replaced them all above.
    return unicodedata.normalize("NFC", cleaned)


@contextlib.contextmanager
def _quiet_stanza() -> Iterator[None]:
    logger = logging.getLogger("stanza")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


@contextlib.contextmanager
def _expanded(options: dict[str, Any], compact_files: bool) -> Iterator[None]:
    """While the pipeline loads: with ``compact_files``, every model file in ``options`` is
    replaced by its expanded copy (:func:`quoteattr.compact.expand_file`) in a temporary folder.
    Stanza reads each file once, when the pipeline is built, so the copies go afterwards."""
    if not compact_files:
        yield
        return
    with tempfile.TemporaryDirectory(prefix="quoteattr-model-") as folder:
        expanded: dict[str, str] = {}
        for key, value in list(options.items()):
            if key.endswith("_path") and isinstance(value, str):
                if value not in expanded:
                    expanded[value] = str(Path(folder) / f"{len(expanded)}-{Path(value).name}")
                    compact.expand_file(Path(value), Path(expanded[value]))
                options[key] = expanded[value]
        yield


def _float_pretrains(path: str) -> Any:
    """A Stanza ``FoundationCache`` holding the word vectors at ``path`` as float32. The shipped
    vectors are stored in half precision, and Stanza feeds a pretrain's tensor to its float32
    layers as it is (model weights, unlike vectors, are cast when loaded). The pipeline's own
    cache shares this one's pretrains, so its processors find the vectors loaded."""
    from stanza.models.common.foundation_cache import FoundationCache
    from stanza.models.common.pretrain import Pretrain

    pretrain = Pretrain(path)
    if pretrain.emb.is_floating_point():
        pretrain._emb = pretrain.emb.float()  # Pretrain has no setter for its vectors
    cache = FoundationCache(local_files_only=True)
    cache.pretrains[path] = pretrain
    return cache


class StanzaParser:
    """A :class:`DependencyParser` backed by a ``stanza.Pipeline``.

    Args:
        model_dir: quoteattr model folder (with a manifest) or a Stanza resources folder.
            None means the shipped models.
        use_gpu: let Stanza use a GPU when one is present.
        batch_size: words per POS/parse batch.
        package: Stanza package name for an official resources folder (``default``,
            ``alpino``, ``lassysmall``).
        threads: torch threads (a process-wide setting); None leaves torch's default, one
            per physical core.
    """

    def __init__(
        self,
        model_dir: str | Path | None = None,
        *,
        use_gpu: bool = False,
        batch_size: int = 3000,
        package: str = "default",
        threads: int | None = None,
    ) -> None:
        if threads is not None and threads < 1:
            raise ValueError(f"threads must be at least 1, not {threads}")
        directory = Path(model_dir) if model_dir is not None else default_model_dir()
        self._relation_tags: Mapping[tuple[str, str], str] = {}
        if not directory.is_dir():
            raise ModelNotFoundError(f"model folder not found: {directory}")
        # The parser reads lemmas as input, so the (dictionary) lemmatizer always runs.
        processors = "tokenize,pos,lemma,depparse"
        options: dict[str, Any] = {
            "lang": "nl",
            "dir": str(directory),
            "processors": processors,
            "tokenize_pretokenized": True,
            "download_method": None,
            "use_gpu": use_gpu,
            "pos_batch_size": batch_size,
            "depparse_batch_size": batch_size,
            "lemma_batch_size": batch_size,
            "logging_level": "ERROR",
        }
        manifest_path = directory / MANIFEST
        compact_files = False
        if manifest_path.is_file():
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
            self._name = str(manifest.get("name", directory.name))
            options["allow_unknown_language"] = True
            for processor in _PROCESSOR_FILES:
                path = directory / manifest["files"][processor]
                if not path.is_file():
                    raise ModelNotFoundError(f"{processor} model not found: {path}")
                options[f"{processor}_model_path"] = str(path)
            if not (directory / "resources.json").is_file():
                raise ModelNotFoundError(f"resources.json missing in {directory}")
            if manifest.get("pretrain"):
                pretrain = directory / manifest["pretrain"]
                if not pretrain.is_file():
                    raise ModelNotFoundError(f"word vectors not found: {pretrain}")
                options["pos_pretrain_path"] = options["depparse_pretrain_path"] = str(pretrain)
            for direction, name in dict(manifest.get("charlm") or {}).items():
                charlm = directory / str(name)
                if direction not in ("forward", "backward") or not charlm.is_file():
                    raise ModelNotFoundError(f"{direction} character language model not found: {charlm}")
                for processor in ("pos", "depparse"):
                    options[f"{processor}_{direction}_charlm_path"] = str(charlm)
            compact_files = manifest.get("storage") == STORAGE
            if manifest.get(RELATION_TAGS):
                self._relation_tags = read_relation_tags(directory / str(manifest[RELATION_TAGS]))
        else:
            self._name = f"stanza-nl-{package}"
            options["package"] = package
        try:
            import stanza

            if threads is not None:
                import torch

                torch.set_num_threads(threads)
            with _quiet_stanza(), _expanded(options, compact_files):
                if "pos_pretrain_path" in options:
                    options["foundation_cache"] = _float_pretrains(options["pos_pretrain_path"])
                self._pipeline = stanza.Pipeline(**options)
        except ModelError:
            raise
        except Exception as exc:  # Stanza raises many kinds; callers get one.
            raise ModelError(f"could not load the Stanza models from {directory}: {exc}") from exc

    @property
    def name(self) -> str:
        return self._name

    def parse(self, sentences: Sequence[Sequence[str]]) -> list[list[WordAnalysis]]:
        batch = [[_clean_token(token) for token in sentence] for sentence in sentences if sentence]
        if not batch:
            return [[] for _ in sentences]
        parsed = iter(self._run(batch, None).sentences)
        results: list[list[WordAnalysis]] = []
        for sentence in sentences:
            if not sentence:
                results.append([])
                continue
            results.append(_analyses(next(parsed).words, len(sentence), tree=True, tags=self._relation_tags))
        return results

    def parse_where(self, sentences: Sequence[Sequence[str]], needs_tree: NeedsTree) -> list[SentenceParse]:
        """Tag every sentence (POS, features); lemmatise and parse only those ``needs_tree`` picks.

        The trees come from the tags of the first pass, exactly as the full pipeline would build
        them, so a sentence gets the same analysis here as from :meth:`parse`.
        """
        from stanza.models.common import doc as stanza_doc

        results = [SentenceParse((), False) for _ in sentences]
        positions = [index for index, sentence in enumerate(sentences) if sentence]
        if not positions:
            return results
        batch = [[_clean_token(token) for token in sentences[index]] for index in positions]
        tagged = self._run(batch, "tokenize,pos").sentences
        chosen: list[int] = []
        for position, (index, stanza_sentence) in enumerate(zip(positions, tagged, strict=True)):
            words = tuple(_analyses(stanza_sentence.words, len(sentences[index]), tree=False))
            results[index] = SentenceParse(words, False)
            if needs_tree(index, words):
                chosen.append(position)
        if not chosen:
            return results
        rows = []
        for position in chosen:
            rows.append(
                [
                    {
                        stanza_doc.ID: (number,),
                        stanza_doc.TEXT: word.text,
                        stanza_doc.UPOS: word.upos,
                        stanza_doc.XPOS: word.xpos,
                        stanza_doc.FEATS: word.feats,
                    }
                    for number, word in enumerate(tagged[position].words, start=1)
                ]
            )
        text = " ".join(" ".join(batch[position]) for position in chosen)
        parsed = self._run(stanza_doc.Document(rows, text), "lemma,depparse").sentences
        for position, stanza_sentence in zip(chosen, parsed, strict=True):
            index = positions[position]
            results[index] = SentenceParse(
                tuple(
                    _analyses(
                        stanza_sentence.words, len(sentences[index]), tree=True, tags=self._relation_tags
                    )
                ),
                True,
            )
        return results

    def _run(self, batch: Any, processors: str | None) -> Any:
        """Run the pipeline (or the named processors) on ``batch``, with the fast tree decoder."""
        try:
            with _quiet_stanza(), _fast_tree_decoder():
                return self._pipeline(batch, processors)
        except Exception as exc:
            size = len(batch) if isinstance(batch, list) else len(batch.sentences)
            raise ParseError(f"Stanza failed on a batch of {size} sentences: {exc}") from exc


def _analyses(
    words: Sequence[Any], expected: int, *, tree: bool, tags: Mapping[tuple[str, str], str] | None = None
) -> list[WordAnalysis]:
    if len(words) != expected:
        raise ParseError(f"Stanza returned {len(words)} words for {expected} tokens")
    if not tree:
        return [WordAnalysis("_", word.upos or "X", word.feats or "_", 0, "_") for word in words]
    return [
        WordAnalysis(
            lemma=word.lemma or "_",
            upos=upos_for_relation(word.upos or "X", word.deprel or "dep", word.text or "", tags),
            feats=word.feats or "_",
            head=int(word.head or 0),
            deprel=word.deprel or "dep",
        )
        for word in words
    ]


def upos_for_relation(
    upos: str, deprel: str, form: str = "", tags: Mapping[tuple[str, str], str] | None = None
) -> str:
    """``upos`` made to agree with the word's relation where UD Dutch ties the two.

    Stanza's tagger runs before the parser and never sees the tree; the parser reads no tags,
    so where the relation settles the tag, the parser's evidence decides. First the model's
    table (``tags``, lower-cased form and relation → UPOS, from the training treebank: ``dat``
    as ``mark`` is ``SCONJ``, as ``nsubj`` ``PRON``), then the rule of UD Dutch that a verb is
    ``AUX`` exactly when it is ``aux``, ``aux:pass`` or ``cop`` (true of every word in the
    training treebank; the tagger confuses main-verb ``hebben``/``zijn``/``worden`` with
    auxiliaries)."""
    if tags:
        upos = tags.get((form.lower(), deprel), upos)
    auxiliary = deprel.split(":", 1)[0] in ("aux", "cop")
    if upos == "AUX" and not auxiliary:
        return "VERB"
    if upos == "VERB" and auxiliary:
        return "AUX"
    return upos


def write_relation_tags(table: Mapping[tuple[str, str], str], path: Path) -> None:
    """Write the table :func:`read_relation_tags` reads: a comment line, then one line of form,
    relation and UPOS per pair, tab-separated, sorted."""
    rows = "".join(f"{form}\t{deprel}\t{upos}\n" for (form, deprel), upos in sorted(table.items()))
    header = "# form (lower case), relation, UPOS: the tag the training treebank gives the pair\n"
    path.write_text(header + rows, encoding="utf-8")


def read_relation_tags(path: Path) -> dict[tuple[str, str], str]:
    """The table a model's ``upos_by_relation`` file holds: lines of form, relation and UPOS,
    tab-separated (``#`` opens a comment line)."""
    if not path.is_file():
        raise ModelNotFoundError(f"tag table not found: {path}")
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            form, deprel, upos = line.split("\t")
            table[(form, deprel)] = upos
    return table


# --- the tree decoder ---------------------------------------------------------------------
#
# Stanza's Chu-Liu-Edmonds decoder (stanza/models/common/chuliu_edmonds.py, Apache-2.0, after
# Timothy Dozat's Parser-v3) spends most of its time finding cycles with a Tarjan search that makes
# a numpy call per node, and padding arrays with numpy.pad. The functions below follow it step by
# step, with the same arithmetic in the same order, so they return the same trees; only the cycle
# search (linear: every node has one head) and the padding are new.


def _cycles(tree: npt.NDArray[Any]) -> list[npt.NDArray[np.bool_]]:
    """The cycles of the head array ``tree`` as masks, in the order Stanza's Tarjan search gives
    them: by their smallest node (a cycle is reached first from its own nodes)."""
    import numpy as np

    heads: list[int] = tree.tolist()
    size = len(heads)
    state = [0] * size  # 0 unseen, 1 on the current path, 2 done
    found: list[list[int]] = []
    for start in range(size):
        if state[start]:
            continue
        path = []
        node = start
        while not state[node]:
            state[node] = 1
            path.append(node)
            node = heads[node]
        if state[node] == 1:
            cycle = path[path.index(node) :]
            if len(cycle) > 1:
                found.append(cycle)
        for member in path:
            state[member] = 2
    found.sort(key=min)
    masks = []
    for cycle in found:
        mask = np.zeros(size, dtype=bool)
        mask[cycle] = True
        masks.append(mask)
    return masks


def _contract(
    tree: npt.NDArray[Any], cycle: npt.NDArray[np.bool_], scores: npt.NDArray[Any]
) -> tuple[npt.NDArray[Any], ...]:
    """Stanza's ``process_cycle``: the scores with ``cycle`` contracted into one node."""
    import numpy as np

    cycle_locs = np.where(cycle)[0]
    cycle_subtree = tree[cycle]
    cycle_scores = scores[cycle, cycle_subtree]
    cycle_score = cycle_scores.sum()
    noncycle = np.logical_not(cycle)
    noncycle_locs = np.where(noncycle)[0]
    metanode_head_scores = scores[cycle][:, noncycle] - cycle_scores[:, None] + cycle_score
    metanode_dep_scores = scores[noncycle][:, cycle]
    metanode_heads = np.argmax(metanode_head_scores, axis=0)
    metanode_deps = np.argmax(metanode_dep_scores, axis=1)
    size = len(noncycle_locs)
    subscores = np.zeros((size + 1, size + 1), dtype=scores.dtype)
    subscores[:-1, :-1] = scores[noncycle][:, noncycle]
    subscores[-1, :-1] = metanode_head_scores[metanode_heads, np.arange(size)]
    subscores[:-1, -1] = metanode_dep_scores[np.arange(size), metanode_deps]
    return subscores, cycle_locs, noncycle_locs, metanode_heads, metanode_deps


def _chuliu_edmonds(scores: npt.NDArray[Any]) -> npt.NDArray[Any]:
    import numpy as np
    from stanza.models.common.chuliu_edmonds import expand_contracted_tree, prepare_scores

    stack = []
    prepare_scores(scores)
    tree: npt.NDArray[Any] = np.argmax(scores, axis=1)
    cycles = _cycles(tree)
    while cycles:
        subscores, *contraction = _contract(tree, cycles.pop(), scores)
        stack.append((tree, contraction))
        scores = subscores
        prepare_scores(scores)
        tree = np.argmax(scores, axis=1)
        cycles = _cycles(tree)
    while stack:
        contracted_tree = tree
        tree, contraction = stack.pop()
        tree = expand_contracted_tree(tree, contracted_tree, *contraction)
    return tree


def chuliu_edmonds_one_root(scores: npt.NDArray[Any]) -> npt.NDArray[Any]:
    """The maximum spanning tree with one root word, as Stanza's function of the same name.

    ``scores[x][y]`` is the score of ``y`` heading ``x``; row and column 0 are the root. Returns
    the head of each node (``tree[0] == 0``). ``scores`` is left unchanged.
    """
    import numpy as np

    scores = scores.astype(np.float64)  # a copy: the decoder writes into it
    min_score = scores[np.isfinite(scores)].min()
    # Root arcs are made so costly that the tree takes exactly one (Stanza's reweighting).
    scores[:, 0] = scores[:, 0] + (min_score * scores.shape[0])
    return _chuliu_edmonds(scores)


_DECODER_MODULE = "stanza.models.depparse.model"
_DECODER_NAME = "chuliu_edmonds_one_root"


@contextlib.contextmanager
def _fast_tree_decoder() -> Iterator[None]:
    """Let Stanza's graph parser decode with :func:`chuliu_edmonds_one_root` for a while.

    The swap is undone afterwards; a Stanza without that function is left alone.
    """
    module = sys.modules.get(_DECODER_MODULE)
    original = getattr(module, _DECODER_NAME, None)
    if module is None or original is None or original is chuliu_edmonds_one_root:
        yield
        return
    setattr(module, _DECODER_NAME, chuliu_edmonds_one_root)
    try:
        yield
    finally:
        setattr(module, _DECODER_NAME, original)


def document_from_stanza(document: Any) -> ParsedDocument:
    """Convert a parsed ``stanza.Document`` (with character offsets) into a :class:`ParsedDocument`."""
    text = getattr(document, "text", None)
    stanza_sentences = getattr(document, "sentences", None)
    if not isinstance(text, str) or stanza_sentences is None:
        raise TypeError("expected a stanza.Document with .text and .sentences")
    sentences = []
    paragraph = 0
    previous_end = 0
    for stanza_sentence in stanza_sentences:
        tokens = []
        for word in stanza_sentence.words:
            source = word.parent if word.parent is not None else word
            start, end = int(source.start_char), int(source.end_char)
            tokens.append(
                Token(
                    int(word.id),
                    text[start:end],
                    word.lemma or "_",
                    word.upos or "X",
                    word.feats or "_",
                    int(word.head or 0),
                    word.deprel or "dep",
                    start,
                    end,
                )
            )
        if not tokens:
            continue
        if "\n\n" in text[previous_end : tokens[0].start]:
            paragraph += 1
        previous_end = tokens[-1].end
        sentences.append(Sentence(tuple(tokens), paragraph))
    return ParsedDocument(text, tuple(sentences))
