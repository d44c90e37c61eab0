"""The README's tour runs as written (all but the line that needs the reader's own file)."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_tour_runs(tmp_path, monkeypatch):
    block = re.search(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S).group(1)
    lines = [line for line in block.splitlines() if "my_survey.xlsx" not in line]
    assert len(lines) < len(block.splitlines())  # the skipped line is still there for readers
    monkeypatch.chdir(tmp_path)  # the tour saves a figure under reports/
    exec(compile("\n".join(lines), "README.md", "exec"), {})
    assert (tmp_path / "reports" / "figures" / "chetian_timeline.pdf").is_file()
