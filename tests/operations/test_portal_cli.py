"""``portal-server`` commands of issue 20: user set-email / mail-off / mail-on, mail queue,
template set / list / remove, and ``serve --smtp`` refusing a bad setting."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from portal import cli, db
from portal.board import mail, templates
from tests.portal.conftest import SITE, _cheap_argon2, seed_board  # noqa: F401 - fixture


@pytest.fixture
def url(tmp_path: Path) -> str:
    database = f"sqlite:///{tmp_path / 'portal.sqlite3'}"
    engine = db.make_engine(database)
    seed_board(engine)
    engine.dispose()
    return database


def run(capsys: Any, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_addresses_and_opt_out(url: str, capsys: Any) -> None:
    code, out, _ = run(
        capsys, "user", "set-email", "phoban", "pho.ban@so.gov.vn", "--database", url
    )
    assert code == 0 and out == "phoban\tpho.ban@so.gov.vn\tvi\ton\n"
    code, out, _ = run(capsys, "user", "mail-off", "phoban", "--database", url)
    assert code == 0 and out.endswith("\toff\n")
    code, out, _ = run(
        capsys, "user", "set-email", "truongban", "a@b.vn", "--language", "en", "--database", url
    )
    assert out == "truongban\ta@b.vn\ten\ton\n"
    code, _, err = run(capsys, "user", "set-email", "khong-co", "a@b.vn", "--database", url)
    assert code == 1 and "no user" in err
    code, _, err = run(
        capsys, "user", "set-email", "phoban", "khong phai dia chi", "--database", url
    )
    assert code == 1 and "not an e-mail address" in err
    engine = db.make_engine(url)
    with db.reading(engine) as conn:
        assert mail.mail_setting(conn, "phoban") == {
            "address": "pho.ban@so.gov.vn",
            "language": "vi",
            "opted_out": True,
        }
    engine.dispose()
    code, out, _ = run(capsys, "mail", "queue", "--database", url)
    assert code == 0 and out == ""


def test_templates_on_the_command_line(url: str, capsys: Any, tmp_path: Path) -> None:
    template = tmp_path / "mau.md"
    template.write_text(
        "---\ntitle: Thông cáo báo chí\nsummary: '[Cơ quan] thông báo'\n---\n## Nội dung\n",
        "utf-8",
    )
    code, out, err = run(
        capsys, "template", "set", "--site", SITE, "--category", "tin-tuc", "--file", str(template),
        "--database", url,
    )  # fmt: skip
    assert code == 0, err
    code, out, _ = run(capsys, "template", "list", "--site", SITE, "--database", url)
    assert out == "tin-tuc\tThông cáo báo chí\n"
    engine = db.make_engine(url)
    with db.reading(engine) as conn:
        assert templates.list_templates(conn, SITE)["tin-tuc"]["body"] == "## Nội dung\n"
    engine.dispose()
    bad = tmp_path / "sai.json"
    bad.write_text('{"state": "published"}', "utf-8")
    code, _, err = run(
        capsys, "template", "set", "--site", SITE, "--category", "tin-tuc", "--file", str(bad),
        "--database", url,
    )  # fmt: skip
    assert code == 1 and "may not set 'state'" in err
    code, _, err = run(
        capsys, "template", "set", "--site", SITE, "--category", "khong-co", "--file",
        str(template), "--database", url,
    )  # fmt: skip
    assert code == 1 and "no category" in err
    assert run(capsys, "template", "remove", "--site", SITE, "--category", "tin-tuc",
               "--database", url)[0] == 0  # fmt: skip
    code, _, err = run(
        capsys, "template", "remove", "--site", SITE, "--category", "tin-tuc", "--database", url
    )
    assert code == 1 and "no template" in err


def test_serve_refuses_a_bad_smtp_setting(url: str, capsys: Any) -> None:
    code, _, err = run(capsys, "serve", "--database", url, "--smtp", "http://mail:25")
    assert code == 2 and "smtp[s]://" in err
