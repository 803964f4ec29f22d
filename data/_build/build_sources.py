"""Add the R4V snapshots and split stock sources into publisher, outlet and URL (documentation only).

Run after build_tables.py, once:
- figures/r4v_snapshots.csv: shared figures/r4v_snapshots.csv (same rows, same order) + `publisher`
  (who produced the figure) and `set_aside` (why a row is kept out of the main series; empty = used).
- figures/stock.csv: the `source_kind` column (official page / press page) is replaced by
  `publisher`, `publisher_kind` (r4v | national | other), `outlet` and `url`, read from `source`.
- avoid_domains.csv: the domains PROVENANCE.md (2026-12-01) says not to cite.

Usage: python build_sources.py SHARED_DATA_DIR OUT_DATA_DIR
"""
import csv
import os
import re
import sys

SHARED = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data"
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def read(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def write(rel, rows):
    with open(os.path.join(OUT, rel), "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    print(f"{rel}: {len(rows) - 1} rows")


# ---------------------------------------------------------------- R4V snapshots
# (snapshot, iso_a3, value) -> why the row is kept out of the main series (it stays an "other figure")
SET_ASIDE = {
    ("2019-06", "BRA", "163000"): "transcription error per the shared notes; most copies of the release say 168,000",
    ("2025-11", "BRA", "626900"): "Folhapress repeats the Nov 2024 figure; R4V's own Nov 2025 table gives 732,272",
    ("2025-11", "PER", "1500000"): "AP used an older Peru figure; R4V's Nov 2025 table gives 1,662,889",
    ("2020-10", "WLD", "5490002"): "partisan blog whose list counts permits, not the R4V total",
    ("2019-12", "LAC", "4000000"): "narrative rounding; the same report's key-figures box gives 3.9 million",
    ("2022-07", "BRA", "345000"): "EFE figure that may belong to the May 2022 round; 351,000 is dated Jul 2022",
    ("2025-11", "LAC", "7000000"): "AP's 'nearly 7 million'; R4V's Nov 2025 table gives 6,906,690",
    ("2025-11", "LAC", "6900000"): "Folhapress rounding of R4V's 6,906,690",
}


def publisher_of_snapshot(note):
    joint = "UNHCR-IOM" in note or "joint UNHCR-IOM" in note
    return "UNHCR–IOM" if joint else "R4V"


rows = read(os.path.join(SHARED, "figures/r4v_snapshots.csv"))
head = rows[0]
note = head.index("note")
out = [head + ["publisher", "set_aside"]]
used = set()
for r in rows[1:]:
    key = (r[0], r[2], r[4])
    if key in SET_ASIDE:
        used.add(key)
    out.append(r + [publisher_of_snapshot(r[note]), SET_ASIDE.get(key, "")])
if used != set(SET_ASIDE):
    raise SystemExit(f"set-aside keys not found: {set(SET_ASIDE) - used}")
write("figures/r4v_snapshots.csv", out)

# ---------------------------------------------------------------- stock: publisher, outlet, URL
# (substring of `source`, publisher, kind), first match wins; `iso` limits a rule to one country
PUBLISHERS = [
    ("Migración Colombia", "Migración Colombia", "national", "COL"),
    ("Superintendencia Nacional de Migraciones", "Migraciones Perú", "national", None),
    ("INE/DEM", "INE–DEM Chile", "national", None),
    ("INE/SERMIG", "INE–SERMIG Chile", "national", None),
    ("Ecuador's government", "Gobierno del Ecuador", "national", None),
    ("Ecuador's Foreign Ministry", "Cancillería del Ecuador", "national", None),
    ("Vice-Minister of Human Mobility", "Viceministerio de Movilidad Humana (Ecuador)", "national", None),
    ("Brazil's Ministry of Justice", "Ministério da Justiça (Brasil)", "national", None),
    ("IBGE", "IBGE", "national", None),
    ("World Bank", "World Bank", "other", None),
    ("OAS working group", "OAS working group", "other", None),
    ("Living Water Community", "Living Water Community", "other", None),
    ("Amnesty International", "Amnesty International", "other", None),
    ("AS/COA", "AS/COA", "other", None),
    ("EUROsociAL+", "EUROsociAL+", "other", None),
    ("GTRM Peru", "GTRM Perú", "r4v", None),
    ("Freier & Castillo Jara", "Freier & Castillo Jara (E-IR)", "other", None),
    ("IOM Regional Action Plan", "IOM", "r4v", None),
    ("IOM RMRP", "IOM", "r4v", None),
    ("joint release", "UNHCR–IOM", "r4v", None),
    ("joint statement", "UNHCR–IOM", "r4v", None),
    ("IOM/UNHCR", "UNHCR–IOM", "r4v", None),
    ("R4V", "R4V", "r4v", None),
    ("RMRP", "R4V", "r4v", None),
    ("UNHCR", "UNHCR", "r4v", None),
    ("Migración Colombia", "UNHCR", "r4v", None),  # AP row: other countries cite UNHCR
    ("citing IOM", "IOM", "r4v", None),
]
SOURCE = re.compile(r"^(?P<url>https?://\S+)\s+\((?P<text>.*)\)\s*$")


def split_source(source, iso):
    """(publisher, kind, outlet, url) of one stock row's `source`."""
    match = SOURCE.match(source)
    url, text = (match["url"], match["text"]) if match else ("", source)
    outlet = "project seed document" if "(project seed document)" in source else re.split(r"[,;]| \d{1,2} \w{3} \d{4}", text)[0].strip()
    if outlet.startswith(("reporting", "quoting", "R4V", "6 Mar 2020")):
        outlet = re.sub(r"^www\.", "", url.split("/")[2]) if url else outlet
    for needle, publisher, kind, only in PUBLISHERS:
        if needle in source and (only is None or only == iso):
            return publisher, kind, outlet, url
    raise SystemExit(f"no publisher for {source[:90]}")


# (iso_a3, date, value) -> a better page for the same figure, named in the row's own `source`
BETTER_URL = {
    ("COL", "2024-01", "2857528"): ("El Clarín", "https://elclarinweb.com/2024/06/14/poblacion-venezolana-en-colombia-disminuyo-176"),
    ("COL", "2024-02-29", "2845706"): ("El Clarín", "https://elclarinweb.com/2024/06/14/poblacion-venezolana-en-colombia-disminuyo-176"),
}
# (iso_a3, date, value) -> why the row stays out of the main series; its avoid-listed page is not linked
NO_OTHER_PAGE = "only page is on {domain}, a domain on the avoid list; no other page in shared/data; not linked"
STOCK_SET_ASIDE = {  # (iso_a3, date, value) -> the avoid-listed domain of its only page
    (iso, date, value): domain
    for iso, date, value, domain in map(str.split, """
COL 2014 23573 noticiaslatam.lat
COL 2016 53000 noticiaslatam.lat
COL 2020-05 1764000 noticiaslatam.lat
COL 2020-06-30 1748716 noticiaslatam.lat
ECU 2019-08-29 300000 test.ceap.espol.edu.ec
ECU 2019-09 400000 noticiaslatam.lat""".strip().splitlines())
}

rows = read(os.path.join(OUT, "figures/stock.csv"))
head = rows[0]
if "source_kind" in head:
    kind_col, src_col, iso_col = head.index("source_kind"), head.index("source"), head.index("iso_a3")
    date_col, value_col = head.index("date"), head.index("value")
    out = [[c for i, c in enumerate(head) if i != kind_col] + ["publisher", "publisher_kind", "outlet", "url",
                                                              "set_aside"]]
    for r in rows[1:]:
        publisher, kind, outlet, url = split_source(r[src_col], r[iso_col])
        key = (r[iso_col], r[date_col], r[value_col])
        outlet, url = BETTER_URL.get(key, (outlet, url))
        aside = NO_OTHER_PAGE.format(domain=STOCK_SET_ASIDE[key]) if key in STOCK_SET_ASIDE else ""
        if aside:
            url = ""
        out.append([c for i, c in enumerate(r) if i != kind_col] + [publisher, kind, outlet, url, aside])
    write("figures/stock.csv", out)

# ---------------------------------------------------------------- avoid list
# domains the shared notes list as mirrors, look-alikes, aggregators or staging servers: never cite;
# `flag`: usable only with a flag (an AMP mirror; a 2021 story under a 2025 date)
AVOID = """bitlysdowssl-aws.com bitlyanews.com wufengqin.com d3qted0ouxi5he.cloudfront.net noticiabrasil.net.br
noticiaslatam.lat heroku.briefly.co ru24.net es.m.wiki.x.io profilpelajar.com jwe.goj.mybluehost.me
redrecuperacion.org noticierod1g1tal.com test.ceap.espol.edu.ec voa.pangea-cms.com gitx.awsccs2.com
tyht.cgixix.com lapatilla.1eye.us flanlate.com rssing.com""".split()
FLAG = ["bc.marfeel.com", "laprensadelara.com"]
write("avoid_domains.csv", [["domain", "rule"], *[[d, "avoid"] for d in AVOID], *[[d, "flag"] for d in FLAG]])

# ---------------------------------------------------------------- crossings and boats
# crossing name (start) -> entry_points.csv crossing_id; aggregates of several passes stay empty
CROSSING_IDS = [
    ("Puente Internacional Simón Bolívar", "CO-VE-01"),
    ("Puente Francisco de Paula Santander", "CO-VE-02"),
    ("Paraguachón", "CO-VE-03"),
    ("Rumichaca", "CO-EC-01"),
    ("Huaquillas", "EC-PE-01"),
    ("Tumbes CEBAF", "EC-PE-01"),
    ("Chacalluta", "PE-CL-01"),
    ("Santa Rosa (Tacna)", "PE-CL-01"),
    ("Pacaraima", "BR-VE-01"),
]
# words of `route_or_destination` -> routes/maritime.csv route_id (first match wins)
ROUTE_IDS = [
    ("deportation", ""), ("expulsions", ""), ("all routes", ""), ("cumulative", ""), ("all boats", ""),
    ("Güiria", "VE-TTO-01"), ("Chaguaramas", "VE-TTO-01"), ("Chacachacare", "VE-TTO-01"),
    ("Delta Amacuro", "VE-TTO-02"), ("Pedernales", "VE-TTO-02"), ("Cedros", "VE-TTO-02"),
    ("Palo Seco", "VE-TTO-02"), ("south-west Trinidad", "VE-TTO-02"),
    ("Aruba", "VE-ABW-01"), ("Curaçao", "VE-CUW-01"),
]
NEVER = set(AVOID)


def not_linked(row, url_col, note_col):
    """Blank a page on an avoid-listed domain (its address stays in the note)."""
    host = re.sub(r"^www\.", "", row[url_col].split("/")[2]) if row[url_col].startswith("http") else ""
    hit = next((d for d in NEVER if host == d or host.endswith("." + d)), None)
    if hit:
        row[note_col] = f"{row[note_col]}; page on {hit} (avoid list), not linked: {row[url_col]}".lstrip("; ")
        row[url_col] = ""
    return row


def with_ids(rel, column, ids_of):
    """Copy a shared points file, avoid-listed pages unlinked, with an id `column` from `ids_of(row)`."""
    rows = read(os.path.join(SHARED, rel))
    url_col, note_col = rows[0].index("source_url"), rows[0].index("note")
    out = [rows[0] + [column]]
    for r in rows[1:]:
        ids = ids_of(r)
        out.append(not_linked(r, url_col, note_col) + [ids[0] if ids else ""])
    write(rel, out)


with_ids("points/crossing_flows.csv", "crossing_id",
         lambda r: [cid for start, cid in CROSSING_IDS if r[0].startswith(start)])
with_ids("points/maritime_incidents.csv", "route_id", lambda r: [rid for word, rid in ROUTE_IDS if word in r[0]])

# ---------------------------------------------------------------- migratory balance
rows = read(os.path.join(SHARED, "figures/migratory_balance.csv"))
url_col, note_col = rows[0].index("source_url"), rows[0].index("note")
write("figures/migratory_balance.csv", [rows[0], *[not_linked(r, url_col, note_col) for r in rows[1:]]])

# ---------------------------------------------------------------- entry points: descriptions in es / pt
# our own translations of the project-written English descriptions (build_tables.py, DESC)
DESCRIPTION = {
    "IOM Regional Action Plan 2018: Cúcuta is where Colombia registers the largest number of Venezuelan entries": (
        "Plan de Acción Regional de la OIM 2018: Cúcuta es donde Colombia registra el mayor número de "
        "entradas de venezolanos",
        "Plano de Ação Regional da OIM 2018: Cúcuta é onde a Colômbia registra o maior número de "
        "entradas de venezuelanos",
    ),
    "IOM Regional Action Plan 2018: Roraima, the state of this crossing, registers the most Venezuelan entries "
    "into Brazil, which are mostly by land": (
        "Plan de Acción Regional de la OIM 2018: Roraima, el estado de este paso, registra la mayoría de las "
        "entradas de venezolanos a Brasil, casi todas por tierra",
        "Plano de Ação Regional da OIM 2018: Roraima, o estado desta passagem, registra a maioria das entradas "
        "de venezuelanos no Brasil, quase todas por terra",
    ),
    "IOM Regional Action Plan 2018: Rumichaca sees many entries and is a main way into Ecuador; most Venezuelans "
    "reach Ecuador from Colombia, chiefly over the Rumichaca bridge": (
        "Plan de Acción Regional de la OIM 2018: Rumichaca registra muchas entradas y es una de las vías "
        "principales hacia Ecuador; la mayoría de los venezolanos llega a Ecuador desde Colombia, sobre todo "
        "por el puente de Rumichaca",
        "Plano de Ação Regional da OIM 2018: Rumichaca registra muitas entradas e é uma das principais vias "
        "para o Equador; a maioria dos venezuelanos chega ao Equador pela Colômbia, sobretudo pela ponte de "
        "Rumichaca",
    ),
    "IOM Regional Action Plan 2018: Tacna sees many entries and is named as a main entry point for Chile "
    "(the GTRM Peru sheet also lists Tacna among its regional coordination hubs)": (
        "Plan de Acción Regional de la OIM 2018: Tacna registra muchas entradas y se cita como una de las "
        "principales puertas hacia Chile (la ficha del GTRM Perú también incluye a Tacna entre sus centros "
        "regionales de coordinación)",
        "Plano de Ação Regional da OIM 2018: Tacna registra muitas entradas e é citada como uma das principais "
        "portas para o Chile (a ficha do GTRM Peru também inclui Tacna entre seus centros regionais de "
        "coordenação)",
    ),
    "IOM Regional Action Plan 2018: Tumbes sees many entries and is a main way into Peru (the GTRM Peru sheet "
    "also lists Tumbes among its regional coordination hubs)": (
        "Plan de Acción Regional de la OIM 2018: Tumbes registra muchas entradas y es una de las vías "
        "principales hacia el Perú (la ficha del GTRM Perú también incluye a Tumbes entre sus centros "
        "regionales de coordinación)",
        "Plano de Ação Regional da OIM 2018: Tumbes registra muitas entradas e é uma das principais vias para "
        "o Peru (a ficha do GTRM Peru também inclui Tumbes entre seus centros regionais de coordenação)",
    ),
}
rows = read(os.path.join(OUT, "points/entry_points.csv"))
if "description_es" not in rows[0]:
    col = rows[0].index("description")
    out = [rows[0] + ["description_es", "description_pt"]]
    for r in rows[1:]:
        out.append(r + list(DESCRIPTION[r[col]]) if r[col] else r + ["", ""])
    write("points/entry_points.csv", out)
