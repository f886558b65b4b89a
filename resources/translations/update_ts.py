"""Refresh the .ts catalogues from the sources (a developer's tool, not run at start-up).

    .venv/bin/python resources/translations/update_ts.py

Runs PySide6's lupdate over desktop/ui and desktop/app.py for both languages. The English
catalogue is complete by construction (each translation is its English source); new
Vietnamese strings come out marked unfinished, and tests/ui/test_translations.py fails until a
translator fills them in (Qt Linguist: ``pyside6-linguist``).
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS_DIR = ROOT / "resources" / "translations"


def sources() -> list[str]:
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop" / "ui").rglob("*.py"))
    return [*files, "desktop/app.py"]


def lupdate(language: str) -> Path:
    target = TS_DIR / f"ban_bien_tap_{language}.ts"
    tool = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run(
        [
            str(tool),
            *sources(),
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "en",
            "-target-language",
            language,
            "-ts",
            str(target.relative_to(ROOT)),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return target


def fill_english(path: Path) -> None:
    tree = ET.parse(path)
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            for form in list(translation):
                translation.remove(form)
            singular = source.replace("(s)", "")
            plural = source.replace("(s)", "s")
            for text in (singular, plural):
                ET.SubElement(translation, "numerusform").text = text
        else:
            translation.text = source
    write(tree, path)


def write(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree)
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    lupdate("vi")
    fill_english(lupdate("en"))
