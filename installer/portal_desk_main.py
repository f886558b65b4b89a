"""The frozen app's entry point: ``desktop.cli.main`` (``--selftest`` runs ``desktop.ui.selftest``:
the embedded demo portal, the main window, one item one step)."""

from __future__ import annotations

import multiprocessing
import os
import sys


def main() -> int:
    from desktop.cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    multiprocessing.freeze_support()
    # A windowed Windows or macOS app has no console: print() must not fail there.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    sys.exit(main())
