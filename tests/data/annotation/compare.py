"""Agreement between two readers and the list of disagreements to adjudicate."""
import json, sys, pathlib
sys.path.insert(0, '/work/annot')
from check import spans as mark_spans

def read_spans(batch, reader, name):
    src = (batch / 'src' / name).read_text()
    plain, found = mark_spans((batch / reader / name).read_text())
    assert plain == src, name
    out = set()
    for s, e, t, l in found:
        while t.startswith('['):      # `[[[Gabriel de Anda|PER]]]`: a source bracket before the name
            s, t = s + 1, t[1:]
        out.add((s, e, l))
    return src, out

def clusters(a, b):
    items = sorted([(s, e, l, 'A') for s, e, l in a] + [(s, e, l, 'B') for s, e, l in b])
    groups, cur, end = [], [], -1
    for it in items:
        if cur and it[0] >= end:
            groups.append(cur); cur = []
        cur.append(it); end = max(end, it[1]) if len(cur) > 1 else it[1]
    if cur: groups.append(cur)
    return groups

def main():
    tp = fa = fb = 0
    allitems = []
    for batch in sorted(pathlib.Path('/work/annot').glob('batch*')):
        for path in sorted((batch / 'src').glob('*.txt')):
            src, a = read_spans(batch, 'readerA', path.name)
            _, b = read_spans(batch, 'readerB', path.name)
            tp += len(a & b); fa += len(a - b); fb += len(b - a)
            for g in clusters(a, b):
                sa = sorted((s, e, l) for s, e, l, r in g if r == 'A')
                sb = sorted((s, e, l) for s, e, l, r in g if r == 'B')
                if sa != sb:
                    lo, hi = min(x[0] for x in g), max(x[1] for x in g)
                    allitems.append({'batch': batch.name, 'file': path.name, 'lo': lo, 'hi': hi,
                        'context': src[max(0, lo - 150):lo] + '⟪' + src[lo:hi] + '⟫' + src[hi:hi + 150],
                        'A': [f'{src[s:e]}|{l}' for s, e, l in sa], 'B': [f'{src[s:e]}|{l}' for s, e, l in sb],
                        'A_spans': sa, 'B_spans': sb})
    p, r = tp / (tp + fb), tp / (tp + fa)
    print(f'agreement (A vs B, exact span+label): F1 {2*p*r/(p+r):.3f}; both {tp}, only A {fa}, only B {fb}; {len(allitems)} disagreements')
    json.dump(allitems, open('/work/annot/disagreements.json', 'w'), ensure_ascii=False, indent=0)

if __name__ == '__main__':
    main()
