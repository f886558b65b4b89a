"""``portal-desk``: the GUI launcher and the headless commands (see docs/cli.md).

The command line is a face of the application layer (``desktop.desk``): each command group is a
module here that registers its commands (``register(commands)``, the way screens register
themselves), and each command opens a desk and calls its methods. Headless commands import no
Qt and load what they need when they run, so they start fast.

Exit codes: 0 ok, 1 error, 2 usage, 3 offline (queued, not synced), 4 not logged in,
5 conflicts remain. A known error ends with its sentence on stderr; nothing prints a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from desktop.cli.base import (
    CONFLICTS,
    ERROR,
    NOT_LOGGED_IN,
    OFFLINE,
    OK,
    USAGE,
    Cli,
    CliError,
    Command,
    exit_code,
    make_credential_store,
)

__all__ = [
    "CONFLICTS",
    "ERROR",
    "NOT_LOGGED_IN",
    "OFFLINE",
    "OK",
    "USAGE",
    "Cli",
    "CliError",
    "build_parser",
    "main",
    "make_credential_store",
]

#: The command groups, in the order ``--help`` lists them (``desktop/cli/<name>.py``).
GROUPS: tuple[str, ...] = (
    "session",
    "items",
    "conflicts",
    "search",
    "content",
    "publishing",
    "check",
    "questions",  # citizens' questions (issue 18)
    "consultation",  # comments on drafts (issue 18)
)

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="portal-desk", description="Bàn biên tập")
    parser.add_argument("--data-dir", metavar="DIR", help="data folder (profiles and stores)")
    parser.add_argument("--profile", metavar="ID", help="profile id (default: the last used)")
    parser.add_argument("--lang", choices=["vi", "en"], help="message language (default vi)")
    parser.add_argument(
        "--unlock-stdin",
        action="store_true",
        help="read the password from stdin to open the encrypted store (no keychain)",
    )
    parser.add_argument("--demo", action="store_true", help="GUI: run the demo portal")
    parser.add_argument("--demo-reset", action="store_true", help="GUI: reset the demo data")
    parser.add_argument("--version", action="store_true", help="print the version")
    parser.add_argument("--selftest", action="store_true", help="GUI: start, check, quit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in GROUPS:
        importlib.import_module(f"desktop.cli.{group}").register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0) and USAGE
    if args.command is None:
        if args.version:
            from desktop import __version__

            print(__version__)
            return OK
        if args.selftest:  # the installers' check: embedded demo, main window, one step
            from desktop.app import run_selftest

            return run_selftest(args)
        from desktop.app import run_gui

        return int(run_gui(args) or 0)
    # Warnings are told to the user in their language by the commands; keep the log quiet.
    logging.basicConfig(level=os.environ.get("PORTAL_DESK_LOG", "ERROR").upper())
    cli = Cli(args)
    command: Command = args.run
    return run_command(cli, command)


def run_command(cli: Cli, command: Command) -> int:
    """Run one command; every failure ends in one sentence and an exit code."""
    from desktop.models.errors import KnownError, message_of

    try:
        return command(cli)
    except KnownError as error:
        print(error.message(cli.lang), file=sys.stderr)
        return exit_code(error)
    except BrokenPipeError:  # `portal-desk items list | head`: the reader left, not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return OK
    except (ValueError, OSError) as error:  # a bad URL, a bad value, an unwritable file
        print(message_of(error, cli.lang) if isinstance(error, OSError) else error, file=sys.stderr)
        return ERROR
    except Exception as error:  # a bug: one sentence here, the traceback in the log only
        log.debug("command failed", exc_info=error)
        print(message_of(error, cli.lang), file=sys.stderr)
        return ERROR


if __name__ == "__main__":
    sys.exit(main())
