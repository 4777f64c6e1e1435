#!/usr/bin/python3
"""Write a JSONL corpus of distinct articles, one {"id", "text"|"html", "source"} record a line.

The articles are built from the project's own fixtures (fixtures/*.txt): each record joins two
different paragraphs (three, once the pairs run out), so many thousands of records are distinct
while every figure in them is one the tests already know. Every 500th record is one of the
fixture HTML pages, so the html path runs too.
Ids are zero-padded (zf-000042), so sorting by id gives the corpus order.

    /usr/bin/python3 scripts/dask/make_corpus.py --records 3000 -o corpus.jsonl
"""
import argparse
import itertools
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]


def paragraphs(fixtures):
    out = []
    for path in sorted(fixtures.glob("*.txt")):
        for para in path.read_text(encoding="utf-8").splitlines():
            if para.strip():
                out.append((path.name, para.strip()))
    return out


def records(count, fixtures):
    paras = paragraphs(fixtures)
    pages = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(fixtures.glob("*.html"))]
    combos = itertools.chain(itertools.permutations(paras, 2), itertools.permutations(paras, 3))
    for i in range(count):
        rid = f"zf-{i:06d}"
        if pages and i % 500 == 499:
            name, html = pages[(i // 500) % len(pages)]
            yield {"id": rid, "html": html, "source": name}
            continue
        try:
            combo = next(combos)
        except StopIteration:
            sys.exit(f"make_corpus: the fixtures give fewer than {count} distinct records")
        yield {"id": rid, "text": "\n\n".join(p for _, p in combo), "source": "+".join(n for n, _ in combo)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=3000, help="how many records (default 3000)")
    parser.add_argument("--fixtures", default=str(ROOT / "fixtures"), help="the directory of articles to build from")
    parser.add_argument("-o", "--out", default="-", help="output file (default: stdout)")
    args = parser.parse_args()
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")
    with out:
        for rec in records(args.records, pathlib.Path(args.fixtures)):
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
