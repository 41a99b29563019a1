"""Loader benchmark: extraction throughput (MB/s of text, one core) and store load rate.

Run on demand (not a test)::

    .venv/bin/python bench/loader_bench.py --mb 20

1. Generates a large corpus by rewriting the built-in documents: place names rotated
   over Suzhou's county-level divisions and numbers perturbed, so the extractors see
   realistic but not identical text (written to a temporary folder).
2. Times the whole pipeline from file to quads (read, segment, extract, build RDF)
   on one core and reports MB of UTF-8 text per second (target >= 2 MB/s).
3. Loads the same quads into a fresh store through ``LocalStore.replace_graphs`` and,
   in the same run, into another fresh store with a bare ``pyoxigraph`` ``bulk_extend``;
   reports both rates and their ratio (target >= 0.9x).
4. Times ``stikg build`` on the built-in corpus (target < 5 s).
Medians over ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from stikg.graph.store import LocalStore
from stikg.loaders.context import ExtractionContext
from stikg.loaders.extract import run_extractors
from stikg.loaders.pipeline import builtin_corpus
from stikg.loaders.readers import read_document

DISTRICTS = ["相城区", "吴江区", "吴中区", "姑苏区", "虎丘区", "太仓市", "昆山市", "常熟市", "张家港市"]


def generate_corpus(folder: Path, megabytes: float, seed: int = 7) -> list[Path]:
    """Write rewritten copies of the built-in documents until ``megabytes`` of text exist."""
    rng = random.Random(seed)
    sources = sorted(builtin_corpus().iterdir())
    texts = [p.read_text(encoding="utf-8") for p in sources if p.suffix in (".txt", ".md")]
    files, total, n = [], 0, 0
    district_pattern = re.compile("|".join(DISTRICTS))
    while total < megabytes * 1_000_000:
        base = texts[n % len(texts)]
        swap = dict(zip(DISTRICTS, rng.sample(DISTRICTS, len(DISTRICTS)), strict=True))
        text = district_pattern.sub(lambda m, s=swap: s[m.group()], base)
        text = re.sub(r"\d+(?:\.\d+)?", lambda m: _perturb(m.group(), rng), text)
        path = folder / f"gen_{n:05d}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(path)
        total += len(text.encode("utf-8"))
        n += 1
    return files


def _perturb(number: str, rng: random.Random) -> str:
    if len(number) == 4 and number.startswith("20"):
        return number  # keep years
    if "." in number:
        whole, frac = number.split(".")
        return f"{int(whole) + rng.randint(0, 3)}.{frac}"
    return str(int(number) + rng.randint(0, 9))


def extract_all(files: list[Path]) -> tuple[float, list[tuple[str, list[ox.Quad]]], int]:
    """Run the pipeline from file to quads; return seconds, quads per graph, text bytes."""
    ctx = ExtractionContext()
    graphs, size = [], 0
    started = time.perf_counter()
    for path in files:
        doc = read_document(path)
        size += len(doc.text.encode("utf-8"))
        builder = run_extractors(doc, ctx)
        graphs.append((builder.graph, list(builder.quads())))
    return time.perf_counter() - started, graphs, size


def load_rates(graphs: list[tuple[str, list[ox.Quad]]]) -> tuple[float, float]:
    """Seconds to load through LocalStore.replace_graph, and with a bare bulk_extend."""
    with tempfile.TemporaryDirectory() as d1, tempfile.TemporaryDirectory() as d2:
        store = LocalStore(Path(d1) / "s")
        started = time.perf_counter()
        batch: dict[str, list[ox.Quad]] = {}
        for graph, quads in graphs:  # as load_documents does: batches of ~1M quads
            batch[graph] = quads
            if sum(map(len, batch.values())) >= 1_000_000:
                store.replace_graphs(batch, exclusive=True)
                batch = {}
        store.replace_graphs(batch, exclusive=True)
        store.flush()
        ours = time.perf_counter() - started
        store.close()
        bare = ox.Store(str(Path(d2) / "s"))
        everything = [q for _, quads in graphs for q in quads]
        started = time.perf_counter()
        bare.bulk_extend(everything)
        bare.flush()
        return ours, time.perf_counter() - started


def build_time() -> float:
    with tempfile.TemporaryDirectory() as d:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "stikg", "build", "-q", "--store", str(Path(d) / "s")], check=True, stderr=subprocess.DEVNULL)
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=20.0, help="size of the generated corpus in MB of text")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        files = generate_corpus(Path(folder), args.mb)
        extract_runs, ours_runs, bare_runs, graphs, size = [], [], [], [], 0
        for _ in range(args.repeat):
            seconds, graphs, size = extract_all(files)
            extract_runs.append(seconds)
        quads = sum(len(q) for _, q in graphs)
        for _ in range(args.repeat):
            ours, bare = load_rates(graphs)
            ours_runs.append(ours)
            bare_runs.append(bare)
    builds = [build_time() for _ in range(args.repeat)]
    mb = size / 1e6
    t_extract, t_ours, t_bare = (statistics.median(r) for r in (extract_runs, ours_runs, bare_runs))
    print(f"corpus: {len(files)} files, {mb:.1f} MB of text, {quads} quads")
    print(f"extraction (file -> quads, one core): median {t_extract:.2f} s = {mb / t_extract:.2f} MB/s (target >= 2)")
    print(f"load via LocalStore.replace_graphs:median {t_ours:.2f} s = {quads / t_ours:,.0f} quads/s")
    print(f"bare pyoxigraph bulk_extend:       median {t_bare:.2f} s = {quads / t_bare:,.0f} quads/s")
    print(f"load rate ratio (ours / bare): {t_bare / t_ours:.2f}x (target >= 0.9)")
    print(f"stikg build on the built-in corpus: median {statistics.median(builds):.2f} s (target < 5)")


if __name__ == "__main__":
    main()
