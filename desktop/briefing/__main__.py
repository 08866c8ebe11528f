"""``python -m briefing``: the desktop window, or a sub-command of the command line."""

import sys

from briefing.cli.main import main

sys.exit(main())
