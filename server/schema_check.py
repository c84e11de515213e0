"""Fast validation of records against fitscope's JSON Schemas, for the remote listener.

A general validator spends most of its time in ``anyOf`` (every value of a summary may be a
number, a non-finite string or null) and in exceptions. :func:`compile_schema` turns a schema
into nested closures that only answer yes or no, with the common shapes (an enum of strings, a
union of simple types) folded into one test; only a record that fails is walked again, slowly, by
:func:`explain`, to name the field and what it must be.

The subset of JSON Schema 2020-12 that ``schemas/`` uses is supported: ``$ref`` (within a
document and to a sibling document by file name), ``type``, ``const``, ``enum``, ``required``,
``properties``, ``additionalProperties``, ``propertyNames``, ``items``, ``minItems``,
``minimum``, ``minLength``, ``anyOf`` and ``oneOf``. A schema using another keyword that
constrains values is refused when compiled, so a new keyword cannot slip by unchecked.
``tests/remote/test_ingest.py`` checks the verdicts against the ``jsonschema`` package.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any, Final

__all__ = ["Check", "SchemaSet", "compile_schema", "explain"]

Check = Callable[[Any], bool]

#: Keywords that only annotate: ignored.
_ANNOTATIONS: Final = frozenset(
    {"$schema", "$id", "$defs", "title", "description", "examples", "default", "deprecated", "$comment"}
)
_SUPPORTED: Final = frozenset(
    {
        "$ref",
        "type",
        "const",
        "enum",
        "required",
        "properties",
        "additionalProperties",
        "propertyNames",
        "items",
        "minItems",
        "minimum",
        "minLength",
        "anyOf",
        "oneOf",
    }
)


def _is_integer(v: Any) -> bool:
    t = type(v)
    return t is int or (t is float and v.is_integer())


_TYPES: Final[dict[str, Check]] = {
    "null": lambda v: v is None,
    "boolean": lambda v: type(v) is bool,
    "integer": _is_integer,
    "number": lambda v: type(v) is int or type(v) is float,
    "string": lambda v: type(v) is str,
    "array": lambda v: type(v) is list,
    "object": lambda v: type(v) is dict,
}
_PY_TYPES: Final[dict[str, tuple[type, ...]]] = {
    "null": (type(None),),
    "boolean": (bool,),
    "number": (int, float),
    "string": (str,),
}


def _same(a: Any, b: Any) -> bool:
    """JSON equality: 1 == 1.0, but booleans are not numbers."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


class SchemaSet:
    """Schemas by file name (``common.schema.json``...), resolving ``$ref`` among them."""

    def __init__(self, documents: Mapping[str, Any]) -> None:
        self.documents = dict(documents)
        self._compiled: dict[tuple[str, str], Check] = {}

    def resolve(self, ref: str, base: str) -> tuple[Any, str]:
        """The schema a ``$ref`` names (from document ``base``), and the document it is in."""
        target, _, pointer = ref.partition("#")
        doc_name = target.rpartition("/")[2] if target else base
        if doc_name not in self.documents:
            raise ValueError(f"The schemas reference {ref!r}, which is not among them.")
        node: Any = self.documents[doc_name]
        for part in filter(None, pointer.split("/")):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node, doc_name

    def check(self, name: str) -> Check:
        """The compiled check of a whole document."""
        return self._ref("#", name)

    def _ref(self, ref: str, base: str) -> Check:
        node, doc = self.resolve(ref, base)
        key = (doc, ref.partition("#")[2])
        found = self._compiled.get(key)
        if found is None:
            cell: list[Check] = []
            self._compiled[key] = lambda v: cell[0](v)  # recursion: filled in below
            compiled = compile_schema(node, doc, self)
            cell.append(compiled)
            self._compiled[key] = found = compiled
        return found


def _union_of_simple(
    branches: list[Any], doc: str, schemas: SchemaSet
) -> tuple[tuple[type, ...], frozenset[str]] | None:
    """Python types and allowed strings when every branch is a bare simple type, an enum of
    strings, or an ``anyOf`` of those (through ``$ref``s); else None."""
    types: list[type] = []
    strings: set[str] = set()
    for branch in branches:
        s = _resolved(branch, doc, schemas)
        keys = set(s) - _ANNOTATIONS if isinstance(s, dict) else {"?"}
        if keys == {"type"} and isinstance(s["type"], str) and s["type"] in _PY_TYPES:
            types.extend(_PY_TYPES[s["type"]])
        elif keys == {"enum"} and all(type(x) is str for x in s["enum"]):
            strings.update(s["enum"])
        elif keys == {"anyOf"}:
            inner = _union_of_simple(s["anyOf"], doc, schemas)
            if inner is None:
                return None
            types.extend(inner[0])
            strings.update(inner[1])
        else:
            return None
    return tuple(types), frozenset(strings)


def compile_schema(schema: Any, doc: str, schemas: SchemaSet) -> Check:
    """Compiles one schema node (from document ``doc``) into a yes/no check."""
    if schema is True or schema == {}:
        return lambda v: True
    if schema is False:
        return lambda v: False
    unknown = set(schema) - _ANNOTATIONS - _SUPPORTED
    if unknown:
        raise ValueError(f"Schema keywords {sorted(unknown)} are not supported by fitscope's validator.")
    checks: list[Check] = []
    if "$ref" in schema:
        checks.append(schemas._ref(schema["$ref"], doc))
    for keyword in ("anyOf", "oneOf"):
        if keyword not in schema:
            continue
        simple = _union_of_simple(schema[keyword], doc, schemas) if keyword == "anyOf" else None
        if simple is not None:
            py_types, strings = simple

            def union(v: Any, py_types: tuple[type, ...] = py_types, strings: frozenset[str] = strings) -> bool:
                t = type(v)  # exact types: a bool is no int here, as JSON Schema has it
                return t in py_types or (t is str and v in strings)

            checks.append(union)
        else:
            checks.append(_any_of(schema[keyword], doc, schemas, exactly_one=keyword == "oneOf"))
    if "type" in schema:
        names = [schema["type"]] if isinstance(schema["type"], str) else list(schema["type"])
        if len(names) == 1:
            checks.append(_TYPES[names[0]])
        else:
            checks.append(_any_of([{"type": n} for n in names], doc, schemas, exactly_one=False))
    if "const" in schema:
        const = schema["const"]
        checks.append(lambda v: _same(v, const))
    if "enum" in schema:
        options = list(schema["enum"])
        if all(type(x) is str for x in options):
            allowed = frozenset(options)
            checks.append(lambda v: type(v) is str and v in allowed)
        else:
            checks.append(lambda v: any(_same(v, x) for x in options))
    if "minimum" in schema:
        low = schema["minimum"]
        checks.append(lambda v: type(v) not in (int, float) or v >= low)
    if "minLength" in schema:
        shortest = schema["minLength"]
        checks.append(lambda v: type(v) is not str or len(v) >= shortest)
    if "minItems" in schema:
        fewest = schema["minItems"]
        checks.append(lambda v: type(v) is not list or len(v) >= fewest)
    if "items" in schema:
        checks.append(_items_check(schema["items"], doc, schemas))
    if {"properties", "required", "additionalProperties", "propertyNames"} & set(schema):
        checks.append(_object_check(schema, doc, schemas))
    return _all_of(checks)


def _all_of(checks: list[Check]) -> Check:
    """One check passing when every one of ``checks`` does (short-circuit, no generator)."""
    if not checks:
        return lambda v: True
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks
        return lambda v: first(v) and second(v)
    if len(checks) == 3:
        a, b, c = checks
        return lambda v: a(v) and b(v) and c(v)
    return lambda v: all(f(v) for f in checks)


def _number_leaf(schema: Any, doc: str, schemas: SchemaSet) -> tuple[frozenset[type], Any] | None:
    """(allowed Python types, minimum or None) when a schema is only ``type`` integer/number and
    maybe ``minimum`` (through ``$ref``s), so an array of them can be checked in C; else None."""
    s = _resolved(schema, doc, schemas)
    if not isinstance(s, dict):
        return None
    keys = set(s) - _ANNOTATIONS
    if "type" not in keys or not keys <= {"type", "minimum"} or s["type"] not in ("integer", "number"):
        return None
    low = s.get("minimum")
    if low is not None and type(low) not in (int, float):
        return None
    return (frozenset({int}) if s["type"] == "integer" else frozenset({int, float})), low


def _items_check(item_schema: Any, doc: str, schemas: SchemaSet) -> Check:
    """Every item of an array passes ``item_schema``. An array of plain numbers (histogram counts:
    integers >= 0) is checked by ``map(type, ...)`` and ``min`` (C loops); one holding anything
    else (an integer written as 3.0, a bool, a string) is walked item by item, so the verdict is
    the same either way."""
    item = compile_schema(item_schema, doc, schemas)
    leaf = _number_leaf(item_schema, doc, schemas)
    if leaf is None:
        return lambda v: type(v) is not list or all(item(x) for x in v)
    allowed, low = leaf

    def numbers(v: Any) -> bool:
        if type(v) is not list:
            return True
        if not v:
            return True
        if set(map(type, v)) <= allowed:
            return low is None or min(v) >= low
        return all(item(x) for x in v)

    return numbers


def _any_of(branches: list[Any], doc: str, schemas: SchemaSet, *, exactly_one: bool) -> Check:
    compiled = [compile_schema(b, doc, schemas) for b in branches]
    if exactly_one:
        return lambda v: sum(1 for f in compiled if f(v)) == 1
    return lambda v: any(f(v) for f in compiled)


def _resolved(schema: Any, doc: str, schemas: SchemaSet) -> Any:
    """A branch with a bare ``$ref`` replaced by what it names (to fold simple unions)."""
    while isinstance(schema, dict) and set(schema) - _ANNOTATIONS == {"$ref"}:
        schema, doc = schemas.resolve(schema["$ref"], doc)
    return schema


def _object_check(schema: Any, doc: str, schemas: SchemaSet) -> Check:
    props = {k: compile_schema(s, doc, schemas) for k, s in schema.get("properties", {}).items()}
    required = frozenset(schema.get("required", ()))
    extra = schema.get("additionalProperties", True)
    closed = extra is False
    extra_check = None if isinstance(extra, bool) else compile_schema(extra, doc, schemas)
    names = compile_schema(schema["propertyNames"], doc, schemas) if "propertyNames" in schema else None

    def check(v: Any) -> bool:
        if type(v) is not dict:
            return True
        if not required <= v.keys():
            return False
        for key, value in v.items():
            f = props.get(key)
            if f is not None:
                if not f(value):
                    return False
            elif closed or (extra_check is not None and not extra_check(value)):
                return False
        return names is None or all(names(k) for k in v)

    return check


# ------------------------------------------------------------------------------- explaining


def _show(v: Any) -> str:
    text = json.dumps(v, allow_nan=True)
    return text if len(text) <= 40 else text[:37] + "..."


def _expectation(schema: Any, doc: str, schemas: SchemaSet) -> str:
    """A few words for what a schema accepts."""
    schema = _resolved(schema, doc, schemas)
    if schema is True:
        return "anything"
    parts: list[str] = []
    if "type" in schema:
        names = [schema["type"]] if isinstance(schema["type"], str) else schema["type"]
        parts.append(" or ".join("null" if n == "null" else f"a{'n' if n[0] in 'aeiou' else ''} {n}" for n in names))
    if "enum" in schema:
        parts.append("one of " + ", ".join(_show(x) for x in schema["enum"]))
    if "const" in schema:
        parts.append(_show(schema["const"]))
    if "minimum" in schema:
        parts.append(f">= {schema['minimum']}")
    for keyword in ("anyOf", "oneOf"):
        if keyword in schema:
            parts.append(" or ".join(_expectation(b, doc, schemas) for b in schema[keyword]))
    return " ".join(parts) or "valid"


def explain(schema: Any, value: Any, doc: str, schemas: SchemaSet, path: str) -> str | None:
    """Why ``value`` fails ``schema`` (the first failing field, as ``path.field must be ...``); None if it passes."""
    if compile_schema(schema, doc, schemas)(value):
        return None
    if schema is False:
        return f"{path} must not be there"
    if "$ref" in schema:
        node, target = schemas.resolve(schema["$ref"], doc)
        found = explain(node, value, target, schemas, path)
        if found is not None:
            return found
    if "type" in schema:
        names = [schema["type"]] if isinstance(schema["type"], str) else schema["type"]
        if not any(_TYPES[n](value) for n in names):
            return f"{path} must be {_expectation({'type': schema['type']}, doc, schemas)}, not {_show(value)}"
    for keyword in ("anyOf", "oneOf"):
        if keyword in schema:
            ok = [compile_schema(b, doc, schemas)(value) for b in schema[keyword]]
            if (keyword == "anyOf" and not any(ok)) or (keyword == "oneOf" and sum(ok) != 1):
                return f"{path} must be {_expectation({keyword: schema[keyword]}, doc, schemas)}, not {_show(value)}"
    if "const" in schema and not _same(value, schema["const"]):
        return f"{path} must be {_show(schema['const'])}, not {_show(value)}"
    if "enum" in schema and not any(_same(value, x) for x in schema["enum"]):
        return f"{path} must be one of {', '.join(_show(x) for x in schema['enum'])}, not {_show(value)}"
    if "minimum" in schema and type(value) in (int, float) and value < schema["minimum"]:
        return f"{path} must be >= {schema['minimum']}, not {_show(value)}"
    if "minLength" in schema and type(value) is str and len(value) < schema["minLength"]:
        return f"{path} must have at least {schema['minLength']} characters"
    if "minItems" in schema and type(value) is list and len(value) < schema["minItems"]:
        return f"{path} must have at least {schema['minItems']} items"
    if "items" in schema and type(value) is list:
        for i, x in enumerate(value):
            found = explain(schema["items"], x, doc, schemas, f"{path}[{i}]")
            if found is not None:
                return found
    if type(value) is dict:
        missing = [k for k in schema.get("required", ()) if k not in value]
        if missing:
            return f"{path} lacks {', '.join(repr(k) for k in missing)}"
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for key, x in value.items():
            where = f"{path}.{key}"
            if key in props:
                found = explain(props[key], x, doc, schemas, where)
            elif extra is False:
                found = f"{path} has an unknown field {key!r}"
            elif extra is not True:
                found = explain(extra, x, doc, schemas, where)
            else:
                found = None
            if found is not None:
                return found
        if "propertyNames" in schema:
            for key in value:
                found = explain(schema["propertyNames"], key, doc, schemas, f"{path} key {key!r}")
                if found is not None:
                    return found
    return f"{path} does not match its schema"
