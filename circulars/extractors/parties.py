"""Who acts and who receives: the subject of a request (the assignee), the receiver of its
result (report_to), and whether a request or a receiver is the sender's own. Pure functions
over one text; the task finder (``actions``) decides which text to ask."""

from __future__ import annotations

import re

from .taskwords import patterns, words


def has_request(text: str) -> bool:
    p = patterns()
    # ให้ … ทราบ names who receives a report, not a request; a subject that runs over a date
    # ("ให้เจ้าของป้ายที่แสดงไว้ก่อนวันที่ ๑ มกราคม … ยื่นแบบ") is still a request
    return bool(p["request"].search(text)) or any(
        not (m.group("who") and words()["report_end"] in m.group("who")) for m in p["imperative"].finditer(text))


def subject(text: str) -> str | None:
    """The explicit subject after the first request ('' when it is the reader, ท่าน), or None
    when that request names none (โปรดตอบรับ…, ให้ดำเนินการ…)."""
    p = patterns()
    markers = sorted([*p["request"].finditer(text), *p["imperative"].finditer(text)],
                     key=lambda m: m.start())
    for m in markers:
        who = m if "who" in m.re.groupindex and m.group("who") else who_after(text, m.end())
        name = " ".join(who.group("who").split()) if who and who.group("who") else ""
        if name and bad_subject(name):
            continue  # ให้ … ทราบ is a report_to, not a request
        if not name:
            return subject_before(text, m.start()) if m.group(0).strip() in words()["subject_before"] else None
        return "" if any(name.startswith(w) for w in words()["reader"]) else name
    return None


def who_after(text: str, pos: int) -> re.Match[str] | None:
    p = patterns()
    return p["who"].match(text, pos) or p["who_abbreviation"].match(text, pos)


def last_phrase(text: str, pos: int) -> str:
    """The words just before ``pos`` back to the last space: Thai writes a phrase without spaces."""
    head = text[:pos].rstrip()
    return head[max(head.rfind(" "), head.rfind("\n"), head.rfind("\t")) + 1:]


def subject_before(text: str, pos: int) -> str | None:
    """A subject written just before its request: ผู้ประสงค์จะสมัคร|ให้ยื่นใบสมัคร,
    ผู้ยื่นข้อเสนอ|จะต้องยื่น…: the last phrase before ``pos``, when it names someone."""
    phrase = last_phrase(text, pos)
    if not phrase or len(phrase) > words()["subject_before_max_chars"]:
        return None
    return phrase if patterns()["org_head"].match(phrase) and not bad_subject(phrase) else None


def bad_subject(name: str) -> bool:
    """A report_to (ให้ … ทราบ) or a phrase running over a date is no subject."""
    return words()["report_end"] in name or bool(patterns()["date_word"].search(name))


def recounted(text: str, pos: int, sender: str | None) -> bool:
    """A request another office made, told in the background (ด้วยจังหวัดได้รับแจ้งจากกรม… ว่า …
    กรมทรัพยากรน้ำบาดาลจึงขอให้จังหวัด…): the agency named just before it is not the sender."""
    if not sender:
        return False
    phrase = last_phrase(text, pos)
    if not phrase or not patterns()["org_head"].match(phrase):
        return False
    return phrase not in sender and sender not in phrase


def find_report_to(text: str) -> str | None:
    """ให้ … ทราบ (the last one), else ส่ง/รายงาน … ให้/ถึง <หน่วยงาน>."""
    w = words()
    end = text.rfind(w["report_end"])
    while end > 0:
        start = text.rfind(w["imperative"], max(0, end - w["report_max_chars"]), end)
        if start >= 0:
            name = " ".join(text[start + len(w["imperative"]):end].split())
            if len(name) >= 2:
                return name
        end = text.rfind(w["report_end"], 0, end)
    p = patterns()
    for m in p["report_verb"].finditer(text):
        # not an agency that itself acts: ให้หน่วยเสนอ…, ให้ นศ.สธท. จัดทำ…
        if not p["verb"].search(m.group("to"), 1) and not p["verb"].match(text, m.end()):
            return m.group("to").strip("(),")
    for m in p["report_direct"].finditer(text):
        if not p["verb"].search(m.group("to"), 1) and not words()["report_end"] in m.group("to"):
            return m.group("to").strip("(),")
    return None


def as_sender(name: str | None, sender: str | None) -> str | None:
    """A receiver named by its kind only (ให้อำเภอทราบ, ให้โครงการฯ) in a letter from that kind of
    office (ที่ว่าการอำเภอสองพี่น้อง) is the sender: อำเภอสองพี่น้อง."""
    if not name or not sender:
        return name
    core = patterns()["building"].sub("", sender).strip()
    m = re.fullmatch(r"(?P<head>[^\s(ฯ]+)ฯ?(?P<rest>\s*\(.*\))?", name)
    if m is None or m["head"] == core or not core.startswith(m["head"]):
        return name
    return core + (m["rest"] or "") if patterns()["org_head"].fullmatch(m["head"]) else name


def names_sender(text: str, sender: str) -> bool:
    """``text`` names the sender (without the building of its address: ศาลากลางจังหวัด… → จังหวัด…)."""
    core = patterns()["building"].sub("", sender).strip()
    if not core:
        return False
    for m in re.finditer(re.escape(core), text):
        # as a name of its own, not inside a longer one (จังหวัดสตูล in สำนักงานพลังงานจังหวัดสตูล)
        word = last_phrase(text, m.start())
        if m.start() == 0 or text[m.start() - 1].isspace() or not patterns()["org_head"].match(word):
            return True
    return False
