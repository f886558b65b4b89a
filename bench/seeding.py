"""A portal with N items, seeded straight into its database through ``portal.board.service``'s own
row and version writers (the API would take minutes for 10,000 items; the rows are the same).
"""

from __future__ import annotations

import random
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, insert

from bench import text
from desktop.models import Category, CategoryKind, Item, Role, State, StepRecord
from portal import db
from portal.board import directory as board
from portal.board import service

SITE = "bench"
CATEGORY = "tin-tuc"
PASSWORD = "mat-khau-do-kiem-2026-rat-dai"
AUTHOR = "tacgia"  # member who wrote the items
EDITOR = "bientap"  # deputy: sees every submitted item, edits at step 2
NAMESPACE = uuid.UUID("0b8f3f7e-4a57-4b0e-9d1e-6a7d3c2b1a00")


def item_id(index: int) -> str:
    return str(uuid.uuid5(NAMESPACE, f"item/{index}"))


def seed_board(engine: Engine, extra_members: int = 0) -> list[str]:
    """The site, its section, an author and a deputy (and ``extra_members`` more members)."""
    at = datetime.now(UTC)  # the password's age counts from here: a fresh one
    names = [f"thanhvien{n:02d}" for n in range(extra_members)]
    with db.writing(engine) as conn:
        board.add_site(conn, SITE, "Cổng thông tin điện tử tỉnh (đo kiểm)")
        board.add_category(
            conn, Category(id=CATEGORY, site=SITE, name="Tin tức, sự kiện", kind=CategoryKind.NEWS)
        )
        for username, full_name, role in (
            (AUTHOR, "Nguyễn Thị Tác Giả", Role.MEMBER),
            (EDITOR, "Trần Văn Biên Tập", Role.DEPUTY),
            *((name, f"Thành viên {name[-2:]}", Role.MEMBER) for name in names),
        ):
            board.add_user(conn, username, full_name, PASSWORD, at)
            board.set_role(conn, username, SITE, role)
    return names


def _submitted(index: int, rng: random.Random, at: datetime) -> Item:
    content = text.content(rng, CATEGORY)
    item = Item(id=item_id(index), site=SITE, **content)  # type: ignore[arg-type]
    return replace(
        item,
        state=State.SUBMITTED,
        version=2,
        created_by=AUTHOR,
        steps={"submit": StepRecord(AUTHOR, at, 2)},
        created_at=at,
        updated_at=at,
        state_since=at,
    )


def seed_items(engine: Engine, count: int, *, start: int = 0, seed: int = 8) -> list[str]:
    """``count`` submitted items (version 2, with their two versions) in one transaction."""
    rng = random.Random(seed + start)
    base = datetime.now(UTC) - timedelta(days=365)
    rows: list[dict[str, Any]] = []
    versions: list[dict[str, Any]] = []
    with db.writing(engine) as conn:
        for index in range(start, start + count):
            at = base + timedelta(minutes=50 * index)
            item = _submitted(index, rng, at)
            row = {**service._row(item), "change_seq": service.next_seq(conn)}
            rows.append({"id": item.id, **row})
            for version, action in ((1, "create"), (2, "submit")):
                versions.append(
                    {
                        "item_id": item.id,
                        "version": version,
                        "action": action,
                        "actor": AUTHOR,
                        "on_behalf_of": None,
                        "at": at,
                        "comment": "",
                        "data": row["data"],
                    }
                )
            if len(rows) >= 1000:
                conn.execute(insert(db.items), rows)
                conn.execute(insert(db.item_versions), versions)
                rows, versions = [], []
        if rows:
            conn.execute(insert(db.items), rows)
            conn.execute(insert(db.item_versions), versions)
    return [item_id(i) for i in range(start, start + count)]


def seed_own_drafts(engine: Engine, usernames: list[str], *, seed: int = 9) -> dict[str, str]:
    """One draft per member, written by them (through ``service.create_item``): its id."""
    rng = random.Random(seed)
    at = datetime.now(UTC) - timedelta(days=1)
    ids: dict[str, str] = {}
    with db.writing(engine) as conn:
        for username in usernames:
            user = board.load_user(conn, username)
            new_id = str(uuid.uuid5(NAMESPACE, f"draft/{username}"))
            service.create_item(conn, user, new_id, SITE, text.content(rng, CATEGORY), at)
            ids[username] = new_id
    return ids
