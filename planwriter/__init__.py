"""planwriter: offline drafting of IEP and Section 504 documents in Word."""

__version__ = "0.1.0"

APP_NAME = "planwriter"
APP_ORG = "planwriter"
