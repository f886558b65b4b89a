"""Builds the installable forms of portal-desk for the platform it runs on.

``installer/build`` runs :func:`main`. The steps, in order: compile the Qt translations (a frozen
app has no lrelease), render the app icon to PNG (and .ico/.icns) with Qt's own SVG renderer,
freeze the app with PyInstaller (``installer/portal-desk.spec``), then package it: on Linux a
tarball and a .deb, on Windows the Inno Setup installer (when ISCC is on PATH), on macOS the
.app and a dmg (``installer/macos/make-dmg.sh``). The version comes from one place,
``desktop.__version__``; every file that carries it is filled in here.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INSTALLER = ROOT / "installer"
RESOURCES = ROOT / "resources"
NAME = "portal-desk"
#: Reverse-DNS id of the desktop file, the AppStream component and the icon (freedesktop).
APP_ID = "org.banbientap.PortalDesk"
#: The hicolor theme sizes the icon is rendered at.
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
BUILD = ROOT / "build" / "installer"
DIST = ROOT / "dist"
#: Libraries the frozen Qt loads from the system on Debian/Ubuntu (the .deb's Depends).
DEB_DEPENDS = (
    "libc6 (>= 2.34), libegl1, libgl1, libfontconfig1, libfreetype6, libglib2.0-0, "
    "libdbus-1-3, libxkbcommon0, libxkbcommon-x11-0, libx11-6, libx11-xcb1, libxcb-cursor0, "
    "libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-randr0, libxcb-render-util0, "
    "libxcb-shape0, libxcb-xfixes0, libxcb-xkb1"
)


def read_version() -> str:
    """``desktop.__version__``, read as text so that building imports nothing of the app."""
    text = (ROOT / "desktop" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.MULTILINE)
    if found is None:
        raise SystemExit("desktop/__init__.py has no __version__")
    return found.group(1)


def release_date() -> str:
    """The metainfo's release date: ``SOURCE_DATE_EPOCH`` when set (reproducible), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return when.date().isoformat()


def fill(template: Path, target: Path, **values: str) -> Path:
    """Copy ``template`` with each ``@KEY@`` replaced; an unfilled placeholder is an error."""
    text = template.read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(f"@{key}@", value)
    left = re.findall(r"@[A-Z_]+@", text)
    if left:
        raise SystemExit(f"{template}: unfilled {sorted(set(left))}")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def metainfo(target_dir: Path) -> Path:
    return fill(
        INSTALLER / "linux" / f"{APP_ID}.metainfo.xml.in",
        target_dir / f"{APP_ID}.metainfo.xml",
        VERSION=read_version(),
        DATE=release_date(),
    )


# -- translations and icons -------------------------------------------------------------------


def compile_translations(target_dir: Path) -> list[Path]:
    """Every ``resources/translations/*.ts`` compiled to ``.qm`` with PySide6's lrelease."""
    from desktop.ui.i18n import lrelease_command

    command = lrelease_command()
    if command is None:
        raise SystemExit("lrelease not found (it ships with PySide6)")
    target_dir.mkdir(parents=True, exist_ok=True)
    built = []
    for source in sorted((RESOURCES / "translations").glob("*.ts")):
        target = target_dir / f"{source.stem}.qm"
        subprocess.run([*command, "-silent", str(source), "-qm", str(target)], check=True)
        built.append(target)
    return built


def render_icons(
    svg: Path, target_dir: Path, sizes: tuple[int, ...] = ICON_SIZES
) -> dict[int, Path]:
    """PNG renders of ``svg`` at each size, drawn by QSvgRenderer (no other image tool needed)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    target_dir.mkdir(parents=True, exist_ok=True)
    rendered = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = target_dir / f"{size}x{size}.png"
        if not image.save(str(path)):  # the format follows the .png suffix
            raise SystemExit(f"could not write {path}")
        rendered[size] = path
    del _app
    return rendered


def write_ico(pngs: dict[int, Path], target: Path) -> Path:
    """A Windows .ico holding PNG images (read by Windows Vista and later, and Inno Setup)."""
    chosen = [(s, pngs[s].read_bytes()) for s in sorted(pngs) if s <= 256]
    offset = 6 + 16 * len(chosen)
    header = struct.pack("<HHH", 0, 1, len(chosen))
    entries, blobs = b"", b""
    for size, data in chosen:
        side = 0 if size == 256 else size  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
        blobs += data
    target.write_bytes(header + entries + blobs)
    return target


def write_icns(pngs: dict[int, Path], target: Path) -> Path:
    """A macOS .icns holding PNG images (types icp4…ic09, as iconutil writes them)."""
    types = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}
    body = b""
    for size, kind in types.items():
        if size in pngs:
            data = pngs[size].read_bytes()
            body += kind + struct.pack(">I", len(data) + 8) + data
    target.write_bytes(b"icns" + struct.pack(">I", len(body) + 8) + body)
    return target


def prepare(stage: Path) -> Path:
    """Everything the spec takes besides the code: .qm files, icon renders, filled metadata."""
    if stage.exists():
        shutil.rmtree(stage)
    compile_translations(stage / "translations")
    pngs = render_icons(RESOURCES / "icons" / "app.svg", stage / "icons")
    write_ico(pngs, stage / "app.ico")
    write_icns(pngs, stage / "app.icns")
    metainfo(stage)
    return stage


# -- freezing -----------------------------------------------------------------------------------


def freeze(stage: Path) -> Path:
    """Run PyInstaller on the spec; returns the one-folder bundle."""
    env = {**os.environ, "PORTAL_DESK_STAGE": str(stage)}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level=WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(BUILD / "work"),
            str(INSTALLER / "portal-desk.spec"),
        ],
        check=True,
        cwd=ROOT,
        env=env,
    )
    bundle = DIST / NAME
    if sys.platform == "darwin":
        return DIST / "Ban Bien Tap.app"
    return bundle


def folder_size(folder: Path) -> int:
    """Bytes of the files under ``folder`` (symlinks counted once, as links)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def mib(size: int) -> str:
    return f"{size / 2**20:.1f} MiB"


# -- Linux ------------------------------------------------------------------------------------


def linux_share(stage: Path, share: Path) -> None:
    """freedesktop files: the desktop entry, hicolor icons, AppStream metainfo."""
    apps = share / "applications"
    apps.mkdir(parents=True, exist_ok=True)
    shutil.copy2(INSTALLER / "linux" / f"{APP_ID}.desktop", apps / f"{APP_ID}.desktop")
    for png in sorted((stage / "icons").glob("*.png")):
        folder = share / "icons" / "hicolor" / png.stem / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy2(png, folder / f"{APP_ID}.png")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copy2(RESOURCES / "icons" / "app.svg", scalable / f"{APP_ID}.svg")
    (share / "metainfo").mkdir(parents=True, exist_ok=True)
    shutil.copy2(stage / f"{APP_ID}.metainfo.xml", share / "metainfo" / f"{APP_ID}.metainfo.xml")


def linux_tarball(bundle: Path, stage: Path, version: str) -> Path:
    """``portal-desk-<version>/``: the bundle, plus ``share/`` to copy into ~/.local/share."""
    top = f"{NAME}-{version}"
    share = BUILD / "tar-share"
    if share.exists():
        shutil.rmtree(share)
    linux_share(stage, share)
    target = DIST / f"{NAME}-{version}-linux-{platform.machine()}.tar.gz"

    def clean(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info

    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=top, filter=clean)
        tar.add(share, arcname=f"{top}/share", filter=clean)
        tar.add(INSTALLER / "README.md", arcname=f"{top}/README.md", filter=clean)
    return target


def deb_arch() -> str:
    return {"x86_64": "amd64", "aarch64": "arm64"}.get(platform.machine(), platform.machine())


def deb_control(version: str, installed_kib: int) -> str:
    return (
        f"Package: {NAME}\n"
        f"Version: {version}\n"
        f"Architecture: {deb_arch()}\n"
        "Maintainer: Bàn biên tập <noreply@invalid>\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {DEB_DEPENDS}\n"
        "Section: editors\n"
        "Priority: optional\n"
        "Description: Bàn biên tập — editorial desk for government web portals\n"
        " Write news items offline, take them through the editorial board's steps\n"
        " (member, deputy head, head) and publish them on the portal. Vietnamese\n"
        " first, with English available.\n"
    )


def linux_deb(bundle: Path, stage: Path, version: str) -> Path | None:
    """A .deb installing to /opt/portal-desk with /usr/bin/portal-desk; None without dpkg-deb."""
    dpkg_deb = shutil.which("dpkg-deb")
    if dpkg_deb is None:
        print("dpkg-deb not found: no .deb (apt-get install dpkg)")
        return None
    root = BUILD / "deb-root"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(bundle, root / "opt" / NAME, symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / NAME).symlink_to(f"/opt/{NAME}/{NAME}")
    linux_share(stage, root / "usr" / "share")
    (root / "DEBIAN").mkdir()
    installed_kib = (folder_size(root) + 1023) // 1024
    (root / "DEBIAN" / "control").write_text(deb_control(version, installed_kib), "utf-8")
    for path in root.rglob("*"):  # dpkg wants 0755 folders and no group/other write bits
        if not path.is_symlink():
            path.chmod((path.stat().st_mode | 0o444) & ~0o022 | (0o111 if path.is_dir() else 0))
    target = DIST / f"{NAME}_{version}_{deb_arch()}.deb"
    subprocess.run(
        [dpkg_deb, "--root-owner-group", "-Zxz", "--build", str(root), str(target)], check=True
    )
    return target


def validate_linux(stage: Path) -> None:
    """The desktop file and metainfo through their validators, when they are installed."""
    checks = [
        ("desktop-file-validate", [str(INSTALLER / "linux" / f"{APP_ID}.desktop")]),
        (
            "appstreamcli",
            ["validate", "--no-net", "--pedantic", str(stage / f"{APP_ID}.metainfo.xml")],
        ),
    ]
    for tool, arguments in checks:
        found = shutil.which(tool)
        if found is None:
            print(f"{tool} not installed: skipped")
            continue
        subprocess.run([found, *arguments], check=True)


# -- Windows and macOS ------------------------------------------------------------------------


def windows_installer(bundle: Path, stage: Path, version: str) -> Path | None:
    """Inno Setup's compiler on the .iss, with the version and paths given as defines."""
    iscc = shutil.which("ISCC") or shutil.which("iscc")
    if iscc is None:
        print("ISCC (Inno Setup 6) not on PATH: no installer, the bundle is in", bundle)
        return None
    subprocess.run(
        [
            iscc,
            f"/DAppVersion={version}",
            f"/DBundleDir={bundle}",
            f"/DIconFile={stage / 'app.ico'}",
            f"/O{DIST}",
            str(INSTALLER / "windows" / "portal-desk.iss"),
        ],
        check=True,
    )
    return DIST / f"{NAME}-{version}-setup.exe"


def macos_dmg(app: Path, version: str) -> Path:
    target = DIST / f"{NAME}-{version}-macos.dmg"
    subprocess.run(
        ["bash", str(INSTALLER / "macos" / "make-dmg.sh"), str(app), str(target), version],
        check=True,
    )
    return target


# -- the selftest -----------------------------------------------------------------------------


def executable(bundle: Path) -> Path:
    if sys.platform == "win32":
        return bundle / f"{NAME}-cli.exe"
    if sys.platform == "darwin":
        return bundle / "Contents" / "MacOS" / NAME
    return bundle / NAME


def selftest(bundle: Path) -> None:
    """``--version`` and ``--selftest`` of the frozen app, offscreen."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    exe = str(executable(bundle))
    shown = subprocess.run([exe, "--version"], check=True, capture_output=True, text=True, env=env)
    if shown.stdout.strip() != read_version():
        raise SystemExit(f"--version says {shown.stdout.strip()!r}, not {read_version()!r}")
    subprocess.run([exe, "--selftest"], check=True, env=env, timeout=300)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="installer/build", description=__doc__)
    parser.add_argument("--no-package", action="store_true", help="freeze only")
    parser.add_argument("--no-selftest", action="store_true", help="skip the frozen selftest")
    args = parser.parse_args(argv)
    started = time.monotonic()
    version = read_version()
    stage = prepare(BUILD / "stage")
    bundle = freeze(stage)
    frozen = time.monotonic() - started
    print(f"bundle: {bundle} · {mib(folder_size(bundle))} unpacked · frozen in {frozen:.0f} s")
    if not args.no_selftest:
        selftest(bundle)
    made: list[Path | None] = []
    if not args.no_package:
        if sys.platform.startswith("linux"):
            validate_linux(stage)
            made += [linux_tarball(bundle, stage, version), linux_deb(bundle, stage, version)]
        elif sys.platform == "win32":
            made.append(windows_installer(bundle, stage, version))
        elif sys.platform == "darwin":
            made.append(macos_dmg(bundle, version))
    for path in made:
        if path is not None:
            print(f"built: {path} · {mib(path.stat().st_size)}")
    print(f"done in {time.monotonic() - started:.0f} s")
    return 0
