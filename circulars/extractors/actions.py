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

from .. import data
from ..models import Deadline, Task
from ..normalize import to_arabic_digits
from .channels import find_channels
from .deadlines import DIGIT, count_from, find_deadlines
from .parties import (
    as_sender,
    find_report_to,
    has_request,
    names_sender,
    recounted,
    subject,
)
from .taskwords import patterns, words

Span = tuple[int, int]
_EVENT_WINDOW = 150  # characters before an event date searched for its event words
_SHORT_PARAGRAPH = 30  # a shorter paragraph (a heading, a motto) does not close a list of items
_ITEM = re.compile(
    rf"[ \t\f]*(?:[-•]\s*)?(?:\((?P<paren>[{DIGIT}]{{1,3}})\)|(?P<close>[{DIGIT}]{{1,3}})\)"
    # a time opening a wrapped line ("๒๐.๐๐ น. ของทุกวัน") is no item ๒๐.๐๐
    rf"|(?P<multi>[{DIGIT}]{{1,3}}(?:\.[{DIGIT}]{{1,3}})+)\.?(?![{DIGIT}])(?!\s*(?:น\.|นาฬิกา))"
    rf"|(?P<dot>[{DIGIT}]{{1,3}})\.(?![{DIGIT}]))"
    rf"[ \t]*"
)
_FURNITURE_LINE = re.compile(rf"^(?:/.*(?:\.{{3}}|…)|-\s*[{DIGIT}]+\s*-)$")
_EMPTY_BRACKETS = re.compile(r"\(\s*\)")  # left where a bracketed deadline was taken out
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,200}>")
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
        elif units and not units[-1].skip and patterns()["continuation"].match(stripped):
            current = units[-1]
            current.end = b
        else:
            current = Unit(a, b, a)
            units.append(current)
    for u in units:
        u.skip = u.skip or _is_furniture(text[u.start:u.end])
    return units




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




def _is_furniture(text: str) -> bool:
    """A quoted motto, or a short catchword ending in dots (เพื่อจะได้.....)."""
    s = text.strip()
    quoted = s[:1] in "“\"" and s[-1:] in "”\"" and "\n\n" not in s
    return quoted or (len(s) < 40 and (s.endswith(("...", "…"))))


def _read(text: str, u: Unit, reference: dt.date | None, received: dt.date | None,
          sender: str | None = None) -> _Info:
    p = patterns()
    masked = _TAG.sub(lambda m: " " * len(m.group(0)), text[u.body:u.end])
    deadlines = [] if u.skip else find_deadlines(masked, reference=reference, received=received)
    cutoff = 0
    if p["background"].match(masked):
        found = next((m for m in p["pass_on"].finditer(masked) if not recounted(masked, m.start(), sender)), None)
        cutoff = found.start() if found else len(masked)
    rest = masked[cutoff:]
    # the unit's own assignee is named before its last deadline, not in what follows it
    intro = bool(p["intro"].search(masked) or p["intro_request"].search(masked)) and not u.skip
    named = masked[cutoff:max([cutoff, *(d.span[1] for d in deadlines)])] if deadlines and not intro else rest
    info = _Info(u, text[u.start:u.end], masked, deadlines, cutoff, has_request(rest), subject(named), intro)
    info.undertakings = [d for d in deadlines if _undertaken(info, d, sender)]
    return info


def _undertaken(info: _Info, d: Deadline, sender: str | None) -> bool:
    """The clause of ``d`` tells what the issuer itself will do (เทศบาลจะส่ง… ภายในเดือน…,
    สำนักงานเขตบางกะปิจะประกาศรายชื่อ… ในวันศุกร์ที่ …)."""
    if not sender:
        return False
    p = patterns()
    # from the unit's start: "…จังหวัดตราดจะออกตรวจ … และจะประกาศรายชื่อ … ภายในวันที่ …" is one subject's
    clause = info.masked[info.cutoff:d.span[0]]
    for m in p["undertaking"].finditer(clause):
        who = m.group("who").rstrip("ฯ")  # โครงการฯ: the sender's name cut short
        if p["org_head"].match(who) and (who in sender or sender in who) and not has_request(clause[m.end():]):
            return True  # ... and no request after it: ประมงจังหวัดจะออกตรวจ … และจะประกาศ … ภายในวันที่ …
    return False














def _duty_holders(infos: list[_Info]) -> None:
    """Duties without a subject under a committee's heading (๒. คณะกรรมการรับสมัคร / members /
    มีหน้าที่ รับสมัคร…) belong to that committee: the nearest top-level item before them."""
    p, limit = patterns(), words()["duty_heading_max_chars"]
    heading = None
    for info in infos:
        if info.unit.level == 1:
            first = info.masked.strip().split("\n")[0].split("\t")[0].strip()
            heading = first if first and len(first) <= limit and p["org_head"].match(first) else None
        elif info.assignee is None and heading and p["duty"].match(info.masked):
            info.assignee = heading




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
    p = patterns()
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
    w = words()
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
    p, reach = patterns(), words()["throughout_reach"]
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




def _event_request(info: _Info, d: Deadline, following: _Info, sender: str | None = None) -> Span | None:
    """A request in the paragraph right after an event's paragraph (or a training's period) to take
    part in it (…กำหนดจัดกิจกรรม… ในวันจันทร์ที่ ๑๖ ธันวาคม ๒๕๖๗ | ในการนี้ ขอความร่วมมือ… จัดกิจกรรม…)."""
    if following.unit.level != 0 or not following.instruction:
        return None
    p = patterns()
    near = info.masked[max(0, d.span[0] - _EVENT_WINDOW):d.span[1] + _EVENT_WINDOW // 3]
    words = {m.group(0) for m in p["event"].finditer(near)}
    if d.kind == "range" and not (words and sender and names_sender(info.masked[:d.span[0]], sender)):
        return None  # a period attended: an event the sender holds (…จังหวัดสตูลจึงได้จัดการฝึกอบรม ระหว่าง…)
    text = following.masked
    bounds = [following.cutoff, *(m.start() for m in p["clause"].finditer(text, following.cutoff)), len(text)]
    for a, b in itertools.pairwise(bounds):
        clause = text[a:b]
        # a period only by pointing back at it (ส่งเจ้าหน้าที่เข้ารับการฝึกอบรมตามวันและเวลาดังกล่าว):
        # ผู้ประสงค์เข้ารับการฝึกอบรม in a request to gather applicants is no attendance
        named = d.kind == "event" and any(w in clause for w in words)
        if has_request(clause) and (named or p["refer_back"].search(clause)):
            return a, b
    return None


def _clause_start(info: _Info, pos: int) -> int:
    starts = [m.start() for m in patterns()["clause"].finditer(info.masked, 0, pos)]
    return max([0, *starts])


def _segment(info: _Info, d: Deadline, prev_end: int) -> Span | None:
    """The words of the action a deadline belongs to (in masked), or None when it is no task."""
    if d.span[0] < info.cutoff:
        return None
    start = max(_clause_start(info, d.span[0]), prev_end, info.cutoff)
    if has_request(info.masked[start:d.span[1]]):
        return start, d.span[1]
    if any(a.instruction for a in _ancestors(info)) or _is_schedule_item(info) or _among_instructions(info):
        return start, d.span[1]  # an item of an instruction: the item is the action
    if d.kind == "event" and info.instruction and patterns()["attend_inline"].search(info.masked, start, d.span[1]):
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
    p, text = patterns(), info.masked
    bounds = [info.cutoff, *(m.start() for m in p["clause"].finditer(text, info.cutoff)), len(text)]
    events = [e.span[0] for e in info.deadlines if e.kind == "event"]
    for a, b in itertools.pairwise(bounds):
        clause = text[a:b]
        # a clause that names its own event belongs to that event
        if has_request(clause) and p["attend"].search(clause) and not any(a <= e < b for e in events):
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
    return len(text) <= words()["schedule_max_chars"] and bool(patterns()["schedule"].search(text))


def _task(info: _Info, d: Deadline, source: tuple[_Info, Span], around: Span, ctx: _Ctx,
          index: int) -> Task:
    """One task: ``d`` of ``info``; its action is read from ``source`` (a unit and a span of its
    masked text: usually ``info`` itself, or the request paragraph after an event)."""
    src, segment = source
    text = src.masked
    assignee = subject(text[segment[0]:segment[1]])
    assignee = assignee if assignee is not None else _inherited_assignee(src)
    if assignee and ctx.appointees and ctx.appointees.startswith(assignee):
        assignee = ctx.appointees  # ให้คณะทำงานมีหน้าที่ in an order appointing คณะทำงาน…
    action = _clean(src, (_request_start(text, segment), segment[1]), assignee)
    schedule = _is_schedule_item(info)
    if schedule or len(action) < 6:
        action = _with_intro(info, action)
    own = text[_request_start(text, segment):segment[1]]
    report_to = find_report_to(own) or find_report_to(text[around[0]:around[1]])
    channels = find_channels(text[around[0]:around[1]])
    for parent in _ancestors(info) if schedule else ():
        report_to = report_to or find_report_to(_own_text(parent))
        channels += [c for c in find_channels(_own_text(parent)) if c not in channels]
    u, shift = info.unit, ctx.base + info.unit.body
    evidence = " ".join(info.raw.split())
    deadline = Deadline(d.kind, d.date, d.text, d.start, d.time, d.rrule, d.anchor,
                        (d.span[0] + shift, d.span[1] + shift))
    return Task(id=task_id(ctx.letter_key, evidence, d, index), action=action, deadline=deadline,
                assignee=assignee or ctx.fallback, report_to=as_sender(report_to, ctx.sender), channels=channels,
                evidence=evidence, span=(ctx.base + u.start, ctx.base + u.end))


def _request_start(text: str, segment: Span) -> int:
    """Where the action starts: at the segment's first request (โปรดตอบรับ…, ให้ดำเนินการ…)."""
    p, (a, b) = patterns(), segment
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
    p = patterns()
    text = _EMPTY_BRACKETS.sub(" ", " ".join(text.split()))
    before = None
    while before != text:
        before = text
        text = p["lead"].sub("", text, count=1) if p["lead"].match(text) else text
        if assignee and text.startswith(assignee):
            text = p["aux"].sub("", text[len(assignee):].lstrip(), count=1)
    text = p["action_trail"].sub("", p["trail"].sub("", text)).strip(" ,;:-–(")
    return _truncate(text, words()["action_max_chars"])


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
    limit = words()["action_max_chars"]
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






def _follow_ups(infos: list[_Info]) -> None:
    """A paragraph without a deadline that names items (ทั้งนี้ การรายงานตามข้อ ๑ - ๒ ทาง …)
    adds its channels to the tasks of those items."""
    p = patterns()
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
