"""The small callback interface through which the library reports progress.

The library never prints; the CLI passes a callback that draws a progress bar."""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    def __call__(self, event: str, *, path: str = "", done: int = 0, total: int = 0, detail: str = "") -> None: ...


def null_progress(event: str, *, path: str = "", done: int = 0, total: int = 0, detail: str = "") -> None:
    """Progress callback that ignores everything (the default)."""
