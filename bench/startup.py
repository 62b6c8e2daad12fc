"""Size of the built executables and how fast they open the main window.

Prints one JSON object. Goals (issue 6): one-file build <= 70 MB; start to window <= 2 s.
Builds what is missing first (build_scripts/build_executable.py, about a minute each).

    .venv/bin/python bench/startup.py [--runs N] [--no-build]

"Start" is a full ``--smoke-test`` run on an existing profile: process start, database open and
migration check, Qt start, main window shown, exit. The first run on a fresh profile (which also
creates and migrates the database) is reported apart. The one-file build unpacks itself to a
temporary folder on every start, which is most of its extra time.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "build_scripts"))
from build_executable import executable_path  # noqa: E402

GOAL_START_S = 2.0
GOAL_ONEFILE_MB = 70.0


def folder_mb(path: Path) -> float:
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def timed_start(command: list[str], data_dir: str) -> float:
    started = time.perf_counter()
    subprocess.run([*command, "--data-dir", data_dir, "--smoke-test"], check=True, capture_output=True,
                   env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=120)
    return time.perf_counter() - started


def starts(command: list[str], runs: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as data_dir:
        first = timed_start(command, data_dir)
        again = [timed_start(command, data_dir) for _ in range(runs)]
    return {"first_run_s": round(first, 3), "start_median_s": round(statistics.median(again), 3),
            "start_max_s": round(max(again), 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-build", action="store_true", help="measure only what is already built")
    args = parser.parse_args()

    result: dict[str, object] = {"benchmark": "startup", "runs": args.runs}
    for mode in ("onedir", "onefile"):
        exe = executable_path(mode)
        if not exe.exists() and not args.no_build:
            subprocess.run([sys.executable, str(ROOT / "build_scripts" / "build_executable.py"), "--mode", mode,
                            "--no-e2e"], check=True, stdout=subprocess.DEVNULL)
        if not exe.exists():
            continue
        size = folder_mb(exe.parent) if mode == "onedir" else exe.stat().st_size / 1e6
        result[f"{mode}_mb"] = round(size, 1)
        result.update({f"{mode}_{k}": v for k, v in starts([str(exe)], args.runs).items()})
        result[f"{mode}_start_vs_goal"] = round(float(result[f"{mode}_start_median_s"]) / GOAL_START_S, 3)
    if "onefile_mb" in result:
        result["onefile_size_vs_goal"] = round(float(result["onefile_mb"]) / GOAL_ONEFILE_MB, 3)
    result.update({f"source_{k}": v for k, v in starts([sys.executable, "-m", "saypro_desktop"], args.runs).items()})
    print(json.dumps(result))


if __name__ == "__main__":
    main()
