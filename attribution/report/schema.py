"""The JSON Schema of the contract, generated from its ``TypedDict`` records
(:mod:`attribution.report.contract`), and a validator for the part of JSON Schema it uses.

``scripts/update_json_schema.py`` writes :func:`json_schema` to ``attribution/report/schema.json``
(shipped with the package) and ``docs/json-schema.json``; a test fails when they are stale.
:func:`validate` checks a record against the shipped schema without a third-party package
(``type``, ``const``, ``enum``, ``properties``, ``required``, ``additionalProperties: false``,
``additionalProperties`` (``false`` or a schema), ``items``, ``minItems``/``maxItems``,
``minimum``, ``anyOf``, ``oneOf`` and local ``$ref``: the
keywords :func:`json_schema` writes).  Key order is part of the contract too; :func:`validate`
checks that the keys come in the order the schema lists them.
"""
import enum
import json
import types
import typing
from pathlib import Path

from . import contract, contract_summary

SCHEMA = Path(__file__).with_name("schema.json")
DIALECT = "https://json-schema.org/draft/2020-12/schema"
MODULES = (contract, contract_summary)  # every TypedDict they define is a record, in "$defs"
_SCALARS = {str: "string", int: "integer", float: "number", bool: "boolean", type(None): "null"}


def _schema_of(tp) -> dict:
    """The schema of one annotation."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        base, *meta = typing.get_args(tp)
        out = _schema_of(base)
        for m in meta:
            if isinstance(m, str):
                out["description"] = m
            elif isinstance(m, dict):
                out.update(m)
        return out
    if origin in (typing.Union, types.UnionType):
        options = [_schema_of(a) for a in typing.get_args(tp)]
        kinds = [o.get("type") for o in options]
        if all(isinstance(k, str) and set(o) == {"type"} for k, o in zip(kinds, options)):
            return {"type": kinds}
        return {"anyOf": options}
    if origin is list:
        (item,) = typing.get_args(tp)
        return {"type": "array", "items": _schema_of(item)}
    if origin is dict:
        key, value = typing.get_args(tp)
        if key is not str:
            raise TypeError(f"JSON object keys are strings, not {key!r}")
        return {"type": "object", "additionalProperties": _schema_of(value)}
    if origin is typing.Literal:
        values = list(typing.get_args(tp))
        return {"const": values[0]} if len(values) == 1 else {"enum": values}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {"type": "string", "enum": [m.value for m in tp]}
    if typing.is_typeddict(tp):
        return {"$ref": f"#/$defs/{tp.__name__}"}
    if tp in _SCALARS:
        return {"type": _SCALARS[tp]}
    raise TypeError(f"no JSON Schema for {tp!r}")


def _record(td) -> dict:
    hints = typing.get_type_hints(td, include_extras=True)
    props = {}
    for key, tp in hints.items():
        if typing.get_origin(tp) is typing.NotRequired:
            (tp,) = typing.get_args(tp)
        props[key] = _schema_of(tp)
    out = {"type": "object"}
    if td.__doc__ and not td.__doc__.startswith(td.__name__ + "("):
        out["description"] = " ".join(td.__doc__.split())
    out.update({"properties": props, "required": [k for k in hints if k in td.__required_keys__],
                "additionalProperties": False})
    return out


def json_schema() -> dict:
    """The contract's JSON Schema: the ``--format json`` object, with every record in ``$defs``
    (an archive line is ``#/$defs/ArchiveRecord``, ``summary.json`` is ``#/$defs/ArchiveSummary``)."""
    defs = {name: _record(obj) for module in MODULES for name, obj in vars(module).items()
            if typing.is_typeddict(obj) and obj.__module__ == module.__name__}
    return {
        "$schema": DIALECT,
        "$id": f"urn:attribution-lint:json-contract:v{contract.VERSION}",
        "title": f"attribution JSON contract, version {contract.VERSION}",
        "$ref": "#/$defs/Contract",
        "$defs": {**defs, "ArchiveRecord": {"oneOf": [{"$ref": "#/$defs/ArchiveDocument"},
                                                      {"$ref": "#/$defs/ArchiveError"}]}},
    }


def schema_text() -> str:
    """What ``schema.json`` holds."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def shipped() -> dict:
    """The schema that ships with the package."""
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- validating


def validate(instance, record: str = "Contract", schema: dict | None = None, *,
             order: bool = True) -> list[str]:
    """What is wrong with ``instance`` as the contract's ``record`` (``"Contract"``,
    ``"ArchiveRecord"``, ...), one line per problem (empty: valid).  ``order=False`` leaves
    key order unchecked (for JSON written with sorted keys)."""
    schema = shipped() if schema is None else schema
    errors: list[str] = []
    _check(instance, {"$ref": f"#/$defs/{record}"}, schema, "$", errors, order)
    return errors


def _type_ok(value, name: str) -> bool:
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, {"string": str, "boolean": bool, "null": type(None), "array": list,
                              "object": dict}[name])


def _check(value, node: dict, root: dict, where: str, errors: list[str], order: bool) -> None:
    if "$ref" in node:
        ref = node["$ref"]
        if not ref.startswith("#/$defs/"):
            raise ValueError(f"unsupported $ref {ref}")
        _check(value, root["$defs"][ref[len("#/$defs/"):]], root, where, errors, order)
    for key in ("anyOf", "oneOf"):
        if key in node:
            passing = 0
            for option in node[key]:
                sub: list[str] = []
                _check(value, option, root, where, sub, order)
                passing += not sub
            if passing == 0 or (key == "oneOf" and passing > 1):
                errors.append(f"{where}: matches {passing} of the {key} options")
    if "type" in node:
        names = node["type"] if isinstance(node["type"], list) else [node["type"]]
        if not any(_type_ok(value, n) for n in names):
            errors.append(f"{where}: {type(value).__name__} is not {'/'.join(names)}")
            return
    if "const" in node and value != node["const"]:
        errors.append(f"{where}: {value!r} is not {node['const']!r}")
    if "enum" in node and value not in node["enum"]:
        errors.append(f"{where}: {value!r} is not one of {node['enum']}")
    if "minimum" in node and isinstance(value, (int, float)) and value < node["minimum"]:
        errors.append(f"{where}: {value} is below {node['minimum']}")
    if isinstance(value, list):
        if len(value) < node.get("minItems", 0) or len(value) > node.get("maxItems", len(value)):
            errors.append(f"{where}: {len(value)} items")
        if "items" in node:
            for i, item in enumerate(value):
                _check(item, node["items"], root, f"{where}[{i}]", errors, order)
    if isinstance(value, dict) and isinstance(node.get("additionalProperties"), dict):
        for key, item in value.items():
            _check(item, node["additionalProperties"], root, f"{where}.{key}", errors, order)
    if isinstance(value, dict) and "properties" in node:
        props = node["properties"]
        for key in node.get("required", ()):
            if key not in value:
                errors.append(f"{where}: no {key!r}")
        extra = [k for k in value if k not in props]
        if extra and node.get("additionalProperties") is False:
            errors.append(f"{where}: unexpected {', '.join(map(repr, extra))}")
        expected = [k for k in props if k in value]
        if order and [k for k in value if k in props] != expected:
            errors.append(f"{where}: keys out of order (the contract's order: {', '.join(expected)})")
        for key, sub_node in props.items():
            if key in value:
                _check(value[key], sub_node, root, f"{where}.{key}", errors, order)
