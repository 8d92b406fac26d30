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

import re
from functools import cache

from .. import data
from .engine import OcrPage, replace_spans

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
    """A tab cell that starts a header field of its own."""
    s = cell.lstrip(" .|")
    return bool(_opener_re().match(s) or _BARE_TI.match(s))


def _is_flag(cell: str) -> bool:
    words = cell.split()
    return bool(words) and all(w.strip("|:-") in _flag_words() for w in words)


GAP = re.compile(r"\t+| {3,}")  # a column gap in tesseract's text (the text cleaner makes it a tab)


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
