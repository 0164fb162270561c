"""Freezing options shared by planwriter.spec and the bare-Qt baseline in benchmarks/frozen.py."""

from __future__ import annotations

import shutil
import sys
from pathlib import PurePath

#: Qt modules planwriter does not use; leaving them out keeps the download small.
QT_UNUSED = [
    "PySide6.Qt3DAnimation", "PySide6.Qt3DCore", "PySide6.Qt3DExtras", "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic", "PySide6.Qt3DRender", "PySide6.QtAxContainer", "PySide6.QtBluetooth",
    "PySide6.QtCharts", "PySide6.QtConcurrent", "PySide6.QtDataVisualization", "PySide6.QtDesigner",
    "PySide6.QtGraphs", "PySide6.QtGraphsWidgets", "PySide6.QtHelp", "PySide6.QtHttpServer",
    "PySide6.QtLabsStyleKit", "PySide6.QtLocation", "PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets",
    "PySide6.QtNetwork", "PySide6.QtNetworkAuth", "PySide6.QtNfc", "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets", "PySide6.QtPdf", "PySide6.QtPdfWidgets", "PySide6.QtPositioning",
    "PySide6.QtQml", "PySide6.QtQmlFeatures", "PySide6.QtQuick", "PySide6.QtQuick3D",
    "PySide6.QtQuickControls2", "PySide6.QtQuickTest", "PySide6.QtQuickWidgets", "PySide6.QtRemoteObjects",
    "PySide6.QtScxml", "PySide6.QtSensors", "PySide6.QtSerialBus", "PySide6.QtSerialPort",
    "PySide6.QtSpatialAudio", "PySide6.QtSql", "PySide6.QtStateMachine", "PySide6.QtTest",
    "PySide6.QtTextToSpeech", "PySide6.QtUiTools", "PySide6.QtWebChannel", "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineQuick", "PySide6.QtWebEngineWidgets", "PySide6.QtWebSockets", "PySide6.QtWebView",
    "PySide6.QtXml",
]

#: Installed beside planwriter but never imported by it: development tools, and the parts of lxml
#: python-docx does not use (it needs lxml.etree only).
NOT_SHIPPED = [
    "tkinter", "_tkinter", "pytest", "_pytest", "pytestqt", "hypothesis", "IPython", "ruff", "PyInstaller",
    "lxml.objectify", "lxml.html", "lxml.isoschematron",
]

#: Linux wheels ship libraries with debug symbols (libpython alone is 23 MB); stripping is safe there.
#: Windows has nothing to strip, and stripping on macOS would break the code signatures.
STRIP = sys.platform.startswith("linux") and shutil.which("strip") is not None

#: Options for the frozen Python: UTF-8 mode, so the command line's output and any text file are UTF-8
#: on every system, whatever the Windows code page (printing a curly quote must never crash).
PYTHON_OPTIONS = [("X utf8", None, "OPTION")]


def without_qt_translations(toc: list) -> list:
    """planwriter speaks English only, so Qt's own translations (7 MB) stay out of the bundle."""
    return [entry for entry in toc if "translations" not in PurePath(entry[0]).parts[:3]]
