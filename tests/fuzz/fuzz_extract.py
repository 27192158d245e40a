"""Atheris harness for extraction on pre-parsed documents: sieves and speaker resolution, no Stanza.

    nice -n 15 python tests/fuzz/fuzz_extract.py -runs=200000 -artifact_prefix=work/fuzz/extract- \
        work/fuzz/corpus-extract

Not collected by pytest (the name does not start with ``test_``). Each input gives a text made of
Dutch quotation material (cue verbs, names, pronouns, role nouns, quotation marks, paragraph
breaks, markup, awkward characters) and, for every word the pipeline hands to the parser, an
analysis drawn from the input: a POS tag, features, a relation and a head. Heads form a tree in one mode
and are arbitrary in the other (cycles and self-loops, as a hand-made CoNLL-U file may hold). The
harness runs

* :meth:`Attributor.extract` with that fake :class:`~quoteattr.parsing.DependencyParser` (the whole
  pipeline: scanner, segmenter, candidate choice, sieves, speakers);
* :meth:`Attributor.extract_parsed` on a :class:`~quoteattr.document.ParsedDocument` whose every
  sentence carries the drawn tree;
* :meth:`Attributor.extract_parsed` on the document read back from those trees written as CoNLL-U
  (:mod:`quoteattr.conllu`);

and checks that nothing raises and that every offset is exact: ``text[start:end] == span.text``
for content, cue and speaker, contents in text order.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import atheris

with atheris.instrument_imports():
    from quoteattr.attributor import Attributor
    from quoteattr.conllu import document_from_trees, parse_trees
    from quoteattr.document import ParsedDocument, Sentence, Token
    from quoteattr.parsing import WordAnalysis
    from quoteattr.quote import Quote

WORDS: tuple[str, ...] = (
    *"\"'‘’„“”«»‹›",
    ",,",
    "''",
    ",",
    ".",
    ":",
    ";",
    "?",
    "!",
    "…",
    "(",
    ")",
    "-",
    "–",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n\r\n",
    "\u2029",
    "\t",
    "\x00",
    "\u200b",
    "\u202e",
    "\ud800",
    "e\u0301",
    "zei",
    "zegt",
    "zeggen",
    "stelt",
    "meldde",
    "liet",
    "weten",
    "voegde",
    "eraan",
    "toe",
    "aldus",
    "volgens",
    "Volgens",
    "vindt",
    "denkt",
    "dat",
    "of",
    "zo",
    "Dat",
    "Dit",
    "hij",
    "zij",
    "ze",
    "Hij",
    "Ze",
    "hem",
    "haar",
    "ik",
    "we",
    "de",
    "De",
    "het",
    "een",
    "van",
    "der",
    "Van",
    "Jan",
    "Vries",
    "Sergei",
    "Lavrov",
    "Femke",
    "Halsema",
    "KF",
    "minister",
    "woordvoerder",
    "premier",
    "burgemeester",
    "politie",
    "het",
    "gaat",
    "goed",
    "is",
    "niet",
    "in",
    "Den",
    "Haag",
    "NOS",
    "'s",
    "zo'n",
    "1.000",
    "red.",
    "dhr.",
    "<b>",
    "</b>",
    '<p class="x">',
    "<!--",
    "-->",
    "<",
    "\u200f",
    "\u2069",
)
UPOS = (
    "NOUN",
    "PROPN",
    "VERB",
    "AUX",
    "PRON",
    "DET",
    "ADJ",
    "ADV",
    "ADP",
    "SCONJ",
    "CCONJ",
    "PUNCT",
    "NUM",
    "X",
    "SYM",
    "INTJ",
    "PART",
)
DEPRELS = (
    "root",
    "nsubj",
    "nsubj:pass",
    "csubj",
    "obj",
    "iobj",
    "obl",
    "obl:agent",
    "ccomp",
    "xcomp",
    "advcl",
    "parataxis",
    "conj",
    "cc",
    "mark",
    "case",
    "det",
    "amod",
    "nmod",
    "nmod:poss",
    "appos",
    "flat",
    "flat:name",
    "compound",
    "compound:prt",
    "fixed",
    "aux",
    "aux:pass",
    "cop",
    "advmod",
    "punct",
    "expl",
    "nummod",
    "dep",
    "_",
)
FEATS = (
    "_",
    "VerbForm=Fin",
    "Number=Plur",
    "Number=Sing|VerbForm=Fin",
    "VerbForm=Inf",
    "Number=Plur|VerbForm=Fin",
    "=",
    "|",
    "VerbForm",
    "Number=Plur|Number=Sing",
)


def make_text(fdp: atheris.FuzzedDataProvider) -> str:
    parts = []
    for _ in range(fdp.ConsumeIntInRange(0, 80)):
        if fdp.ConsumeProbability() < 0.05:
            parts.append(str(fdp.ConsumeUnicode(3)))
        else:
            parts.append(WORDS[fdp.ConsumeIntInRange(0, len(WORDS) - 1)])
        if fdp.ConsumeProbability() < 0.7:
            parts.append(" ")
    return "".join(parts)


def draw_analyses(fdp: atheris.FuzzedDataProvider, words: Sequence[str], tree: bool) -> list[WordAnalysis]:
    """One analysis per word; heads a tree (``tree``) or arbitrary ids in ``0..len(words)``."""
    n = len(words)
    heads = [0] * n
    if tree:
        order = list(range(n))
        root = fdp.ConsumeIntInRange(0, n - 1)
        order.remove(root)
        attached = [root]
        for index in order:
            heads[index] = attached[fdp.ConsumeIntInRange(0, len(attached) - 1)] + 1
            attached.append(index)
    else:
        heads = [fdp.ConsumeIntInRange(0, n) for _ in range(n)]
    result = []
    for index, word in enumerate(words):
        upos = UPOS[fdp.ConsumeIntInRange(0, len(UPOS) - 1)]
        deprel = "root" if heads[index] == 0 else DEPRELS[fdp.ConsumeIntInRange(0, len(DEPRELS) - 1)]
        feats = FEATS[fdp.ConsumeIntInRange(0, len(FEATS) - 1)]
        result.append(WordAnalysis(word.lower(), upos, feats, heads[index], deprel))
    return result


class FuzzParser:
    """A :class:`~quoteattr.parsing.DependencyParser` whose analyses come from the fuzzer's input."""

    def __init__(self) -> None:
        self.fdp = atheris.FuzzedDataProvider(b"")
        self.tree = True

    @property
    def name(self) -> str:
        return "fuzz"

    def parse(self, sentences: Sequence[Sequence[str]]) -> list[list[WordAnalysis]]:
        return [draw_analyses(self.fdp, words, self.tree) if words else [] for words in sentences]


PARSER = FuzzParser()
ATTRIBUTOR = Attributor(parser=PARSER, parse_all=False)


def check_quotes(text: str, quotes: list[Quote]) -> None:
    previous = -1
    for quote in quotes:
        for span in quote.spans():
            assert 0 <= span.start <= span.end <= len(text)
            assert text[span.start : span.end] == span.text
        assert quote.content.start >= previous
        previous = quote.content.start
        assert 0.0 <= quote.confidence <= 1.0


def conllu_lines(doc: ParsedDocument) -> list[str]:
    lines = []
    for number, sentence in enumerate(doc.sentences):
        lines.append(f"# sent_id = s{number}")
        for token in sentence.tokens:
            lines.append(
                "\t".join(
                    (
                        str(token.id),
                        token.text,
                        token.lemma or "_",
                        token.upos,
                        "_",
                        token.feats or "_",
                        str(token.head),
                        token.deprel or "_",
                        "_",
                        "_",
                    )
                )
            )
        lines.append("")
    return lines


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    PARSER.fdp = fdp
    PARSER.tree = fdp.ConsumeBool()
    ATTRIBUTOR.parse_all = fdp.ConsumeBool()
    text = make_text(fdp)
    check_quotes(text, ATTRIBUTOR.extract(text))

    # Every sentence with a drawn tree, straight to the rules.
    sentences = []
    for sentence in ATTRIBUTOR.parse(text).sentences:
        words = [token.text for token in sentence.tokens]
        analyses = draw_analyses(fdp, words, PARSER.tree)
        tokens = tuple(
            Token(t.id, t.text, w.lemma, w.upos, w.feats, w.head, w.deprel, t.start, t.end)
            for t, w in zip(sentence.tokens, analyses, strict=True)
        )
        sentences.append(Sentence(tokens, sentence.paragraph, parsed=True))
    doc = ParsedDocument(text, tuple(sentences))
    check_quotes(text, ATTRIBUTOR.extract_parsed(doc))

    # The same trees through CoNLL-U (gold heads must be in range, which they are).
    trees = list(parse_trees(conllu_lines(doc)))
    from_trees = document_from_trees(trees)
    check_quotes(from_trees.text, ATTRIBUTOR.extract_parsed(from_trees))


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
