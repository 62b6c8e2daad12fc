"""Records to JSON-compatible dicts and back, strictly.

One codec serves the export file, the store's JSON columns and (later) the sync wire format, so a
field survives every path the same way. Decoding is strict: a wrong type, an unknown field or a
missing required field is an error naming the field, never a silent coercion; a person who
imports a file should hear exactly what is wrong with it.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from saypro_core.bounds import MAX_JSON_INT
from saypro_core.validation import label

T = TypeVar("T")


class DecodeError(ValueError):
    """A value does not have the shape its field needs."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(message)


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


_FIELDS: dict[type, tuple[dataclasses.Field[Any], ...]] = {}


def _fields(cls: type) -> tuple[dataclasses.Field[Any], ...]:
    """The fields a dataclass is made from (kept: encoding and decoding ask for them per value)."""
    found = _FIELDS.get(cls)
    if found is None:
        found = _FIELDS[cls] = tuple(f for f in dataclasses.fields(cls) if f.init)
    return found


def encode_value(value: Any) -> Any:
    """A field value as JSON-compatible data: dates as ISO 8601 text, enums as their value."""
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return encode(value)
    if isinstance(value, list):
        return [encode_value(v) for v in value]
    return value


def encode(obj: Any, *, exclude: frozenset[str] = frozenset()) -> dict[str, Any]:
    """A dataclass instance as a dict of JSON-compatible values."""
    return {
        f.name: encode_value(getattr(obj, f.name))
        for f in _fields(type(obj))
        if f.name not in exclude
    }


def format_datetime(value: datetime) -> str:
    """UTC, millisecond precision, 'Z' suffix: sorts as text and round-trips exactly."""
    if value.tzinfo is None:
        raise ValueError("naive datetimes are not stored; attach a time zone")
    value = value.astimezone(UTC)
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


def parse_datetime(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise ValueError("has no time zone")
    return value.astimezone(UTC)


_TYPE_WORDS = {str: "text", int: "a whole number", bool: "true or false", date: "a date (YYYY-MM-DD)",
               datetime: "a date and time with a time zone (e.g. 2026-11-23T09:30:00+02:00)"}


def _describe(tp: Any) -> str:
    if tp in _TYPE_WORDS:
        return _TYPE_WORDS[tp]
    if isinstance(tp, type) and issubclass(tp, StrEnum):
        return "one of " + ", ".join(repr(m.value) for m in tp)
    return "a list" if typing.get_origin(tp) is list else "an object"


def _wrong(tp: Any, value: Any, path: str) -> DecodeError:
    """The error for a value that is not a ``tp`` (worded only when there is one: decoding a
    record calls this module for every field, nearly always with a good value)."""
    return DecodeError(path, f"{path} must be {_describe(tp)}, not {value!r:.60}.")


def _decode_int(value: Any, path: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise _wrong(int, value, path)
    if abs(value) > MAX_JSON_INT:  # no side can keep it (SQLite stops at 2**63, JSON clients at 2**53)
        raise DecodeError(path, f"{path} is too large a number: {str(value)[:20]}.")
    return value


def _decode_scalar(tp: Any, value: Any, path: str) -> Any:
    if tp is bool:
        if not isinstance(value, bool):
            raise _wrong(tp, value, path)
        return value
    if tp is int:
        return _decode_int(value, path)
    if tp is str:
        if not isinstance(value, str):
            raise _wrong(tp, value, path)
        return value
    if not isinstance(value, str):
        raise _wrong(tp, value, path)
    try:
        if tp is datetime:
            return parse_datetime(value)
        if tp is date:
            return date.fromisoformat(value)
        if isinstance(tp, type) and issubclass(tp, StrEnum):
            return tp(value)
    except (ValueError, OverflowError):  # a date past year 9999 once moved to UTC overflows
        raise _wrong(tp, value, path) from None
    raise TypeError(f"no codec for {tp!r}")  # a programming error, not bad input


def decode_value(tp: Any, value: Any, path: str) -> Any:
    origin = typing.get_origin(tp)
    if origin in (types.UnionType, typing.Union):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if value is None:
            return None
        return decode_value(args[0], value, path)
    if value is None:
        raise DecodeError(path, f"{path} must be {_describe(tp)}, not empty.")
    if origin is list:
        if not isinstance(value, list):
            raise DecodeError(path, f"{path} must be a list, not {value!r:.60}.")
        (item_type,) = typing.get_args(tp)
        return [decode_value(item_type, item, f"{path}[{i + 1}]") for i, item in enumerate(value)]
    if dataclasses.is_dataclass(tp):
        return decode(typing.cast(type, tp), value, path=path)
    return _decode_scalar(tp, value, path)


def decode(cls: type[T], data: Any, *, path: str = "", ignore: frozenset[str] = frozenset()) -> T:
    """Build a ``cls`` from ``data``; raise :class:`DecodeError` naming the first bad field.

    ``ignore`` names keys that may appear but are not taken (bookkeeping of another device).
    """
    if not isinstance(data, dict):
        raise DecodeError(path or "record", f"{path or 'A record'} must be an object, not {data!r:.60}.")
    hints = _hints(typing.cast(type, cls))
    known = {f.name for f in _fields(cls)}
    unknown = sorted(set(data) - known - ignore)
    if unknown:
        where = f"{path}: " if path else ""
        raise DecodeError(unknown[0], f"{where}unknown field '{unknown[0]}'.")
    kwargs: dict[str, Any] = {}
    for f in _fields(cls):
        sub_path = f"{path}.{f.name}" if path else label(f.name)
        if f.name not in data:
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise DecodeError(f.name, f"{sub_path} is missing.")
            continue
        try:
            kwargs[f.name] = decode_value(hints[f.name], data[f.name], sub_path)
        except DecodeError as exc:
            if path:
                raise
            raise DecodeError(f.name, str(exc)) from None  # named by the record's field, worded with its label
    return cls(**kwargs)
