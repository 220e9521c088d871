"""措辞: a verdict's sentence kept as its message and values, so that it reads in any language.

A sentence is a tree of JSON-ready nodes: a plain string is said as it is (a number, a unit, a name);
``{"m": MSGID, "a": {NAME: NODE}}`` is a message, its Chinese text the msgid with ``%(NAME)s`` places;
``{"period": CODE, "full": BOOL}`` is a period's label (2023年一季度 in full, 一季度 short). `render` says the
tree in Chinese by default — exactly the engine's reason — or, given a translation function and a period
label of the reader's language, in theirs. Pure Python: the caller brings gettext (Django is not imported).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from luoshi.lib.periods import Period, parse

Node = str | dict[str, Any]


def gettext_noop(message: str) -> str:
    """Marks MESSAGE as a msgid for extraction (makemessages), as Django's function of that name does."""
    return message


def msg(msgid: str, **args: Node) -> dict[str, Any]:
    """The message MSGID with its values ARGS (each a node)."""
    return {"m": msgid, "a": args} if args else {"m": msgid}


def period(p: Period, full: bool = False) -> dict[str, Any]:
    """P's label: 2023年一季度 (FULL) or 一季度."""
    return {"period": p.code, "full": full}


def _chinese_period(code: str, full: bool) -> str:
    p = parse(code)
    return p.label_zh_full if full else p.label_zh


def _same(message: str) -> str:
    return message


def render(node: Node | None, translate: Callable[[str], str] = _same,
           period_label: Callable[[str, bool], str] = _chinese_period) -> str:
    """NODE said with TRANSLATE (msgid → text) and PERIOD_LABEL (code, full → label); Chinese by default."""
    if node is None:
        return ""
    if isinstance(node, str):
        return node
    if "period" in node:
        return period_label(node["period"], bool(node.get("full")))
    text = translate(node["m"])
    if "a" not in node:
        return text
    return text % {name: render(value, translate, period_label) for name, value in node["a"].items()}


def replaced(node: Node | None, old: str, new: str) -> Node | None:
    """NODE with every message OLD (a msgid) made NEW."""
    if not isinstance(node, dict) or "period" in node:
        return node
    if node["m"] == old:
        return {**node, "m": new}
    if "a" not in node:
        return node
    return {**node, "a": {name: replaced(value, old, new) for name, value in node["a"].items()}}
