"""The README's tour runs as written (all but the lines that need the reader's own
file and folder)."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_tour_runs(tmp_path, monkeypatch):
    block = re.search(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S).group(1)
    own = ("my_survey.xlsx", "my_villages/")
    lines = [line for line in block.splitlines() if not any(o in line for o in own)]
    assert len(lines) == len(block.splitlines()) - 2  # the skipped lines are still there
    monkeypatch.chdir(tmp_path)  # the tour saves a figure under figures/
    exec(compile("\n".join(lines), "README.md", "exec"), {})
    assert (tmp_path / "figures" / "chetian_timeline.pdf").is_file()
    assert (tmp_path / "figures" / "chetian_timeline.json").is_file()
