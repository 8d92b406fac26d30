"""The pipeline, reading like a table of contents:

    file ─► read_input ─► normalize_pages ─► map_ocr_words ─► segment_text ─► extract_parts
         ─► link ─► assign_tasks ─► rate_fields ─► Document

Each stage is a named function taking and returning a typed object."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from .confidence import map_ocr_words, rate_fields
from .config import Config
from .extractors.attachment import read_attachment
from .extractors.letter import read_letter
from .extractors.plausible import check_date, check_order_year
from .extractors.tasks import assign_tasks
from .link import attachment_owner, link_letters
from .models import Document, Page
from .progress import Progress, null_progress
from .reading import RawInput, normalize_pages, read_input
from .segment import Segmentation, segment
from .sources import SourceResult


def extract_file(path: str | Path, config: Config | None = None, progress: Progress = null_progress) -> Document:
    """Read one file (text, DOCX, PDF) into a Document of letters, attachments and links."""
    config = config or Config()
    path = Path(path)
    progress("read", path=str(path))
    raw = read_input(path, config)
    doc = extract_raw(raw, config, progress)
    progress("done", path=str(path), detail=f"{len(doc.letters)} letters")
    return doc


def extract_text(text: str, *, path: str = "<text>", config: Config | None = None) -> Document:
    """Run the pipeline on text already in memory (tests, the web form)."""
    data = text.encode("utf-8")
    raw = RawInput(Path(path), hashlib.sha256(data).hexdigest(),
                   SourceResult(pages=[Page(1, text, "text")], method="text", needs_ocr=[], warnings=[]))
    return extract_raw(raw, config or Config())


def extract_raw(raw: RawInput, config: Config, progress: Progress = null_progress) -> Document:
    """Every stage after reading: pages normalised, OCR units mapped, letters, links and tasks
    read, field confidences rated."""
    doc = map_ocr_words(raw, normalize_pages(raw))
    progress("segment", path=str(raw.path))
    seg = segment_text(doc)
    progress("extract", path=str(raw.path))
    extract_parts(doc, seg, config.today)
    doc.links = link_letters(doc.letters, doc.text)
    assign_tasks(doc)
    return rate_fields(doc, config)


def segment_text(doc: Document) -> Segmentation:
    seg = segment(doc.text)
    doc.furniture = [f for _, f in sorted(seg.furniture.items())]
    return seg


def _pages(doc: Document, span: tuple[int, int]) -> list[int]:
    return list(range(doc.page_of(span[0]), doc.page_of(max(span[0], span[1] - 1)) + 1))


def extract_parts(doc: Document, seg: Segmentation, today: dt.date | None = None) -> Document:
    """Read every letter and attachment part (dates checked against ``today``, default the clock's)."""
    for part in seg.parts:
        if part.kind == "letter":
            letter = read_letter(part, doc.text, seg.furniture)
            check_date(letter, today)
            check_order_year(letter)
            letter.pages = _pages(doc, letter.span)
            doc.letters.append(letter)
        else:
            att = read_attachment(part, doc.text, seg.furniture)
            att.pages = _pages(doc, att.span)
            att_owner = attachment_owner(att, doc.letters, len(doc.letters))
            att.owner = att_owner
            doc.attachments.append(att)
    return doc
