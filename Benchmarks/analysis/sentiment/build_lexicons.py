#!/usr/bin/env python3
"""Builds the published lexicons the sentiment stage ships, from the PyPI source packages.

    pip download vaderSentiment==3.3.2 --no-deps --no-binary :all:
    pip download labMTsimple==2.8.8 --no-deps
    python3 build_lexicons.py vaderSentiment-3.3.2.tar.gz labMTsimple-2.8.8.tar.gz

Writes into Sources/TextKit/Resources/sentiment/:
  vader_lexicon.tsv   word, mean valence (-4..4) of the VADER lexicon's word entries (emoticons and
                      other non-word entries dropped: news text has none, and our tokenizer splits them).
  happiness.tsv       word, happiness (1..9) of labMT 1.0 (Dodds et al. 2011).
Standard library only; deterministic (entries sorted).
"""
import io
import os
import re
import sys
import tarfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "../../../Sources/TextKit/Resources/sentiment"))
WORD = re.compile(r"[a-z][a-z'\-]*( [a-z][a-z'\-]*)?")


def member_text(archive, suffix):
    with tarfile.open(archive) as tar:
        for m in tar.getmembers():
            if m.name.endswith(suffix):
                return tar.extractfile(m).read().decode("utf-8")
    raise SystemExit(f"{archive}: no member ending with {suffix}")


def vader(archive):
    entries = {}
    for line in member_text(archive, "vaderSentiment/vader_lexicon.txt").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and WORD.fullmatch(parts[0]):
            entries[parts[0]] = float(parts[1])
    header = ("# VADER sentiment lexicon (Hutto & Gilbert 2014), word entries only: word<TAB>mean valence (-4..4).\n"
              "# From PyPI vaderSentiment 3.3.2, MIT licence (see SOURCES.md). Built by "
              "Benchmarks/analysis/sentiment/build_lexicons.py.\n")
    return header + "".join(f"{w}\t{v:g}\n" for w, v in sorted(entries.items()))


def labmt(archive):
    entries = {}
    for line in member_text(archive, "data/LabMT/labMT1.txt").splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) >= 3 and WORD.fullmatch(parts[0]):
            entries[parts[0]] = float(parts[2])
    header = ("# labMT 1.0 happiness scores (Dodds et al. 2011, PLoS ONE, Data S1): word<TAB>happiness (1..9, 5 neutral).\n"
              "# CC BY (see SOURCES.md); taken from PyPI labMTsimple 2.8.8. Built by "
              "Benchmarks/analysis/sentiment/build_lexicons.py.\n")
    return header + "".join(f"{w}\t{v:g}\n" for w, v in sorted(entries.items()))


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "vader_lexicon.tsv"), "w", encoding="utf-8") as f:
        f.write(vader(sys.argv[1]))
    with open(os.path.join(OUT, "happiness.tsv"), "w", encoding="utf-8") as f:
        f.write(labmt(sys.argv[2]))
    print("wrote", OUT)


if __name__ == "__main__":
    main()
