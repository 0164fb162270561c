"""Entry for ``python -m planwriter``: starts the desktop app."""

from planwriter.app import main

if __name__ == "__main__":
    raise SystemExit(main())
