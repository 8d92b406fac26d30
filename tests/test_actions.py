"""Tasks of a letter body: units, instruction detection, assignee, report_to, channels,
stable ids. Bodies marked (seed) are copied from the letters in shared/seeds."""

from __future__ import annotations

import datetime as dt

import pytest

from circulars.extractors.actions import find_channels, find_tasks, split_units, task_id

D = dt.date
REF = D(2023, 10, 12)
RECIPIENTS = ["ผู้ว่าราชการจังหวัด ทุกจังหวัด"]

# seed: กรมส่งเสริมการปกครองท้องถิ่น ที่ มท ๐๘๑๒/ว ๕๒๒๘ (background, intro, three items)
DLA_BODY = """ตามที่ กรมส่งเสริมการปกครองท้องถิ่นได้จัดประชุมชี้แจงแนวทางการดำเนินการสำหรับ
องค์กรปกครองส่วนท้องถิ่นในการเป็นศูนย์บริการร่วม/ศูนย์บริการแบบเบ็ดเสร็จ (One Stop Service : OSS)
เมื่อวันที่ ๑๑ ตุลาคม ๒๕๖๖ เวลา ๐๙.๐๐ น. ผ่านสื่ออิเล็กทรอนิกส์ ความละเอียดตามที่อ้างถึง นั้น

ในการนี้ เพื่อให้การรายงานผลการเปิดให้บริการศูนย์บริการร่วม/ศูนย์บริการแบบเบ็ดเสร็จ
(One Stop Service : OSS) ขององค์กรปกครองส่วนท้องถิ่น เป็นไปด้วยความเรียบร้อย กรมส่งเสริม
การปกครองท้องถิ่น จึงขอความร่วมมือจังหวัด ดำเนินการดังนี้

๑. แจ้งองค์กรปกครองส่วนท้องถิ่น รายงานการเปิดให้บริการศูนย์บริการร่วม/ศูนย์บริการ
แบบเบ็ดเสร็จ (One Stop Service : OSS) ขององค์กรปกครองส่วนท้องถิ่น รายละเอียดปรากฏตามบัญชีแนบท้าย ๑
ให้สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดทราบ ภายในวันที่ ๑ พฤศจิกายน ๒๕๖๖

๒. แจ้งองค์กรปกครองส่วนท้องถิ่น จัดทำแผนการดำเนินการจัดตั้งศูนย์บริการร่วม/ศูนย์บริการ
แบบเบ็ดเสร็จ (One Stop Service : OSS) ขององค์กรปกครองส่วนท้องถิ่น รายละเอียดปรากฏตามบัญชีแนบท้าย ๒
ให้สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดทราบ ภายในวันที่ ๑ พฤศจิกายน ๒๕๖๖

๓. ให้สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด รวบรวมและรายงานข้อมูลตามข้อ ๑ - ๒
ให้กรมส่งเสริมการปกครองท้องถิ่นทราบ ภายในวันที่ ๕ พฤศจิกายน ๒๕๖๖ ทั้งทางเอกสารและไปรษณีย์
อิเล็กทรอนิกส์ opdccla0812@gmail.com โดยส่งในรูปแบบไฟล์ .pdf และตั้งชื่อเรื่องในการส่ง e - mail ว่า
“ชื่อจังหวัด_รายงานการเปิดศูนย์ OSS ของ อปท.”

จึงเรียนมาเพื่อโปรดพิจารณา
"""

# seed: จังหวัดชัยภูมิ (a background paragraph that only reports what others were asked)
PROVINCE_BODY = """ด้วย กระทรวงมหาดไทยได้แจ้งแนวทางการดำเนินการสำหรับองค์กรปกครองส่วนท้องถิ่น ในการเป็นศูนย์บริการร่วม \
โดยเป็นศูนย์บริการ ที่องค์กรปกครองส่วนท้องถิ่นจัดตั้งขึ้น และให้องค์กรปกครองส่วนท้องถิ่น รวบรวมข้อมูลจากแบบสำรวจ \
ความพึงพอใจของผู้รับบริการรายงานให้สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดทราบเป็นรายไตรมาส ภายในวันที่ ๓๐ ของทุกเดือน \
ผ่านระบบข้อมูลกลางขององค์กรปกครองส่วนท้องถิ่น (ระบบ INFO)

ดังนั้น เพื่อให้การรายงานผลการเปิดให้บริการศูนย์บริการร่วม ขององค์กรปกครองส่วนท้องถิ่นเป็นไปด้วยความเรียบร้อย \
จึงให้องค์กรปกครองส่วนท้องถิ่นทุกแห่งดำเนินการ ดังนี้

๑. รายงานการเปิดให้บริการศูนย์บริการร่วม ให้สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดชัยภูมิทราบ ตาม แบบฟอร์มฯ \
ภายในวันที่ ๑ พฤศจิกายน ๒๕๖๖

๒. จัดทำแผนดำเนินการจัดตั้งศูนย์บริการร่วม ให้สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดทราบ ตามแบบฟอร์มฯ \
ภายในวันที่ ๑ พฤศจิกายน ๒๕๖๖

เพื่อจะได้.....

ทั้งนี้ การรายงานให้รายงานข้อมูลตามข้อ ๑ - ๒ ทั้งทางเอกสารและไปรษณีย์อิเล็กทรอนิกส์ cpm2560@Hotmail.com \
โดยส่งในรูปแบบไฟล์ .pdf รายละเอียดปรากฏตามสิ่งที่ส่งมาด้วย
"""

# seed: แนวทางการดำเนินการ (the quarterly schedule)
SCHEDULE_BODY = """๕. การรายงานผลการดำเนินการ

๑) ให้องค์กรปกครองส่วนท้องถิ่นรวบรวมข้อมูลจากแบบสำรวจความพึงพอใจของผู้รับบริการ รายงานให้สำนักงานส่งเสริมการปกครอง\
ท้องถิ่นจังหวัดทราบเป็นรายไตรมาส ภายในวันที่ ๓๐ ของเดือน ผ่านระบบข้อมูลกลางองค์กรปกครองส่วนท้องถิ่น (ระบบ INFO) \
ในชื่อ “แบบรายงานการให้บริการของศูนย์ OSS ของ อปท.” รายละเอียด ดังนี้

- (๑) ไตรมาสที่ ๑ รายงานภายในวันที่ ๓๐ ธันวาคม ๒๕๖๖
- (๒) ไตรมาสที่ ๒ รายงานภายในวันที่ ๓๐ มีนาคม ๒๕๖๗
- (๓) ไตรมาสที่ ๓ รายงานภายในวันที่ ๓๐ มิถุนายน ๒๕๖๗
- (๔) ไตรมาสที่ ๔ รายงานภายในวันที่ ๓๐ กันยายน ๒๕๖๗
"""

# seed: the invitation of ที่ มท ๐๘๑๒/ว ๓๔๕๔ (an event and a reply in one paragraph)
INVITATION = (
    "กรมส่งเสริมการปกครองท้องถิ่นพิจารณาแล้ว เพื่อให้การดำเนินการเกิดความชัดเจน จึงได้กำหนดจัดการประชุม"
    "ชี้แจงแนวทางการดำเนินการ ในวันพุธที่ ๑๑ ตุลาคม ๒๕๖๖ เวลา ๐๙.๐๐ - ๑๔.๐๐ น. ผ่านสื่ออิเล็กทรอนิกส์ "
    "ดังนั้น จึงขอความร่วมมือจังหวัดแจ้งสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด มอบหมายท้องถิ่นจังหวัดหรือผู้แทน "
    "เข้าร่วมการประชุมฯ ผ่านระบบ Zoom Video Webinars ตามวันและเวลาดังกล่าว ทั้งนี้ โปรดตอบรับการเข้าร่วม"
    "การประชุมฯ ภายในวันพุธที่ ๔ ตุลาคม ๒๕๖๖ และสามารถดาวน์โหลดเอกสารประกอบการประชุมฯ ได้ "
    "ตั้งแต่วันที่ ๒ ตุลาคม ๒๕๖๖ เป็นต้นไป รายละเอียดปรากฏตามสิ่งที่ส่งมาด้วย"
)

# seed: the footnote of the GECC report form, with its channels in the next paragraph
FORM_NOTE = """กรุณาส่งแบบรายงานฯ ให้กองวิชาการและแผนงาน ภายในวันจันทร์ที่ ๑๕ กุมภาพันธ์ ๒๕๖๔ ก่อนเวลา ๑๖.๓๐ น.

ทั้งทางเอกสารและทางจดหมายอิเล็กทรอนิกส์ borpor.dopa@gmail.com ทางโทรสาร ๐ ๒๒๒๕ ๔๘๘๖
"""

# seed: จังหวัดสกลนคร (intro ขอให้อำเภอ, an item with two deadlines after a page break)
SAKON_BODY = """จังหวัดสกลนครพิจารณาแล้วเห็นว่า เพื่อให้การพัฒนามาตรฐานการให้บริการประชาชน เป็นไปด้วยความเรียบร้อย \
และบรรลุวัตถุประสงค์ จึงขอให้อำเภอดำเนินการ ดังนี้

๑. ให้ความสำคัญการพัฒนามาตรฐานการให้บริการประชาชนภายใต้แนวคิด “อำเภอ ... วิถีใหม่” ซึ่งเป็นมาตรฐานสากล

/๒. สำนักทะเบียน...

“อยู่สกล รักสกล ทำเพื่อสกลนคร”

๒. สำนักทะเบียนอำเภอนอกกลุ่มเป้าหมาย (เพิ่มเติม) ที่มีความประสงค์เข้าร่วมการสมัคร
ให้ดำเนินการลงทะเบียน เพื่อสมัครขอรับรองมาตรฐานศูนย์ราชการสะดวก ผ่านทางระบบออนไลน์ ทางเว็บไซต์
www.psc.opm.go.th โดยดำเนินการให้แล้วเสร็จ และรายงาน Username (E-mail) และ Password ให้จังหวัดสกลนคร \
ทราบ ภายในวันที่ ๒๙ มกราคม ๒๕๖๔ และรายงานการกรอกข้อมูลใบสมัครในระบบออนไลน์ ตามแบบรายงานที่กำหนด \
(สิ่งที่ส่งมาด้วย ๕) ให้จังหวัดสกลนคร ทราบ ภายในวันที่ ๑๐ กุมภาพันธ์ ๒๕๖๔
"""


def tasks_of(text: str, **kw):
    kw.setdefault("letter_key", "มท 0812/ว 5228|2023-10-12")
    kw.setdefault("recipients", RECIPIENTS)
    kw.setdefault("reference", REF)
    return find_tasks(text, **kw)


# ---------------------------------------------------------------- seed letters


def test_dla_items_under_a_request_intro():
    tasks = tasks_of(DLA_BODY)
    assert [t.deadline.date for t in tasks] == [D(2023, 11, 1), D(2023, 11, 1), D(2023, 11, 5)]
    assert [t.assignee for t in tasks] == ["จังหวัด", "จังหวัด", "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด"]
    assert [t.report_to for t in tasks] == ["สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด"] * 2 + [
        "กรมส่งเสริมการปกครองท้องถิ่น"]


def test_dla_item_three_channels_and_action():
    task = tasks_of(DLA_BODY)[2]
    assert task.channels == ["เอกสาร", "opdccla0812@gmail.com", ".pdf",
                             "ชื่อเรื่อง “ชื่อจังหวัด_รายงานการเปิดศูนย์ OSS ของ อปท.”"]
    assert task.action == "รวบรวมและรายงานข้อมูลตามข้อ ๑ - ๒ ให้กรมส่งเสริมการปกครองท้องถิ่นทราบ"
    assert task.evidence.startswith("๓. ให้สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด รวบรวม")


def test_background_paragraph_with_a_rule_gives_no_task():
    paragraph = PROVINCE_BODY.split("\n\n")[0]
    assert tasks_of(paragraph) == []


def test_province_items_inherit_the_intro_assignee_and_follow_up_channels():
    tasks = tasks_of(PROVINCE_BODY)
    assert len(tasks) == 2
    assert {t.assignee for t in tasks} == {"องค์กรปกครองส่วนท้องถิ่นทุกแห่ง"}
    assert tasks[0].report_to == "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดชัยภูมิ"
    assert all(t.channels == ["เอกสาร", "cpm2560@Hotmail.com", ".pdf"] for t in tasks)


def test_quarterly_schedule_gives_one_task_per_listed_date():
    tasks = tasks_of(SCHEDULE_BODY)
    assert [t.deadline.date for t in tasks] == [D(2023, 12, 30), D(2024, 3, 30), D(2024, 6, 30), D(2024, 9, 30)]
    assert {t.deadline.kind for t in tasks} == {"by"}
    assert {t.assignee for t in tasks} == {"องค์กรปกครองส่วนท้องถิ่น"}
    assert {t.report_to for t in tasks} == {"สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด"}
    assert all(t.channels == ["ระบบ INFO"] for t in tasks)
    assert tasks[0].action.endswith("– ไตรมาสที่ ๑ รายงาน")
    assert len({t.id for t in tasks}) == 4


def test_invitation_gives_the_meeting_and_the_reply():
    event, reply = tasks_of(INVITATION)
    assert (event.deadline.kind, event.deadline.date, event.deadline.time) == ("event", D(2023, 10, 11), "09:00")
    assert event.assignee == "จังหวัด"
    assert event.channels == ["ระบบ Zoom Video Webinars"]
    assert event.action.startswith("แจ้งสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด มอบหมาย")
    assert (reply.deadline.kind, reply.deadline.date, reply.action) == ("by", D(2023, 10, 4),
                                                                        "ตอบรับการเข้าร่วมการประชุมฯ")


def test_form_note_continues_into_the_channel_paragraph():
    (task,) = tasks_of(FORM_NOTE, recipients=["นายอำเภอ ทุกอำเภอ"])
    assert (task.deadline.date, task.deadline.time) == (D(2021, 2, 15), "16:30")
    assert task.action == "ส่งแบบรายงานฯ ให้กองวิชาการและแผนงาน"
    assert task.assignee == "นายอำเภอ ทุกอำเภอ"
    assert task.report_to == "กองวิชาการและแผนงาน"
    assert task.channels == ["เอกสาร", "borpor.dopa@gmail.com", "โทรสาร 0 2225 4886"]


def test_item_with_two_deadlines_across_a_page_break():
    tasks = tasks_of(SAKON_BODY, recipients=["นายอำเภอ ทุกอำเภอ (ยกเว้นอำเภอพรรณานิคม)"])
    assert [t.deadline.date for t in tasks] == [D(2021, 1, 29), D(2021, 2, 10)]
    assert [t.assignee for t in tasks] == ["อำเภอ", "อำเภอ"]
    assert tasks[0].action.startswith("ดำเนินการลงทะเบียน เพื่อสมัครขอรับรองมาตรฐาน")
    assert tasks[1].action.startswith("รายงานการกรอกข้อมูลใบสมัครในระบบออนไลน์")
    assert tasks[0].channels == ["www.psc.opm.go.th"]
    assert [t.report_to for t in tasks] == ["จังหวัดสกลนคร", "จังหวัดสกลนคร"]


# ---------------------------------------------------------------- instructions and assignees


@pytest.mark.parametrize(
    ("text", "assignee"),
    [
        pytest.param("๒.๓ ให้องค์กรปกครองส่วนท้องถิ่น รวบรวมข้อมูลแล้วรายงาน ภายในวันที่ ๓๐ ธันวาคม ๒๕๖๖",
                     "องค์กรปกครองส่วนท้องถิ่น", id="seed-imperative-subject"),
        pytest.param("จึงขอความร่วมมือจังหวัดแจ้งหน่วยงานในสังกัด ภายในวันที่ ๓๐ ตุลาคม ๒๕๖๖", "จังหวัด",
                     id="cooperation-subject"),
        pytest.param("จึงขอให้อำเภอรายงานผลให้จังหวัดทราบ ภายในวันที่ ๓๐ ตุลาคม ๒๕๖๖", "อำเภอ", id="please-subject"),
        pytest.param("ขอให้ส่งแบบตอบรับ ภายในวันที่ ๓๐ ตุลาคม ๒๕๖๖", "ผู้ว่าราชการจังหวัด ทุกจังหวัด",
                     id="no-subject-recipients"),
        pytest.param("จึงขอเชิญท่านเข้าร่วมประชุม ในวันศุกร์ที่ ๒๗ ตุลาคม ๒๕๖๖ เวลา ๑๓.๓๐ น.",
                     "ผู้ว่าราชการจังหวัด ทุกจังหวัด", id="reader-is-recipients"),
        pytest.param("โปรดส่งข้อมูลทาง e-mail ภายในวันที่ ๓๐ ตุลาคม ๒๕๖๖", "ผู้ว่าราชการจังหวัด ทุกจังหวัด",
                     id="polite-request"),
        pytest.param("ขอให้ส่งข้อมูลให้จังหวัดตรวจสอบ ภายในวันที่ ๓๐ ตุลาคม ๒๕๖๖", "ผู้ว่าราชการจังหวัด ทุกจังหวัด",
                     id="first-request-decides"),
        pytest.param("ให้ส่งเอกสารให้จังหวัด ภายในวันที่ ๓๐ ตุลาคม ๒๕๖๖ และแจ้งผลด้วย", "ผู้ว่าราชการจังหวัด ทุกจังหวัด",
                     id="no-subject-over-a-date"),
    ],
)
def test_assignee(text, assignee):
    (task,) = tasks_of(text)
    assert task.assignee == assignee


@pytest.mark.parametrize(
    ("text", "assignee"),
    [
        pytest.param("ผู้ประสงค์จะสมัครให้ยื่นใบสมัครด้วยตนเอง ภายในวันที่ ๒๙ มกราคม ๒๕๖๘", "ผู้ประสงค์จะสมัคร",
                     id="subject-before-imperative"),
        pytest.param("ผู้ยื่นข้อเสนอจะต้องยื่นข้อเสนอ ในวันที่ ๓๐ ตุลาคม ๒๕๖๖ เวลา ๐๙.๐๐ น.", "ผู้ยื่นข้อเสนอ",
                     id="subject-before-obligation"),
        pytest.param("๒. จึงให้ ร.๘ จัดกำลังพล จำนวน ๑ กองร้อย ตั้งแต่ ๑๐ ก.ย. ๖๗ ถึง ๓๐ ก.ย. ๖๗", "ร.๘",
                     id="abbreviation-then-space"),
        pytest.param("กลุ่มงานบริหารทั่วไปพิจารณาแล้ว เห็นควรจัดการฝึกซ้อม ภายในวันที่ ๓๐ ตุลาคม ๒๕๖๖", "",
                     id="no-subject-before-a-proposal"),
        pytest.param("ขอให้ปลัดอำเภอผู้รับผิดชอบงานความมั่นคงรายงาน ภายในวันที่ ๓๐ ตุลาคม ๒๕๖๖",
                     "ปลัดอำเภอผู้รับผิดชอบงานความมั่นคง", id="verb-inside-a-noun"),
        pytest.param("๓.๑ ให้เจ้าหน้าที่กลุ่มกำกับและพัฒนาการค้าออกตรวจติดตามราคา ระหว่างวันที่ ๑๙ - ๓๐ กันยายน ๒๕๖๘",
                     "เจ้าหน้าที่กลุ่มกำกับและพัฒนาการค้า", id="verb-inside-a-unit-name"),
        pytest.param("ขอให้หัวหน้าหน่วยงานทุกหน่วยงานตรวจสอบถังดับเพลิง ภายในวันที่ ๓๐ ตุลาคม ๒๕๖๖",
                     "หัวหน้าหน่วยงานทุกหน่วยงาน", id="agency-then-verb"),
    ],
)
def test_assignee_without_recipients(text, assignee):
    (task,) = tasks_of(text, recipients=[])
    assert (task.assignee or "") == assignee


def test_duties_under_a_committee_heading_belong_to_it():
    text = ("๒. คณะกรรมการรับสมัคร\n"
            "๒.๑ นายสุริยา แก้วมณี\tครู\tประธานกรรมการ\n"
            "๒.๒ นางสาวกาญจนา ทองสุข\tครู\tกรรมการและเลขานุการ\n"
            "มีหน้าที่ รับสมัครนักเรียน ระหว่างวันที่ ๘ - ๑๒ มีนาคม ๒๕๖๘ เวลา ๐๘.๓๐ - ๑๖.๓๐ น.\n")
    (task,) = tasks_of(text, recipients=[])
    assert (task.assignee, task.deadline.kind, task.deadline.date) == ("คณะกรรมการรับสมัคร", "range", D(2025, 3, 12))


@pytest.mark.parametrize(
    ("text", "kw", "assignee"),
    [
        pytest.param("ให้คณะทำงานมีหน้าที่ จัดทำแผน ภายในวันที่ ๓๑ ธันวาคม ๒๕๖๖",
                     {"appointees": "คณะทำงานขับเคลื่อนการแก้ไขปัญหาหมอกควัน"}, "คณะทำงานขับเคลื่อนการแก้ไขปัญหาหมอกควัน",
                     id="short-name-of-the-appointees"),
        pytest.param("ให้รายงานผล ภายในวันที่ ๓๑ ธันวาคม ๒๕๖๖", {"appointees": "คณะกรรมการรับนักเรียน"},
                     "คณะกรรมการรับนักเรียน", id="appointees-when-no-subject"),
        pytest.param("ขอให้ยื่นแบบ ภายในวันที่ ๓๑ ธันวาคม ๒๕๖๖", {"audience": "ผู้ที่เกี่ยวข้องตามประกาศ"},
                     "ผู้ที่เกี่ยวข้องตามประกาศ", id="audience-last"),
    ],
)
def test_fallback_assignee_of_orders_and_announcements(text, kw, assignee):
    (task,) = find_tasks(text, letter_key="k", recipients=[], reference=REF, **kw)
    assert task.assignee == assignee


@pytest.mark.parametrize(
    ("text", "report_to"),
    [
        pytest.param("ขอให้อำเภอรายงาน Username ให้กรมการปกครองทราบ ภายในวันที่ ๑ กุมภาพันธ์ พ.ศ. ๒๕๖๔",
                     "กรมการปกครอง", id="seed-let-know"),
        pytest.param("ขอให้หน่วยเสนอความต้องการที่นั่งศึกษา ให้ สปท. ภายใน ๓ ม.ค. ๖๘", "สปท.", id="abbreviated-agency"),
        pytest.param("ขอให้อำเภอส่งร่างคู่มือให้ กพ.ทหาร/ฝ่ายเลขานุการฯ ภายใน ๓๐ เม.ย. ๖๗", "กพ.ทหาร/ฝ่ายเลขานุการฯ",
                     id="agency-with-unit"),
        pytest.param("ขอให้อำเภอส่งข้อมูลให้ นศ.สธท. จัดทำรายงาน ภายใน ๓๐ เม.ย. ๖๗", None, id="agency-that-acts"),
        pytest.param("ขอให้ส่งแบบสำรวจถึงสำนักงานจังหวัด ภายในวันที่ ๓๐ ตุลาคม ๒๕๖๖", "สำนักงานจังหวัด", id="send-to"),
        pytest.param("ให้หัวหน้าชุดรายงานผลการปฏิบัติงานต่อกองสาธารณสุขและสิ่งแวดล้อม ภายในวันที่ ๓๐ ตุลาคม ๒๕๖๖",
                     "กองสาธารณสุขและสิ่งแวดล้อม", id="report-before-an-agency"),
        pytest.param("ขอให้อำเภอรวบรวมข้อมูลแล้วรายงานจังหวัด ภายในวันที่ ๓๐ ตุลาคม ๒๕๖๖", "จังหวัด", id="report-direct-object"),
        pytest.param("ขอให้กรอกแบบตอบรับ และส่งคืนครูประจำชั้น ภายในวันที่ ๓๐ ตุลาคม ๒๕๖๖", "ครูประจำชั้น", id="return-to"),
    ],
)
def test_report_to(text, report_to):
    (task,) = tasks_of(text)
    assert task.report_to == report_to


def test_auxiliary_between_assignee_and_verb():
    (task,) = tasks_of("จึงขอให้ส่วนราชการในสังกัด ได้พิจารณากำหนดหัวข้อเรื่อง ภายในวันที่ ๑๕ ส.ค. ๖๗")
    assert (task.assignee, task.action) == ("ส่วนราชการในสังกัด", "พิจารณากำหนดหัวข้อเรื่อง")
    assert task.deadline.date == D(2024, 8, 15)


def test_subject_after_the_last_deadline_is_not_the_assignee():
    text = "๓.๑ จัดทำคู่มือปฏิบัติงาน ภายใน ๓๐ เม.ย. ๖๗ เพื่อรวบรวมให้คณะกรรมการคัดเลือกผลงานต่อไป"
    (task,) = tasks_of("จึงขอให้อำเภอดำเนินการ ดังนี้\n\n" + text)
    assert task.assignee == "อำเภอ"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("กรมได้จัดส่งเอกสารให้จังหวัดแล้ว ภายในวันที่ ๓๐ ตุลาคม ๒๕๖๖", id="statement"),
        pytest.param("ตามที่ จังหวัดแจ้งให้อำเภอรายงานผล ภายในวันที่ ๓๐ ตุลาคม ๒๕๖๖ นั้น", id="background"),
        pytest.param("๓. เอกสารประกอบการประชุมฯ (สามารถดาวน์โหลดเอกสารฯ ได้ตั้งแต่วันศุกร์ที่ ๖ ตุลาคม ๒๕๖๖ เป็นต้นไป)",
                     id="seed-availability"),
        pytest.param("และกรมได้กำหนดแผนการประชุมชี้แจง ในวันพุธที่ ๑๑ ตุลาคม ๒๕๖๖ โดยจะมีหนังสือแจ้งให้ทราบอีกครั้ง",
                     id="meeting-not-asked-to-attend"),
    ],
)
def test_not_a_task(text):
    assert tasks_of(text) == []


def test_background_passes_the_request_on():
    text = ("ด้วยกรมการปกครองได้ขอให้จังหวัดสำรวจข้อมูล ภายในวันที่ ๑ ตุลาคม ๒๕๖๖ "
            "จึงขอให้อำเภอรายงานข้อมูลให้จังหวัดทราบ ภายในวันที่ ๒๐ ตุลาคม ๒๕๖๖")
    (task,) = tasks_of(text)
    assert (task.deadline.date, task.assignee, task.report_to) == (D(2023, 10, 20), "อำเภอ", "จังหวัด")
    assert task.action == "รายงานข้อมูลให้จังหวัดทราบ"


def test_each_event_of_a_paragraph_has_its_own_request():
    text = ("จึงขอความอนุเคราะห์เชิญชวนเยาวชนส่งผลงานเข้าประกวด ได้ตั้งแต่บัดนี้ถึงวันที่ ๓๐ มิถุนายน ๒๕๖๗ "
            "โดยกระทรวงจะประกาศผลการตัดสินในวันที่ ๑๕ กรกฎาคม ๒๕๖๗ และผู้ได้รับรางวัลต้องเข้าร่วมพิธีมอบรางวัล "
            "ในวันจันทร์ที่ ๒๙ กรกฎาคม ๒๕๖๗ เวลา ๑๓.๐๐ น.")
    tasks = tasks_of(text)
    assert [(t.deadline.kind, t.deadline.date) for t in tasks] == [("by", D(2024, 6, 30)), ("event", D(2024, 7, 29))]
    assert tasks[0].action == "เชิญชวนเยาวชนส่งผลงานเข้าประกวด"
    assert tasks[1].action == "เข้าร่วมพิธีมอบรางวัล"
    assert tasks[1].deadline.time == "13:00"


def test_event_in_an_intro_whose_items_ask_to_attend():
    text = ("เพื่อให้การดำเนินงานเป็นไปในแนวทางเดียวกัน กรมจึงกำหนดจัดประชุมชี้แจงแนวทาง ในวันอังคารที่ 12 มีนาคม 2567 "
            "เวลา 13.30 - 16.30 น. ผ่านระบบ Zoom Meeting จึงขอให้สำนักงานเกษตรจังหวัดดำเนินการ ดังนี้\n"
            "1. ส่งแบบตอบรับการเข้าร่วมประชุมทางไปรษณีย์อิเล็กทรอนิกส์ ภายในวันที่ 8 มีนาคม 2567\n")
    tasks = tasks_of(text)
    assert [(t.deadline.kind, t.deadline.date) for t in tasks] == [("event", D(2024, 3, 12)), ("by", D(2024, 3, 8))]
    assert tasks[0].assignee == "สำนักงานเกษตรจังหวัด"
    assert tasks[0].channels == ["ระบบ Zoom Meeting"]


def test_event_in_background_with_a_request_in_the_next_paragraph():
    text = ("ด้วยกรมพลศึกษาได้กำหนดจัดกิจกรรมส่งเสริมการออกกำลังกาย ในวันจันทร์ที่ ๑๖ ธันวาคม ๒๕๖๗ เวลา ๐๖.๐๐ - ๐๙.๐๐ น.\n\n"
            "ในการนี้ กรมพลศึกษาขอความร่วมมือจังหวัดแจ้งองค์กรปกครองส่วนท้องถิ่น จัดกิจกรรมเดิน วิ่ง และปั่นจักรยาน")
    (task,) = tasks_of(text)
    assert (task.deadline.kind, task.deadline.date, task.deadline.time) == ("event", D(2024, 12, 16), "06:00")
    assert task.assignee == "จังหวัด"
    assert task.action.startswith("แจ้งองค์กรปกครองส่วนท้องถิ่น จัดกิจกรรมเดิน")


def test_relative_counted_from_an_event_of_the_letter():
    text = ("ในการนี้ จึงขออนุมัติดำเนินการ ดังนี้\n"
            "๑. จัดการอบรมฟื้นฟูความรู้ อสม. ในวันพุธที่ ๒๑ สิงหาคม ๒๕๖๗ เวลา ๐๙.๐๐ - ๑๖.๐๐ น.\n"
            "๒. ให้ผู้เข้ารับการอบรมส่งแบบประเมินผล ภายใน ๓๐ วัน นับจากวันที่สิ้นสุดการอบรม\n")
    event, relative = tasks_of(text)
    assert (event.deadline.kind, event.deadline.date) == ("event", D(2024, 8, 21))
    assert (relative.deadline.kind, relative.deadline.date) == ("relative", D(2024, 9, 20))
    assert relative.deadline.anchor == "วันที่สิ้นสุดการอบรม"
    assert relative.action == "ส่งแบบประเมินผล"


def test_relative_task_without_received_has_anchor():
    (task,) = tasks_of("ขอให้อำเภอรายงานผล ภายใน ๗ วัน นับแต่วันที่ได้รับหนังสือ")
    assert (task.deadline.kind, task.deadline.date, task.deadline.anchor) == ("relative", None,
                                                                              "วันที่ได้รับหนังสือ")
    assert task.action == "รายงานผล"


def test_relative_task_counts_business_days_from_received():
    (task,) = tasks_of("ขอให้อำเภอรายงานผล ภายใน ๕ วันทำการ", received=D(2024, 4, 10))
    assert task.deadline.date == D(2024, 4, 22)


def test_table_row_item_with_markup():
    text = "๘. การเปิดให้บริการ\t<p>ให้องค์กรปกครองส่วนท้องถิ่น เปิดให้บริการศูนย์บริการร่วม ภายในเดือนตุลาคม ๒๕๖๖</p>"
    (task,) = tasks_of(text)
    assert (task.deadline.date, task.assignee, task.action) == (
        D(2023, 10, 31), "องค์กรปกครองส่วนท้องถิ่น", "เปิดให้บริการศูนย์บริการร่วม")


def test_action_is_cut_to_length():
    text = "ขอให้อำเภอรายงาน" + "ข้อมูลการให้บริการ " * 20 + "ภายในวันที่ ๓๐ ตุลาคม ๒๕๖๖"
    (task,) = tasks_of(text)
    assert len(task.action) <= 160 and task.action.endswith("…")


# ---------------------------------------------------------------- ids, spans, duplicates


def test_ids_are_stable_across_calls():
    assert [t.id for t in tasks_of(DLA_BODY)] == [t.id for t in tasks_of(DLA_BODY)]


def test_ids_differ_for_other_letter_or_text():
    base = tasks_of(DLA_BODY)[0].id
    assert tasks_of(DLA_BODY, letter_key="other")[0].id != base
    assert tasks_of(DLA_BODY.replace("บัญชีแนบท้าย ๑", "บัญชีแนบท้าย ๓"))[0].id != base


def test_id_ignores_digit_script_and_spacing():
    from circulars.models import Deadline

    d = Deadline("by", D(2023, 11, 1), "ภายในวันที่ ๑ พฤศจิกายน ๒๕๖๖")
    assert task_id("k", "รายงาน  ภายในวันที่ ๑ พฤศจิกายน ๒๕๖๖", d) == task_id("k", "รายงาน ภายในวันที่ 1 พฤศจิกายน 2566", d)
    assert len(task_id("k", "x", d)) == 16


def test_recurring_id_does_not_depend_on_the_day_of_the_run():
    text = "ขอให้อำเภอรายงานผลทุกเดือน ภายในวันที่ ๕ ของเดือน"
    first = tasks_of(text, reference=D(2023, 10, 1))[0]
    later = tasks_of(text, reference=D(2024, 2, 9))[0]
    assert first.deadline.date != later.deadline.date
    assert first.id == later.id


def test_duplicate_unit_is_emitted_once():
    unit = "ขอให้อำเภอรายงานผล ภายในวันที่ ๓๐ ตุลาคม ๒๕๖๖"
    assert len(tasks_of(unit + "\n\n" + unit)) == 1


def test_spans_are_offsets_in_the_document():
    doc = "หัวกระดาษ\n\n" + FORM_NOTE
    base = 1000
    (task,) = tasks_of(doc[11:], base_offset=base + 11)
    start, end = task.span
    assert (doc[start - base:end - base]).startswith("กรุณาส่งแบบรายงานฯ")
    ds, de = task.deadline.span
    assert doc[ds - base:de - base] == task.deadline.text


# ---------------------------------------------------------------- units and channels


def test_split_units_numbering_styles_and_wrapped_lines():
    text = "๑. ข้อแรก\nต่อบรรทัด\n๒.๑ ข้อย่อย\n๑) ย่อยอีก\n- (๑) รายการ\n\nย่อหน้าใหม่"
    units = split_units(text)
    assert [text[u.start:u.end] for u in units] == ["๑. ข้อแรก\nต่อบรรทัด", "๒.๑ ข้อย่อย", "๑) ย่อยอีก",
                                                    "- (๑) รายการ", "ย่อหน้าใหม่"]
    assert [u.level for u in units] == [1, 2, 3, 4, 0]
    assert [u.number for u in units] == [1, 1, 1, 1, None]


@pytest.mark.parametrize(
    ("text", "channels"),
    [
        pytest.param("ผ่านระบบข้อมูลกลางองค์กรปกครองส่วนท้องถิ่น (ระบบ INFO)", ["ระบบ INFO"], id="seed-system"),
        pytest.param("ทางเว็บไซต์ www.psc.opm.go.th โดยดำเนินการ", ["www.psc.opm.go.th"], id="seed-website"),
        pytest.param("ทางโทรสาร ๐ ๒๒๒๕ ๔๘๘๖", ["โทรสาร 0 2225 4886"], id="seed-fax"),
        pytest.param("ส่งเป็นไฟล์ Word และ Excel", ["ไฟล์ Word", "Excel"], id="file-kinds"),
        pytest.param("แนบไฟล์ .pdf หรือ (ไฟล์ .jpg/.png)", [".pdf", ".jpg", ".png"], id="extensions"),
        pytest.param("ไปรษณีย์อิเล็กทรอนิกส์ saraban@dla.go.th", ["saraban@dla.go.th"], id="email"),
        pytest.param("ผ่าน https://forms.gle/abc123.", ["https://forms.gle/abc123"], id="url"),
    ],
)
def test_find_channels(text, channels):
    assert find_channels(text) == channels


RECOUNT = """ด้วยจังหวัดนครนายกได้รับแจ้งจากกรมทรัพยากรน้ำบาดาลว่า ได้กำหนดแนวทางการดูแลบ่อน้ำบาดาลสาธารณะ \
กรมทรัพยากรน้ำบาดาลจึงขอให้จังหวัดแจ้งองค์กรปกครองส่วนท้องถิ่นสำรวจข้อมูล และรายงานให้กรมทราบ ภายในวันที่ ๓๑ มีนาคม ๒๕๖๙

จังหวัดนครนายกพิจารณาแล้ว จึงขอให้อำเภอแจ้งองค์กรปกครองส่วนท้องถิ่นสำรวจข้อมูล และรายงานจังหวัด ภายในวันที่ ๒๖ มีนาคม ๒๕๖๙
"""


@pytest.mark.parametrize(
    ("sender", "dates"),
    [
        pytest.param("ศาลากลางจังหวัดนครนายก", [D(2026, 3, 26)], id="another-office-request-recounted"),
        pytest.param(None, [D(2026, 3, 31), D(2026, 3, 26)], id="sender-unknown-keeps-both"),
        pytest.param("กรมทรัพยากรน้ำบาดาล", [D(2026, 3, 31), D(2026, 3, 26)], id="the-sender-own-request"),
    ],
)
def test_request_recounted_from_another_office_is_no_task(sender, dates):
    tasks = tasks_of(RECOUNT, sender=sender, reference=D(2026, 3, 6))
    assert [t.deadline.date for t in tasks] == dates


@pytest.mark.parametrize(
    ("text", "sender", "dates"),
    [
        pytest.param("๒.๑ เทศบาลจะส่งแบบแจ้งการประเมินภาษีให้แก่ผู้เสียภาษีภายในเดือนกุมภาพันธ์ ๒๕๖๘\n"
                     "๒.๒ ให้ผู้เสียภาษีชำระภาษี ภายในเดือนเมษายน ๒๕๖๘", "เทศบาลเมืองลำพูน", [D(2025, 4, 30)],
                     id="issuer-will-send"),
        pytest.param("สำนักงานเขตบางกะปิจะประกาศรายชื่อผู้มีสิทธิ ในวันศุกร์ที่ ๓๑ มกราคม ๒๕๖๘ เวลา ๑๐.๐๐ น.",
                     "สำนักงานเขตบางกะปิ", [], id="issuer-will-announce"),
        pytest.param("ให้อำเภอส่งรายชื่อ ภายในวันที่ ๓๑ มกราคม ๒๕๖๘ เพื่อจังหวัดจะได้รวบรวม", "ศาลากลางจังหวัดน่าน",
                     [D(2025, 1, 31)], id="request-before-the-issuer-purpose"),
        pytest.param("ผู้ยื่นข้อเสนอจะต้องยื่นเอกสาร ภายในวันที่ ๓๑ มกราคม ๒๕๖๘", "องค์การบริหารส่วนตำบลแม่แฝก",
                     [D(2025, 1, 31)], id="obligation-is-not-an-undertaking"),
        pytest.param("โครงการฯ จึงจะส่งน้ำแบบรอบเวร ตั้งแต่วันที่ ๑ ธันวาคม ๒๕๖๗ ถึงวันที่ ๓๐ เมษายน ๒๕๖๘",
                     "โครงการส่งน้ำและบำรุงรักษาสองพี่น้อง", [], id="abbreviated-issuer-will"),
        pytest.param("ทั้งนี้ มหาวิทยาลัยจะประกาศผลการเรียน ภายในวันที่ ๒๔ เมษายน ๒๕๖๘", "มหาวิทยาลัยราชภัฏอุตรดิตถ์", [],
                     id="university-will-announce"),
        pytest.param("๕. สำนักงานประมงจังหวัดตราดจะออกตรวจสภาพเรือ ระหว่างวันที่ ๘ - ๑๙ ธันวาคม ๒๕๖๗ และจะประกาศ"
                     "รายชื่อเรือที่ได้รับใบทะเบียนภายในวันที่ ๒๗ กุมภาพันธ์ ๒๕๖๘", "จังหวัดตราด", [],
                     id="issuer-will-inspect-and-announce"),
    ],
)
def test_issuer_own_undertaking_is_no_task(text, sender, dates):
    tasks = tasks_of(text, sender=sender, recipients=[], reference=D(2024, 12, 23))
    assert [t.deadline.date for t in tasks] == dates


def test_relative_deadline_counted_from_the_end_of_a_named_period():
    text = ("๓.๑ ให้เจ้าหน้าที่ออกตรวจติดตามราคาสินค้า ระหว่างวันที่ ๑๙ - ๓๐ กันยายน ๒๕๖๘\n"
            "๓.๒ ให้หัวหน้ากลุ่มสรุปผลการตรวจติดตามเสนอพาณิชย์จังหวัด ภายใน ๓ วันทำการ นับแต่วันสิ้นสุดการตรวจติดตาม\n")
    ranged, relative = tasks_of(text, reference=D(2025, 9, 18))
    assert (ranged.deadline.kind, ranged.deadline.date) == ("range", D(2025, 9, 30))
    # 30 Sep 2025 is a Tuesday: 1, 2, 3 Oct are the three business days after it
    assert (relative.deadline.kind, relative.deadline.date) == ("relative", D(2025, 10, 3))


TRAINING = """เนื่องจากหน่วยงานภาครัฐรายงานข้อมูลการใช้พลังงานไม่ครบถ้วน สำนักงานพลังงานจังหวัดสตูลจึงได้จัดการฝึกอบรม\
หลักสูตรการจัดการพลังงาน ระหว่างวันที่ ๔ - ๕ กุมภาพันธ์ ๒๕๖๙ เวลา ๐๘.๓๐ - ๑๖.๓๐ น. ณ โรงแรมสตูลธานี

ในการนี้ จึงขอให้ทานพิจารณาส่งเจ้าหน้าที่เข้ารับการฝึกอบรมตามวันและเวลาดังกล่าว และส่งแบบตอบรับ ภายในวันศุกร์ที่ ๒๓ มกราคม ๒๕๖๙
"""


@pytest.mark.parametrize(
    ("sender", "dates"),
    [
        pytest.param("สำนักงานพลังงานจังหวัดสตูล", [D(2026, 2, 5), D(2026, 1, 23)], id="the-sender-training"),
        pytest.param("ศาลากลางจังหวัดสตูล", [D(2026, 1, 23)], id="another-office-training"),
    ],
)
def test_training_period_attended_on_request(sender, dates):
    tasks = tasks_of(TRAINING, sender=sender, reference=D(2026, 1, 12))
    assert [t.deadline.date for t in tasks] == dates
    assert all(t.assignee == "ผู้ว่าราชการจังหวัด ทุกจังหวัด" for t in tasks)  # ทาน (ท่าน): the recipients


def test_items_after_a_paragraph_ending_in_a_request():
    text = ("กองสาธารณสุขและสิ่งแวดล้อมพิจารณาแล้ว เพื่อให้รายงานอำเภอได้ทันตามกำหนด จึงเห็นควร\n"
            "๑. มอบงานป้องกันและควบคุมโรค สำรวจจำนวนสัตว์ปีก และรายงานผลให้กองสาธารณสุขและสิ่งแวดล้อมทราบ "
            "ภายในวันพุธที่ ๑๑ มีนาคม ๒๕๖๙\n"
            "๒. มอบเจ้าหน้าที่กองสาธารณสุขและสิ่งแวดล้อม จำนวน ๔ คน ร่วมออกหน่วยพ่นยาฆ่าเชื้อกับปศุสัตว์อำเภอ "
            "ในวันเสาร์ที่ ๑๔ มีนาคม ๒๕๖๙ เวลา ๐๘.๓๐ น.\n")
    tasks = tasks_of(text, reference=D(2026, 3, 9))
    assert [(t.deadline.kind, t.deadline.date) for t in tasks] == [("by", D(2026, 3, 11)), ("event", D(2026, 3, 14))]


@pytest.mark.parametrize(
    ("rule", "first"),
    [
        pytest.param("ทุกวันศุกร์ ตลอดระยะเวลาการออกหน่วยตาม (๒)", D(2025, 10, 10), id="weekly-from-the-period"),
        pytest.param("ทุกวัน ภายในเวลา ๑๘.๐๐ น. ตลอดห้วงการปฏิบัติ", D(2025, 10, 7), id="daily-from-the-period"),
        pytest.param("ทุกวันศุกร์", D(2025, 9, 26), id="weekly-without-period"),
    ],
)
def test_recurring_throughout_a_period_given_earlier(rule, first):
    text = ("(๒) ให้คณะทำงานออกหน่วยฉีดวัคซีนในพื้นที่รับผิดชอบ ระหว่าง ๗ ต.ค.-๑๘ ธ.ค. ๖๘\n"
            f"(๓) ให้หัวหน้าชุดรายงานผลการปฏิบัติงานต่อกองสาธารณสุขและสิ่งแวดล้อม {rule}\n")
    tasks = tasks_of(text, reference=D(2025, 9, 25))
    assert [(t.deadline.kind, t.deadline.date) for t in tasks] == [("range", D(2025, 12, 18)), ("recurring", first)]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        pytest.param("๒. คณะกรรมการจัดสอบ มีหน้าที่ ๑) ส่งต้นฉบับข้อสอบ ไม่เกินวันที่ ๖ มีนาคม ๒๕๖๙ เวลา ๑๖.๐๐ น. "
                     "๒) เข้ารับฟังการชี้แจงแนวปฏิบัติการคุมสอบ ในวันพุธที่ ๑๘ มีนาคม ๒๕๖๙ เวลา ๑๓.๓๐ น.",
                     [("by", D(2026, 3, 6)), ("event", D(2026, 3, 18))], id="inline-duty-to-attend"),
        pytest.param("โรงเรียนกำหนดนำนักเรียนไปทัศนศึกษา จึงขอเรียนเชิญผู้ปกครองเข้าร่วมประชุมชี้แจงรายละเอียด "
                     "ในวันเสาร์ที่ ๑๒ ธันวาคม ๒๕๖๙ เวลา ๐๙.๐๐ - ๑๒.๐๐ น. เเละขอความรวมมือผู้ปกครอง ดังนี้\n"
                     "๑. กรอกแบบตอบรับ และส่งคืนครูประจำชั้น ภายในวันพุธที่ ๙ ธันวาคม ๒๕๖๙\n",
                     [("event", D(2026, 12, 12)), ("by", D(2026, 12, 9))], id="polite-invitation-before-items"),
    ],
)
def test_events_asked_of_the_reader(text, kinds):
    tasks = tasks_of(text, reference=D(2026, 2, 23))
    assert [(t.deadline.kind, t.deadline.date) for t in tasks] == kinds


def test_a_time_opening_a_wrapped_line_is_no_item():
    text = "๑. รายงานผลการปฏิบัติประจำวันทางกลุ่มไลน์ ภายในเวลา\n๒๐.๐๐ น. ของทุกวัน\n๒.๑ แจ้งรายชื่อ\n"
    units = split_units(text)
    assert [(u.level, u.number) for u in units] == [(1, 1), (2, 1)]
    assert text[units[0].start:units[0].end].endswith("ของทุกวัน")


@pytest.mark.parametrize(
    ("heading", "dates"),
    [
        pytest.param("ต้นเรื่อง", [D(2024, 5, 3)], id="under-the-story-heading"),
        pytest.param("๑. ข้อเท็จจริง", [D(2024, 5, 3)], id="numbered-facts-heading"),
        pytest.param("ข้อพิจารณา", [D(2024, 5, 17), D(2024, 5, 3)], id="under-the-consideration-heading"),
    ],
)
def test_memo_story_sections_give_no_tasks(heading, dates):
    text = (f"{heading}\nกรมการปกครองได้มีโทรสาร แจ้งให้อำเภอดำเนินการคัดเลือกกำนันดีเด่น "
            "และส่งผลการคัดเลือกให้จังหวัด ภายในวันที่ ๑๗ พฤษภาคม ๒๕๖๗\n\n"
            "ข้อพิจารณา\nเห็นควรดำเนินการ ดังนี้\n"
            "๑. แจ้งกำนันทุกตำบลเสนอชื่อ ภายในวันที่ ๓ พฤษภาคม ๒๕๖๗\n")
    tasks = tasks_of(text, reference=D(2024, 4, 22))
    assert [t.deadline.date for t in tasks] == dates


@pytest.mark.parametrize(
    ("text", "sender", "report_to"),
    [
        pytest.param("ขอให้องค์การบริหารส่วนตำบลรายงานผลให้อำเภอทราบ ภายในวันที่ ๓๐ ตุลาคม ๒๕๖๖",
                     "ที่ว่าการอำเภอสองพี่น้อง", "อำเภอสองพี่น้อง", id="the-sender-by-its-kind"),
        pytest.param("ขอให้องค์การบริหารส่วนตำบลรายงานผลให้อำเภอ (ฝ่ายความมั่นคง) ทราบ ภายในวันที่ ๓๐ ตุลาคม ๒๕๖๖",
                     "ที่ว่าการอำเภอสองพี่น้อง", "อำเภอสองพี่น้อง (ฝ่ายความมั่นคง)", id="with-its-unit"),
        pytest.param("ขอให้อำเภอรายงานผลให้จังหวัดทราบ ภายในวันที่ ๓๐ ตุลาคม ๒๕๖๖", "ที่ว่าการอำเภอสองพี่น้อง",
                     "จังหวัด", id="another-kind-stays"),
    ],
)
def test_report_to_named_by_kind_is_the_sender(text, sender, report_to):
    (task,) = tasks_of(text, sender=sender)
    assert task.report_to == report_to
