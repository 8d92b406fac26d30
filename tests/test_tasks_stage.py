"""The task stage over whole documents: cover-letter marking, attachment de-duplication, stable ids."""

import datetime as dt

from circulars.pipeline import extract_text

LETTER = """ด่วนที่สุด
ที่ มท ๐๘๑๒/ว ๓๔๕๔
กรมส่งเสริมการปกครองท้องถิ่น
๒๖ กันยายน ๒๕๖๖
เรื่อง ขอเชิญเข้าร่วมการประชุม
เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด
สิ่งที่ส่งมาด้วย บัญชีแนบท้าย จำนวน ๑ ฉบับ

จึงขอความร่วมมือจังหวัดแจ้งสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด เข้าร่วมการประชุม ทั้งนี้ โปรดตอบรับการเข้าร่วมการประชุมฯ ภายในวันพุธที่ ๔ ตุลาคม ๒๕๖๖

จึงเรียนมาเพื่อโปรดพิจารณา
ขอแสดงความนับถือ
(นายสุรพล เจริญภูมิ)
รองอธิบดี ปฏิบัติราชการแทน
อธิบดีกรมส่งเสริมการปกครองท้องถิ่น
กลุ่มพัฒนาระบบบริหาร
โทร. ๐ ๒๒๔๑ ๙๐๐๐

บัญชีแนบท้าย
๑. แบบตอบรับการเข้าร่วมการประชุมฯ (โปรดตอบรับการเข้าร่วมการประชุมฯ ภายในวันพุธที่ ๔ ตุลาคม ๒๕๖๖)
๒. แบบรายงานผล โปรดส่งแบบรายงานให้กรมทราบ ภายในวันที่ ๓๑ ตุลาคม ๒๕๖๖
"""


def test_attachment_restating_the_letters_task_is_not_a_second_task():
    doc = extract_text(LETTER)
    (letter,) = doc.letters
    assert [t.deadline.date for t in letter.tasks] == [dt.date(2023, 10, 4)]
    (att,) = doc.attachments
    assert [t.deadline.date for t in att.tasks] == [dt.date(2023, 10, 31)]


def test_task_ids_are_identical_across_runs():
    first = [t.id for t in extract_text(LETTER).letters[0].tasks]
    second = [t.id for t in extract_text(LETTER).letters[0].tasks]
    assert first == second and len(first[0]) == 16


def test_cover_letter_tasks_are_addressed_to_the_receiver():
    bundle = LETTER.replace("ที่ มท ๐๘๑๒/ว ๓๔๕๔", "ที่ มท ๐๘๑๒/ว ๓๔๕๕") + "\n" + LETTER
    doc = extract_text(bundle)
    assert [all(t.addressed_to_receiver for t in letter.tasks) for letter in doc.letters] == [True, False]
