#!/usr/bin/env python3
"""A news-domain development check that does not touch UNER's held-out news half.

NewsMTSC sentences (news, mostly US politics) carry target mentions that are mostly people. This script
builds a corpus of its sentences, and after `workbench run` over it reports how many capitalised target
mentions the recogniser finds as PER (ending where the mention ends, a possessive aside), finds with
another type, or misses; with --show it prints sentences and predictions to read for false positives.

  python3 newsmtsc_check.py make NEWSMTSC_DIR WORK_DIR      # writes WORK_DIR/{corpus.jsonl,workspace.json,pipeline.json}
  (cd WORK_DIR && workbench run)
  python3 newsmtsc_check.py score WORK_DIR [--show N]
"""
import json, os, sqlite3, sys


def make(src, work):
    os.makedirs(work, exist_ok=True)
    rows, seen = [], set()
    for name in ['devtest_mt.jsonl', 'devtest_rw.jsonl']:
        for line in open(os.path.join(src, name), encoding='utf-8'):
            d = json.loads(line)
            text = d['sentence_normalized']
            if text in seen:
                continue
            seen.add(text)
            rows.append({'id': 'm%05d' % len(rows), 'text': text,
                         'targets': [[t['from'], t['to'], t['mention']] for t in d['targets']]})
    with open(os.path.join(work, 'corpus.jsonl'), 'w', encoding='utf-8') as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')
    json.dump({'name': 'newsmtsc-check', 'corpus': [{'path': 'corpus.jsonl'}], 'cache': 'cache.sqlite',
               'output': 'out', 'pipeline': 'pipeline.json'}, open(os.path.join(work, 'workspace.json'), 'w'))
    json.dump({'steps': [{'id': 'extract', 'stage': 'extract'}]}, open(os.path.join(work, 'pipeline.json'), 'w'))


def score(work, show):
    docs = [json.loads(l) for l in open(os.path.join(work, 'corpus.jsonl'), encoding='utf-8')]
    db = sqlite3.connect(os.path.join(work, 'cache.sqlite'))
    out = {}
    for doc_id, key in db.execute("select documentId, key from task where stepId='extract'"):
        row = db.execute('select output from result where key=?', (key,)).fetchone()
        if row:
            out[doc_id] = json.loads(row[0]).get('entities', [])
    found = other = missed = 0
    misses = []
    for d in docs:
        ents = out.get(d['id'], [])
        for start, end, mention in d['targets']:
            if not mention[:1].isupper() or mention.split()[0].lower() in ('i', 'he', 'she', 'they', 'we', 'his', 'her'):
                continue
            text_end = end
            for suffix in ("’s", "'s", "’", "'"):
                if mention.endswith(suffix):
                    text_end = end - len(suffix)
                    break
            hits = [e for e in ents if e['end'] == text_end and start <= e['start'] < text_end]
            if any(e['type'] == 'PER' for e in hits):
                found += 1
            elif hits:
                other += 1
                misses.append((d['text'], mention, hits[0]['type']))
            else:
                missed += 1
                misses.append((d['text'], mention, '-'))
    total = found + other + missed
    print(f'capitalised targets: {total}; as PER {found} ({found / total:.3f}), other type {other}, missed {missed}')
    for text, mention, what in misses[:show]:
        print(f'  [{what}] {mention!r} :: {text[:160]}')
    if show:
        print('--- predictions')
        for d in docs[:show]:
            print(d['text'][:200])
            print('    ', [(e['type'], e['text']) for e in out.get(d['id'], [])])


if sys.argv[1] == 'make':
    make(sys.argv[2], sys.argv[3])
else:
    n = int(sys.argv[sys.argv.index('--show') + 1]) if '--show' in sys.argv else 0
    score(sys.argv[2], n)
