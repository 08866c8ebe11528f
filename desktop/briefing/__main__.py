"""``python -m briefing``: the command line (the GUI lands with the desktop issue)."""

import sys

from briefing.cli.main import main

sys.exit(main())
