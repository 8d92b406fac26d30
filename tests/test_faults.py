"""The fault run: ``circulars watch`` as a subprocess on a temporary inbox; files dropped
(duplicates, corrupt PDFs, one written slowly over ~4 s); the watcher SIGKILLed mid-way and
restarted. Afterwards every good file is stored once, every task is once in the JSONL sink,
the CalDAV calendar (a real Radicale) and the webhook receiver, the corrupt files are in
failed/ with reasons, and every original is in the archive."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import icalendar
import pytest
from sqlalchemy import select

from circulars.config import load_config
from circulars.store import open_store, repo
from circulars.store.archive import find_archived, sha256_file
from circulars.store.schema import DocumentRow, TaskRecord

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "letters"
GOOD = ["01_", "02_", "03_", "05_", "06_", "07_", "10_", "12_", "17_", "21_", "22_", "28_"]
SLOW = "29_"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Receiver(BaseHTTPRequestHandler):
    """A webhook receiver that honours Idempotency-Key and fails every third call."""

    keys: ClassVar[dict[str, dict]] = {}
    calls = 0

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        cls = type(self)
        cls.calls += 1
        if cls.calls % 3 == 0:
            self.send_response(500)
        else:
            cls.keys.setdefault(self.headers["Idempotency-Key"], body)
            self.send_response(200)
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def services(tmp_path):
    Receiver.keys, Receiver.calls = {}, 0
    hook = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=hook.serve_forever, daemon=True).start()
    port = free_port()
    rad = subprocess.Popen([sys.executable, "-m", "radicale", f"--storage-filesystem-folder={tmp_path / 'dav'}",
                            "--auth-type=none", f"--server-hosts=127.0.0.1:{port}", "--logging-level=warning"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    calendar = _calendar(f"http://127.0.0.1:{port}")
    yield f"http://127.0.0.1:{hook.server_port}/hook", calendar
    rad.terminate()
    rad.wait(timeout=10)
    hook.shutdown()
    hook.server_close()


def _client(url: str):
    import caldav

    return caldav.DAVClient(url=url, username="clerk", password="x", enable_rfc6764=False, require_tls=False)


def _calendar(base: str) -> str:
    deadline = time.monotonic() + 15
    while True:
        try:
            return str(_client(base + "/").principal().make_calendar(name="inbox", cal_id="inbox").url)
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request):
    """None (SQLite in the home) or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield None
        return
    url = os.environ.get("CIRCULARS_TEST_PG_URL")
    if not url:
        pytest.skip("PostgreSQL fault run needs CIRCULARS_TEST_PG_URL; .ci/run starts a server on loopback")
    from sqlalchemy import create_engine, text

    name = f"circulars_fault_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    yield admin.url.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _write_config(home: Path, hook: str, calendar: str, db: str | None) -> None:
    home.mkdir(parents=True)
    (home / "circulars.toml").write_text((f'db = "{db}"\n' if db else "") + f"""
[sinks.jsonl]
type = "jsonl"
path = "exports/tasks.jsonl"

[sinks.feed]
type = "ics"
path = "exports/tasks.ics"

[sinks.calendar]
type = "caldav"
url = "{calendar}"
username = "clerk"
password = "x"

[sinks.tracker]
type = "webhook"
url = "{hook}"
backoff_seconds = 0.1
""", encoding="utf-8")


def _watch(home: Path, inbox: Path) -> subprocess.Popen:
    env = {**os.environ, "CIRCULARS_HOME": str(home)}
    return subprocess.Popen([sys.executable, "-m", "circulars.cli", "watch", str(inbox), "--settle", "0.5",
                             "--rescan", "1"], env=env, stdout=subprocess.DEVNULL,
                            stderr=(home / "watch.log").open("a"))


def _copy(prefix: str, inbox: Path, name: str | None = None) -> None:
    src = next(CORPUS.glob(f"{prefix}*.txt"))
    tmp = inbox.parent / f"staging-{name or src.name}"
    shutil.copyfile(src, tmp)
    os.replace(tmp, inbox / (name or src.name))


def _slow_write(prefix: str, inbox: Path, seconds: float) -> None:
    data = next(CORPUS.glob(f"{prefix}*.txt")).read_bytes()
    step = len(data) // 10 + 1
    with (inbox / "scanner-slow.txt").open("wb") as f:
        for i in range(0, len(data), step):
            f.write(data[i:i + step])
            f.flush()
            time.sleep(seconds / 10)


def _waiting(inbox: Path) -> list[Path]:
    return [p for p in inbox.iterdir() if p.is_file()]


def _wait(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.1)


def test_watch_survives_sigkill_and_delivers_each_task_once(tmp_path, services, db_url):
    hook, calendar = services
    home, inbox = tmp_path / "home", tmp_path / "inbox"
    _write_config(home, hook, calendar, db_url)
    inbox.mkdir()
    for prefix in GOOD[:6]:
        _copy(prefix, inbox)
    watcher = _watch(home, inbox)
    _wait(lambda: len(list((inbox / "processed").glob("*"))) >= 2 if (inbox / "processed").exists() else False,
          30, "the first files")
    watcher.send_signal(signal.SIGKILL)  # mid-way: some files done, some not
    watcher.wait(timeout=10)

    slow = threading.Thread(target=_slow_write, args=(SLOW, inbox, 4.0))
    slow.start()
    for prefix in GOOD[6:]:
        _copy(prefix, inbox)
    for i, prefix in enumerate(("01_", "05_", "12_")):  # the same bytes under other names
        _copy(prefix, inbox, f"dup-{i}.txt")
    (inbox / "corrupt-1.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\n% cut short")
    (inbox / "corrupt-2.pdf").write_bytes(os.urandom(2048))
    watcher = _watch(home, inbox)
    done = len(list((inbox / "processed").iterdir()))
    _wait(lambda: len(list((inbox / "processed").iterdir())) >= done + 2, 30, "more files")
    watcher.send_signal(signal.SIGKILL)  # a second kill, while files are being taken
    watcher.wait(timeout=10)
    watcher = _watch(home, inbox)
    slow.join()
    _wait(lambda: not _waiting(inbox), 40, "the inbox to empty")
    config = load_config(home=home)
    store = open_store(config)

    def delivered() -> bool:
        with store.transaction() as s:
            return not any(v.get("pending") for v in repo.status(s)["outbox"].values())

    _wait(delivered, 30, "the outbox to be delivered")
    watcher.send_signal(signal.SIGTERM)
    assert watcher.wait(timeout=20) == 0

    good = [next(CORPUS.glob(f"{p}*.txt")) for p in [*GOOD, SLOW]]
    with store.transaction() as s:
        docs = {d.sha256: d for d in s.scalars(select(DocumentRow))}
        tasks = {t.task_id for t in s.scalars(select(TaskRecord))}
        st = repo.status(s)
    good_shas = {sha256_file(p) for p in good}
    registered = {sha for sha, d in docs.items() if d.status == "registered"}
    assert registered == good_shas, (home / "watch.log").read_text()
    assert st["duplicates"] == 3 and st["failed"] == 2 and tasks
    assert sorted(p.name for p in (inbox / "failed").iterdir()) == [
        "corrupt-1.pdf", "corrupt-1.pdf.error.txt", "corrupt-2.pdf", "corrupt-2.pdf.error.txt"]
    assert all((inbox / "failed" / f"corrupt-{i}.pdf.error.txt").read_text(encoding="utf-8").strip()
               for i in (1, 2))
    processed = sorted((inbox / "processed").iterdir())
    assert len(processed) == len(good) + 3
    for p in [*processed, inbox / "failed" / "corrupt-1.pdf", inbox / "failed" / "corrupt-2.pdf"]:
        archived = find_archived(home, sha256_file(p))
        assert archived is not None and archived.read_bytes() == p.read_bytes()
    assert not list((home / "archive").rglob(".tmp-*"))

    lines = [json.loads(x)["id"] for x in (home / "exports" / "tasks.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(lines) == sorted(tasks)
    feed = icalendar.Calendar.from_ical((home / "exports" / "tasks.ics").read_bytes())
    feed_uids = [str(c["uid"]) for c in feed.walk() if c.name in ("VTODO", "VEVENT")]
    assert len(feed_uids) == len(set(feed_uids)) and set(feed_uids) <= {f"{t}@circulars" for t in tasks}
    assert sorted(k.split(":")[0] for k in Receiver.keys) == sorted(tasks)
    uids = []
    for obj in _client(calendar).calendar(url=calendar).objects(load_objects=True):
        cal = icalendar.Calendar.from_ical(obj.data)
        uids += [str(c["uid"]) for c in cal.walk() if c.name in ("VTODO", "VEVENT")]
    assert sorted(uids) == sorted(f"{t}@circulars" for t in tasks)
    store.close()
