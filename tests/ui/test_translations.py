"""Every string the interface can show has a Vietnamese translation, and English is complete."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop.ui.i18n import TS_DIR, ensure_qm

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(TS_DIR))
from update_ts import sources  # noqa: E402

UNDONE = ("unfinished", "vanished", "obsolete")


def catalogue(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) → translation, for finished entries only."""
    found: dict[tuple[str, str], str] = {}
    for context in ET.parse(path).iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in (
                "unfinished",
                "vanished",
                "obsolete",
            ):
                continue
            forms = list(translation)
            text = "".join(f.text or "" for f in forms) if forms else (translation.text or "")
            if text.strip():
                found[(name, message.findtext("source") or "")] = text
    return found


def extracted(tmp_path: Path) -> set[tuple[str, str]]:
    """What lupdate finds in the sources now."""
    target = tmp_path / "now.ts"
    tool = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run(
        [str(tool), *sources(), "-locations", "none", "-ts", str(target)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return {
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in ET.parse(target).iter("context")
        for message in context.iter("message")
    }


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_source_string_is_translated(tmp_path: Path, language: str) -> None:
    shipped = catalogue(TS_DIR / f"ban_bien_tap_{language}.ts")
    missing = sorted(extracted(tmp_path) - set(shipped))
    assert not missing, f"untranslated in {language}: {missing}"


def test_vietnamese_is_not_a_copy_of_english() -> None:
    vi = catalogue(TS_DIR / "ban_bien_tap_vi.ts")
    same = [source for (_, source), text in vi.items() if text == source and len(source) > 3]
    assert not same, same


def test_qm_is_built_from_a_fresh_checkout(tmp_path: Path) -> None:
    qm = ensure_qm("vi", tmp_path)
    assert qm is not None and qm.stat().st_size > 1000
    assert ensure_qm("vi", tmp_path) == qm  # not rebuilt while fresh


def test_standard_buttons_in_vietnamese(qapp: object, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop.ui.i18n import Translations

    translations = Translations(qapp, tmp_path)  # type: ignore[arg-type]
    translations.switch("vi")
    try:
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        texts = {b.text() for b in box.buttons()}
        assert texts == {"OK", "Huỷ"}
    finally:
        translations.switch("vi")
