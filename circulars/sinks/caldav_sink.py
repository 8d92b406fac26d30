"""CalDAV push with the ``caldav`` client: one calendar object per task, its UID the task id,
so a changed task overwrites its object (an update, never a second one)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..taskexport import to_ics
from .base import Delivery, Result, task_row


def task_ical(data: dict) -> tuple[str, bytes]:
    """("todo" | "event", a VCALENDAR with this task). A task without a date becomes a VTODO without DUE."""
    row = task_row(data)
    d = row.task.deadline
    if d and d.date:
        return ("event" if d.kind == "event" else "todo"), to_ics([row])
    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", "-//circulars//Thai official letters//TH")
    cal.add("version", "2.0")
    todo = icalendar.Todo()
    todo.add("uid", f"{row.task.id}@circulars")
    todo.add("dtstamp", dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
    todo.add("summary", row.task.action[:200])
    todo.add("description", row.task.evidence)
    cal.add_component(todo)
    return "todo", cal.to_ical()


@dataclass
class CaldavSink:
    name: str
    url: str
    username: str | None = None
    password: str | None = None
    timeout: float = 10.0
    calendar: object | None = field(default=None, repr=False)

    def _calendar(self):
        if self.calendar is None:
            import caldav

            client = caldav.DAVClient(url=self.url, username=self.username, password=self.password,
                                      timeout=int(self.timeout), enable_rfc6764=False,
                                      require_tls=self.url.startswith("https:"))
            self.calendar = client.calendar(url=self.url)
        return self.calendar

    def deliver(self, deliveries: list[Delivery], all_tasks: list[dict]) -> list[Result]:
        results: list[Result] = []
        for d in deliveries:
            if results and results[-1].error and _unreachable(results[-1].error):  # the server is down: try later
                results.append(Result(d.outbox_id, results[-1].error))
                continue
            if d.data is None:
                results.append(Result(d.outbox_id))
                continue
            try:
                self._put(d.data)
                results.append(Result(d.outbox_id))
            except Exception as e:  # noqa: BLE001 - any client error is retried from the outbox
                self.calendar = None
                results.append(Result(d.outbox_id, f"{type(e).__name__}: {e}"))
        return results

    def _put(self, data: dict) -> None:
        kind, ical = task_ical(data)
        cal = self._calendar()
        text = ical.decode("utf-8")
        if kind == "event":
            cal.add_event(ical=text, increase_seqno=False)
        else:
            cal.add_todo(ical=text, increase_seqno=False)


def _unreachable(error: str) -> bool:
    """A connection-level failure (not one object refused): no use trying the rest of the batch now."""
    name = error.split(":", 1)[0]
    return any(w in name for w in ("Connection", "Timeout", "OSError", "Unreachable"))
