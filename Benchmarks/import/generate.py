#!/usr/bin/env python3
"""Synthetic input for the import benchmark: N ~3 KB articles as JSONL or CSV, with duplicates and bad rows.

usage: generate.py N OUT --format jsonl|csv [--seed S]

Deterministic for a given N, format and seed. Articles are built from a pool of paragraphs written by
Benchmarks/generate_corpus.py's sentence templates, each with its own first sentence, so texts differ.
Every 50th row repeats an earlier article with its white space changed (a duplicate: 2%); every 200th
row is bad (0.5%): malformed JSON, no text, empty text / a wrong field count, empty text, invalid UTF-8.
"""
import csv
import io
import json
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from generate_corpus import OUTLETS, PLACES, sentence  # noqa: E402


def articles(n, rng):
    pool = [" ".join(sentence(rng) for _ in range(rng.randint(2, 4))) for _ in range(4000)]
    for i in range(n):
        paragraphs = [f"Report {i} from {rng.choice(PLACES)}: the {i}th account of the week."]
        size = len(paragraphs[0])
        while size < 2900:
            p = rng.choice(pool)
            paragraphs.append(p)
            size += len(p) + 2
        yield {
            "id": f"doc-{i:07d}",
            "outlet": OUTLETS[i % len(OUTLETS)],
            "date": f"2023-05-{1 + i % 28:02d}",
            "url": f"https://news{i % len(OUTLETS)}.example/{i}",
            "title": f"Report {i}: tensions near {rng.choice(PLACES)}",
            "text": "\n\n".join(paragraphs),
        }


def rows(n, rng):
    """(kind, article) in order: kind is "ok", "duplicate" or "bad"."""
    recent = []
    for i, a in enumerate(articles(n, rng)):
        if i % 200 == 199:
            yield "bad", a
        elif i % 50 == 49 and recent:
            copy = dict(rng.choice(recent))
            copy["id"] = a["id"]
            copy["text"] = "  " + copy["text"].replace("\n\n", "\n \n").replace(". ", ".  ")
            yield "duplicate", copy
        else:
            recent.append(a)
            if len(recent) > 1000:
                recent.pop(0)
            yield "ok", a


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    if len(args) < 2 or "--format" not in argv:
        print(__doc__, file=sys.stderr)
        return 64
    n, out = int(args[0]), args[1]
    fmt = argv[argv.index("--format") + 1]
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 7
    rng = random.Random(seed)
    bad = 0
    with open(out, "wb") as f:
        if fmt == "csv":
            text = io.StringIO()
            writer = csv.writer(text, lineterminator="\r\n")
            writer.writerow(["id", "source", "published", "url", "title", "body"])
        for kind, a in rows(n, rng):
            if fmt == "jsonl":
                if kind == "bad":
                    bad += 1
                    line = [json.dumps(a)[:-40] + "\n",                                   # malformed JSON
                            json.dumps({k: v for k, v in a.items() if k != "text"}) + "\n",  # no text
                            json.dumps(dict(a, text="  ")) + "\n"][bad % 3]                # empty text
                    f.write(line.encode())
                else:
                    f.write((json.dumps(a, ensure_ascii=False) + "\n").encode())
            else:
                fields = [a["id"], a["outlet"], a["date"], a["url"], a["title"], a["text"]]
                if kind == "bad":
                    bad += 1
                    if bad % 3 == 0:
                        fields = fields[:-1]                                             # wrong field count
                    elif bad % 3 == 1:
                        fields[-1] = ""                                                  # empty text
                writer.writerow(fields)
                data = text.getvalue().encode()
                if kind == "bad" and bad % 3 == 2:
                    data = data.replace(b"Report", b"R\xe9port", 1)                     # invalid UTF-8
                f.write(data)
                text.seek(0)
                text.truncate()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
