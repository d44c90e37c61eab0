"""The package as a user meets it: installed from a wheel, imported, run from the shell."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
HEAVY = (
    "matplotlib",
    "geopandas",
    "shapely",
    "statsmodels",
    "scipy",
    "pandera",
    "openpyxl",
    "mapclassify",
    "pypinyin",
    "adjustText",
    "csdid",
    "pyfixest",
)


def run_python(
    code: str, python: str = sys.executable, cwd: Path | None = None, env: dict | None = None
) -> str:
    done = subprocess.run(
        [python, "-c", code], capture_output=True, text=True, cwd=cwd, check=False, env=env
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_import_stays_light():
    code = f"import sys, ruralstudy\nprint(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    assert run_python(code).strip() == "[]"


def test_wheel_installs_and_loads_its_data_from_anywhere(tmp_path):
    wheel_dir = tmp_path / "wheel"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheel_dir),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheel_dir.glob("ruralstudy-*.whl")
    env_dir = tmp_path / "fresh"
    venv.create(env_dir, with_pip=True)
    python = str(env_dir / "bin" / "python")
    subprocess.run(
        [python, "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)],
        check=True,
        capture_output=True,
    )
    # The fresh environment borrows the dependencies (pandas, pandera …) of
    # this one through a .pth file, listed after its own site-packages, so
    # ruralstudy itself can only come from the wheel just installed.
    site = run_python("import sysconfig; print(sysconfig.get_paths()['purelib'])", python)
    Path(site.strip(), "borrowed_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    away = tmp_path / "elsewhere"
    away.mkdir()
    out = run_python(
        "import ruralstudy as rs\n"
        "print(rs.__file__)\n"
        "print(len(rs.load_facts()), len(rs.load_places()), len(rs.load_sources()))\n",
        python,
        cwd=away,
        # A PYTHONPATH to a source tree (as the tests are often run) would win over the wheel.
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
    )
    path, counts = out.strip().splitlines()
    assert str(env_dir) in path
    assert all(int(n) > 0 for n in counts.split())


def run_cli(*args: str, cwd: Path = ROOT):
    return subprocess.run(
        [sys.executable, "-m", "ruralstudy", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def test_cli_validate_accepts_the_shipped_tables():
    files = [
        str(ROOT / "data" / f"{t}.csv")
        for t in ("sources", "places", "indicators", "facts", "interventions")
    ]
    done = run_cli("validate", *files)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count(": OK") == 5


def test_cli_validate_prints_every_problem_and_exits_1(tmp_path):
    facts = (ROOT / "data" / "facts.csv").read_text(encoding="utf-8").splitlines()
    header = facts[0].split(",")
    bad = tmp_path / "facts_bad.csv"
    rows = [facts[0], facts[1], facts[2]]
    # Break the place of row 2 and the qualifier of row 3 (spreadsheet numbering).
    rows[1] = rows[1].replace(rows[1].split(",")[header.index("place_id")], "cn.nowhere", 1)
    cells = rows[2].split(",")
    rows[2] = rows[2].replace("," + cells[header.index("qualifier")] + ",", ",maybe,", 1)
    bad.write_text("\n".join(rows) + "\n", encoding="gbk", errors="strict")
    done = run_cli("validate", str(bad), "--table", "facts")
    assert done.returncode == 1
    lines = done.stdout.strip().splitlines()
    assert any(f"{bad}:2: column 'place_id'" in line for line in lines), lines
    assert any(f"{bad}:3: column 'qualifier'" in line for line in lines), lines


def test_cli_profile_lists_a_villages_facts(tmp_path):
    # --out: the default (profiles/ in the working folder) would write into the checkout
    done = run_cli("profile", "车田村", "--out", str(tmp_path / "profiles"))
    assert done.returncode == 0, done.stderr
    assert "Chetian" in done.stdout and "facts" in done.stdout
    assert list((tmp_path / "profiles").glob("*chetian.html")), "no profile page written"


def test_environment_yml_matches_pyproject(tmp_path):
    out = tmp_path / "environment.yml"
    p2c = Path(sys.executable).with_name("p2c")
    subprocess.run(
        [
            str(p2c),
            "yaml",
            "-e",
            "dev",
            "-n",
            "ruralstudy",
            "--python",
            "3.11",
            "-r",
            "-e .",
            "-o",
            str(out),
            "-w",
            "force",
        ],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )

    def body(path: Path) -> list[str]:
        return [line for line in path.read_text().splitlines() if not line.startswith("#")]

    assert body(out) == body(ROOT / "environment.yml"), (
        "environment.yml drifted from pyproject.toml: run `make environment.yml`"
    )


def test_cli_validate_checks_a_file_missing_a_column_as_what_it_is(tmp_path):
    facts = pd.read_csv(ROOT / "data" / "facts.csv", dtype=str).drop(columns="qualifier")
    path = tmp_path / "my_facts.csv"
    facts.head(3).to_csv(path, index=False)
    done = run_cli("validate", str(path))
    assert done.returncode == 1
    assert "column 'qualifier': missing column" in done.stdout
    assert "unexpected column" not in done.stdout


def test_cli_validate_refuses_an_unknown_table_name(tmp_path):
    done = run_cli("validate", str(tmp_path / "x.csv"), "--table", "factz")
    assert done.returncode == 2 and "invalid choice" in done.stderr


def test_cli_extract_writes_candidate_rows_excel_can_open(tmp_path):
    article = tmp_path / "chetian-news.txt"
    article.write_text("公司实现车田村每年分红10万余元。车田村整合300亩撂荒地。", encoding="utf-8")
    out = tmp_path / "candidates.csv"
    done = run_cli("extract", str(article), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM for Excel
    rows = pd.read_csv(out, encoding="utf-8-sig")
    assert rows["text"].tolist() == ["10万余元", "300亩"]
    assert set(rows["source_id"]) == {"chetian-news"}
    assert rows.loc[0, ["lower", "upper"]].tolist() == [100000.0, 110000.0]


def test_every_dependency_is_pinned_in_constraints():
    import re
    import tomllib

    def norm(name: str) -> str:
        return re.sub(r"[-_.]+", "-", name).lower()

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        wanted += [r for r in extra if not r.startswith("ruralstudy")]
    names = {norm(re.match(r"[A-Za-z0-9_.-]+", r).group(0)) for r in wanted}
    pinned = {
        norm(line.split("==")[0])
        for line in (ROOT / "constraints.txt").read_text().splitlines()
        if "==" in line and not line.startswith("#")
    }
    assert names <= pinned, f"not pinned (run `make lock`): {sorted(names - pinned)}"
