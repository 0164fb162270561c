"""Fast checks of the packaging files: spec, installer scripts, Info.plist, icons, CI workflow, bundle checks."""

from __future__ import annotations

import importlib.util
import os
import plistlib
import re
import shutil
import struct
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from planwriter import __version__
from planwriter.core import casefile

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"
SPEC = PACKAGING / "planwriter.spec"
ISS = PACKAGING / "windows" / "planwriter.iss"
WORKFLOW = ROOT / ".github" / "workflows" / "build.yml"


def load_script(path: Path, name: str) -> ModuleType:
    """Import one of the packaging scripts (they are not part of the planwriter package)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def build_script() -> ModuleType:
    return load_script(PACKAGING / "build.py", "planwriter_packaging_build")


@pytest.fixture(scope="module")
def plist_module() -> ModuleType:
    return load_script(PACKAGING / "macos" / "info_plist.py", "planwriter_packaging_info_plist")


# --------------------------------------------------------------------------- PyInstaller spec


def test_spec_ships_templates_and_resources_where_paths_looks_for_them():
    spec = SPEC.read_text(encoding="utf-8")
    # planwriter.core.paths looks for <sys._MEIPASS>/templates and <sys._MEIPASS>/resources.
    assert '(str(ROOT / "templates"), "templates")' in spec
    assert '(str(ROOT / "resources"), "resources")' in spec


def test_spec_collects_the_modules_loaded_by_name():
    spec = SPEC.read_text(encoding="utf-8")
    assert 'collect_submodules("planwriter")' in spec
    assert "hiddenimports=GUI_HIDDEN" in spec and "hiddenimports=CLI_HIDDEN" in spec
    assert '"holidays.countries"' in spec


def test_modules_imported_by_name_are_all_inside_the_planwriter_package():
    # collect_submodules("planwriter") only finds them if they live in the package.
    from planwriter import cli
    from planwriter.gui.pages import PAGES

    cli_source = Path(cli.__file__).read_text(encoding="utf-8")
    extra = re.findall(r'"(planwriter\.cli_\w+)"', cli_source)
    assert extra, "cli.py no longer lists its extra command modules the way this test expects"
    for name in [*extra, *(module for module, _ in PAGES)]:
        assert name.startswith("planwriter."), name


def test_spec_builds_both_executables_with_a_platform_icon_and_the_package_version():
    spec = SPEC.read_text(encoding="utf-8")
    assert 'name="planwriter",\n    console=False' in spec
    assert 'name="planwriter-cli",\n    console=True' in spec
    assert 'ICONS / "planwriter.ico"' in spec and 'ICONS / "planwriter.icns"' in spec
    assert 'ROOT / "planwriter" / "__init__.py"' in spec and "version=VERSION" in spec
    assert "BUNDLE(" in spec and "info_plist=info_plist(VERSION)" in spec


def test_spec_leaves_out_qt_modules_planwriter_does_not_use():
    options = load_script(PACKAGING / "freeze_options.py", "planwriter_packaging_freeze_options")
    for module in ("QtWebEngineCore", "Qt3DCore", "QtQuick", "QtQml", "QtMultimedia", "QtNetwork"):
        assert f"PySide6.{module}" in options.QT_UNUSED, module
    assert "excludes=QT_UNUSED + NOT_SHIPPED" in SPEC.read_text(encoding="utf-8")


def test_both_executables_run_python_in_utf8_mode():
    options = load_script(PACKAGING / "freeze_options.py", "planwriter_packaging_freeze_options")
    assert ("X utf8", None, "OPTION") in options.PYTHON_OPTIONS
    spec = SPEC.read_text(encoding="utf-8")
    assert spec.count("    gui.scripts,\n    PYTHON_OPTIONS,") == 1
    assert spec.count("    cli.scripts,\n    PYTHON_OPTIONS,") == 1


def test_spec_drops_qt_translations_but_keeps_everything_else():
    options = load_script(PACKAGING / "freeze_options.py", "planwriter_packaging_freeze_options")
    toc = [
        ("PySide6/Qt/translations/qtbase_de.qm", "/x/qtbase_de.qm", "DATA"),
        ("PySide6/translations/qtbase_fr.qm", "/x/qtbase_fr.qm", "DATA"),
        ("templates/en/letters/translations.md.j2", "/x/t.md.j2", "DATA"),
        ("resources/timelines.json", "/x/timelines.json", "DATA"),
    ]
    kept = [entry[0] for entry in options.without_qt_translations(toc)]
    assert kept == ["templates/en/letters/translations.md.j2", "resources/timelines.json"]


@pytest.mark.parametrize("entry", ["planwriter_gui.py", "planwriter_cli.py"])
def test_entry_scripts_exist_and_call_main(entry):
    text = (PACKAGING / "entry" / entry).read_text(encoding="utf-8")
    assert "sys.exit(main())" in text


# --------------------------------------------------------------------------- Windows installer


def test_inno_setup_script_associates_pwcase_files_with_planwriter():
    iss = ISS.read_text(encoding="utf-8")
    assert casefile.EXTENSION == ".pwcase"
    assert "ChangesAssociations=yes" in iss
    assert r'Subkey: "Software\Classes\.pwcase"' in iss
    assert r'shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""' in iss
    assert "uninsdeletekey" in iss and "uninsdeletevalue" in iss


def test_inno_setup_script_has_start_menu_entry_uninstaller_and_build_version():
    iss = ISS.read_text(encoding="utf-8")
    assert re.search(r'^Name: "\{group\}\\\{#AppName\}"; Filename: "\{app\}\\\{#AppExe\}"', iss, re.MULTILINE)
    assert "Uninstallable=yes" in iss
    assert '{uninstallexe}' in iss
    assert 'GetVersionNumbersString(SourceDir + "\\planwriter.exe")' in iss
    assert re.search(r"^AppId=\{\{[0-9A-F-]{36}\}$", iss, re.MULTILINE)


def test_inno_setup_script_points_at_files_that_exist():
    iss = ISS.read_text(encoding="utf-8")
    icon = re.search(r"^SetupIconFile=(.+)$", iss, re.MULTILINE).group(1)
    assert (ISS.parent / icon.replace("\\", "/")).resolve() == (ICONS / "planwriter.ico").resolve()
    source = re.search(r'#define SourceDir AddBackslash\(SourcePath\) \+ "(.+)"', iss).group(1)
    assert (ISS.parent / source.replace("\\", "/")).resolve() == (ROOT / "dist" / "planwriter").resolve()


# --------------------------------------------------------------------------- macOS app and disk image


def test_info_plist_declares_the_pwcase_document_type(plist_module):
    plist = plistlib.loads(plist_module.plist_bytes(__version__))
    assert plist["CFBundleShortVersionString"] == __version__
    assert plist["CFBundleExecutable"] == "planwriter"
    (doc_type,) = plist["CFBundleDocumentTypes"]
    (uti,) = plist["UTExportedTypeDeclarations"]
    assert doc_type["LSItemContentTypes"] == [uti["UTTypeIdentifier"]]
    assert doc_type["CFBundleTypeRole"] == "Editor"
    assert uti["UTTypeTagSpecification"]["public.filename-extension"] == [casefile.EXTENSION.lstrip(".")]
    assert "public.json" in uti["UTTypeConformsTo"]


def test_info_plist_icon_is_the_icns_the_bundle_carries(plist_module):
    plist = plist_module.info_plist(__version__)
    assert (ICONS / plist["CFBundleIconFile"]).is_file()
    assert plist["CFBundleDocumentTypes"][0]["CFBundleTypeIconFile"] == plist["CFBundleIconFile"]


def test_macos_script_builds_the_app_checks_the_plist_and_makes_a_dmg():
    script = PACKAGING / "macos" / "build_dmg.sh"
    text = script.read_text(encoding="utf-8")
    if os.name != "nt":  # Windows checkouts carry no executable bits
        assert script.stat().st_mode & 0o111, "build_dmg.sh must be executable"
    assert "packaging/build.py" in text
    assert "plutil -lint" in text and "CFBundleDocumentTypes" in text
    assert "hdiutil create" in text and "hdiutil verify" in text


# --------------------------------------------------------------------------- icons


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_icon_source_is_a_square_svg():
    root = ET.parse(ICONS / "planwriter.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 256 256"


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512, 1024])
def test_png_icon_exists_in_every_size(size):
    assert png_size(ICONS / "png" / f"planwriter-{size}.png") == (size, size)


def test_ico_holds_the_windows_sizes():
    data = (ICONS / "planwriter.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for index in range(count):
        width, height, *_, length, offset = struct.unpack("<BBBBHHII", data[6 + 16 * index : 22 + 16 * index])
        assert width == height
        assert offset + length <= len(data)
        sizes.add(width or 256)
    assert {16, 24, 32, 48, 256} <= sizes


def test_icns_holds_the_macos_sizes():
    data = (ICONS / "planwriter.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    found = {}
    position = 8
    while position < len(data):
        ostype, length = data[position : position + 4], struct.unpack(">I", data[position + 4 : position + 8])[0]
        payload = data[position + 8 : position + length]
        assert payload[:8] == b"\x89PNG\r\n\x1a\n"
        found[ostype] = struct.unpack(">II", payload[16:24])[0]
        position += length
    assert found[b"icp4"] == 16 and found[b"ic07"] == 128 and found[b"ic10"] == 1024


# --------------------------------------------------------------------------- CI workflow


def test_workflow_builds_and_self_tests_on_windows_and_macos():
    text = WORKFLOW.read_text(encoding="utf-8")
    for needle in ("windows-latest", "macos-latest", "python packaging/build.py", "--self-test",
                   "planwriter.iss", "build_dmg.sh", "actions/upload-artifact@"):
        assert needle in text, needle


def test_workflow_parses_as_yaml():
    yaml = pytest.importorskip("yaml", reason="PyYAML is not installed; the text checks above still ran")
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    runners = {job["runs-on"] for job in workflow["jobs"].values()}
    assert {"windows-latest", "macos-latest"} <= runners
    for job in workflow["jobs"].values():
        assert all("uses" in step or "run" in step for step in job["steps"])


# --------------------------------------------------------------------------- the bundle checks in build.py


def fake_bundle(build_script, tmp_path: Path):
    """A bundle layout with the real data folders copied in and empty executables."""
    folder = tmp_path / "dist" / "planwriter"
    internal = folder / "_internal"
    for name in ("templates", "resources"):
        shutil.copytree(ROOT / name, internal / name)
    for name in build_script.LIBRARY_DATA:
        (internal / name).parent.mkdir(parents=True, exist_ok=True)
        (internal / name).write_bytes(b"")
    bundle = build_script.Bundle(folder, folder / "planwriter", folder / "planwriter-cli", internal)
    bundle.gui.write_bytes(b"")
    bundle.cli.write_bytes(b"")
    return bundle


def test_bundle_check_accepts_a_complete_bundle(build_script, tmp_path, monkeypatch):
    bundle = fake_bundle(build_script, tmp_path)
    everything = build_script.required_modules(gui=True)
    monkeypatch.setattr(build_script, "bundled_modules", lambda executable: everything)
    build_script.check_contents(bundle)


def test_bundle_check_names_a_missing_template(build_script, tmp_path, monkeypatch):
    bundle = fake_bundle(build_script, tmp_path)
    monkeypatch.setattr(build_script, "bundled_modules", lambda e: build_script.required_modules(gui=True))
    letter = sorted((bundle.data_root / "templates" / "en" / "letters").glob("*.md.j2"))[0]
    letter.unlink()
    with pytest.raises(build_script.BundleError, match=re.escape(f"templates/en/letters/{letter.name}")):
        build_script.check_contents(bundle)


def test_bundle_check_names_a_missing_resource_and_reference_docx(build_script, tmp_path, monkeypatch):
    bundle = fake_bundle(build_script, tmp_path)
    monkeypatch.setattr(build_script, "bundled_modules", lambda e: build_script.required_modules(gui=True))
    (bundle.data_root / "resources" / "timelines.json").unlink()
    (bundle.data_root / "templates" / "reference.docx").unlink()
    with pytest.raises(build_script.BundleError) as caught:
        build_script.check_contents(bundle)
    assert "resources/timelines.json" in str(caught.value)
    assert "templates/reference.docx" in str(caught.value)


def test_bundle_check_names_missing_holiday_names(build_script, tmp_path, monkeypatch):
    bundle = fake_bundle(build_script, tmp_path)
    monkeypatch.setattr(build_script, "bundled_modules", lambda e: build_script.required_modules(gui=True))
    (bundle.data_root / "holidays" / "locale" / "en_US" / "LC_MESSAGES" / "US.mo").unlink()
    with pytest.raises(build_script.BundleError, match=re.escape("holidays/locale/en_US/LC_MESSAGES/US.mo")):
        build_script.check_contents(bundle)


def test_bundle_check_names_a_module_loaded_by_name_that_is_missing(build_script, tmp_path, monkeypatch):
    bundle = fake_bundle(build_script, tmp_path)
    everything = build_script.required_modules(gui=True)
    assert "planwriter.gui.pages.base" in everything and "planwriter.cli" in everything
    monkeypatch.setattr(build_script, "bundled_modules", lambda e: everything - {"planwriter.gui.pages.base"})
    with pytest.raises(build_script.BundleError, match=r"planwriter lacks these modules[\s\S]*pages\.base"):
        build_script.check_contents(bundle)


def test_command_line_executable_need_not_carry_the_gui(build_script):
    headless = build_script.required_modules(gui=False)
    assert "planwriter.cli" in headless and "planwriter.render.engine" in headless
    assert not any(name.startswith("planwriter.gui") for name in headless)


def test_bundle_check_fails_loudly_from_the_command_line(build_script, tmp_path, capsys):
    assert build_script.main(["--skip-build", "--dist", str(tmp_path / "nothing-here")]) == 1
    assert "FROZEN BUILD FAILED" in capsys.readouterr().err
