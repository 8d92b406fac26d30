"""What every sink gets and gives: deliveries in, one result per delivery out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from ..models import Deadline, Task
from ..taskexport import TaskRow


@dataclass(frozen=True)
class Delivery:
    """One version of one task for one sink (an outbox item and the task's data), or its
    withdrawal (``op == "delete"``: the task is no longer in the store)."""

    outbox_id: int
    task_id: str
    payload_hash: str
    data: dict | None  # None: nothing to send (withdrawn)
    op: str = "upsert"  # upsert | delete
    version: int = 1

    @property
    def withdrawn(self) -> bool:
        return self.op == "delete"


@dataclass(frozen=True)
class Result:
    outbox_id: int
    error: str | None = None  # None: delivered
    permanent: bool = False  # an error not worth retrying (e.g. HTTP 400)


class Sink(Protocol):
    name: str

    def deliver(self, deliveries: list[Delivery], all_tasks: list[dict]) -> list[Result]: ...


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def task_row(data: dict) -> TaskRow:
    """A stored task's data as the ``taskexport`` row its writers take."""
    d = data.get("deadline")
    deadline = Deadline(kind=d["kind"], date=_date(d.get("date")), text=d.get("text") or "",
                        start=_date(d.get("start")), time=d.get("time"), rrule=d.get("rrule"),
                        anchor=d.get("anchor")) if d else None
    task = Task(id=data["id"], action=data.get("action") or "", deadline=deadline, assignee=data.get("assignee"),
                report_to=data.get("report_to"), channels=list(data.get("channels") or []),
                evidence=data.get("evidence") or "", addressed_to_receiver=bool(data.get("addressed_to_receiver")))
    return TaskRow(task, data.get("file") or "", data.get("letter"), data.get("reference"), data.get("subject"))
