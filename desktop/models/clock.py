"""One time zone for every time shown or exported: the site's (Vietnam's by default).

A person in Hà Nội and a laptop whose clock says UTC see the same 09:00 on the item page, the
status bar, the report and the export, labelled where a reader outside could doubt it. Vietnam
has kept UTC+7 without daylight saving since 1975, so a fixed offset needs no time zone
database on any platform.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

#: The zone of the sites this product serves (a site may name another: ``zone_named``).
VIETNAM = timezone(timedelta(hours=7), "ICT")
ZONE_LABEL = {"vi": "giờ Việt Nam", "en": "Vietnam time"}


def zone_named(name: str | None) -> timezone:
    """A site's zone from its setting (``+07:00``, ``UTC+7``); Vietnam's when unset or unread."""
    if not name:
        return VIETNAM
    text = name.strip().upper().removeprefix("UTC").removeprefix("GMT")
    try:
        sign = -1 if text.startswith("-") else 1
        hours, _, minutes = text.lstrip("+-").partition(":")
        offset = timedelta(hours=int(hours or 0), minutes=int(minutes or 0))
    except ValueError:
        return VIETNAM
    return timezone(sign * offset) if abs(offset) < timedelta(hours=15) else VIETNAM


def in_zone(at: datetime, zone: timezone = VIETNAM) -> datetime:
    """``at`` in ``zone`` (a naive time is taken as UTC, as the portal sends them)."""
    return (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone(zone)


def shown(at: datetime | None, zone: timezone = VIETNAM, *, seconds: bool = False) -> str:
    """``dd/mm/yyyy HH:MM`` in the site's zone (empty for no time)."""
    if at is None:
        return ""
    return in_zone(at, zone).strftime("%d/%m/%Y %H:%M:%S" if seconds else "%d/%m/%Y %H:%M")


def shown_time(at: datetime | None, zone: timezone = VIETNAM) -> str:
    """``HH:MM`` in the site's zone (the status bar's last sync)."""
    return in_zone(at, zone).strftime("%H:%M") if at is not None else ""


def labelled(at: datetime | None, zone: timezone = VIETNAM, language: str = "vi") -> str:
    """``dd/mm/yyyy HH:MM (giờ Việt Nam)``: for what is read outside the app (exports)."""
    if at is None:
        return ""
    label = (
        ZONE_LABEL["vi" if language == "vi" else "en"]
        if zone == VIETNAM
        else in_zone(at, zone).strftime("UTC%z")
    )
    return f"{shown(at, zone)} ({label})"
