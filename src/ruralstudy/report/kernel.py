"""Run one notebook in a fresh kernel that talks over IPC, not TCP.

A kernel on TCP listens on loopback ports that any local user can reach, and
jupyter_client warns "Kernel is running over TCP without encryption"; on
IPC it uses Unix sockets in a private temporary folder, so the report also
runs where the network (loopback included) is down, e.g. ``unshare -n``.

Failures come back as one line: which notebook, which cell, which error
(:class:`NotebookFailed`), or that the kernel would not start or died
(:class:`KernelFailed`).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

from ruralstudy.report.errors import KernelFailed, NotebookFailed

KERNEL_NAME = "python3"  # ipykernel's own kernel: this interpreter, this environment
START_TIMEOUT = 60


@dataclass
class Executed:
    """A notebook after its run, with what the report says about it."""

    name: str
    nb: nbformat.NotebookNode
    seconds: float


def _ipc_config(socket_dir: str):
    """Kernel-manager settings for IPC; ``ip`` is then the path prefix of the sockets."""
    from traitlets.config import Config

    config = Config()
    config.KernelManager.transport = "ipc"
    config.KernelManager.ip = os.path.join(socket_dir, "kernel")
    return config


async def run(
    nb: nbformat.NotebookNode,
    name: str,
    *,
    cwd: Path,
    env: dict[str, str],
    timeout: int,
) -> Executed:
    """Execute ``nb`` in ``cwd`` with environment ``env``; return it with its run time.

    ``name`` is how errors call the notebook (its file name, or "profile of …").
    """
    start = time.perf_counter()
    # A short path: a Unix socket's path must fit in 107 bytes.
    socket_dir = tempfile.mkdtemp(prefix="rs-kernel-")
    client = NotebookClient(
        nb,
        kernel_name=KERNEL_NAME,
        config=_ipc_config(socket_dir),  # the client makes (and so shuts down) its kernel
        timeout=timeout,
        startup_timeout=START_TIMEOUT,
        record_timing=False,  # timestamps would make each run's notebook differ
        resources={"metadata": {"path": str(cwd)}},
    )
    try:
        await client.async_execute(env=env)
    except CellExecutionError as exc:
        raise NotebookFailed(f"{name}: {_failed_cell(nb)}: {_one_line(exc)}") from None
    except CellTimeoutError:
        raise NotebookFailed(
            f"{name}: {_failed_cell(nb)}: ran past the {timeout} s time limit"
        ) from None
    except DeadKernelError as exc:
        raise KernelFailed(f"{name}: the kernel died ({_one_line(exc)})") from None
    except Exception as exc:
        if _started(client):
            raise
        raise KernelFailed(
            f"{name}: the kernel {KERNEL_NAME!r} could not start: {type(exc).__name__}: "
            f"{_one_line(exc)} (is ipykernel installed in this environment?)"
        ) from None
    finally:
        shutil.rmtree(socket_dir, ignore_errors=True)
    return Executed(name, nb, time.perf_counter() - start)


def _started(client: NotebookClient) -> bool:
    """Whether the kernel had started (so the error is the notebook's, not the start's)."""
    return any(cell.get("execution_count") for cell in client.nb.cells if cell.cell_type == "code")


def _one_line(exc: BaseException) -> str:
    """The error's own message, without the traceback nbclient puts before it."""
    ename, evalue = getattr(exc, "ename", None), getattr(exc, "evalue", None)
    if ename:
        return f"{ename}: {evalue}".strip().rstrip(":")
    text = str(exc).strip().splitlines()
    return text[-1] if text else type(exc).__name__


def _failed_cell(nb: nbformat.NotebookNode) -> str:
    """ "cell 7 (`x = 1 / 0`)": the first cell with an error output, or the last one run."""
    last = None
    for number, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "code":
            continue
        if any(out.get("output_type") == "error" for out in cell.get("outputs", [])):
            return f"cell {number} ({_first_line(cell.source)})"
        if cell.get("execution_count"):
            last = (number, cell)  # the cell running when time ran out
    if last is None:
        return "a cell"
    return f"cell {last[0]} ({_first_line(last[1].source)})"


def _first_line(source: str) -> str:
    line = next((s for s in source.splitlines() if s.strip()), "")
    return f"`{line[:60]}…`" if len(line) > 60 else f"`{line}`"
