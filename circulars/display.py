"""Readable Thai summaries of extracted documents and tasks (BE dates), for the CLI."""

from __future__ import annotations

import datetime as dt

from .models import Citation, Document, Letter, Task
from .thaidate import thai_display

KIND_TH = {"external": "หนังสือภายนอก", "internal": "บันทึกข้อความ", "stamped": "หนังสือประทับตรา",
           "order": "คำสั่ง", "announcement": "ประกาศ", "fax": "โทรสาร/ข่าว", "other": "อื่น ๆ"}
METHOD_TH = {"text": "ข้อความ", "docx": "DOCX", "text-layer": "PDF ข้อความ", "ocr": "OCR", "mixed": "PDF ผสม"}


def be(d: dt.date | None) -> str:
    return thai_display(d) if d else "-"


def _cite(c: Citation) -> str:
    parts = [c.reference.text if c.reference else c.text[:70]]
    if c.date:
        parts.append(f"ลว. {be(c.date)}")
    if c.quantity:
        parts.append(f"({c.quantity})")
    if c.letter_index is not None:
        parts.append(f"→ ฉบับที่ {c.letter_index + 1}")
    return " ".join(parts)


def task_line(t: Task, today: dt.date | None = None) -> str:
    d = t.deadline
    overdue = " [เลยกำหนด]" if today and d and d.date and d.date < today else ""
    who = f" [{t.assignee}]" if t.assignee else ""
    return f"{due_text(t)}{overdue}: {t.action[:90]}{who}"


DEADLINE_KIND_TH = {"by": "ภายใน", "range": "ช่วงเวลา", "recurring": "ประจำ", "relative": "นับจากวันรับ",
                    "event": "นัดหมาย"}


def due_text(t: Task) -> str:
    """The due date in the Buddhist era, with the start of a range and the time."""
    d = t.deadline
    if not d:
        return "-"
    when = be(d.date) if d.date else f"({d.anchor or d.text})"
    if d.start:
        when = f"{be(d.start)} – {when}"
    return when + (f" {d.time} น." if d.time else "")


def status_text(t: Task, today: dt.date) -> str:
    """เลยกำหนด N วัน / วันนี้ / อีก N วัน / ยังไม่ทราบวัน."""
    d = t.deadline
    if not d or not d.date:
        return "ยังไม่ทราบวัน"
    days = (d.date - today).days
    if days < 0:
        return f"เลยกำหนด {-days} วัน"
    return "วันนี้" if days == 0 else f"อีก {days} วัน"


def task_table(rows, today: dt.date):
    """A rich table of task rows (``taskexport.TaskRow``), in the order given."""
    from rich.table import Table

    table = Table(title=f"งานทั้งหมด {len(rows)} รายการ (วันนี้ {be(today)})", show_lines=False, expand=False)
    for name, opts in [("กำหนด", {"no_wrap": True}), ("ประเภท", {}), ("สถานะ", {"no_wrap": True}),
                       ("งานที่ต้องทำ", {"ratio": 3}), ("ผู้รับผิดชอบ", {"ratio": 2}), ("รายงานถึง", {"ratio": 1}),
                       ("หนังสือ", {})]:
        table.add_column(name, **opts)
    for r in rows:
        t = r.task
        status = status_text(t, today)
        style = "bold red" if status.startswith("เลย") else None
        kind = DEADLINE_KIND_TH.get(t.deadline.kind, t.deadline.kind) if t.deadline else "-"
        table.add_row(due_text(t), kind, status, t.action, t.assignee or "-", t.report_to or "-",
                      f"ที่ {r.reference}" if r.reference else r.path.rsplit("/", 1)[-1], style=style)
    return table


CHECK_MARK = "⚠ ตรวจสอบ"  # after a field whose confidence is low (Letter.check)


def check_note(letter: Letter, name: str) -> str:
    """`` ⚠ ตรวจสอบ (ความเชื่อมั่น 0.42)`` when ``name`` is in ``letter.check``, else ''."""
    if name not in letter.check:
        return ""
    conf = None
    if name in letter.evidence:
        conf = letter.evidence[name].confidence
    elif name.startswith("tasks["):
        task = letter.tasks[int(name[6:name.index("]")])]
        conf = task.deadline.confidence if task.deadline else None
    return f"  {CHECK_MARK}" + (f" (ความเชื่อมั่น {conf:.2f})" if conf is not None else "")


def letter_lines(letter: Letter, n: int) -> list[str]:
    head = f"[{n}] {KIND_TH.get(letter.kind, letter.kind)}"
    if letter.urgency or letter.secrecy:
        head += "  " + " ".join(x for x in (letter.secrecy, letter.urgency) if x)
    if letter.check:
        head += f"  [{CHECK_MARK} {len(letter.check)} รายการ]"
    mark = {name: check_note(letter, name) for name in letter.check}
    rows = [("ที่", letter.reference.text if letter.reference else None, "reference"),
            ("ลงวันที่", be(letter.date) if letter.date else None, "date"),
            ("จาก", letter.sender, "sender"), ("เรื่อง", letter.subject, "subject"),
            ("เรียน/ถึง", "; ".join(letter.recipients) or None, "recipients")]
    rows = [(k, v + mark.get(name, "") if v else v) for k, v, name in rows]
    rows += [("อ้างถึง", _cite(c)) for c in letter.cites]
    rows += [("สิ่งที่ส่งมาด้วย", _cite(c)) for c in letter.enclosures]
    if letter.signatory:
        who = " / ".join(x for x in (letter.signatory.name, letter.signatory.position) if x)
        rows.append(("ผู้ลงนาม", who + mark.get("signatory", "") if who else who))
    if letter.contact:
        c = letter.contact
        rows.append(("ติดต่อ", " ".join(x for x in [c.unit, *c.phones, *c.emails, c.coordinator] if x)))
    rows += [("รับ", f"เลขรับ {s.number or '-'} {be(s.date)} {s.time or ''}".rstrip()) for s in letter.received]
    rows += [("งาน", task_line(t) + mark.get(f"tasks[{k}].deadline", "")) for k, t in enumerate(letter.tasks)]
    rows += [("ปัญหา", p) for p in letter.problems]
    return [head] + [f"    {k}: {v}" for k, v in rows if v]


def document_summary(doc: Document) -> str:
    head = (f"{doc.path}  ({METHOD_TH.get(doc.method, doc.method)}, {len(doc.pages)} หน้า): "
            f"หนังสือ {len(doc.letters)} ฉบับ, เอกสารแนบ {len(doc.attachments)} รายการ")
    out = [head]
    for i, letter in enumerate(doc.letters):
        out += letter_lines(letter, i + 1)
    for a in doc.attachments:
        out.append(f"[แนบ] {a.title or '-'}" + (f" (ของฉบับที่ {a.owner + 1})" if a.owner is not None else ""))
        out += [f"    งาน: {task_line(t)}" for t in a.tasks]
    for lk in doc.links:
        out.append(f"    ฉบับที่ {lk.source + 1} {lk.relation} ฉบับที่ {lk.target + 1}")
    out += [f"    คำเตือน: {w}" for w in doc.warnings]
    return "\n".join(out)
