"""Whole-column checks of an export's records: the fast path of the strict reading.

Checking 1,000 records one by one (the generated JSON Schema validator, then the
semantic rules) costs more than parsing them. These functions check a file's records a
column at a time with C-level passes (`map`, `set`, `Counter`) and look at each distinct
value, or pair of values, once.

They are conservative: `True` only when every record surely passes the schema (or the
semantic rules); on any doubt they answer `False` and the caller runs the record-by-record
checks, which find the same first fault and word the same refusal as before. So the fast
path can never accept what the strict path refuses, nor change a refusal's message.
"""

from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import Iterable
from functools import cache
from itertools import chain, repeat
from operator import itemgetter
from typing import Any

from ecoute_desktop.domain.anonymised import FORMAT_VERSION
from ecoute_desktop.domain.record_tally import ABSENT
from ecoute_desktop.resource_files import read_resource

_MISSING = ABSENT
_TRUE_FALSE = frozenset((id(True), id(False)))
_HEX_RUN = re.compile("[0-9a-f]*")
_MONTHS = frozenset(f"20{y:02d}-{m:02d}" for y in range(100) for m in range(1, 13))
_ID_PATTERN = "^[0-9a-f]{32}$"
_MONTH_REF = "#/definitions/month"
_MONTH_PATTERN = "^20[0-9]{2}-(0[1-9]|1[0-2])$"


class _Rules:
    """The record rules, read from the published schema (never restated by hand).

    `known` is False when the schema says something these checks do not understand;
    then every file takes the record-by-record path.
    """

    def __init__(self, schema: dict[str, Any]) -> None:
        records = schema["properties"]["records"]
        record = schema["definitions"]["record"]
        self.max_records: int = records["maxItems"]
        self.required = frozenset(record["required"])
        props: dict[str, dict[str, Any]] = record["properties"]
        self.allowed = frozenset(props)
        self.booleans: list[str] = []
        self.enums: dict[str, frozenset[Any]] = {}
        self.lists: dict[str, tuple[frozenset[Any], int]] = {}
        self.ints: dict[str, tuple[int, int, bool]] = {}  # name → low, high, null allowed
        self.hex_ids: list[str] = []  # other 32-hex-digit ids (`followed_by`)
        # lists of patterned strings (the référentiel's ids): name → pattern, most items
        self.patterned: dict[str, tuple[re.Pattern[str], int]] = {}
        definitions: dict[str, Any] = schema.get("definitions", {})
        self.known = record.get("additionalProperties") is False
        for name, rule in props.items():
            rule = {k: v for k, v in rule.items() if k != "description"}
            kind = rule.get("type")
            if name == "id":
                self.known &= rule == {"type": "string", "pattern": _ID_PATTERN}
            elif rule == {"type": "string", "pattern": _ID_PATTERN}:
                self.hex_ids.append(name)
            elif (
                kind == "array"
                and set(rule) == {"type", "uniqueItems", "maxItems", "items"}
                and set(rule["items"]) == {"$ref"}
            ):
                target = _definition(definitions, rule["items"]["$ref"])
                simple = set(target) == {"type", "pattern"} and target["type"] == "string"
                self.known &= rule["uniqueItems"] is True and simple
                if simple:
                    self.patterned[name] = (re.compile(target["pattern"]), rule["maxItems"])
            elif name == "month":
                month = schema["definitions"]["month"]
                self.known &= rule == {"$ref": _MONTH_REF} and month["pattern"] == _MONTH_PATTERN
            elif rule == {"type": "boolean"}:
                self.booleans.append(name)
            elif set(rule) == {"enum"} and all(isinstance(v, str | None) for v in rule["enum"]):
                self.enums[name] = frozenset(rule["enum"])
            elif kind == "array" and set(rule) == {"type", "uniqueItems", "maxItems", "items"}:
                items = rule["items"]
                strings = all(isinstance(v, str) for v in items.get("enum", [0]))
                self.known &= rule["uniqueItems"] is True and set(items) == {"enum"} and strings
                self.lists[name] = (frozenset(items.get("enum", ())), rule["maxItems"])
            elif kind in ("integer", ["integer", "null"]) and set(rule) == {
                "type",
                "minimum",
                "maximum",
            }:
                self.ints[name] = (rule["minimum"], rule["maximum"], kind != "integer")
            else:
                self.known = False


def _definition(definitions: dict[str, Any], ref: str) -> dict[str, Any]:
    """The rule `#/definitions/NAME` points to ({} when it is anything else)."""
    name = ref.removeprefix("#/definitions/")
    found = definitions.get(name) if ref.startswith("#/definitions/") else None
    return {k: v for k, v in found.items() if k != "description"} if found else {}


@cache
def _rules() -> _Rules:
    schema = json.loads(read_resource("schemas", f"export-v{FORMAT_VERSION}.schema.json"))
    return _Rules(schema)


Columns = dict[str, list[Any]]


def _columns(records: list[dict[str, Any]], rules: _Rules) -> Columns:
    """Field → its values in record order (`_MISSING` where an optional field is absent).

    Required fields are read in one pass: a record is visited once while it is still in
    the processor's cache.
    """
    required = sorted(rules.required)
    rows = list(map(itemgetter(*required), records))
    columns = dict(zip(required, map(list, zip(*rows, strict=True)), strict=True))
    for name in rules.allowed - rules.required:
        columns[name] = list(map(dict.get, records, repeat(name), repeat(_MISSING)))
    return columns


def _present(values: list[Any]) -> list[Any]:
    return [v for v in values if v is not _MISSING]


def _only_types(values: Iterable[Any], *types: type) -> bool:
    return set(map(type, values)) <= set(types)


def _is_list_of(values: list[Any], allowed: frozenset[str], most: int) -> bool:
    if not _only_types(values, list):
        return False
    distinct = set(map(tuple, values))  # a few hundred combinations of labels at most
    if not set(chain.from_iterable(distinct)) <= allowed:  # strings only: no 1 == True trap
        return False
    return all(len(items) <= most and len(set(items)) == len(items) for items in distinct)


def _is_patterned_list(values: list[Any], pattern: re.Pattern[str], most: int) -> bool:
    """Lists of distinct strings the schema's pattern accepts (searched as the schema does)."""
    if not _only_types(values, list):
        return False
    distinct = set(map(tuple, values))
    labels = set(chain.from_iterable(distinct))
    if not _only_types(labels, str) or not all(map(pattern.search, labels)):
        return False
    return all(len(items) <= most and len(set(items)) == len(items) for items in distinct)


def _ints_within(values: list[Any], low: int, high: int) -> bool:
    return _only_types(values, int) and (not values or low <= min(values) <= max(values) <= high)


def _exact_ids(ids: list[Any]) -> bool:
    return (
        _only_types(ids, str)
        and set(map(len, ids)) <= {32}
        and _HEX_RUN.fullmatch("".join(ids)) is not None
    )


def schema_surely_valid(records: Any) -> Columns | None:
    """The records' columns when every record surely satisfies the export schema's
    `records` part; None when the schema must look record by record."""
    try:
        return _schema_ok(records)
    except (TypeError, ValueError, KeyError):  # unhashable or missing values: let the schema say
        return None


def _schema_ok(records: Any) -> Columns | None:
    rules = _rules()
    if not rules.known or type(records) is not list or len(records) > rules.max_records:
        return None
    if not records:
        return {}
    if not _only_types(records, dict):
        return None
    for keys in set(map(tuple, records)):  # a few key orders, usually one
        if not rules.required <= set(keys) <= rules.allowed:
            return None
    columns = _columns(records, rules)
    if not _exact_ids(columns["id"]) or not set(columns["month"]) <= _MONTHS:
        return None
    for name in rules.booleans:
        if not set(map(id, _present(columns[name]))) <= _TRUE_FALSE:
            return None
    for name, allowed in rules.enums.items():
        if not set(columns[name]) <= allowed | {_MISSING}:  # numbers never equal strings
            return None
    for name, (allowed, most) in rules.lists.items():
        if not _is_list_of(_present(columns[name]), allowed, most):
            return None
    for name in rules.hex_ids:
        if not _exact_ids(_present(columns[name])):
            return None
    for name, (pattern, most) in rules.patterned.items():
        if not _is_patterned_list(_present(columns[name]), pattern, most):
            return None
    for name, (low, high, nullable) in rules.ints.items():
        values = [v for v in _present(columns[name]) if not nullable or v is not None]
        if not _ints_within(values, low, high):
            return None
    return columns


def semantics_surely_valid(columns: Columns, wanted: set[str]) -> bool:
    """Whether schema-valid records (their `columns`) surely pass the rules a schema
    cannot say: unique ids, months inside the period, calls, call delay and drop reason
    agreeing with the status, every sub-theme with its theme."""
    try:
        return _semantics_ok(columns, wanted)
    except (TypeError, ValueError, KeyError):
        return False


def _semantics_ok(columns: Columns, wanted: set[str]) -> bool:
    if not columns:
        return True
    ids = columns["id"]  # exact: `schema_surely_valid` made the columns
    if len(set(ids)) != len(ids) or not set(columns["month"]) <= wanted:
        return False
    held = columns["call_held"]
    for calls, was_held in set(zip(columns["calls"], held, strict=True)):
        if calls is not _MISSING and (calls > 0) != was_held:
            return False
    for delay, was_held in set(zip(columns["call_delay"], held, strict=True)):
        if delay is not _MISSING and (delay != "none") != was_held:
            return False
    for reason, status in set(zip(columns["drop_reason"], columns["status"], strict=True)):
        if reason is not _MISSING and reason is not None and status != "sans suite":
            return False
    tops = map(tuple, columns["themes"])
    for subs, themes in set(zip(map(tuple, columns["sub_themes"]), tops, strict=True)):
        if any(sub.split("/", 1)[0] not in themes for sub in subs):
            return False
    return True


_SHARED = ("month", "status", "ack_delay", "call_delay", "drop_reason")
_SHARED_LISTS = ("themes", "sub_themes", "orientations")


def share_values(records: list[dict[str, Any]], columns: Columns) -> None:
    """Make equal labels of valid records one object: 100,000 records then weigh half.

    A record's month, status, delays and label lists are drawn from a few values; the
    parser makes a new string or list for each record. Lists are shared too (nothing
    changes a merged record).
    """
    for name in _SHARED + _SHARED_LISTS:
        values = columns.get(name)
        if values is None:
            continue
        one: dict[Any, Any] = {}
        if name in _SHARED:
            shared = list(map(one.setdefault, values, values))
        else:
            shared = list(map(one.setdefault, map(tuple, values), values))
        if _MISSING in one:
            for record, value in zip(records, shared, strict=True):
                if value is not _MISSING:
                    record[name] = value
        else:
            deque(map(dict.__setitem__, records, repeat(name), shared), maxlen=0)
