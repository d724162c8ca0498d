"""Pick 160 new corpus articles for entity annotation, split them, write one source file each."""
import json, random, pathlib
root = pathlib.Path('/work/annot')
gold = {json.loads(l)['doc_id'] for l in open('/work/main/tests/data/entities_gold.jsonl')}
picked = []
for name, n, lo, hi in (('fakedes2021_true', 60, 800, 3000), ('fakedes2019_true', 100, 800, 2600)):
    records = [json.loads(l) for l in open(f'/work/shared/corpus/{name}.jsonl')]
    seen, pool = set(), []
    for line, r in enumerate(records, 1):
        doc_id = f'{name}:{line}'
        key = r['text'][:300]
        if doc_id in gold or key in seen or not (lo <= len(r['text']) <= hi):
            continue
        seen.add(key)
        pool.append((doc_id, r))
    rng = random.Random(17)
    chosen = rng.sample(pool, n)
    # split before anyone reads them: test 5/16, dev 2/16, train the rest, per file
    k_test, k_dev = round(n * 5 / 16), round(n * 2 / 16)
    for i, (doc_id, r) in enumerate(chosen):
        split = 'test' if i < k_test else 'dev' if i < k_test + k_dev else 'train'
        picked.append({'doc_id': doc_id, 'split': split, 'source': r['source'], 'url': r['url'], 'title': r['title'], 'text': r['text']})
rng = random.Random(5)
rng.shuffle(picked)
(root / 'articles.jsonl').write_text(''.join(json.dumps(p, ensure_ascii=False) + '\n' for p in picked))
for b in range(4):
    src = root / f'batch{b+1}' / 'src'
    src.mkdir(parents=True, exist_ok=True)
    for p in picked[b * 40:(b + 1) * 40]:
        (src / (p['doc_id'].replace(':', '_') + '.txt')).write_text(p['text'])
import collections
print(collections.Counter(p['split'] for p in picked), sum(len(p['text']) for p in picked))
