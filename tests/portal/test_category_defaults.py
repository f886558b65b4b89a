"""``portal-server category add`` gives a section the regulation's deadline for its kind unless
told otherwise (BD-13, AG-12; issue 19): legal documents 2 working days from the issue date,
statistics 10 from the head's decision; ``--no-deadline`` and an explicit rule win."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.models import DeadlineFrom, DeadlineRule
from portal import db
from portal.board import directory as board
from portal.cli import main


def add(capsys: pytest.CaptureFixture[str], url: str, cid: str, *extra: str) -> tuple[int, str]:
    code = main(
        ["category", "add", "--site", "so", cid, f"Chuyên mục {cid}", *extra, "--database", url]
    )
    return code, capsys.readouterr().err


def deadlines(url: str) -> dict[str, DeadlineRule | None]:
    engine = db.make_engine(url)
    with db.reading(engine) as conn:
        found = {c.id: c.deadline for c in board.list_categories(conn, "so")}
    engine.dispose()
    return found


def test_the_regulations_deadline_by_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'p.sqlite3'}"
    assert main(["site", "add", "so", "Sở Thử nghiệm", "--database", url]) == 0
    assert add(capsys, url, "van-ban", "--kind", "legal")[0] == 0
    assert add(capsys, url, "thong-ke", "--kind", "statistics")[0] == 0
    assert add(capsys, url, "du-an", "--kind", "projects")[0] == 0
    assert add(capsys, url, "tin-tuc", "--kind", "news")[0] == 0
    assert add(capsys, url, "lich", "--kind", "work_calendar")[0] == 0
    assert add(capsys, url, "dvc", "--kind", "public_services")[0] == 0
    assert add(capsys, url, "van-ban-khac", "--kind", "legal", "--no-deadline")[0] == 0
    applying = ("--deadline-days", "10", "--deadline-from", "issue_date")
    assert add(capsys, url, "van-ban-ap-dung", "--kind", "legal", *applying)[0] == 0
    assert deadlines(url) == {
        "van-ban": DeadlineRule(2, DeadlineFrom.ISSUE_DATE),
        "thong-ke": DeadlineRule(10, DeadlineFrom.DECISION_DATE),
        "du-an": DeadlineRule(10, DeadlineFrom.APPROVAL_DATE),
        "tin-tuc": None,
        "lich": None,
        "dvc": None,
        "van-ban-khac": None,
        "van-ban-ap-dung": DeadlineRule(10, DeadlineFrom.ISSUE_DATE),
    }


def test_contradictory_deadlines_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'p.sqlite3'}"
    assert main(["site", "add", "so", "Sở Thử nghiệm", "--database", url]) == 0
    both = ("--no-deadline", "--deadline-days", "2", "--deadline-from", "issue_date")
    code, err = add(capsys, url, "a", "--kind", "legal", *both)
    assert code == 1 and "either --no-deadline or --deadline-days" in err
    code, err = add(
        capsys, url, "b", "--kind", "legal", "--deadline-days", "0", "--deadline-from", "issue_date"
    )
    assert code == 1 and "from 1 up" in err
    code, err = add(capsys, url, "c", "--kind", "legal", "--deadline-days", "3")
    assert code == 1 and "together" in err
    assert deadlines(url) == {}
