"""Fixtures that make small input files (PDF with a Thai text layer, DOCX) in tmp_path."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

THAI_FONT = Path("/usr/share/fonts/truetype/tlwg/Laksaman.ttf")

Table = Sequence[Sequence[str]]


def _pdf_page(pdf, text: str | None) -> None:
    pdf.add_page()
    if text:
        pdf.multi_cell(0, 10, text)
    else:  # a page without text, like a scan: only a drawing
        pdf.rect(20, 20, 120, 80)


@pytest.fixture
def make_pdf(tmp_path: Path) -> Callable[..., Path]:
    """``make_pdf(pages, name="doc.pdf", password=None, shaping=False)``: one PDF page per
    string, in Laksaman (fonts-thai-tlwg); ``None`` or "" makes a page with only a rectangle.

    Text shaping is off by default: with ``set_text_shaping(True)`` fpdf2 2.8 writes a wrong
    ToUnicode map for Thai clusters (a decomposed ำ's extra glyph gets a control code, some
    tone marks move; see bench/pdf_text_extractors.py), so no reader gets the text back."""
    fpdf = pytest.importorskip("fpdf")
    if not THAI_FONT.exists():
        pytest.skip("fonts-thai-tlwg is not installed")

    def make(
        pages: Sequence[str | None],
        name: str = "doc.pdf",
        *,
        password: str | None = None,
        shaping: bool = False,
    ) -> Path:
        pdf = fpdf.FPDF()
        pdf.add_font("Laksaman", fname=str(THAI_FONT))
        pdf.set_font("Laksaman", size=16)
        if shaping:
            pdf.set_text_shaping(True)
        if password:
            pdf.set_encryption(owner_password=password + "-owner", user_password=password)
        for text in pages:
            _pdf_page(pdf, text)
        path = tmp_path / name
        pdf.output(str(path))
        return path

    return make


def _add_paragraph(doc, text: str) -> None:
    """A paragraph; each form feed in ``text`` becomes an explicit page break."""
    from docx.enum.text import WD_BREAK

    paragraph = doc.add_paragraph()
    for i, part in enumerate(text.split("\f")):
        if i:
            paragraph.add_run().add_break(WD_BREAK.PAGE)
        if part:
            paragraph.add_run(part)


# a letter's header lines with Thai digits and English words among them (OSS, an e-mail address)
MIXED_LETTER = "ที่ มท ๐๘๑๒/ว ๘๙๖๓\nวันที่ ๑๕ มกราคม ๒๕๖๘\nเรื่อง ขอเชิญประชุมคณะกรรมการ\n" \
               "เรียน ผู้ว่าราชการจังหวัด\nส่งทาง OSS และ e-mail saraban@moi.go.th ภายใน ๓๐ วัน\n"


@pytest.fixture(scope="session")
def scan_of() -> Callable[..., object]:
    """``scan_of(seed, text=MIXED_LETTER)``: the first page of ``text`` as corpus/scangen.py
    renders it in the scan style of ``seed`` (a PIL image)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    scangen = pytest.importorskip("corpus.scangen")
    if not scangen.FONT.exists():
        pytest.skip("fonts-thai-tlwg is not installed")

    def make(seed: int, text: str = MIXED_LETTER):
        style = scangen.ScanStyle.random(seed)
        return scangen.degrade(scangen.layout(text, style)[0].image, style)

    return make


def tiny_png() -> bytes:
    """A valid 1×1 white PNG."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff"))
        + chunk(b"IEND", b"")
    )


def _add_table(doc, rows: Table) -> None:
    table = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for cells, row in zip(table.rows, rows, strict=True):
        for cell, text in zip(cells.cells, row, strict=False):
            cell.text = text


@pytest.fixture
def make_docx(tmp_path: Path) -> Callable[..., Path]:
    """``make_docx(paragraphs, tables=None, name="doc.docx", header=None, footer=None, picture=False)``.

    ``paragraphs`` items are strings (a "\\f" in one is a page break) or tables (lists of
    rows of cell strings) placed where they stand; ``tables`` are added after them;
    ``picture`` adds a 1×1 PNG picture at the end."""
    docx = pytest.importorskip("docx")

    def make(
        paragraphs: Sequence[str | Table],
        tables: Sequence[Table] | None = None,
        name: str = "doc.docx",
        *,
        header: str | None = None,
        footer: str | None = None,
        picture: bool = False,
    ) -> Path:
        doc = docx.Document()
        for item in [*paragraphs, *(tables or [])]:
            if isinstance(item, str):
                _add_paragraph(doc, item)
            else:
                _add_table(doc, item)
        if picture:
            png = tmp_path / "picture.png"
            png.write_bytes(tiny_png())
            doc.add_picture(str(png))
        section = doc.sections[0]
        if header is not None:
            section.header.paragraphs[0].text = header
        if footer is not None:
            section.footer.paragraphs[0].text = footer
        path = tmp_path / name
        doc.save(str(path))
        return path

    return make
