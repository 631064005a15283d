#!/usr/bin/env python3
"""Lists the recogniser's errors on the TRAINING split (UNER Wikipedia half) after `workbench eval uner`.

Reads .workbench/eval/uner/{corpus.jsonl,cache.sqlite}; prints, per training sentence with an error, the text,
the missed gold entities (-) and the false predictions (+). Never run it on the news half (held out).
Usage: python3 Benchmarks/analysis/entities/errors.py [WORKSPACE_DIR]
"""
import json, os, sqlite3, sys

root = sys.argv[1] if len(sys.argv) > 1 else '.'
base = os.path.join(root, '.workbench', 'eval', 'uner')
docs = {}
for line in open(os.path.join(base, 'corpus.jsonl'), encoding='utf-8'):
    d = json.loads(line)
    if d.get('uner_half') == 'wiki':
        docs[d['id']] = d
db = sqlite3.connect(os.path.join(base, 'cache.sqlite'))
outputs = {}
for doc_id, key in db.execute("select documentId, key from task where stepId='extract'"):
    if doc_id in docs:
        row = db.execute('select output from result where key=?', (key,)).fetchone()
        if row:
            outputs[doc_id] = json.loads(row[0])
for doc_id in sorted(docs):
    d = docs[doc_id]
    text = d['text']
    gold = {(s, e, t) for s, e, t in d['uner_gold']}
    pred = {(x['start'], x['end'], x['type']) for x in outputs.get(doc_id, {}).get('entities', [])
            if x['type'] in ('PER', 'ORG', 'LOC')}
    if gold == pred:
        continue
    print(doc_id, text)
    for s, e, t in sorted(gold - pred):
        print('   -', t, text[s:e])
    for s, e, t in sorted(pred - gold):
        print('   +', t, text[s:e])
