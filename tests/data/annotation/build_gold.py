"""Assemble the entity gold: the first 32 articles (re-checked) + the 160 read twice and adjudicated."""
import json, sys, pathlib
sys.path.insert(0, '/work/annot')
from check import spans as mark_spans
from compare import read_spans, clusters

root = pathlib.Path('/work/annot')
meta = {json.loads(l)['doc_id']: json.loads(l) for l in open(root / 'articles.jsonl')}
dis = json.load(open(root / 'disagreements.json'))
adj = json.load(open(root / 'adjudication.json'))
assert [a['index'] for a in adj] == list(range(len(dis)))
decided = {}
for item, a in zip(dis, adj):
    if a['decision'] == 'A': spans = item['A_spans']
    elif a['decision'] == 'B': spans = item['B_spans']
    elif a['decision'] == 'neither': spans = []
    else:
        plain, found = mark_spans(a['marked'])
        src = (root / item['batch'] / 'src' / item['file']).read_text()
        assert plain == src[item['lo']:item['hi']], (item, a)
        spans = [(item['lo'] + s, item['lo'] + e, l) for s, e, t, l in found]
    decided[(item['file'], item['lo'])] = [tuple(x) for x in spans]
records, readers = [], []
revised = root / 'old' / 'revised'
for r in [json.loads(l) for l in open(root / 'old_gold.jsonl')]:
    name = r['doc_id'].replace(':', '_') + '.txt'
    src = (root / 'old' / 'src' / name).read_text()
    path = revised / name if (revised / name).exists() else root / 'old' / 'current' / name
    plain, found = mark_spans(path.read_text())
    assert plain == src
    ents = [{'start': s, 'end': e, 'text': t, 'label': l} for s, e, t, l in found]
    records.append({'doc_id': r['doc_id'], 'split': 'train', 'source': r['source'], 'url': r['url'], 'text': src, 'entities': ents})
for batch in sorted(root.glob('batch*')):
    for path in sorted((batch / 'src').glob('*.txt')):
        src, a = read_spans(batch, 'readerA', path.name)
        _, b = read_spans(batch, 'readerB', path.name)
        final = set()
        for g in clusters(a, b):
            sa = sorted((s, e, l) for s, e, l, rd in g if rd == 'A')
            sb = sorted((s, e, l) for s, e, l, rd in g if rd == 'B')
            if sa == sb: final.update(sa)
            else: final.update(decided[(path.name, min(x[0] for x in g))])
        doc_id = path.stem.replace('_true_', '_true:')
        m = meta[doc_id]
        ents = [{'start': s, 'end': e, 'text': src[s:e], 'label': l} for s, e, l in sorted(final)]
        records.append({'doc_id': doc_id, 'split': m['split'], 'source': m['source'], 'url': m['url'], 'text': src, 'entities': ents})
        readers.append({'doc_id': doc_id, 'reader_a': sorted(a), 'reader_b': sorted(b)})
order = {'train': 0, 'dev': 1, 'test': 2}
records.sort(key=lambda r: (order[r['split']], r['doc_id']))
out = pathlib.Path('/work/main/tests/data')
(out / 'entities_gold.jsonl').write_text(''.join(json.dumps(r, ensure_ascii=False) + '\n' for r in records))
readers.sort(key=lambda r: r['doc_id'])
(out / 'entities_gold_readers.jsonl').write_text(''.join(json.dumps(r, ensure_ascii=False) + '\n' for r in readers))
import collections
print(collections.Counter(r['split'] for r in records), sum(len(r['entities']) for r in records))
for sp in order: print(sp, collections.Counter(e['label'] for r in records if r['split']==sp for e in r['entities']))
