"""Write data/countries/profiles.csv (documentation only; run once).

Short phrases, in our own words (en/es/pt), summarising the country sheets of the
IOM Regional Action Plan 2018 (project seed document 001): "key country specific challenges"
and "highlights in government response". Only what the sheet says; nothing added.

Sheets without a printed country name in the seed text are identified by their funding total,
which matches the plan's funding table: Guyana (USD 700,015), Mexico (USD 665,418),
Uruguay (USD 150,014), Venezuela (USD 528,402). The sub-regional "Caribbean" sheet has no
country code and is left out. Guyana and Venezuela have no government-response section.
For Venezuela the sheet lists, under its challenges heading, the areas where the government
asked IOM for capacity building; they are stored as `challenge`.
"""
import csv
import os
import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "countries", "profiles.csv")
SOURCE = "IOM Regional Action Plan 2018 (project seed document)"

# shared phrases
DATA = ("Data on mobility and on migrants in vulnerable situations",
        "Datos sobre la movilidad y sobre migrantes en situación vulnerable",
        "Dados sobre a mobilidade e sobre migrantes em situação vulnerável")
PROTECT = ("Services that meet protection standards",
           "Servicios que cumplan los estándares de protección",
           "Serviços que cumpram os padrões de proteção")
REGBORDER = ("Registering migrants and managing the border",
             "Registro de migrantes y gestión de la frontera",
             "Registro de migrantes e gestão da fronteira")
INFO = ("Reliable information for migrants",
        "Información fiable para las personas migrantes",
        "Informação confiável para as pessoas migrantes")
TRAFFIC = ("Victims of trafficking, smuggling, exploitation and abuse",
           "Víctimas de trata, tráfico ilícito, explotación y abuso",
           "Vítimas de tráfico de pessoas, contrabando de migrantes, exploração e abuso")
SHELTER = ("Access to shelter or temporary housing",
           "Acceso a albergue o alojamiento temporal",
           "Acesso a abrigo ou alojamento temporário")
REFERRAL = ("Joined-up services and referrals",
            "Servicios integrados y derivación de casos",
            "Serviços integrados e encaminhamento de casos")
INTEGR = ("Socio-economic integration",
          "Integración socioeconómica",
          "Integração socioeconômica")
MERCOSUR = ("Applies the MERCOSUR residence agreement",
            "Aplica el Acuerdo de Residencia del MERCOSUR",
            "Aplica o Acordo de Residência do MERCOSUL")

P = {
    "ARG": {
        "challenge": [
            ("Little information on recent arrivals and how they move",
             "Poca información sobre las llegadas recientes y su dinámica",
             "Pouca informação sobre as chegadas recentes e sua dinâmica"),
            ("Identifying what vulnerable migrants need",
             "Identificar qué necesitan los migrantes vulnerables",
             "Identificar o que precisam os migrantes vulneráveis"),
            ("Capacity to register migrants",
             "Capacidad para registrar a los migrantes",
             "Capacidade de registrar os migrantes"),
            ("Telling migrants which rights the law gives them",
             "Informar a los migrantes de los derechos que les da la ley",
             "Informar os migrantes sobre os direitos que a lei lhes garante"),
            INTEGR,
        ],
        "government_response": [
            MERCOSUR,
            ("Easier residence paperwork, e.g. more time to file a criminal-record certificate",
             "Trámites de residencia más fáciles, p. ej. más plazo para el certificado de antecedentes",
             "Trâmites de residência mais fáceis, p. ex. mais prazo para a certidão de antecedentes"),
            ("Simpler recognition of Venezuelan university degrees",
             "Reconocimiento más simple de títulos universitarios venezolanos",
             "Reconhecimento mais simples de diplomas universitários venezuelanos"),
        ],
    },
    "BRA": {
        "challenge": [
            DATA,
            ("Providing and running shelters and temporary housing",
             "Proveer y gestionar albergues y alojamiento temporal",
             "Oferecer e gerir abrigos e alojamento temporário"),
            ("Overcrowded entry points",
             "Hacinamiento en los puntos de entrada",
             "Superlotação nos pontos de entrada"),
            ("Access to health, education and non-food items",
             "Acceso a salud, educación y artículos no alimentarios",
             "Acesso a saúde, educação e itens não alimentares"),
            INTEGR,
        ],
        "government_response": [
            ("Two-year temporary residence for nationals of neighbouring countries",
             "Residencia temporal de dos años para nacionales de países vecinos",
             "Residência temporária de dois anos para nacionais de países vizinhos"),
            ("Residence permit free of charge for people in need",
             "Permiso de residencia gratuito para quien lo necesite",
             "Autorização de residência gratuita para quem precisa"),
            ("Relocation inside Brazil to ease pressure at the border",
             "Reubicación dentro de Brasil para aliviar la frontera",
             "Interiorização dentro do Brasil para aliviar a fronteira"),
            ("Crisis working group with technical help from UN agencies",
             "Grupo de trabajo de crisis con apoyo técnico de agencias de la ONU",
             "Grupo de trabalho de crise com apoio técnico de agências da ONU"),
        ],
    },
    "CHL": {
        "challenge": [
            ("Data on mobility dynamics",
             "Datos sobre la dinámica de la movilidad",
             "Dados sobre a dinâmica da mobilidade"),
            ("Information on migrants in vulnerable situations",
             "Información sobre migrantes en situación vulnerable",
             "Informação sobre migrantes em situação vulnerável"),
            REFERRAL,
            INTEGR,
        ],
        "government_response": [
            ("Regular status through ordinary channels: permanent residence and temporary visas",
             "Regularización por vías ordinarias: residencia permanente y visas temporales",
             "Regularização pelas vias ordinárias: residência permanente e vistos temporários"),
        ],
    },
    "COL": {
        "challenge": [DATA, PROTECT, REGBORDER, TRAFFIC, SHELTER],
        "government_response": [
            ("Border Mobility Card (TMF) to ease crossings",
             "Tarjeta de Movilidad Fronteriza (TMF) para facilitar el paso",
             "Cartão de Mobilidade Fronteiriça (TMF) para facilitar a passagem"),
            ("Special Stay Permit (PEP) to regularise status",
             "Permiso Especial de Permanencia (PEP) para regularizar",
             "Permissão Especial de Permanência (PEP) para regularizar"),
            ("PEP holders can join the health system",
             "Con el PEP se accede al sistema de salud",
             "Com a PEP é possível entrar no sistema de saúde"),
            ("Migración Colombia's 'Somos Frontera' information strategy",
             "Estrategia informativa 'Somos Frontera' de Migración Colombia",
             "Estratégia de informação 'Somos Frontera' da Migración Colombia"),
            ("Health ministry response plan and national funds for emergency care (Decree 866 of 2017)",
             "Plan de respuesta del Ministerio de Salud y fondos nacionales para urgencias (Decreto 866 de 2017)",
             "Plano de resposta do Ministério da Saúde e recursos nacionais para urgências (Decreto 866 de 2017)"),
        ],
    },
    "CRI": {
        "challenge": [
            DATA, INFO, REGBORDER,
            ("Access to shelter, health and education",
             "Acceso a albergue, salud y educación",
             "Acesso a abrigo, saúde e educação"),
            TRAFFIC,
        ],
        "government_response": [
            ("Migration office advises Venezuelans on migration and refugee status",
             "La Dirección de Migración orienta a venezolanos sobre estatus migratorio y refugio",
             "A Direção de Migração orienta venezuelanos sobre status migratório e refúgio"),
            ("Guidance on finding work and joining social security",
             "Orientación para buscar empleo y afiliarse a la seguridad social",
             "Orientação para buscar emprego e se filiar à seguridade social"),
        ],
    },
    "DOM": {
        "challenge": [
            DATA,
            ("Sharing knowledge", "Intercambio de conocimientos", "Troca de conhecimentos"),
            TRAFFIC, INTEGR,
        ],
        "government_response": [
            ("Venezuelans covered by the 2018 national migrant survey",
             "Venezolanos incluidos en la encuesta nacional de inmigrantes de 2018",
             "Venezuelanos incluídos na pesquisa nacional de imigrantes de 2018"),
            ("National Migration Institute study of Venezuelan migrants",
             "Estudio del Instituto Nacional de Migración sobre migrantes venezolanos",
             "Estudo do Instituto Nacional de Migração sobre migrantes venezuelanos"),
            ("Stronger action on trafficking and smuggling, with Venezuelan victims identified",
             "Más acción contra la trata y el tráfico, con víctimas venezolanas identificadas",
             "Mais ação contra tráfico de pessoas e contrabando, com vítimas venezuelanas identificadas"),
        ],
    },
    "ECU": {
        "challenge": [DATA, PROTECT, REGBORDER, REFERRAL, TRAFFIC],
        "government_response": [
            ("Constitution (art. 40) recognises the right to migrate; migration status never makes anyone illegal",
             "La Constitución (art. 40) reconoce el derecho a migrar; nadie es ilegal por su condición migratoria",
             "A Constituição (art. 40) reconhece o direito de migrar; ninguém é ilegal por sua condição migratória"),
            ("Human mobility law: equal access to work, health and education",
             "Ley de movilidad humana: igual acceso a trabajo, salud y educación",
             "Lei de mobilidade humana: acesso igual a trabalho, saúde e educação"),
            ("Anti-xenophobia campaigns at national and local level",
             "Campañas contra la xenofobia a nivel nacional y local",
             "Campanhas contra a xenofobia em nível nacional e local"),
            ("Several visa options on arrival (tourist, UNASUR and others)",
             "Varias opciones de visa al llegar (turista, UNASUR y otras)",
             "Várias opções de visto na chegada (turista, UNASUL e outras)"),
        ],
    },
    "GUY": {
        "challenge": [DATA, INFO, REGBORDER, SHELTER, TRAFFIC],
        "government_response": [],
    },
    "MEX": {
        "challenge": [
            DATA, PROTECT, INFO,
            ("Sharing knowledge", "Intercambio de conocimientos", "Troca de conhecimentos"),
            TRAFFIC,
        ],
        "government_response": [
            ("High acceptance rate for Venezuelan asylum claims",
             "Alta tasa de aceptación de solicitudes de asilo venezolanas",
             "Alta taxa de aceitação de pedidos de asilo venezuelanos"),
        ],
    },
    "PAN": {
        "challenge": [
            DATA, REGBORDER, PROTECT,
            ("Access to shelter, health and education",
             "Acceso a albergue, salud y educación",
             "Acesso a abrigo, saúde e educação"),
            TRAFFIC,
        ],
        "government_response": [
            ("Extraordinary regularisation open to all nationalities",
             "Regularización extraordinaria abierta a todas las nacionalidades",
             "Regularização extraordinária aberta a todas as nacionalidades"),
        ],
    },
    "PER": {
        "challenge": [DATA, REGBORDER, PROTECT, SHELTER, TRAFFIC],
        "government_response": [
            ("Temporary permit (PTP) for Venezuelans as a bridge to regular status",
             "Permiso Temporal de Permanencia (PTP) como paso transitorio a la regularidad",
             "Permissão Temporária de Permanência (PTP) como passo transitório para a regularidade"),
            ("After a year with the PTP, holders can seek special resident status (CMER)",
             "Tras un año con el PTP se puede pedir la Calidad Migratoria Especial Residente (CMER)",
             "Após um ano com a PTP é possível pedir a condição migratória especial de residente (CMER)"),
        ],
    },
    "URY": {
        "challenge": [
            ("Capacity to register migrants",
             "Capacidad para registrar a los migrantes",
             "Capacidade de registrar os migrantes"),
            INTEGR,
        ],
        "government_response": [
            MERCOSUR,
            ("Faster access to the national ID card, which opens education, health and jobs",
             "Acceso más ágil a la cédula de identidad, que abre educación, salud y empleo",
             "Acesso mais ágil à cédula de identidade, que abre educação, saúde e emprego"),
        ],
    },
    "VEN": {
        "challenge": [
            ("Better services for Venezuelans living abroad (government request)",
             "Mejores servicios para venezolanos en el exterior (pedido del gobierno)",
             "Melhores serviços para venezuelanos no exterior (pedido do governo)"),
            ("An inter-institutional mechanism on migration (government request)",
             "Un mecanismo interinstitucional sobre migración (pedido del gobierno)",
             "Um mecanismo interinstitucional sobre migração (pedido do governo)"),
            ("An updated national migration profile (government request)",
             "Un perfil migratorio nacional actualizado (pedido del gobierno)",
             "Um perfil migratório nacional atualizado (pedido do governo)"),
        ],
        "government_response": [],
    },
}


def main():
    rows = []
    for iso, kinds in P.items():
        for kind in ("challenge", "government_response"):
            for i, (en, es, pt) in enumerate(kinds[kind], start=1):
                rows.append([iso, kind, i, en, es, pt, SOURCE])
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["iso_a3", "kind", "order", "text_en", "text_es", "text_pt", "source"])
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
