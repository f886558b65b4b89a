"""What every command shares: the arguments, the language, the desk, and how errors end.

A command is a function ``run(cli) -> int`` registered by its group's module
(``desktop/cli/<group>.py``, ``register(commands)``). It opens a desk (``cli.desk`` offline,
``cli.online_desk`` with the portal), calls its methods, and prints. Every ``KnownError`` ends
the command with its sentence on stderr and the exit code of its kind; nothing prints a
traceback (``desktop.cli.main``).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, TypeVar

from desktop.models.errors import ErrorKind, KnownError

if TYPE_CHECKING:
    from desktop.desk import Desk
    from desktop.desk.profiles import Profile, Profiles
    from desktop.security.credentials import CredentialStore

T = TypeVar("T")

OK, ERROR, USAGE, OFFLINE, NOT_LOGGED_IN, CONFLICTS = 0, 1, 2, 3, 4, 5

#: The exit code of each kind of known error (docs/cli.md).
EXIT_CODES: dict[ErrorKind, int] = {
    ErrorKind.REFUSED: ERROR,
    ErrorKind.INVALID: ERROR,
    ErrorKind.BROKEN: ERROR,
    ErrorKind.OFFLINE: OFFLINE,
    ErrorKind.SIGNED_OUT: NOT_LOGGED_IN,
    ErrorKind.CONFLICT: CONFLICTS,
}

MESSAGES: dict[str, tuple[str, str]] = {
    "memory_only": (
        "Không có kho khóa an toàn: phiên chỉ giữ trong lần chạy này.",
        "No secure keychain: the session is kept for this run only.",
    ),
    "no_password": ("Không đọc được mật khẩu từ stdin.", "No password on stdin."),
    "file_error": ("Không đọc được tệp {file}: {error}", "Cannot read {file}: {error}"),
    "yes": ("có", "yes"),
    "no": ("không", "no"),
    "never": ("chưa", "never"),
}


class CliError(KnownError):
    """A command's own refusal, with its sentence already in the person's language."""

    def __init__(self, message: str, code: int = ERROR) -> None:
        super().__init__(message)
        self.text = message
        self.exit_code = code

    def message(self, language: str = "vi") -> str:
        return self.text


def exit_code(error: KnownError) -> int:
    if isinstance(error, CliError):
        return error.exit_code
    return EXIT_CODES.get(error.kind, ERROR)


def make_credential_store() -> CredentialStore:
    """The keychain access; tests replace this with an in-memory backend."""
    from desktop.security.credentials import CredentialStore

    return CredentialStore(service="ban-bien-tap")


def credential_store() -> CredentialStore:
    """``make_credential_store`` as the package exposes it (tests patch it there)."""
    import desktop.cli

    return desktop.cli.make_credential_store()


class Cli:
    """One run of ``portal-desk COMMAND``."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.lang = "en" if (args.lang or os.environ.get("PORTAL_DESK_LANG")) == "en" else "vi"
        self._password: str | None = None

    # -- words -----------------------------------------------------------------------------

    def say(self, key: str, table: dict[str, tuple[str, str]] | None = None, **values: Any) -> str:
        vi, en = (table or MESSAGES)[key]
        return (vi if self.lang == "vi" else en).format(**values)

    def out(self, text: str) -> None:
        print(text)

    def warn(self, text: str) -> None:
        print(text, file=sys.stderr)

    def emit_json(self, value: Any) -> None:
        print(json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True))

    def fail(self, text: str, code: int = ERROR) -> CliError:
        return CliError(text, code)

    # -- the password (stdin, read once per run) --------------------------------------------

    def read_password(self) -> str:
        """The password from stdin, read once per run (login, sync and the store share it)."""
        if self._password is not None:
            return self._password
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise CliError(self.say("no_password"), USAGE)
        self._password = password
        return password

    def unlock_password(self) -> str | None:
        """The password that opens the store without a keychain (``--unlock-stdin``)."""
        if self._password is None and getattr(self.args, "unlock_stdin", False):
            self.read_password()
        return self._password

    # -- profiles and desks -----------------------------------------------------------------

    def profiles(self) -> Profiles:
        from desktop.desk.profiles import Profiles, data_dir

        return Profiles(data_dir(self.args.data_dir))

    def profile(self) -> Profile:
        from desktop.desk.signin import NotSignedIn

        profiles = self.profiles()
        chosen = profiles.get(self.args.profile) if self.args.profile else profiles.last()
        if chosen is None:
            raise NotSignedIn()
        return chosen

    def desk(self) -> Desk:
        """The last (or chosen) profile's desk, offline: its store opened with the keychain's
        key, else with the password given on stdin."""
        from desktop.desk.signin import open_profile
        from desktop.security.store_key import StoreKeyError

        password = self.unlock_password()
        try:
            return open_profile(self.profile(), credential_store(), password, language=self.lang)
        except StoreKeyError as error:
            hint = " (--unlock-stdin)" if password is None else ""
            raise CliError(error.message(self.lang) + hint, NOT_LOGGED_IN) from error

    async def online_desk(self, password: str | None = None) -> Desk:
        """The profile's desk with its portal session (from the keychain; without one, a login
        for this run with ``password``)."""
        from desktop.desk.signin import NotSignedIn, resume
        from desktop.security.store_key import StoreKeyError

        try:
            desk = await resume(
                self.profile(), credential_store(), language=self.lang, password=password
            )
        except StoreKeyError as error:
            raise CliError(error.message(self.lang), NOT_LOGGED_IN) from error
        if desk is None:
            raise NotSignedIn()
        return desk

    def with_desk(self, work: Callable[[Desk], Awaitable[T]]) -> T:
        """``work(desk)`` on the offline desk, in one event loop; the desk is closed after."""
        desk = self.desk()

        async def run() -> T:
            try:
                return await work(desk)
            finally:
                await desk.close()

        return asyncio.run(run())

    def read_file(self, path: str) -> dict[str, Any]:
        """An item's content from a Markdown file with front matter (old TCVN3/VNI text is
        converted, and said so on stderr): the reader of ``items import`` too."""
        from desktop.content.item_file import read_markdown

        try:
            read = read_markdown(path)
        except KnownError as error:
            raise CliError(f"{path}: {error.message(self.lang)}") from error
        for vi, en in read.notes:
            self.warn(f"{path}: {vi if self.lang == 'vi' else en}")
        return read.content


Command = Callable[[Cli], int]
