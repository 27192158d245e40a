"""``python -m quoteattr.training``: build the data, train each Stanza model, evaluate.

Run the steps in order. The parser continues from Stanza's own checkpoint when one exists
in ``work/models`` (``resume-parser`` seeds it from the shipped parser in a new checkout). The
``tokenizer`` step trains Stanza's tokenizer for comparison only: quoteattr ships its rule-based
tokenizer (:mod:`quoteattr.segment`), which feeds Stanza pretokenised sentences::

    python -m quoteattr.training prepare
    python -m quoteattr.training tokenizer
    python -m quoteattr.training tagger
    python -m quoteattr.training lemmatizer
    python -m quoteattr.training parser
    python -m quoteattr.training package      # copy the best models into quoteattr/models, int8 rows
    python -m quoteattr.training resume-parser  # next session: continue the parser from the shipped one
    python -m quoteattr.training resume-tagger  # continue the tagger from work/models or the shipped one
    python -m quoteattr.training vectors        # Dutch word vectors from the shared text
    python -m quoteattr.training add-vectors    # widen the trained tagger and parser to read them
    python -m quoteattr.training parser --vectors        # then train on with the vectors
    python -m quoteattr.training resume-tagger --vectors
    python -m quoteattr.training charlm         # forward and backward character language models
    python -m quoteattr.training add-charlm     # swap the tagger's and parser's character models for them
    python -m quoteattr.training parser --vectors --charlm  # then train on with both
    python -m quoteattr.training resume-tagger --vectors --charlm
    python -m quoteattr.training evaluate --gold ../shared/data/ud/UD_Dutch-Alpino/nl_alpino-ud-test.conllu \
        --output pred.conllu [--model-dir DIR] [--json]   # raw text in, CoNLL 2018 scores
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from quoteattr import compact
from quoteattr.parsing import RELATION_TAGS, STORAGE, write_relation_tags
from quoteattr.training import charlm as charlm_module
from quoteattr.training import data, evaluate
from quoteattr.training import vectors as vectors_module

SHORTHAND = "nl_alpino"
DEFAULT_SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"
DEFAULT_WORK = Path(__file__).resolve().parents[2] / "work"

# Model sizes chosen for 2 CPU cores and a 25 MB budget for all shipped files.
TOKENIZER_ARGS = ["--steps", "12000", "--hidden_dim", "64", "--emb_dim", "32"]
TAGGER_ARGS = [
    "--no_pretrain",
    "--word_cutoff",
    "3",
    "--hidden_dim",
    "160",
    "--char_hidden_dim",
    "200",
    "--word_emb_dim",
    "75",
    "--deep_biaff_hidden_dim",
    "200",
    "--composite_deep_biaff_hidden_dim",
    "100",
    "--max_steps",
    "8000",
    "--max_steps_before_stop",
    "2000",
    "--batch_size",
    "50",
    "--log_step",
    "10",
]
# The parser reads no POS tags: it then needs no retagged training data, and its
# accuracy does not depend on the tagger's errors.
PARSER_ARGS = [
    "--no_pretrain",
    "--word_cutoff",
    "3",
    "--no_upos",
    "--no_xpos",
    "--no_ufeats",
    "--hidden_dim",
    "200",
    "--char_hidden_dim",
    "200",
    "--deep_biaff_hidden_dim",
    "200",
    "--deep_biaff_output_dim",
    "100",
    "--num_layers",
    "2",
    "--word_emb_dim",
    "75",
    "--batch_size",
    "2000",
    "--max_steps",
    "12000",
    "--max_steps_before_stop",
    "2500",
    "--eval_interval",
    "200",
    "--checkpoint_interval",
    "200",
]
# Word vectors: 50 dimensions and the 11,996 most frequent words (12,000 rows with Stanza's four
# reserved ones): chosen when the files were stored in fp16 (25 MB budget); on Alpino dev 30,000
# words scored the same (UPOS -0.01, LAS +0.05).
VECTOR_DIM = 50
PRETRAIN_FILE = "pretrain.pt"
RELATION_TAGS_FILE = "upos-by-relation.tsv"
VECTOR_WORDS = 11_996
# Character language models: one 256-unit LSTM layer per direction. The charlm trains at about
# one second per batch of 25,000 characters on one core, so both directions train side by side.
CHARLM_ARGS = [
    "--char_emb_dim",
    "50",
    "--char_hidden_dim",
    "256",
    "--cutoff",
    "50",
    "--batch_size",
    "100",
    "--bptt_size",
    "250",
    "--epochs",
    "8",
    "--report_steps",
    "20",
    "--eval_steps",
    "100",
    "--seed",
    "1",
]
CHARLM_FILES = {"forward": "charlm_forward.pt", "backward": "charlm_backward.pt"}
LEMMA_ARGS = ["--num_epoch", "30", "--hidden_dim", "100", "--emb_dim", "50", "--batch_size", "64"]


def _paths(work: Path) -> dict[str, Path]:
    return {
        "train": work / "data" / "train.conllu",
        "dev": work / "data" / "dev.conllu",
        "test": work / "data" / "test.conllu",
        "tok_train_txt": work / "data" / "tok-train.txt",
        "tok_train_labels": work / "data" / "tok-train.toklabels",
        "tok_dev_txt": work / "data" / "tok-dev.txt",
        "tok_dev_labels": work / "data" / "tok-dev.toklabels",
        "tok_dev_conllu": work / "data" / "tok-dev.conllu",
        "models": work / "models",
        "vectors": work / "vectors" / "nl.pretrain.pt",
        "vectors_text": work / "vectors" / "nl.vec",
        "charlm_train": work / "charlm" / "train.txt",
        "charlm_dev": work / "charlm" / "dev.txt",
        "charlm_forward": work / "charlm" / f"{SHORTHAND}_charlm_forward.pt",
        "charlm_backward": work / "charlm" / f"{SHORTHAND}_charlm_backward.pt",
    }


def _vectors_file(work: Path) -> Path:
    """The word vectors the ``vectors`` step wrote, or a ``SystemExit`` that says to run it."""
    pretrain = _paths(work)["vectors"]
    if not pretrain.is_file():
        raise SystemExit(f"{pretrain} not found: run the vectors step first")
    return pretrain


def _with_vectors(args: Sequence[str], work: Path, vectors: bool) -> list[str]:
    """Stanza arguments with ``--no_pretrain`` swapped for the word vectors when ``vectors``."""
    if not vectors:
        return list(args)
    pretrain = _vectors_file(work)
    return [arg for arg in args if arg != "--no_pretrain"] + ["--wordvec_pretrain_file", str(pretrain)]


def _charlm_files(work: Path) -> tuple[Path, Path]:
    """The charlm pair the ``charlm`` step trained, or a ``SystemExit`` that says to run it."""
    p = _paths(work)
    for direction in ("forward", "backward"):
        if not p[f"charlm_{direction}"].is_file():
            raise SystemExit(f"{p[f'charlm_{direction}']} not found: run the charlm step first")
    return p["charlm_forward"], p["charlm_backward"]


def _with_charlm(args: Sequence[str], work: Path, charlm: bool) -> list[str]:
    """Stanza tagger or parser arguments that read the charlm pair when ``charlm``."""
    if not charlm:
        return list(args)
    forward, backward = _charlm_files(work)
    return [
        *args,
        "--charlm",
        "--charlm_shorthand",
        SHORTHAND,
        "--charlm_forward_file",
        str(forward),
        "--charlm_backward_file",
        str(backward),
    ]


def prepare(shared: Path, work: Path, seed: int = 1) -> None:
    """Collect, deduplicate and augment the treebanks into ``work/data``."""
    rng = random.Random(seed)
    paths = _paths(work)
    ud = shared / "ud"
    dev = list(data.read_sentences(ud / "UD_Dutch-Alpino" / "nl_alpino-ud-dev.conllu"))
    test = list(data.read_sentences(ud / "UD_Dutch-Alpino" / "nl_alpino-ud-test.conllu"))
    held_out = {data.dedup_key(s.text) for s in dev + test}

    sources = [
        *sorted((shared / "ud-extra").glob("*.conllu")),
        ud / "UD_Dutch-LassySmall" / "nl_lassysmall-ud-dev.conllu",
        ud / "UD_Dutch-LassySmall" / "nl_lassysmall-ud-test.conllu",
    ]
    seen: set[str] = set()
    train: list[data.Sentence] = []
    dropped_heldout = dropped_repeat = 0
    for source in sources:
        for sentence in data.read_sentences(source):
            key = data.dedup_key(sentence.text)
            if key in held_out:
                dropped_heldout += 1
                continue
            if key in seen:
                dropped_repeat += 1
                continue
            seen.add(key)
            train.append(data.harmonise_features(sentence))
    augmented = data.augment_quotes(train, rng)
    train_all = train + augmented
    rng.shuffle(train_all)

    n_train = data.write_sentences(train_all, paths["train"])
    data.write_sentences(dev, paths["dev"])
    data.write_sentences(test, paths["test"])
    print(
        f"train: {n_train} sentences ({len(train)} original, {len(augmented)} quote-style copies); "
        f"dropped {dropped_heldout} found in Alpino dev/test and {dropped_repeat} repeats; "
        f"dev {len(dev)}, test {len(test)}"
    )

    # Tokenizer data: paragraphs of raw text plus Stanza's per-character labels.
    for split, sentences in (("train", train_all), ("dev", dev)):
        groups = data.paragraphs(sentences, rng)
        txt = paths[f"tok_{split}_txt"]
        txt.write_text(data.plain_text(groups), encoding="utf-8")
        ordered = [s for group in groups for s in group]
        conllu = work / "data" / f"tok-{split}.conllu"
        data.write_sentences(ordered, conllu)
        _run(
            [
                sys.executable,
                "-m",
                "stanza.utils.datasets.prepare_tokenizer_data",
                str(txt),
                str(conllu),
                "-o",
                str(paths[f"tok_{split}_labels"]),
                "-m",
                str(work / "data" / f"tok-{split}-mwt.json"),
            ]
        )


def _run(command: Sequence[str]) -> None:
    print("+", " ".join(command), flush=True)
    subprocess.run(list(command), check=True)


def _model(work: Path, name: str) -> Path:
    return _paths(work)["models"] / f"{SHORTHAND}_{name}.pt"


def train_tokenizer(work: Path, extra: Sequence[str]) -> None:
    p = _paths(work)
    _run(
        [
            sys.executable,
            "-m",
            "stanza.models.tokenizer",
            "--lang",
            "nl",
            "--shorthand",
            SHORTHAND,
            "--txt_file",
            str(p["tok_train_txt"]),
            "--label_file",
            str(p["tok_train_labels"]),
            "--dev_txt_file",
            str(p["tok_dev_txt"]),
            "--dev_label_file",
            str(p["tok_dev_labels"]),
            "--dev_conll_gold",
            str(p["tok_dev_conllu"]),
            "--conll_file",
            str(work / "tok-dev-pred.conllu"),
            "--save_dir",
            str(p["models"]),
            "--save_name",
            _model(work, "tokenizer").name,
            *TOKENIZER_ARGS,
            *extra,
        ]
    )


def train_tagger(
    work: Path, extra: Sequence[str], seed: Path | None = None, vectors: bool = False, charlm: bool = False
) -> None:
    """Train the tagger; with ``seed``, start from those weights instead of random ones."""
    p = _paths(work)
    runner = ["stanza.models.tagger"] if seed is None else ["quoteattr.training.seeded_tagger", str(seed)]
    _run(
        [
            sys.executable,
            "-m",
            *runner,
            "--lang",
            "nl",
            "--shorthand",
            SHORTHAND,
            "--train_file",
            str(p["train"]),
            "--eval_file",
            str(p["dev"]),
            "--output_file",
            str(work / "pos-dev-pred.conllu"),
            "--save_dir",
            str(p["models"]),
            "--save_name",
            _model(work, "tagger").name,
            *_with_charlm(_with_vectors(TAGGER_ARGS, work, vectors), work, charlm),
            *extra,
        ]
    )


def train_lemmatizer(work: Path, extra: Sequence[str]) -> None:
    p = _paths(work)
    _run(
        [
            sys.executable,
            "-m",
            "stanza.models.lemmatizer",
            "--shorthand",
            SHORTHAND,
            "--train_file",
            str(p["train"]),
            "--eval_file",
            str(p["dev"]),
            "--output_file",
            str(work / "lemma-dev-pred.conllu"),
            "--save_dir",
            str(p["models"]),
            "--save_name",
            _model(work, "lemmatizer").name,
            *LEMMA_ARGS,
            *extra,
        ]
    )


def train_parser(work: Path, extra: Sequence[str], vectors: bool = False, charlm: bool = False) -> None:
    p = _paths(work)
    _run(
        [
            sys.executable,
            "-m",
            "stanza.models.parser",
            "--lang",
            "nl",
            "--shorthand",
            SHORTHAND,
            "--train_file",
            str(p["train"]),
            "--eval_file",
            str(p["dev"]),
            "--output_file",
            str(work / "parse-dev-pred.conllu"),
            "--save_dir",
            str(p["models"]),
            "--save_name",
            _model(work, "parser").name,
            *_with_charlm(_with_vectors(PARSER_ARGS, work, vectors), work, charlm),
            *extra,
        ]
    )


def package(work: Path, target: Path, lemmatizer: str) -> None:
    """Copy the trained models into the package folder without optimizer state, their matrices
    in int8 and other weights in fp16 (:mod:`quoteattr.compact`)."""
    import json

    import torch

    target.mkdir(parents=True, exist_ok=True)
    files = {"pos": "pos.pt", "lemma": "lemma.pt", "depparse": "depparse.pt"}
    sources = {
        "pos": _model(work, "tagger"),
        "lemma": _model(work, lemmatizer),
        "depparse": _model(work, "parser"),
    }
    uses_vectors = uses_charlm = False
    for processor, name in files.items():
        checkpoint = torch.load(sources[processor], map_location="cpu", weights_only=False)
        for key in ("optimizer", "scheduler"):
            checkpoint.pop(key, None)
        if "model" in checkpoint and checkpoint["model"] is not None:
            checkpoint["model"] = compact.compact(checkpoint["model"])
        uses_vectors = uses_vectors or bool(checkpoint.get("config", {}).get("pretrain"))
        uses_charlm = uses_charlm or bool(checkpoint.get("config", {}).get("charlm"))
        torch.save(checkpoint, target / name)
        size_mb = (target / name).stat().st_size / 1e6
        print(f"{processor}: {sources[processor].name} -> {target / name} ({size_mb:.1f} MB)")
    shipped = sorted(files.values())
    pretrain = target / PRETRAIN_FILE
    if uses_vectors:
        vectors = _paths(work)["vectors"]
        torch.save(compact.compact(torch.load(vectors, map_location="cpu", weights_only=False)), pretrain)
        shipped.append(PRETRAIN_FILE)
        print(f"vectors: {vectors.name} -> {pretrain} ({pretrain.stat().st_size / 1e6:.1f} MB)")
    elif pretrain.exists():
        pretrain.unlink()
    for direction, name in CHARLM_FILES.items():
        if uses_charlm:
            source = _paths(work)[f"charlm_{direction}"]
            saved = torch.load(source, map_location="cpu", weights_only=False)
            # Stanza's charlm file: the model under "model", with training counters beside it.
            model = saved.get("model", saved)
            torch.save(
                {"model": {**model, "state_dict": compact.compact(model["state_dict"])}}, target / name
            )
            shipped.append(name)
            print(f"charlm: {source.name} -> {target / name} ({(target / name).stat().st_size / 1e6:.1f} MB)")
        elif (target / name).exists():
            (target / name).unlink()
    relation_table = target / RELATION_TAGS_FILE
    train = _paths(work)["train"]
    if train.is_file():
        table = data.relation_tags(data.read_sentences(train))
        write_relation_tags(table, relation_table)
        shipped.append(RELATION_TAGS_FILE)
        print(f"tags by relation: {len(table)} pairs from {train.name} -> {relation_table}")
    elif relation_table.exists():
        relation_table.unlink()
    (target / "resources.json").write_text("{}\n", encoding="utf-8")
    # The weights' digest in the name: scores signed with it say which model made them.
    digest = hashlib.sha256(b"".join((target / name).read_bytes() for name in shipped))
    manifest = {
        "name": f"quoteattr-nl-alpino-compact-{digest.hexdigest()[:8]}",
        "language": "nl",
        "files": files,
        "storage": STORAGE,
        **({"pretrain": PRETRAIN_FILE} if uses_vectors else {}),
        **({"charlm": CHARLM_FILES} if uses_charlm else {}),
        **({RELATION_TAGS: RELATION_TAGS_FILE} if RELATION_TAGS_FILE in shipped else {}),
        **(
            {"vectors_from": "treebank training text, DpgMedia2019 news, OpenBoek novels (CC BY 4.0)"}
            if uses_vectors or uses_charlm
            else {}
        ),
        "trained_on": (
            "Alpino treebank suites (ud-extra) + UD_Dutch-LassySmall dev/test; "
            "selected on UD_Dutch-Alpino dev"
        ),
        "licence": "CC BY-SA 4.0 (derived from Universal Dependencies / Alpino treebank data)",
    }
    (target / "quoteattr-model.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def resume_parser(work: Path, shipped: Path) -> None:
    """Seed Stanza's parser checkpoint with the shipped parser, so ``parser`` continues from it.

    A session's ``work/`` folder does not outlive the session; the shipped model does. Stanza
    resumes from ``*_checkpoint.pt`` (step count and dev history kept, optimizer state fresh).
    """
    import torch

    checkpoint = compact.expand(torch.load(shipped, map_location="cpu", weights_only=False))
    checkpoint["model"] = {
        k: v.float() if isinstance(v, torch.Tensor) and v.is_floating_point() else v
        for k, v in checkpoint["model"].items()
    }
    target = _paths(work)["models"]
    target.mkdir(parents=True, exist_ok=True)
    for name in ("parser_checkpoint", "parser"):
        torch.save(checkpoint, _model(work, name))
    print(f"parser checkpoint seeded from {shipped} at step {checkpoint.get('global_step', 0)}")


def resume_tagger(work: Path, extra: Sequence[str], vectors: bool = False, charlm: bool = False) -> None:
    """Continue the tagger from its best weights: ``work/models`` or else the shipped tagger.

    The seed is copied aside first, because the run overwrites the tagger file at its first
    evaluation (its dev history starts empty).
    """
    trained = _model(work, "tagger")
    source = trained if trained.exists() else Path(__file__).resolve().parents[1] / "models" / "nl" / "pos.pt"
    seed = trained.with_name(trained.stem + "_seed.pt")
    seed.parent.mkdir(parents=True, exist_ok=True)
    compact.expand_file(source, seed)  # a shipped tagger may be stored compact
    print(f"tagger continues from {source}")
    train_tagger(work, extra, seed=seed, vectors=vectors, charlm=charlm)


def build_vectors(shared: Path, work: Path) -> None:
    """The ``vectors`` step: FastText vectors of the treebank's training sentences, the news
    articles and the novels (:mod:`quoteattr.training.vectors`)."""
    p = _paths(work)
    news = shared / "news" / "dpgmedia2019-articles.jsonl"
    sentences = list(vectors_module.corpus(p["train"], news, shared / "openboek" / "original"))
    print(f"{len(sentences)} paragraphs, {sum(map(len, sentences))} tokens", flush=True)
    words = vectors_module.train_vectors(sentences, p["vectors_text"], p["vectors"], VECTOR_DIM, VECTOR_WORDS)
    print(f"{words} words -> {p['vectors']}")


def add_vectors(work: Path, shipped: Path) -> None:
    """The ``add-vectors`` step: widen the trained tagger and parser (``work/models``, else the
    shipped ones) to read the word vectors; ``parser --vectors`` and ``resume-tagger --vectors``
    train on from them."""
    pretrain = _vectors_file(work)
    for kind, name, shipped_name in (("tagger", "tagger", "pos.pt"), ("parser", "parser", "depparse.pt")):
        trained = _model(work, name)
        source = trained if trained.exists() else shipped / shipped_name
        vectors_module.widen_checkpoint(source, trained, kind, pretrain)
        print(f"{kind}: {source} widened to read {pretrain.name} -> {trained}")
    # Stanza's parser resumes from its checkpoint file: start it at the widened parser.
    shutil.copyfile(_model(work, "parser"), _model(work, "parser_checkpoint"))


def build_charlm(shared: Path, work: Path, extra: Sequence[str]) -> None:
    """The ``charlm`` step: write the running text (:mod:`quoteattr.training.charlm`) and the
    character vocabulary, then train the forward and the backward character language model with
    Stanza's trainer, one after the other; ``--direction=forward`` or ``--direction=backward``
    trains one, so two processes can train them side by side. Each file is written whole under
    another name and renamed, so a second process never reads one half written."""
    import torch
    from stanza.models.common.char_model import build_charlm_vocab

    p = _paths(work)
    folder = p["charlm_train"].parent
    folder.mkdir(parents=True, exist_ok=True)
    news = shared / "news" / "dpgmedia2019-articles.jsonl"
    partial = folder / f"train.{os.getpid()}.partial"
    with partial.open("w", encoding="utf-8") as out:
        chars = charlm_module.write_text(
            charlm_module.paragraphs(p["train"], news, shared / "openboek" / "original"), out
        )
    os.replace(partial, p["charlm_train"])
    partial = folder / f"dev.{os.getpid()}.partial"
    with partial.open("w", encoding="utf-8") as out:
        charlm_module.write_text(charlm_module.gold_text(p["dev"]), out)
    os.replace(partial, p["charlm_dev"])
    print(f"{chars} characters -> {p['charlm_train']}", flush=True)
    vocab = folder / f"{SHORTHAND}_charlm_vocab.pt"
    if not vocab.exists():  # Stanza would build it in each process and write it unguarded
        partial = folder / f"vocab.{os.getpid()}.partial"
        cutoff = int(CHARLM_ARGS[CHARLM_ARGS.index("--cutoff") + 1])
        torch.save(build_charlm_vocab(str(p["charlm_train"]), cutoff=cutoff).state_dict(), partial)
        os.replace(partial, vocab)
    directions = [arg for arg in ("forward", "backward") if f"--direction={arg}" in extra]
    rest = [arg for arg in extra if not arg.startswith("--direction=")]
    for direction in directions or ["forward", "backward"]:
        _run(
            [
                sys.executable,
                "-m",
                "stanza.models.charlm",
                "--train_file",
                str(p["charlm_train"]),
                "--eval_file",
                str(p["charlm_dev"]),
                "--shorthand",
                SHORTHAND,
                "--direction",
                direction,
                "--save_dir",
                str(p["charlm_train"].parent),
                "--save_name",
                p[f"charlm_{direction}"].name,
                "--vocab_save_name",
                vocab.name,
                "--cpu",
                *CHARLM_ARGS,
                *rest,
            ]
        )


def add_charlm(work: Path, shipped: Path, fit_sentences: int = 2000) -> None:
    """The ``add-charlm`` step: swap the character models of the trained tagger and parser
    (``work/models``, else the shipped ones) for the charlm pair; ``parser --charlm`` and
    ``resume-tagger --charlm`` (with ``--vectors`` where the models read vectors) train on.

    With ``fit_sentences``, the charlm's new input weights start from a linear map fitted on
    that many training sentences (:func:`quoteattr.training.charlm.char_feature_map`), so the
    swapped models start near what they scored; with 0 they start at zero."""
    import random
    import tempfile

    forward, backward = _charlm_files(work)
    p = _paths(work)
    sources = {}
    for kind, name, shipped_name in (("tagger", "tagger", "pos.pt"), ("parser", "parser", "depparse.pt")):
        trained = _model(work, name)
        sources[kind] = trained if trained.exists() else shipped / shipped_name
    maps: dict[str, object] = {}
    if fit_sentences:
        sentences = [sentence.forms for sentence in data.read_sentences(p["train"])]
        random.Random(1).shuffle(sentences)
        sample = [forms for forms in sentences if len(forms) <= 60][:fit_sentences]
        lemmatizer = _model(work, "lemmatizer_dict")
        with tempfile.TemporaryDirectory() as folder:
            expanded = {}
            for kind, source in (
                *sources.items(),
                ("lemma", lemmatizer if lemmatizer.exists() else shipped / "lemma.pt"),
            ):
                expanded[kind] = Path(folder) / f"{kind}.pt"
                compact.expand_file(source, expanded[kind])
            (Path(folder) / "resources.json").write_text("{}", encoding="utf-8")
            options = {
                "lang": "nl",
                "dir": folder,
                "download_method": None,
                "allow_unknown_language": True,
                "tokenize_pretokenized": True,
                "logging_level": "ERROR",
                "processors": "tokenize,pos",
                "pos_model_path": str(expanded["tagger"]),
                "pos_pretrain_path": str(_vectors_file(work)),
            }
            maps["tagger"], explained = charlm_module.char_feature_map(
                "tagger", options, forward, backward, sample
            )
            print(f"tagger: the charlm features explain {explained:.1%} of the character model's")
            options.update(
                processors="tokenize,pos,lemma,depparse",
                lemma_model_path=str(expanded["lemma"]),
                depparse_model_path=str(expanded["parser"]),
                depparse_pretrain_path=str(_vectors_file(work)),
            )
            maps["parser"], explained = charlm_module.char_feature_map(
                "parser", options, forward, backward, sample
            )
            print(f"parser: the charlm features explain {explained:.1%} of the character model's")
    for kind, source in sources.items():
        trained = _model(work, kind)
        charlm_module.swap_checkpoint(source, trained, kind, forward, backward, maps.get(kind))
        print(f"{kind}: {source} reads the charlm -> {trained}")
    shutil.copyfile(_model(work, "parser"), _model(work, "parser_checkpoint"))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m quoteattr.training",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "step",
        choices=[
            "prepare",
            "tokenizer",
            "tagger",
            "lemmatizer",
            "parser",
            "package",
            "evaluate",
            "resume-parser",
            "resume-tagger",
            "vectors",
            "add-vectors",
            "charlm",
            "add-charlm",
        ],
    )
    parser.add_argument("--lemmatizer", default="lemmatizer", help="which lemmatizer model to package")
    parser.add_argument(
        "--vectors", action="store_true", help="tagger, parser, resume-tagger: read the word vectors"
    )
    parser.add_argument(
        "--charlm", action="store_true", help="tagger, parser, resume-tagger: read the charlm pair"
    )
    parser.add_argument(
        "--fit-sentences",
        type=int,
        default=2000,
        help="add-charlm: training sentences to fit the charlm's starting weights on (0: zeros)",
    )
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder")
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK, help="where data and checkpoints go")
    parser.add_argument("--threads", type=int, default=None, help="torch threads for training and evaluation")
    evaluation = parser.add_argument_group("evaluate")
    evaluation.add_argument(
        "--gold",
        type=Path,
        default=None,
        help="gold CoNLL-U file (default: UD_Dutch-Alpino test in --shared)",
    )
    evaluation.add_argument(
        "--output",
        type=Path,
        default=None,
        help="where the predicted CoNLL-U goes (default: WORK/eval/<gold>.pred.conllu)",
    )
    evaluation.add_argument(
        "--model-dir",
        type=Path,
        default=None,
        help="quoteattr or Stanza model folder (default: the shipped models)",
    )
    evaluation.add_argument("--json", action="store_true", help="print the report as JSON")
    args, extra = parser.parse_known_args(argv)
    if args.step == "evaluate" and extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    if args.threads:
        os.environ["OMP_NUM_THREADS"] = str(args.threads)
        os.environ["MKL_NUM_THREADS"] = str(args.threads)
    if args.step == "prepare":
        prepare(args.shared, args.work)
    elif args.step == "tokenizer":
        train_tokenizer(args.work, extra)
    elif args.step == "tagger":
        train_tagger(args.work, extra, vectors=args.vectors, charlm=args.charlm)
    elif args.step == "lemmatizer":
        train_lemmatizer(args.work, extra)
    elif args.step == "parser":
        train_parser(args.work, extra, vectors=args.vectors, charlm=args.charlm)
    elif args.step == "package":
        package(args.work, Path(__file__).resolve().parents[1] / "models" / "nl", args.lemmatizer)
    elif args.step == "evaluate":
        run_evaluation(args)
    elif args.step == "resume-tagger":
        resume_tagger(args.work, extra, vectors=args.vectors, charlm=args.charlm)
    elif args.step == "vectors":
        build_vectors(args.shared, args.work)
    elif args.step == "charlm":
        build_charlm(args.shared, args.work, extra)
    elif args.step == "add-charlm":
        add_charlm(args.work, Path(__file__).resolve().parents[1] / "models" / "nl", args.fit_sentences)
    elif args.step == "add-vectors":
        add_vectors(args.work, Path(__file__).resolve().parents[1] / "models" / "nl")
    elif args.step == "resume-parser":
        resume_parser(args.work, Path(__file__).resolve().parents[1] / "models" / "nl" / "depparse.pt")
    return 0


def run_evaluation(args: argparse.Namespace) -> None:
    """The ``evaluate`` step: raw text in, the prediction kept, the CoNLL 2018 scores printed."""
    gold: Path = args.gold or args.shared / "ud" / "UD_Dutch-Alpino" / "nl_alpino-ud-test.conllu"
    output: Path = args.output or args.work / "eval" / f"{gold.stem}.pred.conllu"
    report = evaluate.evaluate_model(gold, output, args.model_dir, args.threads)
    if args.json:
        print(json.dumps(evaluate.report_json(report), indent=2))
    else:
        print(evaluate.format_report(report))
