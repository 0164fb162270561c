"""Frozen-app entry for the desktop app (``planwriter`` / ``planwriter.exe``)."""

import sys

from planwriter.app import main

if __name__ == "__main__":
    sys.exit(main())
