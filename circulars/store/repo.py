"""Repository functions: everything the inbox, the sinks and the CLI do to the store goes
through these. Each takes an open Session; the caller owns the transaction."""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import json
import socket
from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from .schema import (
    ArrivalRow,
    CitationRow,
    CorrectionRow,
    DocumentRow,
    EventRow,
    LetterRow,
    LinkRow,
    OutboxRow,
    StampRow,
    TaskRecord,
    utcnow,
)

LETTER_FIELDS = ("kind", "urgency", "secrecy", "reference", "date", "sender", "subject", "recipients", "purpose")
TASK_FIELDS = ("action", "assignee", "report_to", "channels", "due", "time")


def actor(command: str) -> str:
    """Who acts: user@host and the command."""
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in some containers
        user = "unknown"
    return f"{user}@{socket.gethostname()}:{command}"


def payload_hash(data: dict) -> str:
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


# ----- documents and arrivals -------------------------------------------------------------

def find_document(s: Session, sha: str) -> DocumentRow | None:
    return s.scalar(select(DocumentRow).where(DocumentRow.sha256 == sha))


def find_arrival(s: Session, key: str) -> ArrivalRow | None:
    return s.scalar(select(ArrivalRow).where(ArrivalRow.key == key))


def add_arrival(s: Session, doc: DocumentRow, key: str, path: str) -> ArrivalRow:
    row = ArrivalRow(document_id=doc.id, key=key, path=path)
    s.add(row)
    s.flush()
    return row


def add_event(s: Session, kind: str, who: str, *, sha: str | None = None, subject: str | None = None,
              **detail: Any) -> None:
    s.add(EventRow(kind=kind, actor=who, sha256=sha, subject=subject, detail=detail))


def new_document(s: Session, *, sha: str, name: str, archive: str, size: int) -> DocumentRow:
    row = DocumentRow(sha256=sha, original_name=name, archive_path=archive, size=size, status="registered",
                      arrivals=1, warnings=[])
    s.add(row)
    s.flush()
    return row


def mark_failed(doc: DocumentRow, reason: str) -> None:
    doc.status, doc.error, doc.processed_at = "failed", reason, utcnow()


# ----- extraction results -----------------------------------------------------------------

def task_payloads(doc_json: dict, name: str) -> list[tuple[int | None, dict]]:
    """(letter index or None, task data) for every task of a document, as ``taskexport.to_jsonl`` writes them."""
    out: list[tuple[int | None, dict]] = []
    letters = doc_json["letters"]
    for i, letter in enumerate(letters):
        ref = (letter.get("reference") or {}).get("text")
        out += [(i, {**t, "file": name, "letter": i, "reference": ref, "subject": letter.get("subject")})
                for t in letter["tasks"]]
    for a in doc_json["attachments"]:
        owner = letters[a["letter"]] if a.get("letter") is not None else None
        ref = (owner.get("reference") or {}).get("text") if owner else None
        out += [(None, {**t, "file": name, "letter": None, "reference": ref, "subject": a.get("title")})
                for t in a["tasks"]]
    return out


def store_extraction(s: Session, doc: DocumentRow, doc_json: dict, sinks: Iterable[str], who: str) -> list[str]:
    """Replace the letters, citations, links, stamps and tasks of ``doc`` by ``doc_json`` (with the
    manual corrections applied) and queue every new or changed task for every sink; a task of
    ``doc`` no longer found is withdrawn (a ``delete`` for each sink). Returns the ids of the
    tasks queued (changed or withdrawn)."""
    corrections = load_corrections(s)
    s.execute(delete(LetterRow).where(LetterRow.document_id == doc.id))
    s.execute(delete(LinkRow).where(LinkRow.document_id == doc.id))
    s.flush()
    source = doc_json["source"]
    doc.pages, doc.method, doc.warnings = source["pages"], source["method"], list(doc_json["warnings"])
    doc.status, doc.error, doc.processed_at = "registered", None, utcnow()
    letters = [apply_letter_corrections(letter, corrections.get(f"letter:{doc.sha256}:{i}", {}))
               for i, letter in enumerate(doc_json["letters"])]
    for i, letter in enumerate(letters):
        _add_letter(s, doc, i, letter)
    for link in doc_json["links"]:
        s.add(LinkRow(document_id=doc.id, source_index=link["from"], target_index=link["to"],
                      relation=link["relation"]))
    # the tasks carry the letter's reference and subject: as corrected
    return _store_tasks(s, doc, {**doc_json, "letters": letters}, corrections, list(sinks), who)


def _add_letter(s: Session, doc: DocumentRow, index: int, data: dict) -> None:
    data = {k: v for k, v in data.items() if k != "tasks"}
    row = LetterRow(document_id=doc.id, index=index, kind=data["kind"],
                    reference=(data.get("reference") or {}).get("text"), date=_date(data.get("date")),
                    sender=data.get("sender"), subject=data.get("subject"), recipients=data.get("recipients", []),
                    urgency=data.get("urgency"), secrecy=data.get("secrecy"), purpose=data.get("purpose"),
                    data=data)
    s.add(row)
    s.flush()
    for role, key in (("cites", "cites"), ("encloses", "enclosures")):
        for c in data.get(key, []):
            s.add(CitationRow(letter_id=row.id, role=role, text=c["text"],
                              reference=(c.get("reference") or {}).get("text"), date=_date(c.get("date")),
                              target_index=c.get("letter")))
    for st in data.get("received", []):
        s.add(StampRow(letter_id=row.id, number=st.get("number"), date=_date(st.get("date")), time=st.get("time"),
                       agency=st.get("agency"), raw=st.get("raw") or ""))


def _store_tasks(s: Session, doc: DocumentRow, doc_json: dict, corrections: dict, sinks: list[str],
                 who: str) -> list[str]:
    seen: set[str] = set()
    queued: list[str] = []
    payloads = task_payloads(doc_json, doc.original_name)
    _carry_corrections(s, doc, payloads, corrections, who)
    for letter_index, data in payloads:
        data = apply_task_corrections(data, corrections.get(f"task:{data['id']}", {}))
        if data["id"] in seen:
            continue
        seen.add(data["id"])
        if _upsert_task(s, doc, letter_index, data):
            queued.append(data["id"])
            enqueue(s, data["id"], payload_hash(data), sinks)
    stale = select(TaskRecord).where(TaskRecord.document_id == doc.id, TaskRecord.task_id.not_in(seen or {""}))
    for gone in list(s.scalars(stale)):
        withdraw(s, gone, who, sinks, sha=doc.sha256)
        queued.append(gone.task_id)
    return queued


CARRY_MIN_SIMILARITY = 0.6


def _carry_corrections(s: Session, doc: DocumentRow, payloads: list[tuple[int | None, dict]], corrections: dict,
                       who: str) -> None:
    """A corrected task whose id changed on reprocess (the extractors now read its evidence or
    deadline a little differently) keeps its corrections: they move to the new task of the
    same letter whose evidence is most alike (at least ``CARRY_MIN_SIMILARITY``)."""
    from difflib import SequenceMatcher

    new_ids = {d["id"] for _i, d in payloads}
    old = {t.task_id: t for t in s.scalars(select(TaskRecord).where(TaskRecord.document_id == doc.id))}
    for tid, row in old.items():
        if tid in new_ids or f"task:{tid}" not in corrections:
            continue
        evidence = (row.data.get("evidence") or "").split("\n")[0]
        scored = [(SequenceMatcher(None, evidence, d.get("evidence") or "").ratio(), d["id"]) for i, d in payloads
                  if i == row.letter_index and d["id"] not in old and f"task:{d['id']}" not in corrections]
        best = max(scored, default=None)
        if best is None or best[0] < CARRY_MIN_SIMILARITY:
            continue
        new = best[1]
        for c in s.scalars(select(CorrectionRow).where(CorrectionRow.target == f"task:{tid}")):
            c.target = f"task:{new}"
        corrections[f"task:{new}"] = corrections.pop(f"task:{tid}")
        add_event(s, "correction-carried", who, sha=doc.sha256, subject=f"task:{new}", previous=f"task:{tid}",
                  similarity=round(best[0], 3))
    s.flush()


def withdraw(s: Session, task: TaskRecord, who: str, sinks: Iterable[str], *, sha: str | None = None) -> None:
    """Remove a task from the store and queue its deletion for every sink that was given it
    (CalDAV deletes the object, the webhook gets a ``withdrawn`` event, JSONL a withdrawn
    line, CSV and ICS are rewritten without it)."""
    add_event(s, "task-withdrawn", who, sha=sha, subject=task.task_id, action=task.data.get("action"))
    had = set(s.scalars(select(OutboxRow.sink).where(OutboxRow.task_id == task.task_id)))
    enqueue(s, task.task_id, WITHDRAWN, [k for k in sinks if k in had], op="delete")
    s.delete(task)
    s.flush()


def _upsert_task(s: Session, doc: DocumentRow, letter_index: int | None, data: dict) -> bool:
    """Insert or update a task; True when it is new or changed. A task that another document
    already holds (the same letter forwarded in two files) stays that document's."""
    h = payload_hash(data)
    due = _date((data.get("deadline") or {}).get("date"))
    row = s.scalar(select(TaskRecord).where(TaskRecord.task_id == data["id"]))
    if row is None:
        s.add(TaskRecord(task_id=data["id"], document_id=doc.id, letter_index=letter_index, due=due,
                         payload_hash=h, data=data))
        s.flush()
        return True
    if row.document_id != doc.id or row.payload_hash == h:
        return False
    row.data, row.payload_hash, row.due, row.letter_index, row.updated_at = data, h, due, letter_index, utcnow()
    return True


# ----- corrections ------------------------------------------------------------------------

def load_corrections(s: Session) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for c in s.scalars(select(CorrectionRow)):
        out.setdefault(c.target, {})[c.field] = c.value
    return out


def apply_letter_corrections(letter: dict, fields: dict[str, Any]) -> dict:
    if not fields:
        return letter
    letter = {**letter, "corrected": sorted(fields)}
    for name, value in fields.items():
        if name == "reference":
            letter["reference"] = {**(letter.get("reference") or {}), "text": value}
        else:
            letter[name] = value
    return letter


def apply_task_corrections(task: dict, fields: dict[str, Any]) -> dict:
    if not fields:
        return task
    task = {**task, "corrected": sorted(fields)}
    for name, value in fields.items():
        if name in ("due", "time"):
            deadline = dict(task.get("deadline") or {"kind": "by", "text": "", "start": None, "rrule": None,
                                                   "time": None, "date": None})
            deadline["date" if name == "due" else "time"] = value
            task["deadline"] = deadline
        else:
            task[name] = value
    return task


def correct(s: Session, target: str, field: str, value: Any, who: str, sinks: Iterable[str]) -> None:
    """Record a manual correction (kept across reprocess) and apply it now.
    ``target``: ``task:<task id>`` or ``letter:<sha256>:<index>``."""
    kind, _, rest = target.partition(":")
    allowed = TASK_FIELDS if kind == "task" else LETTER_FIELDS if kind == "letter" else ()
    if field not in allowed:
        from ..errors import UsageError

        raise UsageError(f"cannot correct {field!r} of {target!r}; fields: {', '.join(allowed)}")
    row = s.scalar(select(CorrectionRow).where(CorrectionRow.target == target, CorrectionRow.field == field))
    if row is None:
        s.add(CorrectionRow(target=target, field=field, value=value, actor=who))
    else:
        row.value, row.actor, row.at = value, who, utcnow()
    add_event(s, "corrected", who, subject=target, field=field, value=value)
    s.flush()
    if kind == "task":
        _correct_task(s, rest, field, value, list(sinks))
    else:
        _correct_letter(s, rest, field, value, list(sinks))


def _correct_task(s: Session, task_id: str, field: str, value: Any, sinks: list[str]) -> None:
    row = s.scalar(select(TaskRecord).where(TaskRecord.task_id == task_id))
    if row is None:
        return
    data = apply_task_corrections(row.data, {**_corrected_fields(s, f"task:{task_id}"), field: value})
    row.data, row.payload_hash, row.updated_at = data, payload_hash(data), utcnow()
    row.due = _date((data.get("deadline") or {}).get("date"))
    enqueue(s, task_id, row.payload_hash, sinks)


def _correct_letter(s: Session, key: str, field: str, value: Any, sinks: list[str]) -> None:
    sha, _, index = key.rpartition(":")
    row = s.scalar(select(LetterRow).join(DocumentRow).where(DocumentRow.sha256 == sha, LetterRow.index == int(index)))
    if row is None:
        return
    row.data = apply_letter_corrections(row.data, {field: value})
    if field == "date":
        row.date = _date(value)
    elif field in ("kind", "reference", "sender", "subject", "recipients", "urgency", "secrecy", "purpose"):
        setattr(row, field, value)
    if field in ("reference", "subject"):  # the letter's tasks carry them: changed tasks
        tasks = select(TaskRecord).where(TaskRecord.document_id == row.document_id, TaskRecord.letter_index == row.index)
        for task in s.scalars(tasks):
            data = {**task.data, field: value}
            if data != task.data:
                task.data, task.payload_hash, task.updated_at = data, payload_hash(data), utcnow()
                enqueue(s, task.task_id, task.payload_hash, sinks)


def _corrected_fields(s: Session, target: str) -> dict[str, Any]:
    return {c.field: c.value for c in s.scalars(select(CorrectionRow).where(CorrectionRow.target == target))}


# ----- outbox -----------------------------------------------------------------------------

WITHDRAWN = "WITHDRAWN"  # the payload hash of a delete


def enqueue(s: Session, task_id: str, h: str, sinks: Iterable[str], *, op: str = "upsert") -> None:
    """Queue this version of a task (or its deletion) for each sink; older pending or dead
    versions are superseded (never delivered later). Each queued delivery gets the task's
    next version number."""
    sinks = list(sinks)
    if not sinks:
        return
    version = int(s.scalar(select(func.max(OutboxRow.version)).where(OutboxRow.task_id == task_id)) or 0) + 1
    for sink in sinks:
        s.execute(update(OutboxRow).where(OutboxRow.sink == sink, OutboxRow.task_id == task_id,
                                          OutboxRow.state.in_(("pending", "dead")), OutboxRow.payload_hash != h)
                  .values(state="superseded"))
        row = s.scalar(select(OutboxRow).where(OutboxRow.sink == sink, OutboxRow.task_id == task_id,
                                               OutboxRow.payload_hash == h))
        if row is None:
            s.add(OutboxRow(sink=sink, task_id=task_id, payload_hash=h, op=op, version=version))
        elif row.state != "pending":
            row.state, row.attempts, row.next_try, row.last_error = "pending", 0, utcnow(), None
            row.op, row.version, row.sent_at = op, version, None
    s.flush()


def requeue(s: Session, who: str, *, sinks: Iterable[str] | None = None, task_ids: Iterable[str] | None = None,
            states: tuple[str, ...] = ("dead",)) -> int:
    """Make dead outbox items (of these sinks or tasks; all when None) pending again, due now,
    with their attempts reset. Returns how many."""
    q = select(OutboxRow).where(OutboxRow.state.in_(states))
    if sinks is not None:
        q = q.where(OutboxRow.sink.in_(list(sinks)))
    rows = list(s.scalars(q))
    if task_ids is not None:
        wanted = list(task_ids)
        rows = [r for r in rows if any(r.task_id.startswith(t) for t in wanted)]
    for row in rows:
        row.state, row.attempts, row.next_try, row.last_error = "pending", 0, utcnow(), None
        add_event(s, "requeued", who, subject=f"{row.sink}:{row.task_id}", version=row.version)
    s.flush()
    return len(rows)


def due_items(s: Session, sink: str, now: dt.datetime, limit: int = 500) -> list[OutboxRow]:
    q = (select(OutboxRow).where(OutboxRow.sink == sink, OutboxRow.state == "pending", OutboxRow.next_try <= now)
         .order_by(OutboxRow.id).limit(limit))
    return list(s.scalars(q))


def task_data(s: Session, task_id: str) -> TaskRecord | None:
    return s.scalar(select(TaskRecord).where(TaskRecord.task_id == task_id))


def all_tasks(s: Session) -> list[TaskRecord]:
    return list(s.scalars(select(TaskRecord).order_by(TaskRecord.due.is_(None), TaskRecord.due, TaskRecord.task_id)))


# ----- status -----------------------------------------------------------------------------

def status(s: Session) -> dict[str, Any]:
    def count(q) -> int:
        return int(s.scalar(q) or 0)

    docs = select(func.count()).select_from(DocumentRow)
    pending = s.execute(select(OutboxRow.sink, OutboxRow.state, func.count()).group_by(OutboxRow.sink, OutboxRow.state))
    outbox: dict[str, dict[str, int]] = {}
    for sink, state, n in pending:
        outbox.setdefault(sink, {})[state] = n
    rejected = list({e.subject: {"name": e.subject, "reason": (e.detail or {}).get("reason")}
                     for e in s.scalars(select(EventRow).where(EventRow.kind == "rejected").order_by(EventRow.id))
                     }.values())  # too large: not archived; once per path
    dead = [{"sink": r.sink, "task_id": r.task_id, "op": r.op, "attempts": r.attempts, "error": r.last_error}
            for r in s.scalars(select(OutboxRow).where(OutboxRow.state == "dead").order_by(OutboxRow.id))]
    last = s.scalar(select(func.max(EventRow.at)).where(EventRow.kind.in_(("ingested", "duplicate", "failed"))))
    return {
        "documents": count(docs.where(DocumentRow.status == "registered")),
        "pages": count(select(func.sum(DocumentRow.pages)).where(DocumentRow.status == "registered")),
        "letters": count(select(func.count()).select_from(LetterRow)),
        "tasks": count(select(func.count()).select_from(TaskRecord)),
        "tasks_with_due_date": count(select(func.count()).select_from(TaskRecord).where(TaskRecord.due.is_not(None))),
        "duplicates": count(select(func.sum(DocumentRow.arrivals - 1))),
        "failed": count(docs.where(DocumentRow.status == "failed")) + len(rejected),
        "failed_files": [{"name": d.original_name, "sha256": d.sha256, "reason": d.error}
                         for d in s.scalars(select(DocumentRow).where(DocumentRow.status == "failed")
                                            .order_by(DocumentRow.id))]
                        + [{"name": r["name"], "sha256": None, "reason": r["reason"]} for r in rejected],
        "corrections": count(select(func.count()).select_from(CorrectionRow)),
        "events": count(select(func.count()).select_from(EventRow)),
        "last_arrival": last.isoformat() + "Z" if last else None,
        "outbox": outbox,
        "pending": {sink: states.get("pending", 0) for sink, states in outbox.items()},
        "dead": dead,
    }
