"""Derive the shipped CSVs of data/ from shared/data/ (documentation only; run once).

- points/services.csv, figures/{residence_permits,regularisation_mechanisms,funding,flows}.csv:
  content copies of the shared files. The shared files use CRLF line ends; the copies use LF
  (the only change; every field and row is identical).
- points/entry_points.csv: shared file + `description` (IOM RAP 2018 wording, our own words).
- routes/maritime.csv: shared points/maritime_routes.csv + `geometry_quality`, `crossings`.
- figures/stock.csv: shared figures/venezuelan_stock.csv + `measure`, `source_kind`, `published`.

Usage: python build_tables.py SHARED_DATA_DIR OUT_DATA_DIR
"""
import csv
import io
import os
import sys

SHARED = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data"
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def read(rel):
    with open(os.path.join(SHARED, rel), encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def write(rel, rows):
    path = os.path.join(OUT, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    print(f"{rel}: {len(rows) - 1} rows")


# ---------------------------------------------------------------- plain copies (CRLF -> LF)
for src, dst in [("points/services.csv", "points/services.csv"),
                 ("figures/residence_permits.csv", "figures/residence_permits.csv"),
                 ("figures/regularisation_mechanisms.csv", "figures/regularisation_mechanisms.csv"),
                 ("figures/funding.csv", "figures/funding.csv"),
                 ("figures/flows.csv", "figures/flows.csv")]:
    write(dst, read(src))

# ---------------------------------------------------------------- entry points
RAP = "IOM Regional Action Plan 2018"
DESC = {
    "CO-VE-01": f"{RAP}: Cúcuta is where Colombia registers the largest number of Venezuelan entries",
    "CO-VE-02": f"{RAP}: Cúcuta is where Colombia registers the largest number of Venezuelan entries",
    "CO-EC-01": (f"{RAP}: Rumichaca sees many entries and is a main way into Ecuador; most Venezuelans "
                 "reach Ecuador from Colombia, chiefly over the Rumichaca bridge"),
    "EC-PE-01": (f"{RAP}: Tumbes sees many entries and is a main way into Peru "
                 "(the GTRM Peru sheet also lists Tumbes among its regional coordination hubs)"),
    "PE-CL-01": (f"{RAP}: Tacna sees many entries and is named as a main entry point for Chile "
                 "(the GTRM Peru sheet also lists Tacna among its regional coordination hubs)"),
    "BR-VE-01": (f"{RAP}: Roraima, the state of this crossing, registers the most Venezuelan entries "
                 "into Brazil, which are mostly by land"),
}
rows = read("points/entry_points.csv")
head = rows[0] + ["description"]
out = [head]
for r in rows[1:]:
    out.append(r + [DESC.get(r[0], "")])
write("points/entry_points.csv", out)

# ---------------------------------------------------------------- maritime routes
rows = read("points/maritime_routes.csv")
out = [rows[0] + ["geometry_quality", "crossings"]]
for r in rows[1:]:
    out.append(r + ["schematic", ""])
write("routes/maritime.csv", out)

# ---------------------------------------------------------------- stock
# measure: row index (0-based data row) -> value; everything else is `stock`
MEASURE = {
    146: "residents_only",   # Peru 2016, Venezuelan residents only (Migraciones)
    158: "registered_only",  # Peru 2023-04, registered with Migraciones only
    187: "census",           # Brazil IBGE Censo 2022 (g1)
    188: "census",           # Brazil IBGE Censo 2022 (Diário do Litoral), conflicting figure
    211: "ngo_estimate",     # T&T end-2015, Living Water Community
    212: "ngo_estimate",     # T&T Sep 2017, Living Water Community
    215: "refugees_only",    # T&T Dec 2022, registered refugees and asylum-seekers (UNHCR)
    221: "oas_estimate",     # Aruba May 2019, OAS working group (Smolansky)
    222: "census",           # Aruba 2020 census
    226: "oas_estimate",     # Curaçao May 2019, OAS working group (Smolansky)
}
# Row 186 (Brazil 2022-02, 325,763, Ministry of Justice: entered since Jan 2017 and still in
# Brazil) is kept as `stock`: it is an administrative estimate of those present, the same
# entry/exit-register basis that R4V uses for Brazil.

OFFICIAL_PREFIXES = ("https://www.iom.int/", "https://respuestavenezolanos.iom.int/", "https://reliefweb.int/")

# published: source URL prefix -> date the page (or the release it reports) published the figure
PUBLISHED = [
    ("IOM Regional Action Plan 2018", "2018"),
    ("IOM RMRP 2024 appeal", "2024"),
    ("GTRM Peru interagency sheet", ""),
    ("EUROsociAL+ migration sheet", ""),
    ("https://www.iom.int/news/number-refugees-migrants-venezuela-reaches-3-million", "2018-11-09"),
    ("https://koaa.com/", "2019-06-07"),
    ("https://www.fatimamissionaria.pt/", "2019-06"),
    ("https://qoshe.com/", ""),
    ("https://reliefweb.int/report/dominican-republic/venezuelan-refugees-and-migrants-figures-update-october-2020", "2020-10"),
    ("https://reliefweb.int/map/venezuela-bolivarian-republic/latin-america-and-caribbean-venezuelan-refugees-migrants-region-1", "2021-10"),
    ("https://thegoaspotlight.com/", "2021-12-22"),
    ("https://www.diariocontraste.com/2022/08/", "2022-08"),
    ("https://latin-american.news/", "2022-09"),
    ("https://hch.tv/2022/12/11/", "2022-12-11"),
    ("https://www.agenzianova.com/", "2023-03-07"),
    ("https://www.eluniversal.com.co/", ""),
    ("https://as-coa.org/", "2024"),
    ("https://respuestavenezolanos.iom.int/", "2019-06-07"),
    ("https://www.valor.com.br/", "2018-05"),
    ("https://www.rosario3.com/", "2026-01-05"),
    ("https://que.es/2019/02/22/", "2019-02-22"),
    ("https://examenddhhvenezuela.org/", "2020-03-06"),
    ("https://diariolavoz.net/", "2020-11"),
    ("https://soynuevaprensadigital.com/", "2021-09"),
    ("https://larepublica.pe/mundo/2021/11/25/", "2021-11-25"),
    ("https://reliefweb.int/report/venezuela-bolivarian-republic/quarterly-mixed-migration-update", ""),
    ("https://sela.org/", "2023"),
    ("https://bc.marfeel.com/maduradas.com/", "2023"),
    ("https://diariocontraste.com/?p=", "2023-09"),
    ("https://www.dnoticias.pt/2024/7/4/", "2024-07-04"),
    ("https://ansabrasil.com.br/", "2024-12-18"),
    ("https://www.brasil247.com/", ""),
    ("https://noticiaslatam.lat/amp/20200908/", "2020-09-08"),
    ("https://cactus24.com.ve/", "2020-12"),
    ("https://m.eltiempo.com/", "2018"),
    ("https://elcolombiano.com/", "2019"),
    ("https://lsw1.panamericana.pe/", "2019"),
    ("https://www.lafm.com.co/", "2019"),
    ("https://elsumario.com/mas-de-16-millones", "2019-12"),
    ("https://canal1.com.co/", "2020"),
    ("https://semana.com/amp/en-colombia-hay-mas-de-18-millones", "2020"),
    ("https://santamartaaldia.co/", "2021-01"),
    ("https://migravenezuela.com/", "2021-03"),
    ("https://www.infobae.com/america/agencias/2021/10/26/", "2021-10-26"),
    ("https://elperiodiquito.com/", "2022"),
    ("https://100noticias.com.ni/", "2022-08"),
    ("https://elsumario.com/migracion-venezolana-en-colombia-disminuyo", "2024-02"),
    ("https://semana.com/amp/nacion/", "2024-02"),
    ("https://www.publimetro.com.mx/noticias/2023/11/10/", "2023-11-10"),
    ("https://noticierod1g1tal.com/2024/06/", "2024-06"),
    ("http://www.notiactual.com/", "2018-06"),
    ("https://elnuevosiglo.com.co/", "2018-05"),
    ("https://www.aa.com.tr/", "2018-05-29"),
    ("https://elestimulo.com/internacionales/2018-06-08/", "2018-06-08"),
    ("https://elcomercio.pe/", "2019-10"),
    ("https://rostrosvenezolanos.com/", "2023"),
    ("https://elperiodicodemonagas.com.ve/", "2024"),
    ("http://test.ceap.espol.edu.ec/", "2019-08-29"),
    ("https://noticiaslatam.lat/20200625/", "2020-06-25"),
    ("https://www.infobae.com/america/agencias/2020/09/01/", "2020-09-01"),
    ("https://mundo24.net/blog/2022/06/17/", "2022-06-17"),
    ("https://albertonews.com/", "2023"),
    ("https://caracasaldia.com/", "2023"),
    ("https://www.cooperativa.cl/", "2019-02-14"),
    ("https://lapatilla.com/2020/03/12/", "2020-03-12"),
    ("https://latercera.com/", "2024"),
    ("https://www.elimpulso.com/2025/05/03/", "2025-05-03"),
    ("https://www.infobae.com/br/2022/04/01/", "2022-04-01"),
    ("https://g1.globo.com/", "2025-06-27"),
    ("https://www.diariodolitoral.com.br/", "2025"),
    ("https://scalabrinianas.org/", "2023-09"),
    ("http://newsday.co.tt/2017/09/13/", "2017-09-13"),
    ("https://newsday.co.tt/2021/11/26/", "2021-11-26"),
    ("https://www.elnacional.com/", "2021"),
    ("https://www.acaps.org/", "2023"),
    ("http://www.nprensa.com/2019/05/29/", "2019-05-29"),
    ("https://talcualdigital.com/", "2023-06"),
]


def published(source):
    hits = [p for pre, p in PUBLISHED if source.startswith(pre)]
    if len(hits) != 1:
        raise SystemExit(f"published: {len(hits)} matches for {source[:80]}")
    return hits[0]


def source_kind(source):
    if "(project seed document)" in source or source.startswith(OFFICIAL_PREFIXES):
        return "official"
    return "press"


rows = read("figures/venezuelan_stock.csv")
out = [rows[0] + ["measure", "source_kind", "published"]]
src_col = rows[0].index("source")
for i, r in enumerate(rows[1:]):
    out.append(r + [MEASURE.get(i, "stock"), source_kind(r[src_col]), published(r[src_col])])
write("figures/stock.csv", out)
