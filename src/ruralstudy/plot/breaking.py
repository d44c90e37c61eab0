"""Line breaking for Chinese and mixed text, by the rules of Chinese typesetting.

The rules are those of W3C "Requirements for Chinese Text Layout" (clreq,
§3.1.7 on line-start and line-end prohibition): a line never starts with a
closing bracket or quote or with 、，。 and the like, and never ends with an
opening bracket or quote. CJK text may break between any two characters;
Latin words break at spaces only.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_CJK = r"\u2e80-\u9fff\u3000-\u303f\uff00-\uffef"
_TOKEN = re.compile(rf"[{_CJK}]|[^\s{_CJK}]+\s*|\s+")
NO_LINE_START = frozenset("，。、；：？！）》」』】〕”’,.;:?!)]}…·%")
NO_LINE_END = frozenset("（《「『【〔“‘([{")


def _bad_start(s: str) -> bool:
    s = s.lstrip()
    return bool(s) and s[0] in NO_LINE_START


def _bad_end(s: str) -> bool:
    s = s.rstrip()
    return bool(s) and s[-1] in NO_LINE_END


def break_lines(text: str, width: Callable[[str], float], max_width: float) -> list[str]:
    """``text`` (one paragraph) as lines no wider than ``max_width`` where the rules allow.

    ``width`` measures a string. A break that would start a line with a
    closing mark or end one with an opening mark moves back a character;
    if no allowed break is left, the line runs over rather than break a rule.

    >>> break_lines("资料来源：国家统计局《公报》", len, 11)
    ['资料来源：国家统计局', '《公报》']
    """
    tokens = _TOKEN.findall(text)
    lines: list[str] = []
    current: list[str] = []
    for token in tokens:
        if current and width(("".join(current) + token).rstrip()) > max_width:
            pending = [token]
            k = len(current)
            while k > 1 and (_bad_start(pending[0]) or _bad_end("".join(current[:k]))):
                k -= 1
                pending.insert(0, current[k])
            if (
                _bad_start(pending[0])
                or _bad_end("".join(current[:k]))
                or not "".join(current[:k]).strip()
            ):
                current.append(token)  # no allowed break: run over
                continue
            lines.append("".join(current[:k]).rstrip())
            current = pending
            while current and not current[0].strip():
                current.pop(0)
            if current:
                current[0] = current[0].lstrip()
        else:
            current.append(token)
    lines.append("".join(current).rstrip())
    return lines
