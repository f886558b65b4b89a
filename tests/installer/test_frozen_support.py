"""What the frozen app relies on, checked from the source tree: prebuilt translations and the
self-test (the embedded demo portal, the main window, one item one step)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.ui import i18n


@pytest.fixture
def ts_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "translations"
    folder.mkdir()
    monkeypatch.setattr(i18n, "TS_DIR", folder)
    return folder


def test_a_prebuilt_catalogue_is_used_without_its_source(ts_dir: Path, tmp_path: Path) -> None:
    built = i18n.ensure_qm("vi", tmp_path / "cache", catalogue="ban_bien_tap")
    assert built is None  # neither .ts nor .qm in the folder
    source = i18n.RESOURCES / "translations" / "ban_bien_tap_vi.ts"
    compiled = subprocess.run(
        [*(i18n.lrelease_command() or []), "-silent", str(source), "-qm", str(ts_dir / "x.qm")],
        check=True,
    )
    assert compiled.returncode == 0
    (ts_dir / "x.qm").rename(ts_dir / "ban_bien_tap_vi.qm")
    assert i18n.ensure_qm("vi", tmp_path / "cache") == ts_dir / "ban_bien_tap_vi.qm"


def test_a_stale_prebuilt_catalogue_is_rebuilt(ts_dir: Path, tmp_path: Path) -> None:
    stale = ts_dir / "ban_bien_tap_vi.qm"
    stale.write_bytes(b"old")
    os.utime(stale, (1, 1))
    shutil.copy2(i18n.RESOURCES / "translations" / "ban_bien_tap_vi.ts", ts_dir)
    fresh = i18n.ensure_qm("vi", tmp_path / "cache")
    assert fresh == tmp_path / "cache" / "ban_bien_tap_vi.qm"
    assert fresh.stat().st_size > 1000


@pytest.mark.gui
def test_selftest_takes_one_item_one_step(tmp_path: Path) -> None:
    """The installer's check, run from source: a real demo portal on loopback over HTTP."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env[name] = str(tmp_path / name.lower())
    entry = Path(__file__).resolve().parents[2] / "installer" / "portal_desk_main.py"
    result = subprocess.run(
        [sys.executable, str(entry), "--selftest", "--data-dir", str(tmp_path / "data")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "selftest ok" in result.stdout and "submitted" in result.stdout
    assert (tmp_path / "data" / "demo" / "portal.sqlite3").exists()
