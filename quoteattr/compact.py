"""Compact storage for the shipped model files: weight matrices as 8-bit integers.

Each matrix of a saved model (two or more dimensions, at least :data:`MIN_ELEMENTS` numbers) is
stored as int8 with one fp16 scale per row (symmetric: the row's largest magnitude maps to 127);
every other floating-point tensor as fp16. That halves the files against fp16, and on Alpino dev
it changed no score by more than 0.01 (docs/model.md). Stanza cannot read these files itself:
:func:`expand` turns them back into ordinary fp16 files (Stanza casts those to float32 when it
loads them), which the adapter (:mod:`quoteattr.parsing`) writes to a temporary folder only
while the pipeline loads.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["MIN_ELEMENTS", "compact", "expand", "expand_file", "is_compact"]

MIN_ELEMENTS = 4096
# The marker key of a stored matrix; no Stanza state dict has a key like it.
_INT8 = "__quoteattr_int8__"


def compact(value: Any) -> Any:
    """``value`` (a tensor, or dicts and lists of them, as in a Stanza model file) with its
    matrices as int8 plus row scales and its other floating-point tensors as fp16."""
    import torch

    if isinstance(value, torch.Tensor) and value.is_floating_point():
        if value.dim() < 2 or value.numel() < MIN_ELEMENTS:
            return value.half()
        rows = value.detach().float().reshape(value.shape[0], -1)
        scale = rows.abs().amax(dim=1, keepdim=True).clamp(min=1e-12) / 127
        quantised = torch.round(rows / scale).clamp(-127, 127).to(torch.int8)
        return {_INT8: quantised.reshape(value.shape), "scale": scale.squeeze(1).half()}
    if isinstance(value, dict):
        return {key: compact(item) for key, item in value.items()}
    if isinstance(value, list):
        return [compact(item) for item in value]
    return value


def expand(value: Any) -> Any:
    """The inverse of :func:`compact`, to fp16: matrices are rebuilt from their int8 rows and
    scales; everything else is returned as it is."""

    if isinstance(value, dict):
        if _INT8 in value:
            quantised, scale = value[_INT8], value["scale"]
            rows = quantised.reshape(quantised.shape[0], -1).float() * scale.float().unsqueeze(1)
            return rows.reshape(quantised.shape).half()
        return {key: expand(item) for key, item in value.items()}
    if isinstance(value, list):
        return [expand(item) for item in value]
    return value


def is_compact(value: Any) -> bool:
    """Whether ``value`` holds any matrix stored by :func:`compact`."""
    if isinstance(value, dict):
        return _INT8 in value or any(is_compact(item) for item in value.values())
    if isinstance(value, list):
        return any(is_compact(item) for item in value)
    return False


def expand_file(source: Path, target: Path) -> None:
    """Write ``target``: the model file ``source`` with its matrices expanded (:func:`expand`)."""
    import torch

    torch.save(expand(torch.load(source, map_location="cpu", weights_only=False)), target)
