"""File sinks: a JSON Lines log (one line per new or changed task) and two snapshots
rewritten whole from the store (CSV for Excel, an iCalendar feed)."""

from __future__ import annotations

import fcntl
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..store.archive import write_durably
from ..taskexport import to_csv
from .base import Delivery, Result, task_row


@dataclass
class JsonlSink:
    """Appends ``{...task, "payload_hash": h, "version": n}`` unless the file's last line for
    that task id already has this hash, so a delivery repeated after a crash writes nothing.
    A withdrawn task gets ``{"id": ..., "withdrawn": true, "payload_hash": "WITHDRAWN"}``.
    A torn last line (a crash mid-write) is cut off before appending."""

    name: str
    path: Path
    index: dict[str, str] = field(default_factory=dict)
    known_size: int = -1

    def deliver(self, deliveries: list[Delivery], all_tasks: list[dict]) -> list[Result]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a+b") as f:
            fcntl.flock(f, fcntl.LOCK_EX)
            self._refresh(f)
            lines = [self._line(d) for d in deliveries
                     if (d.data or d.withdrawn) and self.index.get(d.task_id) != d.payload_hash]
            if lines:
                f.seek(0, os.SEEK_END)
                f.write(b"".join(lines))
                f.flush()
                os.fsync(f.fileno())
            self.known_size = f.tell()
        return [Result(d.outbox_id) for d in deliveries]

    def _line(self, d: Delivery) -> bytes:
        self.index[d.task_id] = d.payload_hash
        obj = ({"id": d.task_id, "withdrawn": True} if d.withdrawn else d.data)
        return (json.dumps({**obj, "payload_hash": d.payload_hash, "version": d.version}, ensure_ascii=False)
                + "\n").encode("utf-8")

    def _refresh(self, f) -> None:
        size = f.seek(0, os.SEEK_END)
        if size == self.known_size:
            return
        f.seek(0)
        data = f.read()
        end = data.rfind(b"\n") + 1
        if end != len(data):  # a torn last line
            f.truncate(end)
            data = data[:end]
        self.index = {}
        for line in data.splitlines():
            try:
                obj = json.loads(line)
                self.index[obj["id"]] = obj.get("payload_hash", "")
            except (ValueError, KeyError, TypeError):
                continue
        self.known_size = end


@dataclass
class SnapshotSink:
    """Rewrites the whole file (CSV or ICS) from every task in the store: one row or one
    calendar component per task id, whatever was delivered before."""

    name: str
    path: Path
    kind: str  # csv | ics

    def deliver(self, deliveries: list[Delivery], all_tasks: list[dict]) -> list[Result]:
        if self.kind == "csv":
            write_durably(self.path, to_csv([task_row(t) for t in all_tasks]))
        else:
            from .caldav_sink import ics_feed

            write_bytes_durably(self.path, ics_feed(all_tasks))
        return [Result(d.outbox_id) for d in deliveries]


def write_bytes_durably(path: Path, data: bytes) -> None:
    from ..store.archive import TEMP_PREFIX, fsync_dir

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{TEMP_PREFIX}{path.name}-{os.getpid()}")
    with tmp.open("wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)
