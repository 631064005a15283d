#!/usr/bin/env python3
"""Deterministic synthetic news corpus for benchmarks: ~3 KB English articles.

usage: generate_corpus.py N OUT [--format jsonl|folder] [--seed S]

The same N and seed always give byte-identical output. Articles are assembled from
sentence templates with outlets, officials, places, numbers and quotes, so every stage has
something to do (entities, numbers, attributions) without copying any real text.
"""
import json
import os
import random
import sys

OUTLETS = ["Northgate Wire", "Harbor Daily", "Meridian Broadcast", "Capital Ledger", "Eastern Herald", "Summit Report"]
PEOPLE = ["Defense Minister Lena Okafor", "President Arman Vel", "Foreign Minister Dario Pell", "spokeswoman Ines Halvorsen",
          "General Tomas Reyko", "Prime Minister Ada Korin", "envoy Marcus Teal"]
PLACES = ["the northern border", "the village of Ostrava Vale", "the river crossing at Kell", "the capital", "the eastern district"]
ACTORS = ["Northland", "Southmark", "the regional alliance", "the border guard", "the ministry of defense"]
CUES = ["said", "told reporters", "claimed", "added", "announced", "warned", "denied"]
VERBS = ["opened fire on", "accused", "met with", "shelled positions near", "called for talks with"]
NUMBERS = ["two", "three", "four", "a dozen", "5", "12", "more than 300", "tens of thousands"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def sentence(rng):
    kind = rng.randrange(6)
    if kind == 0:
        return f'"{rng.choice(["We will not accept", "This is a grave violation of", "There is no alternative to", "We call for calm along"])} {rng.choice(PLACES)}," {rng.choice(PEOPLE)} {rng.choice(CUES)}.'
    if kind == 1:
        return f"{rng.choice(ACTORS).capitalize()} {rng.choice(VERBS)} {rng.choice(ACTORS)} on {rng.choice(WEEKDAYS)}, according to {rng.choice(PEOPLE)}."
    if kind == 2:
        return f"{rng.choice(NUMBERS).capitalize()} soldiers were {rng.choice(['killed', 'wounded', 'injured'])} near {rng.choice(PLACES)}, {rng.choice(PEOPLE)} {rng.choice(CUES)}."
    if kind == 3:
        return f"Talks between {rng.choice(ACTORS)} and {rng.choice(ACTORS)} are scheduled for {rng.choice(WEEKDAYS)} in {rng.choice(['Geneva', 'Vienna', 'Brussels', 'Oslo'])}."
    if kind == 4:
        return f"The conflict over {rng.choice(PLACES)} has lasted for {rng.randint(2, 40)} years and displaced {rng.randint(1, 900)},{rng.randint(100, 999)} people."
    return f"{rng.choice(PEOPLE)} {rng.choice(CUES)} that {rng.choice(ACTORS)} had {rng.choice(['violated the ceasefire', 'moved troops', 'blocked the road', 'agreed to a meeting'])}."


def article(i, rng):
    paragraphs = []
    size = 0
    while size < 3000:
        paragraph = " ".join(sentence(rng) for _ in range(rng.randint(2, 4)))
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return {
        "id": f"syn-{i:07d}",
        "outlet": OUTLETS[i % len(OUTLETS)],
        "date": f"2023-05-{1 + i % 28:02d}",
        "title": f"Report {i}: tensions near {rng.choice(PLACES)}",
        "text": "\n\n".join(paragraphs),
    }


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 64
    n, out = int(args[0]), args[1]
    fmt = "folder" if "--format" in argv and argv[argv.index("--format") + 1] == "folder" else "jsonl"
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 42
    rng = random.Random(seed)
    if fmt == "jsonl":
        with open(out, "w", encoding="utf-8") as f:
            for i in range(n):
                f.write(json.dumps(article(i, rng), ensure_ascii=False) + "\n")
    else:
        os.makedirs(out, exist_ok=True)
        for i in range(n):
            a = article(i, rng)
            with open(os.path.join(out, a["id"] + ".txt"), "w", encoding="utf-8") as f:
                f.write(f" date {a['date']}\n{a['text']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
