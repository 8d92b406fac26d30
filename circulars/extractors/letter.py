"""Read one letter part into a :class:`Letter`: header fields, signatory, contact,
receiving stamps, endorsements. Each step is a small named function."""

from __future__ import annotations

import re

from .. import data
from ..lines import Line
from ..models import Contact, Evidence, Furniture, Letter, Signatory
from ..segment import DIGIT, Part, _kw, releasing_officer, title_kind, urgency_of
from ..thaidate import find_dates
from .citations import parse_citations
from .contact import find_contact, phones_in
from .header import Header, label_of, read_header, split_recipients, strip_label
from .reference import find_references
from .signature import find_signatory, name_in_parentheses
from .stamps import read_stamp


def read_letter(part: Part, text: str, furniture: dict) -> Letter:
    lines = [part.columns.get(ln.index, ln) for ln in part.lines]
    span = part.span
    letter = Letter(kind=part.letter_kind or "external", span=span, text=text[span[0]:span[1]])
    header = read_header(lines, furniture, letter.kind)
    read_urgency(letter, header)
    read_reference(letter, header, text)
    read_date(letter, header, text)
    read_sender(letter, header)
    read_subject_and_recipients(letter, header)
    letter.cites = parse_citations(header.value("cites"), reference_date=letter.date)
    letter.enclosures = parse_citations(header.value("enclosures"), reference_date=letter.date)
    body = lines[header.body_start:] if header.body_start is not None else []
    read_closing(letter, body, furniture, text)
    if letter.contact is None and header.value("unit"):
        letter.contact = unit_contact(header.value("unit") or "")
    letter.received = [read_stamp(b, reference=letter.date) for b in part.stamps]
    letter.kind = decide_kind(letter, header)
    letter.furniture = list(part.furniture) + letter.furniture
    return letter


def _evidence(letter: Letter, name: str, raw: str, span: tuple[int, int], confidence: float = 1.0,
              note: str | None = None) -> None:
    letter.evidence[name] = Evidence(raw=raw, span=span, confidence=confidence, note=note)


def _lines_span(lines: list[Line]) -> tuple[int, int]:
    return (lines[0].span[0], lines[-1].span[1])


def read_urgency(letter: Letter, header: Header) -> None:
    for ln in header.loose[:6] + header.fields.get("reference", [])[:1]:
        urg, sec = urgency_of(ln.stripped)
        letter.urgency = letter.urgency or urg
        letter.secrecy = letter.secrecy or sec
        if urg or sec:
            _evidence(letter, "urgency", ln.stripped, ln.span)


def _reference_at(first: Line, header: Header, text: str):
    """The reference number at the start of a reference-labelled line (or, after a wide
    gap OCR made, on the lines below it up to the next label), its span in ``text``."""
    stop = min([ls[0].start for k, ls in header.fields.items() if ls[0].start > first.start] or [first.end + 200])
    window = text[first.start:min(stop, first.end + 200)]
    lead = len(first.text) - len(strip_label(first.text, "reference"))  # a long label: ที่ของผู้ให้ข่าว
    alone = lead > 3 and not re.search(r"[\w๐-๙]", strip_label(first.text, "reference"))
    # a message form's box label alone on its line: OCR may put the ที่ line's number after
    # the date-time group of the cell beside it (``๑๑๑๐๐๐ ส.ค. ๖๗ ที่ ๑๐/๒๕๖๗``)
    refs = [r for r in find_references(window)
            if r.span and (r.span[0] <= max(6, lead + 2) or alone and r.raw.startswith("ที่"))]
    if not refs:
        return None
    ref = refs[0]
    ref.span = (first.start + ref.span[0], first.start + ref.span[1])
    return ref


def read_reference(letter: Letter, header: Header, text: str) -> None:
    lines = header.fields.get("reference")
    if not lines:
        return
    # a message form's box label (ที่ของผู้ให้ข่าว) may stand alone with the ที่ line below it:
    # the first labelled line with a number at its start
    for first in lines:
        ref = _reference_at(first, header, text)
        if ref:
            break
    else:
        return
    letter.reference = ref
    note = f"prefix corrected from {ref.corrected_from}" if ref.corrected_from else None
    _evidence(letter, "reference", ref.raw, ref.span, ref.confidence, note)


def read_date(letter: Letter, header: Header, text: str) -> None:
    """The letter's own date: the วันที่ label (memo, fax) or the date line of the
    address block; orders and announcements date themselves at the end (read later)."""
    labelled: list[Line] = [ln for ln in header.fields.get("date", []) if not _stamp_date_line(ln, text)]
    refs = list(header.fields.get("reference", [])) if letter.reference and letter.reference.span else []
    _date_from(letter, sorted((labelled or header.loose) + refs, key=lambda ln: ln.start), text)
    if letter.date is None and labelled:  # a วันที่ line without a date (a stamp's, damaged): the date line
        _date_from(letter, sorted(header.loose + refs, key=lambda ln: ln.start), text)


_STAMP_TIME = re.compile(r"\n[ \t]*(?:\n[ \t]*){0,2}(?:(?P<between>[^\n]*)\n(?:[ \t]*\n){0,2}[ \t]*)?เวลา")


_NUMBER_ONLY = re.compile(r"[\s0-9๐-๙./]*")


def _stamp_date_line(ln: Line, text: str) -> bool:
    """A วันที่ line of one date with a เวลา line right under it: a receiving stamp's (its
    number line unread), not the letter's date (a fax's own date may share its row with a
    stamp's: two วันที่ on the line, kept). One short line between them that is not a header
    label, a date or a bare number is the address column OCR read between the stamp's lines
    (``อำเภอสองพี่น้อง``)."""
    row = text[text.rfind("\n", 0, ln.start) + 1 : ln.end]
    m = _STAMP_TIME.match(text, ln.end)
    between = m and m.group("between")
    odd = between and (len(between.strip()) > 40 or label_of(between) or find_dates(between)
                       or _NUMBER_ONLY.fullmatch(between))  # a year wrapped from the วันที่ line
    return row.count("วันที่") == 1 and bool(m) and not odd


def _date_from(letter: Letter, candidates: list[Line], text: str) -> None:
    """The first full date on the candidate lines (within 80 characters of a line's start)."""
    for ln in candidates:
        window = text[ln.start:ln.start + 80]
        found = [d for d in find_dates(window) if d.span[0] <= len(ln.text)]
        if letter.reference and letter.reference.span and ln.start <= letter.reference.span[1] <= ln.end:
            found = [d for d in found if ln.start + d.span[0] >= letter.reference.span[1]]
        for d in found:
            if d.error:
                letter.problems.append(f"date {d.raw!r}: {d.error}")
                continue
            if d.precision != "day":
                # a circular's date line often leaves the day blank for the clerk to fill in
                letter.problems.append(f"date {d.raw!r}: the day is not written")
                continue
            letter.date = d.date
            _evidence(letter, "date", d.raw, (ln.start + d.span[0], ln.start + d.span[1]))
            return


def read_sender(letter: Letter, header: Header) -> None:
    """External: the first line of the address block; memo: ส่วนราชการ; fax: จาก;
    order/announcement: the issuing body named in the title."""
    unit = header.value("unit")
    if unit:
        letter.sender = unit_name(unit)
        return
    sender = header.value("sender")
    if sender:
        letter.sender = sender
        return
    for ln in header.loose:
        s = ln.stripped
        kind = title_kind(s)
        if kind in ("order", "announcement"):
            letter.sender = re.sub(r"^(?:คำสั่ง|ประกาศ)", "", s).strip() or None
            return
    block = [ln for ln in address_block(letter, header) if not _street(ln.stripped)]
    if not block:
        return
    chosen = block[0]
    ref = letter.reference
    if ref and ref.agency and len(block) > 1 and ref.prefix and _kind_of(ref.prefix) == "province":
        # a province's letter: prefer the address line naming the province (OCR may put stamp text first)
        chosen = next((ln for ln in block if ref.agency in ln.stripped), chosen)
    letter.sender = chosen.stripped
    _evidence(letter, "sender", chosen.stripped, chosen.span)


def _street(s: str) -> bool:
    """A street-address line (ถนน…, ซอย…, a postal code) rather than the office's name."""
    return any(s.startswith(w) for w in _kw()["address"]["street"]) or bool(re.search(r"[0-9๐-๙]{5}\s*$", s))


def _kind_of(prefix: str) -> str | None:
    agency = data.agency_codes().get(prefix)
    return agency.kind if agency else None


def address_block(letter: Letter, header: Header) -> list[Line]:
    """Loose header lines after the ที่ line that are neither urgency, title, date nor number.
    A PDF text layer may put the first address line on the ที่ line itself, after the number."""
    ref_line = header.fields.get("reference", [None])[0]
    out = []
    ref = letter.reference
    if ref_line is not None and ref and ref.span and ref_line.start <= ref.span[1] < ref_line.end:
        cut = ref.span[1] - ref_line.start
        rest = ref_line.text[cut:]
        lead = len(rest) - len(rest.lstrip())
        if rest.strip() and not _date_or_number(rest.strip()) and re.match(r"^\s{2,}|\t", rest):
            out.append(Line(ref_line.index, ref_line.start + cut + lead, rest.strip()))
    before = []
    for ln in header.loose:
        s = ln.stripped
        if urgency_of(s) != (None, None) or title_kind(s) or _date_or_number(s) or _stamp_label(s):
            continue
        if ref_line is not None and ln.start < ref_line.start:
            before.append(ln)  # an address block printed above the ที่ line
            continue
        if letter.reference and letter.reference.span and ln.start < letter.reference.span[1]:
            continue
        out.append(ln)
    return out or before


def _stamp_label(s: str) -> bool:
    return bool(re.match(r"^(?:เวลา|เลขรับ|รับที่|เลขที่รับ)\b", s))


def _date_or_number(s: str) -> bool:
    if re.fullmatch(r"[0-9๐-๙\s./-]+", s):
        return True
    found = find_dates(s)
    return bool(found) and found[0].span[0] <= 2 and len(s) - (found[0].span[1] - found[0].span[0]) < 6


def read_subject_and_recipients(letter: Letter, header: Header) -> None:
    letter.subject = header.value("subject")
    if "subject" in header.fields:
        _evidence(letter, "subject", letter.subject or "", _lines_span(header.fields["subject"]))
    letter.recipients = split_recipients(header.value("recipient"))
    if "recipient" in header.fields:
        _evidence(letter, "recipients", header.value("recipient") or "", _lines_span(header.fields["recipient"]))


def _find_closing(body: list[Line]) -> int | None:
    closing = _kw()["closing"]
    words = closing["courtesy"] + closing["order"] + closing["announcement"]
    for i, ln in enumerate(body):
        if any(ln.stripped.startswith(w) for w in words):
            return i
    for i, ln in enumerate(body):
        if any(ln.stripped.startswith(w) for w in closing["purpose"]):
            return i
    for i, ln in enumerate(body):
        if name_in_parentheses(ln.stripped):
            return i  # faxes and memos may end with the signature alone
    return None


def read_closing(letter: Letter, body: list[Line], furniture: dict, text: str) -> None:
    """Purpose (จึงเรียนมาเพื่อ…), order/announcement date (สั่ง/ประกาศ ณ วันที่),
    signatory, contact block and endorsements."""
    purpose_words = _kw()["closing"]["purpose"]
    for ln in body:
        for w in purpose_words:
            if ln.stripped.startswith(w):
                letter.purpose = ln.stripped[len(w):].strip() or None
    read_issue_date(letter, body)
    close = _find_closing(body)
    seal = _seal_index(body)
    if seal is not None and (close is None or seal < close):
        letter.body_span = _span_between(body[:max(0, seal - 1)])
        read_seal(letter, body, seal, furniture)
        return
    # a memo's closing purpose line (จึงเรียนมาเพื่อโปรดพิจารณาอนุมัติให้…) often holds its request
    purpose_close = close is not None and any(body[close].stripped.startswith(w) for w in purpose_words)
    letter.body_span = _span_between(body[:close + 1] if purpose_close else body[:close])
    if close is None:
        released = next((i for i, ln in enumerate(body) if releasing_officer(ln.text)), None)
        if released is not None:
            read_releasing(letter, body, released, furniture)
            return
        agency = _stamp_line_index(body, furniture)
        if agency is not None:
            letter.body_span = _span_between(body[:agency])
            read_stamp_line(letter, body, agency, furniture)
        return
    after = body[close + 1:] if not name_in_parentheses(body[close].stripped) else body[close:]
    sig, last = find_signatory(after, furniture)
    letter.signatory = sig
    if sig and sig.span:
        _evidence(letter, "signatory", text[sig.span[0]:sig.span[1]], sig.span)
    rest = after[last + 1:] if last is not None else after
    letter.contact = find_contact(rest, furniture)
    endorsements = _endorsements(body[:close], furniture)
    letter.furniture.extend(Furniture("endorsement", ln.stripped, ln.span) for ln in endorsements)


def unit_name(unit_value: str) -> str | None:
    """A memo's ส่วนราชการ value without its phone. The phone may sit inside the parentheses
    (``ศศย.สปท. (โทร./โทรสาร ๐ ๒๒๗๕ ๕๗๑๖)``, ``กพ.ทหาร (กพบท.ฯ โทร. …)``): an emptied pair goes,
    a pair left open is closed."""
    words = "|".join(map(re.escape, sorted(_kw()["contact"]["phone"], key=len, reverse=True)))
    name = re.split(rf"\s*(?:{words})(?=[.\s:/]|$)", unit_value)[0]
    name = re.sub(r"[\s(]+$", "", name.strip())
    if name.count("(") > name.count(")"):
        name = re.sub(r"[\s.,]+$", "", name) + ")"
    return name or None


def unit_contact(unit_value: str) -> Contact | None:
    """A memo's ส่วนราชการ line carries its unit and phone: 'สำนักปลัด อบต.ค้างพลู โทร. ๐ ๔๔๓๘ ๑๕๐๖'."""
    unit = unit_name(unit_value)
    phones = phones_in(unit_value)
    return Contact(unit=unit, phones=phones) if unit or phones else None


def _seal_index(body: list[Line]) -> int | None:
    """The seal line of a stamped letter: '(ตราประทับ…)', '[ ตราสำนักงาน… ]'."""
    seal = _kw()["closing"]["seal"]
    for i, ln in enumerate(body):
        s = ln.stripped
        if len(s) < 90 and (any(w in s for w in seal) or re.match(r"^[\[(]\s*ตรา", s)):
            return i
    return None


def read_seal(letter: Letter, body: list[Line], seal: int, furniture: dict) -> None:
    """A stamped letter ends with the agency's name, its seal and the date instead of a signature."""
    content = [ln for ln in body if not ln.blank and ln.index not in furniture]
    seal_line = body[seal]
    k = content.index(seal_line)
    words = "|".join(map(re.escape, _kw()["closing"]["seal"])) + r"|[\[\]]|ตรา\S*"
    above = content[k - 1].stripped if k > 0 else ""
    own = re.sub(rf"[()]|{words}|ป\.ส\.", " ", seal_line.stripped).strip()
    letter.sender = letter.sender or (above if above and len(above) < 80 else own or None)
    for ln in content[k + 1:k + 3]:
        found = [d for d in find_dates(ln.stripped) if d.date]
        if found and letter.date is None:
            letter.date = found[0].date
            _evidence(letter, "date", found[0].raw, (ln.start + found[0].span[0], ln.start + found[0].span[1]))
            rest = content[content.index(ln) + 1:]
            letter.contact = find_contact(rest, furniture)
            return
    letter.contact = find_contact(content[k + 1:], furniture)


def read_releasing(letter: Letter, body: list[Line], i: int, furniture: dict) -> None:
    """A message form signed by its releasing officer; the contact block, if any, follows."""
    line = body[i]
    name, position = releasing_officer(line.text)
    position = _acting_for(position, body[i + 1 : i + 4])
    letter.body_span = _span_between(body[:i])
    letter.signatory = Signatory(name=name, position=position, span=line.span)
    _evidence(letter, "signatory", line.stripped, line.span)
    rest = [ln for ln in body[i + 1:] if releasing_officer(ln.text) is None]
    letter.contact = find_contact(rest, furniture)


ACTING_FOR_MAX = 40  # characters: the position acted for, on the line under ``… ทำการแทน``


def _acting_for(position: str | None, below: list[Line]) -> str | None:
    """A releasing officer's position ending in an acting word (``รอง ผบ.วสท.สปท. ทำการแทน``)
    goes on with the position acted for on the next text line (``ผบ.วสท.สปท.``), blank lines
    OCR left between them skipped; a label, a name or a long line is not taken."""
    if not position or not any(position.endswith(w) for w in _kw()["signature"]["acting"]):
        return position
    nxt = next((ln for ln in below if not ln.blank), None)
    if (nxt is None or len(nxt.stripped) > ACTING_FOR_MAX or label_of(nxt.stripped)
            or releasing_officer(nxt.text) or name_in_parentheses(nxt.stripped) or re.search(DIGIT, nxt.stripped)):
        return position
    return f"{position} {nxt.stripped}"


def _stamp_line_index(body: list[Line], furniture: dict) -> int | None:
    """A stamped letter whose seal left no text: the agency's name alone after a blank line, then
    (blank lines between) a line holding only the date (``จังหวัดแพร่`` … ``๒ ธันวาคม ๒๕๖๘``)."""
    content = [(i, ln) for i, ln in enumerate(body) if not ln.blank and ln.index not in furniture]
    for n, (i, ln) in enumerate(content[:-1]):
        s = ln.stripped
        if i == 0 or not body[i - 1].blank or len(s) > 80 or _date_or_number(s) or name_in_parentheses(s):
            continue
        j, nxt = content[n + 1]
        if j - i > 3 or not _date_or_number(nxt.stripped):
            continue
        if any(d.date and d.precision == "day" for d in find_dates(nxt.stripped)):
            return i
    return None


def read_stamp_line(letter: Letter, body: list[Line], agency: int, furniture: dict) -> None:
    """The agency line of a stamped letter is its sender; the date line under it is its date; the
    owning unit's block follows."""
    line = body[agency]
    letter.sender = letter.sender or line.stripped
    _evidence(letter, "sender", line.stripped, line.span)
    content = [ln for ln in body[agency + 1:] if not ln.blank and ln.index not in furniture]
    date_line = content[0]
    found = [d for d in find_dates(date_line.stripped) if d.date]
    if letter.date is None:
        letter.date = found[0].date
        start = date_line.start + len(date_line.text) - len(date_line.text.lstrip())
        _evidence(letter, "date", found[0].raw, (start + found[0].span[0], start + found[0].span[1]))
    letter.contact = find_contact(content[1:], furniture)


def _span_between(lines: list[Line]) -> tuple[int, int] | None:
    content = [ln for ln in lines if not ln.blank]
    return (content[0].start, content[-1].end) if content else None


def read_issue_date(letter: Letter, body: list[Line]) -> None:
    closing = _kw()["closing"]
    for ln in body:
        s = ln.stripped
        if any(s.startswith(w) for w in closing["order"] + closing["announcement"]) and "วันที่" in s:
            found = [d for d in find_dates(s) if d.date]
            if found and (letter.date is None or letter.kind in ("order", "announcement")):
                letter.date = found[0].date
                _evidence(letter, "date", found[0].raw, (ln.start + found[0].span[0], ln.start + found[0].span[1]))


def _endorsements(body: list[Line], furniture: dict) -> list[Line]:
    """A second เรียน block inside the body (a handwritten note to the next reader) up to
    the name in parentheses and the position under it."""
    out: list[Line] = []
    inside = 0
    for ln in body:
        if ln.blank or ln.index in furniture:
            continue
        if re.match(r"^\s*เรียน\s", ln.text):
            inside = 1
        if inside:
            out.append(ln)
            if name_in_parentheses(ln.stripped):
                inside = 2
            elif inside == 2:
                inside = 0
    return out


def decide_kind(letter: Letter, header: Header) -> str:
    if letter.kind != "external":
        return letter.kind
    to_label = any(ln.stripped.startswith("ถึง") for ln in header.fields.get("recipient", []))
    if to_label and letter.signatory is None:
        return "stamped"
    if letter.reference is None and letter.subject is None:
        return "other"
    return "external"
