"""Shared fixtures: paths to the shared data and gold trees."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from quoteattr.conllu import Tree, read_trees

# CI runs the same examples every time (HYPOTHESIS_PROFILE=ci), so a run fails only for a change
# of code; a plain local run draws new examples and keeps looking for bugs.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def ud_quote_trees() -> dict[str, Tree]:
    """Gold UD trees of reported-speech sentences, by sent_id."""
    return {tree.sent_id: tree for tree in read_trees(FIXTURES / "ud_quotes.conllu")}


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("the shared data folder ../shared is not present")
    return SHARED
