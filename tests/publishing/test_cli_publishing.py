"""``portal-desk targets …`` and ``publish-queue …`` end to end: real portal, real WordPress.

An administrator adds the target with ``portal-server target add``; the head logs in, lists and
logs in to the target, approves an item whose application password WordPress has since revoked
(the job fails with the reason), logs in again with a good password and retries: the post is up.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from desktop import cli
from desktop.publishing import credentials as target_credentials
from desktop.security.credentials import CredentialStore
from portal.cli import main as portal_main
from tests.helpers.cli import Run
from tests.helpers.keyrings import MemoryKeyring
from tests.helpers.portal import PASSWORD, SITE
from tests.publishing.conftest import add_target, edited_item
from tests.publishing.wordpress_server import ADMIN, WordPressServer


@pytest.fixture
def keyring_backend(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    """One in-memory keychain for the portal session and for the targets' passwords."""
    backend = MemoryKeyring()
    monkeypatch.setattr(cli, "make_credential_store", lambda: CredentialStore(backend=backend))
    monkeypatch.setattr(
        target_credentials,
        "make_store",
        lambda: CredentialStore(service=target_credentials.SERVICE, backend=backend),
    )
    return backend


@pytest.fixture
def run(tmp_path: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch, keyring_backend: Any) -> Run:
    return Run(tmp_path / "data", capsys, monkeypatch)


def revocable_app_password(wordpress: WordPressServer) -> tuple[str, str]:
    """A fresh application password of the admin, and its uuid to revoke it with."""
    out = wordpress.php(
        "list($pw, $item) = WP_Application_Passwords::create_new_application_password(1, "
        '["name" => "cli-revoked"]); echo $pw, "\\n", $item["uuid"];'
    )
    password, uuid = out.strip().splitlines()
    return password, uuid


def revoke(wordpress: WordPressServer, uuid: str) -> None:
    wordpress.php(f'WP_Application_Passwords::delete_application_password(1, "{uuid}");')


def files_holding(folder: Path, secret: str) -> list[Path]:
    """Every file under ``folder`` whose bytes hold the secret (with or without its spaces)."""
    forms = {secret.encode(), secret.replace(" ", "").encode()}
    return [
        path
        for path in folder.rglob("*")
        if path.is_file() and any(form in path.read_bytes() for form in forms)
    ]


def test_targets_login_and_publish_queue_retry(
    run: Run,
    portal: Any,
    wordpress: WordPressServer,
    tmp_path: Path,
    keyring_backend: MemoryKeyring,
) -> None:
    # The administrator connects the demo site to the WordPress.
    code = portal_main(
        [
            "target",
            "add",
            "--database",
            f"sqlite:///{tmp_path / 'portal.db'}",
            "--site",
            SITE,
            "--kind",
            "wordpress",
            "--url",
            wordpress.url,
            "--id",
            "wp-cli",
            "--category-map",
            "tin-tuc=Tin tức",
            "--create-categories",
        ]
    )
    assert code == 0
    item = edited_item(portal)

    assert run("targets", "list")[0] == cli.NOT_LOGGED_IN
    login = ("login", "--server", portal.url, "--user", "truongban", "--password-stdin")
    code, _, err = run(*login, stdin=PASSWORD + "\n")
    assert code == 0, err
    assert run.json("sync")["online"]

    [listed] = run.json("targets", "list")
    assert listed["id"] == "wp-cli" and listed["url"] == wordpress.url.rstrip("/")
    assert listed["site"] == SITE and listed["kind"] == "wordpress"
    assert listed["logged_in"] is False
    code, out, err = run("targets", "list")
    assert code == 0 and "wp-cli" in out and "not logged in" in out, err

    # A password WordPress refuses is not kept; an unknown target is named with the known ones.
    target_login = ("targets", "login", "wp-cli", "--user", ADMIN, "--password-stdin")
    code, _, err = run(*target_login, stdin="abcd efgh ijkl mnop qrst uvwx\n")
    assert code == cli.NOT_LOGGED_IN and "refused" in err, err
    assert run.json("targets", "list")[0]["logged_in"] is False
    code, _, err = run("targets", "login", "nope", "--user", ADMIN, "--password-stdin", stdin="x\n")
    assert code == cli.USAGE and "wp-cli" in err, err

    # A good password, revoked on WordPress after the login (as an administrator may do).
    revoked, uuid = revocable_app_password(wordpress)
    code, out, err = run(*target_login, stdin=revoked + "\n")
    assert code == 0 and "keychain" in out, err
    assert run.json("targets", "list")[0]["logged_in"] is True
    targets_entries = {
        name: secret
        for (service, name), secret in keyring_backend.entries.items()
        if service == target_credentials.SERVICE
    }
    assert len(targets_entries) == 1
    [(entry, secret)] = targets_entries.items()
    assert revoked.replace(" ", "") in secret and ADMIN not in entry
    assert files_holding(run.data_dir, revoked) == []
    revoke(wordpress, uuid)

    assert run.json("publish-queue") == []
    code, out, _ = run("publish-queue")
    assert code == 0 and "empty" in out
    assert run("items", "act", item["id"][:8], "approve")[0] == 0
    assert run.json("sync")["online"]
    [job] = run.json("publish-queue")
    assert (job["item_id"], job["target"], job["status"]) == (item["id"], "wp-cli", "failed")
    assert "refused the account or application password" in job["last_error"], job
    assert "targets login wp-cli" in job["last_error"], job
    code, out, _ = run("publish-queue")
    assert code == 0 and "failed" in out and "refused" in out

    # Log in again with a working password, retry the job, and the next sync publishes it.
    code, _, err = run(*target_login, stdin=wordpress.app_password + "\n")
    assert code == 0, err
    code, _, err = run("publish-queue", "retry", "999")
    assert code == cli.ERROR and "999" in err
    code, out, err = run("publish-queue", "retry", str(job["id"]))
    assert code == 0 and str(job["id"]) in out, err
    assert run.json("publish-queue")[0]["status"] == "waiting"
    assert run.json("sync")["online"]
    [done] = run.json("publish-queue")
    assert (done["id"], done["status"]) == (job["id"], "published"), done
    assert done["url"].startswith(wordpress.url.rstrip("/")), done
    page = httpx.get(done["url"], timeout=30, follow_redirects=True)
    assert page.status_code == 200, page.text  # the bare test WordPress renders no theme
    post = httpx.get(
        wordpress.url + "/",
        params={"rest_route": f"/wp/v2/posts/{done['remote_id']}"},
        timeout=30,
    )  # anonymous: the post is public
    assert post.status_code == 200, post.text
    assert post.json()["title"]["rendered"] == "Hội nghị tổng kết công tác năm"
    assert post.json()["link"] == done["url"]
    code, out, _ = run("publish-queue")
    assert code == 0 and "published" in out and done["url"] in out

    # Neither password was ever written under the data dir.
    for secret in (revoked, wordpress.app_password):
        assert files_holding(run.data_dir, secret) == []


def test_an_approval_from_the_command_line_reaches_wordpress(
    portal: Any, wordpress: WordPressServer, tmp_path: Path
) -> None:
    """As users run it (issue 14): ``portal-desk`` as a subprocess, its encrypted store, the
    real Secret Service holding both the portal session and the target's password. The
    after-sync publishing used to open the store without its key and skip, with one warning."""
    from tests.helpers.keychain import SecretService

    target = add_target(portal, wordpress.url, create_categories=True)
    item = edited_item(portal, title="Tin duyệt từ dòng lệnh")
    with SecretService(tmp_path / "keychain") as keychain:
        login = ("login", "--server", portal.url, "--user", "truongban", "--password-stdin")
        assert keychain.run(*login, stdin=PASSWORD + "\n").returncode == 0
        assert keychain.run("sync").returncode == 0
        target_login = ("targets", "login", target, "--user", ADMIN, "--password-stdin")
        done = keychain.run(*target_login, stdin=wordpress.app_password + "\n")
        assert done.returncode == 0, done.stderr
        assert keychain.run("items", "act", item["id"][:8], "approve").returncode == 0
        synced = keychain.run("sync")
        assert synced.returncode == 0 and "Traceback" not in synced.stderr, synced.stderr
        [job] = json.loads(keychain.run("publish-queue", "--json").stdout)
    assert (job["item_id"], job["status"]) == (item["id"], "published"), job
    post = httpx.get(
        wordpress.url + "/", params={"rest_route": f"/wp/v2/posts/{job['remote_id']}"}, timeout=30
    )
    assert post.status_code == 200 and post.json()["title"]["rendered"] == "Tin duyệt từ dòng lệnh"
