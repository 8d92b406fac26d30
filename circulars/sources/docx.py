"""Word documents (.docx) with python-docx, read from the body XML in document order.

- Paragraphs and tables interleave as in the document; a table row is one line, its
  cells joined with a tab (a cell's own paragraphs are joined with spaces).
- Content controls (``w:sdt``) and text boxes are read; the ``mc:Fallback`` copy of a
  text box is skipped so its text is not read twice.
- DOCX has no fixed pages: the text is one page, split only at explicit page breaks
  (``<w:br w:type="page"/>`` and paragraphs with ``w:pageBreakBefore``); Word's
  ``w:lastRenderedPageBreak`` hints are ignored.
- Headers and footers are not part of the body, but Thai templates often put the
  secrecy marking (ลับ) in the header and the owner unit and phone in the footer, so
  their text is kept once: header lines are put before the first page, footer lines
  after the last. Lines that are only a page number ("- ๒ -") are dropped.
- A document without text but with pictures (a scanned letter pasted into Word) gives
  empty pages listed in ``needs_ocr`` (method "ocr"); without either → EmptyInputError.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from ..config import Config
from ..errors import CorruptFileError, EmptyInputError, UnsupportedFormatError
from ..models import Page
from .base import MAGIC, OLE_MAGIC, SUFFIX, ZIP_MAGIC, SourceResult, clean_page_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
DOCX_SUFFIXES = frozenset({".docx", ".docm", ".dotx", ".dotm"})
# properties, the fallback copy of text boxes, and text a tracked change removed or moved away
_SKIP = frozenset({W + "pPr", W + "rPr", W + "sectPr", W + "del", W + "moveFrom", MC_FALLBACK})
_ENCRYPTED_OLE = "EncryptionInfo".encode("utf-16-le")
_PAGE_NUMBER_LINE = re.compile(r"[\s\-–—.()0-9๐-๙]*")


class PageBreak:
    """Marker in the stream of text pieces."""


PAGE = PageBreak()


def _walk(el) -> Iterator:
    for child in el:
        if child.tag in _SKIP:
            continue
        yield child
        if child.tag != W + "p":  # nested paragraphs (text boxes) are walked on their own
            yield from _walk(child)


def _paragraph_pieces(p) -> Iterator[str | PageBreak]:
    """Text pieces of one paragraph in order, with PAGE where an explicit page break is."""
    for el in _walk(p):
        tag = el.tag
        if tag == W + "t":
            yield el.text or ""
        elif tag == W + "tab":
            yield "\t"
        elif tag in (W + "br", W + "cr"):
            yield PAGE if el.get(W + "type") == "page" else "\n"
        elif tag == W + "noBreakHyphen":
            yield "-"
        elif tag == W + "p":  # a text box paragraph inside this one: its own line
            yield "\n"
            yield from _paragraph_pieces(el)


def _break_before(p) -> bool:
    flag = p.find(f"{W}pPr/{W}pageBreakBefore")
    return flag is not None and flag.get(W + "val", "true") not in ("0", "false", "off")


def _blocks(container) -> Iterator:
    """Paragraphs and tables of a body/cell/header, looking through content controls."""
    for child in container:
        if child.tag in (W + "p", W + "tbl"):
            yield child
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from _blocks(content)
        elif child.tag in (W + "customXml", W + "ins"):
            yield from _blocks(child)


def _plain(p) -> str:
    return "".join(x for x in _paragraph_pieces(p) if isinstance(x, str))


def _cell_text(tc) -> str:
    parts = []
    for block in _blocks(tc):
        text = _plain(block) if block.tag == W + "p" else " ".join(_table_lines(block))
        parts.append(text.replace("\t", " ").replace("\n", " ").strip())
    return " ".join(t for t in parts if t)


def _table_lines(tbl) -> list[str]:
    lines = []
    for tr in tbl.iter(W + "tr"):
        if next(tr.iterancestors(W + "tbl")) is not tbl:  # a row of a nested table
            continue
        cells = [_cell_text(tc) for tc in tr.iter(W + "tc") if next(tc.iterancestors(W + "tr")) is tr]
        if any(cells):
            lines.append("\t".join(cells))
    return lines


def _stream(body) -> Iterator[str | PageBreak]:
    """Lines of the body and PAGE markers, in document order."""
    for block in _blocks(body):
        if block.tag == W + "tbl":
            yield from _table_lines(block)
            continue
        if _break_before(block):
            yield PAGE
        yield from _split_paragraph(list(_paragraph_pieces(block)))


def _split_paragraph(pieces: list[str | PageBreak]) -> Iterator[str | PageBreak]:
    """A paragraph holding page breaks: its text before and after each break, dropping
    the empty remainder of a paragraph that only holds the break."""
    segments: list[list[str]] = [[]]
    for x in pieces:
        if isinstance(x, PageBreak):
            segments.append([])
        else:
            segments[-1].append(x)
    if len(segments) == 1:
        yield "".join(segments[0])
        return
    for i, seg in enumerate(segments):
        if i:
            yield PAGE
        text = "".join(seg)
        if text.strip():
            yield text


def page_texts(body) -> list[str]:
    """The body's text as pages (split at explicit page breaks); trailing empty pages dropped."""
    pages: list[list[str]] = [[]]
    for item in _stream(body):
        if isinstance(item, PageBreak):
            pages.append([])
        else:
            pages[-1].append(item)
    texts = ["\n".join(lines) for lines in pages]
    while len(texts) > 1 and not texts[-1].strip():
        texts.pop()
    return texts


def _part_lines(element) -> list[str]:
    lines = []
    for text in _stream(element):
        if isinstance(text, str):
            lines.extend(t.strip() for t in text.split("\n"))
    return [t for t in lines if t and not _PAGE_NUMBER_LINE.fullmatch(t)]


def header_footer_lines(document) -> tuple[list[str], list[str]]:
    """Distinct non-page-number lines of all headers and of all footers, in section order."""
    heads: dict[str, None] = {}
    feet: dict[str, None] = {}
    for section in document.sections:
        for kind, seen in (("header", heads), ("footer", feet)):
            for hf in (
                getattr(section, f"first_page_{kind}"),
                getattr(section, kind),
                getattr(section, f"even_page_{kind}"),
            ):
                if not hf.is_linked_to_previous:
                    seen.update(dict.fromkeys(_part_lines(hf.part.element)))
    return list(heads), list(feet)


def _has_pictures(body) -> bool:
    return any(True for _ in body.iter(W + "drawing", W + "pict", W + "object"))


def _open_error(e: Exception) -> str:
    detail = e.args[0] if isinstance(e, KeyError) and e.args else e
    return f"cannot be opened as DOCX: {detail}"


def open_document(path: Path):
    """The python-docx Document, or CorruptFileError / UnsupportedFormatError saying why not."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    with path.open("rb") as f:
        head = f.read(8)
    if head.startswith(OLE_MAGIC):
        if _ENCRYPTED_OLE in path.read_bytes():
            raise CorruptFileError("password-protected (an encrypted Office document)", path=path)
        raise UnsupportedFormatError("a legacy Word .doc file, not DOCX: save it as .docx", path=path)
    try:
        return docx.Document(str(path))
    except (
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        PackageNotFoundError,
        etree.XMLSyntaxError,
        zlib.error,
        EOFError,
    ) as e:
        raise CorruptFileError(_open_error(e), path=path) from e


def _is_word_zip(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as z:
            return "word/document.xml" in z.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


class DocxSource:
    name = "docx"

    def score(self, path: Path, head: bytes) -> int:
        docx_suffix = path.suffix.lower() in DOCX_SUFFIXES
        if head.startswith(ZIP_MAGIC) and (docx_suffix or _is_word_zip(path)):
            return MAGIC
        if head.startswith(OLE_MAGIC) and docx_suffix:
            return MAGIC
        return SUFFIX if docx_suffix else 0

    def read(self, path: Path, config: Config) -> SourceResult:
        document = open_document(path)
        body = document.element.body
        texts = page_texts(body)
        heads, feet = header_footer_lines(document)
        texts[0] = "\n".join([*heads, texts[0]]) if heads else texts[0]
        texts[-1] = "\n".join([texts[-1], *feet]) if feet else texts[-1]
        pages = [Page(i, clean_page_text(t), "docx") for i, t in enumerate(texts, 1)]
        if any(p.text.strip() for p in pages):
            return SourceResult(pages=pages, method="docx")
        if not _has_pictures(body):
            raise EmptyInputError("the document holds no text", path=path)
        warning = "the document holds only pictures, no text; OCR of DOCX pictures is not available yet"
        return SourceResult(
            pages=pages, method="ocr", needs_ocr=[p.number for p in pages], warnings=[warning]
        )
