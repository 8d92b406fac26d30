"""The store: migrations, documents, letters, tasks, duplicates, corrections kept across
reprocess, status. Against an in-memory SQLite, a real SQLite file, and a real PostgreSQL
when CIRCULARS_TEST_PG_URL is set."""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, select, text

from circulars.config import Config, load_config
from circulars.inbox import ingest_file, reprocess
from circulars.store import open_store, repo
from circulars.store.schema import (
    CitationRow,
    DocumentRow,
    EventRow,
    LetterRow,
    OutboxRow,
    StampRow,
    TaskRecord,
)

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "letters"
TABLES = {"documents", "arrivals", "letters", "citations", "links", "stamps", "tasks", "corrections", "events",
          "outbox", "alembic_version"}


def corpus_file(tmp_path: Path, name: str, new_name: str | None = None) -> Path:
    src = next(CORPUS.glob(f"{name}*.txt"))
    dst = tmp_path / "in" / (new_name or src.name)
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)
    return dst


@pytest.fixture
def mem_store(tmp_path):
    store = open_store(load_config(Config(home=tmp_path / "home"), db="sqlite://"))
    yield store
    store.close()


@pytest.fixture
def file_store(tmp_path):
    store = open_store(load_config(Config(home=tmp_path / "home")))
    yield store
    store.close()


@pytest.fixture
def pg_store(tmp_path):
    url = os.environ.get("CIRCULARS_TEST_PG_URL")
    if not url:
        pytest.skip("PostgreSQL tests need CIRCULARS_TEST_PG_URL (e.g. postgresql+psycopg://postgres@127.0.0.1:54329/"
                    "postgres); .ci/run starts one on loopback")
    name = f"circulars_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    db_url = admin.url.set(database=name).render_as_string(hide_password=False)
    store = open_store(load_config(Config(home=tmp_path / "home"), db=db_url))
    yield store
    store.close()
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite-memory", "sqlite-file", "postgresql"])
def any_store(request):
    return request.getfixturevalue({"sqlite-memory": "mem_store", "sqlite-file": "file_store",
                                    "postgresql": "pg_store"}[request.param])


def test_migrations_create_every_table_and_reopen(tmp_path):
    config = load_config(Config(home=tmp_path / "home"))
    open_store(config).close()
    store = open_store(config)  # a second open finds the schema at head and changes nothing
    assert TABLES <= set(inspect(store.engine).get_table_names())
    with store.engine.connect() as c:
        assert c.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert c.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0003"
    assert (tmp_path / "home" / "circulars.db").is_file()


def test_store_made_at_0001_is_migrated_keeping_its_outbox(tmp_path):
    from alembic import command
    from alembic.config import Config as AlembicConfig

    from circulars.store.engine import make_engine

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", "circulars.store:migrations")
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.execute(text("INSERT INTO outbox (sink, task_id, payload_hash, state, attempts, next_try, created_at) "
                          "VALUES ('j', 't1', 'h1', 'sent', 1, '2026-11-30 00:00:00', '2026-11-30 00:00:00')"))
    engine.dispose()
    store = open_store(load_config(Config(home=tmp_path / "home"), db=url))
    with store.transaction() as s:
        row = s.scalar(select(OutboxRow))
        assert (row.task_id, row.state, row.op, row.version) == ("t1", "sent", "upsert", 1)
    store.close()


def test_ingest_records_document_letters_tasks(any_store, tmp_path):
    path = corpus_file(tmp_path, "01_")
    out = ingest_file(any_store, path, who="test")
    assert out.status == "registered" and out.letters >= 2 and out.tasks >= 1
    with any_store.transaction() as s:
        doc = s.scalar(select(DocumentRow))
        assert doc.sha256 == out.sha256 and doc.original_name == path.name and doc.arrivals == 1
        assert (any_store.config.home / doc.archive_path).read_bytes() == path.read_bytes()
        letters = list(s.scalars(select(LetterRow).order_by(LetterRow.index)))
        assert len(letters) == out.letters
        assert letters[0].reference and letters[0].subject and letters[0].data["kind"] == letters[0].kind
        assert len(list(s.scalars(select(TaskRecord)))) == out.tasks
        assert s.scalars(select(CitationRow)).first() is not None
        assert s.scalars(select(StampRow)).first() is not None
        kinds = [e.kind for e in s.scalars(select(EventRow))]
        assert kinds == ["ingested"]
        outbox = list(s.scalars(select(OutboxRow)))
        assert len(outbox) == out.tasks * len(any_store.sink_names)


def test_same_bytes_twice_is_one_document_two_arrivals(any_store, tmp_path):
    first = ingest_file(any_store, corpus_file(tmp_path, "05_"), who="test")
    again = ingest_file(any_store, corpus_file(tmp_path, "05_", "copy.txt"), who="test")
    seen = ingest_file(any_store, tmp_path / "in" / "copy.txt", who="test")  # the same arrival, e.g. after a crash
    assert (first.status, again.status, seen.status) == ("registered", "duplicate", "known")
    with any_store.transaction() as s:
        assert [d.arrivals for d in s.scalars(select(DocumentRow))] == [2]
        st = repo.status(s)
    assert st["documents"] == 1 and st["duplicates"] == 1
    assert sum(st["outbox"]["tasks-jsonl"].values()) == first.tasks


def test_corrections_survive_reprocess(any_store, tmp_path):
    out = ingest_file(any_store, corpus_file(tmp_path, "01_"), who="test")
    with any_store.transaction() as s:
        task = s.scalars(select(TaskRecord).order_by(TaskRecord.id)).first()
        tid, before = task.task_id, task.payload_hash
        repo.correct(s, f"task:{tid}", "assignee", "งานสารบรรณ", "clerk", any_store.sink_names)
        repo.correct(s, f"letter:{out.sha256}:0", "subject", "เรื่องที่แก้แล้ว", "clerk", any_store.sink_names)
    counts = reprocess(any_store, "test")
    assert counts["reprocessed"] == 1 and counts["failed"] == 0
    with any_store.transaction() as s:
        task = repo.task_data(s, tid)
        assert task.data["assignee"] == "งานสารบรรณ" and task.data["corrected"] == ["assignee"]
        assert task.payload_hash != before
        letter = s.scalar(select(LetterRow).where(LetterRow.index == 0))
        assert letter.subject == "เรื่องที่แก้แล้ว" and letter.data["subject"] == "เรื่องที่แก้แล้ว"
        pending = s.scalars(select(OutboxRow).where(OutboxRow.task_id == tid, OutboxRow.state == "pending")).all()
        assert {p.payload_hash for p in pending} == {task.payload_hash}  # the old version is superseded
        assert [e.kind for e in s.scalars(select(EventRow).order_by(EventRow.id))].count("corrected") == 2


def test_reprocess_unchanged_queues_nothing(file_store, tmp_path):
    ingest_file(file_store, corpus_file(tmp_path, "05_"), who="test")
    with file_store.transaction() as s:
        n = len(s.scalars(select(OutboxRow)).all())
    assert reprocess(file_store, "test")["with changed tasks"] == 0
    with file_store.transaction() as s:
        assert len(s.scalars(select(OutboxRow)).all()) == n


def test_status_counts_failed_files(mem_store, tmp_path):
    bad = tmp_path / "in" / "broken.pdf"
    bad.parent.mkdir(parents=True)
    bad.write_bytes(b"%PDF-1.7\n garbage that is no pdf")
    out = ingest_file(mem_store, bad, who="test")
    assert out.status == "failed" and out.reason
    with mem_store.transaction() as s:
        st = repo.status(s)
    assert st["failed"] == 1 and st["failed_files"][0]["name"] == "broken.pdf" and st["documents"] == 0


def test_config_file_sets_db_and_sinks(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / "circulars.toml").write_text(
        'db = "sqlite:///%s"\n[inbox]\nsettle_seconds = 0.5\n[sinks.feed]\ntype = "ics"\npath = "out/feed.ics"\n'
        '[sinks.tracker]\ntype = "webhook"\nurl = "http://127.0.0.1:9/hook"\nmax_attempts = 3\n' % (tmp_path / "x.db"),
        encoding="utf-8")
    config = load_config(home=home)
    assert config.database_url == f"sqlite:///{tmp_path / 'x.db'}" and config.settle_seconds == 0.5
    assert [(c.name, c.type) for c in config.sinks] == [("feed", "ics"), ("tracker", "webhook")]
    assert config.sinks[0].path == home / "out" / "feed.ics" and config.sinks[1].max_attempts == 3
    assert load_config(home=home, db="sqlite://").database_url == "sqlite://"


def test_correction_follows_a_task_whose_id_changed_on_reprocess(any_store, tmp_path):
    """The extractors improved and read a task's evidence a little differently (a new id):
    the manual correction moves to the new task instead of being lost."""
    from circulars.inbox import Arrival, extract_archived

    out = ingest_file(any_store, corpus_file(tmp_path, "06_"), who="test")
    with any_store.transaction() as s:
        doc = repo.find_document(s, out.sha256)
        archived = any_store.config.home / doc.archive_path
        old = s.scalars(select(TaskRecord).where(TaskRecord.letter_index.is_not(None)).order_by(TaskRecord.id)).first()
        old_id = old.task_id
        repo.correct(s, f"task:{old_id}", "assignee", "งานสาธารณสุข", "clerk", any_store.sink_names)
    doc_json, _ = extract_archived(Arrival(Path("x.txt"), 0, "", out.sha256, archived), any_store.config,
                                   lambda *a, **k: None)
    task = next(t for letter in doc_json["letters"] for t in letter["tasks"] if t["id"] == old_id)
    task["id"], task["evidence"] = "0123456789abcdef", task["evidence"] + " ภายในกำหนด"
    with any_store.transaction() as s:
        repo.store_extraction(s, repo.find_document(s, out.sha256), doc_json, any_store.sink_names, "test")
    with any_store.transaction() as s:
        assert repo.task_data(s, old_id) is None
        new = repo.task_data(s, "0123456789abcdef")
        assert new.data["assignee"] == "งานสาธารณสุข" and new.data["corrected"] == ["assignee"]
        kinds = [e.kind for e in s.scalars(select(EventRow).order_by(EventRow.id))]
        assert "correction-carried" in kinds and "task-withdrawn" in kinds


def test_event_log_is_append_only(any_store, tmp_path):
    from circulars.errors import StoreError

    ingest_file(any_store, corpus_file(tmp_path, "08_"), who="test")
    with pytest.raises(StoreError, match="append-only"), any_store.transaction() as s:
        s.scalars(select(EventRow)).first().kind = "forged"
    with pytest.raises(StoreError, match="append-only"), any_store.transaction() as s:
        s.delete(s.scalars(select(EventRow)).first())
    with any_store.transaction() as s:
        repo.add_event(s, "exported", "test", subject="j")  # adding is fine
        assert [e.kind for e in s.scalars(select(EventRow).order_by(EventRow.id))] == ["ingested", "exported"]
