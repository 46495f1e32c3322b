#!/usr/bin/env python3
"""Lints an L1 test template with cfn-lint and fails only on what a typed L1
layer must never get wrong: unknown resource types, property names, and JSON
types (cfn-lint E3001, E3002 "Additional properties", E3012, E0000-E0002).

Values in the tests are placeholders ("example", 1, true), so findings about
values (patterns, enums, formats, combinations) are counted, not failed.

The pinned spec (0.1.216, Sep 2026) is newer than the schemas bundled with the
installed cfn-lint (1.51.0, May 2026). A property cfn-lint calls unexpected is
looked up in cfn-lint's own schema at that place: if it is there, the finding is
about a combination (oneOf: the tests set every property, including exclusive
ones); if not, the property is newer than cfn-lint and is listed as such. Both
are reported, neither fails: l1_tests checks names against the spec itself.

Before cfn-lint, every resource of the template is checked against the
pinned spec itself (spec/aws-service-spec.json.gz, read here independently of
the C++ generator): each property name, at every depth, must be one of its
type's properties, with the JSON shape of its spec type; with --all-set, every
property of every type present must be set, at every depth the test reaches.

  lint_l1.py [--all-set] <template.json>     exit 0 when clean, 1 on failures
"""
import collections
import gzip
import importlib
import json
import os
import re
import subprocess
import sys

FATAL = {"E0000", "E0001", "E0002", "E3001", "E3012"}
UNEXPECTED = re.compile(r"Additional properties are not allowed \('([^']+)' was unexpected\)")


def cfnlint_schema(cfn_type, cache={}):
    if cfn_type not in cache:
        text = "{}"
        try:
            providers = importlib.import_module("cfnlint.data.schemas.providers.us_east_1")
            digest = providers.types.get(cfn_type)
            if digest:
                base = os.path.dirname(importlib.import_module("cfnlint.data.schemas").__file__)
                with open(os.path.join(base, "resources", digest + ".json")) as f:
                    text = f.read()
        except (ImportError, OSError, AttributeError):
            pass
        cache[cfn_type] = json.loads(text)
    return cache[cfn_type]


def known_names(schema, path):
    """Property names cfn-lint's schema allows at `path` (below Properties), or None."""
    def resolve(node):
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            if not ref.startswith("#/definitions/"):
                return None
            node = schema.get("definitions", {}).get(ref[len("#/definitions/"):])
        return node

    def names(node):
        node = resolve(node)
        if not isinstance(node, dict):
            return set()
        out = set(node.get("properties", {}))
        for key in ("oneOf", "anyOf", "allOf"):
            for alt in node.get(key, []):
                out |= names(alt)
        return out

    def child(node, part):
        node = resolve(node)
        if not isinstance(node, dict):
            return None
        if isinstance(part, int):
            return node.get("items")
        if part in node.get("properties", {}):
            return node["properties"][part]
        for key in ("oneOf", "anyOf", "allOf"):
            for alt in node.get(key, []):
                c = child(alt, part)
                if c is not None:
                    return c
        return None

    node = schema
    for part in path:
        node = child(node, part)
        if node is None:
            return None
    return names(node)


SPEC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "spec", "aws-service-spec.json.gz")


def split_union(inner):
    out, depth, cur = [], 0, ""
    for c in inner:
        if c == "," and depth == 0:
            out.append(cur)
            cur = ""
            continue
        depth += c == "<"
        depth -= c == ">"
        cur += c
    return out + [cur]


def check_value(value, t, types, where, errors, all_set):
    """Checks one rendered value against a compact spec type string."""
    if isinstance(value, dict) and len(value) == 1:
        key = next(iter(value))
        if key == "Ref" or key.startswith("Fn::"):
            return  # a token: anything goes
    if t in ("string", "date-time"):
        ok = isinstance(value, str)
    elif t == "integer":
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif t == "number":
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    elif t == "boolean":
        ok = isinstance(value, bool)
    elif t in ("json", "null") or t.startswith("union<"):
        ok = True
    elif t == "tag":
        ok = isinstance(value, dict) and set(value) <= {"Key", "Value"}
    elif t.startswith("list<"):
        ok = isinstance(value, list)
        if ok:
            for i, v in enumerate(value):
                check_value(v, t[5:-1], types, f"{where}/{i}", errors, all_set)
    elif t.startswith("map<"):
        ok = isinstance(value, dict)
        if ok:
            for k, v in value.items():
                check_value(v, t[4:-1], types, f"{where}/{k}", errors, all_set)
    elif t in types:
        ok = isinstance(value, dict)
        if ok:
            check_props(value, types[t], types, where, errors, all_set=False)
    else:
        ok = False
    if not ok:
        errors.append(f"{where}: {json.dumps(value)[:80]} is not a {t}")


def check_props(props, spec_props, types, where, errors, all_set):
    for name, value in props.items():
        if name not in spec_props:
            errors.append(f"{where}/{name}: not a property in the spec")
            continue
        check_value(value, spec_props[name]["type"], types, f"{where}/{name}", errors, all_set)
    if all_set:
        for name in spec_props:
            if name not in props:
                errors.append(f"{where}/{name}: not set")


def check_against_spec(template, all_set):
    with gzip.open(SPEC, "rt") as f:
        spec = json.load(f)
    by_type = {r["type"]: r for s in spec["services"] for r in s["resources"]}
    errors = []
    for logical_id, res in template.get("Resources", {}).items():
        r = by_type.get(res["Type"])
        if r is None:
            errors.append(f"{res['Type']}: not a type in the spec")
            continue
        check_props(res.get("Properties", {}), r["properties"], r["types"], res["Type"], errors, all_set)
    return errors


def main():
    all_set = "--all-set" in sys.argv[1:]
    path = [a for a in sys.argv[1:] if not a.startswith("--")][0]
    with open(path) as f:
        template = json.load(f)
    spec_errors = check_against_spec(template, all_set)
    for e in spec_errors:
        print(f"FAIL spec: {e}")
    print(f"spec check: {len(template.get('Resources', {}))} resources, {len(spec_errors)} failures")
    run = subprocess.run(["cfn-lint", "--format", "json", "--", path], capture_output=True, text=True)
    try:
        findings = json.loads(run.stdout or "[]")
    except json.JSONDecodeError:
        print(run.stdout, run.stderr)
        return 1
    failures, newer, combos, values = [], [], [], collections.Counter()
    for f in findings:
        rule = f["Rule"]["Id"]
        loc = f["Location"]["Path"]
        cfn_type = template["Resources"].get(loc[1], {}).get("Type", "?") if len(loc) > 1 else "?"
        where = f"{cfn_type} {'/'.join(map(str, loc[2:]))}"
        m = UNEXPECTED.search(f["Message"])
        if rule in FATAL:
            failures.append(f"{rule} {where}: {f['Message']}")
        elif rule == "E3002" and m:
            # loc: Resources/<id>/Properties/.../<name>
            known = known_names(cfnlint_schema(cfn_type), loc[3:-1])
            if known is not None and m.group(1) in known:
                combos.append(where)
            else:
                newer.append(where)
        else:
            values[rule] += 1
    for w in newer:
        print(f"newer than cfn-lint's schema: {w}")
    print(f"cfn-lint: {len(findings)} findings: {len(failures)} failures (types, names of types, template); "
          f"{len(newer)} properties newer than cfn-lint's bundled schema; {len(combos)} exclusive combinations; "
          f"{sum(values.values())} about placeholder values ({dict(sorted(values.items()))})")
    for x in failures:
        print(f"FAIL {x}")
    return 1 if failures or spec_errors else 0


if __name__ == "__main__":
    sys.exit(main())
