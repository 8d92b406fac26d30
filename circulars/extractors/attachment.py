"""Attachments (guidelines, forms, schedules): a title and the letter they name."""

from __future__ import annotations

import re

from ..models import Attachment
from ..segment import Part, urgency_of
from .reference import find_references


def read_attachment(part: Part, text: str, furniture: dict) -> Attachment:
    content = [ln for ln in part.lines if not ln.blank and ln.index not in furniture]
    titled = [ln for ln in content if urgency_of(ln.stripped) == (None, None)]  # not a page's ลับ marking
    title = re.sub(r"\s+", " ", titled[0].stripped)[:200] if titled else None
    span = part.span
    att = Attachment(title=title, span=span, text=text[span[0]:span[1]])
    for ln in content[:6]:
        if "ตาม" in ln.text and ("หนังสือ" in ln.text or "โทรสาร" in ln.text):
            refs = find_references(text[ln.start:ln.start + 200])
            if refs:
                att.refers_to = refs[0]
                break
    att.furniture = [f for f in part.furniture]
    return att
