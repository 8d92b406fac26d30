"""The compiled patterns of the task finder, built once from the words in
``circulars/data/task_words.toml`` (the code holds no Thai vocabulary of its own)."""

from __future__ import annotations

import re
from functools import cache

from .. import data
from .deadlines import DIGIT, alt

_WHO_MAX = 60  # characters an assignee may run after its first word
# an agency written as a Thai abbreviation: สปท., กพ.ทหาร/ฝ่ายเลขานุการฯ
_ABBREVIATION = "[\u0e01-\u0e2e][\u0e01-\u0e4c]{0,8}\\.\\S*"


def words() -> dict:
    return data.task_words()["task"]


@cache
def patterns() -> dict[str, re.Pattern[str]]:
    w, org = words(), alt(words()["org_heads"])
    not_noun = "".join(f"(?<!{re.escape(x)})" for x in w["verb_not_after"])
    verb = rf"{not_noun}(?:{alt(w['verbs'])})(?!{alt(w['verb_not_before'])})"
    aux = rf"(?:(?:{alt(w['auxiliary'])})\s?)?"
    who = rf"\s?(?P<who>(?:{org}|{alt(w['reader'])}|{_ABBREVIATION})[^\n]{{0,{_WHO_MAX}}}?)\s?{aux}(?={verb})"
    not_after = "".join(f"(?<!{re.escape(x)})" for x in w["not_imperative_after"])
    return {
        "request": re.compile(alt(w["request"])),
        "verb": re.compile(rf"\s*{verb}"),
        "date_word": re.compile(alt([*data.task_words()["deadline"]["by"], *(m[1] for m in data.months())])),
        "imperative": re.compile(rf"{not_after}{w['imperative']}(?:{who})?(?={verb})"),
        "who": re.compile(who),
        # an agency abbreviation ended by a space: จึงให้ ร.๘ จัดกำลังพล…
        "who_abbreviation": re.compile(rf"\s?(?P<who>{_ABBREVIATION})(?=\s)"),
        "duty": re.compile(rf"\s*(?:{alt(w['duty'])})"),
        "org_head": re.compile(org),
        "building": re.compile(rf"^(?:{alt(w['sender_building'])})"),
        "undertaking": re.compile(rf"(?P<who>[^\s]+?)\s*(?:{alt(w['undertaking_joins'])})?{w['undertaking']}"
                                  rf"(?!{alt(w['undertaking_not_before'])})"),
        "pass_on": re.compile(alt(w["pass_on"])),
        "background": re.compile(rf"\s*(?:{alt(w['background'])})"),
        "intro": re.compile(rf"(?:{alt(w['intro_end'])})\s*[:：]?\s*$"),
        "intro_request": re.compile(rf"(?:{alt(w['intro_request_end'])})\s*[:：]?\s*$"),
        "throughout": re.compile(
            rf"\s*(?:(?:{alt(data.task_words()['recurring']['time_unit'])})\s*)?(?:{alt(w['throughout'])})"),
        "clause": re.compile(
            rf"(?<=\s)(?:{alt(w['clause_breaks'])})|\s{w['new_subject_join']}(?=\S{{0,60}}?{w['new_subject_verb']})"
        ),
        "continuation": re.compile(rf"(?:{alt(w['continuation'])})"),
        "schedule": re.compile(alt(w["schedule"])),
        "attend": re.compile(alt(data.task_words()["event"]["attend"])),
        "attend_inline": re.compile(alt(data.task_words()["event"]["attend_inline"])),
        "refer_back": re.compile(alt(data.task_words()["event"]["refer_back"])),
        "event": re.compile(alt(data.task_words()["event"]["words"])),
        "action_trail": re.compile(rf"\s+(?:{alt(w['action_trail'])})\s*$"),
        "aux": re.compile(rf"^(?:{alt(w['auxiliary'])})\s?"),
        "lead": re.compile(rf"(?:{alt(w['action_lead'])})\s*"),
        "trail": re.compile(rf"\s*(?:(?:{alt(w['intro_trail'])})\s*)?(?:{alt(w['intro_end'])})\s*[:：]?\s*$"),
        "item_ref": re.compile(
            rf"{w['item_ref']}\s*([{DIGIT}]+)(?:\s*(?:{alt(w['item_ref_join'])})\s*([{DIGIT}]+))?"
        ),
        "report_direct": re.compile(rf"(?:{alt(w['report_direct'])})(?P<to>(?:{org})\S*)"),
        "report_verb": re.compile(
            rf"(?:{alt(w['report_verbs'])})(?!{alt(w['verb_not_before'])})[^\n]{{0,80}}?"
            rf"(?:{alt(w['report_to'])})\s?(?P<to>(?:{org})\S*|{_ABBREVIATION})"
        ),
    }
