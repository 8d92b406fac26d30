"""Sinks fed from the outbox: JSONL, CSV, ICS feed, CalDAV (a real Radicale on loopback),
webhook (a local HTTP server that fails the first calls). Each idempotent by task id."""

from __future__ import annotations

import csv
import io
import json
import shutil
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import icalendar
import pytest
from sqlalchemy import select

from circulars.config import Config, SinkConfig, load_config
from circulars.inbox import ingest_file
from circulars.sinks import Dispatcher
from circulars.sinks.base import Delivery
from circulars.sinks.files import JsonlSink
from circulars.store import open_store, repo
from circulars.store.schema import OutboxRow, TaskRecord
from circulars.taskexport import CSV_HEADERS

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "letters"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_store(tmp_path: Path, *sinks: SinkConfig):
    return open_store(load_config(Config(home=tmp_path / "home"), db="sqlite://").with_(sinks=sinks))


def ingest_corpus(store, tmp_path: Path, *prefixes: str) -> int:
    tasks = 0
    for prefix in prefixes:
        src = next(CORPUS.glob(f"{prefix}*.txt"))
        dst = tmp_path / src.name
        shutil.copyfile(src, dst)
        tasks += ingest_file(store, dst, who="test").tasks
    return tasks


def stored_tasks(store) -> dict[str, str]:
    with store.transaction() as s:
        return {t.task_id: t.payload_hash for t in s.scalars(select(TaskRecord))}


def states(store) -> dict[str, int]:
    with store.transaction() as s:
        out: dict[str, int] = {}
        for row in s.scalars(select(OutboxRow)):
            out[row.state] = out.get(row.state, 0) + 1
        return out


def test_file_sinks_write_each_task_once(tmp_path):
    out = tmp_path / "out"
    store = make_store(tmp_path, SinkConfig("j", "jsonl", out / "t.jsonl"), SinkConfig("c", "csv", out / "t.csv"),
                       SinkConfig("i", "ics", out / "t.ics"))
    n = ingest_corpus(store, tmp_path, "01_", "02_", "22_")
    d = Dispatcher(store, "test")
    assert d.run_once().sent == {"j": n, "c": n, "i": n}
    with store.transaction() as s:  # as after a crash between delivery and record: deliver again
        for row in s.scalars(select(OutboxRow)):
            row.state = "pending"
    Dispatcher(store, "test").run_once()
    lines = [json.loads(x) for x in (out / "t.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(x["id"] for x in lines) == sorted(stored_tasks(store)) and len(lines) == n
    raw = (out / "t.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == CSV_HEADERS and sorted(r[0] for r in rows[1:]) == sorted(stored_tasks(store))
    cal = icalendar.Calendar.from_ical((out / "t.ics").read_bytes())
    uids = [str(c["uid"]) for c in cal.walk() if c.name in ("VTODO", "VEVENT")]
    assert len(uids) == len(set(uids)) and uids
    assert all(c.get("due") or c.get("dtstart") for c in cal.walk() if c.name in ("VTODO", "VEVENT"))


def test_jsonl_changed_task_is_one_more_line_and_torn_line_is_cut(tmp_path):
    path = tmp_path / "t.jsonl"
    sink = JsonlSink("j", path)
    task = {"id": "t1", "action": "ส่งรายงาน"}
    sink.deliver([Delivery(1, "t1", "h1", task)], [])
    with path.open("ab") as f:
        f.write(b'{"id": "t2", "act')  # a crash mid-line
    fresh = JsonlSink("j", path)
    fresh.deliver([Delivery(2, "t1", "h1", task), Delivery(3, "t1", "h2", {**task, "action": "แก้"})], [])
    lines = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    assert [(x["id"], x["payload_hash"]) for x in lines] == [("t1", "h1"), ("t1", "h2")]


class Hook(BaseHTTPRequestHandler):
    fail_first = 2
    calls: ClassVar[list[tuple[str, dict]]] = []

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).calls.append((self.headers["Idempotency-Key"], body))
        fails = sum(1 for k, _ in type(self).calls if k == self.headers["Idempotency-Key"]) <= type(self).fail_first
        self.send_response(503 if fails else 200)
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def hook_server():
    Hook.calls = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def test_webhook_retries_with_backoff_then_delivers(tmp_path, hook_server):
    Hook.fail_first = 2
    url = f"http://127.0.0.1:{hook_server.server_port}/tasks"
    store = make_store(tmp_path, SinkConfig("hook", "webhook", url=url, max_attempts=5, backoff_seconds=0.05))
    n = ingest_corpus(store, tmp_path, "05_", "06_")
    d = Dispatcher(store, "test")
    assert d.run_once().retried == {"hook": n}
    assert d.run_once().total == 0  # not due yet: backoff
    deadline = time.monotonic() + 10
    while d.pending() and time.monotonic() < deadline:
        d.run_once()
        time.sleep(0.05)
    assert states(store) == {"sent": n}
    keys = {k for k, _ in Hook.calls}
    tasks = stored_tasks(store)
    assert keys == {f"{t}:v1" for t in tasks} and len(Hook.calls) == 3 * n
    assert all(body["task"]["id"] == body["task_id"] and body["event"] == "upsert"
               and body["payload_hash"] == tasks[body["task_id"]] for _, body in Hook.calls)


def test_webhook_dead_letter_after_n_failures(tmp_path, hook_server):
    Hook.fail_first = 100
    url = f"http://127.0.0.1:{hook_server.server_port}/tasks"
    store = make_store(tmp_path, SinkConfig("hook", "webhook", url=url, max_attempts=3, backoff_seconds=0.01))
    n = ingest_corpus(store, tmp_path, "05_")
    d = Dispatcher(store, "test")
    for _ in range(20):
        d.run_once()
        time.sleep(0.03)
    assert states(store) == {"dead": n} and len(Hook.calls) == 3 * n
    with store.transaction() as s:
        assert repo.status(s)["outbox"] == {"hook": {"dead": n}}


@pytest.fixture(scope="module")
def radicale(tmp_path_factory):
    port = free_port()
    folder = tmp_path_factory.mktemp("radicale")
    proc = subprocess.Popen([sys.executable, "-m", "radicale", f"--storage-filesystem-folder={folder / 'col'}",
                             "--auth-type=none", f"--server-hosts=127.0.0.1:{port}", "--logging-level=warning"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    else:
        proc.kill()
        pytest.fail("Radicale did not start")
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=10)


def make_calendar(base: str, name: str) -> str:
    import caldav

    client = caldav.DAVClient(url=base + "/", username="clerk", password="x", enable_rfc6764=False, require_tls=False)
    return str(client.principal().make_calendar(name=name, cal_id=name).url)


def calendar_items(url: str) -> list[tuple[str, str]]:
    """(UID, SUMMARY) of every component in the calendar."""
    import caldav

    client = caldav.DAVClient(url=url, username="clerk", password="x", enable_rfc6764=False, require_tls=False)
    items = []
    for obj in client.calendar(url=url).objects(load_objects=True):
        if obj.data is None:  # listed by the sync report as deleted
            continue
        cal = icalendar.Calendar.from_ical(obj.data)
        items += [(str(c["uid"]), str(c["summary"])) for c in cal.walk() if c.name in ("VTODO", "VEVENT")]
    return items


def test_caldav_push_to_radicale_once_per_task(tmp_path, radicale):
    url = make_calendar(radicale, "tasks")
    store = make_store(tmp_path, SinkConfig("cal", "caldav", url=url, username="clerk", password="x"))
    n = ingest_corpus(store, tmp_path, "01_", "12_")
    assert Dispatcher(store, "test").run_once().sent == {"cal": n}
    tid = next(iter(stored_tasks(store)))
    with store.transaction() as s:  # a correction changes the task: an update, not a second object
        repo.correct(s, f"task:{tid}", "action", "งานที่แก้แล้ว", "clerk", store.sink_names)
        for row in s.scalars(select(OutboxRow)):
            row.state = "pending"  # and every other task delivered again, as after a crash
    Dispatcher(store, "test").run_once()
    items = calendar_items(url)
    assert sorted(uid for uid, _ in items) == sorted(f"{t}@circulars" for t in stored_tasks(store))
    assert dict(items)[f"{tid}@circulars"] == "งานที่แก้แล้ว"
    assert set(states(store)) == {"sent"}


def test_withdrawn_task_is_deleted_announced_and_dropped_everywhere(tmp_path, radicale, hook_server):
    """A task that reprocess no longer finds: deleted from CalDAV, a ``withdrawn`` event to the
    webhook, a withdrawn line in JSONL, gone from the CSV and ICS snapshots; when a later
    reprocess finds it again it comes back as a new version."""
    from circulars.inbox import Arrival, extract_archived, reprocess

    Hook.fail_first = 0
    out = tmp_path / "out"
    cal = make_calendar(radicale, "withdraw")
    hook = f"http://127.0.0.1:{hook_server.server_port}/tasks"
    store = make_store(tmp_path, SinkConfig("j", "jsonl", out / "t.jsonl"), SinkConfig("c", "csv", out / "t.csv"),
                       SinkConfig("i", "ics", out / "t.ics"), SinkConfig("cal", "caldav", url=cal),
                       SinkConfig("hook", "webhook", url=hook))
    ingest_corpus(store, tmp_path, "01_", "05_")
    Dispatcher(store, "test").run_once()
    before = stored_tasks(store)
    with store.transaction() as s:  # the extractors "improved": the first letter's first task is gone
        doc = s.scalars(select(repo.DocumentRow).order_by(repo.DocumentRow.id)).first()
        sha, archived = doc.sha256, store.config.home / doc.archive_path
    doc_json, _ = extract_archived(Arrival(Path(doc.original_name), 0, "", sha, archived), store.config,
                                   lambda *a, **k: None)
    letter = next(x for x in doc_json["letters"] if x["tasks"])
    gone = letter["tasks"].pop(0)["id"]
    with store.transaction() as s:
        queued = repo.store_extraction(s, repo.find_document(s, sha), doc_json, store.sink_names, "test")
    assert gone in queued
    assert Dispatcher(store, "test").run_once().sent == dict.fromkeys(["j", "c", "i", "cal", "hook"], 1)
    assert set(stored_tasks(store)) == set(before) - {gone}
    assert f"{gone}@circulars" not in dict(calendar_items(cal))
    assert len(calendar_items(cal)) == len(before) - 1
    last = [json.loads(x) for x in (out / "t.jsonl").read_text(encoding="utf-8").splitlines()][-1]
    assert last["id"] == gone and last["withdrawn"] is True
    assert gone not in (out / "t.csv").read_text(encoding="utf-8-sig")
    assert gone not in (out / "t.ics").read_text(encoding="utf-8")
    key, body = Hook.calls[-1]
    assert body["event"] == "withdrawn" and body["task_id"] == gone and key == f"{gone}:v2" and body["task"] is None
    with store.transaction() as s:
        assert [e.subject for e in s.scalars(select(repo.EventRow).where(repo.EventRow.kind == "task-withdrawn"))] == [gone]
    assert reprocess(store, "test")["with changed tasks"] == 1  # found again: back everywhere, version 3
    Dispatcher(store, "test").run_once()
    assert set(stored_tasks(store)) == set(before)
    assert sorted(uid for uid, _ in calendar_items(cal)) == sorted(f"{t}@circulars" for t in before)
    assert Hook.calls[-1][0] == f"{gone}:v3" and Hook.calls[-1][1]["event"] == "upsert"
    lines = [json.loads(x) for x in (out / "t.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [x.get("withdrawn", False) for x in lines if x["id"] == gone] == [False, True, False]


def test_requeue_makes_dead_items_pending_and_delivers_them(tmp_path, hook_server):
    Hook.fail_first = 3
    url = f"http://127.0.0.1:{hook_server.server_port}/tasks"
    store = make_store(tmp_path, SinkConfig("hook", "webhook", url=url, max_attempts=3, backoff_seconds=0.01))
    n = ingest_corpus(store, tmp_path, "06_")
    d = Dispatcher(store, "test")
    for _ in range(20):
        d.run_once()
        time.sleep(0.03)
    assert states(store) == {"dead": n}
    with store.transaction() as s:
        assert len(repo.status(s)["dead"]) == n
    assert d.requeue(sinks=["other"]) == 0
    assert d.requeue(sinks=["hook"]) == n  # the tracker is back: deliver again
    assert d.run_once().sent == {"hook": n}
    assert states(store) == {"sent": n}
    with store.transaction() as s:
        kinds = [e.kind for e in s.scalars(select(repo.EventRow))]
    assert kinds.count("requeued") == n and kinds.count("dead-letter") == n
