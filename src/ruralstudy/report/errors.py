"""Why a report could not be built, in one line a reader can act on."""

from __future__ import annotations


class ReportError(RuntimeError):
    """The report or a profile could not be built; the message says why."""


class NotebookFailed(ReportError):
    """A notebook did not run to the end; the message names it, the cell and the error."""


class KernelFailed(ReportError):
    """The notebook's kernel could not start, or died while running it."""
