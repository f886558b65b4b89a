"""Fast checks of the installer files: they parse, validate, and carry one version."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import desktop
from installer import builder

LINUX = builder.INSTALLER / "linux"
WINDOWS = builder.INSTALLER / "windows"
DESKTOP_FILE = LINUX / f"{builder.APP_ID}.desktop"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return parser["Desktop Entry"]


def test_version_has_one_source() -> None:
    assert builder.read_version() == desktop.__version__
    spec = (builder.INSTALLER / "portal-desk.spec").read_text(encoding="utf-8")
    assert "VERSION = builder.read_version()" in spec
    assert f"Version: {desktop.__version__}\n" in builder.deb_control(desktop.__version__, 1)


def test_desktop_entry_follows_freedesktop() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "portal-desk"
    assert entry["Icon"] == builder.APP_ID  # a themed icon name, installed by the .deb
    assert entry["Name[vi]"] == "Bàn biên tập"
    assert entry["Categories"].endswith(";")
    assert entry["Terminal"] == "false"


def test_desktop_file_validate() -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate not installed (apt-get install desktop-file-utils)")
    result = subprocess.run([tool, str(DESKTOP_FILE)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_metainfo_is_filled_with_the_version(tmp_path: Path) -> None:
    path = builder.metainfo(tmp_path)
    root = ET.parse(path).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == builder.APP_ID
    assert root.findtext("launchable") == DESKTOP_FILE.name
    release = root.find("releases/release")
    assert release is not None and release.get("version") == desktop.__version__
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", release.get("date") or "")
    assert "@" not in path.read_text(encoding="utf-8")


def test_appstreamcli_validate(tmp_path: Path) -> None:
    tool = shutil.which("appstreamcli")
    if tool is None:
        pytest.skip("appstreamcli not installed (apt-get install appstream)")
    path = builder.metainfo(tmp_path)
    result = subprocess.run(
        [tool, "validate", "--no-net", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_fill_refuses_an_unfilled_placeholder(tmp_path: Path) -> None:
    template = tmp_path / "t.in"
    template.write_text("v=@VERSION@ d=@DATE@", encoding="utf-8")
    with pytest.raises(SystemExit, match="DATE"):
        builder.fill(template, tmp_path / "t", VERSION="1")


def iss_text() -> str:
    raw = (WINDOWS / "portal-desk.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup reads non-ASCII text as UTF-8 with a BOM"
    return raw.decode("utf-8-sig")


def iss_sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(";"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections[current] = []
        elif current:
            sections[current].append(line)
    return sections


def test_inno_setup_script_has_the_required_directives() -> None:
    text = iss_text()
    sections = iss_sections(text)
    setup = dict(line.split("=", 1) for line in sections["Setup"])
    assert setup["PrivilegesRequired"] == "lowest"  # per-user, no administrator rights
    assert "PrivilegesRequiredOverridesAllowed" not in setup
    assert setup["AppVersion"] == "{#AppVersion}"
    assert setup["DefaultDirName"].startswith("{autopf}")  # {userpf} when installing per user
    assert setup["UninstallDisplayIcon"] == "{app}\\{#AppExeName}"
    assert setup["AppId"].startswith("{{")
    assert "#error" in text.split("[Setup]")[0]  # no version given: no installer
    languages = " ".join(sections["Languages"])
    assert 'Name: "vi"; MessagesFile: "Vietnamese.isl"' in languages
    assert 'Name: "en"; MessagesFile: "compiler:Default.isl"' in languages
    assert any(line.startswith('Name: "{autoprograms}\\{#AppName}"') for line in sections["Icons"])
    assert "UninstallDelete" not in sections  # the user's data is never removed
    assert any("postinstall" in line for line in sections["Run"])
    for name in ("DemoShortcut", "DataKept"):
        assert f"vi.{name}=" in text and f"en.{name}=" in text


def test_the_build_passes_the_version_to_inno_setup() -> None:
    source = (builder.INSTALLER / "builder.py").read_text(encoding="utf-8")
    assert 'f"/DAppVersion={version}"' in source


#: The messages a person sees on the way through this installer and its uninstaller.
SEEN_MESSAGES = (
    "SetupAppTitle", "SetupWindowTitle", "ButtonNext", "ButtonBack", "ButtonInstall",
    "ButtonCancel", "ButtonFinish", "WelcomeLabel1", "WelcomeLabel2", "WizardSelectDir",
    "SelectDirLabel3", "WizardSelectTasks", "WizardReady", "ReadyLabel1", "WizardInstalling",
    "InstallingLabel", "FinishedHeadingLabel", "FinishedLabel", "ClickFinish", "ExitSetupMessage",
    "ConfirmUninstall", "UninstallStatusLabel", "UninstalledAll", "SetupAppRunningError",
    "SelectLanguageTitle", "SelectLanguageLabel", "ApplicationsFound2", "CloseApplications",
)  # fmt: skip
CUSTOM_MESSAGES = ("CreateDesktopIcon", "AdditionalIcons", "LaunchProgram", "UninstallProgram")


def test_vietnamese_messages_for_inno_setup() -> None:
    raw = (WINDOWS / "Vietnamese.isl").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    sections = iss_sections(raw.decode("utf-8-sig"))
    options = dict(line.split("=", 1) for line in sections["LangOptions"])
    assert options["LanguageID"] == "$042A"  # Vietnamese
    assert options["LanguageCodePage"] == "0"  # Unicode
    messages = dict(line.split("=", 1) for line in sections["Messages"])
    custom = dict(line.split("=", 1) for line in sections["CustomMessages"])
    assert len(messages) > 200
    for name in SEEN_MESSAGES:
        assert messages.get(name), name
    for name in CUSTOM_MESSAGES:
        assert custom.get(name), name
    # Placeholders survive translation: the same %1…%4 and [name] as the meaning needs.
    assert "%1" in messages["ConfirmUninstall"] and "[name]" in messages["WelcomeLabel1"]
    assert "Tiếp" in messages["ButtonNext"]


def test_icons_are_rendered_at_freedesktop_sizes(qapp: object, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    pngs = builder.render_icons(builder.RESOURCES / "icons" / "app.svg", tmp_path, (16, 48, 256))
    for size, path in pngs.items():
        image = QImage(str(path))
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(size // 2, size // 8).alpha() == 255  # drawn, not transparent
    ico = builder.write_ico(pngs, tmp_path / "app.ico").read_bytes()
    assert ico[:6] == b"\0\0\1\0\3\0"
    icns = builder.write_icns(pngs, tmp_path / "app.icns").read_bytes()
    assert icns[:4] == b"icns" and int.from_bytes(icns[4:8], "big") == len(icns)
