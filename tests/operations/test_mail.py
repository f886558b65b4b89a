"""E-mail notices (issue 20) through a real SMTP server on loopback (aiosmtpd): queued with the
workflow step (a mail server down never blocks a request), sent by the scheduler's job in the
person's language as plain text plus HTML, retried after a failure, once per event; opt-out."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from desktop.models import Category, CategoryKind, DeadlineFrom, DeadlineRule
from desktop.models.workdays import WorkCalendar
from portal import db
from portal.board import directory as board
from portal.board import mail
from portal.server import PortalServer
from tests.operations.conftest import Clock
from tests.portal.conftest import SITE, Api

VN = timezone(timedelta(hours=7))


class Inbox:
    """aiosmtpd's handler: every message it accepts."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        parsed = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        self.messages.append(parsed)
        return "250 OK"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if m["To"] == address]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class MailServer:
    """A real SMTP server on a loopback port that a test can stop and start again."""

    def __init__(self) -> None:
        self.inbox = Inbox()
        self.port = free_port()
        self.controller: Controller | None = None

    def start(self) -> None:
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture
def smtp() -> Iterator[MailServer]:
    server = MailServer()
    server.start()
    yield server
    server.stop()


def addresses(server: PortalServer) -> None:
    with db.writing(server.app.state.engine) as conn:
        mail.set_email(conn, "phoban", "phoban@so.gov.vn")
        mail.set_email(conn, "truongban", "truongban@so.gov.vn", "en")
        mail.set_email(conn, "thanhvien1", "thanhvien1@so.gov.vn")
        mail.set_email(conn, "thanhvien2", "thanhvien2@so.gov.vn")
        mail.set_opt_out(conn, "thanhvien2", True)


def queued(server: PortalServer) -> list[Any]:
    with db.reading(server.app.state.engine) as conn:
        return list(conn.execute(select(mail.mail_outbox).order_by(mail.mail_outbox.c.id)))


def test_notices_go_out_in_the_persons_language_and_survive_a_mail_server_down(
    server: PortalServer, api: dict[str, Api], clock: Clock, smtp: MailServer
) -> None:
    inbox, controller = smtp.inbox, smtp
    addresses(server)
    sender = mail.Sender(mail.SmtpSettings.parse(f"smtp://127.0.0.1:{smtp.port}"))
    engine = server.app.state.engine

    item = api["thanhvien1"].create(title="Hội nghị tổng kết năm")
    answer = api["thanhvien1"].act(item, "submit")
    assert answer.status_code == 200
    rows = queued(server)
    assert {(r.username, r.event, r.status) for r in rows} == {
        ("phoban", "queue", "pending"),
        ("truongban", "queue", "pending"),
    }
    assert inbox.messages == []  # nothing sent inside the request

    assert sender(engine, clock.now) == 2
    [deputy] = inbox.to("phoban@so.gov.vn")
    assert deputy["Subject"] == "Tin chờ bạn xử lý: Hội nghị tổng kết năm"
    plain = deputy.get_body(("plain",))
    rich = deputy.get_body(("html",))
    assert plain is not None and rich is not None
    assert "đang chờ bạn ở bước 2" in plain.get_content()
    assert "<p>Tin “Hội nghị tổng kết năm” đang chờ bạn" in rich.get_content()
    [head] = inbox.to("truongban@so.gov.vn")
    assert head["Subject"] == "An item waits for you: Hội nghị tổng kết năm"
    assert sender(engine, clock.now) == 0  # each once

    # The mail server is down: the step still answers at once; the notice waits and is retried.
    controller.stop()
    item = answer.json()
    answer = api["phoban"].act(item, "return", "Thiếu nguồn ảnh.")
    assert answer.status_code == 200
    assert sender(engine, clock.now) == 0
    [returned] = [r for r in queued(server) if r.event == "returned"]
    assert (returned.username, returned.status, returned.attempts) == ("thanhvien1", "pending", 1)
    assert returned.last_error
    controller.start()
    assert sender(engine, clock.now + timedelta(seconds=30)) == 0  # not before its retry time
    assert sender(engine, clock.now + timedelta(minutes=1)) == 1
    [back] = inbox.to("thanhvien1@so.gov.vn")
    assert back["Subject"] == "Tin của bạn bị trả lại: Hội nghị tổng kết năm"
    assert "Lý do: Thiếu nguồn ảnh." in back.get_body(("plain",)).get_content()  # type: ignore[union-attr]

    # thanhvien2 opted out: their item's notices to them are not queued at all.
    other = api["thanhvien2"].create(title="Tin của thành viên hai")
    other = api["thanhvien2"].act(other, "submit").json()
    api["phoban"].act(other, "return", "Viết lại sapo.")
    assert not [r for r in queued(server) if r.username == "thanhvien2"]


def test_two_senders_never_send_one_notice_twice(
    server: PortalServer,
    database_url: str,
    api: dict[str, Api],
    clock: Clock,
    smtp: MailServer,
) -> None:
    """Two server processes' senders racing over one queue: each notice goes out once."""
    import threading

    addresses(server)
    for n in range(6):
        item = api["thanhvien1"].create(title=f"Tin số {n}")
        assert api["thanhvien1"].act(item, "submit").status_code == 200
    assert len(queued(server)) == 12
    settings = mail.SmtpSettings.parse(f"smtp://127.0.0.1:{smtp.port}")
    engines = [
        db.make_engine(str(server.app.state.engine.url.render_as_string(False))) for _ in range(2)
    ]
    start = threading.Barrier(2)
    sent: list[int] = []

    def process(engine: db.Engine) -> None:
        start.wait()
        sent.append(mail.Sender(settings)(engine, clock.now))

    threads = [threading.Thread(target=process, args=(e,)) for e in engines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for engine in engines:
        engine.dispose()
    assert sum(sent) == 12
    assert len(smtp.inbox.messages) == 12
    assert {r.status for r in queued(server)} == {"sent"}


def test_deadline_tomorrow_tells_whoever_the_item_waits_for(
    server: PortalServer, api: dict[str, Api], clock: Clock
) -> None:
    addresses(server)
    engine = server.app.state.engine
    with db.writing(engine) as conn:
        board.add_category(
            conn,
            Category(
                "van-ban-qppl",
                SITE,
                "Văn bản QPPL",
                CategoryKind.NEWS,
                "Văn phòng",
                DeadlineRule(2, DeadlineFrom.ISSUE_DATE),
                5,
            ),
        )
    issued = date(2026, 12, 7)
    due = WorkCalendar().add_working_days(issued, 2)
    item = api["thanhvien1"].create(
        category="van-ban-qppl", title="Quyết định 12/2026", trigger_date=issued.isoformat()
    )
    api["thanhvien1"].act(item, "submit")
    before = {r.id for r in queued(server)}

    two_days_before = datetime.combine(due - timedelta(days=2), datetime.min.time(), VN)
    assert mail.queue_deadline_notices(engine, two_days_before + timedelta(hours=9)) == 0
    day_before = two_days_before + timedelta(days=1, hours=9)
    assert mail.queue_deadline_notices(engine, day_before) == 2  # step 2: deputy and head
    assert mail.queue_deadline_notices(engine, day_before + timedelta(hours=3)) == 0  # once
    new = [r for r in queued(server) if r.id not in before]
    assert {(r.username, r.event) for r in new} == {
        ("phoban", "deadline"),
        ("truongban", "deadline"),
    }
    [deputy] = [r for r in new if r.username == "phoban"]
    assert deputy.subject == "Ngày mai đến hạn: Quyết định 12/2026"
    assert due.strftime("%d/%m/%Y") in deputy.text


def test_a_citizens_question_due_tomorrow_tells_its_assignee_or_the_board(
    server: PortalServer, api: dict[str, Api]
) -> None:
    """AG-12.1.d: 15 working days to answer; the day before, whoever has the question is told
    (nobody yet: the deputies and heads); an answered or closed question tells no one."""
    from portal.board import questions

    addresses(server)
    engine = server.app.state.engine
    asked = datetime(2026, 12, 7, 10, 0, tzinfo=VN)
    fields = {"name": "Nguyễn Văn Dân", "email": "dan@example.vn", "body": "Xin hỏi thủ tục?"}
    with db.writing(engine) as conn:
        open_one = questions.receive(conn, SITE, {**fields, "title": "Cấp phép xây dựng"}, asked)
        assigned = questions.receive(conn, SITE, {**fields, "title": "Đất đai"}, asked)
        declined = questions.receive(conn, SITE, {**fields, "title": "Ngoài phạm vi"}, asked)
        head = board.load_user(conn, "truongban")
        questions.act(
            conn, head, SITE, assigned["id"], {"action": "assign", "assignee": "thanhvien1"}, asked
        )
        questions.act(
            conn, head, SITE, declined["id"], {"action": "decline", "comment": "Trùng"}, asked
        )
    due = date.fromisoformat(open_one["due_date"])
    assert due == WorkCalendar().add_working_days(asked.date(), 15)
    before = {r.id for r in queued(server)}

    two_days_before = datetime.combine(due - timedelta(days=2), datetime.min.time(), VN)
    assert mail.queue_question_notices(engine, two_days_before + timedelta(hours=9)) == 0
    day_before = two_days_before + timedelta(days=1, hours=9)
    assert mail.queue_question_notices(engine, day_before) == 3
    assert mail.queue_question_notices(engine, day_before + timedelta(hours=1)) == 0  # once
    new = [r for r in queued(server) if r.id not in before]
    assert sorted((r.username, r.event) for r in new) == [
        ("phoban", "question"),  # the open one: deputy and head
        ("thanhvien1", "question"),  # the assigned one: its assignee only
        ("truongban", "question"),
    ]
    [member] = [r for r in new if r.username == "thanhvien1"]
    assert member.subject == "Câu hỏi của người dân đến hạn trả lời ngày mai: Đất đai"
    assert assigned["tracking_code"] in member.text and due.strftime("%d/%m/%Y") in member.text
    [head_notice] = [r for r in new if r.username == "truongban"]
    assert head_notice.subject == "A citizen's question is due tomorrow: Cấp phép xây dựng"  # en
    assert "dan@example.vn" not in member.text + member.html  # the asker's contact stays put


def test_the_smtp_setting_is_checked() -> None:
    parsed = mail.SmtpSettings.parse("smtps://ban%40so:m%E1%BA%ADt@mail.so.gov.vn:465")
    assert (parsed.host, parsed.port, parsed.tls, parsed.user, parsed.password) == (
        "mail.so.gov.vn",
        465,
        True,
        "ban@so",
        "mật",
    )
    assert mail.SmtpSettings.parse("smtp://127.0.0.1:2525").tls is False
    for bad in ("http://mail:25", "smtp://:25", "smtp://mail:cong"):
        with pytest.raises(ValueError):
            mail.SmtpSettings.parse(bad)


def test_a_title_is_text_in_the_html_part() -> None:
    from desktop.models import Item

    item = Item(id="x", site=SITE, title="<script>alert(1)</script> & “ngoặc”")
    subject, text, page = mail.compose("returned", "en", item, {"comment": "<b>sai</b>"})
    assert subject == "Your item was returned: <script>alert(1)</script> & “ngoặc”"
    assert "<script>" not in page and "&lt;script&gt;" in page and "&lt;b&gt;sai" in page
    assert "Reason: <b>sai</b>" in text
    assert '<html lang="en">' in page
