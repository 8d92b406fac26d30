import datetime as dt

import pytest

from circulars.display import due_text, status_text
from circulars.models import Deadline, Task

D = dt.date
MARCH_15 = D(2024, 3, 15)


def task(kind="by", date=MARCH_15, time=None, start=None, anchor=None):
    return Task(id="x", action="ส่งรายงาน", deadline=Deadline(kind, date, "ภายใน…", start, time, None, anchor, (0, 0)),
                assignee="อำเภอ", report_to=None, channels=[], evidence="…", span=(0, 0))


@pytest.mark.parametrize(
    ("t", "today", "status"),
    [
        pytest.param(task(), D(2024, 3, 20), "เลยกำหนด 5 วัน", id="overdue"),
        pytest.param(task(), D(2024, 3, 15), "วันนี้", id="due-today"),
        pytest.param(task(), D(2024, 3, 14), "อีก 1 วัน", id="tomorrow"),
        pytest.param(task("relative", None, anchor="วันที่ได้รับหนังสือ"), D(2024, 3, 1), "ยังไม่ทราบวัน",
                     id="relative-without-anchor"),
    ],
)
def test_status_text(t, today, status):
    assert status_text(t, today) == status


@pytest.mark.parametrize(
    ("t", "text"),
    [
        pytest.param(task(), "๑๕ มี.ค. ๒๕๖๗", id="by-in-buddhist-era"),
        pytest.param(task(time="16:30"), "๑๕ มี.ค. ๒๕๖๗ 16:30 น.", id="with-time"),
        pytest.param(task("range", start=D(2024, 3, 1)), "๑ มี.ค. ๒๕๖๗ – ๑๕ มี.ค. ๒๕๖๗", id="range"),
        pytest.param(task("relative", None, anchor="วันที่ได้รับหนังสือ"), "(วันที่ได้รับหนังสือ)", id="anchor-only"),
    ],
)
def test_due_text(t, text):
    assert due_text(t) == text
