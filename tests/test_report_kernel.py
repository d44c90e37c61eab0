"""Kernels: over IPC (no TCP, no warning, no network needed); failures in one line."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys

import pytest
from notebook_files import notebook

from ruralstudy import report

TRANSPORT = (
    "import json\n"
    "from ipykernel.connect import get_connection_info\n"
    "print('transport:', json.loads(get_connection_info())['transport'])"
)


def run_cli(tmp_path, *prefix, env=None):
    return subprocess.run(
        [*prefix, sys.executable, "-m", "ruralstudy", "report", "--notebooks",
         str(tmp_path / "nb"), "--out", str(tmp_path / "out"), "--no-profiles"],
        capture_output=True, text=True, check=False, timeout=300, env=env,
    )  # fmt: skip


def test_kernels_talk_over_ipc_without_the_tcp_warning(tmp_path):
    (tmp_path / "nb").mkdir()
    notebook(tmp_path / "nb" / "01_t.ipynb", TRANSPORT)
    done = run_cli(tmp_path)
    assert done.returncode == 0, done.stderr
    assert "transport: ipc" in (tmp_path / "out" / "01_t.html").read_text(encoding="utf-8")
    assert "without encryption" not in done.stderr and "TCP" not in done.stderr


def _can_unshare() -> bool:
    if shutil.which("unshare") is None or os.geteuid() != 0:
        return False
    return subprocess.run(["unshare", "-n", "true"], check=False).returncode == 0


@pytest.mark.skipif(not _can_unshare(), reason="needs root and unshare -n")
def test_the_report_runs_with_no_network_at_all(tmp_path):
    (tmp_path / "nb").mkdir()
    notebook(tmp_path / "nb" / "01_t.ipynb", "print(6 * 7)")
    done = run_cli(tmp_path, "unshare", "-n")  # a new network namespace: loopback is down
    assert done.returncode == 0, done.stderr
    assert "42" in (tmp_path / "out" / "01_t.html").read_text(encoding="utf-8")


def test_a_kernel_that_dies_is_one_line(tmp_path):
    (tmp_path / "nb").mkdir()
    notebook(tmp_path / "nb" / "01_dies.ipynb", "import os\nos._exit(1)")
    with pytest.raises(report.KernelFailed, match=r"^01_dies\.ipynb: the kernel died"):
        report.build(tmp_path / "nb", tmp_path / "out", profiles=False)


def test_a_kernel_that_cannot_start_is_one_line(tmp_path):
    """A kernelspec whose program does not exist, found first on JUPYTER_PATH."""
    spec = tmp_path / "jupyter" / "kernels" / "python3"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [str(tmp_path / "no-such-python"), "-m", "ipykernel_launcher", "-f",
                 "{connection_file}"],
        "display_name": "broken", "language": "python",
    }))  # fmt: skip
    (tmp_path / "nb").mkdir()
    notebook(tmp_path / "nb" / "01_x.ipynb", "1")
    env = {**os.environ, "JUPYTER_PATH": str(tmp_path / "jupyter")}
    done = run_cli(tmp_path, env=env)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("report: 01_x.ipynb: the kernel 'python3' could not start:")
    assert "no-such-python" in lines[0]


def test_a_reused_kernel_is_on_ipc_and_starts_each_notebook_afresh(tmp_path):
    """The profiles' shared kernels: IPC too, and each run sees an empty namespace, its
    own cell numbers from 1, its own working folder and figures folder."""
    import asyncio

    import nbformat

    from ruralstudy.report.kernel import Kernel

    def nb(*codes):
        return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in codes])

    (tmp_path / "lib_warns.py").write_text("import warnings\ndef f():\n    warnings.warn('once')\n")
    use_lib = f"import sys\nsys.path.insert(0, {str(tmp_path)!r})\nimport lib_warns\nlib_warns.f()"
    first = nb(TRANSPORT, "left_behind = 1", use_lib, "import os\nos.chdir('/')")
    second = nb("'left_behind' in dir()", use_lib,
                "import os\nos.getcwd(), os.environ['RURALSTUDY_FIGURES_DIR']")  # fmt: skip
    (tmp_path / "b").mkdir()

    async def both():
        async with Kernel(env=dict(os.environ), cwd=tmp_path) as k:
            await k.run(first, "first", cwd=tmp_path, environ={report.FIGURES_ENV: "a"},
                        timeout=60)  # fmt: skip
            await k.run(second, "second", cwd=tmp_path / "b",
                        environ={report.FIGURES_ENV: "b"}, timeout=60)  # fmt: skip

    asyncio.run(both())
    assert "transport: ipc" in first.cells[0].outputs[0]["text"]
    assert [c.execution_count for c in second.cells] == [1, 2, 3]
    assert second.cells[0].outputs[0]["data"]["text/plain"] == "False"
    # A library's warning shows once per place in a kernel; a new run shows it again.
    assert "UserWarning: once" in first.cells[2].outputs[0]["text"]
    assert "UserWarning: once" in second.cells[1].outputs[0]["text"]
    # IPython's repr wraps a long tuple over lines (pytest-xdist's tmp_path is long)
    where = ast.literal_eval(second.cells[2].outputs[0]["data"]["text/plain"])
    assert where == (str(tmp_path / "b"), "b")


def test_a_reused_kernel_puts_back_options_environment_path_and_data_project(tmp_path):
    """What a numbered notebook may change and a fresh kernel would not have: pandas'
    options, environment variables, sys.path and the project chosen with rs.use_data."""
    import asyncio

    import nbformat

    from ruralstudy.report.kernel import Kernel

    def nb(*codes):
        return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in codes])

    project = tmp_path / "project"
    subprocess.run([sys.executable, "-m", "ruralstudy", "init", str(project)], check=True,
                   capture_output=True)  # fmt: skip
    changes = nb(
        "import pandas as pd\npd.set_option('display.width', 7)",
        "import os, sys\nos.environ['LEFT_BEHIND'] = '1'\nsys.path.insert(0, '/left/behind')",
        f"import ruralstudy as rs\nrs.use_data({str(project)!r})",
    )
    looks = nb(
        "import pandas as pd\npd.get_option('display.width')",
        "import os, sys\n'LEFT_BEHIND' in os.environ, '/left/behind' in sys.path",
        "from ruralstudy import datasets\ndatasets.data_project() is None",
    )

    async def both():
        async with Kernel(env=dict(os.environ), cwd=tmp_path) as k:
            for notebook in (changes, looks):
                await k.run(notebook, "run", cwd=tmp_path, environ={}, timeout=60)

    asyncio.run(both())
    answers = [c.outputs[0]["data"]["text/plain"] for c in looks.cells]
    assert answers == ["80", "(False, False)", "True"]


def test_a_reused_kernel_collects_each_runs_garbage_and_freezes_only_what_survives(tmp_path):
    """fresh.begin freezes what survives the reset out of the garbage collector; a
    cycle the last notebook left (unreachable once the namespace is emptied) must still
    be collected, not frozen with the modules."""
    import asyncio

    import nbformat

    from ruralstudy.report.kernel import Kernel

    def nb(*codes):
        return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in codes])

    cycle = (
        "import sys, weakref\n"
        "class Node: pass\n"
        "a, b = Node(), Node()\n"
        "a.other, b.other = b, a\n"
        "sys._rs_test_ref = weakref.ref(a)"
    )
    looks = nb("import gc, sys\nsys._rs_test_ref() is None, gc.get_freeze_count() > 0")

    async def both():
        async with Kernel(env=dict(os.environ), cwd=tmp_path) as k:
            for notebook in (nb(cycle), looks):
                await k.run(notebook, "run", cwd=tmp_path, environ={}, timeout=60)

    asyncio.run(both())
    assert looks.cells[0].outputs[0]["data"]["text/plain"] == "(True, True)"
