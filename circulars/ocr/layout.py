"""Header lines of a form put back one field a line.

Tesseract writes the fields of one printed row of a memo or message form as one text line,
the columns separated by tabs: ``ด่วนมาก<TAB>บันทึกข้อความ`` (the urgency stamp beside the
title), ``ที่ กห ๐๓๐๑.๑๐.๑/๒๖๐<TAB>วันที่<TAB>๓<TAB>พ.ค. ๖๗`` (reference and date on one
row). The letter's text source gives each field its own line, and that is what the letter
parser reads. :func:`split_fields` cuts a line before every column cell that opens
with a header label (``วันที่``, ``เรื่อง``, ``บันทึกข้อความ``, ``ที่ของผู้ให้ข่าว`` …; the
labels come from ``keywords.toml``), and after a first cell that is only an urgency or
secrecy word. The gaps inside a cut-off field become one space (``วันที่ ๓ พ.ค. ๖๗``); word
offsets into the page text are moved with the edits. Lines without such a cell, as a
receiving stamp's columns beside the letter, keep their column gaps. (Tesseract writes a
column gap as a run of spaces, which the text cleaner turns into a tab.)"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from functools import cache

from .. import data
from .digits import ITEM_NUMBER
from .engine import OcrPage, Word, replace_spans
from .mixed import THAI

# label groups whose words open a field of their own when they start a tab cell
GROUPS = ("reference", "date", "subject", "recipient", "sender", "cites", "copies", "enclosures", "unit")
# a bare ที่ opens a field only before what looks like a reference (a code of Thai letters)
_BARE_TI = re.compile(r"ที่\s*[\u0e01-\u0e2e]{1,3}[\s.]")


@cache
def _opener_re() -> re.Pattern[str]:
    kw = data.keywords()
    words = {w for g in GROUPS for w in kw["labels"][g] if w != "ที่"}
    words |= set(kw["starts"]["memo"]) | set(kw["starts"]["fax"]) | set(kw["urgency_labels"])
    alts = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    return re.compile(rf"(?:{alts})(?=[\s:.]|$)")


@cache
def _flag_words() -> frozenset[str]:
    kw = data.keywords()
    return frozenset(kw["urgency"]) | frozenset(kw["secrecy"])


def opens_field(cell: str) -> bool:
    """A tab cell that starts a header field of its own, or is a whole date (a letter's
    date printed right of a receiving stamp's เวลา line)."""
    s = cell.lstrip(" .|")
    return bool(_opener_re().match(s) or _BARE_TI.match(s) or is_whole_date(s))


def is_whole_date(cell: str) -> bool:
    """``cell`` is one full date and nothing else (``๒๒ เมษายน ๒๕๖๘``; not a range)."""
    from ..thaidate import find_dates

    s = cell.strip(" |")
    found = find_dates(s) if s and s[0] in THAI_AND_ARABIC_DIGITS else []
    d = found[0] if len(found) == 1 else None
    return bool(d and d.span == (0, len(s)) and d.precision == "day" and not d.error and d.start is None)


def _is_flag(cell: str) -> bool:
    words = cell.split()
    return bool(words) and all(w.strip("|:-") in _flag_words() for w in words)


THAI_AND_ARABIC_DIGITS = "๐๑๒๓๔๕๖๗๘๙0123456789"

# a column gap in tesseract's text (the text cleaner makes it a tab), or a table's vertical
# rule read as ``|`` with a space beside it
GAP = re.compile(r"[ \t]+\|[ \t]*|\|[ \t]+|\t+| {3,}")


def line_edits(line: str, at: int = 0) -> dict[int, tuple[int, str]]:
    """Replacements (start → (end, text), offsets from ``at``) that cut ``line`` before
    each gap-separated field cell: the gap before the cell becomes a newline, the gaps
    inside a cut-off field one space."""
    gaps = list(GAP.finditer(line))
    if not gaps:
        return {}
    cells = [line[: gaps[0].start()]] + [line[g.end() : (gaps[k + 1].start() if k + 1 < len(gaps) else len(line))]
                                          for k, g in enumerate(gaps)]
    edits, in_field = {}, False
    for k, gap in enumerate(gaps):
        cell = cells[k + 1]
        if opens_field(cell) or (k == 0 and _is_flag(cells[0]) and cell.strip()):
            edits[at + gap.start()] = (at + gap.end(), "\n")
            in_field = True
        elif in_field:
            edits[at + gap.start()] = (at + gap.end(), " ")
    return edits


def field_edits(text: str) -> dict[int, tuple[int, str]]:
    """:func:`line_edits` of every line of ``text``."""
    edits, at = {}, 0
    for line in text.split("\n"):
        edits.update(line_edits(line, at))
        at += len(line) + 1
    return edits


def apply_edits(text: str, edits: dict[int, tuple[int, str]]) -> str:
    out, pos = [], 0
    for start in sorted(edits):
        end, new = edits[start]
        out += [text[pos:start], new]
        pos = end
    return "".join(out) + text[pos:]


def split_fields(page: OcrPage) -> OcrPage:
    """``page`` with its form rows cut into one header field a line (word offsets moved)."""
    return replace_spans(page, field_edits(page.text))


def _block_spans(page: OcrPage) -> list[tuple[int, int, float]]:
    """(block number, where its text starts, the top of its first line) of every block,
    in text order."""
    first: dict[int, list] = {}
    for w in page.words:
        if w.offset < 0:
            continue
        entry = first.setdefault(w.line[0], [w.offset, w.line, []])
        entry[0] = min(entry[0], w.offset)
        if w.line[1:] < entry[1][1:]:
            entry[1], entry[2] = w.line, []
        if w.line == entry[1]:
            entry[2].append(w.box[1])
    out = []
    for block, (start, _line, tops) in first.items():
        tops = sorted(tops)
        out.append((block, start, float(tops[len(tops) // 2])))
    return sorted(out, key=lambda b: b[1])


def reading_order(page: OcrPage) -> OcrPage:
    """``page`` with its text blocks in top-to-bottom order. Tesseract's page layout
    sometimes puts a block after one printed below it (on memos the signature's name in
    parentheses before the closing ``จึงเสนอมาเพื่อพิจารณา``, which the letter parser
    then misses); each block's text moves whole, with the blank lines after it, and the
    word offsets move with it."""
    blocks = _block_spans(page)
    order = sorted(blocks, key=lambda b: b[2])
    if [b[0] for b in order] == [b[0] for b in blocks]:
        return page
    starts = [b[1] for b in blocks]
    chunks = {b[0]: (a, starts[i + 1] if i + 1 < len(starts) else len(page.text)) for i, (b, a) in
              enumerate(zip(blocks, starts, strict=True))}
    head = page.text[: starts[0]]
    parts, moved, at = [head], {}, len(head)
    for block, _start, _top in order:
        a, b = chunks[block]
        chunk = page.text[a:b]
        if not chunk.endswith("\n"):
            chunk += "\n"
        moved[block] = at - a
        parts.append(chunk)
        at += len(chunk)
    words = [w if w.offset < 0 else replace(w, offset=w.offset + moved[_owner(w.offset, blocks)]) for w in page.words]
    return OcrPage("".join(parts), words, list(page.warnings))


def _owner(offset: int, blocks: list[tuple[int, int, float]]) -> int:
    """The block whose text chunk holds ``offset`` (blocks in text order)."""
    owner = blocks[0][0]
    for block, start, _top in blocks:
        if start > offset:
            break
        owner = block
    return owner


JUNK_HEIGHT = 0.6  # a line of units lower than this share of the page's Thai units holds marks only
JUNK_CONFIDENCE = 0.6


_DASHES = "-–—"
PAGE_NUMBER_LEN = 3  # characters of the number between the dashes (``- ๒ -``, read ``- lo -``)


def page_number_line(units: list[Word], height: float) -> bool:
    """A page number between dashes (``- ๒ -`` at the top of a letter's second page), its
    digits as tall as text: the English model's ``- lo -`` for it is not specks, and the
    digit re-reader reads it again."""
    inner = [w for w in units if w.text.strip(_DASHES)]
    text = "".join(w.text for w in units)
    return (len(inner) == 1 and text[0] in _DASHES and text[-1] in _DASHES
            and len(text.strip(_DASHES)) <= PAGE_NUMBER_LEN and inner[0].box[3] >= JUNK_HEIGHT * height)


ITEM_HEIGHT = 0.4  # × the page's Thai unit height: an item number's box is at least this high (a speck's is not)


_ITEM_GUESS = re.compile(r"\(?[^\s.()]{1,3}[.)]{1,2}")  # what the English model makes of one: en.  6)  6).


def item_number_line(units: list[Word], height: float) -> bool:
    """An item number alone on its line (``๓.``, ``(๒)``; its text begins on the next line),
    or one unit shaped like one (``en.`` for ``๓.``: the digit re-reader reads its glyphs):
    its digits sit low beside the page's tall consonants, but it is not marks or specks."""
    text = "".join(w.text for w in units)
    shaped = bool(ITEM_NUMBER.fullmatch(text) or (len(units) == 1 and _ITEM_GUESS.fullmatch(text)))
    return shaped and min(w.box[3] for w in units) >= ITEM_HEIGHT * height


def _is_junk(units: list[Word], height: float) -> bool:
    """A text line that is not text: the tone marks and upper vowels of the line below read
    as a line of their own (``ad wa``, ``บ vow ซ่ ๐ a ง``), a signature's scribble, specks."""
    if page_number_line(units, height) or item_number_line(units, height):
        return False
    heights = sorted(w.box[3] for w in units)
    if heights[len(heights) // 2] < JUNK_HEIGHT * height:
        return True
    foreign = sum(not THAI.search(w.text) for w in units)  # Latin letters, symbols
    if foreign * 2 < len(units):
        return False
    if foreign == len(units) and all(len(w.text) <= 3 for w in units):
        return True
    return sum(w.confidence for w in units) / len(units) < JUNK_CONFIDENCE


_THAI_LETTER = re.compile("[\u0e01-\u0e2e]")


def drop_junk_lines(page: OcrPage) -> OcrPage:
    """``page`` without the text lines :func:`_is_junk` finds, on a page that is mostly
    Thai. A line goes only when nothing else shares its text line."""
    thai = [w for w in page.words if _THAI_LETTER.search(w.text)]
    if len(thai) * 2 < len(page.words) or not thai:
        return page
    heights = sorted(w.box[3] for w in thai)
    height = heights[len(heights) // 2]
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for w in page.words:
        if w.offset >= 0:
            lines.setdefault(w.line, []).append(w)
    cut, junk = {}, set()
    for key, units in lines.items():
        if not _is_junk(units, height):
            continue
        start = page.text.rfind("\n", 0, units[0].offset) + 1
        end = page.text.find("\n", units[-1].offset)
        end = len(page.text) if end < 0 else end + 1
        others = [w for w in page.words if start <= w.offset < end and w.line != key]
        if not others:
            cut[start], junk = (end, ""), junk | {key}
    page = replace_spans(page, cut)
    return OcrPage(page.text, [w for w in page.words if w.line not in junk], page.warnings)


COLUMN_ROWS = 6  # rows under a column head that can belong to its table


@cache
def _column_heads() -> frozenset[str]:
    return frozenset(data.keywords()["signature"]["column_heads"])


def _head_word(cell: str) -> str:
    """A cell as the fixed header word it may be (the page is not post-corrected yet:
    ``ผู้เขียข่ว``)."""
    from .correct import nearest_fixed_word

    return nearest_fixed_word(cell.strip(" |"))


def _cells(page: OcrPage, start: int, end: int) -> list[tuple[int, int, float]]:
    """(start, end, x centre) of the gap-separated cells of the text line ``start:end``;
    the x centre from the cell's units, None when it has none."""
    line = page.text[start:end]
    bounds, at = [], 0
    for gap in GAP.finditer(line):
        bounds.append((at, gap.start()))
        at = gap.end()
    bounds.append((at, len(line)))
    out = []
    for a, b in bounds:
        if not line[a:b].strip(" |"):  # a table rule read as |
            continue
        xs = [w.box[0] + w.box[2] / 2 for w in page.words if start + a <= w.offset < start + b]
        out.append((start + a, start + b, sum(xs) / len(xs) if xs else None))
    return out


def _lines(text: str) -> list[tuple[int, int]]:
    out, at = [], 0
    for line in text.split("\n"):
        out.append((at, at + len(line)))
        at += len(line) + 1
    return out


def _table_at(page: OcrPage, lines: list[tuple[int, int]], i: int) -> list[list[tuple[int, int]]] | None:
    """The columns (each a list of cell spans, head first) of a signature table whose
    head row is line ``i``, or None."""
    if not GAP.search(page.text, *lines[i]):
        return None  # one cell: not a table row (checked before the cells' units are looked up)
    head = _cells(page, *lines[i])
    if len(head) < 2 or None in (c[2] for c in head) or \
            not any(_head_word(page.text[a:b]) in _column_heads() for a, b, _x in head):
        return None
    head.sort(key=lambda c: c[2])
    columns = [[(a, b)] for a, b, _x in head]
    edges = [(x1 + x2) / 2 for (_a, _b, x1), (_c, _d, x2) in itertools.pairwise(head)]
    rows = 0
    for start, end in lines[i + 1 :]:
        cells = _cells(page, start, end)
        if not cells and not page.text[start:end].strip():
            continue  # a blank line between the rows
        if not cells or None in (c[2] for c in cells) or rows == COLUMN_ROWS:
            break
        rows += 1
        for a, b, x in cells:
            columns[sum(x >= e for e in edges)].append((a, b))
    return columns if any(len(c) > 1 for c in columns) else None


def column_fields(page: OcrPage) -> OcrPage:
    """A message form's signature table (``ผู้เขียนข่าว<TAB>นายทหารอนุมัติข่าว`` over rows of
    rank, name, position in the same columns) rewritten as one line a column, head first:
    ``นายทหารอนุมัติข่าว พล.ต. (สัมพันธ์ รงศ์จำเริญ) รอง จก.กพ.ทหาร ทำการแทน จก.กพ.ทหาร``.
    Columns are found by the x positions of the cells' units; word offsets move with the
    cells."""
    lines = _lines(page.text)
    for i in range(len(lines)):
        columns = _table_at(page, lines, i)
        if columns:
            last = max(b for col in columns for _a, b in col)
            return _rebuild(page, lines[i][0], last, columns)
    return page


def _rebuild(page: OcrPage, start: int, end: int, columns: list[list[tuple[int, int]]]) -> OcrPage:
    """``page`` with ``text[start:end]`` replaced by the columns' cells, a line a column."""
    pieces, moved, at = [], [], start
    for col in columns:
        for k, (a, b) in enumerate(col):
            if k:
                pieces.append(" ")
                at += 1
            pieces.append(page.text[a:b])
            moved.append((a, b, at - a))
            at += b - a
        pieces.append("\n")
        at += 1
    text = page.text[:start] + "".join(pieces).rstrip("\n") + page.text[end:]
    shift = len(text) - len(page.text)
    words = []
    for w in page.words:
        if w.offset < start:
            words.append(w)
        elif w.offset >= end:
            words.append(replace(w, offset=w.offset + shift))
        else:
            delta = next((d for a, b, d in moved if a <= w.offset < b), None)
            words.append(replace(w, offset=w.offset + delta) if delta is not None else replace(w, offset=-1))
    return OcrPage(text, words, list(page.warnings))
