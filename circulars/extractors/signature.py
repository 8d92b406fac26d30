"""The signatory: the name in parentheses under the closing, and the position lines
under it (an acting position such as ``ปฏิบัติราชการแทน`` continues on the next line)."""

from __future__ import annotations

import re

from ..lines import Line
from ..models import Signatory
from ..segment import _kw, name_in_parentheses


def find_signatory(lines: list[Line], furniture: dict) -> tuple[Signatory | None, int | None]:
    """Search ``lines`` (those after the closing) for the signature. Returns the signatory
    and the position (into ``lines``) of its last line."""
    content = [(i, ln) for i, ln in enumerate(lines) if not ln.blank and ln.index not in furniture]
    for n, (i, ln) in enumerate(content[:8]):
        name = name_in_parentheses(ln.text)
        if not name:
            continue
        position, last = _position(content[n + 1:])
        return Signatory(name=name, position=position, span=ln.span), (last if last is not None else i)
    return None, None


def _position(after: list[tuple[int, Line]]) -> tuple[str | None, int | None]:
    if not after:
        return None, None
    acting = _kw()["signature"]["acting"]
    contact = _kw()["contact"]
    stop = contact["phone"] + contact["email"] + contact["coordinator"]
    taken: list[Line] = []
    last = None
    prev_index = None
    for i, ln in after[:4]:
        s = ln.stripped
        if name_in_parentheses(s) or any(s.startswith(w) for w in stop):
            break
        joined = prev_index is not None and ln.index == prev_index + 1
        if taken and not (joined or any(taken[-1].stripped.endswith(w) for w in acting)):
            break
        if taken and _is_unit(s) and not any(taken[-1].stripped.endswith(w) for w in acting):
            break
        taken.append(ln)
        last, prev_index = i, ln.index
    text = " ".join(t.stripped for t in taken)
    return (re.sub(r"\s+", " ", text) or None), last


def _is_unit(text: str) -> bool:
    return any(text.startswith(w) for w in _kw()["units"]["starts"]) and not text.startswith("ผู้")
