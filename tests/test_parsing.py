from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
import stanza.models.common.chuliu_edmonds as stanza_mst
import stanza.models.depparse.model as stanza_depparse

from quoteattr import parsing
from quoteattr.errors import ModelNotFoundError
from quoteattr.parsing import (
    SelectiveParser,
    SentenceParse,
    StanzaParser,
    WordAnalysis,
    chuliu_edmonds_one_root,
    parse_where,
    upos_for_relation,
)

model = pytest.mark.model


# --- the tree decoder --------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(4))
def test_cycles_are_stanzas_tarjan_cycles_in_the_same_order(seed: int) -> None:
    rng = np.random.default_rng(seed)
    for _ in range(200):
        size = int(rng.integers(1, 40))
        tree = rng.integers(0, size, size=size)
        if rng.random() < 0.5:
            tree[0] = 0
        expected = stanza_mst.tarjan(tree)
        found = parsing._cycles(tree)
        assert len(found) == len(expected)
        for mine, theirs in zip(found, expected, strict=True):
            assert mine.dtype == theirs.dtype
            assert (mine == theirs).all()


@pytest.mark.parametrize("seed", range(4))
def test_tree_decoder_gives_stanzas_trees(seed: int) -> None:
    rng = np.random.default_rng(100 + seed)
    for _ in range(25):
        size = int(rng.integers(2, 30))
        # Random scores make many cycles; the parser's own scores are log-probabilities.
        scores = rng.normal(size=(size, size)).astype(np.float32)
        if rng.random() < 0.5:
            scores = np.log(np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True))
        before = scores.copy()
        expected = stanza_mst.chuliu_edmonds_one_root(scores.copy())
        found = chuliu_edmonds_one_root(scores)
        assert (scores == before).all()  # the input is left alone
        assert found.tolist() == expected.tolist()
        assert found[0] == 0
        assert (found[1:] == 0).sum() == 1  # one root word


def test_decoder_swap_is_undone_afterwards() -> None:
    original = stanza_depparse.chuliu_edmonds_one_root
    with parsing._fast_tree_decoder():
        assert stanza_depparse.chuliu_edmonds_one_root is chuliu_edmonds_one_root
    assert stanza_depparse.chuliu_edmonds_one_root is original


def test_decoder_swap_is_undone_after_an_error() -> None:
    original = stanza_depparse.chuliu_edmonds_one_root
    with pytest.raises(RuntimeError), parsing._fast_tree_decoder():
        raise RuntimeError("parser broke")
    assert stanza_depparse.chuliu_edmonds_one_root is original


# --- parse_where over any parser -----------------------------------------------------------


class _CountingParser:
    """Tags capitalised words PROPN, others NOUN; every word hangs on the first."""

    name = "counting"

    def __init__(self) -> None:
        self.calls = 0

    def parse(self, sentences: Sequence[Sequence[str]]) -> list[list[WordAnalysis]]:
        self.calls += 1
        return [
            [
                WordAnalysis(word.lower(), "PROPN" if word[:1].isupper() else "NOUN", "_", int(i > 0), "dep")
                for i, word in enumerate(sentence)
            ]
            for sentence in sentences
        ]


def test_a_plain_parser_keeps_only_the_trees_asked_for() -> None:
    parser = _CountingParser()
    assert not isinstance(parser, SelectiveParser)
    sentences = [["Jan", "zei", "iets"], ["het", "regent"], []]
    asked: list[tuple[int, list[str]]] = []

    def needs_tree(index: int, words: Sequence[WordAnalysis]) -> bool:
        asked.append((index, [word.upos for word in words]))
        assert all(word.head == 0 and word.deprel == "_" and word.lemma == "_" for word in words)
        return words[0].upos == "PROPN" if words else False

    result = parse_where(parser, sentences, needs_tree)
    assert parser.calls == 1
    assert asked == [(0, ["PROPN", "NOUN", "NOUN"]), (1, ["NOUN", "NOUN"]), (2, [])]
    assert [parse.tree for parse in result] == [True, False, False]
    assert [w.head for w in result[0].words] == [0, 1, 1]
    assert result[1] == SentenceParse(
        (WordAnalysis("_", "NOUN", "_", 0, "_"), WordAnalysis("_", "NOUN", "_", 0, "_")), False
    )
    assert result[2] == SentenceParse((), False)


def test_threads_must_be_positive() -> None:
    with pytest.raises(ValueError, match="threads"):
        StanzaParser(threads=0)


# --- tags made to agree with the tree -------------------------------------------------------


@pytest.mark.parametrize(
    ("upos", "deprel", "expected"),
    [
        ("AUX", "root", "VERB"),  # Hij heeft een huis.
        ("AUX", "ccomp", "VERB"),
        ("AUX", "aux", "AUX"),
        ("AUX", "aux:pass", "AUX"),
        ("AUX", "cop", "AUX"),
        ("VERB", "aux", "AUX"),  # Hij heeft gelachen.
        ("VERB", "cop", "AUX"),
        ("VERB", "root", "VERB"),
        ("NOUN", "aux", "NOUN"),  # only verbs change
        ("PRON", "nsubj", "PRON"),
    ],
)
def test_auxiliary_tags_follow_the_relation(upos: str, deprel: str, expected: str) -> None:
    assert upos_for_relation(upos, deprel) == expected


def test_the_models_table_settles_tags_before_the_auxiliary_rule() -> None:
    tags = {("dat", "mark"): "SCONJ", ("dat", "nsubj"): "PRON", ("is", "root"): "AUX"}
    assert upos_for_relation("PRON", "mark", "Dat", tags) == "SCONJ"
    assert upos_for_relation("SCONJ", "nsubj", "dat", tags) == "PRON"
    assert upos_for_relation("SCONJ", "obj", "dat", tags) == "SCONJ"  # no entry: the tagger's
    # The rule of UD Dutch has the last word: a root is no auxiliary, whatever a table says.
    assert upos_for_relation("VERB", "root", "is", tags) == "VERB"


def test_a_tag_table_is_read_from_tab_separated_lines(tmp_path: Path) -> None:
    path = tmp_path / "tags.tsv"
    path.write_text("# form, relation, UPOS\ndat\tmark\tSCONJ\n't\tflat\tPROPN\n", encoding="utf-8")
    assert parsing.read_relation_tags(path) == {("dat", "mark"): "SCONJ", ("'t", "flat"): "PROPN"}
    with pytest.raises(ModelNotFoundError):
        parsing.read_relation_tags(tmp_path / "missing.tsv")


def test_stanza_words_get_tags_that_agree_with_their_relation() -> None:
    from types import SimpleNamespace

    words = [
        SimpleNamespace(text="Hij", lemma="hij", upos="PRON", feats="_", head=2, deprel="nsubj"),
        SimpleNamespace(text="had", lemma="hebben", upos="AUX", feats="Tense=Past", head=0, deprel="root"),
        SimpleNamespace(text="geld", lemma="geld", upos="NOUN", feats="_", head=2, deprel="obj"),
    ]
    analyses = parsing._analyses(words, 3, tree=True)
    assert [word.upos for word in analyses] == ["PRON", "VERB", "NOUN"]
    # A model's table settles the tags it holds.
    table = {("geld", "obj"): "PROPN"}
    assert [word.upos for word in parsing._analyses(words, 3, tree=True, tags=table)] == [
        "PRON",
        "VERB",
        "PROPN",
    ]
    # Without a tree there is no relation to go by: the tagger's tags stay.
    assert [word.upos for word in parsing._analyses(words, 3, tree=False)] == ["PRON", "AUX", "NOUN"]


# --- the shipped model ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def stanza_parser() -> StanzaParser:
    return StanzaParser()


_SENTENCES = [
    ["‘", "Wij", "komen", "terug", "’", ",", "zei", "minister", "De", "Jonge", "gisteren", "."],
    ["Het", "regende", "de", "hele", "dag", "in", "Utrecht", "."],
    ["Volgens", "de", "politie", "was", "het", "rustig", "."],
    ["De", "vraag", "is", "of", "het", "kabinet", "dat", "ook", "vindt", "."],
    [],
    ["Hij", "zei", ":", "‘", "Dat", "gaat", "niet", ".", "’"],
]


@model
def test_parse_where_tags_everything_and_parses_what_is_asked(stanza_parser: StanzaParser) -> None:
    assert isinstance(stanza_parser, SelectiveParser)
    full = stanza_parser.parse(_SENTENCES)
    wanted = {0, 3, 5}
    seen: list[int] = []

    def needs_tree(index: int, words: Sequence[WordAnalysis]) -> bool:
        seen.append(index)
        assert [w.upos for w in words] == [w.upos for w in full[index]]
        return index in wanted

    result = stanza_parser.parse_where(_SENTENCES, needs_tree)
    assert seen == [0, 1, 2, 3, 5]  # the empty sentence is not tagged
    for index, parse in enumerate(result):
        assert parse.tree == (index in wanted)
        if parse.tree:
            # The tree built from the first pass's tags is the full pipeline's tree.
            assert list(parse.words) == full[index]
        else:
            assert [(w.upos, w.feats) for w in parse.words] == [(w.upos, w.feats) for w in full[index]]
            assert all(w.head == 0 and w.deprel == "_" for w in parse.words)


@model
def test_parse_where_with_no_tree_wanted_runs_no_parser(stanza_parser: StanzaParser) -> None:
    depparse = stanza_parser._pipeline.processors["depparse"]
    calls: list[object] = []
    original = depparse.process
    depparse.process = lambda document: calls.append(document) or original(document)
    try:
        result = stanza_parser.parse_where(_SENTENCES, lambda index, words: False)
    finally:
        depparse.process = original
    assert calls == []
    assert [len(parse.words) for parse in result] == [len(sentence) for sentence in _SENTENCES]


def test_a_manifest_naming_missing_word_vectors_is_a_typed_error(tmp_path: Path) -> None:
    from quoteattr.errors import ModelNotFoundError
    from quoteattr.parsing import MANIFEST, StanzaParser, default_model_dir

    shipped = default_model_dir()
    for name in ("pos.pt", "lemma.pt", "depparse.pt", "resources.json"):
        (tmp_path / name).symlink_to(shipped / name)
    manifest = json.loads((shipped / MANIFEST).read_text(encoding="utf-8"))
    manifest["pretrain"] = "vectors.pt"
    (tmp_path / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ModelNotFoundError, match="word vectors"):
        StanzaParser(tmp_path)


def test_a_manifest_naming_a_missing_tag_table_is_a_typed_error(tmp_path: Path) -> None:
    from quoteattr.parsing import MANIFEST, StanzaParser, default_model_dir

    shipped = default_model_dir()
    manifest = json.loads((shipped / MANIFEST).read_text(encoding="utf-8"))
    names = [
        *manifest["files"].values(),
        manifest.get("pretrain"),
        *dict(manifest.get("charlm") or {}).values(),
    ]
    for name in filter(None, [*names, "resources.json"]):
        (tmp_path / name).symlink_to(shipped / name)
    manifest["upos_by_relation"] = "missing.tsv"
    (tmp_path / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ModelNotFoundError, match="tag table"):
        StanzaParser(tmp_path)


def test_a_manifest_naming_a_missing_charlm_is_a_typed_error(tmp_path: Path) -> None:
    from quoteattr.errors import ModelNotFoundError
    from quoteattr.parsing import MANIFEST, StanzaParser, default_model_dir

    shipped = default_model_dir()
    manifest = json.loads((shipped / MANIFEST).read_text(encoding="utf-8"))
    for name in ("pos.pt", "lemma.pt", "depparse.pt", "resources.json", manifest.get("pretrain")):
        if name:
            (tmp_path / name).symlink_to(shipped / name)
    manifest["charlm"] = {"forward": "forward.pt", "backward": "backward.pt"}
    (tmp_path / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ModelNotFoundError, match="forward character language model"):
        StanzaParser(tmp_path)


@model
def test_a_compact_model_loads_through_temporary_files_that_are_gone_afterwards(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stanza_parser: StanzaParser
) -> None:
    import tempfile

    import torch

    from quoteattr.compact import compact, is_compact
    from quoteattr.parsing import MANIFEST, STORAGE, default_model_dir

    shipped = default_model_dir()
    manifest = json.loads((shipped / MANIFEST).read_text(encoding="utf-8"))
    folder = tmp_path / "model"
    folder.mkdir()
    names = [
        *manifest["files"].values(),
        manifest.get("pretrain"),
        *dict(manifest.get("charlm") or {}).values(),
    ]
    for name in filter(None, names):
        saved = torch.load(shipped / name, map_location="cpu", weights_only=False)
        torch.save(saved if is_compact(saved) else compact(saved), folder / name)
    if manifest.get("upos_by_relation"):
        table = manifest["upos_by_relation"]
        (folder / table).write_bytes((shipped / table).read_bytes())
    (folder / "resources.json").write_text("{}", encoding="utf-8")
    (folder / MANIFEST).write_text(json.dumps({**manifest, "storage": STORAGE}), encoding="utf-8")
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    compact_parser = StanzaParser(folder)
    assert list(scratch.iterdir()) == []  # the expanded copies are gone once Stanza has loaded them
    sentence = [["Hij", "zei", "dat", "het", "kabinet", "de", "wet", "steunt", "."]]
    compact_words = compact_parser.parse(sentence)[0]
    assert [word.upos for word in compact_words] == [word.upos for word in stanza_parser.parse(sentence)[0]]
    assert [word.head for word in compact_words][1] == 0
