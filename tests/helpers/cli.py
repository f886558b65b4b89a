"""``portal-desk`` run in the test's own process: argv in, (exit code, stdout, stderr) out."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop import cli


class Run:
    """``portal-desk --data-dir DIR --lang LANG ARGS`` with ``stdin`` given, in this process."""

    def __init__(
        self, data_dir: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch, lang: str = "en"
    ) -> None:
        self.data_dir, self.capsys, self.monkeypatch, self.lang = (
            data_dir,
            capsys,
            monkeypatch,
            lang,
        )

    def __call__(
        self, *argv: str, stdin: str = "", lang: str | None = None
    ) -> tuple[int, str, str]:
        self.monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = cli.main(["--data-dir", str(self.data_dir), "--lang", lang or self.lang, *argv])
        out, err = self.capsys.readouterr()
        return code, out, err

    def json(self, *argv: str) -> Any:
        code, out, err = self(*argv, "--json")
        assert code == 0, err
        return json.loads(out)
