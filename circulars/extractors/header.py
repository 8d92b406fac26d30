"""The header of a letter: its labelled fields (ที่, วันที่, เรื่อง, เรียน/เสนอ/ถึง,
อ้างถึง/อ้างอิง, สิ่งที่ส่งมาด้วย, ส่วนราชการ, จาก), its loose lines (urgency, titles,
the sender's address block, the date) and where the body begins."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lines import Line
from ..normalize import to_arabic_digits
from ..segment import DIGIT, _kw, is_label, urgency_of

# label group -> field name used below
_LABEL_ORDER = ("unit", "cites", "enclosures", "copies", "subject", "recipient", "sender", "date", "reference")
_ITEM = re.compile(rf"^\s*\(?{DIGIT}{{1,2}}[.)]\s*\S")
_CONTINUES_ITEM = re.compile(rf"^\s*(?:ลงวันที่|จำนวน|ที่\s|\(|{DIGIT})")
_RULE = re.compile(r"^[\s\-–—_=.*|:]+$")


@dataclass
class Header:
    fields: dict[str, list[Line]] = field(default_factory=dict)  # label -> its lines (first holds the label)
    loose: list[Line] = field(default_factory=list)  # unlabelled lines before the body
    body_start: int | None = None  # index into the part's lines where the body begins

    def value(self, name: str) -> str | None:
        """The field's text without its label, lines joined with single spaces."""
        lines = self.fields.get(name)
        if not lines:
            return None
        text = " ".join(ln.stripped for ln in lines)
        text = strip_label(text, name)
        return re.sub(r"\s+", " ", text).strip() or None


def strip_label(text: str, group: str) -> str:
    words = sorted(_kw()["labels"][group], key=len, reverse=True)
    return re.sub(rf"^\s*(?:{'|'.join(map(re.escape, words))})\s*[:.]?\s*", "", text, count=1)


def label_of(text: str) -> str | None:
    for group in _LABEL_ORDER:
        if is_label(text, group):
            return group
    return None


_LIST_GOES_ON = re.compile(r"(?:,|\sและ)[ \t]*$")


def _continues(name: str, ln: Line, after_blank: bool, lines_so_far: list[Line], *, ruled: bool = False) -> bool:
    """Whether a line continues the field ``name`` (wrapped lines, numbered items). ``ruled``: the
    line is followed by the rule that closes an order's or announcement's title block, so it is
    the title's last line even when it opens like a body (``ตามโครงการ…``)."""
    text = ln.text
    if name in ("cites", "enclosures"):
        return _continues_list(name, text, after_blank, lines_so_far)
    if name in ("recipient", "copies") and lines_so_far and _LIST_GOES_ON.search(lines_so_far[-1].text):
        # a list whose line ends in a comma or และ goes on, however long (a message form's
        # thirty addressees) and over a blank line OCR put in it
        return not _opens_body(text, strict=True)
    if name in ("subject", "recipient", "unit", "sender", "copies"):
        # PDF text layers lose blank lines: a wrapped line must not look like the body's start
        limit = 4 if name == "subject" else 3
        if name == "subject" and ruled and not _ITEM.match(text.strip()):
            return not after_blank and len(lines_so_far) < limit
        return not after_blank and len(lines_so_far) < limit and not _opens_body(text, strict=name != "subject")
    return False


def _ruled_below(lines: list[Line], pos: int) -> bool:
    """The next line is a separating rule (``------``)."""
    nxt = lines[pos + 1] if pos + 1 < len(lines) else None
    return nxt is not None and len(nxt.stripped) >= 5 and bool(_RULE.match(nxt.text))


def _item_number(text: str) -> int | None:
    m = re.match(rf"^\s*\(?({DIGIT}{{1,2}})[.)]", text)
    return int(to_arabic_digits(m.group(1))) if m else None


def _continues_list(name: str, text: str, after_blank: bool, lines_so_far: list[Line]) -> bool:
    """อ้างถึง / สิ่งที่ส่งมาด้วย items go on over wrapped lines, ลงวันที่/จำนวน lines and the
    next item number; a line opening the body (ตามที่…, ด้วย…) or restarting the numbering ends them."""
    numbers = [n for n in (_item_number(strip_label(ln.text, name)) for ln in lines_so_far) if n is not None]
    n = _item_number(text)
    if n is not None:
        return bool(numbers) and n == numbers[-1] + 1
    if _opens_body(text, strict=True):
        return False
    if _CONTINUES_ITEM.match(text) and (numbers or not after_blank):
        return True
    return not after_blank and len(lines_so_far) < 12


def _opens_body(text: str, *, strict: bool) -> bool:
    """Whether a line looks like the body's first line. A subject may wrap onto a line that starts
    with "ด้วย" (ด้วยวิธี…), so for subjects an opener counts only before a space, at the line's end
    or on a full-width line; an addressee line never starts with an opener."""
    s = text.strip()
    if _ITEM.match(s):
        return True
    for w in _kw()["body"]["openers"]:
        if s.startswith(w) and (strict or s[len(w):len(w) + 1] in ("", " ") or len(s) > 70):
            return True
    return False


def read_header(lines: list[Line], furniture: dict, letter_kind: str) -> Header:
    """Walk the part's lines until the body begins."""
    h = Header()
    current: str | None = None
    after_blank = False
    main_seen = False
    for pos, ln in enumerate(lines):
        if ln.index in furniture:
            continue
        if ln.blank or _RULE.match(ln.text):
            after_blank = True
            continue
        label = label_of(ln.text)
        if label:
            if label in h.fields and label in ("subject", "recipient"):
                h.body_start = pos  # a second เรื่อง/เรียน: the header is over
                break
            h.fields.setdefault(label, []).append(ln)
            current = label
            main_seen = main_seen or label in ("subject", "recipient", "sender")
        elif current and _continues(current, ln, after_blank, h.fields[current], ruled=_ruled_below(lines, pos)):
            h.fields[current].append(ln)
        elif _body_begins(h, letter_kind, ln) and not _label_follows(lines, pos, furniture):
            h.body_start = pos
            break
        else:
            h.loose.append(ln)
            current = None
        after_blank = False
    return h


def _label_follows(lines: list[Line], pos: int, furniture: dict) -> bool:
    """A short stray line (a wrapped addressee, an OCR fragment) just before an อ้างถึง or
    สิ่งที่ส่งมาด้วย label does not start the body."""
    if len(lines[pos].stripped) > 40:
        return False
    nxt = [ln for ln in lines[pos + 1:pos + 6] if not ln.blank and ln.index not in furniture][:2]
    return any(label_of(ln.text) in ("cites", "enclosures", "copies") for ln in nxt)


def _body_begins(h: Header, letter_kind: str, ln: Line) -> bool:
    urg, sec = urgency_of(ln.stripped)
    if urg or sec:
        return False
    if "recipient" in h.fields:
        return True
    if letter_kind in ("order", "announcement") and "subject" in h.fields:
        return True
    if letter_kind == "fax" and ("sender" in h.fields or "subject" in h.fields):
        return True
    openers = _kw()["body"]["openers"]
    return "subject" in h.fields and any(ln.stripped.startswith(w) for w in openers)


def split_recipients(value: str | None) -> list[str]:
    """เรียน/ถึง value → addressees, split at และ, commas, and spaces before a known
    addressee head (นายอำเภอ…, นายก…, ผู้ว่าราชการจังหวัด…)."""
    if not value:
        return []
    rec = _kw()["recipients"]
    parts = re.split(r"\s*,\s*|\s+และ\s*|(?<=\S)\s*และ(?=" + "|".join(map(re.escape, rec["heads"])) + ")", value)
    heads = sorted(rec["heads"], key=len, reverse=True)
    head_re = re.compile(r"\s+(?=(?:" + "|".join(map(re.escape, heads)) + "))")
    out: list[str] = []
    for p in parts:
        chunks = head_re.split(p)
        merged: list[str] = []
        for c in chunks:
            if merged and (len(merged[-1]) < 6 or re.match(r"^\(", c)):
                merged[-1] += " " + c
            else:
                merged.append(c)
        out.extend(c.strip() for c in merged if c.strip())
    return out
