"""``python -m portal.cli``: the same as the installed command."""

import sys

from portal.cli import main

sys.exit(main())
