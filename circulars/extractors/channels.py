"""Channels of a task: how its result is to be sent (e-mail, named systems, web sites, fax,
file formats, subject conventions)."""

from __future__ import annotations

import re
from functools import cache

from .. import data
from ..normalize import to_arabic_digits
from .deadlines import DIGIT, alt

_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_WEB = re.compile(r"(?:https?://|www\.)[A-Za-z0-9./_~%?#=&:+-]+")






@cache
def channel_patterns() -> dict[str, re.Pattern[str]]:
    c = data.task_words()["channels"]
    phrases = alt(w for p in c["phrases"] for w in p["words"])
    return {
        "phrase": re.compile(phrases),
        "system": re.compile(rf"{c['system']}\s?([A-Za-z][\w.+-]*(?:\s[A-Z][\w.+-]*)*)"),
        "fax": re.compile(rf"(?:{alt(c['fax'])})\s*([{DIGIT}][{DIGIT} -]{{6,}}[{DIGIT}])"),
        "file": re.compile(rf"(?:{c['file']}\s?)?(?<![A-Za-z])({alt(c['file_kinds'])})(?![A-Za-z])"),
        "ext": re.compile(rf"(?<![A-Za-z0-9])\.({alt(c['extensions'])})(?![A-Za-z0-9])", re.IGNORECASE),
        "naming": re.compile(rf"(?:{alt(c['naming'])})[^“”\"]{{0,60}}?{c['naming_says']}\s*[“\"]([^”\"]+)[”\"]"),
    }


def inside(pos: int, text: str, pattern: re.Pattern[str]) -> bool:
    return any(m.start() <= pos < m.end() for m in pattern.finditer(text))


def find_channels(text: str) -> list[str]:
    """How a result is to be sent: e-mail addresses, named systems (ระบบ INFO), web sites,
    fax numbers (โทรสาร 0 2225 4886), required formats (.pdf, ไฟล์ Word, Excel), subject
    conventions (ชื่อเรื่อง “…”) and channel phrases of the data file, in text order."""
    c, p = data.task_words()["channels"], channel_patterns()
    labels = {w: e["label"] for e in c["phrases"] for w in e["words"]}
    found: list[tuple[int, str]] = [(m.start(), labels[m.group(0)]) for m in p["phrase"].finditer(text)]
    found += [(m.start(), m.group(0)) for m in _EMAIL.finditer(text)]
    found += [(m.start(), m.group(0).rstrip(".,)")) for m in _WEB.finditer(text)]
    found += [(m.start(), f"{c['system']} {m.group(1).strip()}") for m in p["system"].finditer(text)]
    found += [(m.start(), f"{c['fax_label']} {to_arabic_digits(' '.join(m.group(1).split()))}")
              for m in p["fax"].finditer(text)]
    found += [(m.start(), m.group(0).strip()) for m in p["file"].finditer(text)]
    found += [(m.start(), "." + m.group(1).lower()) for m in p["ext"].finditer(text)
              if not inside(m.start(), text, _EMAIL) and not inside(m.start(), text, _WEB)]
    found += [(m.start(), f"{c['naming_label']} “{' '.join(m.group(1).split())}”")
              for m in p["naming"].finditer(text)]
    out: list[str] = []
    for _pos, value in sorted(found):
        if value not in out:
            out.append(value)
    return out
