"""Builds the Linux bundle with installer/build, then runs the frozen app offscreen.

Minutes of CPU: marked ``installer`` and skipped unless PORTAL_DESK_BUILD_INSTALLER=1.
    PORTAL_DESK_BUILD_INSTALLER=1 .venv/bin/pytest tests/installer -m installer -s
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import desktop
from installer import builder

pytestmark = [
    pytest.mark.installer,
    pytest.mark.timeout(1800),
    pytest.mark.skipif(
        os.environ.get("PORTAL_DESK_BUILD_INSTALLER") != "1",
        reason="set PORTAL_DESK_BUILD_INSTALLER=1 to build the installer (minutes of CPU)",
    ),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle"),
]

VERSION = desktop.__version__


@pytest.fixture(scope="module")
def bundle() -> Iterator[Path]:
    """Built once per run; PORTAL_DESK_REUSE_BUNDLE=1 checks the last build again instead."""
    folder = builder.DIST / builder.NAME
    if os.environ.get("PORTAL_DESK_REUSE_BUNDLE") != "1" or not folder.is_dir():
        started = time.monotonic()
        subprocess.run([sys.executable, str(builder.INSTALLER / "build")], check=True, timeout=1700)
        print(f"\ninstaller/build took {time.monotonic() - started:.0f} s")
    yield folder


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(folder)): (p.lstat().st_size, p.lstat().st_mtime_ns)
        for p in folder.rglob("*")
    }


def user_env(home: Path) -> dict[str, str]:
    """A fresh person: HOME and the XDG folders in ``home``; no display."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home)}
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(home / name.lower())
    env.pop("PORTAL_DESK_DATA_DIR", None)
    return env


def test_frozen_version(bundle: Path, tmp_path: Path) -> None:
    shown = subprocess.run(
        [str(bundle / "portal-desk"), "--version"],
        capture_output=True,
        text=True,
        env=user_env(tmp_path),
        check=True,
        cwd=tmp_path,
    )
    assert shown.stdout.strip() == VERSION


def test_frozen_selftest_writes_nothing_next_to_the_executable(
    bundle: Path, tmp_path: Path
) -> None:
    size = builder.folder_size(bundle)
    print(f"\nbundle {bundle}: {builder.mib(size)} unpacked")
    before = snapshot(bundle)
    env = {**user_env(tmp_path), "TMPDIR": str(tmp_path / "tmp")}
    (tmp_path / "tmp").mkdir()
    data = tmp_path / "data"
    for arguments in (["--selftest"], ["--selftest", "--data-dir", str(data)]):
        result = subprocess.run(
            [str(bundle / "portal-desk"), *arguments],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
            cwd=tmp_path,
        )
        assert result.returncode == 0, result.stdout + result.stderr[-3000:]
        # desktop.ui.selftest: the main window, one item taken one step
        assert "selftest ok" in result.stdout and "submitted" in result.stdout
    assert snapshot(bundle) == before
    # The demo's data lands in the data folder it was given, not in the bundle.
    assert (data / "demo" / "portal.sqlite3").exists()
    assert not list((tmp_path / "tmp").iterdir())  # the default run cleaned up after itself


def test_tarball_and_deb(bundle: Path, tmp_path: Path) -> None:
    tarball = builder.DIST / f"portal-desk-{VERSION}-linux-x86_64.tar.gz"
    with tarfile.open(tarball) as tar:
        names = set(tar.getnames())
    top = f"portal-desk-{VERSION}"
    assert f"{top}/portal-desk" in names
    assert f"{top}/share/applications/{builder.APP_ID}.desktop" in names
    assert f"{top}/share/icons/hicolor/256x256/apps/{builder.APP_ID}.png" in names
    assert f"{top}/share/metainfo/{builder.APP_ID}.metainfo.xml" in names
    deb = builder.DIST / f"portal-desk_{VERSION}_amd64.deb"
    if shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb not installed")
    field = subprocess.run(
        ["dpkg-deb", "--field", str(deb), "Version"], capture_output=True, text=True, check=True
    )
    assert field.stdout.strip() == VERSION
    listing = subprocess.run(
        ["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    assert "./opt/portal-desk/portal-desk\n" in listing
    assert "./usr/bin/portal-desk -> /opt/portal-desk/portal-desk" in listing
    assert f"./usr/share/applications/{builder.APP_ID}.desktop" in listing
    assert f"./usr/share/icons/hicolor/48x48/apps/{builder.APP_ID}.png" in listing
    # Installed for real into a scratch root, the symlinked command still finds its bundle.
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    shown = subprocess.run(
        [str(root / "opt" / "portal-desk" / "portal-desk"), "--version"],
        capture_output=True,
        text=True,
        env=user_env(tmp_path),
        check=True,
    )
    assert shown.stdout.strip() == VERSION
