"""อ้างถึง / สิ่งที่ส่งมาด้วย items: the letters they name (reference number, date,
sender) and, for enclosures, their quantity."""

from __future__ import annotations

import datetime as dt
import re

from ..models import Citation
from ..normalize import to_arabic_digits
from ..segment import DIGIT
from ..thaidate import find_dates
from .reference import find_references

_ITEM_SPLIT = re.compile(rf"(?:^|\s)(?=\(?{DIGIT}{{1,2}}[.)]\s*(?!{DIGIT}))")
_QUANTITY = re.compile(rf"จำนวน\s*({DIGIT}+)\s*(ชุด|ฉบับ|แผ่น|เล่ม|แผ่นซีดี|แผ่น ?CD|แฟ้ม|ไฟล์|รายการ|หน้า|เรื่อง|ใบ|กล่อง|ผืน|อัน|แห่ง)?")
_SENDER = re.compile(r"(?:สำเนา)?(?:หนังสือ|โทรสาร|ประกาศ|คำสั่ง|บันทึกข้อความ)(?:ในราชการ)?\s*(.+?)\s*(?=ด่วน|ลับ|ที่\s|ลงวันที่|$)")
_ENUM = re.compile(rf"^\(?{DIGIT}{{1,2}}[.)]\s*")


def split_items(value: str) -> list[str]:
    """'๑. หนังสือ … ๒. หนังสือ …' → one string per item (a value without numbers is one item)."""
    pieces = [p.strip() for p in _ITEM_SPLIT.split(value) if p and p.strip()]
    return pieces or ([value.strip()] if value.strip() else [])


def parse_item(text: str, *, reference_date: dt.date | None = None) -> Citation:
    """One cited or enclosed item."""
    body = _ENUM.sub("", text).strip()
    quantity = None
    q = _QUANTITY.search(body)
    if q:
        quantity = to_arabic_digits(" ".join(x for x in q.groups() if x))
        body = (body[:q.start()] + body[q.end():]).strip()
    refs = find_references(body)
    ref = refs[0] if refs else None
    date = _cited_date(body, reference_date)
    sender = None
    m = _SENDER.search(body)
    if m and ref:
        sender = m.group(1).strip() or None
    return Citation(text=re.sub(r"\s+", " ", body).strip(), reference=ref, date=date, sender=sender,
                    quantity=quantity)


def _cited_date(text: str, reference_date: dt.date | None) -> dt.date | None:
    pos = text.find("ลงวันที่")
    dates = [d for d in find_dates(text[pos:] if pos >= 0 else text, reference=reference_date) if d.date]
    return dates[0].date if dates else None


def parse_citations(value: str | None, *, reference_date: dt.date | None = None) -> list[Citation]:
    if not value:
        return []
    return [parse_item(item, reference_date=reference_date) for item in split_items(value)]
