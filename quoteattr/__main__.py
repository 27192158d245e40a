"""``python -m quoteattr``: the same command line as ``quoteattr``."""

from __future__ import annotations

from quoteattr.cli import main

__all__: list[str] = []

# The guard matters: --jobs workers are spawned processes that import this module again.
if __name__ == "__main__":
    raise SystemExit(main())
