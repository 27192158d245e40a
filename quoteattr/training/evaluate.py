"""Score the shipped pipeline on a UD treebank with raw text in (``python -m quoteattr.training evaluate``).

The raw text is rebuilt from the gold file's ``# text`` lines: the sentences of one paragraph
are joined with a space and paragraphs with a blank line, so only paragraph breaks, not
sentence breaks, are given away. Paragraphs come from sent_ids ``<doc>.p.<N>.s.<M>``; files
without them (the Alpino suites: ``cdb\\532``) are grouped into runs of consecutive sentences
of one document id.

That text goes through what :class:`quoteattr.Attributor` runs: the quote-mark scanner
(:mod:`quoteattr.marks`), the rule-based segmenter (:mod:`quoteattr.segment`) and the parser
on every sentence, pretokenised. The prediction is written as CoNLL-U and scored against the
gold file with the CoNLL 2018 evaluation script that Stanza ships (``udtools.udeval``).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from itertools import groupby
from pathlib import Path
from typing import Any

import attrs
import regex

from quoteattr.errors import ConlluError
from quoteattr.marks import quote_mark_offsets, scan
from quoteattr.parsing import DependencyParser, StanzaParser, WordAnalysis, default_model_dir
from quoteattr.segment import SentenceSpan, segment

__all__ = [
    "METRICS",
    "GoldSentence",
    "Score",
    "Prediction",
    "Report",
    "read_gold_sentences",
    "paragraph_key",
    "build_text",
    "predict",
    "prediction_conllu",
    "score",
    "model_files_size",
    "evaluate",
    "evaluate_model",
    "format_report",
    "report_json",
]

METRICS = ("Tokens", "Sentences", "Words", "UPOS", "UFeats", "Lemmas", "UAS", "LAS")
"""The CoNLL 2018 metrics reported, in this order."""

_PARAGRAPH_ID = regex.compile(r"^(?P<doc>.+)\.p\.(?P<paragraph>\d+)\.s\.\d+$")
_NUMBERED_ID = regex.compile(r"^(?P<doc>.+?)[-_.]?\d+(?:\.xml)?$")
# A `# text` comment must stay on one line; sentence spans of arbitrary text may hold line breaks.
_LINE_BREAKS = regex.compile(r"[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")


@attrs.frozen(slots=True)
class GoldSentence:
    """What the raw-text builder needs of one gold sentence."""

    sent_id: str
    """The ``# sent_id`` value, or ``""``."""
    text: str
    """The ``# text`` value, or ``""``."""
    forms: tuple[str, ...]
    """The word forms (multiword ranges and empty nodes skipped)."""


@attrs.frozen(slots=True)
class Score:
    """One CoNLL 2018 metric, as percentages."""

    precision: float
    """Correct over system total, 0–100."""
    recall: float
    """Correct over gold total, 0–100."""
    f1: float
    """Harmonic mean of the two, 0–100."""


@attrs.frozen(slots=True)
class Prediction:
    """The pipeline's output on one raw text."""

    sentences: tuple[SentenceSpan, ...]
    """The sentences and tokens found by the segmenter, as offsets into the text."""
    analyses: tuple[tuple[WordAnalysis, ...], ...]
    """The parser's analysis of each token, one tuple per sentence."""
    parse_seconds: float
    """Wall-clock time of the parse step alone."""


@attrs.frozen(slots=True)
class Report:
    """Scores and timing of one evaluation run."""

    gold: Path
    """The gold CoNLL-U file."""
    output: Path
    """Where the predicted CoNLL-U was written (kept for re-scoring)."""
    parser: str
    """The parser's name."""
    scores: dict[str, Score]
    """Per metric of :data:`METRICS`."""
    sentences: int
    """Sentences the parser was given."""
    words: int
    """Words (tokens) the parser was given."""
    parse_seconds: float
    """Wall-clock time of the parse step."""
    threads: int | None = None
    """Torch threads during the parse, when known."""
    model_dir: Path | None = None
    """The model folder, when a Stanza model was evaluated."""
    model_bytes: int | None = None
    """Total size of the files in the model folder."""
    model_files: int | None = None
    """How many files the model folder holds."""

    @property
    def sentences_per_second(self) -> float:
        return self.sentences / self.parse_seconds if self.parse_seconds > 0 else 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.parse_seconds if self.parse_seconds > 0 else 0.0


def read_gold_sentences(path: Path) -> list[GoldSentence]:
    """The sentences of a CoNLL-U file; multiword ranges and empty nodes are skipped."""
    sentences = []
    sent_id = text = ""
    forms: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if not line:
                if forms:
                    sentences.append(GoldSentence(sent_id, text, tuple(forms)))
                sent_id, text, forms = "", "", []
            elif line.startswith("#"):
                key, _, value = line[1:].partition("=")
                if key.strip() == "sent_id":
                    sent_id = value.strip()
                elif key.strip() == "text":
                    text = value.strip()
            else:
                columns = line.split("\t")
                if columns[0].isdigit():
                    forms.append(columns[1])
    if forms:
        sentences.append(GoldSentence(sent_id, text, tuple(forms)))
    return sentences


def paragraph_key(sent_id: str) -> str:
    """Sentences with the same key next to each other in the file form one paragraph."""
    match = _PARAGRAPH_ID.match(sent_id)
    if match:
        return f"{match['doc']}#{match['paragraph']}"
    if "\\" in sent_id:  # UD_Dutch-Alpino style for the Alpino suites: cdb\532
        return sent_id.split("\\", 1)[0]
    match = _NUMBERED_ID.match(sent_id)
    if match:
        return str(match["doc"])
    return sent_id.split("-", 1)[0]


def build_text(sentences: Sequence[GoldSentence]) -> tuple[str, list[list[tuple[int, int]]]]:
    """The raw text and, per gold sentence, the offsets of its words in it.

    Raises :class:`ConlluError` when a sentence's words cannot be found, in order and with
    only white space between, in its ``# text``.
    """
    paragraphs = []
    for _, group in groupby(sentences, key=lambda sentence: paragraph_key(sentence.sent_id)):
        paragraphs.append(" ".join(s.text or " ".join(s.forms) for s in group))
    text = "\n\n".join(paragraphs)
    gold: list[list[tuple[int, int]]] = []
    position = 0
    for sentence in sentences:
        spans = []
        for form in sentence.forms:
            start = text.find(form, position)
            if start < 0 or text[position:start].strip():
                raise ConlluError(f"{sentence.sent_id}: word {form!r} not found in the text at {position}")
            spans.append((start, start + len(form)))
            position = start + len(form)
        gold.append(spans)
    return text, gold


def predict(text: str, parser: DependencyParser) -> Prediction:
    """Run the shipped pipeline on ``text``: quote marks, segmentation, a parse of every sentence."""
    sentences = segment(text, split_at=quote_mark_offsets(text, scan(text)))
    tokens = [[text[start:end] for start, end in sentence.tokens] for sentence in sentences]
    began = time.perf_counter()
    analyses = parser.parse(tokens)
    seconds = time.perf_counter() - began
    return Prediction(tuple(sentences), tuple(tuple(words) for words in analyses), seconds)


def prediction_conllu(text: str, prediction: Prediction) -> str:
    """The prediction as CoNLL-U: forms from ``text``, XPOS and DEPS empty, ``SpaceAfter=No``
    where the next token (in the next sentence, too) follows without white space."""
    starts = [start for sentence in prediction.sentences for start, _ in sentence.tokens]
    next_start = iter([*starts[1:], -1])
    lines: list[str] = []
    paragraph: int | None = None
    for number, (sentence, words) in enumerate(
        zip(prediction.sentences, prediction.analyses, strict=True), start=1
    ):
        if len(words) != len(sentence.tokens):
            raise ValueError(f"sentence {number}: {len(words)} analyses for {len(sentence.tokens)} tokens")
        if sentence.paragraph != paragraph:
            lines.append("# newpar")
            paragraph = sentence.paragraph
        lines.append(f"# sent_id = {number}")
        lines.append(f"# text = {_LINE_BREAKS.sub(' ', text[sentence.start : sentence.end])}")
        for index, ((start, end), word) in enumerate(zip(sentence.tokens, words, strict=True), start=1):
            misc = "SpaceAfter=No" if next(next_start) == end else "_"
            lines.append(
                f"{index}\t{text[start:end]}\t{word.lemma}\t{word.upos}\t_\t{word.feats}"
                f"\t{word.head}\t{word.deprel}\t_\t{misc}"
            )
        lines.append("")
    return "\n".join(lines) + "\n" if lines else ""


def _evaluator() -> Any:
    try:  # Stanza >= 1.11 ships the CoNLL 2018 evaluator as udtools.udeval
        from udtools import udeval  # type: ignore[import-untyped]
    except ImportError:  # older Stanza
        from stanza.utils import conll18_ud_eval as udeval
    return udeval


def score(gold: Path, system: Path) -> dict[str, Score]:
    """The CoNLL 2018 scores of ``system`` against ``gold``, for each of :data:`METRICS`."""
    udeval = _evaluator()
    loaded = []
    for path in (gold, system):
        with path.open(encoding="utf-8") as handle:
            try:
                loaded.append(udeval.load_conllu(handle, str(path), {}))
            except udeval.UDError as exc:
                raise ConlluError(f"{path}: {exc}") from exc
    try:
        result = udeval.evaluate(*loaded)
    except udeval.UDError as exc:
        raise ConlluError(f"{system} does not match {gold}: {exc}") from exc
    return {
        name: Score(100 * result[name].precision, 100 * result[name].recall, 100 * result[name].f1)
        for name in METRICS
    }


def model_files_size(model_dir: Path) -> tuple[int, int]:
    """Total bytes and number of the files under ``model_dir`` (all of it ships or loads)."""
    files = [path for path in model_dir.rglob("*") if path.is_file()]
    return sum(path.stat().st_size for path in files), len(files)


def evaluate(gold: Path, output: Path, parser: DependencyParser) -> Report:
    """Raw text from ``gold`` through the pipeline with ``parser``; write ``output``; score it."""
    text, _ = build_text(read_gold_sentences(gold))
    prediction = predict(text, parser)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(prediction_conllu(text, prediction), encoding="utf-8")
    return Report(
        gold=gold,
        output=output,
        parser=parser.name,
        scores=score(gold, output),
        sentences=len(prediction.sentences),
        words=sum(len(sentence.tokens) for sentence in prediction.sentences),
        parse_seconds=prediction.parse_seconds,
    )


def evaluate_model(
    gold: Path, output: Path, model_dir: Path | None = None, threads: int | None = None
) -> Report:
    """:func:`evaluate` with a :class:`StanzaParser` on ``model_dir`` (default: the shipped models)."""
    import torch

    if threads:
        torch.set_num_threads(threads)
    directory = model_dir if model_dir is not None else default_model_dir()
    report = evaluate(gold, output, StanzaParser(directory))
    size, count = model_files_size(directory)
    return attrs.evolve(
        report, threads=torch.get_num_threads(), model_dir=directory, model_bytes=size, model_files=count
    )


def format_report(report: Report) -> str:
    """The scores as a table, then the parse speed, the model size and the prediction file."""
    lines = [
        f"gold: {report.gold}",
        f"parser: {report.parser}",
        "",
        "Metric     | Precision |    Recall |  F1 Score",
        "-----------+-----------+-----------+-----------",
    ]
    for name in METRICS:
        s = report.scores[name]
        lines.append(f"{name:11}|{s.precision:10.2f} |{s.recall:10.2f} |{s.f1:10.2f}")
    lines.append("")
    threads = f" with {report.threads} torch threads" if report.threads is not None else ""
    lines.append(
        f"parse: {report.sentences} sentences, {report.words} words in {report.parse_seconds:.1f} s"
        f"{threads}: {report.sentences_per_second:.1f} sentences/s, {report.words_per_second:.0f} words/s"
    )
    if report.model_dir is not None and report.model_bytes is not None:
        lines.append(
            f"model: {report.model_dir} ({report.model_files} files, {report.model_bytes / 1e6:.1f} MB)"
        )
    lines.append(f"prediction: {report.output}")
    return "\n".join(lines)


def report_json(report: Report) -> dict[str, Any]:
    """The report as a JSON-ready dict; scores are percentages."""
    return {
        "gold": str(report.gold),
        "prediction": str(report.output),
        "parser": report.parser,
        "scores": {name: attrs.asdict(report.scores[name]) for name in METRICS},
        "sentences": report.sentences,
        "words": report.words,
        "parse_seconds": round(report.parse_seconds, 3),
        "sentences_per_second": round(report.sentences_per_second, 2),
        "words_per_second": round(report.words_per_second, 1),
        "torch_threads": report.threads,
        "model_dir": None if report.model_dir is None else str(report.model_dir),
        "model_bytes": report.model_bytes,
        "model_files": report.model_files,
    }
