"""Lines of a document with their offsets: the unit segmentation and the header
extractors work on."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    index: int
    start: int  # offset of the first character in the document text
    text: str  # the line without its newline; leading/trailing spaces kept

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def span(self) -> tuple[int, int]:
        lead = len(self.text) - len(self.text.lstrip())
        return (self.start + lead, self.start + len(self.text.rstrip()))


def split_lines(text: str) -> list[Line]:
    """Every line of ``text`` (form feeds count as line breaks) with its offset."""
    out: list[Line] = []
    start = 0
    for piece in re.split(r"[\n\f]", text):
        out.append(Line(len(out), start, piece))
        start += len(piece) + 1
    return out


def join_stripped(lines: list[Line]) -> str:
    """The non-blank lines' text joined with single spaces."""
    return re.sub(r"\s+", " ", " ".join(ln.stripped for ln in lines if not ln.blank)).strip()
