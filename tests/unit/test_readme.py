"""The README documents the import format: every field of every section, by name."""

from __future__ import annotations

import dataclasses

import pytest

from saypro_core.records import BOOKKEEPING_FIELDS, LOCAL_ONLY_FIELDS, RECORD_TYPES
from saypro_desktop.transfer import CSV_COLUMNS, SECTIONS
from tests.conftest import REPO_ROOT

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("record_type", sorted(RECORD_TYPES))
def test_every_field_of_the_export_format_is_documented(record_type: str) -> None:
    row = next(line for line in README.splitlines() if line.startswith(f"| `{SECTIONS[record_type]}` |"))
    own_fields = [f.name for f in dataclasses.fields(RECORD_TYPES[record_type]) if f.name not in BOOKKEEPING_FIELDS]
    assert [name for name in own_fields if f"`{name}`" not in row] == []


def test_common_fields_and_csv_columns_are_documented() -> None:
    for name in sorted(BOOKKEEPING_FIELDS - LOCAL_ONLY_FIELDS):
        assert f"`{name}`" in README
    assert ", ".join(CSV_COLUMNS) in " ".join(README.split())
