from __future__ import annotations

import pytest

from quoteattr.conllu import align_trees, document_from_trees, parse_trees
from quoteattr.errors import ConlluError

SAMPLE = """# sent_id = s1
# text = Hij zei het.
1\tHij\thij\tPRON\t_\t_\t2\tnsubj\t_\t_
2\tzei\tzeggen\tVERB\t_\tVerbForm=Fin\t0\troot\t_\t_
3\thet\thet\tPRON\t_\t_\t2\tobj\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_

"""


def test_parse_reads_rows_and_spacing() -> None:
    (tree,) = parse_trees(SAMPLE.splitlines())
    assert tree.sent_id == "s1"
    assert [r.form for r in tree.rows] == ["Hij", "zei", "het", "."]
    assert tree.rows[2].space_after is False
    assert tree.rows[0].head == 2


def test_bad_column_count_names_the_line() -> None:
    with pytest.raises(ConlluError, match=r"<string>:2"):
        list(parse_trees(["# sent_id = x", "1\tHij\thij"]))


def test_head_out_of_range() -> None:
    bad = SAMPLE.replace("\t2\tnsubj", "\t9\tnsubj")
    with pytest.raises(ConlluError, match="out of range"):
        list(parse_trees(bad.splitlines()))


def test_document_offsets_point_into_text() -> None:
    trees = list(parse_trees(SAMPLE.splitlines()))
    text = "Hij  zei het."
    doc = document_from_trees(trees, text)
    for token in doc.sentences[0].tokens:
        assert text[token.start : token.end] == token.text


def test_align_rejects_text_that_does_not_match() -> None:
    trees = list(parse_trees(SAMPLE.splitlines()))
    with pytest.raises(ConlluError, match="not found"):
        align_trees("Zij zei het.", trees)


def test_gold_fixture_documents(ud_quote_trees) -> None:  # type: ignore[no-untyped-def]
    trees = list(ud_quote_trees.values())
    doc = document_from_trees(trees)
    assert len(doc.sentences) == len(trees)
    for sentence in doc.sentences:
        for token in sentence.tokens:
            assert doc.text[token.start : token.end] == token.text
