"""The demo content is valid for the domain model before the seeder ever sees it.

Every path is replayed with ``check_action`` / ``apply_action`` exactly as the portal will check
it, so a wrong actor, a four-eyes breach or a missing comment fails here, not at seed time.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import urlparse

import pytest

from desktop.models import (
    CONTENT_FIELDS,
    Action,
    Category,
    CategoryKind,
    DeadlineFrom,
    DeadlineRule,
    Grant,
    Item,
    Origin,
    Role,
    SiteSettings,
    State,
    Step,
    User,
    apply_action,
    check_action,
    comment_required,
    may_grant,
    parse_content,
    submit_problems,
)
from desktop.models.fields import validate_metadata
from desktop.models.render import render_markdown
from portal.demo import content as demo

SITE_ID = demo.SITE["id"]
SEEDED_AT = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
CATEGORY_IDS = {c["id"] for c in demo.CATEGORIES}
USERS = {
    u["username"]: User(
        u["username"], {SITE_ID: frozenset(Role(r) for r in u["roles"])}, u["full_name"]
    )
    for u in demo.USERS
}
GRANTS = tuple(
    Grant(
        id=str(n),
        site=SITE_ID,
        grantee=g["grantee"],
        step=Step(g["step"]),
        granted_by=g["granted_by"],
        valid_from=SEEDED_AT,
        valid_until=SEEDED_AT + timedelta(days=g["valid_days"]),
        categories=frozenset(g["categories"]),
        decision_ref=g["decision_ref"],
    )
    for n, g in enumerate(demo.GRANTS)
)
SETTINGS = SiteSettings(**demo.SITE["settings"])
ITEM_IDS = [f"{n}-{item['content']['category']}" for n, item in enumerate(demo.ITEMS)]


def replay(index: int) -> tuple[Item, list[tuple[Action, str, str | None]]]:
    return replay_spec(demo.ITEMS[index], index)


def replay_spec(
    spec: dict[str, Any], index: int = -1
) -> tuple[Item, list[tuple[Action, str, str | None]]]:
    """Create the item as its author and take it through its path, checking every step.

    Returns the final item and each step done as (action, actor, on whose behalf).
    """
    at = SEEDED_AT + timedelta(minutes=1)
    item = Item(
        id=f"demo-{index}",
        site=SITE_ID,
        created_by=spec["author"],
        version=1,
        created_at=at,
        **parse_content(spec["content"]),
    )
    done: list[tuple[Action, str, str | None]] = []
    for action_name, actor, comment in spec["path"]:
        at += timedelta(minutes=5)
        action = Action(action_name)
        verdict = check_action(
            item, action, USERS[actor], GRANTS, at, SETTINGS, categories=CATEGORY_IDS
        )
        assert verdict.allowed, (
            f"item {index}: {actor} may not {action_name} from {item.state}: "
            + "; ".join(p.en for p in verdict.problems)
        )
        if comment_required(item.state, action):
            assert comment and comment.strip(), f"item {index}: {action_name} needs a reason"
        item = apply_action(item, action, USERS[actor], at, verdict.on_behalf_of)
        done.append((action, actor, verdict.on_behalf_of))
    return item, done


def strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield from strings(key)
            yield from strings(inner)
    elif isinstance(value, list | tuple):
        for inner in value:
            yield from strings(inner)


ALL_DATA = (demo.SITE, demo.USERS, demo.CATEGORIES, demo.GRANTS, demo.ITEMS)


# --- site, accounts, categories, grants -------------------------------------------------------


def test_accounts_are_the_agreed_ones() -> None:
    assert demo.DEMO_PASSWORD == "bien-tap-demo-2026"
    assert SITE_ID == "demo"
    assert demo.SITE["settings"] == {"four_eyes": True}
    assert {u["username"]: u["roles"] for u in demo.USERS} == {
        "thanhvien1": ["member"],
        "thanhvien2": ["member"],
        "phoban": ["deputy"],
        "truongban": ["head"],
        "quantri": ["admin"],
    }
    names = [u["full_name"] for u in demo.USERS]
    assert all(len(name.split()) >= 3 for name in names)
    assert len(set(names)) == len(names)


def test_categories_cover_every_kind_with_the_regulations_deadlines() -> None:
    expected_deadlines = {
        CategoryKind.LEGAL: DeadlineRule(2, DeadlineFrom.ISSUE_DATE),
        CategoryKind.DISSEMINATION: DeadlineRule(15, DeadlineFrom.ISSUE_DATE),
        CategoryKind.STRATEGY: DeadlineRule(10, DeadlineFrom.APPROVAL_DATE),
        CategoryKind.PROJECTS: DeadlineRule(10, DeadlineFrom.APPROVAL_DATE),
        CategoryKind.SCIENCE: DeadlineRule(20, DeadlineFrom.APPROVAL_DATE),
        CategoryKind.STATISTICS: DeadlineRule(10, DeadlineFrom.DECISION_DATE),  # issue 19
    }
    categories = [Category.from_dict({**c, "site": SITE_ID}) for c in demo.CATEGORIES]
    assert len(CATEGORY_IDS) == len(categories)
    assert {c.kind for c in categories} == set(CategoryKind)
    assert len({c.position for c in categories}) == len(categories)
    for raw, category in zip(demo.CATEGORIES, categories, strict=True):
        assert raw["kind"] in {k.value for k in CategoryKind}
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", category.id), category.id
        assert category.name and category.unit, category.id
        assert category.deadline == expected_deadlines.get(category.kind), category.id
        assert category.to_dict() == {**raw, "site": SITE_ID}


def test_grants_are_given_by_someone_who_may_give_them() -> None:
    for raw, grant in zip(demo.GRANTS, GRANTS, strict=True):
        assert grant.grantee in USERS and grant.granted_by in USERS
        assert may_grant(USERS[grant.granted_by], SITE_ID, grant.step)
        assert grant.categories <= CATEGORY_IDS
        assert raw["valid_days"] > 0
        assert re.match(r"Quyết định số \d+/QĐ-BBT ngày \d{2}/\d{2}/\d{4}", grant.decision_ref)


# --- items: content ------------------------------------------------------------------------


def test_there_are_twelve_to_eighteen_items() -> None:
    # 14 for the BD-11 sections, 4 for those issue 19 added (statistics, calendar, units, services)
    assert 12 <= len(demo.ITEMS) <= 18


@pytest.mark.parametrize("index", range(len(demo.ITEMS)), ids=ITEM_IDS)
def test_item_content_parses_and_is_ready_to_submit(index: int) -> None:
    spec = demo.ITEMS[index]
    content = spec["content"]
    assert set(content) <= set(CONTENT_FIELDS) - {"translation_of"}
    assert set(spec) <= {"author", "content", "path", "comments", "translation_of_index"}
    parsed = parse_content(content)
    assert parsed["category"] in CATEGORY_IDS
    probe = Item(id="probe", site=SITE_ID, created_by=spec["author"], **parsed)
    assert submit_problems(probe, CATEGORY_IDS) == []
    assert spec["author"] in USERS and USERS[spec["author"]].on_board(SITE_ID)
    for author, body in spec["comments"]:
        assert USERS[author].on_board(SITE_ID) and body.strip()


@pytest.mark.parametrize("index", range(len(demo.ITEMS)), ids=ITEM_IDS)
def test_item_body_is_a_real_article(index: int) -> None:
    content = demo.ITEMS[index]["content"]
    body = content["body"]
    words = len(re.findall(r"\w+", body))
    assert 150 <= words <= 400, f"{words} words"
    assert re.search(r"^# \S", body, re.MULTILINE), "no section heading"
    assert re.search(r"^- \S", body, re.MULTILINE), "no list"
    html = render_markdown(body)
    assert "<h2>" in html and "<li>" in html
    if "|---" in body:
        assert "<table>" in html
    assert 1 <= len(re.findall(r"[.!?](\s|$)", content["summary"])) <= 2, "sapo: 1–2 sentences"
    assert content["title"] and len(content["title"]) <= 160


def test_all_text_is_nfc_vietnamese_without_mojibake() -> None:
    texts = [text for part in ALL_DATA for text in strings(part)]
    assert texts
    for text in texts:
        assert unicodedata.is_normalized("NFC", text), text[:60]
        assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text), text[:60]
        # UTF-8 read as cp1252 (Ã, Æ°, Ä‘) or TCVN3 leftovers would show these.
        assert not re.search(r"Ã.|Æ°|Ä‘|á»", text), text[:60]
    vietnamese = "".join(
        t for i in demo.ITEMS if i["content"]["language"] == "vi" for t in strings(i)
    )
    marks = {
        unicodedata.name(c)
        for c in unicodedata.normalize("NFD", vietnamese)
        if unicodedata.combining(c)
    }
    for mark in (
        "GRAVE",
        "ACUTE",
        "HOOK ABOVE",
        "TILDE",
        "DOT BELOW",
        "BREVE",
        "CIRCUMFLEX",
        "HORN",
    ):
        assert f"COMBINING {mark} ACCENT" in marks or f"COMBINING {mark}" in marks, mark
    assert "đ" in vietnamese and "Đ" in vietnamese


def test_reposts_name_their_source_and_author() -> None:
    reposts = [i["content"] for i in demo.ITEMS if i["content"]["origin"] == Origin.REPOST]
    assert reposts
    for content in reposts:
        assert content["source"]["name"].strip() and content["author"].strip()
        url = urlparse(content["source"]["url"])
        assert url.scheme == "https" and url.hostname and url.hostname.endswith(".gov.vn")
    originals = [i["content"] for i in demo.ITEMS if i["content"]["origin"] == Origin.ORIGINAL]
    assert all("source" not in c for c in originals)


def test_the_translation_points_at_its_vietnamese_original() -> None:
    translations = [i for i in demo.ITEMS if "translation_of_index" in i]
    assert len(translations) == 1
    translation = translations[0]
    original = demo.ITEMS[translation["translation_of_index"]]
    assert translation is not original
    assert translation["content"]["language"] == "en"
    assert original["content"]["language"] == "vi"
    assert translation["content"]["category"] == original["content"]["category"]
    assert "translation_of_index" not in original
    assert replay(demo.ITEMS.index(original))[0].state is State.PUBLISHED


# --- items: metadata per kind ----------------------------------------------------------------

KIND_OF = {c["id"]: CategoryKind(c["kind"]) for c in demo.CATEGORIES}
EMAIL = re.compile(r"[a-z0-9._-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.gov\.vn")


@pytest.mark.parametrize("index", range(len(demo.ITEMS)), ids=ITEM_IDS)
def test_item_metadata_fits_its_category_kind(index: int) -> None:
    content = demo.ITEMS[index]["content"]
    kind = KIND_OF[content["category"]]
    metadata = content["metadata"]
    # every required field of the section's declaration, under its declared key (issue 6)
    assert validate_metadata(kind, metadata) == []
    assert set(metadata) <= set(demo.METADATA_LABELS)
    for key, value in metadata.items():
        if key == "budget":
            assert isinstance(value, int) and value > 0
            continue
        assert isinstance(value, str) and value.strip(), key
        if key.endswith("_date") or key == "comment_deadline":
            date.fromisoformat(value)
        if key.endswith("email"):
            assert EMAIL.fullmatch(value), value
    if kind is CategoryKind.LEGAL:  # the downloadable file is one of the item's attachments
        assert metadata["file"] in content["attachments"] and metadata["file"] in demo.FILES
        assert re.fullmatch(r"\d+/\d{4}/QĐ-UBND", metadata["number"])
        assert metadata["number"].split("/")[1] == metadata["issue_date"][:4]
        assert metadata["effective_date"] > metadata["issue_date"]
        assert content["trigger_date"] == metadata["issue_date"]
    if kind is CategoryKind.PROJECTS:
        assert metadata["status"] in demo.PROJECT_STATUSES
    if kind is CategoryKind.CONSULTATION:
        assert metadata["email"] in content["body"]
        assert metadata["comment_deadline"] > "2026-11-23"
    deadline = next(c["deadline"] for c in demo.CATEGORIES if c["id"] == content["category"])
    if deadline is None:
        assert content["trigger_date"] is None


def test_every_metadata_label_is_used_and_bilingual() -> None:
    used = {key for i in demo.ITEMS for key in i["content"]["metadata"]}
    # compensation_plan is what the head asked to add to the returned project (item 7).
    assert set(demo.METADATA_LABELS) - used == {"compensation_plan"}
    for vi, en in [*demo.METADATA_LABELS.values(), *demo.PROJECT_STATUSES.values()]:
        assert vi.strip() and en.strip() and en.isascii()


# --- items: workflow -------------------------------------------------------------------------


@pytest.mark.parametrize("index", range(len(demo.ITEMS)), ids=ITEM_IDS)
def test_every_path_is_allowed_step_by_step(index: int) -> None:
    item, done = replay(index)
    assert item.version == 1 + len(demo.ITEMS[index]["path"])
    if done:
        assert done[0][:2] == (Action.SUBMIT, demo.ITEMS[index]["author"])


def final_states() -> dict[int, State]:
    return {n: replay(n)[0].state for n in range(len(demo.ITEMS))}


def test_every_state_appears_and_the_site_looks_alive() -> None:
    states = final_states()
    # A deleted draft is its author's alone (issue 17): the demo shows the board none.
    assert set(states.values()) == set(State) - {State.DELETED}
    assert list(states.values()).count(State.PUBLISHED) >= 5
    published_kinds = {
        KIND_OF[demo.ITEMS[n]["content"]["category"]]
        for n, state in states.items()
        if state is State.PUBLISHED
    }
    assert {CategoryKind.NEWS, CategoryKind.LEGAL, CategoryKind.CONSULTATION} <= published_kinds


def test_returns_rejections_and_take_downs_are_all_there() -> None:
    paths = {n: [step[0] for step in item["path"]] for n, item in enumerate(demo.ITEMS)}
    states = final_states()
    returned_to_member = [
        n for n, p in paths.items() if p == ["submit", "return"] and states[n] is State.DRAFT
    ]
    returned_from_step_3 = [n for n, p in paths.items() if p == ["submit", "forward", "return"]]
    assert returned_to_member and returned_from_step_3
    assert all(states[n] is State.SUBMITTED for n in returned_from_step_3)
    assert all(demo.ITEMS[n]["path"][-1][1] == "truongban" for n in returned_from_step_3)
    assert any(p[-1:] == ["reject"] for p in paths.values())
    taken_down = [n for n, p in paths.items() if p[-1:] == ["take_down"]]
    assert taken_down and all("Quyết định số" in demo.ITEMS[n]["path"][-1][2] for n in taken_down)


def test_a_newcomer_finds_work_at_every_step() -> None:
    """Drafts by thanhvien1 ready to submit, and something waiting in step 2 and step 3."""
    states = final_states()
    fresh_drafts = [
        n
        for n, item in enumerate(demo.ITEMS)
        if item["path"] == [] and item["author"] == "thanhvien1"
    ]
    assert fresh_drafts
    for n in fresh_drafts:
        item = replay(n)[0]
        verdict = check_action(
            item, Action.SUBMIT, USERS["thanhvien1"], GRANTS, SEEDED_AT, SETTINGS, CATEGORY_IDS
        )
        assert verdict.allowed
    plain_step_2 = [
        n for n, s in states.items() if s is State.SUBMITTED and len(demo.ITEMS[n]["path"]) == 1
    ]
    assert plain_step_2
    assert State.EDITED in states.values()


def test_the_news_grants_are_used_and_recorded_on_whose_behalf() -> None:
    behalf = {
        (action, actor, on_behalf_of)
        for n in range(len(demo.ITEMS))
        for action, actor, on_behalf_of in replay(n)[1]
        if on_behalf_of
    }
    assert (Action.FORWARD, "thanhvien2", "phoban") in behalf
    assert (Action.APPROVE, "phoban", "truongban") in behalf


def test_a_wrong_path_would_be_caught() -> None:
    """The replay is strict: four-eyes, author-only submit and member rights all bite."""
    spec = demo.ITEMS[0]
    bad_paths = [
        [("submit", "thanhvien2", None)],  # not the author
        [("submit", "thanhvien1", None), ("forward", "truongban", None),
         ("approve", "truongban", None)],  # four-eyes
        [("submit", "thanhvien1", None), ("forward", "thanhvien1", None)],  # a member, no grant
        [("submit", "thanhvien1", None), ("return", "phoban", None)],  # a return needs a reason
    ]  # fmt: skip
    for path in bad_paths:
        with pytest.raises(AssertionError):
            replay_spec({**spec, "path": path})
