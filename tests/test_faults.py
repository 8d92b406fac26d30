"""The fault run of issue 5 (``bench/fault_run.py``) with its small plan, on SQLite and on
PostgreSQL: ``circulars watch`` as a subprocess; 16 files dropped while it runs (8 text
letters and 2 generated PDFs, of which one of each written slowly over 3 s; 3 duplicates;
3 corrupt files: zero bytes, a password-protected PDF, a truncated PDF); the watcher
SIGKILLed twice mid-way and restarted. Afterwards every good file is stored once, every
task is once in JSONL, CSV, the ICS feed, a real Radicale and a webhook receiver that fails
its first calls, the corrupt files are in failed/ with reasons, and every original is in
the archive and in processed/ or failed/. The judged run (50 files, 10 s slow writes) is
``python bench/fault_run.py [--db postgresql]``."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench" / "fault_run.py"


def _fault_run():
    spec = importlib.util.spec_from_file_location("fault_run", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules["fault_run"] = module
    spec.loader.exec_module(module)
    return module


fault_run = _fault_run()


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request):
    if request.param == "postgresql" and not os.environ.get("CIRCULARS_TEST_PG_URL"):
        pytest.skip("PostgreSQL fault run needs CIRCULARS_TEST_PG_URL; .ci/run (scripts/pg-test-server.sh) starts "
                    "a server on loopback")
    return request.param


def test_small_plan_has_every_fault_kind():
    plan = fault_run.SMALL
    items = fault_run.make_inputs(plan)
    kinds = {i.kind for i in items}
    assert kinds == {"good", "slow", "duplicate", "corrupt"} and len(items) == plan.files == 16
    corrupt = {i.name: i.data for i in items if i.kind == "corrupt"}
    assert corrupt["empty-scan.pdf"] == b"" and b"/Encrypt" in corrupt["locked.pdf"]
    assert corrupt["truncated.pdf"].startswith(b"%PDF") and b"%%EOF" not in corrupt["truncated.pdf"]
    assert {i.name.rsplit(".", 1)[1] for i in items if i.kind == "slow"} == {"txt", "pdf"}
    assert len(plan.kills) == 2 and plan.slow_seconds > 4 * plan.settle  # pieces 0.3 s apart, settle 0.6 s
    dups = [i for i in items if i.kind == "duplicate"]
    assert all(any(g.data == d.data for g in items if g.kind == "good") for d in dups)


def test_watch_survives_two_sigkills_and_delivers_each_task_once(tmp_path, db):
    report = fault_run.run(db, tmp_path, fault_run.SMALL)
    print(report.table())
    log = tmp_path / "watch.log"
    assert report.ok, report.table() + "\n--- watch.log ---\n" + (log.read_text() if log.exists() else "")
