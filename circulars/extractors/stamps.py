"""Receiving-register stamps (เลขรับ / วันที่ / เวลา) found by segmentation, read into values."""

from __future__ import annotations

import datetime as dt
import re

from ..models import Stamp
from ..normalize import to_arabic_digits
from ..segment import DIGIT, StampBlock
from ..thaidate import find_dates, parse_time

_NUMBER = re.compile(rf"^(?:เลขรับที่|เลขรับ|เลขที่รับ|เลขที่|รับที่|ที่)\s*[:.]?\s*(?:ลับ\s*)?({DIGIT}+(?:\s*/\s*{DIGIT}+)?)")


def read_stamp(block: StampBlock, *, reference: dt.date | None = None) -> Stamp:
    number = date = time = agency = None
    for ln in block.lines:
        s = block.cell(ln)
        m = _NUMBER.match(s)
        if m and number is None and not s.startswith("วันที่"):
            number = re.sub(r"\s+", "", to_arabic_digits(m.group(1)))
        elif s.startswith("วันที่"):
            found = [d for d in find_dates(s, reference=reference) if d.date]
            date = found[0].date if found else None
        elif s.startswith("เวลา"):
            time = parse_time(s)
        elif agency is None:
            agency = s.rpartition("\t")[2].strip()  # the stamp is the last column
    raw = "\n".join(block.cell(ln) for ln in block.lines)
    return Stamp(number=number, date=date, time=time, agency=agency, raw=raw, span=block.span)
