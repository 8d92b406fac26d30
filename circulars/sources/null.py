"""An engine for tests: returns the pages it was given, whatever the file holds."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..config import Config
from ..models import Page
from .base import SourceResult


class NullSource:
    """Reads any file as the fixed ``pages`` (strings or Page objects). ``score`` is what it
    bids for every file (pass it in ``sources=`` to make it win or lose)."""

    name = "null"

    def __init__(
        self,
        pages: Sequence[str | Page] = ("",),
        *,
        method: str = "text",
        needs_ocr: Sequence[int] = (),
        warnings: Sequence[str] = (),
        score: int = 1,
    ):
        self.pages = [p if isinstance(p, Page) else Page(i, p, method) for i, p in enumerate(pages, 1)]
        self.method = method
        self.needs_ocr = list(needs_ocr)
        self.warnings = list(warnings)
        self.bid = score
        self.calls: list[Path] = []

    def score(self, path: Path, head: bytes) -> int:
        return self.bid

    def read(self, path: Path, config: Config) -> SourceResult:
        self.calls.append(path)
        pages = [Page(p.number, p.text, p.method, p.confidence) for p in self.pages]
        return SourceResult(
            pages=pages, method=self.method, needs_ocr=list(self.needs_ocr), warnings=list(self.warnings)
        )
