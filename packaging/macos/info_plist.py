"""The macOS Info.plist entries for planwriter.app, including the ``.pwcase`` document type."""

from __future__ import annotations

import plistlib

BUNDLE_ID = "org.planwriter.planwriter"
CASE_UTI = "org.planwriter.pwcase"
CASE_EXTENSION = "pwcase"
CASE_MIME = "application/x-planwriter-case"


def info_plist(version: str) -> dict:
    """Keys merged into the Info.plist PyInstaller writes for the .app bundle."""
    return {
        "CFBundleName": "planwriter",
        "CFBundleDisplayName": "planwriter",
        "CFBundleIdentifier": BUNDLE_ID,
        "CFBundleExecutable": "planwriter",
        "CFBundleIconFile": "planwriter.icns",
        "CFBundlePackageType": "APPL",
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "CFBundleDevelopmentRegion": "en",
        "LSApplicationCategoryType": "public.app-category.productivity",
        "LSMinimumSystemVersion": "11.0",
        "LSBackgroundOnly": False,
        "NSHighResolutionCapable": True,
        "NSHumanReadableCopyright": "planwriter is free software under the GNU GPL, version 3 or later.",
        # planwriter owns the .pwcase type: Finder shows our icon and opens the app on a double-click.
        "CFBundleDocumentTypes": [
            {
                "CFBundleTypeName": "planwriter case",
                "CFBundleTypeRole": "Editor",
                "CFBundleTypeIconFile": "planwriter.icns",
                "LSHandlerRank": "Owner",
                "LSItemContentTypes": [CASE_UTI],
                "CFBundleTypeExtensions": [CASE_EXTENSION],
            }
        ],
        "UTExportedTypeDeclarations": [
            {
                "UTTypeIdentifier": CASE_UTI,
                "UTTypeDescription": "planwriter case",
                "UTTypeIconFile": "planwriter.icns",
                # A case file is UTF-8 JSON underneath.
                "UTTypeConformsTo": ["public.json", "public.data"],
                "UTTypeTagSpecification": {
                    "public.filename-extension": [CASE_EXTENSION],
                    "public.mime-type": [CASE_MIME],
                },
            }
        ],
    }


def plist_bytes(version: str) -> bytes:
    """The same entries as an XML property list (what ``plutil -lint`` checks)."""
    return plistlib.dumps(info_plist(version), fmt=plistlib.FMT_XML, sort_keys=True)


if __name__ == "__main__":
    import sys

    sys.stdout.write(plist_bytes(sys.argv[1] if len(sys.argv) > 1 else "0.0.0").decode("utf-8"))
