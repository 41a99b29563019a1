"""Throughput of the institutions and collaborations extractors inside the real extractor order.

Run on demand: ``.venv/bin/python bench/bench_orgs.py [copies]`` — the built-in corpus is
repeated ``copies`` times (each copy a distinct text, so whole-text caches are not shared) after
one untimed warm-up pass, and every extractor is timed; prints MB/s (UTF-8 bytes of text) per extractor and overall.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict

from stikg.loaders.context import ExtractionContext
from stikg.loaders.document import Document
from stikg.loaders.extract import EXTRACTORS
from stikg.loaders.pipeline import builtin_corpus
from stikg.loaders.rdf import GraphBuilder
from stikg.loaders.readers import read_document
from stikg.loaders.segment import segment


def main(copies: int = 5) -> None:
    base = [read_document(p) for p in sorted(builtin_corpus().glob("*.txt"))]
    docs = [
        segment(Document(source=f"{i}-{d.source}", text=d.text + "\n" * (i + 1))) for i in range(copies) for d in base
    ]
    size = sum(len(d.text.encode("utf-8")) for d in docs)
    spent: dict[str, float] = defaultdict(float)
    ctx = ExtractionContext()
    for doc in base:  # warm-up, untimed: gazetteers, compiled patterns, the pinyin dictionary
        ctx.start_document(doc)
        out = GraphBuilder(doc)
        for extract in EXTRACTORS:
            extract(doc, ctx, out)
    for doc in docs:
        out = GraphBuilder(doc)
        ctx.start_document(doc)
        for extract in EXTRACTORS:
            t = time.perf_counter()
            extract(doc, ctx, out)
            spent[extract.__module__.rsplit(".", 1)[-1]] += time.perf_counter() - t
    total = sum(spent.values())
    for name, seconds in spent.items():
        print(f"{name:15s} {seconds:7.3f}s  {size / seconds / 1e6:8.1f} MB/s")
    print(f"{'all extractors':15s} {total:7.3f}s  {size / total / 1e6:8.1f} MB/s  ({size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
