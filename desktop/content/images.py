"""Pictures made ready for the portal before they are attached.

A phone photo is often 4,000 pixels wide, 4-8 MB, lying on its side until its EXIF orientation is
applied, and it carries where it was taken (GPS). Before a picture is kept and queued it is
turned upright, made no longer than ``max_side()`` pixels on its longest side (1600 by
default; ``PORTAL_DESK_IMAGE_MAX_SIDE`` or the ``max_side`` argument), recompressed, and saved
without any location: only a few harmless EXIF tags (date, camera, author, copyright) are kept,
XMP and comments are dropped. Pillow does the work. A file that is already small and clean is
kept byte for byte; animated GIFs and SVGs are never touched.
"""

from __future__ import annotations

import atexit
import io
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

#: The longest side of a picture, in pixels, unless PORTAL_DESK_IMAGE_MAX_SIDE says otherwise.
DEFAULT_MAX_SIDE = 1600
JPEG_QUALITY = 85
#: EXIF tags kept: when, with what, by whom. Everything else (GPS above all) goes.
KEPT_EXIF = {
    0x010F,  # Make
    0x0110,  # Model
    0x013B,  # Artist
    0x8298,  # Copyright
    0x0132,  # DateTime
    0x010E,  # ImageDescription
}
_EXIF_IFD = 0x8769
_DATE_ORIGINAL = 0x9003
_GPS_IFD = 0x8825
_ORIENTATION = 0x0112
SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".bmp", ".tif", ".tiff"}


def max_side() -> int:
    try:
        value = int(os.environ.get("PORTAL_DESK_IMAGE_MAX_SIDE", ""))
    except ValueError:
        return DEFAULT_MAX_SIDE
    return value if value >= 64 else DEFAULT_MAX_SIDE


@dataclass(frozen=True)
class Prepared:
    """The picture as it will be attached, and what was done to it."""

    name: str
    data: bytes
    before_bytes: int
    before_size: tuple[int, int]
    after_size: tuple[int, int]
    resized: bool
    rotated: bool
    location_removed: bool
    changed: bool

    def summary(self, language: str = "vi") -> str:
        """One sentence for the editor: the size before and after, and what was removed."""
        before, after = human_size(self.before_bytes), human_size(len(self.data))
        (w0, h0), (w1, h1) = self.before_size, self.after_size
        if language == "vi":
            parts = [f"Ảnh “{self.name}”: {before} → {after}"]
            if self.resized:
                parts.append(f"{w0}×{h0} → {w1}×{h1} điểm ảnh")
            if self.rotated:
                parts.append("đã xoay đúng chiều")
            if self.location_removed:
                parts.append("đã bỏ vị trí chụp (GPS)")
            if not self.changed:
                parts.append("giữ nguyên")
        else:
            parts = [f"Picture “{self.name}”: {before} → {after}"]
            if self.resized:
                parts.append(f"{w0}×{h0} → {w1}×{h1} pixels")
            if self.rotated:
                parts.append("turned upright")
            if self.location_removed:
                parts.append("location (GPS) removed")
            if not self.changed:
                parts.append("kept as it was")
        return ", ".join(parts) + "."


def human_size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.1f} MB".replace(".", ",")
    if count >= 1024:
        return f"{round(count / 1024)} KB"
    return f"{count} B"


def is_picture(name: str) -> bool:
    return Path(name).suffix.lower() in SUFFIXES


def prepare_image(name: str, data: bytes, side: int | None = None) -> Prepared:
    """Upright, no longer than ``side`` on its longest side, without location; see the module.

    Data Pillow cannot read is handed back unchanged.
    """
    from PIL import Image, ImageOps, UnidentifiedImageError

    side = side or max_side()
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return _unchanged(name, data, (0, 0))
    size = image.size
    if getattr(image, "is_animated", False) and getattr(image, "n_frames", 1) > 1:
        return _unchanged(name, data, size)
    exif = image.getexif()
    orientation = exif.get(_ORIENTATION, 1)
    has_location = (
        _GPS_IFD in exif
        or b"GPS" in (image.info.get("xmp") or b"")
        or ("xmp" in image.info or "XML:com.adobe.xmp" in image.info)
    )
    too_big = max(size) > side
    if not too_big and not has_location and orientation in (0, 1):
        return _unchanged(name, data, size)
    upright = ImageOps.exif_transpose(image) or image
    if too_big:
        upright.thumbnail((side, side), Image.Resampling.LANCZOS)
    kept = Image.Exif()
    for tag in KEPT_EXIF:
        if tag in exif:
            kept[tag] = exif[tag]
    original_date = exif.get_ifd(_EXIF_IFD).get(_DATE_ORIGINAL)
    if original_date and 0x0132 not in kept:
        kept[0x0132] = original_date
    kind = (image.format or "").upper()
    out = io.BytesIO()
    if kind in ("JPEG", "MPO"):
        rgb = upright.convert("RGB") if upright.mode not in ("RGB", "L") else upright
        rgb.save(
            out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True, exif=kept.tobytes()
        )
    elif kind == "WEBP":
        upright.save(out, "WEBP", quality=JPEG_QUALITY, exif=kept.tobytes())
    else:
        upright.save(out, "PNG", optimize=True)
        if Path(name).suffix.lower() not in (".png",):
            name = str(Path(name).with_suffix(".png"))
    result = out.getvalue()
    if not too_big and not has_location and len(result) >= len(data):
        return _unchanged(name, data, size)
    return Prepared(
        name=name,
        data=result,
        before_bytes=len(data),
        before_size=size,
        after_size=upright.size,
        resized=too_big,
        rotated=orientation not in (0, 1),
        location_removed=has_location,
        changed=True,
    )


def _unchanged(name: str, data: bytes, size: tuple[int, int]) -> Prepared:
    return Prepared(name, data, len(data), size, size, False, False, False, False)


# -- temporary files for Desk.attach (which reads a path) ----------------------------------------

_FOLDERS: list[Path] = []


def temporary_file(name: str, data: bytes) -> Path:
    """``data`` in a file called ``name`` in a folder of its own, removed when the app ends."""
    folder = Path(tempfile.mkdtemp(prefix="ban-bien-tap-"))
    _FOLDERS.append(folder)
    path = folder / (Path(name).name or "tep")
    path.write_bytes(data)
    return path


@atexit.register
def _remove_folders() -> None:
    for folder in _FOLDERS:
        shutil.rmtree(folder, ignore_errors=True)
