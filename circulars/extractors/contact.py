"""The owning unit's contact block: unit, phones, e-mails, coordinator."""

from __future__ import annotations

import re

from ..lines import Line
from ..models import Contact
from ..normalize import to_arabic_digits
from ..segment import DIGIT, _kw
from .signature import name_in_parentheses

# a number as written: at least five digits (an internal line such as ``๖๔๘๗๕``), spaces or dashes
# inside, an extension (ต่อ) or list of extensions after it
_NUMBER = rf"{DIGIT}[{DIGIT[1:-1]}\s\-]{{3,}}{DIGIT}(?:\s*ต่อ\s*{DIGIT}+(?:\s*[-,]\s*{DIGIT}+)*)?"
_MORE = re.compile(rf"\s*,\s*({_NUMBER})")
EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+\s?@\s?[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")


def _phone_re() -> re.Pattern[str]:
    words = sorted(_kw()["contact"]["phone"], key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(map(re.escape, words))})\s*[:.]?\s*({_NUMBER})")


def _coordinator_re() -> re.Pattern[str]:
    words = sorted(_kw()["contact"]["coordinator"], key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(map(re.escape, words))})\s*[:.]?\s*(.+?)\s*(?=โทร|มือถือ|$)")


def phones_in(text: str) -> list[str]:
    """Every number after a phone word; numbers listed after it with commas are numbers of their own
    (``โทร. ๖๔๘๗๕, ๖๔๘๗๖``)."""
    out = []
    for m in _phone_re().finditer(text):
        found, end = [m.group(1)], m.end()
        while more := _MORE.match(text, end):
            found.append(more.group(1))
            end = more.end()
        for raw in found:
            num = re.sub(r"\s+", " ", to_arabic_digits(raw)).strip(" -")
            if len(re.sub(r"\D", "", num)) >= 5 and num not in out:
                out.append(num)
    return out


def emails_in(text: str) -> list[str]:
    out = []
    for m in EMAIL.finditer(text):
        e = m.group().replace(" ", "").rstrip(".")
        if e not in out:
            out.append(e)
    return out


def find_contact(lines: list[Line], furniture: dict) -> Contact | None:
    """Read the contact block from the lines after the signature."""
    content = [ln for ln in lines if not ln.blank and ln.index not in furniture]
    text = "\n".join(ln.stripped for ln in content)
    phones, emails = phones_in(text), emails_in(text)
    m = _coordinator_re().search(text)
    coordinator = m.group(1).strip() if m and m.group(1).strip() else None
    unit = _unit(content)
    if not (phones or emails or coordinator or unit):
        return None
    spans = [ln.span for ln in content]
    span = (spans[0][0], spans[-1][1]) if spans else None
    return Contact(unit=unit, phones=phones, emails=emails, coordinator=coordinator, span=span)


def _unit(content: list[Line]) -> str | None:
    """The unit lines just above the first phone/e-mail line (up to two, joined)."""
    contact = _kw()["contact"]
    words = contact["phone"] + contact["email"] + contact["coordinator"]
    first = next((k for k, ln in enumerate(content)
                  if any(ln.stripped.startswith(w) for w in words) or EMAIL.search(ln.text)), None)
    if first is None:
        return None
    above = content[:first]
    starts = _kw()["units"]["starts"]
    units: list[str] = []
    for ln in reversed(above[-3:]):
        s = ln.stripped
        if name_in_parentheses(s) or not any(s.startswith(w) for w in starts) or len(s) > 80:
            break
        units.insert(0, s)
    if not units and above and len(above[-1].stripped) < 60 and not name_in_parentheses(above[-1].stripped):
        units = [above[-1].stripped]
    return " ".join(units[-2:]) or None
