"""Tasks of every letter and attachment of a document: the stage that runs the action
and deadline finders over each body and marks the cover letter's tasks."""

from __future__ import annotations

from difflib import SequenceMatcher

from .. import data
from ..models import Document, Letter, Task
from .actions import find_tasks


def letter_key(letter: Letter, index: int) -> str:
    """What makes a letter's task ids stable: its reference and date, else its position and subject."""
    if letter.reference:
        return f"{letter.reference.text}|{letter.date}"
    return f"#{index}|{letter.subject or ''}|{letter.date}"


def _received(letter: Letter):
    dates = [s.date for s in letter.received if s.date]
    return min(dates) if dates else None


def appointees(letter: Letter) -> str | None:
    """Whom an order appoints, from its subject: เรื่อง แต่งตั้งคณะทำงาน… ประจำปี ๒๕๖๗ → คณะทำงาน…"""
    subject = (letter.subject or "").strip()
    for word in data.task_words()["task"]["appoint"]:
        if subject.startswith(word) and subject[len(word):].strip():
            return subject[len(word):].split()[0]
    return None


def audience(letter: Letter) -> str | None:
    """Who acts on a letter that names no recipients (an announcement's public), by its kind."""
    return data.task_words()["task"]["audience"].get(letter.kind)


def assign_tasks(doc: Document) -> None:
    for i, letter in enumerate(doc.letters):
        if not letter.body_span:
            continue
        start, end = letter.body_span
        letter.tasks = find_tasks(doc.text[start:end], letter_key=letter_key(letter, i),
                                  recipients=letter.recipients, reference=letter.date,
                                  received=_received(letter), base_offset=start,
                                  audience=audience(letter), appointees=appointees(letter),
                                  sender=letter.sender)
        if i == 0 and len(doc.letters) > 1:
            for t in letter.tasks:
                t.addressed_to_receiver = True
    for k, att in enumerate(doc.attachments):
        owner = doc.letters[att.owner] if att.owner is not None else None
        recipients = owner.recipients if owner else []
        ref_date = owner.date if owner else None
        received = _received(owner) if owner else None
        key = f"attachment#{k}|{att.title or ''}|{owner and letter_key(owner, att.owner)}"
        tasks = find_tasks(att.text, letter_key=key, recipients=recipients, reference=ref_date,
                           received=received, base_offset=att.span[0],
                           audience=audience(owner) if owner else None)
        # an attachment restating its letter's task (a schedule repeating the body) is the same task
        att.tasks = [t for t in tasks if not (owner and any(_same(t, o) for o in owner.tasks))]


def _same(a: Task, b: Task) -> bool:
    """Same due date and kind, and actions that read alike."""
    da, db = a.deadline, b.deadline
    if not da or not db or (da.kind, da.date) != (db.kind, db.date):
        return False
    return SequenceMatcher(None, a.action, b.action).ratio() >= 0.5
