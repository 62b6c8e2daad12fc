"""Build the SayPro Field Learning executable with PyInstaller, then check it works.

    .venv/bin/python build_scripts/build_executable.py                # one-folder build + checks
    .venv/bin/python build_scripts/build_executable.py --mode onefile
    .venv/bin/python build_scripts/build_executable.py --mode both --package

Outputs:
    dist/onedir/saypro-field-learning/saypro-desktop   the one-folder build (fast start)
    dist/onefile/saypro-desktop                         the one-file build (one file to copy)
    dist/saypro-field-learning-<version>-linux-<arch>.tar.gz   with --package, on Linux

Checks after each build: ``--smoke-test`` on a fresh temporary data directory (starts, migrates,
shows the main window offscreen, exits 0), then the end-to-end tests in tests/e2e against the
built executable (an old profile upgrades with every record kept, import/export, refusals).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from build_scripts import translations  # noqa: E402
from saypro_desktop import APP_SLUG, __version__  # noqa: E402

DIST = ROOT / "dist"


def executable_path(mode: str) -> Path:
    name = "saypro-desktop.exe" if sys.platform == "win32" else "saypro-desktop"
    if mode == "onefile":
        return DIST / "onefile" / name
    if sys.platform == "darwin":
        return DIST / "onedir" / "SayPro Field Learning.app" / "Contents" / "MacOS" / name
    return DIST / "onedir" / APP_SLUG / name


def build(mode: str) -> Path:
    print(f"==> building the {mode} executable", flush=True)
    started = time.monotonic()
    for catalogue in translations.compile_all(quiet=True):  # the .qm files the spec bundles
        print(f"    compiled {catalogue.relative_to(ROOT)}", flush=True)
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(DIST / mode), "--workpath", str(ROOT / "build" / f"pyinstaller-{mode}"),
         str(ROOT / "build_scripts" / "saypro.spec")],
        check=True, env={**os.environ, "SAYPRO_BUILD_MODE": mode}, cwd=ROOT,
    )
    exe = executable_path(mode)
    print(f"    built {exe.relative_to(ROOT)} in {time.monotonic() - started:.0f} s", flush=True)
    return exe


def smoke_test(exe: Path) -> None:
    with tempfile.TemporaryDirectory() as data_dir:
        result = subprocess.run(
            [str(exe), "--data-dir", data_dir, "--smoke-test"], capture_output=True, text=True,
            timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, check=False,
        )
    if result.returncode != 0 or "smoke test ok" not in result.stdout:
        raise SystemExit(f"smoke test of {exe} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    print(f"    {result.stdout.strip()}", flush=True)


def end_to_end(exe: Path) -> None:
    print(f"==> end-to-end tests against {exe.relative_to(ROOT)}", flush=True)
    subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/e2e"],
                   check=True, cwd=ROOT, env={**os.environ, "SAYPRO_EXECUTABLE": str(exe)})


def package_linux() -> Path:
    """The one-folder build as a tarball with a .desktop file and an installer script."""
    arch = platform.machine()
    name = f"{APP_SLUG}-{__version__}-linux-{arch}"
    target = DIST / f"{name}.tar.gz"
    linux = ROOT / "build_scripts" / "linux"
    with tarfile.open(target, "w:gz") as tar:
        tar.add(DIST / "onedir" / APP_SLUG, arcname=f"{name}/{APP_SLUG}")
        tar.add(linux / "saypro-field-learning.desktop", arcname=f"{name}/saypro-field-learning.desktop")
        tar.add(linux / "install.sh", arcname=f"{name}/install.sh")
        tar.add(ROOT / "resources" / "icons" / "saypro.png", arcname=f"{name}/saypro-field-learning.png")
    print(f"    packaged {target.relative_to(ROOT)} ({target.stat().st_size / 1e6:.0f} MB)", flush=True)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=("onedir", "onefile", "both"), default="onedir")
    parser.add_argument("--package", action="store_true", help="also make the Linux tarball")
    parser.add_argument("--no-e2e", action="store_true", help="only the smoke test after building")
    args = parser.parse_args()
    modes = ["onedir", "onefile"] if args.mode == "both" else [args.mode]
    for mode in modes:
        shutil.rmtree(DIST / mode, ignore_errors=True)
        exe = build(mode)
        smoke_test(exe)
        if not args.no_e2e:
            end_to_end(exe)
    if args.package and sys.platform.startswith("linux") and "onedir" in modes:
        package_linux()
    return 0


if __name__ == "__main__":
    sys.exit(main())
