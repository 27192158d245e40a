"""Time per character of the mark scanner and the segmenter on growing pathological inputs.

    python benchmarks/scaling_scan.py

Each input is timed at 1x, 4x and 16x length; linear code keeps the time per character flat.
"""

from __future__ import annotations

import time

from quoteattr.marks import scan
from quoteattr.segment import segment

UNITS = [
    "‘a ",
    "“a. ‘b. ",
    "'a 'b', ",
    "'",
    "a.",
    "(a",
    "'s-",
    "x@y.",
    ",,",
    "Hij zei: ,,Dat is zo'n dag.'' ",
]


def _per_char(function: object, text: str) -> float:
    assert callable(function)
    began = time.perf_counter()
    function(text)
    return (time.perf_counter() - began) / len(text) * 1e6


def main() -> None:
    print(f"{'unit':<34}{'stage':<9}{'1x µs/char':>12}{'4x':>10}{'16x':>10}")
    for unit in UNITS:
        base = unit * (10_000 // len(unit) + 1)
        for name, function in (("scan", scan), ("segment", segment)):
            times = [_per_char(function, base * factor) for factor in (1, 4, 16)]
            print(f"{unit!r:<34}{name:<9}" + "".join(f"{t:>10.3f}" for t in times))


if __name__ == "__main__":
    main()
