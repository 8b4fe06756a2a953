"""Allow `python -m ecoute_desktop` to start the command line."""

from ecoute_desktop.cli import main

raise SystemExit(main())
