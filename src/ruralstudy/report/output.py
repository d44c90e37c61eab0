"""An output folder the report shares with whatever else is in it.

The report builds every file in a hidden staging folder inside the output
folder and moves them into place only once all of them are complete, so an
interrupted or failed build leaves the previous report as it was, never a
mix of new and stale pages, links to files not yet there, or a truncated
figure under its final name. A manifest (``.ruralstudy-<kind>.json``) lists
what the last build wrote: only those files are ever replaced or removed;
a file of the same name that the report did not write is an error, not
overwritten.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from ruralstudy.report.errors import ReportError

STAGING_PREFIX = ".ruralstudy-building-"
LAST = "index.html"  # moved last and removed first: it never links to a missing page


class OutputFolder:
    """Stage files for ``out`` and commit them all at once.

    >>> with OutputFolder("reports", kind="report") as staged:  # doctest: +SKIP
    ...     (staged.path / "index.html").write_text("…")
    ...     staged.commit()
    """

    def __init__(self, out: str | Path, kind: str) -> None:
        self.out = Path(out)
        self.manifest = self.out / f".ruralstudy-{kind}.json"
        self.path: Path = Path()

    def __enter__(self) -> OutputFolder:
        if self.out.exists() and not self.out.is_dir():
            raise ReportError(f"{self.out}: exists and is not a folder")
        try:
            self.out.mkdir(parents=True, exist_ok=True)
            self.path = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=self.out))
        except OSError as exc:
            raise ReportError(f"{self.out}: cannot write here: {exc.strerror}") from None
        return self

    def __exit__(self, *exc_info) -> None:
        shutil.rmtree(self.path, ignore_errors=True)

    def _manifest(self) -> dict:
        if not self.manifest.is_file():
            return {}
        try:
            data = json.loads(self.manifest.read_text(encoding="utf-8"))
            set(data["files"])
        except (ValueError, KeyError, TypeError):
            raise ReportError(
                f"{self.manifest}: not a manifest this report wrote; remove it to rebuild"
            ) from None
        return data

    def previous(self) -> set[str]:
        """The files (relative paths) the last build of this kind wrote."""
        return set(self._manifest().get("files", []))

    def previous_seconds(self) -> dict[str, float]:
        """How long each job of the last build took (for ordering the next one)."""
        seconds = self._manifest().get("seconds", {})
        return {str(k): float(v) for k, v in seconds.items()} if isinstance(seconds, dict) else {}

    def check_free(self, names: list[str]) -> None:
        """Fail if any of ``names`` exists in ``out`` without the report having written it."""
        ours = self.previous()
        taken = [n for n in names if (self.out / n).exists() and n not in ours]
        if taken:
            shown = ", ".join(str(self.out / n) for n in taken[:5])
            more = f" and {len(taken) - 5} more" if len(taken) > 5 else ""
            raise ReportError(
                f"{shown}{more}: already there and not written by ruralstudy; "
                "move it away or choose another --out"
            )

    def staged_files(self) -> list[str]:
        """Every file in the staging folder, as a path relative to it."""
        return sorted(p.relative_to(self.path).as_posix() for p in self.path.rglob("*")
                      if p.is_file())  # fmt: skip

    def commit(self, seconds: dict[str, float] | None = None) -> list[Path]:
        """Move every staged file into ``out``; remove what the last build wrote and this
        one did not. ``seconds`` (each job's run time) is kept in the manifest.
        Returns the files now in place."""
        new = self.staged_files()
        self.check_free(new)
        old = self.previous()
        self._write_manifest(old | set(new))  # an interrupted commit still knows its files
        ordered = sorted(new, key=lambda n: n == LAST)
        for name in sorted(old, key=lambda n: n != LAST):
            if name not in new or name == LAST:
                _remove(self.out / name, self.out)
        for name in ordered:
            target = self.out / name
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(self.path / name, target)
        self._write_manifest(set(new), seconds)
        return [self.out / n for n in new]

    def _write_manifest(self, files: set[str], seconds: dict[str, float] | None = None) -> None:
        data: dict = {"files": sorted(files)}
        if seconds:
            data["seconds"] = {k: round(v, 1) for k, v in sorted(seconds.items())}
        tmp = self.manifest.with_name(self.manifest.name + ".tmp")
        tmp.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        os.replace(tmp, self.manifest)


def _remove(path: Path, top: Path) -> None:
    """Delete a file the report wrote, then any folders it leaves empty (not ``top``)."""
    if path.is_file() or path.is_symlink():
        path.unlink()
    folder = path.parent
    while folder != top and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
