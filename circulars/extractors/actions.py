"""Tasks: every action the body of one letter (or one attachment) requires, with who must act
(assignee), to whom the result goes (report_to), how (channels) and by when (deadline).

The text is split into units: numbered items (``๑.``, ``(๑)``, ``๑)``, ``๒.๑``, ``- (๑)``), table
rows and paragraphs (blank-line separated, wrapped lines joined; a paragraph opening with
ทั้งทาง/ทาง… only continues the one before it). A unit gives one task per deadline when it is an
instruction: it holds a request (ขอให้, ให้ <ผู้ใด> <กริยา>, ขอความร่วมมือ, โปรด, กรุณา, ขอเชิญ …),
or it is an item under an intro that is one (จึงขอให้อำเภอดำเนินการ ดังนี้), or an item of a
schedule (ไตรมาสที่ ๑ รายงานภายในวันที่ …) under any intro. A background paragraph (ด้วย…,
ตามที่…, อนุสนธิ…) gives tasks only for deadlines after the words that pass its request on
(จึงขอให้, จึงขอความร่วมมือ, จึงให้ …). An event (a meeting day) is a task when it is an item of
an instruction, when a request of its paragraph asks to attend it (เข้าร่วม…, ตามวันและเวลาดังกล่าว),
when its intro's items ask to (ส่งแบบตอบรับการเข้าร่วมประชุม), or when the request of the next
paragraph names the same event (…จัดกิจกรรม… | ในการนี้ ขอความร่วมมือ… จัดกิจกรรม…). An intro whose
items carry deadlines keeps only its events. A relative deadline counted from an event of the text
(นับจากวันที่สิ้นสุดการอบรม) is dated from that event. A paragraph without a deadline that names
items (ทั้งนี้ การรายงานตามข้อ ๑ - ๒ ทาง …) adds its channels to their tasks.

Ids are stable: a sha256 digest of the letter key, the unit's whitespace-normalised text in
Arabic digits and the deadline's kind and date; the same text gives the same ids on every run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import re
from dataclasses import dataclass, field
from functools import cache

from .. import data
from ..models import Deadline, Task
from ..normalize import to_arabic_digits
from .deadlines import DIGIT, alt, count_from, find_deadlines

Span = tuple[int, int]
_EVENT_WINDOW = 150  # characters before an event date searched for its event words
_WHO_MAX = 60  # characters an assignee may run after its first word
_SHORT_PARAGRAPH = 30  # a shorter paragraph (a heading, a motto) does not close a list of items
_ITEM = re.compile(
    rf"[ \t\f]*(?:[-•]\s*)?(?:\((?P<paren>[{DIGIT}]{{1,3}})\)|(?P<close>[{DIGIT}]{{1,3}})\)"
    # a time opening a wrapped line ("๒๐.๐๐ น. ของทุกวัน") is no item ๒๐.๐๐
    rf"|(?P<multi>[{DIGIT}]{{1,3}}(?:\.[{DIGIT}]{{1,3}})+)\.?(?![{DIGIT}])(?!\s*(?:น\.|นาฬิกา))"
    rf"|(?P<dot>[{DIGIT}]{{1,3}})\.(?![{DIGIT}]))"
    rf"[ \t]*"
)
_FURNITURE_LINE = re.compile(rf"^(?:/.*(?:\.{{3}}|…)|-\s*[{DIGIT}]+\s*-)$")
# an agency written as a Thai abbreviation: สปท., กพ.ทหาร/ฝ่ายเลขานุการฯ
_ABBREVIATION = "[\u0e01-\u0e2e][\u0e01-\u0e4c]{0,8}\\.\\S*"
_EMPTY_BRACKETS = re.compile(r"\(\s*\)")  # left where a bracketed deadline was taken out
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,200}>")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_WEB = re.compile(r"(?:https?://|www\.)[A-Za-z0-9./_~%?#=&:+-]+")


def _words() -> dict:
    return data.task_words()["task"]


@dataclass
class Unit:
    """A numbered item, a table row or a paragraph of the text given to ``split_units``."""

    start: int  # offsets into the text given to find_tasks
    end: int
    body: int  # where the words after the numbering start
    level: int = 0  # 0: paragraph or table row; 1, 2 …: numbered items by numbering style
    number: int | None = None
    skip: bool = False  # page furniture: catchwords, page numbers, mottos


@dataclass
class _Info:
    """What one unit says, for its own tasks and for the items under it."""

    unit: Unit
    raw: str  # the unit's text with its numbering
    masked: str  # the unit's words after its numbering, HTML tags blanked (same length)
    deadlines: list[Deadline]  # spans relative to masked
    cutoff: int  # background ends here (in masked); deadlines before it are no tasks
    instruction: bool
    assignee: str | None
    intro: bool
    parent: _Info | None = None
    children: list[_Info] = field(default_factory=list)
    children_due: bool = False
    tasks: list[Task] = field(default_factory=list)
    undertakings: list[Deadline] = field(default_factory=list)  # the issuer's own: no tasks


# ---------------------------------------------------------------- patterns


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    w, org = _words(), alt(_words()["org_heads"])
    not_noun = "".join(f"(?<!{re.escape(x)})" for x in w["verb_not_after"])
    verb = rf"{not_noun}(?:{alt(w['verbs'])})(?!{alt(w['verb_not_before'])})"
    aux = rf"(?:(?:{alt(w['auxiliary'])})\s?)?"
    who = rf"\s?(?P<who>(?:{org}|{alt(w['reader'])}|{_ABBREVIATION})[^\n]{{0,{_WHO_MAX}}}?)\s?{aux}(?={verb})"
    not_after = "".join(f"(?<!{re.escape(x)})" for x in w["not_imperative_after"])
    return {
        "request": re.compile(alt(w["request"])),
        "verb": re.compile(rf"\s*{verb}"),
        "date_word": re.compile(alt([*data.task_words()["deadline"]["by"], *(m[1] for m in data.months())])),
        "imperative": re.compile(rf"{not_after}{w['imperative']}(?:{who})?(?={verb})"),
        "who": re.compile(who),
        # an agency abbreviation ended by a space: จึงให้ ร.๘ จัดกำลังพล…
        "who_abbreviation": re.compile(rf"\s?(?P<who>{_ABBREVIATION})(?=\s)"),
        "duty": re.compile(rf"\s*(?:{alt(w['duty'])})"),
        "org_head": re.compile(org),
        "building": re.compile(rf"^(?:{alt(w['sender_building'])})"),
        "undertaking": re.compile(rf"(?P<who>[^\s]+?)\s*(?:{alt(w['undertaking_joins'])})?{w['undertaking']}"
                                  rf"(?!{alt(w['undertaking_not_before'])})"),
        "pass_on": re.compile(alt(w["pass_on"])),
        "background": re.compile(rf"\s*(?:{alt(w['background'])})"),
        "intro": re.compile(rf"(?:{alt(w['intro_end'])})\s*[:：]?\s*$"),
        "intro_request": re.compile(rf"(?:{alt(w['intro_request_end'])})\s*[:：]?\s*$"),
        "throughout": re.compile(
            rf"\s*(?:(?:{alt(data.task_words()['recurring']['time_unit'])})\s*)?(?:{alt(w['throughout'])})"),
        "clause": re.compile(
            rf"(?<=\s)(?:{alt(w['clause_breaks'])})|\s{w['new_subject_join']}(?=\S{{0,60}}?{w['new_subject_verb']})"
        ),
        "continuation": re.compile(rf"(?:{alt(w['continuation'])})"),
        "schedule": re.compile(alt(w["schedule"])),
        "attend": re.compile(alt(data.task_words()["event"]["attend"])),
        "attend_inline": re.compile(alt(data.task_words()["event"]["attend_inline"])),
        "refer_back": re.compile(alt(data.task_words()["event"]["refer_back"])),
        "event": re.compile(alt(data.task_words()["event"]["words"])),
        "action_trail": re.compile(rf"\s+(?:{alt(w['action_trail'])})\s*$"),
        "aux": re.compile(rf"^(?:{alt(w['auxiliary'])})\s?"),
        "lead": re.compile(rf"(?:{alt(w['action_lead'])})\s*"),
        "trail": re.compile(rf"\s*(?:(?:{alt(w['intro_trail'])})\s*)?(?:{alt(w['intro_end'])})\s*[:：]?\s*$"),
        "item_ref": re.compile(
            rf"{w['item_ref']}\s*([{DIGIT}]+)(?:\s*(?:{alt(w['item_ref_join'])})\s*([{DIGIT}]+))?"
        ),
        "report_direct": re.compile(rf"(?:{alt(w['report_direct'])})(?P<to>(?:{org})\S*)"),
        "report_verb": re.compile(
            rf"(?:{alt(w['report_verbs'])})(?!{alt(w['verb_not_before'])})[^\n]{{0,80}}?"
            rf"(?:{alt(w['report_to'])})\s?(?P<to>(?:{org})\S*|{_ABBREVIATION})"
        ),
    }


@cache
def _channel_patterns() -> dict[str, re.Pattern[str]]:
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


# ---------------------------------------------------------------- public functions


def find_tasks(text: str, *, letter_key: str, recipients: list[str], reference: dt.date | None = None,
               received: dt.date | None = None, base_offset: int = 0, audience: str | None = None,
               appointees: str | None = None, sender: str | None = None) -> list[Task]:
    """Every task of the body of one letter or one attachment, in text order. Spans (of tasks
    and of their deadlines) are ``base_offset`` + offsets in ``text``. A task without an
    explicit assignee falls back on its intro's, then on ``", ".join(recipients)``, then on
    ``appointees`` (whom an order appoints) or ``audience`` (whom a letter without recipients
    addresses). A subject that only begins ``appointees`` (คณะทำงาน) is read as all of it.
    ``sender`` tells the letter's own requests from those of other offices it recounts."""
    infos = [_read(text, u, reference, received, sender) for u in split_units(text)]
    _link(infos)
    _duty_holders(infos)
    _memo_background(infos)
    _anchor_on_events(infos)
    _within_periods(infos)
    fallback = ", ".join(recipients) or appointees or audience
    ctx = _Ctx(letter_key, fallback, base_offset, appointees, sender)
    tasks, seen = [], set()
    for k, info in enumerate(infos):
        following = next((i for i in infos[k + 1:] if not i.unit.skip), None)
        for task in _unit_tasks(info, following, ctx):
            if task.id not in seen:
                seen.add(task.id)
                info.tasks.append(task)
                tasks.append(task)
    _follow_ups(infos)
    return tasks


def split_units(text: str) -> list[Unit]:
    """Numbered items, table rows and paragraphs of ``text``, with their offsets."""
    units: list[Unit] = []
    levels: dict[str, int] = {}
    current: Unit | None = None
    pos = 0
    for line in text.split("\n"):
        start, stripped = pos, line.strip()
        pos += len(line) + 1
        if not stripped:
            current = None
            continue
        a, b = start + len(line) - len(line.lstrip()), start + len(line.rstrip())
        item = _ITEM.match(line)
        if _FURNITURE_LINE.match(stripped):
            units.append(Unit(a, b, a, skip=True))
            current = None
        elif item and item.end() < len(line.rstrip()):
            style = next(k for k, v in item.groupdict().items() if v)
            style += str(item.group("multi").count(".")) if style == "multi" else ""
            number = int(to_arabic_digits(item.group(style.rstrip("0123456789")).split(".")[-1]))
            current = Unit(a, b, start + item.end(), levels.setdefault(style, len(levels) + 1), number)
            units.append(current)
            current = None if "\t" in line else current
        elif "\t" in line:
            units.append(Unit(a, b, a))
            current = None
        elif current is not None:
            current.end = b
        elif units and not units[-1].skip and _patterns()["continuation"].match(stripped):
            current = units[-1]
            current.end = b
        else:
            current = Unit(a, b, a)
            units.append(current)
    for u in units:
        u.skip = u.skip or _is_furniture(text[u.start:u.end])
    return units


def find_channels(text: str) -> list[str]:
    """How a result is to be sent: e-mail addresses, named systems (ระบบ INFO), web sites,
    fax numbers (โทรสาร 0 2225 4886), required formats (.pdf, ไฟล์ Word, Excel), subject
    conventions (ชื่อเรื่อง “…”) and channel phrases of the data file, in text order."""
    c, p = data.task_words()["channels"], _channel_patterns()
    labels = {w: e["label"] for e in c["phrases"] for w in e["words"]}
    found: list[tuple[int, str]] = [(m.start(), labels[m.group(0)]) for m in p["phrase"].finditer(text)]
    found += [(m.start(), m.group(0)) for m in _EMAIL.finditer(text)]
    found += [(m.start(), m.group(0).rstrip(".,)")) for m in _WEB.finditer(text)]
    found += [(m.start(), f"{c['system']} {m.group(1).strip()}") for m in p["system"].finditer(text)]
    found += [(m.start(), f"{c['fax_label']} {to_arabic_digits(' '.join(m.group(1).split()))}")
              for m in p["fax"].finditer(text)]
    found += [(m.start(), m.group(0).strip()) for m in p["file"].finditer(text)]
    found += [(m.start(), "." + m.group(1).lower()) for m in p["ext"].finditer(text)
              if not _inside(m.start(), text, _EMAIL) and not _inside(m.start(), text, _WEB)]
    found += [(m.start(), f"{c['naming_label']} “{' '.join(m.group(1).split())}”")
              for m in p["naming"].finditer(text)]
    out: list[str] = []
    for _pos, value in sorted(found):
        if value not in out:
            out.append(value)
    return out


def task_id(letter_key: str, evidence: str, deadline: Deadline | None, index: int = 0) -> str:
    """16 hex digits of sha256 over the letter key, the whitespace-normalised Arabic-digit
    evidence and the deadline's kind and date (``index`` tells apart equal deadlines of one unit).
    A recurring deadline is keyed by its rule: its first date may be counted from the day of the run."""
    text = to_arabic_digits(" ".join(evidence.split()))
    kind = deadline.kind if deadline else ""
    key = "\x1f".join([letter_key, text, kind, _when(deadline)] + ([str(index)] if index else []))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _when(deadline: Deadline | None) -> str:
    if deadline is None:
        return ""
    if deadline.kind == "recurring":
        return deadline.rrule or ""
    return deadline.date.isoformat() if deadline.date else ""


# ---------------------------------------------------------------- reading units


def _inside(pos: int, text: str, pattern: re.Pattern[str]) -> bool:
    return any(m.start() <= pos < m.end() for m in pattern.finditer(text))


def _is_furniture(text: str) -> bool:
    """A quoted motto, or a short catchword ending in dots (เพื่อจะได้.....)."""
    s = text.strip()
    quoted = s[:1] in "“\"" and s[-1:] in "”\"" and "\n\n" not in s
    return quoted or (len(s) < 40 and (s.endswith(("...", "…"))))


def _read(text: str, u: Unit, reference: dt.date | None, received: dt.date | None,
          sender: str | None = None) -> _Info:
    p = _patterns()
    masked = _TAG.sub(lambda m: " " * len(m.group(0)), text[u.body:u.end])
    deadlines = [] if u.skip else find_deadlines(masked, reference=reference, received=received)
    cutoff = 0
    if p["background"].match(masked):
        found = next((m for m in p["pass_on"].finditer(masked) if not _recounted(masked, m.start(), sender)), None)
        cutoff = found.start() if found else len(masked)
    rest = masked[cutoff:]
    # the unit's own assignee is named before its last deadline, not in what follows it
    intro = bool(p["intro"].search(masked) or p["intro_request"].search(masked)) and not u.skip
    named = masked[cutoff:max([cutoff, *(d.span[1] for d in deadlines)])] if deadlines and not intro else rest
    info = _Info(u, text[u.start:u.end], masked, deadlines, cutoff, _has_request(rest), _subject(named), intro)
    info.undertakings = [d for d in deadlines if _undertaken(info, d, sender)]
    return info


def _undertaken(info: _Info, d: Deadline, sender: str | None) -> bool:
    """The clause of ``d`` tells what the issuer itself will do (เทศบาลจะส่ง… ภายในเดือน…,
    สำนักงานเขตบางกะปิจะประกาศรายชื่อ… ในวันศุกร์ที่ …)."""
    if not sender:
        return False
    p = _patterns()
    # from the unit's start: "…จังหวัดตราดจะออกตรวจ … และจะประกาศรายชื่อ … ภายในวันที่ …" is one subject's
    clause = info.masked[info.cutoff:d.span[0]]
    for m in p["undertaking"].finditer(clause):
        who = m.group("who").rstrip("ฯ")  # โครงการฯ: the sender's name cut short
        if p["org_head"].match(who) and (who in sender or sender in who) and not _has_request(clause[m.end():]):
            return True  # ... and no request after it: ประมงจังหวัดจะออกตรวจ … และจะประกาศ … ภายในวันที่ …
    return False


def _recounted(text: str, pos: int, sender: str | None) -> bool:
    """A request another office made, told in the background (ด้วยจังหวัดได้รับแจ้งจากกรม… ว่า …
    กรมทรัพยากรน้ำบาดาลจึงขอให้จังหวัด…): the agency named just before it is not the sender."""
    if not sender:
        return False
    phrase = _last_phrase(text, pos)
    if not phrase or not _patterns()["org_head"].match(phrase):
        return False
    return phrase not in sender and sender not in phrase


def _has_request(text: str) -> bool:
    p = _patterns()
    # ให้ … ทราบ names who receives a report, not a request; a subject that runs over a date
    # ("ให้เจ้าของป้ายที่แสดงไว้ก่อนวันที่ ๑ มกราคม … ยื่นแบบ") is still a request
    return bool(p["request"].search(text)) or any(
        not (m.group("who") and _words()["report_end"] in m.group("who")) for m in p["imperative"].finditer(text))


def _subject(text: str) -> str | None:
    """The explicit subject after the first request ('' when it is the reader, ท่าน), or None
    when that request names none (โปรดตอบรับ…, ให้ดำเนินการ…)."""
    p = _patterns()
    markers = sorted([*p["request"].finditer(text), *p["imperative"].finditer(text)],
                     key=lambda m: m.start())
    for m in markers:
        who = m if "who" in m.re.groupindex and m.group("who") else _who_after(text, m.end())
        name = " ".join(who.group("who").split()) if who and who.group("who") else ""
        if name and _bad_subject(name):
            continue  # ให้ … ทราบ is a report_to, not a request
        if not name:
            return _subject_before(text, m.start()) if m.group(0).strip() in _words()["subject_before"] else None
        return "" if any(name.startswith(w) for w in _words()["reader"]) else name
    return None


def _who_after(text: str, pos: int) -> re.Match[str] | None:
    p = _patterns()
    return p["who"].match(text, pos) or p["who_abbreviation"].match(text, pos)


def _last_phrase(text: str, pos: int) -> str:
    """The words just before ``pos`` back to the last space: Thai writes a phrase without spaces."""
    head = text[:pos].rstrip()
    return head[max(head.rfind(" "), head.rfind("\n"), head.rfind("\t")) + 1:]


def _subject_before(text: str, pos: int) -> str | None:
    """A subject written just before its request: ผู้ประสงค์จะสมัคร|ให้ยื่นใบสมัคร,
    ผู้ยื่นข้อเสนอ|จะต้องยื่น…: the last phrase before ``pos``, when it names someone."""
    phrase = _last_phrase(text, pos)
    if not phrase or len(phrase) > _words()["subject_before_max_chars"]:
        return None
    return phrase if _patterns()["org_head"].match(phrase) and not _bad_subject(phrase) else None


def _duty_holders(infos: list[_Info]) -> None:
    """Duties without a subject under a committee's heading (๒. คณะกรรมการรับสมัคร / members /
    มีหน้าที่ รับสมัคร…) belong to that committee: the nearest top-level item before them."""
    p, limit = _patterns(), _words()["duty_heading_max_chars"]
    heading = None
    for info in infos:
        if info.unit.level == 1:
            first = info.masked.strip().split("\n")[0].split("\t")[0].strip()
            heading = first if first and len(first) <= limit and p["org_head"].match(first) else None
        elif info.assignee is None and heading and p["duty"].match(info.masked):
            info.assignee = heading


def _bad_subject(name: str) -> bool:
    """A report_to (ให้ … ทราบ) or a phrase running over a date is no subject."""
    return _words()["report_end"] in name or bool(_patterns()["date_word"].search(name))


def _link(infos: list[_Info]) -> None:
    """Each unit's intro: the nearest open intro of a lower level (paragraphs are level 0)."""
    stack: list[_Info] = []
    for info in infos:
        u = info.unit
        short = u.level == 0 and len(info.masked.strip()) < _SHORT_PARAGRAPH and not info.intro
        if u.skip or short:
            continue
        while stack and stack[-1].unit.level >= u.level:
            stack.pop()
        info.parent = stack[-1] if stack else None
        if info.parent:
            info.parent.children.append(info)
        if info.parent and any(d.span[0] >= info.cutoff for d in info.deadlines):
            info.parent.children_due = True
        if info.intro:
            stack.append(info)


def _anchor_on_events(infos: list[_Info]) -> None:
    """Date a relative deadline counted from an event of the same text (ภายใน ๓๐ วัน
    นับจากวันที่สิ้นสุดการอบรม): the nearest earlier event or range sharing an event word."""
    p = _patterns()
    events = [(k, info, d) for k, info in enumerate(infos) for d in info.deadlines
              if d.kind in ("event", "range") and d.date]
    for k, info in enumerate(infos):
        for d in info.deadlines:
            words = {m.group(0) for m in p["event"].finditer(d.anchor or "")} | _ended_activity(d.anchor)
            if d.kind != "relative" or d.date is not None or not words:
                continue
            shared = [(j, e) for j, other, e in events if any(w in other.masked for w in words)]
            before = [e for j, e in shared if j <= k]
            chosen = before[-1] if before else (shared[0][1] if shared else None)
            if chosen is not None:
                d.date = count_from(d, chosen.date)


def _memo_background(infos: list[_Info]) -> None:
    """Under a memo's ต้นเรื่อง / ข้อเท็จจริง heading, up to the next heading (ข้อพิจารณา, ข้อเสนอ),
    requests and dates are those of the letters the memo reports on: no tasks."""
    w = _words()
    background = False
    for info in infos:
        # the heading alone, or the first line of a paragraph it opens (ต้นเรื่อง\nกรมการปกครองได้มี…)
        head = " ".join(info.masked.strip().split("\n")[0].split()).rstrip(" :")
        if len(head) <= w["memo_heading_max_chars"]:
            if any(head.startswith(h) for h in w["memo_background"]):
                background = True
            elif any(head.startswith(h) for h in w["memo_heading"]):
                background = False
        if background:
            info.cutoff, info.instruction, info.intro = len(info.masked), False, False


def _within_periods(infos: list[_Info]) -> None:
    """A daily or weekly rule kept "throughout" a period dated elsewhere in the text (ทุกวันศุกร์
    ตลอดระยะเวลาการออกหน่วยตาม (๒)) first falls due on or after that period's start: the nearest
    period before it."""
    p, reach = _patterns(), _words()["throughout_reach"]
    periods = []
    for info in infos:
        for d in info.deadlines:
            if d.kind == "range" and d.start:
                periods.append(d.start)
            throughout = p["throughout"].match(info.masked, d.span[1], d.span[1] + reach)
            if d.kind == "recurring" and throughout and periods and d.date and d.date < periods[-1]:
                d.date = _next_occurrence(d, periods[-1])


def _next_occurrence(d: Deadline, start: dt.date) -> dt.date:
    """The first day on or after ``start`` that a DAILY or WEEKLY ``d`` falls due (others stay)."""
    if d.rrule and d.rrule.startswith("FREQ=DAILY"):
        return start
    weekday = re.search(r"BYDAY=(\w\w)", d.rrule or "")
    if d.rrule and d.rrule.startswith("FREQ=WEEKLY") and weekday:
        days = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
        return start + dt.timedelta(days=(days.index(weekday.group(1)) - start.weekday()) % 7)
    return d.date


def _ended_activity(anchor: str | None) -> set[str]:
    """The activity whose end a relative deadline counts from: วันสิ้นสุดการตรวจติดตาม → ตรวจติดตาม."""
    r = data.task_words()["relative"]
    for word in r["anchor_end"]:
        at = (anchor or "").find(word)
        if at >= 0:
            rest = anchor[at + len(word):].strip()
            rest = rest.removeprefix(r["anchor_noun"]).split()[0] if rest.strip() else ""
            return {rest} if len(rest) >= r["anchor_min_chars"] else set()
    return set()


def _ancestors(info: _Info):
    parent = info.parent
    while parent is not None:
        yield parent
        parent = parent.parent


# ---------------------------------------------------------------- tasks of one unit


@dataclass(frozen=True)
class _Ctx:
    letter_key: str
    fallback: str | None  # the recipients, joined (or the appointees, or the audience)
    base: int  # offset of the text in the document
    appointees: str | None = None
    sender: str | None = None


def _unit_tasks(info: _Info, following: _Info | None, ctx: _Ctx) -> list[Task]:
    """The tasks of one unit; an intro whose items carry deadlines keeps only its events."""
    if info.unit.skip:
        return []
    out: list[Task] = []
    prev_end, counts = 0, {}
    for i, d in enumerate(info.deadlines):
        src, segment = info, _segment(info, d, prev_end)
        prev_end = d.span[1]
        if (info.intro and info.children_due and d.kind != "event") or d in info.undertakings:
            continue
        if segment is None and d.kind in ("event", "range") and following is not None:
            src, segment = following, _event_request(info, d, following, ctx.sender)
        if segment is None:
            continue
        nxt = info.deadlines[i + 1].span[0] if i + 1 < len(info.deadlines) else len(info.masked)
        around = (min(segment[0], _clause_start(info, d.span[0])), max(segment[1], nxt))
        key = (d.kind, _when(d))
        counts[key] = counts.get(key, -1) + 1
        out.append(_task(info, d, (src, segment), around if src is info else segment, ctx, counts[key]))
    return out


def _names(text: str, sender: str) -> bool:
    """``text`` names the sender (without the building of its address: ศาลากลางจังหวัด… → จังหวัด…)."""
    core = _patterns()["building"].sub("", sender).strip()
    if not core:
        return False
    for m in re.finditer(re.escape(core), text):
        # as a name of its own, not inside a longer one (จังหวัดสตูล in สำนักงานพลังงานจังหวัดสตูล)
        word = _last_phrase(text, m.start())
        if m.start() == 0 or text[m.start() - 1].isspace() or not _patterns()["org_head"].match(word):
            return True
    return False


def _event_request(info: _Info, d: Deadline, following: _Info, sender: str | None = None) -> Span | None:
    """A request in the paragraph right after an event's paragraph (or a training's period) to take
    part in it (…กำหนดจัดกิจกรรม… ในวันจันทร์ที่ ๑๖ ธันวาคม ๒๕๖๗ | ในการนี้ ขอความร่วมมือ… จัดกิจกรรม…)."""
    if following.unit.level != 0 or not following.instruction:
        return None
    p = _patterns()
    near = info.masked[max(0, d.span[0] - _EVENT_WINDOW):d.span[1] + _EVENT_WINDOW // 3]
    words = {m.group(0) for m in p["event"].finditer(near)}
    if d.kind == "range" and not (words and sender and _names(info.masked[:d.span[0]], sender)):
        return None  # a period attended: an event the sender holds (…จังหวัดสตูลจึงได้จัดการฝึกอบรม ระหว่าง…)
    text = following.masked
    bounds = [following.cutoff, *(m.start() for m in p["clause"].finditer(text, following.cutoff)), len(text)]
    for a, b in itertools.pairwise(bounds):
        clause = text[a:b]
        # a period only by pointing back at it (ส่งเจ้าหน้าที่เข้ารับการฝึกอบรมตามวันและเวลาดังกล่าว):
        # ผู้ประสงค์เข้ารับการฝึกอบรม in a request to gather applicants is no attendance
        named = d.kind == "event" and any(w in clause for w in words)
        if _has_request(clause) and (named or p["refer_back"].search(clause)):
            return a, b
    return None


def _clause_start(info: _Info, pos: int) -> int:
    starts = [m.start() for m in _patterns()["clause"].finditer(info.masked, 0, pos)]
    return max([0, *starts])


def _segment(info: _Info, d: Deadline, prev_end: int) -> Span | None:
    """The words of the action a deadline belongs to (in masked), or None when it is no task."""
    if d.span[0] < info.cutoff:
        return None
    start = max(_clause_start(info, d.span[0]), prev_end, info.cutoff)
    if _has_request(info.masked[start:d.span[1]]):
        return start, d.span[1]
    if any(a.instruction for a in _ancestors(info)) or _is_schedule_item(info) or _among_instructions(info):
        return start, d.span[1]  # an item of an instruction: the item is the action
    if d.kind == "event" and info.instruction and _patterns()["attend_inline"].search(info.masked, start, d.span[1]):
        return start, d.span[1]
    if d.kind == "event":
        return _attend_clause(info, d)
    return (start, d.span[1]) if info.instruction else None


def _among_instructions(info: _Info) -> bool:
    """An item of a plan whose other items are mostly instructions (๓.๑ ให้เจ้าหน้าที่…, ๓.๒ ให้…,
    ๓.๓ จัดประชุมชี้แจง… ในวันจันทร์ที่ …): it is one too, though it names no request."""
    if info.parent is None or info.unit.level == 0:
        return False
    others = [c for c in info.parent.children if c is not info and c.unit.level == info.unit.level]
    told = sum(c.instruction for c in others)
    return told > 0 and 2 * told >= len(others)


def _attend_clause(info: _Info, d: Deadline) -> Span | None:
    """The clause of the unit (or of its intro) that asks the reader to attend an event."""
    p, text = _patterns(), info.masked
    bounds = [info.cutoff, *(m.start() for m in p["clause"].finditer(text, info.cutoff)), len(text)]
    events = [e.span[0] for e in info.deadlines if e.kind == "event"]
    for a, b in itertools.pairwise(bounds):
        clause = text[a:b]
        # a clause that names its own event belongs to that event
        if _has_request(clause) and p["attend"].search(clause) and not any(a <= e < b for e in events):
            return a, b
    parents = [a for a in _ancestors(info) if a.instruction and p["attend"].search(a.masked)]
    if parents:
        return d.span[0], d.span[1]
    # an intro whose items ask to attend (ส่งแบบตอบรับการเข้าร่วมประชุม): the event clause itself
    if info.instruction and any(p["attend"].search(c.masked) for c in info.children):
        return _clause_start(info, d.span[0]), d.span[1]
    return None


def _is_schedule_item(info: _Info) -> bool:
    if info.parent is None or info.unit.level == 0:
        return False
    text = info.masked.strip()
    return len(text) <= _words()["schedule_max_chars"] and bool(_patterns()["schedule"].search(text))


def _task(info: _Info, d: Deadline, source: tuple[_Info, Span], around: Span, ctx: _Ctx,
          index: int) -> Task:
    """One task: ``d`` of ``info``; its action is read from ``source`` (a unit and a span of its
    masked text: usually ``info`` itself, or the request paragraph after an event)."""
    src, segment = source
    text = src.masked
    assignee = _subject(text[segment[0]:segment[1]])
    assignee = assignee if assignee is not None else _inherited_assignee(src)
    if assignee and ctx.appointees and ctx.appointees.startswith(assignee):
        assignee = ctx.appointees  # ให้คณะทำงานมีหน้าที่ in an order appointing คณะทำงาน…
    action = _clean(src, (_request_start(text, segment), segment[1]), assignee)
    schedule = _is_schedule_item(info)
    if schedule or len(action) < 6:
        action = _with_intro(info, action)
    own = text[_request_start(text, segment):segment[1]]
    report_to = _report_to(own) or _report_to(text[around[0]:around[1]])
    channels = find_channels(text[around[0]:around[1]])
    for parent in _ancestors(info) if schedule else ():
        report_to = report_to or _report_to(_own_text(parent))
        channels += [c for c in find_channels(_own_text(parent)) if c not in channels]
    u, shift = info.unit, ctx.base + info.unit.body
    evidence = " ".join(info.raw.split())
    deadline = Deadline(d.kind, d.date, d.text, d.start, d.time, d.rrule, d.anchor,
                        (d.span[0] + shift, d.span[1] + shift))
    return Task(id=task_id(ctx.letter_key, evidence, d, index), action=action, deadline=deadline,
                assignee=assignee or ctx.fallback, report_to=_as_sender(report_to, ctx.sender), channels=channels,
                evidence=evidence, span=(ctx.base + u.start, ctx.base + u.end))


def _request_start(text: str, segment: Span) -> int:
    """Where the action starts: at the segment's first request (โปรดตอบรับ…, ให้ดำเนินการ…)."""
    p, (a, b) = _patterns(), segment
    starts = [m.start() for key in ("request", "imperative") for m in p[key].finditer(text, a, b)]
    return min(starts, default=a)


def _inherited_assignee(info: _Info) -> str | None:
    if info.assignee is not None:
        return info.assignee
    return next((a.assignee for a in _ancestors(info) if a.assignee is not None), None)


def _own_text(info: _Info) -> str:
    return info.masked[info.cutoff:]


def _clean(info: _Info, segment: Span, assignee: str | None) -> str:
    """The verb phrase: no numbering, no leading request words and assignee, no deadline."""
    a, b = segment
    return _tidy(_blank_deadlines(info, info.masked[a:b], a), assignee)


def _tidy(text: str, assignee: str | None) -> str:
    p = _patterns()
    text = _EMPTY_BRACKETS.sub(" ", " ".join(text.split()))
    before = None
    while before != text:
        before = text
        text = p["lead"].sub("", text, count=1) if p["lead"].match(text) else text
        if assignee and text.startswith(assignee):
            text = p["aux"].sub("", text[len(assignee):].lstrip(), count=1)
    text = p["action_trail"].sub("", p["trail"].sub("", text)).strip(" ,;:-–(")
    return _truncate(text, _words()["action_max_chars"])


def _truncate(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    return text[:cut if cut > limit // 2 else limit - 1].rstrip() + "…"


def _with_intro(info: _Info, action: str) -> str:
    """A schedule item's action: its intro's action, then the item's own words."""
    intro = info.parent
    if intro is None:
        return action
    head = _clean(intro, (_request_start(intro.masked, (intro.cutoff, len(intro.masked))), len(intro.masked)),
                  _inherited_assignee(intro))
    limit = _words()["action_max_chars"]
    if not action:
        return _truncate(head, limit)
    return _truncate(head, max(limit - len(action) - 3, limit // 3)) + " – " + action


def _blank_deadlines(info: _Info, text: str, offset: int) -> str:
    """``text`` (the unit's words from ``offset``) with its deadline phrases blanked."""
    chars = list(text)
    for d in info.deadlines:
        for i in range(max(d.span[0] - offset, 0), min(d.span[1] - offset, len(chars))):
            chars[i] = " "
    return "".join(chars)


def _report_to(text: str) -> str | None:
    """ให้ … ทราบ (the last one), else ส่ง/รายงาน … ให้/ถึง <หน่วยงาน>."""
    w = _words()
    end = text.rfind(w["report_end"])
    while end > 0:
        start = text.rfind(w["imperative"], max(0, end - w["report_max_chars"]), end)
        if start >= 0:
            name = " ".join(text[start + len(w["imperative"]):end].split())
            if len(name) >= 2:
                return name
        end = text.rfind(w["report_end"], 0, end)
    p = _patterns()
    for m in p["report_verb"].finditer(text):
        # not an agency that itself acts: ให้หน่วยเสนอ…, ให้ นศ.สธท. จัดทำ…
        if not p["verb"].search(m.group("to"), 1) and not p["verb"].match(text, m.end()):
            return m.group("to").strip("(),")
    for m in p["report_direct"].finditer(text):
        if not p["verb"].search(m.group("to"), 1) and not _words()["report_end"] in m.group("to"):
            return m.group("to").strip("(),")
    return None


def _as_sender(name: str | None, sender: str | None) -> str | None:
    """A receiver named by its kind only (ให้อำเภอทราบ, ให้โครงการฯ) in a letter from that kind of
    office (ที่ว่าการอำเภอสองพี่น้อง) is the sender: อำเภอสองพี่น้อง."""
    if not name or not sender:
        return name
    core = _patterns()["building"].sub("", sender).strip()
    m = re.fullmatch(r"(?P<head>[^\s(ฯ]+)ฯ?(?P<rest>\s*\(.*\))?", name)
    if m is None or m["head"] == core or not core.startswith(m["head"]):
        return name
    return core + (m["rest"] or "") if _patterns()["org_head"].fullmatch(m["head"]) else name


def _follow_ups(infos: list[_Info]) -> None:
    """A paragraph without a deadline that names items (ทั้งนี้ การรายงานตามข้อ ๑ - ๒ ทาง …)
    adds its channels to the tasks of those items."""
    p = _patterns()
    for k, info in enumerate(infos):
        ref = p["item_ref"].search(info.masked)
        if info.deadlines or info.unit.skip or ref is None:
            continue
        first = int(to_arabic_digits(ref.group(1)))
        last = int(to_arabic_digits(ref.group(2))) if ref.group(2) else first
        items = [i for i in infos[:k] if i.unit.level > 0]
        if not items:
            continue
        siblings = [i for i in items if i.parent is items[-1].parent and i.unit.level == items[-1].unit.level]
        channels = find_channels(info.masked)
        for target in siblings:
            if first <= (target.unit.number or 0) <= last:
                for task in target.tasks:
                    task.channels += [c for c in channels if c not in task.channels]
