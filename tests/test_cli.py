"""The command line: outputs, bad input in a batch, exit codes."""

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import icalendar
import pytest

from circulars.cli import main
from circulars.contract import validate

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "letters"
LETTER = CORPUS / "04_school-lunch-report.txt"


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_extract_json_is_schema_valid(capsys):
    code, out, _ = run(capsys, "extract", LETTER, "--json")
    assert code == 0
    doc = json.loads(out)
    validate(doc)
    assert doc["source"]["method"] == "text"
    assert doc["letters"][0]["reference"]["text"] == "ศธ 04056.12/45"


def test_extract_summary_shows_buddhist_era_dates(capsys):
    code, out, _ = run(capsys, "extract", LETTER)
    assert code == 0
    assert "ที่: ศธ 04056.12/45" in out
    assert "๒๕๖๗" in out or "๒๕๖๖" in out


def test_text_prints_normalised_text(capsys):
    code, out, _ = run(capsys, "text", CORPUS / "02_sports-day-bundle.txt")
    assert code == 0
    assert "ํา" not in out and "เเ" not in out


@pytest.mark.parametrize(
    "name, content, reason",
    [
        pytest.param("empty.txt", b"", "the file is empty", id="empty"),
        pytest.param("junk.txt", bytes(range(256)) * 8, "binary", id="binary-junk"),
        pytest.param("broken.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", "cannot be opened as PDF", id="corrupt-pdf"),
        pytest.param("broken.docx", b"PK\x03\x04 not really a zip", "cannot be opened as DOCX", id="corrupt-docx"),
    ],
)
def test_bad_input_names_the_file_and_the_batch_goes_on(tmp_path, capsys, name, content, reason):
    bad = tmp_path / name
    bad.write_bytes(content)
    code, out, err = run(capsys, "extract", bad, LETTER, "--json")
    assert code == 3
    assert str(bad) in err and reason in err
    lines = [json.loads(x) for x in out.splitlines() if x.strip()]
    assert [d["source"]["path"] for d in lines] == [str(LETTER)]
    assert bad.read_bytes() == content  # the original is left as it was


def test_missing_file_is_a_usage_error(tmp_path, capsys):
    code, _, err = run(capsys, "extract", tmp_path / "nope.txt")
    assert code == 2 and "no such file" in err


def test_too_large_file(tmp_path, capsys):
    big = tmp_path / "big.txt"
    big.write_text("ที่ มท ๑/๒\n" * 20000, encoding="utf-8")
    code, _, err = run(capsys, "--max-mb", "0.01", "extract", big)
    assert code == 3 and "more than the limit" in err


def test_tis620_file_is_decoded(capsys):
    code, out, _ = run(capsys, "extract", CORPUS / "20_tis620.txt", "--json")
    assert code == 0
    assert json.loads(out)["letters"][0]["subject"]


def test_tasks_formats(capsys, tmp_path):
    code, out, _ = run(capsys, "tasks", CORPUS / "01_drought-bundle.txt", "--format", "jsonl")
    rows = [json.loads(x) for x in out.splitlines()]
    assert code == 0 and rows and all(r["id"] and r["deadline"] for r in rows)
    dates = [r["deadline"]["date"] for r in rows if r["deadline"]["date"]]
    assert dates == sorted(dates)
    code, out, _ = run(capsys, "tasks", CORPUS / "01_drought-bundle.txt", "--format", "csv")
    assert out.startswith("\ufeffรหัสงาน,กำหนดส่ง")
    assert len(out.strip().splitlines()) == len(rows) + 1


def test_tasks_ics_is_valid_icalendar(capsys):
    main(["tasks", str(CORPUS / "06_memo-vhv-training.txt"), str(CORPUS / "01_drought-bundle.txt"), "--format", "ics"])
    out = capsys.readouterr().out
    cal = icalendar.Calendar.from_ical(out)
    comps = [c for c in cal.walk() if c.name in ("VTODO", "VEVENT")]
    assert comps and all(str(c["uid"]).endswith("@circulars") for c in comps)
    assert any(c.name == "VEVENT" for c in comps) and any(c.name == "VTODO" and "due" in c for c in comps)
    # the training of 21 Aug 2567 at 09.00 is in Thai time, with its VTIMEZONE
    (event,) = [c for c in comps if c.name == "VEVENT" and c.decoded("dtstart").date() == dt.date(2024, 8, 21)]
    start = event.decoded("dtstart")
    assert (start.hour, start.minute, start.utcoffset()) == (9, 0, dt.timedelta(hours=7))
    assert [str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")] == ["Asia/Bangkok"]


def test_tasks_table_sorted_by_due_date_with_status(capsys):
    code, out, _ = run(capsys, "tasks", CORPUS / "01_drought-bundle.txt", "--today", "2023-12-20")
    assert code == 0
    assert all(h in out for h in ("กำหนด", "ประเภท", "สถานะ", "งานที่ต้องทำ", "ผู้รับผิดชอบ", "รายงานถึง", "หนังสือ"))
    statuses = ["เลยกำหนด 5 วัน", "วันนี้", "อีก 5 วัน", "อีก 11 วัน", "อีก 16 วัน", "อีก 163 วัน"]
    body = out[out.index("สถานะ"):]
    positions = [body.index(s) for s in statuses]
    assert positions == sorted(positions)  # sorted by due date, the overdue one first
    assert "๒๕ ธ.ค. ๒๕๖๖ 16:30 น." in out and "๑ ธ.ค. ๒๕๖๖ – ๓๑ พ.ค. ๒๕๖๗" in out  # BE dates, times, ranges


def test_console_script_runs():
    exe = Path(sys.executable).with_name("circulars")
    r = subprocess.run([str(exe), "--version"], check=False, capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout.startswith("circulars ")


def test_eval_prints_fields(capsys):
    code, out, _ = run(capsys, "eval", CORPUS)
    assert code == 0 and "reference" in out and "letters with all header fields right" in out


def test_task_ids_identical_across_processes():
    exe = Path(sys.executable).with_name("circulars")

    def ids(seed: str) -> list[str]:
        r = subprocess.run([str(exe), "tasks", str(CORPUS), "--format", "jsonl"], check=True, capture_output=True,
                           text=True, env={**os.environ, "PYTHONHASHSEED": seed})
        return [json.loads(line)["id"] for line in r.stdout.splitlines()]

    first = ids("1")
    assert len(first) > 50 and len(set(first)) == len(first)
    assert ids("2") == first
