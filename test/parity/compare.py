#!/usr/bin/env python3
"""Compares an aws-cdk-lib template with a cdkpp template of the same app.

compare.py --spec SPEC.json.gz --known known.json --deliberate deliberate.json CASE=CDK.json,CDKPP.json ...
Prints a report per case and a summary line. Exit 1 when a case has a logical
id on one side only, a type change or a replacing property difference that
neither known.json nor deliberate.json lists (each entry: case, id, property
or "*" for the id itself, note/reason). Standard library only.
"""
import argparse
import gzip
import json
import sys

CDK_ONLY_RESOURCES = {"AWS::CDK::Metadata"}
CDK_ONLY_PARAMETERS = {"BootstrapVersion"}
CDK_ONLY_RULES = {"CheckBootstrapVersion"}


def load_replaces(path):
    """type -> {property: 'yes'|'maybe'} from the pinned service spec."""
    with gzip.open(path, "rt") as f:
        spec = json.load(f)
    out = {}
    for service in spec["services"]:
        for res in service["resources"]:
            out[res["type"]] = {n: p["replaces"] for n, p in res["properties"].items() if p.get("replaces")}
    return out


def normalize(value):
    """Tags sorted by key; everything else as written (lists keep their order)."""
    if isinstance(value, dict):
        return {k: normalize(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [normalize(v) for v in value]
        if items and all(isinstance(v, dict) and set(v) == {"Key", "Value"} for v in items):
            items.sort(key=lambda t: json.dumps(t["Key"], sort_keys=True))
        return items
    return value


def resources(template):
    return {lid: r for lid, r in template.get("Resources", {}).items() if r.get("Type") not in CDK_ONLY_RESOURCES}


def short(value, limit=160):
    text = json.dumps(value, sort_keys=True)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def compare_case(name, cdk, cpp, replaces):
    """Returns (findings, stats); a finding is a dict with kind, id, property, text."""
    a, b = resources(cdk), resources(cpp)
    findings = []
    stats = {"total": len(set(a) | set(b)), "matched": 0, "compared": 0, "identical": 0, "replace": 0}
    for lid in sorted(set(a) - set(b)):
        findings.append({"kind": "only-cdk", "id": lid, "property": "*", "text": a[lid]["Type"]})
    for lid in sorted(set(b) - set(a)):
        findings.append({"kind": "only-cdkpp", "id": lid, "property": "*", "text": b[lid]["Type"]})
    pa_, pb_ = (set(t.get("Parameters", {})) - CDK_ONLY_PARAMETERS for t in (cdk, cpp))
    for pid in sorted(pa_ ^ pb_):
        side = "cdk" if pid in pa_ else "cdkpp"
        findings.append({"kind": "parameter", "id": pid, "property": "*", "text": f"parameter only in the {side} template"})
    for lid in sorted(set(a) & set(b)):
        ta, tb = a[lid]["Type"], b[lid]["Type"]
        if ta != tb:
            findings.append({"kind": "type", "id": lid, "property": "*", "text": f"{ta} vs {tb}"})
            continue
        stats["matched"] += 1
        pa = normalize(a[lid].get("Properties", {}))
        pb = normalize(b[lid].get("Properties", {}))
        for prop in sorted(set(pa) | set(pb)):
            stats["compared"] += 1
            if pa.get(prop) == pb.get(prop):
                stats["identical"] += 1
                continue
            how = replaces.get(ta, {}).get(prop)
            kind = {"yes": "replace", "maybe": "maybe-replace"}.get(how, "update")
            stats["replace"] += kind != "update"
            cdk_v = short(pa[prop]) if prop in pa else "(absent)"
            cpp_v = short(pb[prop]) if prop in pb else "(absent)"
            findings.append({"kind": kind, "id": lid, "property": prop, "text": f"CDK {cdk_v} | cdkpp {cpp_v}"})
        for attr in ("DependsOn", "DeletionPolicy", "UpdateReplacePolicy", "UpdatePolicy", "Condition"):
            if a[lid].get(attr) != b[lid].get(attr):
                findings.append({"kind": "attribute", "id": lid, "property": attr,
                                 "text": f"CDK {short(a[lid].get(attr))} | cdkpp {short(b[lid].get(attr))}"})
    return findings, stats


def listed(entries, case, finding):
    for e in entries:
        if e["case"] == case and e["id"] == finding["id"] and e.get("property", "*") == finding["property"]:
            return e
    return None


BLOCKING = {"only-cdk", "only-cdkpp", "type", "replace", "maybe-replace"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--spec", required=True)
    ap.add_argument("--known", required=True)
    ap.add_argument("--deliberate", required=True)
    ap.add_argument("--json", help="write every finding here")
    ap.add_argument("cases", nargs="+", help="NAME=CDK_TEMPLATE,CDKPP_TEMPLATE")
    args = ap.parse_args()
    replaces = load_replaces(args.spec)
    known = json.load(open(args.known))
    deliberate = json.load(open(args.deliberate))
    totals = {"total": 0, "matched": 0, "compared": 0, "identical": 0, "replace": 0}
    new, dump = [], {}
    for item in args.cases:
        name, files = item.split("=", 1)
        cdk_path, cpp_path = files.split(",")
        findings, stats = compare_case(name, json.load(open(cdk_path)), json.load(open(cpp_path)), replaces)
        dump[name] = {"stats": stats, "findings": findings}
        for k in totals:
            totals[k] += stats[k]
        print(f"== {name}: {stats['matched']}/{stats['total']} resources matched, "
              f"{stats['identical']}/{stats['compared']} properties identical, {stats['replace']} replacing")
        for f in findings:
            entry = listed(deliberate, name, f) or listed(known, name, f)
            tag = "deliberate" if listed(deliberate, name, f) else "known" if entry else "NEW" if f["kind"] in BLOCKING else ""
            print(f"  {f['kind']:<13} {f['id']} {f['property']}: {f['text']}" + (f"  [{tag}: {entry.get('note') or entry.get('reason')}]" if entry else f"  [{tag}]" if tag else ""))
            if tag == "NEW":
                new.append((name, f))
    pct = 100.0 * totals["identical"] / totals["compared"] if totals["compared"] else 0.0
    print(f"SUMMARY: {totals['matched']}/{totals['total']} resources matched by id and type, "
          f"{totals['identical']}/{totals['compared']} properties identical ({pct:.1f}%), "
          f"{totals['replace']} replacing property differences, {len(new)} new blocking differences")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(dump, f, indent=1, sort_keys=True)
    for name, f in new:
        print(f"NEW {f['kind']}: {name} {f['id']} {f['property']} (fix it, or list it in known.json/deliberate.json with the reason)")
    return 1 if new else 0


if __name__ == "__main__":
    sys.exit(main())
