"""Pictures made ready before upload: upright, at most 1600 px, no location, sizes told."""

from __future__ import annotations

import io

from PIL import Image

from desktop.content.images import DEFAULT_MAX_SIDE, max_side, prepare_image


def photo(size: tuple[int, int], orientation: int = 1, gps: bool = True) -> bytes:
    image = Image.effect_noise(size, 60).convert("RGB")  # noise: a photo's worth of bytes
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "Canon"
    exif[0x0132] = "2026:11:17 08:30:00"
    if gps:
        exif[0x8825] = {1: "N", 2: (21.0, 1.0, 30.0), 3: "E", 4: (105.0, 48.0, 0.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", quality=95, exif=exif.tobytes())
    return out.getvalue()


def test_large_photo_is_resized_turned_and_stripped_of_location() -> None:
    data = photo((4000, 3000), orientation=6)  # lying on its side: turn 90°
    prepared = prepare_image("IMG_0001.jpg", data)
    assert prepared.changed and prepared.resized and prepared.rotated
    assert prepared.location_removed
    result = Image.open(io.BytesIO(prepared.data))
    assert result.size == (1200, 1600)  # upright: taller than wide, longest side 1600
    exif = result.getexif()
    assert 0x8825 not in exif and exif.get(0x0112, 1) == 1
    assert exif.get(0x010F) == "Canon"  # harmless tags stay
    assert len(prepared.data) < len(data) / 3
    summary = prepared.summary("vi")
    assert "IMG_0001.jpg" in summary and "4000×3000 → 1200×1600" in summary
    assert "GPS" in summary and "MB →" in summary
    assert "location (GPS) removed" in prepared.summary("en")


def test_small_clean_picture_is_kept_byte_for_byte() -> None:
    data = photo((800, 600), gps=False)
    prepared = prepare_image("anh.jpg", data)
    assert not prepared.changed and prepared.data == data
    assert "giữ nguyên" in prepared.summary("vi")


def test_small_picture_with_location_loses_it() -> None:
    prepared = prepare_image("anh.jpg", photo((800, 600), gps=True))
    assert prepared.changed and not prepared.resized
    assert 0x8825 not in Image.open(io.BytesIO(prepared.data)).getexif()


def test_side_from_the_environment(monkeypatch: object) -> None:
    import pytest

    mp = pytest.MonkeyPatch()
    mp.setenv("PORTAL_DESK_IMAGE_MAX_SIDE", "800")
    try:
        assert max_side() == 800
        prepared = prepare_image("a.png", _png((2000, 1000)))
        assert Image.open(io.BytesIO(prepared.data)).size == (800, 400)
    finally:
        mp.undo()
    assert max_side() == DEFAULT_MAX_SIDE


def test_not_a_picture_is_left_alone() -> None:
    prepared = prepare_image("x.jpg", b"not an image")
    assert not prepared.changed and prepared.data == b"not an image"


def _png(size: tuple[int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (10, 120, 200)).save(out, "PNG")
    return out.getvalue()
