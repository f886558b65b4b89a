"""The board's side on the command line (issue 18), against the demo portal over real HTTP:
a citizen asks, three accounts answer through the three steps with ``portal-desk``; the JSON
of ``questions list`` is stable; consultation comments listed and exported without e-mails."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from desktop import cli
from desktop.security.credentials import CredentialStore
from tests.helpers.cli import Run
from tests.helpers.keyrings import MemoryKeyring
from tests.helpers.portal import running_portal

PASSWORD = "bien-tap-demo-2026"
MONDAY = datetime(2026, 12, 7, 2, 0, tzinfo=UTC)
#: The demo's consultation (portal/demo/content.py, item 8): comments until 18/12/2026.
DEMO_CONSULTATION = "Lấy ý kiến góp ý dự thảo Nghị quyết"


@pytest.fixture
def portal(tmp_path: Path) -> Iterator[Any]:
    with running_portal(tmp_path) as server:
        server.app.state.clock = lambda: MONDAY
        yield server


@pytest.fixture
def keyring_backend(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    backend = MemoryKeyring()
    monkeypatch.setattr(cli, "make_credential_store", lambda: CredentialStore(backend=backend))
    return backend


def person(
    tmp_path: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch, portal: Any, username: str
) -> Run:
    run = Run(tmp_path / username, capsys, monkeypatch)
    code, _out, err = run(
        "login", "--server", portal.url, "--user", username, "--password-stdin", stdin=PASSWORD
    )
    assert code == 0, err
    return run


def test_three_accounts_answer_a_question_on_the_command_line(
    tmp_path: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch, portal: Any, keyring_backend: Any
) -> None:
    with httpx.Client(base_url=portal.url) as citizen:
        asked = citizen.post(
            "/api/v1/sites/demo/questions",
            json={
                "name": "Trần Thị Bình",
                "email": "binh.tran@example.vn",
                "title": "Học bổng cho học sinh dân tộc thiểu số",
                "body": "Xin hỏi điều kiện nhận học bổng năm học 2026–2027?",
            },
        ).json()
        member = person(tmp_path, capsys, monkeypatch, portal, "thanhvien1")
        listed = member.json("questions", "list")
        mine = [q for q in listed if q["id"] == asked["id"]]
        assert mine == [
            {
                "id": asked["id"],
                "title": "Học bổng cho học sinh dân tộc thiểu số",
                "state": "received",
                "due_date": "2026-12-28",
                "received_at": MONDAY.isoformat(),
                "assigned_to": None,
            }
        ]
        assert all(list(q) == sorted(q) for q in listed)  # the keys, always the same six
        assert all(
            set(q) == {"id", "title", "state", "due_date", "received_at", "assigned_to"}
            for q in listed
        )
        shown = member.json("questions", "show", asked["tracking_code"])
        assert shown["email"] == "binh.tran@example.vn" and shown["deadline"] == "ok"

        answer_file = tmp_path / "tra-loi.md"
        answer_file.write_text(
            "---\nsummary: Điều kiện nhận học bổng.\nauthor: Thu Hà\n---\n"
            "Học sinh đạt học lực **khá** trở lên được xét học bổng.\n",
            "utf-8",
        )
        code, out, err = member(
            "questions", "answer", asked["id"][:8], "--file", str(answer_file), "-q"
        )
        assert code == 0, err
        item_id = out.strip()
        assert len(item_id) == 36
        assert member("items", "act", item_id[:8], "submit")[0] == 0
        assert member("sync")[0] == 0
        assert (
            citizen.get(f"/api/v1/public/questions/{asked['tracking_code']}").json()["state"]
            == "assigned"
        )

        deputy = person(tmp_path, capsys, monkeypatch, portal, "phoban")
        assert deputy("sync")[0] == 0
        code, out, err = deputy("items", "act", item_id[:8], "forward")
        assert code == 0, err
        assert deputy("sync")[0] == 0
        head = person(tmp_path, capsys, monkeypatch, portal, "truongban")
        assert head("sync")[0] == 0
        assert head("items", "act", item_id[:8], "approve")[0] == 0
        assert head("sync")[0] == 0

        tracked = citizen.get(f"/api/v1/public/questions/{asked['tracking_code']}").json()
        assert tracked["state"] == "answered" and tracked["url"].startswith("/sites/demo/items/")
        page = citizen.get(tracked["url"]).text
        assert "Xin hỏi điều kiện nhận học bổng" in page and "binh.tran@example.vn" not in page
        assert head.json("questions", "show", asked["id"])["state"] == "answered"


def test_redirect_decline_and_refusals(
    tmp_path: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch, portal: Any, keyring_backend: Any
) -> None:
    with httpx.Client(base_url=portal.url) as citizen:
        ids = [
            citizen.post(
                "/api/v1/sites/demo/questions",
                json={
                    "name": "A",
                    "email": "a@example.vn",
                    "title": f"Câu {n}",
                    "body": f"Hỏi {n}",
                },
            ).json()
            for n in range(2)
        ]
    deputy = person(tmp_path, capsys, monkeypatch, portal, "phoban")
    code, out, err = deputy(
        "questions", "redirect", ids[0]["id"], "--to", "Sở Giáo dục và Đào tạo",
        "--comment", "Thuộc thẩm quyền của Sở Giáo dục và Đào tạo.",
    )  # fmt: skip
    assert code == 0, err and "redirected" in out
    assert (
        deputy("questions", "decline", ids[1]["id"], "--comment", "Trùng câu hỏi đã trả lời.")[0]
        == 0
    )
    code, _out, err = deputy("questions", "decline", ids[1]["id"], "--comment", "Lần nữa.")
    assert code == cli.ERROR and "dealt with" in err
    code, _out, err = deputy("questions", "show", "khong-co")
    assert code == cli.ERROR and "No question" in err
    code, _out, err = deputy("questions", "redirect", ids[0]["id"], "--to", "X")
    assert code == 2  # --comment is required


def test_consultation_comments_listed_and_exported_without_emails(
    tmp_path: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch, portal: Any, keyring_backend: Any
) -> None:
    head = person(tmp_path, capsys, monkeypatch, portal, "truongban")
    assert head("sync")[0] == 0
    [item] = [i for i in head.json("items", "list") if i["title"].startswith(DEMO_CONSULTATION)]
    with httpx.Client(base_url=portal.url) as citizen:
        for name, body in (
            ("Hợp tác xã Tân Lập", "Đề nghị nâng mức hỗ trợ lên 70%."),
            ("Nguyễn Văn Hùng", "Điều 5 cần nói rõ hồ sơ đề nghị hỗ trợ.\nCảm ơn."),
        ):
            sent = citizen.post(
                f"/api/v1/items/{item['id']}/public-comments",
                json={"name": name, "email": "gop.y@example.vn", "body": body},
            )
            assert sent.status_code == 201, sent.text
            later = MONDAY + timedelta(minutes=1)
            portal.app.state.clock = lambda later=later: later
    listed = head.json("consultation", "comments", item["id"][:8])
    names = [c["name"] for c in listed["comments"]]
    assert names[-2:] == ["Hợp tác xã Tân Lập", "Nguyễn Văn Hùng"]  # after the demo's own
    assert listed["comments"][-1]["email"] == "gop.y@example.vn"

    docx_path = tmp_path / "gop-y.docx"
    code, _out, err = head(
        "consultation", "export", item["id"][:8], "--format", "docx", "--out", str(docx_path)
    )
    assert code == 0, err
    from docx import Document

    document = Document(str(docx_path))
    text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    assert "Hợp tác xã Tân Lập" in text and "Đề nghị nâng mức hỗ trợ lên 70%." in text
    assert "gop.y@example.vn" not in text
    assert "Hạn góp ý: 18/12/2026." in text

    pdf_path = tmp_path / "gop-y.pdf"
    code, _out, err = head(
        "consultation", "export", item["id"][:8], "--format", "pdf", "--out", str(pdf_path)
    )
    assert code == 0, err
    from pypdf import PdfReader

    pdf_text = " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(str(pdf_path)).pages
    )
    assert "Nguyễn Văn Hùng" in pdf_text and "gop.y@example.vn" not in pdf_text
    assert json.dumps(listed)  # plain JSON


def test_offline_the_commands_exit_3_with_a_sentence(
    tmp_path: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch, portal: Any, keyring_backend: Any
) -> None:
    member = person(tmp_path, capsys, monkeypatch, portal, "thanhvien1")
    portal.stop()
    code, out, err = member("questions", "list", "--json")
    assert code == cli.OFFLINE, err
    assert out == "" and "Traceback" not in err and err.strip()
