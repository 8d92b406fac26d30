"""Segmentation: page furniture and the boundaries of letters and attachments.

A scanned bundle is read as one text. Letters start at an urgency/secrecy line, a
``ที่`` line, ``บันทึกข้อความ``, a ``คำสั่ง…``/``ประกาศ…`` title or a fax/message
header; what follows a letter's signature and contact block and is not a letter
(guidelines, forms, tables) is an attachment. Page furniture (receiving stamps, page
numbers, catchwords, mottos) is found first, kept out of the fields and kept in the record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from . import data
from .extractors.reference import find_references
from .lines import Line, split_lines
from .models import Furniture

DIGIT = "[0-9๐-๙]"
_PAGE_NUMBER = re.compile(rf"^[-–—]\s*(?:หน้า\s*)?{DIGIT}{{1,3}}\s*[-–—]?$")
_CATCHWORD = re.compile(r"^/\s*\S.*(?:\.{2,}|…)\s*$")
_QUOTES_OPEN = "“\"'‘"
_QUOTES_CLOSE = "”\"'’"


@dataclass
class StampBlock:
    lines: list[Line]
    # line index -> (start, end) of the stamp's cell in the line's text, for a line that also holds
    # letter text in another tab-separated column (``ที่ พน ๐๖๐๗/ว ๐๓๒<TAB>รับที่ ๑๕๗``)
    cells: dict[int, tuple[int, int]] = field(default_factory=dict)

    def cell(self, ln: Line) -> str:
        """The stamp's own text on the line, stripped."""
        a, b = self.cells.get(ln.index, (0, len(ln.text)))
        return ln.text[a:b].strip()

    def _span_of(self, ln: Line) -> tuple[int, int]:
        if ln.index not in self.cells:
            return ln.span
        a, b = self.cells[ln.index]
        piece = ln.text[a:b]
        lead = len(piece) - len(piece.lstrip())
        return (ln.start + a + lead, ln.start + a + len(piece.rstrip()))

    @property
    def span(self) -> tuple[int, int]:
        return (self._span_of(self.lines[0])[0], self._span_of(self.lines[-1])[1])


@dataclass
class Part:
    """A letter or an attachment: a run of lines of the document."""

    kind: str  # "letter" | "attachment"
    lines: list[Line]
    letter_kind: str | None = None  # external | internal | order | announcement | fax (guess from its start)
    furniture: list[Furniture] = field(default_factory=list)
    stamps: list[StampBlock] = field(default_factory=list)
    columns: dict[int, Line] = field(default_factory=dict)  # text beside a stamp line (see stamp_columns)

    @property
    def span(self) -> tuple[int, int]:
        body = [ln for ln in self.lines if not ln.blank] or self.lines
        return (body[0].span[0], body[-1].span[1])


@dataclass
class Segmentation:
    lines: list[Line]
    parts: list[Part]
    furniture: dict[int, Furniture]  # line index -> furniture
    stamps: list[StampBlock]
    columns: dict[int, Line] = field(default_factory=dict)


@cache
def _kw() -> dict:
    return data.keywords()


@cache
def _label_re(group: str) -> re.Pattern[str]:
    words = sorted(_kw()["labels"][group], key=len, reverse=True)
    return re.compile(rf"^\s*(?:{'|'.join(map(re.escape, words))})(?=[\s:]|$)")


def is_label(text: str, group: str) -> bool:
    return bool(_label_re(group).match(text))


# ---------------------------------------------------------------- names


_NAME = re.compile(r"^\s*(?:\(?\s*ลงชื่อ\s*\)?)?\s*\(\s*([^()]*?\S)\s*\)\s*$")
_BLANK_NAME = re.compile(r"^[.\s…_-]*$")


def name_in_parentheses(text: str) -> str | None:
    """The name of a signature line '(นายสุรพล เจริญภูมิ)' (also after '(ลงชื่อ)'), else None."""
    m = _NAME.match(text)
    if not m or _BLANK_NAME.match(m.group(1)):
        return None
    name = m.group(1)
    if any(w in name for w in _kw()["signature"]["not_names"]):
        return None
    titled = any(name.startswith(t) for t in _kw()["signature"]["name_titles"])
    if not titled and len(name.split()) < 2:
        return None  # "(งานสารบรรณ)", "(เฉพาะ)": a unit or a remark, not a person
    return re.sub(r"\s+", " ", m.group(1))


# ---------------------------------------------------------------- furniture


@cache
def _page_marker_re() -> re.Pattern[str]:
    """A page marker without dashes: 'หน้า 1/2', 'หน้าที่ ๒ ของ ๒ หน้า', 'หน้า ๓'."""
    furniture = _kw()["furniture"]
    page = "|".join(map(re.escape, sorted(furniture["page"], key=len, reverse=True)))
    of = "|".join(map(re.escape, furniture["page_of"]))
    return re.compile(rf"^(?:{page})\s*{DIGIT}{{1,3}}(?:\s*(?:{of})\s*{DIGIT}{{1,3}}(?:\s*(?:{page}))?)?$")


def is_page_number(text: str) -> bool:
    s = text.strip()
    return bool(_PAGE_NUMBER.match(s) or _page_marker_re().match(s))


def is_catchword(text: str) -> bool:
    return bool(_CATCHWORD.match(text.strip()))


_STAMP_NUMBER = re.compile(
    # a labelled number may end in a digit OCR read as a letter (เลขรับ ๑๔๓ญ่ for ๑๔๓๗)
    rf"^\s*(?:(?:เลขรับที่|เลขรับ|เลขที่รับ|เลขที่|รับที่)\s*[:.]?\s*(?:ลับ\s*)?{DIGIT}+(?:\s*/\s*{DIGIT}+)?"
    r"(?:[\u0e01-\u0e2e][\u0e48-\u0e4b]?)?"
    rf"|ที่\s*[:.]?\s*{DIGIT}{{1,6}}(?:\s+{DIGIT}{{2,4}})?)\s*$"
)
_STAMP_LABELLED = re.compile(r"^\s*(?:เลขรับ|เลขที่รับ|รับที่)")
_STAMP_DATE = re.compile(rf"^\s*วันที่\s*[:.]?\s*(?:{DIGIT}|$)")
_STAMP_TIME = re.compile(rf"^\s*เวลา\s*[:.]?\s*(?:{DIGIT}{{1,2}}\s*[.:]?\s*{DIGIT}{{0,2}}|[.…_]+)?\s*(?:น\.?)?\s*$")


def _next_nonblank(lines: list[Line], i: int, limit: int = 2) -> int | None:
    j, seen = i + 1, 0
    while j < len(lines) and seen <= limit:
        if not lines[j].blank:
            return j
        j += 1
        seen += 1
    return None


def find_stamps(lines: list[Line]) -> list[StampBlock]:
    """Receiving-register stamps: a number line (เลขรับ/เลขที่/ที่ n yyyy), a วันที่ line
    and usually a เวลา line; the agency line just above is part of the stamp."""
    blocks: list[StampBlock] = []
    i = 0
    while i < len(lines):
        block = _stamp_at(lines, i)
        if block:
            blocks.append(block)
            i = block.lines[-1].index + 1
        else:
            i += 1
    return blocks


_LETTER_TEXT = re.compile(r"[ก-ฮA-Za-z]")


def _stamp_cell(text: str, test, *, whole_first: bool = True) -> tuple[int, int] | None:
    """Where on a line a stamp value stands: the whole line, or (a scan read across the page) the
    leading or trailing tab-separated columns, the other columns holding letter text."""
    if whole_first and test(text):
        return (0, len(text))
    cuts = [m.start() for m in re.finditer(r"\t+", text)]
    ends = [m.end() for m in re.finditer(r"\t+", text)]
    for cut, end in sorted(zip(cuts, ends), reverse=True):  # the longest leading cell first
        if text[:cut].strip() and _LETTER_TEXT.search(text[end:]) and test(text[:cut]):
            return (0, cut)
    for cut, end in zip(cuts, ends):  # the longest trailing cell first
        if text[end:].strip() and _LETTER_TEXT.search(text[:cut]) and test(text[end:]):
            return (end, len(text))
    if not whole_first and test(text):
        return (0, len(text))
    return None


def _number_cell(text: str) -> tuple[int, int] | None:
    return _stamp_cell(text, lambda t: bool(_STAMP_NUMBER.match(t)))


def _date_cell(text: str) -> tuple[int, int] | None:
    """A stamp's date line; a column beside it holding letter text is split off only when the stamp's
    own cell holds a whole date (``วันที่ ๑๑ พ.ย. ๒๕๖๙<TAB>ตำบลบ้านกุ่ม…``)."""
    from .thaidate import find_dates

    def whole_date(t: str) -> bool:
        return bool(_STAMP_DATE.match(t)) and any(d.date for d in find_dates(t))

    return _stamp_cell(text, whole_date, whole_first=False) or \
        ((0, len(text)) if _STAMP_DATE.match(text) else None)


def _time_cell(text: str) -> tuple[int, int] | None:
    return _stamp_cell(text, lambda t: bool(_STAMP_TIME.match(t)))


def _agency_like(text: str) -> bool:
    s = text.strip()
    return bool(s) and len(s) < 60 and not re.search(r"[/:]", s) and not re.search(f"{DIGIT}{{3,}}", s) \
        and not any(is_label(s, g) for g in ("subject", "recipient", "reference"))


def _stamp_at(lines: list[Line], i: int) -> StampBlock | None:
    cells: dict[int, tuple[int, int]] = {}
    num = _number_cell(lines[i].text)
    if num is None:
        return None
    j = _next_nonblank(lines, i)
    date = _date_cell(lines[j].text) if j is not None else None
    if date is None:
        return None
    members = [lines[i], lines[j]]
    cells.update({i: num, j: date})
    k = _next_nonblank(lines, j)
    time = _time_cell(lines[k].text) if k is not None else None
    if time is None and k is not None and _interleaved_date(lines[k].text):
        k = _next_nonblank(lines, k)  # the letter's date line read between the stamp's date and time
        time = _time_cell(lines[k].text) if k is not None else None
    number_text = lines[i].text[num[0]:num[1]]
    if time is not None:
        members.append(lines[k])
        cells[k] = time
    elif not _STAMP_LABELLED.match(number_text):
        return None  # a bare "ที่ n" + "วันที่" is a memo header unless a เวลา line follows
    above = lines[i - 1] if i > 0 else None
    if above and not above.blank:
        head, tab, last = above.text.rpartition("\t")
        if _agency_like(above.text):
            members.insert(0, above)
            if tab and head.strip():
                cells[above.index] = (len(head) + len(tab), len(above.text))  # "ด่วนที่สุด<TAB>agency"
        elif tab and head.strip() and _agency_like(last) and _address_below(lines, members[-1].index):
            # "ที่ ฉช ๐๖๑๘/ว ๒๒๓<TAB>agency": the stamp heads the address column, the address goes on below it
            members.insert(0, above)
            cells[above.index] = (len(head) + len(tab), len(above.text))
    cells = {n: c for n, c in cells.items() if c != (0, len(lines[n].text))}
    return StampBlock(members, cells)


def _interleaved_date(text: str) -> bool:
    """A line of one date and nothing else, not a stamp's: the letter's own date line, which OCR
    may put between a stamp's date and time lines when they stand side by side on the page."""
    from .thaidate import find_dates

    found = find_dates(text)
    return (len(found) == 1 and not _STAMP_DATE.match(text) and not _STAMP_TIME.match(text)
            and not text[: found[0].span[0]].strip() and not text[found[0].span[1] :].strip())


def _address_below(lines: list[Line], last: int) -> bool:
    """An address line (not a label, a date or a number) follows a stamp's last line."""
    from .thaidate import find_dates

    j = _next_nonblank(lines, last, limit=0)
    if j is None:
        return False
    s = lines[j].stripped
    return not any(is_label(s, g) for g in _HEADER_GROUPS) and not find_dates(s) and bool(_LETTER_TEXT.search(s))


def stamp_columns(stamps: list[StampBlock]) -> dict[int, Line]:
    """A scan read across the page puts letter text beside a stamp's lines: the letter's own date
    beside the stamp's date (``วันที่ ๙ มิ.ย. ๖๘<TAB>๖ มิถุนายน ๒๕๖๘``), the ที่ line left of the
    stamp's number, the address right of the stamp's table. Each such column is returned as a line
    of its own (negative index)."""
    out: dict[int, Line] = {}
    for block in stamps:
        for ln in block.lines:
            if ln.index not in block.cells:
                continue
            a, b = block.cells[ln.index]
            lo, hi = (b, len(ln.text)) if a == 0 else (0, a)
            piece = ln.text[lo:hi]
            lead = len(piece) - len(piece.lstrip())
            if piece.strip():
                out[ln.index] = Line(-1 - ln.index, ln.start + lo + lead, piece.strip())
    return out


def find_mottos(lines: list[Line]) -> list[list[Line]]:
    """Quoted slogans standing alone between blank lines (one or two lines), and known mottos."""
    known = set(_kw()["furniture"]["mottos"])
    found: list[list[Line]] = []
    for i, ln in enumerate(lines):
        s = ln.stripped
        if s in known:
            found.append([ln])
            continue
        if not s or s[0] not in _QUOTES_OPEN or (i > 0 and not lines[i - 1].blank):
            continue
        for n in (1, 2):
            block = lines[i:i + n]
            last = block[-1].stripped if block else ""
            after = lines[i + n] if i + n < len(lines) else None
            if len(block) == n and last and last[-1] in _QUOTES_CLOSE and (after is None or after.blank) \
                    and all(not b.blank and len(b.stripped) < 140 for b in block):
                found.append(block)
                break
    return found


def find_furniture(lines: list[Line]) -> tuple[dict[int, Furniture], list[StampBlock]]:
    furniture: dict[int, Furniture] = {}
    stamps = find_stamps(lines)
    for block in stamps:
        for ln in block.lines:
            furniture[ln.index] = Furniture("stamp", block.cell(ln), block._span_of(ln))
    for ln in lines:
        if ln.index in furniture or ln.blank:
            continue
        if is_page_number(ln.text):
            furniture[ln.index] = Furniture("page-number", ln.stripped, ln.span)
        elif is_catchword(ln.text):
            furniture[ln.index] = Furniture("catchword", ln.stripped, ln.span)
    for block in find_mottos(lines):
        for ln in block:
            furniture.setdefault(ln.index, Furniture("motto", ln.stripped, ln.span))
    return furniture, stamps


# ---------------------------------------------------------------- letter starts


def _starts_with_any(text: str, words: list[str]) -> str | None:
    s = text.strip()
    for w in sorted(words, key=len, reverse=True):
        if s.startswith(w):
            return w
    return None


def urgency_of(text: str) -> tuple[str | None, str | None]:
    """(urgency, secrecy) when a line consists of those words only (e.g. 'ด่วนที่สุด', 'ลับ ด่วนมาก')."""
    words = re.sub(r"[()\[\]{}*\-–—_|:\"“”]", " ", text).split()
    words = [w for w in words if w not in _kw()["urgency_labels"]]  # a message form's field labels
    urg = [w for w in words if w in _kw()["urgency"]]
    sec = [w for w in words if w in _kw()["secrecy"]]
    if not words or len(urg) + len(sec) != len(words):
        return None, None
    return (urg[0] if urg else None), (sec[0] if sec else None)


def reference_line(text: str) -> bool:
    """A ``ที่ <reference>`` line that opens a letter (not a citation with ลงวันที่)."""
    s = text.strip()
    if not re.match(r"^ที่\s*\S", s) or "ลงวันที่" in s:
        return False
    refs = find_references(s)
    return bool(refs) and refs[0].span is not None and refs[0].span[0] <= 4


def title_kind(text: str) -> str | None:
    """The kind of letter a title line opens: internal, order, announcement, fax, stamped."""
    s = text.strip()
    starts = _kw()["starts"]
    if len(s) > 90:
        return None
    if _starts_with_any(s, starts["memo"]):
        return "internal"
    if _starts_with_any(s, starts["stamped"]):
        return "stamped"
    if re.match(r"^คำสั่ง\s?\S", s) and not re.match(r"^คำสั่ง\s?(?:นี้|ดังกล่าว|ที่)", s):
        return "order"
    if re.match(r"^ประกาศ\s?\S", s) and not re.match(r"^ประกาศ\s?(?:ณ|นี้|ดังกล่าว)", s):
        return "announcement"
    word = _starts_with_any(s, starts["fax"])
    if word and not re.search(DIGIT, s[len(word):len(word) + 4]):
        return "fax"
    return None


def _confirmed(lines: list[Line], i: int, furniture: dict[int, Furniture], window: int,
               groups: tuple[str, ...]) -> bool:
    """A label of one of ``groups`` opens one of the next ``window`` text lines after line i."""
    return bool(_labels_below(lines, i, furniture, window, groups, enough=1))


_HEADER_GROUPS = ("subject", "recipient", "sender", "date", "reference")
_MEMO_GROUPS = ("reference", "date", "subject")


def _labels_below(lines: list[Line], i: int, furniture: dict[int, Furniture], window: int,
                  groups: tuple[str, ...], enough: int) -> set[str]:
    """The label groups opening the next ``window`` text lines after line i, as soon as
    ``enough`` are seen."""
    found: set[str] = set()
    seen = 0
    for ln in lines[i + 1:]:
        if ln.blank or ln.index in furniture:
            continue
        seen += 1
        if seen > window or len(found) >= enough:
            break
        found.update(g for g in groups if is_label(ln.text, g))
    return found


def start_kind(lines: list[Line], i: int, furniture: dict[int, Furniture]) -> str | None:
    """If line i can open a letter, the kind it suggests ('external' when only a ที่ line)."""
    text = lines[i].text
    urg, sec = urgency_of(text.strip())
    if urg or sec:
        return "external" if _confirmed(lines, i, furniture, 8, ("reference", "subject", "recipient")) \
            or any(title_kind(ln.text) for ln in lines[i + 1:i + 8]) else None
    kind = title_kind(text)
    if kind:
        window = 6 if kind != "internal" else 8
        return kind if _confirmed(lines, i, furniture, window, _HEADER_GROUPS) else None
    if reference_line(text):
        return "external" if _confirmed(lines, i, furniture, 16, ("subject", "recipient", "sender")) else None
    if is_label(text, "unit") and len(_labels_below(lines, i, furniture, 4, _MEMO_GROUPS, enough=2)) >= 2:
        return "internal"  # a memo's ส่วนราชการ line under a บันทึกข้อความ title OCR lost or garbled
    return None


def _closes_header(text: str) -> bool:
    return any(is_label(text, g) for g in ("subject", "recipient", "sender"))


def find_letter_starts(lines: list[Line], furniture: dict[int, Furniture]) -> list[tuple[int, str]]:
    """(line index, kind) of every letter start. A start seen while the previous letter's
    header is still open (before its เรื่อง/เรียน/จาก) belongs to that letter."""
    starts: list[tuple[int, str]] = []
    header_open = False
    for pos, ln in enumerate(lines):
        if ln.blank or ln.index in furniture:
            continue
        kind = start_kind(lines, pos, furniture)
        if kind and not header_open:
            starts.append((pos, kind))
            header_open = True
        elif kind and header_open and starts and starts[-1][1] == "external" and kind != "external":
            starts[-1] = (starts[-1][0], kind)  # ด่วนที่สุด then บันทึกข้อความ / โทรสาร title
        if header_open and _closes_header(ln.text) and not reference_line(ln.text):
            header_open = False
    return starts


# ---------------------------------------------------------------- parts


def _pull_address_up(start: int, lines: list[Line], furniture) -> int:
    """A sender's address block printed just above a ``ที่`` line (up to four short lines after
    a blank line, the first naming an office) belongs to that letter."""
    if not reference_line(lines[start].text):
        return start
    j = start
    while j > 0 and start - j < 4:
        above = lines[j - 1]
        if above.blank or above.index in furniture or len(above.stripped) > 70 or name_in_parentheses(above.text) \
                or any(is_label(above.text, g) for g in _HEADER_GROUPS):
            break
        j -= 1
    if j == start or (j > 0 and not lines[j - 1].blank):
        return start
    units = _kw()["units"]["starts"]
    return j if _starts_with_any(lines[j].text, units) else start


def _pull_stamp_up(start: int, lines: list[Line], stamps: list[StampBlock], furniture) -> int:
    """A stamp just above a letter's first line (only blanks between) belongs to that letter."""
    for block in stamps:
        last = block.lines[-1].index
        if last < start and all(ln.blank or ln.index in furniture for ln in lines[last + 1:start]):
            return block.lines[0].index
    return start


def segment(text: str) -> Segmentation:
    lines = split_lines(text)
    furniture, stamps = find_furniture(lines)
    columns = stamp_columns(stamps)
    view = [columns.get(ln.index, ln) for ln in lines]  # letter text beside a stamp counts for starts
    starts = find_letter_starts(view, furniture)
    starts = [(_pull_address_up(i, view, furniture), k) for i, k in starts]
    starts = [(_pull_stamp_up(i, lines, stamps, furniture), k) for i, k in starts]
    parts: list[Part] = []
    if not starts or any(not ln.blank and ln.index not in furniture for ln in lines[:starts[0][0]]):
        first = starts[0][0] if starts else len(lines)
        parts.extend(split_attachments(lines[:first], furniture))
    for n, (i, kind) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        parts.extend(split_letter(lines[i:end], kind, furniture))
    for part in parts:
        part.furniture = [furniture[ln.index] for ln in part.lines if ln.index in furniture]
        idx = {ln.index for ln in part.lines}
        part.stamps = [b for b in stamps if b.lines[0].index in idx]
        part.columns = {i: c for i, c in columns.items() if i in idx}
    return Segmentation(lines, [p for p in parts if _has_text(p, furniture)], furniture, stamps, columns)


def _has_text(part: Part, furniture) -> bool:
    return any(not ln.blank and ln.index not in furniture for ln in part.lines)


def is_attachment_title(text: str) -> bool:
    return bool(_starts_with_any(text, _kw()["starts"]["attachment"]))


def split_attachments(lines: list[Line], furniture) -> list[Part]:
    """Attachment parts: a new one starts at each attachment title line."""
    parts: list[Part] = []
    for k, ln in enumerate(lines):
        opens_paragraph = k == 0 or lines[k - 1].blank
        title = opens_paragraph and not ln.blank and ln.index not in furniture and is_attachment_title(ln.text)
        if not parts or (title and _has_text(parts[-1], furniture)):
            parts.append(Part("attachment", []))
        parts[-1].lines.append(ln)
    return parts


def letter_end(lines: list[Line], furniture) -> int:
    """Index (into ``lines``) just past the letter's signature and contact block; len(lines)
    when no closing is found. The contact block ends at its last phone/e-mail/coordinator line."""
    close = _closing_index(lines)
    if close is None:
        return len(lines)
    contact = _kw()["contact"]
    words = contact["phone"] + contact["email"] + contact["coordinator"]
    last = _signature_end(lines, close)
    gap = 0
    for j in range(last + 1, len(lines)):
        ln = lines[j]
        if ln.blank or ln.index in furniture:
            continue
        if is_attachment_title(ln.text) and lines[j - 1].blank:
            break
        if _starts_with_any(ln.text, words) or re.search(r"\S+@\S+\.\w+", ln.text) \
                or (gap <= 1 and _phone_inside(ln.text)):
            last, gap = j, 0
        else:
            gap += 1
            if gap > 25:
                break
    return last + 1


@cache
def _phone_inside_re() -> re.Pattern[str]:
    words = sorted(_kw()["contact"]["phone"], key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(map(re.escape, words))})\s*[:.]?\s*{DIGIT}")


def _phone_inside(text: str) -> bool:
    """A contact line that names a person first (``ครูประจำชั้น … โทร. ๐๙๒ …``): a phone word and a number."""
    return bool(_phone_inside_re().search(text))


def _signature_end(lines: list[Line], close: int) -> int:
    """The line holding the signatory's name in parentheses (within a few lines of the closing) and
    the position lines under it; the closing line itself when there is no name."""
    seen = 0
    for j in range(close, len(lines)):
        if lines[j].blank:
            continue
        seen += 1
        if seen > 6:
            break
        if re.match(r"^\s*(?:\(?\s*ลงชื่อ\s*\)?)?\s*\(.*\S.*\)\s*$", lines[j].text):
            k, taken = j, 0
            while k + 1 < len(lines) and taken < 3:
                k += 1
                if not lines[k].blank:
                    taken += 1
            return k
    return close


def _closing_index(lines: list[Line]) -> int | None:
    closing = _kw()["closing"]
    words = closing["courtesy"] + closing["order"] + closing["announcement"]
    for j, ln in enumerate(lines):
        if _starts_with_any(ln.text, words):
            return j
    header_done = False
    for j, ln in enumerate(lines):
        header_done = header_done or _closes_header(ln.text)
        if header_done and (name_in_parentheses(ln.text) or releasing_officer(ln.text)):
            return j  # memos, faxes: the signature's name in parentheses after the header
    return None


_RELEASING_NAME = re.compile(r"^(?P<rank>[^()]*)\(\s*(?P<name>[^()]*?\S)\s*\)(?P<position>.*)$")


def releasing_officer(text: str) -> tuple[str, str | None] | None:
    """A message form's releasing-officer line (``ผู้อนุมัติข่าว<TAB>พ.อ. (ธีรภัทร์ มั่นคง) เสธ.ศป.``):
    (name, position). A rank written outside the parentheses is not part of the name."""
    word = _starts_with_any(text, _kw()["signature"]["releasing"])
    if not word:
        return None
    m = _RELEASING_NAME.match(text.strip()[len(word):].strip(" \t:"))
    if not m or _BLANK_NAME.match(m.group("name")):
        return None
    position = re.sub(r"\s+", " ", m.group("position")).strip() or None
    return re.sub(r"\s+", " ", m.group("name")), position


def split_letter(lines: list[Line], kind: str, furniture) -> list[Part]:
    """The letter itself and, after its contact block, attachments (a titled part or a long text)."""
    end = letter_end(lines, furniture)
    letter = Part("letter", lines[:end], letter_kind=kind)
    rest = lines[end:]
    # a page's secrecy marking (ลับ) under the signature is no text of its own
    tail = [ln for ln in rest if not ln.blank and ln.index not in furniture and urgency_of(ln.text)[1] is None]
    if not tail:
        letter.lines = lines
        return [letter]
    titled = is_attachment_title(tail[0].text)
    long_text = sum(len(ln.stripped) > 80 for ln in tail) >= 2 or sum(len(ln.stripped) for ln in tail) > 1500
    if not (titled or long_text):
        letter.lines = lines  # handwritten endorsements and notes stay with the letter
        return [letter]
    return [letter, *split_attachments(rest, furniture)]
