"""Tests for quoteattr.training: data preparation (dedup, augmentation) and the evaluate step.

No model is trained or loaded here: the evaluation is run with a stand-in parser.
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from pathlib import Path

import pytest

from quoteattr.errors import ConlluError
from quoteattr.parsing import WordAnalysis
from quoteattr.segment import SentenceSpan
from quoteattr.training import data
from quoteattr.training.cli import main
from quoteattr.training.evaluate import (
    METRICS,
    GoldSentence,
    Prediction,
    build_text,
    evaluate,
    format_report,
    model_files_size,
    paragraph_key,
    predict,
    prediction_conllu,
    read_gold_sentences,
    report_json,
    score,
)

# (form, lemma, upos, head, deprel, space_after)
Row = tuple[str, str, str, int, str, bool]


def conllu_sentence(sent_id: str, rows: Sequence[Row], *, text: str | None = None) -> str:
    lines = [f"# sent_id = {sent_id}"]
    if text is not None:
        lines.append(f"# text = {text}")
    for index, (form, lemma, upos, head, deprel, space_after) in enumerate(rows, start=1):
        misc = "_" if space_after else "SpaceAfter=No"
        lines.append(f"{index}\t{form}\t{lemma}\t{upos}\t_\t_\t{head}\t{deprel}\t_\t{misc}")
    return "\n".join(lines) + "\n\n"


QUOTE_ROWS: list[Row] = [
    (",,", ",,", "PUNCT", 3, "punct", False),
    ("Ik", "ik", "PRON", 3, "nsubj", True),
    ("kom", "komen", "VERB", 0, "root", False),
    ("''", "''", "PUNCT", 3, "punct", False),
    (",", ",", "PUNCT", 6, "punct", True),
    ("zei", "zeggen", "VERB", 3, "parataxis", True),
    ("hij", "hij", "PRON", 6, "nsubj", False),
    (".", ".", "PUNCT", 3, "punct", True),
]
RAIN_ROWS: list[Row] = [
    ("Het", "het", "PRON", 2, "nsubj", True),
    ("regent", "regenen", "VERB", 0, "root", False),
    (".", ".", "PUNCT", 2, "punct", True),
]
GREETING_ROWS: list[Row] = [
    ("Dag", "dag", "INTJ", 0, "root", False),
    ("!", "!", "PUNCT", 1, "punct", True),
]
# Two paragraphs of the doc, as UD_Dutch-Alpino numbers them.
GOLD = (
    conllu_sentence("doc\\doc.p.1.s.1", QUOTE_ROWS, text=",,Ik kom'', zei hij.")
    + conllu_sentence("doc\\doc.p.1.s.2", RAIN_ROWS, text="Het regent.")
    + conllu_sentence("doc\\doc.p.2.s.1", GREETING_ROWS, text="Dag!")
)
GOLD_TEXT = ",,Ik kom'', zei hij. Het regent.\n\nDag!"


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "gold.conllu"
    path.write_text(GOLD, encoding="utf-8")
    return path


# =========================================================================== data.py


def read_inline(tmp_path: Path, content: str) -> list[data.Sentence]:
    path = tmp_path / "in.conllu"
    path.write_text(content, encoding="utf-8")
    return list(data.read_sentences(path))


def test_read_sentences_drops_ranges_and_empty_nodes_and_rebuilds_text(tmp_path: Path) -> None:
    content = (
        "# sent_id = s1\n# text = stale text\n"
        "1-2\tzo'n\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "1\tHet\thet\tPRON\t_\t_\t2\tnsubj\t2:nsubj\t_\n"
        "1.1\tis\tzijn\tAUX\t_\t_\t_\t_\t0:root\t_\n"
        "2\tregent\tregenen\tVERB\t_\t_\t0\troot\t0:root\tSpaceAfter=No\n"
        "3\t.\t.\tPUNCT\t_\t_\t2\tpunct\t2:punct\t_\n\n"
    )
    (sentence,) = read_inline(tmp_path, content)
    assert sentence.sent_id == "s1"
    assert sentence.forms == ["Het", "regent", "."]
    assert sentence.text == "Het regent."
    assert all(row[8] == "_" for row in sentence.rows)  # enhanced graphs may name dropped nodes
    assert "# text = stale text" not in sentence.comments


def test_read_sentences_numbers_sentences_without_id(tmp_path: Path) -> None:
    content = conllu_sentence("x", RAIN_ROWS).replace("# sent_id = x\n", "") * 2
    ids = [sentence.sent_id for sentence in read_inline(tmp_path, content)]
    assert ids == ["in-1", "in-2"]


def test_write_then_read_keeps_rows_and_writes_fresh_text(tmp_path: Path) -> None:
    sentences = read_inline(tmp_path, GOLD)
    out = tmp_path / "sub" / "out.conllu"
    assert data.write_sentences(sentences, out) == 3
    again = list(data.read_sentences(out))
    assert [s.rows for s in again] == [s.rows for s in sentences]
    assert "# text = ,,Ik kom'', zei hij.\n" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("Het regent.", "het  regent .", True),
        ("Het regent.", "HET REGENT.", True),
        ("Het regent.", "Het regende.", False),
        ("Ik kom.", "Ik kom!", False),
    ],
)
def test_dedup_key(first: str, second: str, same: bool) -> None:
    assert (data.dedup_key(first) == data.dedup_key(second)) is same


def test_harmonise_features_drops_mood_and_determiner_pron_type() -> None:
    rows = (
        ("1", "De", "de", "DET", "LID", "Definite=Def|PronType=Art", "2", "det", "_", "_"),
        ("2", "man", "man", "NOUN", "N", "Gender=Com|Number=Sing", "3", "nsubj", "_", "_"),
        ("3", "zegt", "zeggen", "VERB", "WW", "Mood=Ind|Number=Sing|VerbForm=Fin", "0", "root", "_", "_"),
        ("4", "dit", "dit", "PRON", "VNW", "Person=3|PronType=Dem", "3", "obj", "_", "_"),
        ("5", "geen", "geen", "DET", "VNW", "PronType=Neg", "3", "det", "_", "_"),
    )
    sentence = data.harmonise_features(data.Sentence("s1", ("# sent_id = s1",), rows))
    assert [row[5] for row in sentence.rows] == [
        "Definite=Def",
        "Gender=Com|Number=Sing",
        "Number=Sing|VerbForm=Fin",
        "Person=3|PronType=Dem",  # a pronoun keeps its type
        "_",
    ]
    assert [row[:5] + row[6:] for row in sentence.rows] == [row[:5] + row[6:] for row in rows]


def _tagged(*words: tuple[str, str, str]) -> data.Sentence:
    """A sentence of (form, UPOS, relation) words; only those columns matter here."""
    rows = tuple(
        (str(k), form, "_", upos, "_", "_", "0", deprel, "_", "_")
        for k, (form, upos, deprel) in enumerate(words, 1)
    )
    return data.Sentence("s", (), rows)


def test_relation_tags_keep_the_pairs_the_treebank_tags_one_way() -> None:
    sentences = [_tagged(("dat", "SCONJ", "mark"), ("Dat", "PRON", "nsubj"))] * 19
    sentences += [_tagged(("dat", "SCONJ", "mark"), ("dat", "DET", "nsubj"), ("of", "CCONJ", "cc"))]
    sentences += [_tagged(("om", "ADP", "mark"), ("om", "SCONJ", "mark"))] * 5
    table = data.relation_tags(sentences, min_count=5, min_share=0.95)
    # 20 of 20 and 19 of 20 (forms lower-cased); one ``of`` is too few; ``om`` is split 50/50.
    assert table == {("dat", "mark"): "SCONJ", ("dat", "nsubj"): "PRON"}
    assert data.relation_tags(sentences, min_count=1, min_share=0.95)[("of", "cc")] == "CCONJ"


def test_augment_quotes_copies_only_quote_pairs_and_keeps_trees(tmp_path: Path) -> None:
    sentences = read_inline(tmp_path, GOLD)
    copies = data.augment_quotes(sentences, random.Random(0), share=1.0)
    assert len(copies) == 1  # only the sentence with a PUNCT quote pair
    (copy,) = copies
    original = sentences[0]
    assert copy.sent_id == original.sent_id + "-q"
    assert f"# sent_id = {original.sent_id}-q" in copy.comments
    opener, closer = copy.forms[0], copy.forms[3]
    assert (opener, closer) in {(",,", "''"), ('"', '"'), ("'", "'")}
    assert copy.rows[0][2] == opener
    assert copy.rows[3][2] == closer
    for index, (old, new) in enumerate(zip(original.rows, copy.rows, strict=True)):
        assert new[6:8] == old[6:8]  # heads and relations unchanged
        if index not in (0, 3):
            assert new == old


def test_augment_quotes_ignores_quote_forms_that_are_not_punctuation(tmp_path: Path) -> None:
    rows: list[Row] = [
        ('"', '"', "SYM", 2, "dep", False),
        ("Ja", "ja", "INTJ", 0, "root", False),
        ('"', '"', "SYM", 2, "dep", True),
    ]
    sentences = read_inline(tmp_path, conllu_sentence("s", rows))
    assert data.augment_quotes(sentences, random.Random(0), share=1.0) == []


def test_augment_quotes_share_zero_makes_no_copies(tmp_path: Path) -> None:
    sentences = read_inline(tmp_path, GOLD)
    assert data.augment_quotes(sentences, random.Random(0), share=0.0) == []


def test_augment_quotes_copies_always_differ_from_the_original(tmp_path: Path) -> None:
    sentences = read_inline(tmp_path, GOLD)
    for seed in range(20):
        for copy in data.augment_quotes(sentences, random.Random(seed), share=1.0):
            assert copy.rows != sentences[0].rows


def test_paragraphs_follow_ids_and_plain_text_joins_them(tmp_path: Path) -> None:
    sentences = read_inline(tmp_path, GOLD.replace("doc\\doc", "doc"))
    groups = data.paragraphs(sentences, random.Random(0))
    assert [[s.sent_id for s in group] for group in groups] == [
        ["doc.p.1.s.1", "doc.p.1.s.2"],
        ["doc.p.2.s.1"],
    ]
    assert data.plain_text(groups) == GOLD_TEXT + "\n"


# =========================================================================== evaluate: raw text


def test_read_gold_sentences_skips_ranges_and_empty_nodes(tmp_path: Path) -> None:
    path = tmp_path / "g.conllu"
    path.write_text(
        "# sent_id = a\n# text = Het regent.\n"
        "1-2\tHetregent\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "1\tHet\t_\t_\t_\t_\t2\tnsubj\t_\t_\n1.1\tis\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "2\tregent\t_\t_\t_\t_\t0\troot\t_\tSpaceAfter=No\n3\t.\t_\t_\t_\t_\t2\tpunct\t_\t_\n",
        encoding="utf-8",
    )
    assert read_gold_sentences(path) == [GoldSentence("a", "Het regent.", ("Het", "regent", "."))]


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("WR-P-P-H-05\\WR-P-P-H-05.p.1.s.1", "WR-P-P-H-05\\WR-P-P-H-05.p.1.s.2", True),
        ("WR-P-P-H-05\\WR-P-P-H-05.p.1.s.2", "WR-P-P-H-05\\WR-P-P-H-05.p.2.s.1", False),
        ("cdb\\532", "cdb\\533", True),
        ("cdb\\532", "wiki\\532", False),
        ("wiki-5716.p.20.s.1", "wiki-5717.p.20.s.1", False),
    ],
)
def test_paragraph_key(first: str, second: str, same: bool) -> None:
    assert (paragraph_key(first) == paragraph_key(second)) is same


def test_build_text_joins_paragraphs_and_finds_every_word(gold_file: Path) -> None:
    sentences = read_gold_sentences(gold_file)
    text, spans = build_text(sentences)
    assert text == GOLD_TEXT
    assert [[text[s:e] for s, e in sentence] for sentence in spans] == [list(s.forms) for s in sentences]


def test_build_text_falls_back_to_the_forms_without_a_text_line() -> None:
    text, spans = build_text([GoldSentence("d.p.1.s.1", "", ("Het", "regent", "."))])
    assert text == "Het regent ."
    assert spans == [[(0, 3), (4, 10), (11, 12)]]


def test_build_text_rejects_a_text_line_that_does_not_hold_the_words() -> None:
    with pytest.raises(ConlluError, match="regende"):
        build_text([GoldSentence("d.p.1.s.1", "Het regent.", ("Het", "regende", "."))])


# =========================================================================== evaluate: prediction


def analysis(upos: str, head: int, lemma: str = "_") -> WordAnalysis:
    return WordAnalysis(lemma=lemma, upos=upos, feats="_", head=head, deprel="root" if head == 0 else "dep")


def test_prediction_conllu_writes_columns_space_after_and_comments() -> None:
    text = "Ja, zei hij.\n\nDag!"
    sentences = (
        SentenceSpan(0, 12, ((0, 2), (2, 3), (4, 7), (8, 11), (11, 12)), 0),
        SentenceSpan(14, 18, ((14, 17), (17, 18)), 1),
    )
    analyses = (
        (
            analysis("INTJ", 3, "ja"),
            analysis("PUNCT", 1),
            analysis("VERB", 0, "zeggen"),
            analysis("PRON", 3),
            analysis("PUNCT", 3),
        ),
        (WordAnalysis("dag", "INTJ", "Number=Sing", 0, "root"), analysis("PUNCT", 1)),
    )
    written = prediction_conllu(text, Prediction(sentences, analyses, 0.0))
    blocks = written.rstrip("\n").split("\n\n")
    assert len(blocks) == 2
    first = blocks[0].split("\n")
    assert first[:3] == ["# newpar", "# sent_id = 1", "# text = Ja, zei hij."]
    assert first[3].split("\t") == ["1", "Ja", "ja", "INTJ", "_", "_", "3", "dep", "_", "SpaceAfter=No"]
    assert first[4].split("\t")[9] == "_"  # the comma has a space after it
    assert first[5].split("\t")[1:4] == ["zei", "zeggen", "VERB"]
    assert first[5].split("\t")[6:8] == ["0", "root"]
    assert first[6].split("\t")[9] == "SpaceAfter=No"
    assert first[7].split("\t")[9] == "_"  # the paragraph break follows
    second = blocks[1].split("\n")
    assert second[:3] == ["# newpar", "# sent_id = 2", "# text = Dag!"]
    assert second[3].split("\t")[5] == "Number=Sing"
    assert second[3].split("\t")[9] == "SpaceAfter=No"
    word_lines = [line for block in blocks for line in block.split("\n") if not line.startswith("#")]
    assert all(len(line.split("\t")) == 10 for line in word_lines)


def test_prediction_conllu_marks_no_space_across_sentences_and_flattens_text_lines() -> None:
    text = "Ja\nnee.Dag"
    sentences = (
        SentenceSpan(0, 7, ((0, 2), (3, 6), (6, 7)), 0),
        SentenceSpan(7, 10, ((7, 10),), 0),
    )
    analyses = (
        (analysis("X", 0), analysis("X", 1), analysis("PUNCT", 1)),
        (analysis("X", 0),),
    )
    lines = prediction_conllu(text, Prediction(sentences, analyses, 0.0)).split("\n")
    assert lines.count("# newpar") == 1
    assert "# text = Ja nee." in lines
    word_lines = [line.split("\t") for line in lines if line and not line.startswith("#")]
    assert [cols[9] for cols in word_lines] == ["_", "SpaceAfter=No", "SpaceAfter=No", "_"]


def test_prediction_conllu_rejects_analyses_of_the_wrong_length() -> None:
    sentences = (SentenceSpan(0, 2, ((0, 2),), 0),)
    with pytest.raises(ValueError, match="2 analyses for 1 tokens"):
        prediction_conllu("Ja", Prediction(sentences, ((analysis("X", 0), analysis("X", 1)),), 0.0))


class ChainParser:
    """Stand-in parser: every token hangs from the first; punctuation is PUNCT, the rest NOUN."""

    name = "chain"

    def __init__(self) -> None:
        self.calls: list[list[list[str]]] = []

    def parse(self, sentences: Sequence[Sequence[str]]) -> list[list[WordAnalysis]]:
        self.calls.append([list(sentence) for sentence in sentences])
        return [
            [
                analysis("PUNCT" if not token[0].isalnum() else "NOUN", 0 if index == 0 else 1, token.lower())
                for index, token in enumerate(sentence)
            ]
            for sentence in sentences
        ]


def test_predict_splits_quote_marks_and_parses_every_sentence_in_one_call() -> None:
    parser = ChainParser()
    prediction = predict(GOLD_TEXT, parser)
    assert parser.calls == [[[row[0] for row in rows] for rows in (QUOTE_ROWS, RAIN_ROWS, GREETING_ROWS)]]
    assert [len(words) for words in prediction.analyses] == [8, 3, 2]
    assert prediction.parse_seconds >= 0


def test_score_of_the_gold_against_itself_is_perfect(gold_file: Path) -> None:
    scores = score(gold_file, gold_file)
    assert set(scores) == set(METRICS)
    assert all(s.f1 == pytest.approx(100) for s in scores.values())


def test_score_reports_a_mismatching_prediction(gold_file: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.conllu"
    other.write_text(conllu_sentence("x", RAIN_ROWS), encoding="utf-8")
    with pytest.raises(ConlluError):
        score(gold_file, other)


def test_evaluate_writes_the_prediction_and_scores_it(gold_file: Path, tmp_path: Path) -> None:
    output = tmp_path / "out" / "pred.conllu"
    report = evaluate(gold_file, output, ChainParser())
    assert output.is_file()
    assert score(gold_file, output) == report.scores  # the kept file re-scores the same
    rows = QUOTE_ROWS + RAIN_ROWS + GREETING_ROWS
    first_tokens = {0, len(QUOTE_ROWS), len(QUOTE_ROWS) + len(RAIN_ROWS)}
    predicted_heads = [0 if i in first_tokens else 1 for i in range(len(rows))]
    expected = {
        "UPOS": sum(row[2] == ("NOUN" if row[0][0].isalnum() else "PUNCT") for row in rows),
        "Lemmas": sum(row[1] == row[0].lower() for row in rows),
        "UAS": sum(row[3] == head for row, head in zip(rows, predicted_heads, strict=True)),
    }
    assert report.scores["Tokens"].f1 == pytest.approx(100)
    assert report.scores["Sentences"].f1 == pytest.approx(100)
    for metric, correct in expected.items():
        assert report.scores[metric].f1 == pytest.approx(100 * correct / len(rows)), metric
    assert (report.sentences, report.words, report.parser) == (3, 13, "chain")


def test_report_formats_as_table_and_json(gold_file: Path, tmp_path: Path) -> None:
    report = evaluate(gold_file, tmp_path / "pred.conllu", ChainParser())
    table = format_report(report)
    for metric in METRICS:
        assert f"{metric:11}|" in table
    assert "sentences/s" in table
    assert "words/s" in table
    assert str(tmp_path / "pred.conllu") in table
    loaded = json.loads(json.dumps(report_json(report)))
    assert list(loaded["scores"]) == list(METRICS)
    assert loaded["scores"]["Tokens"]["f1"] == pytest.approx(100)
    assert loaded["sentences"] == 3
    assert loaded["words"] == 13


def test_model_files_size_counts_every_file(tmp_path: Path) -> None:
    (tmp_path / "a.pt").write_bytes(b"x" * 10)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.pt").write_bytes(b"y" * 5)
    assert model_files_size(tmp_path) == (15, 2)


def test_cli_evaluate_rejects_unknown_options(gold_file: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["evaluate", "--gold", str(gold_file), "--bogus"])
    assert exit_info.value.code == 2


def test_resume_tagger_seeds_from_a_copy_of_the_trained_tagger_or_else_the_shipped_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import torch

    from quoteattr.compact import MIN_ELEMENTS, compact, is_compact
    from quoteattr.training import cli

    seeds: list[tuple[Path, object]] = []

    def fake_train(
        work: Path,
        extra: Sequence[str],
        seed: Path | None = None,
        vectors: bool = False,
        charlm: bool = False,
    ) -> None:
        assert seed is not None
        seeds.append((seed, torch.load(seed, weights_only=False)))

    monkeypatch.setattr(cli, "train_tagger", fake_train)
    # No tagger trained in this work folder: the shipped one seeds the run.
    cli.resume_tagger(tmp_path, [])
    shipped = torch.load(
        Path(cli.__file__).resolve().parents[1] / "models" / "nl" / "pos.pt", weights_only=False
    )
    assert seeds[-1][1]["vocab"] == shipped["vocab"]
    # A trained tagger wins, copied aside (the run overwrites the tagger file) and expanded
    # where it is stored compact (Stanza cannot read int8 rows).
    trained = tmp_path / "models" / "nl_alpino_tagger.pt"
    weights = {"model": {"w": torch.ones(2, MIN_ELEMENTS)}}
    torch.save(compact(weights), trained)
    cli.resume_tagger(tmp_path, [])
    seed, content = seeds[-1]
    assert not is_compact(content)
    assert torch.equal(content["model"]["w"].float(), weights["model"]["w"])
    assert seed != trained


def test_seeded_tagger_without_a_seed_says_how_to_call_it() -> None:
    from quoteattr.training import seeded_tagger

    with pytest.raises(SystemExit, match="SEED_MODEL"):
        seeded_tagger.main([])


class _Vocab:
    def __init__(self, state: dict[str, object]) -> None:
        self.state = state

    def state_dict(self) -> dict[str, object]:
        return self.state


class _MultiVocab:
    def __init__(self, **vocabs: dict[str, object]) -> None:
        self.vocabs = {key: _Vocab(state) for key, state in vocabs.items()}

    def keys(self) -> list[str]:
        return list(self.vocabs)

    def __getitem__(self, key: str) -> _Vocab:
        return self.vocabs[key]


def test_seeded_tagger_keeps_the_seeds_features_but_not_other_words() -> None:
    from quoteattr.training.seeded_tagger import seed_vocabulary

    seed = _MultiVocab(word={"de": 1}, upos={"DET": 1}, feats={"PronType": ["Art"]})
    harmonised = _MultiVocab(word={"de": 1}, upos={"DET": 1}, feats={})
    assert seed_vocabulary(seed, harmonised, "seed.pt") is seed
    with pytest.raises(SystemExit, match="another word vocabulary"):
        seed_vocabulary(seed, _MultiVocab(word={"het": 1}, upos={"DET": 1}, feats={}), "seed.pt")
    with pytest.raises(SystemExit, match="other vocabularies"):
        seed_vocabulary(seed, _MultiVocab(word={"de": 1}), "seed.pt")


def test_vectors_corpus_reads_treebank_tokens_news_paragraphs_and_novels(tmp_path: Path) -> None:
    from quoteattr.training.vectors import corpus

    conllu = tmp_path / "train.conllu"
    conllu.write_text(
        "# text = Hij zei.\n1-2\tzei's\t_\t_\t_\t_\t_\t_\t_\t_\n1\tHij\thij\t_\t_\t_\t0\troot\t_\t_\n"
        "2\tzei\tzeggen\t_\t_\t_\t1\tdep\t_\t_\n\n1\tJa\tja\t_\t_\t_\t0\troot\t_\t_\n",
        encoding="utf-8",
    )
    news = tmp_path / "news.jsonl"
    news.write_text(
        json.dumps({"title": "Kop", "text": "Zo'n auto's.\nTweede, 3,5 keer."}) + "\n", encoding="utf-8"
    )
    novels = tmp_path / "novels"
    novels.mkdir()
    (novels / "boek.txt").write_text("Eerste alinea.\n\n\n\nTweede\nregel.", encoding="utf-8")
    assert list(corpus(conllu, news, novels)) == [
        ["hij", "zei"],
        ["ja"],
        ["kop"],
        ["zo'n", "auto's", "."],
        ["tweede", ",", "3,5", "keer", "."],
        ["eerste", "alinea", "."],
        ["tweede", "regel", "."],
    ]


@pytest.mark.parametrize(("kind", "insert_at"), [("parser", 0), ("tagger", 3)])
def test_widened_model_computes_what_it_did_until_trained(kind: str, insert_at: int) -> None:
    import torch

    from quoteattr.training.vectors import _INPUT_WEIGHTS, widened_state

    torch.manual_seed(0)
    old_inputs, transformed, vector_dim = 7, 4, 5
    state: dict[str, torch.Tensor] = {key: torch.randn(6, old_inputs) for key in _INPUT_WEIGHTS[kind]}
    state["drop_replacement"] = torch.randn(old_inputs)
    state["word_emb.weight"] = torch.randn(10, 3)
    state["word_vocab_size"] = torch.tensor(10)
    widened = widened_state(state, kind, insert_at, transformed, vector_dim)
    old_input = torch.randn(old_inputs)
    vectors = torch.randn(transformed)  # whatever the projected vectors are
    new_input = torch.cat([old_input[:insert_at], vectors, old_input[insert_at:]])
    for key in _INPUT_WEIGHTS[kind]:
        assert widened[key].shape == (6, old_inputs + transformed)
        assert torch.allclose(widened[key] @ new_input, state[key] @ old_input, atol=1e-6)
    replacement = widened["drop_replacement"]
    assert replacement.shape == (old_inputs + transformed,)
    assert torch.equal(replacement[:insert_at], state["drop_replacement"][:insert_at])
    assert torch.equal(replacement[insert_at + transformed :], state["drop_replacement"][insert_at:])
    assert widened["trans_pretrained.weight"].shape == (transformed, vector_dim)
    assert torch.equal(widened["word_emb.weight"], state["word_emb.weight"])
    assert torch.equal(widened["word_vocab_size"], state["word_vocab_size"])
    with pytest.raises(ValueError, match="already"):
        widened_state(widened, kind, insert_at, transformed, vector_dim)
    with pytest.raises(ValueError, match="kind"):
        widened_state(state, "lemmatizer", insert_at, transformed, vector_dim)


def test_with_vectors_swaps_no_pretrain_for_the_vectors_file(tmp_path: Path) -> None:
    from quoteattr.training.cli import _with_vectors

    args = ["--no_pretrain", "--word_cutoff", "3"]
    assert _with_vectors(args, tmp_path, vectors=False) == args
    with pytest.raises(SystemExit, match="vectors step"):
        _with_vectors(args, tmp_path, vectors=True)
    pretrain = tmp_path / "vectors" / "nl.pretrain.pt"
    pretrain.parent.mkdir()
    pretrain.write_bytes(b"vectors")
    assert _with_vectors(args, tmp_path, vectors=True) == [
        "--word_cutoff",
        "3",
        "--wordvec_pretrain_file",
        str(pretrain),
    ]


def _fake_models(work: Path, pretrain: bool) -> None:
    import torch

    models = work / "models"
    models.mkdir(parents=True, exist_ok=True)
    for name in ("tagger", "lemmatizer", "parser"):
        checkpoint = {
            "model": {"weight": torch.ones(3)},
            "config": {"pretrain": pretrain and name != "lemmatizer"},
        }
        torch.save(checkpoint, models / f"nl_alpino_{name}.pt")


def test_package_ships_the_word_vectors_in_half_precision_when_a_model_reads_them(tmp_path: Path) -> None:
    import torch

    from quoteattr.training.cli import package

    work, target = tmp_path / "work", tmp_path / "target"
    _fake_models(work, pretrain=True)
    (work / "vectors").mkdir()
    torch.save(
        {"vocab": {"_id2unit": ["a", "b"]}, "emb": torch.ones(2, 4)}, work / "vectors" / "nl.pretrain.pt"
    )
    package(work, target, "lemmatizer")
    manifest = json.loads((target / "quoteattr-model.json").read_text(encoding="utf-8"))
    assert manifest["pretrain"] == "pretrain.pt"
    shipped = torch.load(target / "pretrain.pt", weights_only=False)
    assert shipped["emb"].dtype == torch.float16
    assert shipped["vocab"]["_id2unit"] == ["a", "b"]
    assert torch.load(target / "depparse.pt", weights_only=False)["model"]["weight"].dtype == torch.float16
    assert manifest["storage"] == "int8-rows"
    # Other vectors, another model name.
    torch.save(
        {"vocab": {"_id2unit": ["a", "b"]}, "emb": torch.zeros(2, 4)}, work / "vectors" / "nl.pretrain.pt"
    )
    package(work, target, "lemmatizer")
    assert (
        json.loads((target / "quoteattr-model.json").read_text(encoding="utf-8"))["name"] != manifest["name"]
    )
    # Models without vectors: no vectors shipped, a stale file removed.
    _fake_models(work, pretrain=False)
    package(work, target, "lemmatizer")
    assert "pretrain" not in json.loads((target / "quoteattr-model.json").read_text(encoding="utf-8"))
    assert not (target / "pretrain.pt").exists()


def test_add_vectors_widens_the_trained_models_and_seeds_the_parser_checkpoint(tmp_path: Path) -> None:
    import torch

    from quoteattr.training.cli import add_vectors
    from quoteattr.training.vectors import _INPUT_WEIGHTS

    models = tmp_path / "models"
    models.mkdir()
    with pytest.raises(SystemExit, match="vectors step"):
        add_vectors(tmp_path, tmp_path / "shipped")
    (tmp_path / "vectors").mkdir()
    torch.save({"vocab": {}, "emb": torch.ones(6, 5)}, tmp_path / "vectors" / "nl.pretrain.pt")
    for kind in ("tagger", "parser"):
        state = {key: torch.ones(8, 3) for key in _INPUT_WEIGHTS[kind]}
        state["drop_replacement"] = torch.ones(3)
        config = {"pretrain": False, "word_emb_dim": 2, "transformed_dim": 4}
        torch.save({"model": state, "config": config, "optimizer": {}}, models / f"nl_alpino_{kind}.pt")
    add_vectors(tmp_path, tmp_path / "shipped")
    for kind, insert_at in (("tagger", 2), ("parser", 0)):
        widened = torch.load(models / f"nl_alpino_{kind}.pt", weights_only=False)
        assert widened["config"]["pretrain"]
        assert widened["config"]["wordvec_pretrain_file"] == str(tmp_path / "vectors" / "nl.pretrain.pt")
        assert "optimizer" not in widened
        assert widened["model"]["trans_pretrained.weight"].shape == (4, 5)
        weight = widened["model"][_INPUT_WEIGHTS[kind][0]]
        assert weight.shape == (8, 7)
        assert not weight[:, insert_at : insert_at + 4].any()
        assert weight[:, :insert_at].all()
        assert weight[:, insert_at + 4 :].all()
    checkpoint = (models / "nl_alpino_parser_checkpoint.pt").read_bytes()
    assert checkpoint == (models / "nl_alpino_parser.pt").read_bytes()


# --- the character language models -----------------------------------------------------------


def test_charlm_text_is_running_text_with_the_parsers_quote_marks(tmp_path: Path) -> None:
    import io

    from quoteattr.training.charlm import paragraphs, write_text

    conllu = tmp_path / "train.conllu"
    conllu.write_text(
        "1\tHij\thij\t_\t_\t_\t2\tnsubj\t_\t_\n2\tzei\tzeggen\t_\t_\t_\t0\troot\t_\tSpaceAfter=No\n"
        "3\t.\t.\t_\t_\t_\t2\tpunct\t_\t_\n\n",
        encoding="utf-8",
    )
    news = tmp_path / "news.jsonl"
    news.write_text(
        json.dumps({"title": "‘Kop’", "text": "Zo'n  auto’s.\n\nTweede, 3,5 keer."}) + "\n",
        encoding="utf-8",
    )
    novels = tmp_path / "novels"
    novels.mkdir()
    (novels / "boek.txt").write_text("„Eerste” alinea.\n\n\n\nTweede\nregel.", encoding="utf-8")
    texts = list(paragraphs(conllu, news, novels))
    assert texts == [
        "Hij zei.",
        "'Kop'",
        "Zo'n auto's.",
        "Tweede, 3,5 keer.",
        '"Eerste" alinea.',
        "Tweede regel.",
    ]
    out = io.StringIO()
    assert write_text(iter(texts), out) == sum(len(text) + 1 for text in texts)
    assert out.getvalue().splitlines() == texts


def test_swapped_model_reads_the_charlm_where_its_character_model_was() -> None:
    import torch

    from quoteattr.training.charlm import swapped_state
    from quoteattr.training.vectors import _INPUT_WEIGHTS

    torch.manual_seed(0)
    kind, old_inputs, char_dim, charlm_dim = "tagger", 7, 3, 5
    state: dict[str, torch.Tensor] = {key: torch.randn(6, old_inputs) for key in _INPUT_WEIGHTS[kind]}
    state["drop_replacement"] = torch.randn(old_inputs)
    state["word_emb.weight"] = torch.randn(10, 4)
    state["charmodel.char_emb.weight"] = torch.randn(9, 2)
    state["trans_char.weight"] = torch.randn(char_dim, 2)
    swapped = swapped_state(state, kind, char_dim, charlm_dim)
    assert not any(key.startswith(("charmodel.", "trans_char.")) for key in swapped)
    kept = torch.randn(old_inputs - char_dim)
    charlm_features = torch.randn(charlm_dim)
    for key in _INPUT_WEIGHTS[kind]:
        assert swapped[key].shape == (6, old_inputs - char_dim + charlm_dim)
        # The other inputs weigh what they did; the charlm's columns start at zero.
        without_chars = torch.cat([kept, torch.zeros(char_dim)])
        assert torch.allclose(swapped[key] @ torch.cat([kept, charlm_features]), state[key] @ without_chars)
    replacement = swapped["drop_replacement"]
    assert torch.equal(
        replacement[: old_inputs - char_dim], state["drop_replacement"][: old_inputs - char_dim]
    )
    assert not replacement[old_inputs - char_dim :].any()
    assert torch.equal(swapped["word_emb.weight"], state["word_emb.weight"])
    with pytest.raises(ValueError, match="no character model"):
        swapped_state(swapped, kind, char_dim, charlm_dim)
    with pytest.raises(ValueError, match="kind"):
        swapped_state(state, "lemmatizer", char_dim, charlm_dim)


def _fake_charlm(path: Path, hidden: int) -> None:
    import torch

    path.parent.mkdir(parents=True, exist_ok=True)
    model = {"vocab": {}, "args": {"char_hidden_dim": hidden}, "state_dict": {"w": torch.ones(2)}, "pad": 0}
    torch.save({"model": model, "epoch": 3, "global_step": 900}, path)


def test_with_charlm_adds_the_charlm_pair(tmp_path: Path) -> None:
    from quoteattr.training.cli import _with_charlm

    args = ["--word_cutoff", "3"]
    assert _with_charlm(args, tmp_path, charlm=False) == args
    with pytest.raises(SystemExit, match="charlm step"):
        _with_charlm(args, tmp_path, charlm=True)
    forward = tmp_path / "charlm" / "nl_alpino_charlm_forward.pt"
    backward = tmp_path / "charlm" / "nl_alpino_charlm_backward.pt"
    _fake_charlm(forward, 4)
    with pytest.raises(SystemExit, match="backward"):
        _with_charlm(args, tmp_path, charlm=True)
    _fake_charlm(backward, 4)
    assert _with_charlm(args, tmp_path, charlm=True) == [
        *args,
        "--charlm",
        "--charlm_shorthand",
        "nl_alpino",
        "--charlm_forward_file",
        str(forward),
        "--charlm_backward_file",
        str(backward),
    ]


def test_add_charlm_swaps_the_character_models_and_seeds_the_parser_checkpoint(tmp_path: Path) -> None:
    import torch

    from quoteattr.training.cli import add_charlm
    from quoteattr.training.vectors import _INPUT_WEIGHTS

    models = tmp_path / "models"
    models.mkdir()
    with pytest.raises(SystemExit, match="charlm step"):
        add_charlm(tmp_path, tmp_path / "shipped", fit_sentences=0)
    _fake_charlm(tmp_path / "charlm" / "nl_alpino_charlm_forward.pt", 4)
    _fake_charlm(tmp_path / "charlm" / "nl_alpino_charlm_backward.pt", 6)
    for kind in ("tagger", "parser"):
        state = {key: torch.ones(8, 5) for key in _INPUT_WEIGHTS[kind]}
        state["drop_replacement"] = torch.ones(5)
        state["trans_char.weight"] = torch.ones(2, 3)
        config = {"transformed_dim": 2, "charlm": False}
        torch.save({"model": state, "config": config, "optimizer": {}}, models / f"nl_alpino_{kind}.pt")
    add_charlm(tmp_path, tmp_path / "shipped", fit_sentences=0)
    for kind in ("tagger", "parser"):
        swapped = torch.load(models / f"nl_alpino_{kind}.pt", weights_only=False)
        assert swapped["config"]["charlm"]
        assert swapped["config"]["charlm_forward_file"].endswith("nl_alpino_charlm_forward.pt")
        assert "optimizer" not in swapped
        weight = swapped["model"][_INPUT_WEIGHTS[kind][0]]
        assert weight.shape == (8, 3 + 10)
        assert weight[:, :3].all()
        assert not weight[:, 3:].any()
    checkpoint = (models / "nl_alpino_parser_checkpoint.pt").read_bytes()
    assert checkpoint == (models / "nl_alpino_parser.pt").read_bytes()


def test_package_ships_the_charlm_pair_in_half_precision_when_a_model_reads_it(tmp_path: Path) -> None:
    import torch

    from quoteattr.training.cli import package

    work, target = tmp_path / "work", tmp_path / "target"
    _fake_models(work, pretrain=False)
    _fake_charlm(work / "charlm" / "nl_alpino_charlm_forward.pt", 4)
    _fake_charlm(work / "charlm" / "nl_alpino_charlm_backward.pt", 4)
    for name in ("tagger", "parser"):
        path = work / "models" / f"nl_alpino_{name}.pt"
        checkpoint = torch.load(path, weights_only=False)
        checkpoint["config"]["charlm"] = True
        torch.save(checkpoint, path)
    package(work, target, "lemmatizer")
    manifest = json.loads((target / "quoteattr-model.json").read_text(encoding="utf-8"))
    assert manifest["charlm"] == {"forward": "charlm_forward.pt", "backward": "charlm_backward.pt"}
    for name in manifest["charlm"].values():
        shipped = torch.load(target / name, weights_only=False)
        assert set(shipped) == {"model"}  # no training counters
        assert shipped["model"]["state_dict"]["w"].dtype == torch.float16
        assert shipped["model"]["args"] == {"char_hidden_dim": 4}
    # Models without a charlm: none shipped, stale files removed.
    _fake_models(work, pretrain=False)
    package(work, target, "lemmatizer")
    assert "charlm" not in json.loads((target / "quoteattr-model.json").read_text(encoding="utf-8"))
    assert not (target / "charlm_forward.pt").exists()


def test_package_stores_weight_matrices_as_int8_rows(tmp_path: Path) -> None:
    import torch

    from quoteattr.compact import MIN_ELEMENTS, expand, is_compact
    from quoteattr.training.cli import package

    work, target = tmp_path / "work", tmp_path / "target"
    _fake_models(work, pretrain=False)
    path = work / "models" / "nl_alpino_parser.pt"
    checkpoint = torch.load(path, weights_only=False)
    checkpoint["model"]["matrix"] = torch.randn(4, MIN_ELEMENTS)
    torch.save(checkpoint, path)
    package(work, target, "lemmatizer")
    shipped = torch.load(target / "depparse.pt", weights_only=False)
    assert is_compact(shipped["model"]["matrix"])
    back = expand(shipped["model"])["matrix"].float()
    assert torch.allclose(back, checkpoint["model"]["matrix"], atol=0.05)


def test_ridge_map_recovers_a_linear_relation() -> None:
    import torch

    from quoteattr.training.charlm import ridge_map

    generator = torch.Generator().manual_seed(0)
    truth = torch.randn(3, 6, generator=generator)  # char_dim x charlm_dim
    charlm_features = torch.randn(500, 6, generator=generator)
    mapping = ridge_map(charlm_features, charlm_features @ truth.T, strength=1e-9)
    assert mapping.shape == (3, 6)
    assert torch.allclose(mapping, truth, atol=1e-4)


def test_a_swapped_model_with_a_map_computes_what_it_did_where_the_map_is_exact() -> None:
    import torch

    from quoteattr.training.charlm import swapped_state
    from quoteattr.training.vectors import _INPUT_WEIGHTS

    torch.manual_seed(1)
    kind, kept_dim, char_dim, charlm_dim = "parser", 4, 3, 5
    state: dict[str, torch.Tensor] = {
        key: torch.randn(6, kept_dim + char_dim) for key in _INPUT_WEIGHTS[kind]
    }
    state["drop_replacement"] = torch.randn(kept_dim + char_dim)
    state["trans_char.weight"] = torch.randn(char_dim, 2)
    char_map = torch.randn(char_dim, charlm_dim)
    swapped = swapped_state(state, kind, char_dim, charlm_dim, char_map)
    kept, charlm_features = torch.randn(kept_dim), torch.randn(charlm_dim)
    char_features = char_map @ charlm_features  # what the character model would have given
    for key in _INPUT_WEIGHTS[kind]:
        before = state[key] @ torch.cat([kept, char_features])
        assert torch.allclose(swapped[key] @ torch.cat([kept, charlm_features]), before, atol=1e-5)


def test_ridge_map_under_dropout_spreads_weight_instead_of_cancelling() -> None:
    import torch

    from quoteattr.training.charlm import ridge_map

    generator = torch.Generator().manual_seed(0)
    feature = torch.randn(400, 1, generator=generator)
    twins = torch.cat([feature, feature], dim=1)  # two copies of one feature
    mapping = ridge_map(twins, feature, dropout=0.5, strength=0.0)
    # Minimising the expected error under dropout 0.5: the solution of
    # [[2s, s], [s, 2s]] m = [s, s], that is m = [1/3, 1/3].
    assert torch.allclose(mapping, torch.full((1, 2), 1 / 3), atol=1e-5)
    # Its expected error under that dropout is lower than the noiseless fit's.
    plain = ridge_map(twins, feature, strength=1e-9)

    def expected_error(weights: torch.Tensor) -> float:
        masks = (torch.rand(2000, 400, 2, generator=generator) > 0.5).float() * 2
        predicted = (masks * twins) @ weights.T
        return float((predicted - feature).pow(2).mean())

    assert expected_error(mapping) < expected_error(plain)


def test_charlm_step_writes_text_and_vocabulary_once_and_trains_the_directions_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import torch

    from quoteattr.training import cli

    shared, work = tmp_path / "shared", tmp_path / "work"
    (shared / "news").mkdir(parents=True)
    (shared / "news" / "dpgmedia2019-articles.jsonl").write_text(
        json.dumps({"title": "Kop", "text": "Een zin."}) + "\n", encoding="utf-8"
    )
    (shared / "openboek" / "original").mkdir(parents=True)
    (work / "data").mkdir(parents=True)
    sentence = "1\tJa\tja\t_\t_\t_\t0\troot\t_\t_\n\n"
    (work / "data" / "train.conllu").write_text(sentence, encoding="utf-8")
    (work / "data" / "dev.conllu").write_text(sentence, encoding="utf-8")
    commands: list[Sequence[str]] = []
    monkeypatch.setattr(cli, "_run", commands.append)
    monkeypatch.setattr(cli, "CHARLM_ARGS", ["--cutoff", "0"])
    cli.build_charlm(shared, work, ["--direction=backward", "--epochs", "1"])
    folder = work / "charlm"
    assert (folder / "train.txt").read_text(encoding="utf-8") == "Ja\nKop\nEen zin.\n"
    assert (folder / "dev.txt").read_text(encoding="utf-8") == "Ja\n"
    assert sorted(path.name for path in folder.iterdir()) == [
        "dev.txt",
        "nl_alpino_charlm_vocab.pt",
        "train.txt",
    ]
    vocab = torch.load(folder / "nl_alpino_charlm_vocab.pt", weights_only=False)
    assert set("Ja Kop") <= set(vocab["_id2unit"])
    (command,) = commands
    assert command[command.index("--direction") + 1] == "backward"
    assert command[-2:] == ["--epochs", "1"]
    # Without a direction, both train; an existing vocabulary is kept.
    (folder / "nl_alpino_charlm_vocab.pt").write_bytes(b"kept")
    cli.build_charlm(shared, work, [])
    assert [c[c.index("--direction") + 1] for c in commands[1:]] == ["forward", "backward"]
    assert (folder / "nl_alpino_charlm_vocab.pt").read_bytes() == b"kept"


def test_package_ships_the_tags_by_relation_of_the_training_data(tmp_path: Path) -> None:
    from quoteattr.parsing import read_relation_tags
    from quoteattr.training.cli import package

    work, target = tmp_path / "work", tmp_path / "target"
    _fake_models(work, pretrain=False)
    data.write_sentences(
        [_tagged(("Dat", "SCONJ", "mark"), ("zei", "VERB", "root"))] * 5, work / "data" / "train.conllu"
    )
    package(work, target, "lemmatizer")
    manifest = json.loads((target / "quoteattr-model.json").read_text(encoding="utf-8"))
    assert manifest["upos_by_relation"] == "upos-by-relation.tsv"
    assert read_relation_tags(target / "upos-by-relation.tsv") == {
        ("dat", "mark"): "SCONJ",
        ("zei", "root"): "VERB",
    }
    # Without training data (a packaging of downloaded weights) no table is shipped.
    (work / "data" / "train.conllu").unlink()
    package(work, target, "lemmatizer")
    assert "upos_by_relation" not in json.loads((target / "quoteattr-model.json").read_text(encoding="utf-8"))
    assert not (target / "upos-by-relation.tsv").exists()
