"""Rules written after rates32 was measured, on its classes (no longer unseen): a name's or a
place's N道 is no count of steps (南七道, 二道沟), the views before 浏览 (0次浏览), and km in Latin
letters.  Each reading is (span, value, lower, upper, unit, qualifier, canonical unit), NaN as
None."""

from __future__ import annotations

import pytest
from extract_readings import full_rows as readings


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("本文来自微信公众号南七道，二道沟村。", []),
        ("30道工序，十二道拦路酒。", [
            ("30道", 30, 30, 30, "道", "exact", "count:道"),
            ("十二道", 12, 12, 12, "道", "exact", "count:道"),
        ]),
        ("0次浏览     发布时间", []),
        ("100次浏览", []),
        ("去了3次，浏览了景区。", [("3次", 3, 3, 3, "次", "exact", "count:次")]),
        ("全程约120kM，单程80km。", [
            ("约120kM", 120, None, None, "kM", "approx", "km"),
            ("80km", 80, 80, 80, "km", "exact", "km"),
        ]),
    ],
)  # fmt: skip
def test_rules_of_rates32s_classes(text, found):
    assert readings(text) == found
