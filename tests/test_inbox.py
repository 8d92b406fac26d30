"""Ingest and watch: archive first, commit, then move; bad files to failed/ with reasons;
a file still being written is not taken; the commands and their exit codes."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from circulars.config import Config, load_config
from circulars.digest import sha256_file
from circulars.inbox import Watcher, ingest_file
from circulars.store import open_store
from circulars.store.archive import archive_file, find_archived
from circulars.store.schema import DocumentRow

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "letters"


def drop(inbox: Path, prefix: str, name: str | None = None) -> Path:
    src = next(CORPUS.glob(f"{prefix}*.txt"))
    inbox.mkdir(parents=True, exist_ok=True)
    dst = inbox / (name or src.name)
    shutil.copyfile(src, dst)
    return dst


@pytest.fixture
def store(tmp_path):
    s = open_store(load_config(Config(home=tmp_path / "home")))
    yield s
    s.close()


def test_good_file_is_archived_then_moved_to_processed(store, tmp_path):
    inbox = tmp_path / "inbox"
    path = drop(inbox, "02_")
    data = path.read_bytes()
    out = ingest_file(store, path, who="test", inbox=inbox)
    assert out.status == "registered" and not path.exists()
    assert out.moved_to == inbox / "processed" / path.name and out.moved_to.read_bytes() == data
    archived = find_archived(store.config.home, out.sha256)
    assert archived.read_bytes() == data and archived.name == f"{out.sha256}.txt"
    assert archived.parent == store.config.home / "archive" / out.sha256[:2] / out.sha256[2:4]


def test_bad_files_go_to_failed_with_reasons(store, tmp_path, make_pdf):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "empty.pdf").write_bytes(b"")
    (inbox / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF trunc")
    locked = make_pdf(["ทดสอบ"], name="locked.pdf", password="secret")
    shutil.move(locked, inbox / "locked.pdf")
    small = store.config.with_(max_file_bytes=10)
    big = drop(inbox, "05_", "big.txt")
    outs = {p.name: ingest_file(store, p, who="test", inbox=inbox)
            for p in sorted(inbox.iterdir()) if p.is_file() and p.name != "big.txt"}
    from circulars.store import Store

    outs["big.txt"] = ingest_file(Store(small, store.engine, store.maker), big, who="test", inbox=inbox)
    assert {n: o.status for n, o in outs.items()} == dict.fromkeys(outs, "failed")
    for name, fragment in [("empty.pdf", "empty"), ("broken.pdf", ""), ("locked.pdf", "password"),
                           ("big.txt", "limit")]:
        assert (inbox / "failed" / name).exists()
        reason = (inbox / "failed" / f"{name}.error.txt").read_text(encoding="utf-8")
        assert fragment in reason and reason.startswith(name)
    assert not [p for p in inbox.iterdir() if p.is_file()]


def test_restart_after_commit_only_redoes_the_move(store, tmp_path):
    inbox = tmp_path / "inbox"
    path = drop(inbox, "06_")
    first = ingest_file(store, path, who="test")  # committed, then "crashed" before the move
    again = ingest_file(store, path, who="test", inbox=inbox)
    assert (first.status, again.status) == ("registered", "known")
    assert (inbox / "processed" / path.name).exists() and not path.exists()
    with store.transaction() as s:
        assert [d.arrivals for d in s.scalars(select(DocumentRow))] == [1]


def test_restart_after_archive_before_commit(store, tmp_path):
    inbox = tmp_path / "inbox"
    path = drop(inbox, "07_")
    sha = sha256_file(path)
    archive_file(store.config.home, path, sha)  # "crashed" after the archive copy
    out = ingest_file(store, path, who="test", inbox=inbox)
    assert out.status == "registered"
    assert len(list((store.config.home / "archive" / sha[:2] / sha[2:4]).iterdir())) == 1


def test_watcher_waits_until_a_slow_file_is_stable(tmp_path):
    config = load_config(Config(home=tmp_path / "home")).with_(settle_seconds=0.6, rescan_seconds=0.5)
    store = open_store(config)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    data = next(CORPUS.glob("01_*.txt")).read_bytes()
    stop = threading.Event()
    outcomes = []
    watcher = Watcher(store, inbox, "test", stop, after_file=outcomes.append, tick=0.05)
    thread = threading.Thread(target=watcher.run)
    thread.start()
    try:
        with (inbox / "slow.txt").open("wb") as f:  # written in pieces over ~1.6 s
            for i in range(0, len(data), len(data) // 8 + 1):
                f.write(data[i:i + len(data) // 8 + 1])
                f.flush()
                time.sleep(0.2)
        drop(inbox, "03_")
        deadline = time.monotonic() + 10
        while len(outcomes) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        stop.set()
        thread.join(timeout=10)
    assert sorted(o.status for o in outcomes) == ["registered", "registered"]
    slow = next(o for o in outcomes if o.path.name == "slow.txt")
    assert slow.moved_to.read_bytes() == data and slow.sha256 == sha256_file(slow.moved_to)


def run_cli(*args: str, home: Path, **kw) -> subprocess.CompletedProcess:
    env = {**os.environ, "CIRCULARS_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "circulars.cli", *args], check=False, env=env, capture_output=True, text=True,
                          timeout=60, **kw)


def test_cli_ingest_status_config(tmp_path):
    home = tmp_path / "home"
    folder = tmp_path / "in"
    for prefix in ("08_", "09_", "10_"):
        drop(folder, prefix)
    drop(folder, "08_", "again.txt")
    (folder / "junk.pdf").write_bytes(b"%PDF-1.5 not really")
    r = run_cli("ingest", str(folder), home=home)
    assert r.returncode == 3, r.stderr
    assert "registered 3, duplicates 1" in r.stdout and "failed 1" in r.stdout and "junk.pdf" in r.stdout
    r = run_cli("ingest", str(folder / "again.txt"), home=home)  # the same arrival: already known
    assert r.returncode == 0 and "already known 1" in r.stdout
    st = json.loads(run_cli("status", "--json", home=home).stdout)
    assert (st["documents"], st["duplicates"], st["failed"]) == (3, 1, 1)
    assert st["failed_files"][0]["name"] == "junk.pdf" and st["outbox"]["tasks-jsonl"] == {"sent": st["tasks"]}
    assert len((home / "exports" / "tasks.jsonl").read_text(encoding="utf-8").splitlines()) == st["tasks"]
    cfg = run_cli("config", "--json", home=home)
    assert json.loads(cfg.stdout)["db"] == f"sqlite:///{home / 'circulars.db'}"
    assert run_cli("reprocess", home=home).returncode == 3  # the junk document still fails


def test_watch_exits_zero_on_sigterm(tmp_path):
    home, inbox = tmp_path / "home", tmp_path / "inbox"
    drop(inbox, "11_")
    env = {**os.environ, "CIRCULARS_HOME": str(home)}
    proc = subprocess.Popen([sys.executable, "-m", "circulars.cli", "watch", str(inbox), "--settle", "0.3"],
                            env=env, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 20
    while not (inbox / "processed").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert "registered 11_" in err and (inbox / "processed").is_dir()


def test_sigterm_finishes_the_file_being_read(tmp_path, make_pdf):
    """SIGTERM while a file is being read (here: OCR of a page without text) lets that file be
    registered and moved, then the watcher exits 0."""
    home, inbox = tmp_path / "home", tmp_path / "inbox"
    inbox.mkdir()
    text = next(CORPUS.glob("06_*.txt")).read_text(encoding="utf-8")
    pdf = make_pdf([text, None], name="slow-scan.pdf")
    env = {**os.environ, "CIRCULARS_HOME": str(home)}
    proc = subprocess.Popen([sys.executable, "-m", "circulars.cli", "watch", str(inbox), "--settle", "0.3", "-v"],
                            env=env, stderr=subprocess.PIPE, text=True)
    assert "watching" in proc.stderr.readline()
    shutil.move(pdf, inbox / pdf.name)
    assert proc.stderr.readline().startswith("circulars: taking slow-scan.pdf")
    t0 = time.monotonic()
    proc.send_signal(signal.SIGTERM)  # mid-file
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "registered slow-scan.pdf" in err, err
    assert (inbox / "processed" / "slow-scan.pdf").is_file() and not (inbox / "slow-scan.pdf").exists()
    store = open_store(load_config(home=home))
    with store.transaction() as s:
        doc = s.scalar(select(DocumentRow))
        assert doc.status == "registered" and doc.method == "mixed"  # the OCR route ran
    store.close()
    assert time.monotonic() - t0 < 60


def test_interrupted_read_stays_in_the_inbox(store, tmp_path):
    """A read that fails while the process is being stopped (SIGTERM reached the OCR processes
    too) is not the file's fault: it stays in the inbox, unrecorded, for the next start."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    bad = inbox / "cut.pdf"
    bad.write_bytes(b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF trunc")
    out = ingest_file(store, bad, who="test", inbox=inbox, interrupted=lambda: True)
    assert out.status == "retry" and bad.exists() and not (inbox / "failed").exists()
    with store.transaction() as s:
        assert s.scalar(select(DocumentRow)) is None


def test_watcher_goes_on_when_a_file_vanishes_or_cannot_be_read(store, tmp_path):
    inbox = tmp_path / "inbox"
    locked = drop(inbox, "03_", "no-permission.txt")
    gone = drop(inbox, "04_", "gone.txt")
    good = drop(inbox, "05_")
    os.chmod(locked, 0)
    outcomes = []
    watcher = Watcher(store, inbox, "test", threading.Event(),
                      after_file=outcomes.append, retry_seconds=30)
    watcher.rescan()
    ready = sorted(watcher.ready(time.monotonic() + 10))
    gone.unlink()  # removed by a clerk between the check and the take
    for p in ready:
        watcher._take(p)
    by_name = {o.path.name: o.status for o in outcomes}
    if os.geteuid() == 0:  # root reads any file
        assert by_name["no-permission.txt"] == "registered"
    else:
        assert by_name["no-permission.txt"] == "retry" and locked.exists()
        assert watcher.candidates[locked].since > time.monotonic()  # tried again later
    assert by_name["gone.txt"] == "gone" and by_name[good.name] == "registered"


def test_temporary_files_of_killed_processes_are_removed(store, tmp_path):
    from circulars.store.archive import clean_temp

    folder = store.config.home / "archive" / "ab" / "cd"
    folder.mkdir(parents=True)
    dead = subprocess.Popen(["true"])
    dead.wait()
    (folder / f".tmp-abcd-{dead.pid}").write_bytes(b"half")
    (folder / f".tmp-abce-{os.getppid()}").write_bytes(b"still being written")  # a live process
    assert clean_temp(store.config.home / "archive") == 1
    assert [p.name for p in folder.iterdir()] == [f".tmp-abce-{os.getppid()}"]


def test_ingest_resumes_after_sigkill_and_stops_cleanly_on_sigterm(tmp_path):
    """``circulars ingest`` killed mid-way and run again registers every file exactly once and
    delivers every task once; SIGTERM finishes the current file, says how to resume, exits 130."""
    home, folder = tmp_path / "home", tmp_path / "in"
    letters = sorted(CORPUS.glob("*.txt"))
    for p in letters:
        drop(folder, p.name[:3], p.name)
    env = {**os.environ, "CIRCULARS_HOME": str(home)}
    cmd = [sys.executable, "-m", "circulars.cli", "ingest", str(folder)]

    def registered() -> int:
        db = home / "circulars.db"
        if not db.exists():
            return 0
        import sqlite3

        try:
            with sqlite3.connect(db, timeout=5) as c:
                return c.execute("SELECT count(*) FROM documents").fetchone()[0]
        except sqlite3.OperationalError:
            return 0

    for sig in (signal.SIGKILL, signal.SIGTERM):
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        before = registered()
        deadline = time.monotonic() + 30
        while registered() < before + 4 and time.monotonic() < deadline:
            time.sleep(0.02)
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=30)
        if sig == signal.SIGTERM and proc.returncode != 0:  # (it may have finished first)
            assert proc.returncode == 130, err
            assert "interrupted" in out and "run the same command again to resume" in out
    assert 0 < registered() < len(letters)
    r = run_cli("ingest", str(folder), home=home)
    assert r.returncode == 0, r.stdout + r.stderr
    assert f"registered {len(letters) - 0}" not in r.stdout and "already known" in r.stdout
    st = json.loads(run_cli("status", "--json", home=home).stdout)
    assert st["documents"] == len(letters) and st["duplicates"] == 0 and st["pending"]["tasks-jsonl"] == 0
    ids = [json.loads(x)["id"] for x in (home / "exports" / "tasks.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(ids) == len(set(ids)) == st["tasks"]


def test_cli_correct_requeue_and_status_json(tmp_path):
    home = tmp_path / "home"
    folder = tmp_path / "in"
    drop(folder, "05_")
    home.mkdir()
    (home / "circulars.toml").write_text(
        '[sinks.j]\ntype = "jsonl"\npath = "t.jsonl"\n'
        '[sinks.down]\ntype = "webhook"\nurl = "http://127.0.0.1:9/hook"\nmax_attempts = 1\ntimeout_seconds = 1\n',
        encoding="utf-8")
    assert run_cli("ingest", str(folder), home=home).returncode == 0
    st = json.loads(run_cli("status", "--json", home=home).stdout)
    assert {"documents", "pages", "letters", "tasks", "duplicates", "failed", "failed_files", "outbox", "pending",
            "dead", "corrections", "last_arrival"} <= set(st)
    assert st["outbox"]["down"] == {"dead": st["tasks"]} and len(st["dead"]) == st["tasks"]
    assert "requeue" in run_cli("status", home=home).stdout
    tid = json.loads((home / "t.jsonl").read_text(encoding="utf-8").splitlines()[0])["id"]
    r = run_cli("correct", f"task:{tid[:8]}", "assignee", "งานสารบรรณ", home=home)
    assert r.returncode == 0 and f"task:{tid}" in r.stdout, r.stderr
    lines = [json.loads(x) for x in (home / "t.jsonl").read_text(encoding="utf-8").splitlines()]
    assert lines[-1]["id"] == tid and lines[-1]["assignee"] == "งานสารบรรณ" and lines[-1]["corrected"] == ["assignee"]
    assert run_cli("correct", "task:zzzz", "assignee", "x", home=home).returncode == 2
    assert run_cli("reprocess", home=home).returncode == 0
    again = [json.loads(x) for x in (home / "t.jsonl").read_text(encoding="utf-8").splitlines()]
    assert again == lines  # the correction is kept: nothing changed, nothing written
    st = json.loads(run_cli("status", "--json", home=home).stdout)
    assert st["outbox"]["down"] == {"dead": st["tasks"], "superseded": 1}  # the corrected task's old version
    r = run_cli("requeue", "--sink", "down", home=home)
    assert r.returncode == 0 and f"requeued {st['tasks']} dead items" in r.stdout
    st = json.loads(run_cli("status", "--json", home=home).stdout)
    assert st["corrections"] == 1 and st["outbox"]["down"]["dead"] == st["tasks"]  # tried again: still down


def test_ingest_on_two_processes_equals_one(tmp_path):
    """``ingest_many`` with two worker processes: the same documents, tasks and outbox as in one
    process; the same bytes twice in one batch are one document and a duplicate."""
    from circulars.inbox import ingest_many
    from circulars.store import repo
    from circulars.store.schema import TaskRecord

    folder = tmp_path / "in"
    for prefix in ("01_", "02_", "05_", "06_", "08_", "12_", "21_", "22_"):
        drop(folder, prefix)
    drop(folder, "06_", "06-again.txt")
    (folder / "zz-broken.pdf").write_bytes(b"%PDF-1.4 no more")
    files = sorted(folder.iterdir())
    results = {}
    for jobs in (1, 2):
        store = open_store(load_config(Config(home=tmp_path / f"home{jobs}")))
        outs = list(ingest_many(store, files, who="test", jobs=jobs))
        with store.transaction() as s:
            tasks = {t.task_id: t.payload_hash for t in s.scalars(select(TaskRecord))}
            st = repo.status(s)
        results[jobs] = (sorted((o.path.name, o.status) for o in outs), tasks, st["outbox"])
        store.close()
    assert results[1] == results[2]
    statuses = dict(results[2][0])
    assert statuses["zz-broken.pdf"] == "failed" and sorted(statuses.values()).count("registered") == 8
    assert {statuses["06-again.txt"], statuses[next(CORPUS.glob("06_*.txt")).name]} == {"registered", "duplicate"}


def test_watcher_start_removes_temporary_files_left_in_processed_and_failed(store, tmp_path):
    inbox = tmp_path / "inbox"
    dead = subprocess.Popen(["true"])
    dead.wait()
    for name in ("processed", "failed"):
        (inbox / name).mkdir(parents=True)
        (inbox / name / f".tmp-x.error.txt-{dead.pid}").write_bytes(b"half")
    stop = threading.Event()
    stop.set()
    Watcher(store, inbox, "test", stop, tick=0.01).run()
    assert list((inbox / "processed").iterdir()) == [] and list((inbox / "failed").iterdir()) == []
