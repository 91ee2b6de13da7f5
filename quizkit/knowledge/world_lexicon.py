"""Build ``quizkit/knowledge/data/world.yaml``: the world-wide table of country and city names.

Countries come from Natural Earth's 110m admin-0 countries (public domain; ISO code, short name, continent),
with our own fuller names, common aliases and UN M49 subregions (a grouping for distractors, not a fact shown
to learners); a few small states missing at that scale are added by hand. Cities are a hand-written list of
well-known cities, grouped by country only to inherit its subregion. Names only: nothing here says what a
city is for; a city's country is kept only to group it with its neighbours. Run once when the sources change and commit the output:

    .venv/bin/python -m quizkit.knowledge.world_lexicon [PATH/TO/naturalearth_110m_countries.geojson]

(default: the project's shared data folder beside the repository, ``../shared/data/``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

_REPO = Path(__file__).resolve().parents[2]
SOURCE = _REPO.parent / "shared" / "data" / "naturalearth_110m_countries.geojson"
OUT = Path(__file__).resolve().parent / "data" / "world.yaml"

SUBREGIONS: dict[str, str] = {
    "Northern Africa": "DZA EGY LBY MAR SDN TUN ESH",
    "Eastern Africa": "BDI COM DJI ERI ETH KEN MDG MWI MUS MOZ RWA SYC SOM SOL SSD UGA TZA ZMB ZWE",
    "Middle Africa": "AGO CMR CAF TCD COG COD GNQ GAB STP",
    "Southern Africa": "BWA SWZ LSO NAM ZAF",
    "Western Africa": "BEN BFA CPV CIV GMB GHA GIN GNB LBR MLI MRT NER NGA SEN SLE TGO",
    "Caribbean": "ATG BHS BRB CUB DMA DOM GRD HTI JAM KNA LCA PRI TTO VCT",
    "Central America": "BLZ CRI SLV GTM HND MEX NIC PAN",
    "South America": "ARG BOL BRA CHL COL ECU FLK GUY PRY PER SUR URY VEN",
    "Northern America": "CAN USA GRL",
    "Central Asia": "KAZ KGZ TJK TKM UZB",
    "Eastern Asia": "CHN JPN MNG PRK KOR TWN HKG",
    "South-eastern Asia": "BRN KHM IDN LAO MYS MMR PHL SGP THA TLS VNM",
    "Southern Asia": "AFG BGD BTN IND IRN MDV NPL PAK LKA",
    "Western Asia": "ARM AZE BHR CYP GEO IRQ ISR JOR KWT LBN OMN QAT SAU PSE SYR TUR ARE YEM",
    "Eastern Europe": "BLR BGR CZE HUN POL MDA ROU RUS SVK UKR",
    "Northern Europe": "DNK EST FIN ISL IRL LVA LTU NOR SWE GBR",
    "Southern Europe": "ALB AND BIH HRV GRC ITA MLT MNE MKD PRT SMR SRB SVN ESP VAT KOS",
    "Western Europe": "AUT BEL FRA DEU LIE LUX MCO NLD CHE",
    "Australia and New Zealand": "AUS NZL",
    "Melanesia": "FJI NCL PNG SLB VUT",
    "Micronesia": "KIR MHL NRU PLW",
    "Polynesia": "WSM TON TUV",
    "Antarctica": "ATA ATF",
}
"""UN M49 subregion -> ISO codes (KOS, SOL, HKG: our codes for Natural Earth's -99 / non-ISO entries)."""

NAMES: dict[str, tuple[str, ...]] = {
    "USA": ("United States", "United States of America"),
    "CIV": ("Côte d'Ivoire", "Ivory Coast", "Cote d'Ivoire", "Republic of Côte d'Ivoire"),
    "CZE": ("Czechia", "Czech Republic"),
    "COD": ("Democratic Republic of the Congo", "DR Congo", "DRC", "D.R. Congo", "Congo-Kinshasa"),
    "COG": ("Republic of the Congo", "Congo-Brazzaville", "Congo Republic"),
    "CAF": ("Central African Republic",),
    "GNQ": ("Equatorial Guinea",),
    "SSD": ("South Sudan",),
    "SWZ": ("Eswatini", "Swaziland", "Kingdom of Eswatini"),
    "BIH": ("Bosnia and Herzegovina", "Bosnia", "Bosnia-Herzegovina"),
    "MKD": ("North Macedonia", "Republic of North Macedonia"),
    "TLS": ("Timor-Leste", "East Timor"),
    "MMR": ("Myanmar", "Burma"),
    "KOR": ("South Korea", "Republic of Korea"),
    "PRK": ("North Korea", "DPRK", "Democratic People's Republic of Korea"),
    "LAO": ("Laos", "Lao PDR", "Lao People's Democratic Republic"),
    "VNM": ("Vietnam", "Viet Nam"),
    "NLD": ("Netherlands", "Holland", "Kingdom of the Netherlands"),
    "DOM": ("Dominican Republic",),
    "SLB": ("Solomon Islands",),
    "FLK": ("Falkland Islands", "Falklands"),
    "ESH": ("Western Sahara",),
    "BHS": ("Bahamas", "The Bahamas"),
    "GMB": ("Gambia", "The Gambia"),
    "BRN": ("Brunei", "Brunei Darussalam"),
    "TZA": ("Tanzania", "United Republic of Tanzania"),
    "SYR": ("Syria", "Syrian Arab Republic"),
    "MDA": ("Moldova", "Republic of Moldova"),
    "BOL": ("Bolivia", "Plurinational State of Bolivia"),
    "VEN": ("Venezuela", "Bolivarian Republic of Venezuela"),
    "CHE": ("Switzerland", "Swiss Confederation"),
    "ARG": ("Argentina", "Argentine Republic"),
    "BRA": ("Brazil", "Federative Republic of Brazil"),
    "MEX": ("Mexico", "United Mexican States"),
    "CAN": ("Canada",),
    "ESP": ("Spain", "Kingdom of Spain"),
    "POL": ("Poland", "Republic of Poland"),
    "IRL": ("Ireland", "Republic of Ireland", "Éire"),
    "IDN": ("Indonesia", "Republic of Indonesia"),
    "PHL": ("Philippines", "Republic of the Philippines"),
    "CYN": (),
    "ATF": (),
    "KOS": ("Kosovo",),
    "SOL": ("Somaliland",),
    "TTO": ("Trinidad and Tobago",),
    "ATA": (),
}
"""ISO code -> our canonical name and aliases, where Natural Earth's short name is abbreviated or a common
alias exists; an empty tuple drops the feature (disputed or uninhabited areas that make poor answers)."""

AMBIGUOUS = {"Congo"}
"""Short names that could mean two countries: never an alias of either."""

KINDS = {"ESH": "place", "FLK": "place", "GRL": "place", "NCL": "place", "PRI": "place", "TWN": "place"}
KINDS |= {"SOL": "place", "HKG": "city"}
"""Kind of the entries that are not plainly countries: territories and disputed areas are neutral places."""

EXTRA: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "BHR": ("Bahrain", "Asia", ()),
    "SGP": ("Singapore", "Asia", ("Republic of Singapore",)),
    "MDV": ("Maldives", "Asia", ()),
    "MLT": ("Malta", "Europe", ()),
    "AND": ("Andorra", "Europe", ()),
    "MCO": ("Monaco", "Europe", ()),
    "LIE": ("Liechtenstein", "Europe", ()),
    "SMR": ("San Marino", "Europe", ()),
    "VAT": ("Vatican City", "Europe", ("Holy See", "the Vatican")),
    "MUS": ("Mauritius", "Africa", ()),
    "SYC": ("Seychelles", "Africa", ()),
    "CPV": ("Cabo Verde", "Africa", ("Cape Verde",)),
    "COM": ("Comoros", "Africa", ()),
    "STP": ("São Tomé and Príncipe", "Africa", ("Sao Tome and Principe",)),
    "BRB": ("Barbados", "North America", ()),
    "DMA": ("Dominica", "North America", ("Commonwealth of Dominica",)),
    "GRD": ("Grenada", "North America", ()),
    "LCA": ("Saint Lucia", "North America", ("St Lucia", "St. Lucia")),
    "ATG": ("Antigua and Barbuda", "North America", ()),
    "KNA": ("Saint Kitts and Nevis", "North America", ("St Kitts and Nevis",)),
    "VCT": ("Saint Vincent and the Grenadines", "North America", ("St Vincent and the Grenadines",)),
    "WSM": ("Samoa", "Oceania", ()),
    "TON": ("Tonga", "Oceania", ()),
    "KIR": ("Kiribati", "Oceania", ()),
    "TUV": ("Tuvalu", "Oceania", ()),
    "NRU": ("Nauru", "Oceania", ()),
    "PLW": ("Palau", "Oceania", ()),
    "MHL": ("Marshall Islands", "Oceania", ()),
    "HKG": ("Hong Kong", "Asia", ("Hong Kong SAR",)),
}
"""Small states (and Hong Kong) that Natural Earth leaves out at the 110m scale: name, continent, aliases."""

NATIONS: dict[str, tuple[str, ...]] = {
    "GBR": ("England", "Scotland", "Wales", "Northern Ireland"),
}
"""Parts of a country that news names like countries (kind ``place``, grouped with their country)."""

CITIES: dict[str, str] = {
    "USA": (
        "Washington; New York; Los Angeles; Chicago; Houston; San Francisco; Boston; Miami; Seattle; Atlanta; "
        "Dallas; Philadelphia; Detroit; Denver; Las Vegas; New Orleans"
    ),
    "CAN": "Ottawa; Toronto; Montreal = Montréal; Vancouver; Calgary",
    "MEX": "Mexico City; Guadalajara; Monterrey",
    "GTM": "Guatemala City",
    "PAN": "Panama City",
    "NIC": "Managua",
    "HND": "Tegucigalpa",
    "SLV": "San Salvador",
    "CUB": "Havana",
    "HTI": "Port-au-Prince",
    "DOM": "Santo Domingo",
    "JAM": "Kingston",
    "BRA": "Brasília = Brasilia; São Paulo = Sao Paulo; Rio de Janeiro; Belo Horizonte",
    "ARG": "Buenos Aires; Córdoba = Cordoba",
    "CHL": "Santiago",
    "PER": "Lima",
    "COL": "Bogotá = Bogota; Medellín = Medellin",
    "VEN": "Caracas",
    "ECU": "Quito; Guayaquil",
    "BOL": "La Paz",
    "URY": "Montevideo",
    "PRY": "Asunción = Asuncion",
    "GBR": "London; Manchester; Birmingham; Edinburgh; Glasgow; Belfast; Cardiff; Liverpool; Leeds; Bristol",
    "IRL": "Dublin",
    "FRA": "Paris; Marseille = Marseilles; Lyon; Toulouse; Bordeaux; Strasbourg",
    "DEU": "Berlin; Munich = München; Hamburg; Frankfurt; Cologne = Köln; Stuttgart; Düsseldorf = Dusseldorf",
    "NLD": "Amsterdam; The Hague; Rotterdam",
    "BEL": "Brussels",
    "CHE": "Bern = Berne; Geneva; Zurich = Zürich",
    "AUT": "Vienna",
    "ITA": "Rome; Milan; Naples; Turin; Florence; Venice",
    "ESP": "Madrid; Barcelona; Valencia; Seville = Sevilla; Bilbao; Málaga = Malaga",
    "PRT": "Lisbon; Porto",
    "GRC": "Athens; Thessaloniki",
    "POL": "Warsaw; Kraków = Krakow",
    "CZE": "Prague",
    "HUN": "Budapest",
    "SVK": "Bratislava",
    "SVN": "Ljubljana",
    "HRV": "Zagreb",
    "SRB": "Belgrade",
    "BIH": "Sarajevo",
    "ROU": "Bucharest",
    "BGR": "Sofia",
    "MDA": "Chișinău = Chisinau",
    "UKR": "Kyiv = Kiev; Kharkiv = Kharkov; Odesa = Odessa; Lviv; Dnipro; Zaporizhzhia; Kherson",
    "BLR": "Minsk",
    "RUS": "Moscow; Saint Petersburg = St Petersburg = St. Petersburg; Novosibirsk; Novorossiysk; Kazan; Vladivostok",
    "LTU": "Vilnius",
    "LVA": "Riga",
    "EST": "Tallinn",
    "FIN": "Helsinki",
    "SWE": "Stockholm",
    "NOR": "Oslo",
    "DNK": "Copenhagen",
    "ISL": "Reykjavik = Reykjavík",
    "ALB": "Tirana",
    "MKD": "Skopje",
    "MNE": "Podgorica",
    "KOS": "Pristina",
    "TUR": "Ankara; Istanbul = İstanbul; Izmir = İzmir",
    "GEO": "Tbilisi",
    "ARM": "Yerevan",
    "AZE": "Baku",
    "IRN": "Tehran; Isfahan",
    "IRQ": "Baghdad; Erbil",
    "SYR": "Damascus; Aleppo",
    "LBN": "Beirut",
    "JOR": "Amman",
    "ISR": "Jerusalem; Tel Aviv; Haifa",
    "SAU": "Riyadh; Jeddah; Mecca = Makkah; Medina",
    "ARE": "Abu Dhabi; Dubai",
    "QAT": "Doha",
    "KWT": "Kuwait City",
    "OMN": "Muscat",
    "YEM": "Sanaa = Sana'a",
    "BHR": "Manama",
    "EGY": "Cairo; Alexandria",
    "LBY": "Tripoli; Benghazi",
    "TUN": "Tunis",
    "DZA": "Algiers",
    "MAR": "Rabat; Casablanca",
    "SDN": "Khartoum",
    "NGA": "Abuja; Lagos; Kano",
    "GHA": "Accra",
    "SEN": "Dakar",
    "CIV": "Abidjan",
    "MLI": "Bamako",
    "NER": "Niamey",
    "BFA": "Ouagadougou",
    "ETH": "Addis Ababa",
    "KEN": "Nairobi; Mombasa",
    "TZA": "Dar es Salaam; Dodoma",
    "UGA": "Kampala",
    "RWA": "Kigali",
    "SOM": "Mogadishu",
    "SSD": "Juba",
    "COD": "Kinshasa; Goma",
    "AGO": "Luanda",
    "CMR": "Yaoundé = Yaounde",
    "ZAF": "Pretoria; Johannesburg; Cape Town; Durban",
    "ZWE": "Harare",
    "ZMB": "Lusaka",
    "MOZ": "Maputo",
    "AFG": "Kabul",
    "PAK": "Islamabad; Karachi; Lahore; Peshawar",
    "IND": (
        "New Delhi; Delhi; Mumbai = Bombay; Kolkata = Calcutta; Chennai = Madras; Bengaluru = Bangalore; "
        "Hyderabad"
    ),
    "BGD": "Dhaka",
    "LKA": "Colombo",
    "NPL": "Kathmandu",
    "CHN": "Beijing = Peking; Shanghai; Guangzhou; Shenzhen; Wuhan; Chongqing; Hangzhou",
    "JPN": "Tokyo; Osaka; Kyoto; Yokohama; Hiroshima",
    "KOR": "Seoul; Busan",
    "PRK": "Pyongyang",
    "MNG": "Ulaanbaatar = Ulan Bator",
    "TWN": "Taipei",
    "THA": "Bangkok",
    "VNM": "Hanoi; Ho Chi Minh City = Saigon",
    "MYS": "Kuala Lumpur",
    "IDN": "Jakarta",
    "PHL": "Manila",
    "MMR": "Yangon = Rangoon; Naypyidaw = Nay Pyi Taw",
    "KHM": "Phnom Penh",
    "AUS": "Canberra; Sydney; Melbourne; Brisbane; Perth",
    "NZL": "Wellington; Auckland",
    "KAZ": "Astana; Almaty; Aktau; Baikonur; Shymkent",
    "KGZ": "Bishkek; Osh",
    "TJK": "Dushanbe",
    "TKM": "Ashgabat",
    "UZB": "Tashkent; Samarkand",
}
"""ISO code -> "City = alias; City" (well-known cities, names only)."""


def _yaml_str(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _line(
    name: str, kind: str, names: tuple[str, ...], region: str, continent: str, country: str = ""
) -> str:
    al = ", ".join(_yaml_str(a) for a in dict.fromkeys(names) if a != name)
    within = f", country: {_yaml_str(country)}" if country else ""
    return (
        f"{_yaml_str(name)}: {{kind: {kind}, aliases: [{al}], region: {_yaml_str(region)}, "
        f"continent: {_yaml_str(continent)}{within}}}"
    )


def build(source: Path) -> str:
    """The YAML text of the world table (deterministic: countries in source order, then extras, then cities)."""
    region_of = {code: sub for sub, codes in SUBREGIONS.items() for code in codes.split()}
    continent_of: dict[str, str] = {}
    name_of: dict[str, str] = {}
    lines = [
        "# GENERATED by quizkit/knowledge/world_lexicon.py from Natural Earth 110m admin-0 countries (public domain,",
        "# naturalearthdata.com) plus hand-written aliases, small states and well-known cities. Do not edit by",
        "# hand: edit the script and re-run it. Names, kinds and a coarse grouping (UN M49 subregion, continent)",
        "# used to pick plausible distractors; entities.yaml entries win over these when both name one place.",
    ]
    feats = json.loads(source.read_text(encoding="utf-8"))["features"]
    for feat in feats:
        p = feat["properties"]
        code = {"Kosovo": "KOS", "Somaliland": "SOL"}.get(p["name"], p["iso_a3"])
        names = NAMES.get(code, (p["name"],))
        if not names:
            continue
        # Natural Earth's short name as an alias unless abbreviated ("S. Sudan") or ambiguous (two Congos)
        if "." not in p["name"] and p["name"] not in names and p["name"] not in AMBIGUOUS:
            names = (*names, p["name"])
        continent_of[code] = p["continent"]
        name_of[code] = names[0]
        lines.append(_line(names[0], KINDS.get(code, "country"), names, region_of[code], p["continent"]))
    for code, (name, continent, extra) in EXTRA.items():
        continent_of[code] = continent
        name_of[code] = name
        lines.append(_line(name, KINDS.get(code, "country"), (name, *extra), region_of[code], continent))
    for code, parts in NATIONS.items():
        for part in parts:
            lines.append(_line(part, "place", (part,), region_of[code], continent_of[code], name_of[code]))
    for code, cities in CITIES.items():
        for spec in cities.split(";"):
            names = tuple(n.strip() for n in spec.split("="))
            lines.append(_line(names[0], "city", names, region_of[code], continent_of[code], name_of[code]))
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else SOURCE
    OUT.write_text(build(source), encoding="utf-8")
    print(f"wrote {OUT} ({OUT.read_text(encoding='utf-8').count(chr(10)) - 4} entries)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
