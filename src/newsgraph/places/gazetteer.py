"""The shipped offline gazetteer: loaded lazily, once per process, indexed by folded name.

The file (`newsgraph/data/gazetteer.tsv.gz`) is built by `newsgraph.places.build_gazetteer` from
GeoNames-derived data that PyPI packages ship; see docs/places.md for what it covers.
"""

from __future__ import annotations

import gzip
import logging
import time
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from newsgraph.places.names import fold

LOGGER = logging.getLogger(__name__)

DATA_FILE = "gazetteer.tsv.gz"

# Feature ranks used to break ties between homonyms: a country beats a province beats a town.
FEATURE_RANK = {"country": 4, "region": 3, "admin1": 3, "admin2": 1, "city": 0, "other": 0}


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    name: str
    feature: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int
    capital: bool = False

    @property
    def geonames_id(self) -> int | None:
        return int(self.id[4:]) if self.id.startswith("geo:") else None


def _entry(cells: list[str]) -> Entry:
    ident, name, feature, country, admin1, lat, lon, population = cells[:8]
    capital = len(cells) > 10 and cells[10] == "1"
    return Entry(
        ident,
        name,
        feature,
        country or None,
        admin1 or None,
        float(lat),
        float(lon),
        int(population),
        capital,
    )


@dataclass
class Gazetteer:
    """Rows are kept as split cells and turned into `Entry`s on demand: loading stays a plain split."""

    rows: list[str] = field(default_factory=list)  # raw lines, split on first use
    by_name: dict[str, list[int]] = field(default_factory=dict)
    by_demonym: dict[str, list[int]] = field(default_factory=dict)
    countries: dict[str, int] = field(default_factory=dict)  # ISO2 -> row index
    admin1: dict[tuple[str, str], int] = field(default_factory=dict)  # (ISO2, code) -> row index
    _cache: dict[int, Entry] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.rows)

    def entry(self, index: int) -> Entry:
        found = self._cache.get(index)
        if found is None:
            found = self._cache[index] = _entry(self.rows[index].split("\t"))
        return found

    def lookup(self, name: str) -> list[Entry]:
        """Every entry called `name` (any case, accents, punctuation, alternate names included)."""
        return [self.entry(i) for i in self.by_name.get(fold(name), ())]

    def has_name(self, key: str) -> bool:
        """Whether an already-folded name is in the gazetteer."""
        return key in self.by_name

    def demonym(self, word: str) -> list[Entry]:
        return [self.entry(i) for i in self.by_demonym.get(fold(word), ())]

    def country(self, iso: str | None) -> Entry | None:
        index = self.countries.get(iso or "")
        return None if index is None else self.entry(index)

    def admin1_of(self, entry: Entry) -> Entry | None:
        if entry.feature not in ("city", "admin2") or not entry.country or not entry.admin1:
            return None
        index = self.admin1.get((entry.country, entry.admin1))
        return None if index is None else self.entry(index)


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer, read from the package data on first call and cached for the process."""
    started = time.perf_counter()
    gaz = Gazetteer()
    by_name, by_demonym = gaz.by_name, gaz.by_demonym
    source = resources.files("newsgraph").joinpath("data", DATA_FILE)
    text = gzip.decompress(source.read_bytes()).decode("utf-8")
    lines = text.split("\n")[1:]  # minus the header
    if lines and not lines[-1]:
        lines.pop()
    gaz.rows = rows = lines
    for position, line in enumerate(rows):
        # Only the last three cells are needed to index a row: split from the right, once.
        _, names, demonyms, _capital = line.rsplit("\t", 3)
        # Keys are stored folded and de-duplicated per row by the builder.
        for key in names.split("|"):
            bucket = by_name.get(key)
            if bucket is None:
                by_name[key] = [position]
            else:
                bucket.append(position)
        if demonyms:
            for key in demonyms.split("|"):
                by_demonym.setdefault(key, []).append(position)
        # A substring test is cheaper than splitting every town's row to read its feature.
        if "\tcountry\t" in line or "\tadmin1\t" in line:
            cells = line.split("\t", 5)
            if cells[2] == "country":
                gaz.countries[cells[3]] = position
            elif cells[2] == "admin1":
                gaz.admin1[(cells[3], cells[4])] = position
    LOGGER.debug("gazetteer: %d entries in %.2fs", len(rows), time.perf_counter() - started)
    return gaz
