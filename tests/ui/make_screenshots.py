"""Write the screenshots of every screen, in Vietnamese and English, to docs/screenshots/.

    .venv/bin/python tests/ui/make_screenshots.py

Runs the screen test with WRITE_SCREENSHOTS=1 (offscreen, against the demo portal on
loopback), so the pictures always show what the tests checked.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

if __name__ == "__main__":
    env = {**os.environ, "WRITE_SCREENSHOTS": "1", "QT_QPA_PLATFORM": "offscreen"}
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "tests/ui/test_screens.py",
        "tests/ui/test_conflicts.py",
        "tests/ui/test_search_screen.py",
        "tests/ui/test_reports_screen.py",
        "tests/ui/test_publish_queue_screen.py",
        "tests/ui/test_questions_screen.py",  # issue 18
    ]
    sys.exit(subprocess.call(command, cwd=ROOT, env=env))
