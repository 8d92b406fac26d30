"""CalDAV push with the ``caldav`` client: one calendar object per task, its UID the task id,
so a changed task overwrites its object (an update, never a second one)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..taskexport import to_ics
from .base import Delivery, Result, task_row


def undated_todo(data: dict):
    """A VTODO without DUE for a task whose deadline has no date (valid iCalendar; shown
    as an open task by Thunderbird and other clients)."""
    import icalendar

    row = task_row(data)
    todo = icalendar.Todo()
    todo.add("uid", f"{row.task.id}@circulars")
    todo.add("dtstamp", dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
    todo.add("summary", row.task.action[:200])
    todo.add("status", "NEEDS-ACTION")
    todo.add("description", "\n".join(x for x in [row.task.evidence, row.reference and f"ที่ {row.reference}",
                                                  row.task.assignee and f"ผู้รับผิดชอบ: {row.task.assignee}"] if x))
    return todo


def dated(data: dict) -> bool:
    d = data.get("deadline")
    return bool(d and d.get("date"))


def task_ical(data: dict) -> tuple[str, bytes]:
    """("todo" | "event", a VCALENDAR with this task). A task without a date becomes a VTODO without DUE."""
    if dated(data):
        kind = "event" if data["deadline"]["kind"] == "event" else "todo"
        return kind, to_ics([task_row(data)])
    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", "-//circulars//Thai official letters//TH")
    cal.add("version", "2.0")
    cal.add_component(undated_todo(data))
    return "todo", cal.to_ical()


def ics_feed(tasks: list[dict], name: str = "circulars") -> bytes:
    """The iCalendar feed of every task: VTODO with DUE, VEVENT for events, VTODO without
    DUE for tasks without a date; one component per task id."""
    import icalendar

    cal = icalendar.Calendar.from_ical(to_ics([task_row(t) for t in tasks if dated(t)]))
    cal.add("x-wr-calname", name)
    for t in tasks:
        if not dated(t):
            cal.add_component(undated_todo(t))
    return cal.to_ical()


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
            if d.data is None and not d.withdrawn:
                results.append(Result(d.outbox_id))
                continue
            try:
                if d.withdrawn:
                    self._delete(d.task_id)
                else:
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


    def _delete(self, task_id: str) -> None:
        """Delete the task's object; one already gone is fine (a repeated delivery)."""
        from caldav.lib.error import NotFoundError

        try:
            obj = self._calendar().object_by_uid(f"{task_id}@circulars")
        except NotFoundError:
            return
        try:
            obj.delete()
        except NotFoundError:
            return


def _unreachable(error: str) -> bool:
    """A connection-level failure (not one object refused): no use trying the rest of the batch now."""
    name = error.split(":", 1)[0]
    return any(w in name for w in ("Connection", "Timeout", "OSError", "Unreachable"))
