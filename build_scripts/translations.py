"""Translation sources and compiled catalogues of the desktop app.

    python build_scripts/translations.py update    # re-scan the sources into resources/translations/*.ts
    python build_scripts/translations.py compile   # build the .qm files the app loads

``update`` runs pyside6-lupdate over saypro_desktop/ui (existing translations are kept; strings
that disappeared are marked obsolete) and fills the English catalogue's plural forms from the
"(s)" in the source text, so English reads "1 change" / "3 changes". Translators edit
``saypro_af.ts`` with Qt Linguist (pyside6-linguist). ``compile`` runs pyside6-lrelease; dev.sh
and the executable build call it, and the tests do when a .qm is missing or older than its .ts.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = ("en", "af")
SOURCES = sorted((ROOT / "saypro_desktop" / "ui").glob("*.py"))


def _tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install the project's dependencies (build_scripts/dev.sh setup)")
    return found


def ts_file(code: str) -> Path:
    return FOLDER / f"saypro_{code}.ts"


def qm_file(code: str) -> Path:
    return FOLDER / f"saypro_{code}.qm"


def mark_plurals(path: Path) -> int:
    """Flag every text with %n as a plural message.

    pyside6-lupdate 6.11 does not see the count in ``QCoreApplication.translate(ctx, text, None, n)``
    (6.12 does), and without the flag the translation has no plural forms.
    """
    tree = ET.parse(path)
    marked = 0
    for message in tree.iter("message"):
        if "%n" not in (message.findtext("source") or "") or message.get("numerus") == "yes":
            continue
        message.set("numerus", "yes")
        translation = message.find("translation")
        assert translation is not None
        text = (translation.text or "").strip()
        translation.text = None
        if text:
            ET.SubElement(translation, "numerusform").text = text
        marked += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return marked


def _plural_forms(path: Path) -> dict[tuple[str, str], list[str]]:
    """The finished plural translations in a catalogue, by (context, source)."""
    if not path.exists():
        return {}
    found = {}
    for context in ET.parse(path).iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if message.get("numerus") == "yes" and translation is not None and translation.get("type") is None:
                forms = [form.text or "" for form in translation.iter("numerusform")]
                if any(forms):
                    found[(name, message.findtext("source") or "")] = forms
    return found


def _restore_plurals(path: Path, forms: dict[tuple[str, str], list[str]]) -> None:
    """Put back plural translations that lupdate marked unfinished (see mark_plurals)."""
    tree = ET.parse(path)
    for context in tree.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            kept = forms.get((name, message.findtext("source") or ""))
            translation = message.find("translation")
            if kept is None or translation is None:
                continue
            for child in list(translation):
                translation.remove(child)
            translation.text = None
            translation.attrib.pop("type", None)
            for text in kept:
                ET.SubElement(translation, "numerusform").text = text
    tree.write(path, encoding="utf-8", xml_declaration=True)


def english_plurals(path: Path) -> int:
    """Give every numerus message of the English catalogue its singular and plural form."""
    tree = ET.parse(path)
    filled = 0
    for message in tree.iter("message"):
        if message.get("numerus") != "yes":
            continue
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        for child in list(translation):
            translation.remove(child)
        translation.attrib.pop("type", None)
        translation.text = None
        for form in (re.sub(r"\((e?s)\)", "", source), re.sub(r"\((e?s)\)", r"\1", source)):
            element = ET.SubElement(translation, "numerusform")
            element.text = form.replace("(ies)", "ies")
        filled += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return filled


def update() -> None:
    FOLDER.mkdir(parents=True, exist_ok=True)
    for code in LANGUAGES:
        before = _plural_forms(ts_file(code))
        subprocess.run([_tool("pyside6-lupdate"), *map(str, SOURCES), "-no-obsolete", "-locations", "none",
                        "-ts", str(ts_file(code))], check=True)
        mark_plurals(ts_file(code))
        _restore_plurals(ts_file(code), before)
    print(f"English plural forms: {english_plurals(ts_file('en'))}")


def compile_all(*, quiet: bool = False) -> list[Path]:
    written = []
    for code in LANGUAGES:
        source, target = ts_file(code), qm_file(code)
        if not source.exists():
            continue
        command = [_tool("pyside6-lrelease"), str(source), "-qm", str(target)]
        if quiet:
            command.insert(1, "-silent")
        subprocess.run(command, check=True)
        written.append(target)
    return written


def stale() -> bool:
    def outdated(code: str) -> bool:
        source, target = ts_file(code), qm_file(code)
        return source.exists() and (not target.exists() or target.stat().st_mtime < source.stat().st_mtime)

    return any(outdated(code) for code in LANGUAGES)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["update", "compile"])
    args = parser.parse_args()
    if args.action == "update":
        update()
    else:
        for path in compile_all():
            print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
