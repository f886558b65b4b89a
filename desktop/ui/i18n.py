"""Qt's own translation system: .ts sources in resources/, .qm built on demand into the cache.

The .qm files are build products (git ignores them). ``ensure_qm`` runs PySide6's ``lrelease``
when a .qm is missing or older than its .ts, so a fresh checkout needs no manual step.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

APP_ID = "ban-bien-tap"


def _resources() -> Path:
    """``desktop/resources`` when installed (setup.py), ``resources/`` in a source checkout."""
    installed = Path(__file__).resolve().parents[1] / "resources"
    return installed if installed.is_dir() else Path(__file__).resolve().parents[2] / "resources"


RESOURCES = _resources()
TS_DIR = RESOURCES / "translations"
LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"


def ts_path(language: str, catalogue: str = "ban_bien_tap") -> Path:
    return TS_DIR / f"{catalogue}_{language}.ts"


def lrelease_command() -> list[str] | None:
    """PySide6 ships lrelease inside its package; the venv also has a pyside6-lrelease wrapper."""
    import PySide6

    packaged = Path(PySide6.__file__).parent / (
        "lrelease.exe" if sys.platform == "win32" else "lrelease"
    )
    if packaged.exists():
        return [str(packaged)]
    wrapper = Path(sys.executable).parent / "pyside6-lrelease"
    if wrapper.exists():
        return [str(wrapper)]
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    return [found] if found else None


def ensure_qm(
    language: str, cache_dir: Path | None = None, catalogue: str = "ban_bien_tap"
) -> Path | None:
    """The compiled catalogue for ``language``, (re)built when missing or stale.

    A frozen app has no lrelease: installer/build compiles the .qm next to where the .ts would
    be, and that prebuilt catalogue is used first while it is not older than its .ts."""
    source = ts_path(language, catalogue)
    prebuilt = source.with_suffix(".qm")
    if prebuilt.exists() and (
        not source.exists() or prebuilt.stat().st_mtime >= source.stat().st_mtime
    ):
        return prebuilt
    if not source.exists():
        return None
    target_dir = cache_dir or Path(platformdirs.user_cache_dir(APP_ID)) / "translations"
    target = target_dir / f"{catalogue}_{language}.qm"
    if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
        return target
    command = lrelease_command()
    if command is None:
        log.warning("lrelease not found; the interface stays in English")
        return None
    target_dir.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [*command, "-silent", str(source), "-qm", str(target)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0 or not target.exists():
        log.warning("lrelease failed for %s: %s", source, result.stderr.strip())
        return None
    return target


class Translations:
    """Installs and switches the interface language without a restart.

    Installing a translator makes Qt send ``QEvent.LanguageChange`` to every widget; each
    widget retranslates itself in ``changeEvent``.
    """

    def __init__(self, app: QCoreApplication, cache_dir: Path | None = None) -> None:
        self.app = app
        self.cache_dir = cache_dir
        self.language = ""
        self._installed: list[QTranslator] = []

    def switch(self, language: str) -> bool:
        language = language if language in LANGUAGES else DEFAULT_LANGUAGE
        for translator in self._installed:
            self.app.removeTranslator(translator)
        self._installed = []
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_base = QTranslator(self.app)
        if qt_base.load(f"qtbase_{language}", qt_dir):
            self._install(qt_base)
        else:  # PySide6 ships no qtbase_vi.qm: our small stand-in for standard buttons
            stand_in = ensure_qm(language, self.cache_dir, catalogue="qtbase")
            if stand_in is not None and qt_base.load(str(stand_in)):
                self._install(qt_base)
        ours = QTranslator(self.app)
        qm = ensure_qm(language, self.cache_dir)
        loaded = bool(qm and ours.load(str(qm)))
        if loaded:
            self._install(ours)
        QLocale.setDefault(
            QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English)
        )
        self.language = language
        self.app.setProperty("language", language)
        return loaded

    def _install(self, translator: QTranslator) -> None:
        self.app.installTranslator(translator)
        self._installed.append(translator)
