"""Frozen-app entry for the command line (``planwriter-cli`` / ``planwriter-cli.exe``)."""

import sys

from planwriter.cli import main

if __name__ == "__main__":
    sys.exit(main())
