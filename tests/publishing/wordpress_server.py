"""A real WordPress (Debian's package) with its own MariaDB, on loopback, for one test session.

The recipe of platform-notes.md: a throwaway MariaDB data folder, Debian's WordPress read
through ``/etc/wordpress/config-<name>.php`` (chosen with ``WORDPRESS_CONFIG``, so nothing else
on the machine is touched), ``php -S`` with a small router that serves uploads from the
session's folder, the install step over HTTP, and an application password made by PHP itself.
Every wait is on a condition (a socket answers, a port accepts), never a fixed sleep.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

WORDPRESS = Path("/usr/share/wordpress")
CONFIG_DIR = Path("/etc/wordpress")
NEEDED = ("mysql_install_db", "mariadbd", "mysql", "php")
ADMIN = "quantri"
ADMIN_PASSWORD = "mat-khau-wordpress-thu-nghiem"

_ROUTER = """<?php
// Debian's wp-config.php picks /etc/wordpress/config-$WORDPRESS_CONFIG.php.
$_SERVER["WORDPRESS_CONFIG"] = getenv("WORDPRESS_CONFIG");
$root = $_SERVER["DOCUMENT_ROOT"];
$path = parse_url($_SERVER["REQUEST_URI"], PHP_URL_PATH);
// Uploads live in the session's folder; everything else is WordPress itself.
if (strpos($path, "/wp-content/uploads/") === 0) {
    $file = realpath(getenv("BBT_WP_CONTENT") . substr($path, strlen("/wp-content")));
    $uploads = realpath(getenv("BBT_WP_CONTENT") . "/uploads");
    if ($file === false || strpos($file, $uploads) !== 0 || !is_file($file)) {
        http_response_code(404);
        return true;
    }
    header("Content-Type: " . mime_content_type($file));
    readfile($file);
    return true;
}
$script = $root . $path;
if (is_dir($script)) {
    $script = rtrim($script, "/") . "/index.php";
}
if (is_file($script) && substr($script, -4) !== ".php") {
    return false;
}
if (!is_file($script)) {
    $script = $root . "/index.php";
}
$_SERVER["SCRIPT_FILENAME"] = $script;
$_SERVER["SCRIPT_NAME"] = $_SERVER["PHP_SELF"] = substr($script, strlen($root));
chdir(dirname($script));
require $script;
return true;
"""


class WordPressUnavailable(RuntimeError):
    """The Debian packages are not installed here."""


def missing_tools() -> list[str]:
    missing = [tool for tool in NEEDED if shutil.which(tool) is None]
    if not (WORDPRESS / "wp-settings.php").exists():
        missing.append("wordpress")
    return missing


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for(
    condition: object, what: str, process: subprocess.Popen[bytes], timeout: float
) -> None:
    """Poll ``condition`` until it holds; fail early when the process died."""
    deadline = time.monotonic() + timeout
    while True:
        if condition():  # type: ignore[operator]
            return
        if process.poll() is not None:
            raise RuntimeError(f"{what}: the process exited with {process.returncode}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what}: not ready after {timeout:.0f} s")
        time.sleep(0.05)


def _signal(process: subprocess.Popen[bytes], sig: int) -> None:
    """Signal the process, and its group when it leads one (``php -S`` and its workers)."""
    try:
        if os.getpgid(process.pid) == process.pid:
            os.killpg(process.pid, sig)
        else:
            process.send_signal(sig)
    except ProcessLookupError:
        pass


def _accepts(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


@dataclass
class WordPressServer:
    folder: Path
    name: str = field(default_factory=lambda: "bbt" + secrets.token_hex(4))
    db_port: int = field(default_factory=free_port)
    port: int = field(default_factory=free_port)
    app_password: str = ""
    started_in: float = 0.0
    _processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def config_file(self) -> Path:
        return CONFIG_DIR / f"config-{self.name}.php"

    @property
    def content_dir(self) -> Path:
        return self.folder / "wp-content"

    def _env(self) -> dict[str, str]:
        return {
            **os.environ,
            "WORDPRESS_CONFIG": self.name,
            "BBT_WP_CONTENT": str(self.content_dir),
        }

    def start(self) -> WordPressServer:
        missing = missing_tools()
        if missing:
            raise WordPressUnavailable("missing: " + ", ".join(missing))
        began = time.monotonic()
        self.folder.mkdir(parents=True, exist_ok=True)
        self._start_database()
        self._write_config()
        self._start_php()
        self._install()
        self.app_password = self.make_app_password(1, "portal-desk")
        self.started_in = time.monotonic() - began
        return self

    def _start_database(self) -> None:
        data, sock = self.folder / "db", self.folder / "mysql.sock"
        subprocess.run(
            [
                "mysql_install_db",
                "--user=root",
                f"--datadir={data}",
                "--auth-root-authentication-method=normal",
                "--skip-test-db",
            ],
            check=True,
            capture_output=True,
        )
        log = open(self.folder / "mariadb.log", "wb")  # noqa: SIM115 (kept for the process)
        server = subprocess.Popen(
            [
                "mariadbd",
                "--no-defaults",
                "--user=root",
                f"--datadir={data}",
                f"--socket={sock}",
                f"--port={self.db_port}",
                "--bind-address=127.0.0.1",
                f"--pid-file={self.folder / 'mariadb.pid'}",
                "--skip-log-bin",
                "--innodb-buffer-pool-size=32M",
                "--innodb-log-file-size=8M",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self._processes.append(server)
        _wait_for(lambda: _accepts(self.db_port), "MariaDB", server, 60)
        subprocess.run(
            ["mysql", f"--socket={sock}", "-uroot"],
            input=(
                b"CREATE DATABASE wp CHARACTER SET utf8mb4;"
                b"CREATE USER 'wp'@'127.0.0.1' IDENTIFIED BY 'wp';"
                b"GRANT ALL ON wp.* TO 'wp'@'127.0.0.1';"
            ),
            check=True,
            capture_output=True,
        )

    def _write_config(self) -> None:
        (self.content_dir / "uploads").mkdir(parents=True, exist_ok=True)
        for part in ("plugins", "themes"):
            link = self.content_dir / part
            if not link.exists():
                link.symlink_to(WORDPRESS / "wp-content" / part)
        (self.folder / "router.php").write_text(_ROUTER, encoding="utf-8")
        CONFIG_DIR.mkdir(parents=True, exist_ok=True)
        self.config_file.write_text(
            "<?php\n"
            "define('DB_NAME', 'wp');\n"
            "define('DB_USER', 'wp');\n"
            "define('DB_PASSWORD', 'wp');\n"
            f"define('DB_HOST', '127.0.0.1:{self.db_port}');\n"
            f"define('WP_CONTENT_DIR', '{self.content_dir}');\n"
            f"define('WP_CONTENT_URL', '{self.url}/wp-content');\n"
            "define('WP_ENVIRONMENT_TYPE', 'local');\n"
            "define('DISABLE_WP_CRON', true);\n"
            "define('AUTOMATIC_UPDATER_DISABLED', true);\n"
            f"define('AUTH_KEY', '{secrets.token_hex(16)}');\n"
            f"define('SECURE_AUTH_KEY', '{secrets.token_hex(16)}');\n"
            f"define('LOGGED_IN_KEY', '{secrets.token_hex(16)}');\n"
            f"define('NONCE_KEY', '{secrets.token_hex(16)}');\n",
            encoding="utf-8",
        )

    def _start_php(self) -> None:
        log = open(self.folder / "php.log", "wb")  # noqa: SIM115 (kept for the process)
        php = subprocess.Popen(
            [
                "php",
                "-d",
                "variables_order=EGPCS",
                "-d",
                "upload_max_filesize=16M",
                "-d",
                "post_max_size=16M",
                "-S",
                f"127.0.0.1:{self.port}",
                "-t",
                str(WORDPRESS),
                str(self.folder / "router.php"),
            ],
            env={**self._env(), "PHP_CLI_SERVER_WORKERS": "4"},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its workers are children: stop them as a group
        )
        self._processes.append(php)
        _wait_for(lambda: _accepts(self.port), "php -S", php, 30)

    def _install(self) -> None:
        answer = httpx.post(
            f"{self.url}/wp-admin/install.php?step=2",
            data={
                "weblog_title": "Cổng thông tin thử nghiệm",
                "user_name": ADMIN,
                "admin_password": ADMIN_PASSWORD,
                "admin_password2": ADMIN_PASSWORD,
                "pw_weak": "1",
                "admin_email": "quantri@example.org",
                "blog_public": "0",
                "language": "",
            },
            timeout=120,
        )
        if answer.status_code != 200 or "wp-login.php" not in answer.text:
            raise RuntimeError(
                f"WordPress install failed: {answer.status_code} {answer.text[:300]}"
            )

    def php(self, code: str) -> str:
        """Run PHP with WordPress loaded (as a request to this site) and return its output."""
        script = (
            f'$_SERVER["HTTP_HOST"] = "127.0.0.1:{self.port}"; '
            f'$_SERVER["WORDPRESS_CONFIG"] = "{self.name}"; '
            'require "wp-load.php"; ' + code
        )
        done = subprocess.run(
            ["php", "-r", script],
            cwd=WORDPRESS,
            env=self._env(),
            check=True,
            capture_output=True,
        )
        return done.stdout.decode("utf-8")

    def make_app_password(self, user_id: int, name: str) -> str:
        return self.php(
            f"echo WP_Application_Passwords::create_new_application_password({user_id}, "
            f'["name" => "{name}"])[0];'
        ).strip()

    def stop(self) -> None:
        for process in reversed(self._processes):
            _signal(process, signal.SIGTERM)
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                _signal(process, signal.SIGKILL)
                process.wait()
        self._processes.clear()
        self.config_file.unlink(missing_ok=True)

    def __enter__(self) -> WordPressServer:
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc: object) -> None:
        self.stop()
