"""Run one notebook in a fresh kernel that talks over IPC, not TCP.

A kernel on TCP listens on loopback ports that any local user can reach, and
jupyter_client warns "Kernel is running over TCP without encryption"; on
IPC it uses Unix sockets in a private temporary folder, so the report also
runs where the network (loopback included) is down, e.g. ``unshare -n``.

Failures come back as one line: which notebook, which cell, which error
(:class:`NotebookFailed`), or that the kernel would not start or died
(:class:`KernelFailed`).

:func:`run` gives each notebook a kernel of its own. :class:`Kernel` keeps one
alive for many runs of one template (the report's profiles): starting a
kernel and importing pandas, matplotlib and geopandas cost about half of a
profile's run, and :func:`ruralstudy.report.fresh.begin` resets the kernel
between runs so each page is the same bytes as from a fresh kernel.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
from jupyter_client.utils import ensure_async
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
    # The client makes (and so shuts down) its kernel.
    client = _client(nb, cwd, timeout, config=_ipc_config(socket_dir))
    try:
        await _execute(client, name, timeout, env=env)
    finally:
        shutil.rmtree(socket_dir, ignore_errors=True)
    return Executed(name, nb, time.perf_counter() - start)


def _client(nb: nbformat.NotebookNode, cwd: Path, timeout: int, **kw) -> NotebookClient:
    return NotebookClient(
        nb,
        kernel_name=KERNEL_NAME,
        timeout=timeout,
        startup_timeout=START_TIMEOUT,
        record_timing=False,  # timestamps would make each run's notebook differ
        resources={"metadata": {"path": str(cwd)}},
        **kw,
    )


async def _execute(client: NotebookClient, name: str, timeout: int, **kw) -> None:
    """``client.async_execute(**kw)``, its failures as one line."""
    nb = client.nb
    try:
        await client.async_execute(**kw)
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


class Kernel:
    """One kernel over IPC that runs notebook after notebook, each from a fresh start.

    >>> async with Kernel(env=dict(os.environ), cwd=Path(".")) as k:  # doctest: +SKIP
    ...     executed = await k.run(nb, "profile of …", cwd=folder, environ={…}, timeout=600)
    """

    def __init__(self, *, env: dict[str, str], cwd: Path) -> None:
        from jupyter_client.manager import AsyncKernelManager

        self._env, self._cwd = env, cwd
        self._socket_dir = tempfile.mkdtemp(prefix="rs-kernel-")  # short: see run()
        self._km = AsyncKernelManager(kernel_name=KERNEL_NAME,
                                      config=_ipc_config(self._socket_dir))  # fmt: skip
        self._kc = None

    async def __aenter__(self) -> Kernel:
        try:
            # nbclient's own default: history in memory, nothing written to ~/.ipython.
            history = ["--HistoryManager.hist_file=:memory:"]
            await self._km.start_kernel(env=self._env, cwd=str(self._cwd), extra_arguments=history)
            self._kc = self._km.client()
            self._kc.start_channels()
            await self._kc.wait_for_ready(timeout=START_TIMEOUT)
        except Exception as exc:
            await self.__aexit__(None, None, None)
            raise KernelFailed(
                f"the kernel {KERNEL_NAME!r} could not start: {type(exc).__name__}: "
                f"{_one_line(exc)} (is ipykernel installed in this environment?)"
            ) from None
        self._kc.allow_stdin = False
        return self

    async def __aexit__(self, *exc_info) -> None:
        if self._kc is not None:
            self._kc.stop_channels()
        if self._km.has_kernel:
            await self._km.shutdown_kernel(now=True)
        await ensure_async(self._km.cleanup_resources())
        shutil.rmtree(self._socket_dir, ignore_errors=True)

    async def run(
        self,
        nb: nbformat.NotebookNode,
        name: str,
        *,
        cwd: Path,
        environ: dict[str, str],
        timeout: int,
    ) -> Executed:
        """Execute ``nb`` in ``cwd`` with the variables ``environ`` set, after a fresh start."""
        start = time.perf_counter()
        code = f"import ruralstudy.report.fresh as f\nf.begin({str(cwd)!r}, {environ!r})"
        reply = await self._kc.execute_interactive(code, silent=True, store_history=False,
                                                   timeout=START_TIMEOUT)  # fmt: skip
        if reply["content"]["status"] != "ok":
            content = reply["content"]
            raise KernelFailed(f"{name}: the kernel could not be reset for it "
                               f"({content.get('ename')}: {content.get('evalue')})")  # fmt: skip
        client = _client(nb, cwd, timeout, km=self._km)  # not the client's: it stays up
        client.kc = self._kc
        await _execute(client, name, timeout)
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


class KernelPool:
    """Kernels lent one run at a time and kept for the next (at most as many as run at once).

    >>> async with KernelPool(env=dict(os.environ), cwd=Path(".")) as pool:  # doctest: +SKIP
    ...     async with pool.kernel() as k:
    ...         executed = await k.run(nb, …)
    """

    def __init__(self, *, env: dict[str, str], cwd: Path) -> None:
        self._env, self._cwd = env, cwd
        self._idle: list[Kernel] = []
        self._stack = contextlib.AsyncExitStack()

    async def __aenter__(self) -> KernelPool:
        await self._stack.__aenter__()
        return self

    async def __aexit__(self, *exc_info) -> None:
        await self._stack.__aexit__(*exc_info)  # shuts every kernel down

    @contextlib.asynccontextmanager
    async def kernel(self, name: str = ""):
        """An idle kernel, or a new one; back to the pool only if its run succeeded.

        ``name`` (the notebook's) starts the error if a new kernel cannot start.
        """
        if self._idle:
            k = self._idle.pop()
        else:
            try:
                k = await self._stack.enter_async_context(Kernel(env=self._env, cwd=self._cwd))
            except KernelFailed as exc:
                raise KernelFailed(f"{name}: {exc}" if name else str(exc)) from None
        yield k
        self._idle.append(k)
