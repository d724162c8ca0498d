#!/usr/bin/env python3
"""Check annotated files against their sources and print the spans found.

usage: python3 /work/annot/check.py <batch dir> <reader dir name> [file name ...]

Each annotated file <batch>/<reader>/<name>.txt must be its source <batch>/src/<name>.txt with
entities marked as [[surface text|LABEL]]; removing the marks must give back the source exactly.
"""
import re, sys, pathlib
MARK = re.compile(r"\[\[(.+?)\|(PER|ORG|LOC|MISC)\]\]", re.S)
LABELS = {"PER", "ORG", "LOC", "MISC"}

def spans(marked):
    out, plain, pos = [], [], 0
    for m in MARK.finditer(marked):
        plain.append(marked[pos:m.start()])
        start = sum(map(len, plain))
        plain.append(m.group(1))
        out.append((start, start + len(m.group(1)), m.group(1), m.group(2)))
        pos = m.end()
    plain.append(marked[pos:])
    return "".join(plain), out

def main():
    batch = pathlib.Path(sys.argv[1]); reader = batch / sys.argv[2]
    names = sys.argv[3:] or sorted(p.name for p in (batch / "src").glob("*.txt"))
    bad = 0
    for name in names:
        src = (batch / "src" / name).read_text()
        path = reader / name
        if not path.exists():
            print(f"MISSING {name}"); bad += 1; continue
        marked = path.read_text()
        plain, found = spans(marked)
        leftovers = [m for m in re.finditer(r"\[\[|\]\]", MARK.sub("", marked))]
        problems = []
        if leftovers:
            problems.append(f"malformed mark near: {MARK.sub('', marked)[max(0, leftovers[0].start()-40):leftovers[0].start()+40]!r} (labels must be PER, ORG, LOC or MISC)")
        if plain != src:
            i = next((i for i, (a, b) in enumerate(zip(plain, src)) if a != b), min(len(plain), len(src)))
            problems.append(f"text differs from source at char {i}: source {src[max(0,i-30):i+30]!r} vs yours {plain[max(0,i-30):i+30]!r}")
        for s, e, t, l in found:
            if t != t.strip() or t[-1:] in ",;:)»\"'" or t[:1] in "(«\"'":
                problems.append(f"span with outer space/punctuation: {t!r}")
        if problems:
            bad += 1
            print(f"PROBLEM {name}:"); [print("   ", p) for p in problems]
        else:
            print(f"ok {name}: {len(found)} entities")
    print(f"{len(names) - bad} ok, {bad} with problems")
    sys.exit(1 if bad else 0)

if __name__ == "__main__":
    main()
