from __future__ import annotations

from pathlib import Path

import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st

from quoteattr.compact import MIN_ELEMENTS, compact, expand, expand_file, is_compact


@given(
    rows=st.integers(1, 64),
    seed=st.integers(0, 2**16),
    scale=st.floats(1e-3, 1e3),
)
def test_a_matrix_comes_back_within_half_a_step_of_its_row(rows: int, seed: int, scale: float) -> None:
    generator = torch.Generator().manual_seed(seed)
    columns = -(-MIN_ELEMENTS // rows)  # enough numbers to be stored as int8
    matrix = torch.randn(rows, columns, generator=generator) * scale
    stored = compact(matrix)
    assert is_compact(stored)
    back = expand(stored)
    assert back.shape == matrix.shape
    assert back.dtype == torch.float16
    step = matrix.abs().amax(dim=1, keepdim=True) / 127
    # Half a quantisation step, plus fp16 rounding of the scale and of the result.
    assert bool(((back.float() - matrix).abs() <= step * 0.5 + matrix.abs() * 2e-3 + 1e-6).all())


def test_small_and_one_dimensional_tensors_are_fp16_and_others_untouched() -> None:
    state = {
        "bias": torch.ones(MIN_ELEMENTS * 2),
        "small": torch.ones(4, 4),
        "ids": torch.arange(5),
        "nested": [{"w": torch.ones(2, MIN_ELEMENTS)}],
        "name": "tagger",
    }
    stored = compact(state)
    assert stored["bias"].dtype == torch.float16
    assert stored["small"].dtype == torch.float16
    assert torch.equal(stored["ids"], state["ids"])
    assert stored["name"] == "tagger"
    assert is_compact(stored)
    assert not is_compact({"bias": stored["bias"]})
    back = expand(stored)
    assert torch.equal(back["nested"][0]["w"], torch.ones(2, MIN_ELEMENTS, dtype=torch.float16))
    assert torch.equal(back["ids"], state["ids"])


def test_a_zero_row_stays_zero() -> None:
    matrix = torch.zeros(3, MIN_ELEMENTS)
    matrix[1] = 5.0
    back = expand(compact(matrix))
    assert not back[0].any()
    assert not back[2].any()
    assert torch.equal(back[1], torch.full((MIN_ELEMENTS,), 5.0, dtype=torch.float16))


def test_expand_file_writes_a_file_torch_loads_as_plain_tensors(tmp_path: Path) -> None:
    source, target = tmp_path / "model.pt", tmp_path / "expanded.pt"
    torch.save({"model": compact({"w": torch.ones(8, MIN_ELEMENTS)}), "config": {"a": 1}}, source)
    expand_file(source, target)
    loaded = torch.load(target, weights_only=True)
    assert loaded["config"] == {"a": 1}
    assert loaded["model"]["w"].dtype == torch.float16
    assert not is_compact(loaded)


@pytest.mark.parametrize("value", [None, 3, "x", (1, 2)])
def test_values_that_are_not_tensors_pass_through(value: object) -> None:
    assert compact(value) == value
    assert expand(value) == value
