"""OCR engines behind one small interface.

An engine turns one page image (a PIL image, already preprocessed) into an
:class:`OcrPage`: tesseract's own text, the recognised symbols with boxes and
confidences, and the mean confidence. :class:`TesseractEngine` runs the ``tesseract``
program (one process per page, ``OMP_THREAD_LIMIT=1`` so that pages, not threads,
are spread over the cores); :class:`NullOcrEngine` returns fixed texts for tests."""

from __future__ import annotations

import bisect
import io
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from ..errors import EngineUnavailableError


@dataclass(frozen=True)
class Word:
    """One recognised unit of tesseract's TSV output. For Thai, tesseract reports a
    character cluster (consonant with its marks, a digit) per unit; Latin words whole."""

    text: str
    box: tuple[int, int, int, int]  # left, top, width, height in page pixels
    confidence: float  # 0–1
    line: tuple[int, int, int]  # block, paragraph, line numbers
    offset: int = -1  # where ``text`` starts in the page text, -1 when not found


@dataclass
class OcrPage:
    text: str
    words: list[Word] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def confidence(self) -> float | None:
        """Mean word confidence (0–1), None when nothing was recognised."""
        confs = [w.confidence for w in self.words if w.text.strip()]
        return round(sum(confs) / len(confs), 4) if confs else None


@runtime_checkable
class OcrEngine(Protocol):
    name: str

    def available(self) -> str | None:
        """None when the engine can run, else the reason it cannot."""

    def recognize(self, image, *, languages: str, psm: int) -> OcrPage: ...


class NullOcrEngine:
    """Returns ``texts`` in turn (cycling), whatever the image; records the image sizes."""

    name = "null"

    def __init__(self, texts: Sequence[str] = ("",), confidence: float = 0.9):
        self.texts = list(texts) or [""]
        self.conf = confidence
        self.calls: list[tuple[int, int]] = []

    def available(self) -> str | None:
        return None

    def recognize(self, image, *, languages: str, psm: int) -> OcrPage:
        text = self.texts[len(self.calls) % len(self.texts)]
        self.calls.append(image.size)
        words = [Word(t, (0, 0, 1, 1), self.conf, (1, 1, 1)) for t in text.split()]
        return OcrPage(text, link_offsets(text, words))


def tesseract_command() -> str | None:
    return shutil.which(os.environ.get("TESSERACT_CMD", "tesseract"))


def parse_tsv(tsv: str) -> list[Word]:
    """The word rows (level 5) of tesseract's TSV output."""
    words = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        left, top, width, height = (int(c) for c in cols[6:10])
        conf = max(0.0, float(cols[10])) / 100
        line = (int(cols[2]), int(cols[3]), int(cols[4]))
        words.append(Word(cols[11], (left, top, width, height), round(conf, 4), line))
    return words


_NONSPACE = re.compile(r"\S")


def link_offsets(text: str, words: list[Word]) -> list[Word]:
    """Each word with the offset of its text in ``text``, found in order (the TSV lists
    the words in the order the text has them)."""
    out, pos = [], 0
    for w in words:
        # the window starts at the next non-space: tesseract pads column gaps with many spaces
        nonspace = _NONSPACE.search(text, pos)
        start = nonspace.start() if nonspace else len(text)
        at = text.find(w.text, pos, start + 40 + len(w.text))
        if at < 0:
            out.append(w)
            continue
        out.append(Word(w.text, w.box, w.confidence, w.line, at))
        pos = at + len(w.text)
    return out


def replace_spans(page: OcrPage, new: dict[int, tuple[int, str]]) -> OcrPage:
    """``page`` with text spans replaced: ``new`` maps a start offset to (end, text); spans
    must not overlap. Word offsets are moved to the new text; a word that is exactly a
    replaced span takes the new text, the other units inside a span keep theirs and move
    to its start."""
    if not new:
        return page
    out, pos, shift = [], 0, 0
    starts, spans = [], []  # spans: (start, end, shift before, shift after)
    for start in sorted(new):
        end, text = new[start]
        out.append(page.text[pos:start] + text)
        after = shift + len(text) - (end - start)
        starts.append(start)
        spans.append((start, end, shift, after))
        shift, pos = after, end
    out.append(page.text[pos:])
    words = []
    for w in page.words:
        if w.offset < 0:
            words.append(w)
            continue
        k = bisect.bisect_right(starts, w.offset) - 1
        if k < 0:
            offset = w.offset
        else:
            start, end, before, after = spans[k]
            offset = start + before if w.offset < end else w.offset + after
        hit = new.get(w.offset)
        text = hit[1] if hit and hit[0] == w.offset + len(w.text) and hit[1] else w.text
        words.append(Word(text, w.box, w.confidence, w.line, offset))
    return OcrPage("".join(out), words, list(page.warnings))


class TesseractEngine:
    """The ``tesseract`` program, text and TSV from one run, image through stdin."""

    name = "tesseract"

    def __init__(self, command: str | None = None, timeout: float = 300):
        self.command = command or tesseract_command()
        self.timeout = timeout

    def available(self) -> str | None:
        return None if self.command else "the tesseract program is not installed (apt install tesseract-ocr)"

    def recognize(self, image, *, languages: str, psm: int) -> OcrPage:
        if not self.command:
            raise EngineUnavailableError(self.available() or "")
        buf = io.BytesIO()
        # PNG, not PPM: tesseract took 0.2–0.4 s longer per page to read a PPM/BMP from
        # stdin; a 1-bit image is the fastest to write and read (bench/ocr_bench.py speed)
        image.save(buf, format="PNG", compress_level=1)
        with tempfile.TemporaryDirectory(prefix="circulars-ocr-") as tmp:
            base = Path(tmp) / "out"
            self._run(buf.getvalue(), base, languages, psm)
            text = base.with_suffix(".txt").read_text("utf-8")
            tsv = base.with_suffix(".tsv").read_text("utf-8")
        text = text.replace("\f", "").rstrip() + "\n"
        return OcrPage(text, link_offsets(text, parse_tsv(tsv)))

    def _run(self, data: bytes, base: Path, languages: str, psm: int) -> None:
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        cmd = [self.command, "stdin", str(base), "-l", languages, "--psm", str(psm), "txt", "tsv"]
        proc = subprocess.run(cmd, input=data, env=env, capture_output=True, timeout=self.timeout,
                              check=False)
        if proc.returncode:
            detail = proc.stderr.decode("utf-8", "replace").strip().splitlines()
            raise EngineUnavailableError(f"tesseract failed: {detail[-1] if detail else proc.returncode}")
