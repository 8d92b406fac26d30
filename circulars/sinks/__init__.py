"""Tracker sinks fed from the outbox. ``Dispatcher.run_once`` takes every due outbox item,
delivers it outside any transaction, then records the result: ``sent``, or a retry at
``backoff * 2**(attempts-1)`` seconds, or ``dead`` after ``max_attempts`` failures. A crash
between delivery and record means a second delivery, which every sink absorbs: by task id
and payload hash (JSONL, webhook key), by rewriting (CSV, ICS), by UID (CalDAV)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select

from ..config import SinkConfig
from ..store import Store, repo
from ..store.schema import OutboxRow, utcnow
from .base import Delivery, Result, Sink, task_row
from .caldav_sink import CaldavSink
from .files import JsonlSink, SnapshotSink
from .webhook import WebhookSink

__all__ = ["Delivery", "DispatchReport", "Dispatcher", "Result", "Sink", "make_sink", "task_row"]

MAX_DELAY = 3600.0


def make_sink(cfg: SinkConfig) -> Sink:
    if cfg.type == "jsonl":
        return JsonlSink(cfg.name, cfg.path)
    if cfg.type in ("csv", "ics"):
        return SnapshotSink(cfg.name, cfg.path, cfg.type)
    if cfg.type == "caldav":
        return CaldavSink(cfg.name, cfg.url, cfg.username, cfg.password, cfg.timeout_seconds)
    return WebhookSink(cfg.name, cfg.url, cfg.timeout_seconds)


@dataclass
class DispatchReport:
    sent: dict[str, int] = field(default_factory=dict)
    retried: dict[str, int] = field(default_factory=dict)
    dead: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.sent.values()) + sum(self.retried.values()) + sum(self.dead.values())


@dataclass
class Dispatcher:
    store: Store
    who: str
    sinks: dict[str, tuple[SinkConfig, Sink]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        from ..store.archive import clean_temp

        self.sinks = {c.name: (c, make_sink(c)) for c in self.store.config.sinks}
        for c in self.store.config.sinks:  # snapshots a killed process left half-written
            if c.path is not None:
                clean_temp(c.path.parent, recursive=False)

    def run_once(self, now: dt.datetime | None = None) -> DispatchReport:
        report = DispatchReport()
        for name, (cfg, sink) in self.sinks.items():
            self._sink_once(name, cfg, sink, now or utcnow(), report)
        return report

    def _sink_once(self, name: str, cfg: SinkConfig, sink: Sink, now: dt.datetime, report: DispatchReport) -> None:
        with self.store.transaction() as s:
            items = repo.due_items(s, name, now)
            if not items:
                return
            deliveries = [_delivery(s, item) for item in items]
            everything = [t.data for t in repo.all_tasks(s)] if cfg.type in ("csv", "ics") else []
        results = sink.deliver(deliveries, everything)
        with self.store.transaction() as s:
            sent = [r for r in results if self._record(s, cfg, r, report)]
            if sent:
                ids = {r.outbox_id for r in sent}
                repo.add_event(s, "exported", self.who, subject=name,
                               tasks=[d.task_id for d in deliveries if d.outbox_id in ids])

    def _record(self, s, cfg: SinkConfig, r: Result, report: DispatchReport) -> bool:
        item = s.get(OutboxRow, r.outbox_id)
        if item is None or item.state != "pending":
            return False
        if r.error is None:
            item.state, item.sent_at, item.last_error = "sent", utcnow(), None
            report.sent[cfg.name] = report.sent.get(cfg.name, 0) + 1
            return True
        item.attempts += 1
        item.last_error = r.error[:2000]
        if r.permanent or item.attempts >= cfg.max_attempts:
            item.state = "dead"
            report.dead[cfg.name] = report.dead.get(cfg.name, 0) + 1
            repo.add_event(s, "dead-letter", self.who, subject=f"{cfg.name}:{item.task_id}", error=item.last_error,
                           attempts=item.attempts)
        else:
            delay = min(MAX_DELAY, cfg.backoff_seconds * 2 ** (item.attempts - 1))
            item.next_try = utcnow() + dt.timedelta(seconds=delay)
            report.retried[cfg.name] = report.retried.get(cfg.name, 0) + 1
        return False

    def requeue(self, *, sinks: list[str] | None = None, task_ids: list[str] | None = None) -> int:
        """Dead items (of these sinks or tasks) pending again; see ``repo.requeue``."""
        with self.store.transaction() as s:
            return repo.requeue(s, self.who, sinks=sinks, task_ids=task_ids)

    def pending(self) -> int:
        with self.store.transaction() as s:
            return len(list(s.scalars(select(OutboxRow.id).where(OutboxRow.state == "pending"))))


def _delivery(s, item: OutboxRow) -> Delivery:
    """The task as the store holds it now; a delete carries no data. An upsert whose task is
    gone (withdrawn meanwhile: its delete is queued too) has nothing to send."""
    if item.op == "delete":
        return Delivery(item.id, item.task_id, item.payload_hash, None, "delete", item.version)
    task = repo.task_data(s, item.task_id)
    if task is None:
        return Delivery(item.id, item.task_id, item.payload_hash, None, "upsert", item.version)
    return Delivery(item.id, item.task_id, task.payload_hash, task.data, "upsert", item.version)
