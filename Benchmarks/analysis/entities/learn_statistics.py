#!/usr/bin/env python3
"""Learns the entity recogniser's statistics from the TRAINING split of UNER English-PUD and writes
Sources/TextKit/Resources/entities/learned.json.

Split (fixed by the dataset, deterministic): sentences whose sent_id starts with "w" (the Wikipedia half,
500 sentences) are training data; the news half ("n") is held out and never read here.

Learned:
  words     capitalised words (exact case) seen at least twice in training -> [outside, PER, ORG, LOC]: how
            often the word was outside any name, or inside a person's, organisation's or place's name.
Usage: python3 learn_statistics.py UNER_DIR OUT_JSON     (standard library only; output is sorted)
"""
import json, os, sys

TYPES = ['PER', 'ORG', 'LOC']


def read(path):
    sentences, current = [], None
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if line.startswith('# sent_id'):
            current = {'id': line.split('=', 1)[1].strip(), 'tokens': []}
            sentences.append(current)
        elif line.startswith('#') or not line.strip():
            continue
        else:
            columns = line.split('\t')
            current['tokens'].append((columns[1], columns[2]))
    return sentences


def entities(tokens):
    result, current = [], None
    for i, (_, tag) in enumerate(tokens):
        kind = tag[2:]
        if tag.startswith('I-') and current and current[0] == kind:
            current[2] = i + 1
        elif (tag.startswith('B-') or tag.startswith('I-')) and kind in TYPES:
            current = [kind, i, i + 1]
            result.append(current)
        else:
            current = None
    return result


def main():
    uner, out = sys.argv[1], sys.argv[2]
    training = [s for s in read(os.path.join(uner, 'en_pud-ud-test.iob2')) if s['id'].startswith('w')]
    words = {}
    for s in training:
        tokens = s['tokens']
        for form, tag in tokens:
            if form[:1].isupper() and any(c.isalpha() for c in form):
                counts = words.setdefault(form, [0, 0, 0, 0])
                kind = tag[2:] if tag != 'O' else None
                counts[1 + TYPES.index(kind) if kind in TYPES else 0] += 1
    result = {
        'about': 'Learned by Benchmarks/analysis/entities/learn_statistics.py from the training split of UNER '
                 'English-PUD (sent_id starting w, the Wikipedia half). words: [outside, PER, ORG, LOC].',
        'words': {w: c for w, c in sorted(words.items()) if sum(c) >= 2},
    }
    with open(out, 'w', encoding='utf-8') as f:  # one word a line
        f.write('{"about": %s,\n"words": {\n' % json.dumps(result['about']))
        f.write(',\n'.join('%s: %s' % (json.dumps(w, ensure_ascii=False), json.dumps(c))
                           for w, c in result['words'].items()))
        f.write('\n}}\n')


main()
