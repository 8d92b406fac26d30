"""The output contract: a Document as the JSON of ``data/document.schema.json``
(``circulars/document@1``). Extra fields (evidence, furniture, problems, check) are allowed
by the schema and keep every value traceable to the text it came from; ``check`` lists a
letter's fields whose confidence is low (docs/confidence.md)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from . import SCHEMA_ID, data
from .models import Attachment, Citation, Deadline, Document, Evidence, Letter, Reference, Stamp, Task


def _date(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def reference_json(r: Reference | None) -> dict | None:
    if r is None:
        return None
    return {"raw": r.raw, "text": r.text, "prefix": r.prefix, "agency": r.agency, "office": r.office,
            "circular": r.circular, "number": r.number, "confidence": round(r.confidence, 3),
            **({"corrected_from": r.corrected_from} if r.corrected_from else {})}


def citation_json(c: Citation) -> dict:
    out: dict[str, Any] = {"text": c.text, "reference": reference_json(c.reference), "date": _date(c.date)}
    if c.sender:
        out["sender"] = c.sender
    if c.quantity:
        out["quantity"] = c.quantity
    if c.letter_index is not None:
        out["letter"] = c.letter_index
    return out


def deadline_json(d: Deadline | None) -> dict | None:
    if d is None:
        return None
    out = {"kind": d.kind, "date": _date(d.date), "start": _date(d.start), "time": d.time, "rrule": d.rrule,
           "text": d.text}
    if d.anchor:
        out["anchor"] = d.anchor
    if d.confidence is not None:
        out["confidence"] = round(d.confidence, 3)
    return out


def task_json(t: Task) -> dict:
    return {"id": t.id, "action": t.action, "assignee": t.assignee, "report_to": t.report_to,
            "deadline": deadline_json(t.deadline), "channels": list(t.channels), "evidence": t.evidence,
            "span": list(t.span) if t.span else None, "addressed_to_receiver": t.addressed_to_receiver}


def stamp_json(s: Stamp) -> dict:
    return {"number": s.number, "date": _date(s.date), "time": s.time, "agency": s.agency, "raw": s.raw}


def evidence_json(e: Evidence) -> dict:
    out: dict[str, Any] = {"raw": e.raw, "span": list(e.span), "confidence": round(e.confidence, 3)}
    if e.ocr_confidence is not None:
        out["ocr_confidence"] = round(e.ocr_confidence, 3)
    if e.note:
        out["note"] = e.note
    return out


def letter_json(letter: Letter, index: int) -> dict:
    sig = letter.signatory
    con = letter.contact
    return {
        "id": f"L{index + 1}", "kind": letter.kind, "urgency": letter.urgency, "secrecy": letter.secrecy,
        "reference": reference_json(letter.reference), "date": _date(letter.date), "sender": letter.sender,
        "subject": letter.subject, "recipients": list(letter.recipients),
        "cites": [citation_json(c) for c in letter.cites],
        "enclosures": [citation_json(c) for c in letter.enclosures],
        "signatory": {"name": sig.name, "position": sig.position} if sig else None,
        "contact": {"unit": con.unit, "phones": con.phones, "emails": con.emails,
                    "coordinator": con.coordinator} if con else None,
        "received": [stamp_json(s) for s in letter.received],
        "tasks": [task_json(t) for t in letter.tasks],
        "purpose": letter.purpose,
        "pages": letter.pages,
        "span": list(letter.span),
        "evidence": {k: evidence_json(e) for k, e in letter.evidence.items()},
        "check": list(letter.check),
        "furniture": [{"kind": f.kind, "text": f.text} for f in letter.furniture],
        "problems": list(letter.problems),
        "text": letter.text,
    }


def attachment_json(a: Attachment) -> dict:
    return {"title": a.title, "pages": a.pages, "letter": a.owner, "refers_to": reference_json(a.refers_to),
            "tasks": [task_json(t) for t in a.tasks], "span": list(a.span)}


def document_json(doc: Document) -> dict:
    return {
        "schema": SCHEMA_ID,
        "source": {"path": doc.path, "sha256": doc.sha256, "pages": len(doc.pages), "method": doc.method},
        "letters": [letter_json(letter, i) for i, letter in enumerate(doc.letters)],
        "attachments": [attachment_json(a) for a in doc.attachments],
        "links": [{"from": lk.source, "to": lk.target, "relation": lk.relation} for lk in doc.links],
        "warnings": list(doc.warnings),
    }


def validate(obj: dict) -> None:
    """Raise jsonschema.ValidationError when ``obj`` breaks the contract."""
    import jsonschema

    jsonschema.validate(obj, data.schema())
