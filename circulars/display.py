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
    when = "-"
    if d:
        when = be(d.date) if d.date else f"({d.anchor or d.text})"
        if d.start:
            when = f"{be(d.start)} – {when}"
        if d.time:
            when += f" {d.time} น."
    overdue = " [เลยกำหนด]" if today and d and d.date and d.date < today else ""
    who = f" [{t.assignee}]" if t.assignee else ""
    return f"{when}{overdue}: {t.action[:90]}{who}"


def letter_lines(letter: Letter, n: int) -> list[str]:
    head = f"[{n}] {KIND_TH.get(letter.kind, letter.kind)}"
    if letter.urgency or letter.secrecy:
        head += "  " + " ".join(x for x in (letter.secrecy, letter.urgency) if x)
    rows = [("ที่", letter.reference.text if letter.reference else None), ("ลงวันที่", be(letter.date) if letter.date else None),
            ("จาก", letter.sender), ("เรื่อง", letter.subject), ("เรียน/ถึง", "; ".join(letter.recipients) or None)]
    rows += [("อ้างถึง", _cite(c)) for c in letter.cites]
    rows += [("สิ่งที่ส่งมาด้วย", _cite(c)) for c in letter.enclosures]
    if letter.signatory:
        rows.append(("ผู้ลงนาม", " / ".join(x for x in (letter.signatory.name, letter.signatory.position) if x)))
    if letter.contact:
        c = letter.contact
        rows.append(("ติดต่อ", " ".join(x for x in [c.unit, *c.phones, *c.emails, c.coordinator] if x)))
    rows += [("รับ", f"เลขรับ {s.number or '-'} {be(s.date)} {s.time or ''}".rstrip()) for s in letter.received]
    rows += [("งาน", task_line(t)) for t in letter.tasks]
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
