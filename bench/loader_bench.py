"""Loader benchmark: extraction throughput (MB/s of text, one core) and store load rate.

Run on demand (not a test)::

    .venv/bin/python bench/loader_bench.py --mb 5 --repeat 3 [--stages]

1. Generates a large corpus by rewriting the built-in documents: place names rotated
   over Suzhou's county-level divisions and numbers perturbed, so the extractors see
   realistic but not identical text (written to a temporary folder).
2. Times the whole pipeline from file to quads (read, segment, extract, build RDF) as
   ``load_documents`` runs it (``extract_file`` under ``few_collections``), after one
   warm-up pass over three files; reports MB of UTF-8 text per second of CPU time
   (``time.process_time``: the machine is shared, wall time is noisy) and of wall time
   (target >= 2 MB/s). ``--stages`` adds CPU time per stage and extractor.
3. Loads the same quads into a fresh store through ``LocalStore.write_graphs`` (one bulk
   load over the stream of graphs, as ``load_documents`` does) and, in the same run, into
   another fresh store with a bare ``pyoxigraph`` ``bulk_extend`` of all of them;
   reports both rates and their ratio (target >= 0.9x).
4. Times ``load_documents`` end to end on the same files into a fresh store (wall time:
   extraction on this thread, the store writing in its own threads meanwhile).
5. Times ``stikg build`` on the built-in corpus (target < 5 s).
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
from stikg.loaders.extract import EXTRACTORS
from stikg.loaders.pipeline import builtin_corpus, extract_file, few_collections, load_documents
from stikg.loaders.rdf import GraphBuilder
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


def extract_all(files: list[Path]) -> tuple[float, float, list[tuple[str, list[ox.Quad]]]]:
    """Run the pipeline from file to quads as ``load_documents`` does; return wall and CPU seconds, quads per graph."""
    ctx = ExtractionContext()
    graphs = []
    started, cpu = time.perf_counter(), time.process_time()
    with few_collections() as keep:
        for path in files:
            graphs.append(extract_file(path, ctx))
            keep()
    return time.perf_counter() - started, time.process_time() - cpu, graphs


def text_bytes(files: list[Path]) -> int:
    """Bytes of text as the extractors see it (UTF-8 of the normalised text)."""
    return sum(len(read_document(path).text.encode("utf-8")) for path in files)


def load_rates(graphs: list[tuple[str, list[ox.Quad]]], *, bare_first: bool = False) -> tuple[float, float]:
    """Seconds to load through LocalStore.write_graphs, and with a bare bulk_extend (each into a fresh store)."""
    _load_bare(graphs[:20])  # the first store a process opens loads ~20 % slower: not either side's cost
    runs = [_load_bare, _load_ours] if bare_first else [_load_ours, _load_bare]
    seconds = {run: run(graphs) for run in runs}
    return seconds[_load_ours], seconds[_load_bare]


def _load_ours(graphs: list[tuple[str, list[ox.Quad]]]) -> float:
    with tempfile.TemporaryDirectory() as folder:
        store = LocalStore(Path(folder) / "s")
        started = time.perf_counter()
        store.write_graphs(iter(graphs), exclusive=True)  # as load_documents does, one graph at a time
        store.flush()
        seconds = time.perf_counter() - started
        store.close()
        return seconds


def _load_bare(graphs: list[tuple[str, list[ox.Quad]]]) -> float:
    with tempfile.TemporaryDirectory() as folder:
        bare = ox.Store(str(Path(folder) / "s"))
        everything = [q for _, quads in graphs for q in quads]
        started = time.perf_counter()
        bare.bulk_extend(everything)
        bare.flush()
        return time.perf_counter() - started


def end_to_end(files: list[Path]) -> float:
    """Wall seconds of ``load_documents`` from the files into a fresh store."""
    with tempfile.TemporaryDirectory() as folder:
        store = LocalStore(Path(folder) / "s")
        started = time.perf_counter()
        report = load_documents(store, files)
        store.flush()
        seconds = time.perf_counter() - started
        store.close()
        assert report.ok, report.failed
        return seconds


def build_time() -> float:
    with tempfile.TemporaryDirectory() as d:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "stikg", "build", "-q", "--store", str(Path(d) / "s")], check=True, stderr=subprocess.DEVNULL)
        return time.perf_counter() - started


def stage_times(files: list[Path]) -> dict[str, float]:
    """CPU seconds per stage (reading, each extractor, making quads), to see where the time goes."""
    ctx, times = ExtractionContext(), {"read + segment": 0.0}
    with few_collections():
        for path in files:
            cpu = time.process_time()
            doc = read_document(path)
            times["read + segment"] += time.process_time() - cpu
            out = GraphBuilder(doc)
            ctx.start_document(doc)
            for extract in EXTRACTORS:
                cpu = time.process_time()
                extract(doc, ctx, out)
                name = f"extract.{extract.__module__.rsplit('.', 1)[-1]}"
                times[name] = times.get(name, 0.0) + time.process_time() - cpu
            cpu = time.process_time()
            out.quads()
            times["quads"] = times.get("quads", 0.0) + time.process_time() - cpu
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=20.0, help="size of the generated corpus in MB of text")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--stages", action="store_true", help="also report CPU time per stage and extractor")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        files = generate_corpus(Path(folder), args.mb)
        mb = text_bytes(files) / 1e6
        extract_all(files[:3])  # warm: reference data, regexes, caches of the first documents
        runs, graphs = [], []
        for _ in range(args.repeat):
            graphs = []  # free the previous run's quads first (load_documents keeps none: it streams them to the store)
            wall, cpu, graphs = extract_all(files)
            runs.append((wall, cpu))
        quads = sum(len(q) for _, q in graphs)
        t_wall, t_cpu = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
        print(f"corpus: {len(files)} files, {mb:.1f} MB of text, {quads} quads")
        print(f"extraction (file -> quads, one core): median CPU {t_cpu:.2f} s = {mb / t_cpu:.2f} MB/s, "
              f"wall {t_wall:.2f} s = {mb / t_wall:.2f} MB/s (target >= 2)")
        if args.stages:
            for stage, seconds in stage_times(files).items():
                print(f"  {stage:24s} {seconds:6.2f} s CPU = {mb / seconds:7.1f} MB/s")
        del runs
        loads = [load_rates(graphs, bare_first=i % 2 == 1) for i in range(args.repeat)]  # alternate the order
        del graphs
        ends = [end_to_end(files) for _ in range(args.repeat)]
    t_ours, t_bare = statistics.median(r[0] for r in loads), statistics.median(r[1] for r in loads)
    print(f"load via LocalStore.write_graphs:   median {t_ours:.2f} s = {quads / t_ours:,.0f} quads/s")
    print(f"bare pyoxigraph bulk_extend:        median {t_bare:.2f} s = {quads / t_bare:,.0f} quads/s")
    print(f"load rate ratio (ours / bare): {t_bare / t_ours:.2f}x (target >= 0.9)")
    end = statistics.median(ends)
    print(f"load_documents end to end (file -> store): median {end:.2f} s wall = {mb / end:.2f} MB/s")
    builds = [build_time() for _ in range(args.repeat)]
    print(f"stikg build on the built-in corpus: median {statistics.median(builds):.2f} s wall (target < 5)")


if __name__ == "__main__":
    main()
