"""Tasks of extracted documents as rows: JSON Lines, CSV for Excel (UTF-8 with BOM,
Thai headers) and iCalendar (VTODO with DUE, VEVENT for events)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from .contract import task_json
from .models import Document, Task


@dataclass
class TaskRow:
    task: Task
    path: str
    letter: int | None  # index of the letter, None for an attachment
    reference: str | None
    subject: str | None

    @property
    def due(self) -> dt.date | None:
        return self.task.deadline.date if self.task.deadline else None


def task_rows(docs: list[Document]) -> list[TaskRow]:
    rows: list[TaskRow] = []
    for doc in docs:
        for i, letter in enumerate(doc.letters):
            ref = letter.reference.text if letter.reference else None
            rows += [TaskRow(t, doc.path, i, ref, letter.subject) for t in letter.tasks]
        for a in doc.attachments:
            owner = doc.letters[a.owner] if a.owner is not None else None
            ref = owner.reference.text if owner and owner.reference else None
            rows += [TaskRow(t, doc.path, None, ref, a.title) for t in a.tasks]
    return sorted(rows, key=lambda r: (r.due is None, r.due or dt.date.max, r.task.id))


def to_jsonl(rows: list[TaskRow]) -> str:
    out = []
    for r in rows:
        obj = {**task_json(r.task), "file": r.path, "letter": r.letter, "reference": r.reference, "subject": r.subject}
        out.append(json.dumps(obj, ensure_ascii=False))
    return "\n".join(out) + ("\n" if out else "")


CSV_HEADERS = ["รหัสงาน", "กำหนดส่ง", "เวลา", "ประเภทกำหนด", "งานที่ต้องทำ", "ผู้รับผิดชอบ", "รายงานถึง",
               "ช่องทาง", "ที่หนังสือ", "เรื่อง", "ไฟล์", "ข้อความต้นฉบับ"]


def to_csv(rows: list[TaskRow]) -> str:
    buf = io.StringIO()
    buf.write("\ufeff")
    w = csv.writer(buf)
    w.writerow(CSV_HEADERS)
    for r in rows:
        d = r.task.deadline
        w.writerow([r.task.id, d.date.isoformat() if d and d.date else "", d.time if d and d.time else "",
                    d.kind if d else "", r.task.action, r.task.assignee or "", r.task.report_to or "",
                    "; ".join(r.task.channels), r.reference or "", r.subject or "", r.path, r.task.evidence])
    return buf.getvalue()


def to_ics(rows: list[TaskRow]) -> bytes:
    """One VTODO per task with a due date (VEVENT for events); UID is the task id."""
    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", "-//circulars//Thai official letters//TH")
    cal.add("version", "2.0")
    stamp = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    for r in rows:
        d = r.task.deadline
        if not d or not d.date:
            continue
        comp = icalendar.Event() if d.kind == "event" else icalendar.Todo()
        comp.add("uid", f"{r.task.id}@circulars")
        comp.add("dtstamp", stamp)
        comp.add("summary", r.task.action[:200])
        comp.add("description", "\n".join(x for x in [r.task.evidence, r.reference and f"ที่ {r.reference}",
                                                      r.task.assignee and f"ผู้รับผิดชอบ: {r.task.assignee}"] if x))
        when = _when(d.date, d.time)
        if d.kind == "event":
            comp.add("dtstart", when)
        else:
            if d.start:
                comp.add("dtstart", d.start)
            comp.add("due", when)
        if d.rrule:
            comp.add("rrule", icalendar.vRecur.from_ical(d.rrule))
        cal.add_component(comp)
    cal.add_missing_timezones()  # a VTIMEZONE for Asia/Bangkok when a task has a time
    return cal.to_ical()


THAI_TIME = ZoneInfo("Asia/Bangkok")


def _when(date: dt.date, time: str | None):
    """A date, or a date and time in Thai time (letters give local times)."""
    if not time:
        return date
    hh, mm = (int(x) for x in time.split(":"))
    return dt.datetime.combine(date, dt.time(hh, mm), tzinfo=THAI_TIME)
