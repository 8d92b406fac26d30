#!/usr/bin/env python3
"""Check the gold annotations of corpus/letters/ against their letter texts.

Run: python corpus/check_gold.py [FOLDER]   (exit status 1 when anything is wrong)

For every ``*.gold.json``: it parses, names an existing text file that decodes in the
gold's ``encoding`` (default UTF-8), has the fields of the gold format (README.md) with
valid enum values and ISO dates, and agrees with the text:
- every reference (letter, อ้างถึง, สิ่งที่ส่งมาด้วย) appears in the text, in Thai or Arabic
  digits, ignoring spaces (``ว.61`` matches ``ว 61``; an OCR-damaged prefix such as ``ขย``
  matches gold ``ชย``);
- every date in gold is written in the text in some Thai form (full or abbreviated month,
  four- or two-digit Buddhist year, d/m/yyyy; the last day of a month may be written as
  ``เดือนตุลาคม ๒๕๖๖``), except task deadlines marked ``"derived"`` (computed, not written);
- subjects, senders, recipients, signatories, contact values, enclosure/citation texts,
  deadline texts and attachment titles appear in the text (ignoring spaces);
- every weekday written before a date (``วันพุธที่ ๑๑ ตุลาคม ๒๕๖๖``) is that date's
  weekday, unless the phrase is quoted in a ``"note"`` of the same gold file;
- dates are plausible: a letter is not dated after its receiving stamps, cited and
  enclosed letters are not dated after the letter, deadlines are not before it.
Standalone on purpose (standard library only): it does not import ``circulars``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

KINDS = {"external", "internal", "stamped", "order", "announcement", "fax"}
URGENCY = {"ด่วนที่สุด", "ด่วนมาก", "ด่วน", None}
SECRECY = {"ลับที่สุด", "ลับมาก", "ลับ", None}
TASK_KINDS = {"by", "range", "recurring", "relative", "event"}
RELATIONS = {"cites", "encloses", "forwards", "replies"}
LETTER_KEYS = ["kind", "urgency", "secrecy", "reference", "date", "sender", "subject", "recipients",
               "cites", "enclosures", "signatory", "contact", "received", "tasks"]
TASK_KEYS = ["deadline", "kind", "time", "assignee", "report_to"]

MONTHS = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม",
          "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
ABBR = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
WEEKDAYS = ["จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์"]
BE = 543
# OCR misreadings of agency prefixes seen in the scans: gold holds the right one
PREFIX_OCR = {"ชย": ["ขย"], "ชม": ["ซม"], "ชบ": ["ซบ"]}

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
ISO = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
TIME = re.compile(r"^[0-9]{2}:[0-9]{2}$")


def norm(s: str) -> str:
    """Arabic digits, composed sara am, แ for เเ, one kind of quote; whitespace kept."""
    s = s.translate(THAI_DIGITS)
    s = re.sub("\u0e4d([\u0e48-\u0e4b]?)\u0e32", "\\1\u0e33", s)
    s = s.replace("เเ", "แ")
    return re.sub(r"[“”\"‘’']", '"', s)


def squeeze(s: str) -> str:
    return re.sub(r"\s+", "", norm(s))


class Checker:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.where = ""

    def err(self, msg: str) -> None:
        self.errors.append(f"{self.where}: {msg}")

    # ---- shape -------------------------------------------------------------------------
    def iso(self, value, what: str, null_ok: bool = True) -> dt.date | None:
        if value is None:
            if not null_ok:
                self.err(f"{what} is null")
            return None
        if not isinstance(value, str) or not ISO.match(value):
            self.err(f"{what} is not an ISO date: {value!r}")
            return None
        try:
            d = dt.date.fromisoformat(value)
        except ValueError:
            self.err(f"{what} is not a real date: {value!r}")
            return None
        if not 2000 <= d.year <= 2030:
            self.err(f"{what} {value} is outside 2000-2030 (Buddhist year not converted?)")
        return d

    def ref(self, value, what: str) -> None:
        if value is None:
            return
        if not isinstance(value, str) or not value.strip():
            self.err(f"{what} is not a string: {value!r}")
            return
        if re.search("[๐-๙]", value):
            self.err(f"{what} has Thai digits: {value!r}")
        if "  " in value or value != value.strip():
            self.err(f"{what} has stray spaces: {value!r}")
        if re.search(r"/ว(?! )", value):
            self.err(f"{what}: a circular is written 'ว ' with one space: {value!r}")
        m = re.match(r"^([ก-ฮ]{2,3}) ", value)
        if not m and not re.match(r"^[0-9]+/[0-9]+$", value):
            self.err(f"{what}: neither 'XX 0000/...' nor an order number 'N/YYYY': {value!r}")

    def task(self, t: dict, what: str) -> None:
        for k in TASK_KEYS:
            if k not in t:
                self.err(f"{what} lacks {k!r}")
        if t.get("kind") not in TASK_KINDS:
            self.err(f"{what} kind {t.get('kind')!r} not in {sorted(TASK_KINDS)}")
        if t.get("deadline") is None and t.get("kind") != "relative":
            self.err(f"{what}: only a relative deadline may be null")
        self.iso(t.get("deadline"), f"{what}.deadline")
        if "start" in t:
            self.iso(t["start"], f"{what}.start")
        if t.get("time") is not None and not TIME.match(str(t["time"])):
            self.err(f"{what}.time {t['time']!r} is not HH:MM")

    def letter_shape(self, L: dict, i: int) -> None:
        w = f"letters[{i}]"
        for k in LETTER_KEYS:
            if k not in L:
                self.err(f"{w} lacks {k!r}")
        if L.get("kind") not in KINDS:
            self.err(f"{w}.kind {L.get('kind')!r} not in {sorted(KINDS)}")
        if L.get("urgency") not in URGENCY:
            self.err(f"{w}.urgency {L.get('urgency')!r}")
        if L.get("secrecy") not in SECRECY:
            self.err(f"{w}.secrecy {L.get('secrecy')!r}")
        self.ref(L.get("reference"), f"{w}.reference")
        self.iso(L.get("date"), f"{w}.date")
        if not isinstance(L.get("recipients"), list):
            self.err(f"{w}.recipients is not a list")
        elif L.get("kind") in ("order", "announcement") and L["recipients"]:
            self.err(f"{w}: orders and announcements have no recipients")
        for name in ("cites", "enclosures"):
            for j, c in enumerate(L.get(name) or []):
                self.ref(c.get("reference"), f"{w}.{name}[{j}].reference")
                self.iso(c.get("date"), f"{w}.{name}[{j}].date")
                if name == "enclosures":
                    q = c.get("quantity")
                    if q is not None and not re.match(r"^[0-9]+ \S+$", q):
                        self.err(f"{w}.enclosures[{j}].quantity {q!r} is not 'N unit' in Arabic digits")
                    if not c.get("text"):
                        self.err(f"{w}.enclosures[{j}] has no text")
        sig = L.get("signatory")
        if L.get("kind") == "stamped" and sig is not None:
            self.err(f"{w}: a stamped letter has no signatory")
        if sig is not None and (not isinstance(sig, dict) or "name" not in sig or "position" not in sig):
            self.err(f"{w}.signatory must be null or {{name, position}}")
        elif sig and sig.get("name") and re.search(r"[()]", sig["name"]):
            self.err(f"{w}.signatory.name keeps parentheses")
        c = L.get("contact")
        if c is not None:
            for k in ("unit", "phones", "emails", "coordinator"):
                if k not in c:
                    self.err(f"{w}.contact lacks {k!r}")
            for p in c.get("phones") or []:
                if re.search("[๐-๙]", p):
                    self.err(f"{w}.contact phone has Thai digits: {p!r}")
        for j, s in enumerate(L.get("received") or []):
            self.iso(s.get("date"), f"{w}.received[{j}].date")
            if s.get("time") is not None and not TIME.match(s["time"]):
                self.err(f"{w}.received[{j}].time {s['time']!r} is not HH:MM")
            if s.get("number") is not None and re.search("[๐-๙]", s["number"]):
                self.err(f"{w}.received[{j}].number has Thai digits")
        for j, t in enumerate(L.get("tasks") or []):
            self.task(t, f"{w}.tasks[{j}]")

    # ---- agreement with the text ---------------------------------------------------------
    def appears(self, value, text_sq: str, what: str) -> None:
        if value and squeeze(value) not in text_sq:
            self.err(f"{what} {value!r} not found in the text")

    def ref_appears(self, ref: str | None, text_sq: str, what: str) -> None:
        if not ref:
            return
        r = squeeze(ref)
        variants = {r}
        m = re.match(r"^([ก-ฮ]{2,3})(.*)$", r)
        if m:
            for wrong in PREFIX_OCR.get(m.group(1), []):
                variants.add(wrong + m.group(2))
        text2 = re.sub(r"ว\.(?=\d)", "ว", text_sq)
        if not any(v in text_sq or v in text2 for v in variants):
            self.err(f"{what} {ref!r} not found in the text")

    def date_appears(self, d: dt.date | None, text_sq: str, what: str) -> None:
        if d is None:
            return
        y = d.year + BE
        full, ab = MONTHS[d.month - 1], ABBR[d.month - 1]
        day = rf"(?<!\d)0?{d.day}"
        pats = [rf"{day} ?(?:{re.escape(full)}|{re.escape(ab)}) ?(?:{y}|{y % 100:02d})(?!\d)",
                rf"{day}/0?{d.month}/(?:{y}|{y % 100:02d})(?!\d)"]
        if (d + dt.timedelta(days=1)).month != d.month:  # last day: "ภายในเดือนตุลาคม ๒๕๖๖"
            pats.append(rf"(?:{re.escape(full)}|{re.escape(ab)}) ?{y}")
        text_sp = re.sub(r"\s+", " ", norm(self.text).replace("พ.ศ.", " "))
        if not any(re.search(p, text_sp) for p in pats):
            self.err(f"{what} {d.isoformat()} ({d.day} {full} {y}) is not written in the text")

    def weekdays(self, text: str, notes: str) -> None:
        t = re.sub(r"\s+", " ", norm(text))
        months = "|".join(re.escape(m) for m in MONTHS + ABBR)
        for m in re.finditer(rf"วัน({'|'.join(WEEKDAYS)})\s?(?:ที่)?\s?(\d{{1,2}})(?!\d)", t):
            tail = t[m.end(): m.end() + 70]
            mm = re.search(rf"({months})\s?(?:พ\.ศ\.)?\s?(\d{{4}}|\d{{2}})(?!\d)", tail)
            if not mm:
                print(f"  warning {self.where}: weekday without month and year: {t[m.start():m.end() + 20]!r}")
                continue
            mon = mm.group(1)
            month = (MONTHS.index(mon) if mon in MONTHS else ABBR.index(mon)) + 1
            year = int(mm.group(2))
            year = (2500 + year if year < 100 else year) - BE
            phrase = t[m.start(): m.end() + mm.end()]
            try:
                d = dt.date(year, month, int(m.group(2)))
            except ValueError:
                self.err(f"impossible date in {phrase!r}")
                continue
            if WEEKDAYS[d.weekday()] != m.group(1):
                if squeeze(t[m.start(): m.end()]) in notes:
                    continue
                self.err(f"{phrase!r}: {d.isoformat()} is a {WEEKDAYS[d.weekday()]}, not a {m.group(1)}")

    def check_file(self, gold_path: Path) -> None:
        self.where = gold_path.name
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as e:
            self.err(f"does not parse: {e}")
            return
        for k in ("file", "letters", "attachments", "links"):
            if k not in gold:
                self.err(f"lacks {k!r}")
        name = gold.get("file", "")
        if name != gold_path.name.replace(".gold.json", ".txt"):
            self.err(f"file {name!r} does not match the gold file's name")
        src = gold_path.parent / name
        if not src.exists():
            self.err(f"{name} does not exist")
            return
        enc = gold.get("encoding", "utf-8")
        raw = src.read_bytes()
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError as e:
            self.err(f"{name} does not decode as {enc}: {e}")
            return
        if enc.lower().replace("-", "") not in ("utf8",):
            try:
                raw.decode("utf-8")
                self.err(f"{name} is declared {enc} but is valid UTF-8")
            except UnicodeDecodeError:
                pass
        self.text = text
        text_sq = squeeze(text)
        notes = "".join(squeeze(n) for n in _notes(gold))

        letters = gold.get("letters") or []
        if not letters:
            self.err("no letters")
        for i, L in enumerate(letters):
            self.letter_shape(L, i)
            w = f"letters[{i}]"
            self.ref_appears(L.get("reference"), text_sq, f"{w}.reference")
            ld = self.iso(L.get("date"), f"{w}.date")
            self.date_appears(ld, text_sq, f"{w}.date")
            for f in ("subject", "sender"):
                self.appears(L.get(f), text_sq, f"{w}.{f}")
            for r in L.get("recipients") or []:
                self.appears(r, text_sq, f"{w}.recipient")
            sig = L.get("signatory") or {}
            self.appears(sig.get("name"), text_sq, f"{w}.signatory.name")
            self.appears(sig.get("position"), text_sq, f"{w}.signatory.position")
            c = L.get("contact") or {}
            for f in ("unit", "coordinator"):
                self.appears(c.get(f), text_sq, f"{w}.contact.{f}")
            for f in ("phones", "emails"):
                for v in c.get(f) or []:
                    self.appears(v, text_sq, f"{w}.contact.{f[:-1]}")
            for name in ("cites", "enclosures"):
                for j, ci in enumerate(L.get(name) or []):
                    self.appears(ci.get("text"), text_sq, f"{w}.{name}[{j}].text")
                    self.ref_appears(ci.get("reference"), text_sq, f"{w}.{name}[{j}].reference")
                    cd = self.iso(ci.get("date"), f"{w}.{name}[{j}].date")
                    self.date_appears(cd, text_sq, f"{w}.{name}[{j}].date")
                    if cd and ld and cd > ld:
                        self.err(f"{w}.{name}[{j}] is dated {cd} after the letter ({ld})")
            for j, s in enumerate(L.get("received") or []):
                sd = self.iso(s.get("date"), f"{w}.received[{j}].date")
                self.date_appears(sd, text_sq, f"{w}.received[{j}].date")
                if sd and ld and sd < ld:
                    self.err(f"{w}.received[{j}] {sd} is before the letter's date {ld}")
            self.tasks(L.get("tasks") or [], text_sq, w, ld)
        for a, att in enumerate(gold.get("attachments") or []):
            if "title" not in att or "tasks" not in att:
                self.err(f"attachments[{a}] needs title and tasks")
                continue
            self.appears(att.get("title"), text_sq, f"attachments[{a}].title")
            for j, t in enumerate(att["tasks"]):
                self.task(t, f"attachments[{a}].tasks[{j}]")
            self.tasks(att["tasks"], text_sq, f"attachments[{a}]", None)
        for k, ln in enumerate(gold.get("links") or []):
            f, t, rel = ln.get("from"), ln.get("to"), ln.get("relation")
            if rel not in RELATIONS:
                self.err(f"links[{k}].relation {rel!r}")
            if not (isinstance(f, int) and isinstance(t, int) and 0 <= f < len(letters) and 0 <= t < len(letters)
                    and f != t):
                self.err(f"links[{k}] indexes {f}->{t} out of range")
                continue
            target = letters[t].get("reference")
            field = {"encloses": "enclosures", "cites": "cites"}.get(rel)
            if field and target:
                refs = [squeeze(c.get("reference") or "") for c in letters[f].get(field) or []]
                if squeeze(target) not in refs:
                    self.err(f"links[{k}]: letter {f} {rel} letter {t} but {target!r} is not in its {field}")
        self.weekdays(text, notes)

    def tasks(self, tasks: list, text_sq: str, w: str, ld: dt.date | None) -> None:
        for j, t in enumerate(tasks):
            d = self.iso(t.get("deadline"), f"{w}.tasks[{j}].deadline")
            if t.get("text"):
                self.appears(t["text"], text_sq, f"{w}.tasks[{j}].text")
            if not t.get("derived") and t.get("kind") != "relative":
                self.date_appears(d, text_sq, f"{w}.tasks[{j}].deadline")
            if d and ld and d < ld:
                self.err(f"{w}.tasks[{j}] deadline {d} is before the letter's date {ld}")
            s = self.iso(t.get("start"), f"{w}.tasks[{j}].start") if "start" in t else None
            if s and d and s > d:
                self.err(f"{w}.tasks[{j}] starts {s} after it ends {d}")


def _notes(obj) -> list[str]:
    out = []
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k == "note" and isinstance(v, str):
                out.append(v)
            else:
                out += _notes(v)
    elif isinstance(obj, list):
        for v in obj:
            out += _notes(v)
    return out


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent / "letters"
    golds = sorted(folder.glob("*.gold.json"))
    texts = sorted(folder.glob("*.txt"))
    c = Checker()
    for g in golds:
        c.check_file(g)
    c.where = folder.name
    for t in texts:
        if not (folder / (t.stem + ".gold.json")).exists():
            c.err(f"{t.name} has no gold file")
    for e in c.errors:
        print(e)
    print(f"{len(golds)} gold files, {len(c.errors)} problems")
    return 1 if c.errors or not golds else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
