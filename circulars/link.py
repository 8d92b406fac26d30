"""Links between the letters of one file: which letter cites or encloses which.

Matching tolerates OCR damage: a cited ``ว ๔๒๒๘`` matches a header read as ``ว ๕๒๒๘``
when the prefix and office agree, one digit differs and the dates are the same."""

from __future__ import annotations

import datetime as dt

from .extractors.reference import find_references
from .models import Attachment, Citation, Letter, Link, Reference
from .thaidate import find_dates


def same_reference(a: Reference | None, b: Reference | None, a_date: dt.date | None = None,
                   b_date: dt.date | None = None) -> bool:
    if not a or not b:
        return False
    if a.text == b.text:
        return True
    if (a.prefix, a.office) != (b.prefix, b.office) or not a.number or not b.number:
        return False
    if len(a.number) != len(b.number):
        return False
    diff = sum(x != y for x, y in zip(a.number, b.number))
    return diff <= 1 and close_dates(a_date, b_date)


def close_dates(a: dt.date | None, b: dt.date | None) -> bool:
    """Equal, or the same month with the day differing in one digit (an OCR misread, ๒๕ vs ๒๒)."""
    if a is None or b is None:
        return False
    if a == b:
        return True
    da, db = f"{a.day:02d}", f"{b.day:02d}"
    return (a.year, a.month) == (b.year, b.month) and sum(x != y for x, y in zip(da, db)) == 1


def _match(c: Citation, letters: list[Letter], exclude: int) -> int | None:
    for j, other in enumerate(letters):
        if j != exclude and same_reference(c.reference, other.reference, c.date, other.date):
            return j
    return None


def link_letters(letters: list[Letter], text: str = "") -> list[Link]:
    """Header citations and enclosures that name another letter of the file, then letters
    named in a body (a memo presenting the fax under it): ``forwards`` when the named
    letter follows in the file, ``cites`` when it comes before."""
    links: list[Link] = []
    for i, letter in enumerate(letters):
        for relation, items in (("encloses", letter.enclosures), ("cites", letter.cites)):
            for c in items:
                j = _match(c, letters, i)
                if j is None:
                    continue
                c.letter_index = j
                _add(links, Link(i, j, relation))
    for i, letter in enumerate(letters):
        for j in _named_in_body(letter, letters, i, text):
            if not any(lk.source == i and lk.target == j for lk in links):
                _add(links, Link(i, j, "forwards" if j > i else "cites"))
    return links


def _add(links: list[Link], link: Link) -> None:
    if not any((lk.source, lk.target, lk.relation) == (link.source, link.target, link.relation) for lk in links):
        links.append(link)


def _named_in_body(letter: Letter, letters: list[Letter], i: int, text: str) -> list[int]:
    if not letter.body_span or not text:
        return []
    body = text[letter.body_span[0]:letter.body_span[1]]
    out = []
    for ref in find_references(body):
        date = _date_after(body, ref)
        for j, other in enumerate(letters):
            if j != i and j not in out and same_reference(ref, other.reference, date, other.date):
                out.append(j)
    return out


def _date_after(body: str, ref: Reference) -> dt.date | None:
    """The ลงวันที่ date written right after a reference in running text."""
    end = ref.span[1] if ref.span else 0
    found = [d for d in find_dates(body[end:end + 60]) if d.date and d.span[0] < 20]
    return found[0].date if found else None


def attachment_owner(att: Attachment, letters: list[Letter], position: int) -> int | None:
    """The letter an attachment belongs to: the one it names (ตามหนังสือ … ที่ …), else the
    letter it follows in the file (``position`` = number of letters before it)."""
    if att.refers_to:
        for j, letter in enumerate(letters):
            if same_reference(att.refers_to, letter.reference):
                return j
    return position - 1 if position > 0 else None
