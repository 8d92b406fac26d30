"""``circulars eval``: score extraction against gold annotations (``*.gold.json``).

Letters of a file are aligned with the gold letters in order (a monotone alignment
scored by reference, date, subject and kind); each field then counts true positives,
false positives and false negatives. Strings are compared after normalisation
(Arabic digits, no whitespace, one kind of quote)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config
from .contract import document_json
from .errors import CircularsError
from .normalize import normalize_text, to_arabic_digits
from .pipeline import extract_file

SCALARS = ["kind", "urgency", "secrecy", "reference", "date", "sender", "subject", "signatory.name",
           "signatory.position", "contact.unit"]
SETS = ["recipients", "cites", "enclosures", "received", "contact.phones", "contact.emails", "tasks"]
HEADER = ["urgency", "reference", "date", "sender", "subject", "recipients", "cites", "enclosures",
          "signatory.name"]


def canon(value) -> str | None:
    if value is None:
        return None
    s = to_arabic_digits(normalize_text(str(value)))
    s = re.sub(r"[“”\"'‘’]", '"', s)
    s = re.sub(r"\s+", "", s)
    return s.strip(".:;,") or None


def _get(obj: dict | None, path: str):
    for part in path.split("."):
        if obj is None:
            return None
        obj = obj.get(part)
    return obj


def _ref_text(r) -> str | None:
    if isinstance(r, dict):
        return r.get("text")
    return r


def keys(letter: dict, name: str) -> set[str]:
    """The set a list field is compared as."""
    if name == "recipients":
        joined = "".join(letter.get("recipients") or [])
        return {canon(re.sub(r"\s*และ\s*|,", "", joined))} if joined else set()
    if name in ("cites", "enclosures"):
        out = set()
        for c in letter.get(name) or []:
            ref = _ref_text(c.get("reference"))
            out.add(f"{canon(ref)}|{c.get('date')}" if ref else canon(re.sub(r"จำนวน.*$", "", c.get("text") or "")))
        return {k for k in out if k}
    if name == "received":
        return {f"{canon(s.get('number'))}|{s.get('date')}" for s in letter.get("received") or []}
    if name == "tasks":
        return {_deadline_date(t) for t in letter.get("tasks") or []} - {None}
    return {canon(x) for x in (_get(letter, name) or [])} - {None}


def _deadline_date(task: dict) -> str | None:
    d = task.get("deadline")
    return d.get("date") if isinstance(d, dict) else d


def scalar(letter: dict | None, name: str):
    if letter is None:
        return None
    if name == "reference":
        return canon(_ref_text(letter.get("reference")))
    return canon(_get(letter, name))


@dataclass
class Count:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    fields: dict[str, Count] = field(default_factory=dict)
    letters_gold: int = 0
    letters_found: int = 0
    letters_matched: int = 0
    header_right: int = 0
    files: int = 0
    errors: list[str] = field(default_factory=list)
    misses: list[tuple[str, int, str, object, object]] = field(default_factory=list)

    def count(self, name: str) -> Count:
        return self.fields.setdefault(name, Count())

    def as_json(self) -> dict:
        return {"files": self.files, "letters": {"gold": self.letters_gold, "found": self.letters_found,
                                                 "matched": self.letters_matched,
                                                 "header_all_right": self.header_right},
                "fields": {k: {"tp": c.tp, "fp": c.fp, "fn": c.fn, "precision": round(c.precision, 3),
                               "recall": round(c.recall, 3), "f1": round(c.f1, 3)} for k, c in self.fields.items()},
                "errors": self.errors,
                "misses": [{"file": f, "letter": i, "field": n, "gold": g, "found": p} for f, i, n, g, p in self.misses]}


def _similarity(g: dict, p: dict) -> float:
    s = 0.0
    if scalar(g, "reference") and scalar(g, "reference") == scalar(p, "reference"):
        s += 3
    if g.get("date") and g.get("date") == p.get("date"):
        s += 1
    if scalar(g, "subject") and scalar(g, "subject") == scalar(p, "subject"):
        s += 2
    if g.get("kind") == p.get("kind"):
        s += 0.5
    return s


def align(gold: list[dict], found: list[dict]) -> list[tuple[int | None, int | None]]:
    """Monotone alignment of gold and found letters maximising similarity (pairs with 0 stay apart)."""
    n, m = len(gold), len(found)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            sim = _similarity(gold[i], found[j])
            best[i][j] = max(best[i + 1][j], best[i][j + 1], (best[i + 1][j + 1] + sim) if sim > 0 else 0)
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        sim = _similarity(gold[i], found[j])
        if sim > 0 and best[i][j] == best[i + 1][j + 1] + sim:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            pairs.append((i, None))
            i += 1
        else:
            pairs.append((None, j))
            j += 1
    pairs += [(k, None) for k in range(i, n)] + [(None, k) for k in range(j, m)]
    return pairs


def score_letter(report: Report, name: str, idx: int, g: dict | None, p: dict | None) -> bool:
    """Count every field of one aligned pair; True when all HEADER fields are right."""
    right = {}
    for f in SCALARS:
        gv, pv = scalar(g, f), scalar(p, f)
        c = report.count(f)
        c.tp += int(gv is not None and gv == pv)
        c.fp += int(pv is not None and gv != pv)
        c.fn += int(gv is not None and gv != pv)
        right[f] = gv == pv
        if gv != pv and g is not None:
            report.misses.append((name, idx, f, _get(g, f) if f != "reference" else g.get("reference"), pv))
    for f in SETS:
        gs, ps = (keys(g, f) if g else set()), (keys(p, f) if p else set())
        c = report.count(f)
        c.tp += len(gs & ps)
        c.fp += len(ps - gs)
        c.fn += len(gs - ps)
        right[f] = gs == ps
        if gs != ps and g is not None:
            report.misses.append((name, idx, f, sorted(gs - ps), sorted(ps - gs)))
    if g is not None:
        score_task_people(report, name, idx, g, p)
    return all(right[f] for f in HEADER)


def score_task_people(report: Report, name: str, idx: int, g: dict, p: dict | None) -> None:
    """Assignee and report_to of each gold task whose due date a found task carries."""
    found = {}
    for t in (p or {}).get("tasks") or []:
        found.setdefault(_deadline_date(t), t)
    for gt in g.get("tasks") or []:
        pt = found.get(_deadline_date(gt))
        if pt is None:
            continue
        for f in ("assignee", "report_to"):
            gv, pv = canon(gt.get(f)), canon(pt.get(f))
            if gv is None:
                continue
            c = report.count(f"tasks.{f}")
            c.tp += int(gv == pv)
            c.fn += int(gv != pv)
            c.fp += int(pv is not None and gv != pv)
            if gv != pv:
                report.misses.append((name, idx, f"tasks.{f}", gt.get(f), pt.get(f)))


def evaluate_file(report: Report, gold_path: Path, config: Config) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    source = gold_path.parent / gold["file"]
    report.files += 1
    try:
        found = document_json(extract_file(source, config))["letters"]
    except CircularsError as e:
        report.errors.append(str(e))
        found = []
    score_found(report, gold["file"], gold, found)


def score_found(report: Report, name: str, gold: dict, found: list[dict]) -> None:
    """Add one file's extracted letters ``found``, aligned to its ``gold``, to ``report``."""
    report.letters_gold += len(gold["letters"])
    report.letters_found += len(found)
    for gi, pi in align(gold["letters"], found):
        g = gold["letters"][gi] if gi is not None else None
        p = found[pi] if pi is not None else None
        report.letters_matched += int(g is not None and p is not None)
        ok = score_letter(report, name, gi if gi is not None else -1, g, p)
        report.header_right += int(ok and g is not None and p is not None)


def evaluate_folder(folder: Path, config: Config) -> Report:
    report = Report()
    for gold_path in sorted(folder.rglob("*.gold.json")):
        evaluate_file(report, gold_path, config)
    return report


def format_report(report: Report, *, misses: bool = False) -> str:
    share = report.header_right / max(1, report.letters_gold)
    lines = [(f"files {report.files}, letters: gold {report.letters_gold}, found {report.letters_found}, "
              f"matched {report.letters_matched}"),
             (f"letters with all header fields right ({', '.join(HEADER)}): "
              f"{report.header_right}/{report.letters_gold} = {share:.1%}"),
             f"{'field':22} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for name, c in report.fields.items():
        lines.append(f"{name:22} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} {c.tp:5d} {c.fp:5d} {c.fn:5d}")
    lines += [f"error: {e}" for e in report.errors]
    if misses:
        lines.append("misses (file, letter, field: gold | found):")
        lines += [f"  {f} #{i} {n}: {g!r} | {p!r}" for f, i, n, g, p in report.misses]
    return "\n".join(lines)
