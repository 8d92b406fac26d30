"""Field confidences from the OCR confidences of the words a field was read from, and the
list of fields a clerk should check. Two pipeline stages:

- :func:`map_ocr_words` (after ``normalize_pages``): for every OCR page, which OCR unit each
  character of ``Document.text`` was read from (:func:`circulars.ocr.align.char_units`);
- :func:`rate_fields` (after the extractors): each header field of a letter (reference,
  date, sender, subject, recipients, signatory) and each task deadline gets the OCR
  confidence of the units under its span (:func:`span_confidence`: the lowest unit
  confidence, see docs/confidence.md for the measurement that chose it), multiplied by the
  extractor's own confidence where it has one; a field below ``Config.check_confidence``
  is listed in ``Letter.check``. Born-digital text has no OCR units: its fields keep the
  extractors' confidences, and are listed when those are low."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .config import Config
from .models import Deadline, Document, Evidence, Letter, PageWords
from .ocr.align import char_units

if TYPE_CHECKING:
    from .reading import RawInput

HEADER_FIELDS = ("reference", "date", "sender", "subject", "recipients", "signatory")
_REF_LABEL = re.compile(r"ที่?\s*")
_LABEL = re.compile(r"^\s*(?:เรื่อง|เรียน|ถึง|เสนอ|ส่วนราชการ|จาก)\s*")


def map_ocr_words(raw: RawInput, doc: Document) -> Document:
    """``doc.ocr_words``: for each OCR page of ``raw``, its units'
    confidences and the unit of each character of the page's text in ``doc.text``."""
    words = raw.result.ocr_words
    for k, page in enumerate(doc.pages):
        units = words.get(page.number)
        if not units:
            continue
        start = doc.page_starts[k]
        end = doc.page_starts[k + 1] - 1 if k + 1 < len(doc.page_starts) else len(doc.text)
        doc.ocr_words[page.number] = PageWords(page.number, start, [w.confidence for w in units],
                                               char_units(units, doc.text[start:end]))
    return doc


def unit_confidences(doc: Document, span: tuple[int, int]) -> list[float]:
    """The confidences of the OCR units the characters of ``span`` (in ``doc.text``) were read
    from, each unit once, in text order; empty when no OCR unit lies under it."""
    out: list[float] = []
    for pw in doc.ocr_words.values():
        lo, hi = max(span[0] - pw.start, 0), min(span[1] - pw.start, len(pw.char_units))
        seen = -1
        for u in pw.char_units[lo:hi] if lo < hi else ():
            if u >= 0 and u != seen:
                out.append(pw.confidences[u])
                seen = u
    return out


def low_percentile(values: list[float], share: float) -> float:
    """The value below which ``share`` of ``values`` lie (nearest rank; share 0 = the minimum)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def span_confidence(doc: Document, span: tuple[int, int] | None, share: float = 0.0) -> float | None:
    """OCR confidence of a span: the ``share`` low percentile (default the minimum) of its
    units' confidences; None when the span has no OCR units (born-digital text)."""
    if span is None or span[1] <= span[0]:
        return None
    confs = unit_confidences(doc, span)
    return round(low_percentile(confs, share), 4) if confs else None


def value_span(text: str, span: tuple[int, int], value: str | None) -> tuple[int, int]:
    """The part of ``span`` (a header field's lines) that holds ``value``: from its first word,
    looked for after the label, to the end of its last word; ``span`` when ``value`` is empty."""
    words = value.split() if value else []
    if not words:
        return span
    seg = text[span[0]:span[1]]
    label = _LABEL.match(seg)
    skip = label.end() if label else 0
    at = seg.find(words[0], skip)
    at = at if at >= 0 else skip
    end = seg.rfind(words[-1])
    end = end + len(words[-1]) if end >= at else len(seg)
    return (span[0] + at, span[0] + end)


def find_value(text: str, span: tuple[int, int], value: str | None) -> tuple[int, int] | None:
    """Where ``value`` (or its first line's worth) is written inside ``span``, or None."""
    if not value:
        return None
    for probe in (value, value.split("\n")[0], " ".join(value.split()[:2])):
        at = text.find(probe, span[0], span[1])
        if probe and at >= 0:
            return (at, at + len(probe))
    return None


def field_spans(doc: Document, letter: Letter) -> dict[str, tuple[int, int]]:
    """The span of the value of each header field the letter has."""
    ev = letter.evidence
    out: dict[str, tuple[int, int]] = {}
    if "reference" in ev:  # the number, not its ที่ label
        span = ev["reference"].span
        label = _REF_LABEL.match(doc.text, span[0], span[1])
        out["reference"] = (label.end(), span[1]) if label and label.end() < span[1] else span
    for name in ("date", "signatory"):
        if name in ev:
            out[name] = ev[name].span
    if "sender" in ev:
        out["sender"] = ev["sender"].span
    elif letter.sender:  # a memo's ส่วนราชการ, a title's issuing body: no evidence kept
        found = find_value(doc.text, letter.span, letter.sender)
        if found:
            out["sender"] = found
    if "subject" in ev and letter.subject:
        out["subject"] = value_span(doc.text, ev["subject"].span, letter.subject)
    if "recipients" in ev and letter.recipients:
        out["recipients"] = value_span(doc.text, ev["recipients"].span, ev["recipients"].raw)
    return out


def combine(extractor: float, ocr: float | None) -> float:
    """A field's confidence: the extractor's times the OCR one (independent ways to be wrong)."""
    return round(extractor * ocr, 4) if ocr is not None else extractor


def rate_letter(doc: Document, letter: Letter, threshold: float) -> Letter:
    """Confidences of one letter's header fields and task deadlines; ``letter.check`` lists the
    low ones in the order of HEADER_FIELDS, then the tasks."""
    spans = field_spans(doc, letter)
    check = []
    for name in HEADER_FIELDS:
        span = spans.get(name)
        if span is None:
            continue
        ocr = span_confidence(doc, span)
        old = letter.evidence.get(name)
        if old is None:
            if ocr is None:
                continue
            old = Evidence(raw=doc.text[span[0]:span[1]], span=span)
        conf = combine(old.confidence, ocr)
        letter.evidence[name] = replace(old, confidence=conf, ocr_confidence=ocr)
        if name == "reference" and letter.reference:
            letter.reference.confidence = conf
        if conf < threshold:
            check.append(name)
    for k, task in enumerate(letter.tasks):
        if rate_deadline(doc, task.deadline, threshold):
            check.append(f"tasks[{k}].deadline")
    letter.check = check
    return letter


def rate_deadline(doc: Document, deadline: Deadline | None, threshold: float) -> bool:
    """Set a deadline's OCR confidence; True when it is low."""
    if deadline is None or deadline.span is None:
        return False
    deadline.confidence = span_confidence(doc, deadline.span)
    return deadline.confidence is not None and deadline.confidence < threshold


def rate_fields(doc: Document, config: Config) -> Document:
    """The pipeline stage: every letter rated and its low fields listed."""
    for letter in doc.letters:
        rate_letter(doc, letter, config.check_confidence)
    for att in doc.attachments:
        for task in att.tasks:
            rate_deadline(doc, task.deadline, config.check_confidence)
    return doc
