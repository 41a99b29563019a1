"""Benchmark: the whole network analysis on a generated graph, next to igraph alone.

Run on demand (not in tests)::

    .venv/bin/python bench/network/bench_network.py                       # 100k institutions, 1M ties
    .venv/bin/python bench/network/bench_network.py --nodes 20000 --ties 200000

The graph: institutions spread over 20 districts, 70 % of ties inside a district, weights
1-3. Each side runs in its own child process (so peak memory is its own, ``ru_maxrss``):

- ``stikg``: builds the ``nx.Graph`` and runs :func:`stikg.graph.network.analyse` (degree,
  weighted degree, betweenness sampled from ``k`` sources, PageRank, eigenvector,
  clustering, components, Louvain, modularity vs districts, NMI/ARI, bridges,
  articulation points, brokerage roles, E-I index and cross-district shares);
- ``igraph``: builds an ``ig.Graph`` from the same edge list and computes the metrics igraph
  has (the same sampled betweenness, PageRank, eigenvector, clustering, components,
  multilevel, modularity, bridges, articulation points).

Measured once (2 shared cores, other jobs running; betweenness from 64 sources):

=====================  ==========  ===========  ==========  =============
100k nodes, 1M ties    build (s)   analyse (s)  total (s)   peak RSS (MB)
=====================  ==========  ===========  ==========  =============
igraph alone           1.2         20.1         21.3        410
stikg                  9.9         26.9         36.8        1065
=====================  ==========  ===========  ==========  =============

The analysis is 1.34x igraph alone; building the ``nx.Graph`` itself (networkx's dicts)
is what takes the total to 1.7x. At 10k nodes / 100k ties: 0.9 s vs 0.6 s.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import resource
import time

SAMPLES = 64


def generate(nodes: int, ties: int, seed: int = 1) -> tuple[list[tuple[int, int, int]], list[int]]:
    rng = random.Random(seed)
    districts = [rng.randrange(20) for _ in range(nodes)]
    members: dict[int, list[int]] = {}
    for n, d in enumerate(districts):
        members.setdefault(d, []).append(n)
    edges: set[tuple[int, int]] = set()
    while len(edges) < ties:
        u = rng.randrange(nodes)
        v = rng.choice(members[districts[u]]) if rng.random() < 0.7 else rng.randrange(nodes)
        if u != v:
            edges.add((min(u, v), max(u, v)))
    return [(u, v, rng.randint(1, 3)) for u, v in sorted(edges)], districts


def run_stikg(nodes: int, ties: int, queue: mp.Queue) -> None:
    import networkx as nx

    from stikg.graph.network.analysis import analyse

    edges, districts = generate(nodes, ties)
    started = time.perf_counter()
    graph = nx.Graph(name="bench")
    graph.add_nodes_from((f"n{i}", {"district": f"d{d}"}) for i, d in enumerate(districts))
    graph.add_weighted_edges_from((f"n{u}", f"n{v}", w) for u, v, w in edges)
    built = time.perf_counter()
    result = analyse(graph, betweenness_samples=SAMPLES)
    done = time.perf_counter()
    queue.put({"side": "stikg (networkx graph + igraph kernels)", "build_s": built - started, "analyse_s": done - built,
               "total_s": done - started, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
               "communities": result.summary["communities"], "overall_ei": round(result.summary["overall_ei"], 4)})


def run_igraph(nodes: int, ties: int, queue: mp.Queue) -> None:
    import igraph as ig

    edges, districts = generate(nodes, ties)
    started = time.perf_counter()
    g = ig.Graph(n=nodes, edges=[(u, v) for u, v, _ in edges])
    g.es["weight"] = [w for *_, w in edges]
    built = time.perf_counter()
    g.degree()
    g.strength(weights="weight")
    sources = random.Random(42).sample(range(nodes), min(SAMPLES, nodes))
    g.betweenness(sources=sources)
    g.pagerank(weights="weight")
    g.eigenvector_centrality(weights="weight")
    g.transitivity_local_undirected(mode="zero")
    g.connected_components()
    parts = g.community_multilevel(weights="weight")
    g.modularity(parts.membership, weights="weight")
    g.modularity(districts, weights="weight")
    g.bridges()
    g.articulation_points()
    done = time.perf_counter()
    queue.put({"side": "igraph alone", "build_s": built - started, "analyse_s": done - built, "total_s": done - started,
               "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "communities": len(parts)})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--ties", type=int, default=1_000_000)
    args = parser.parse_args()
    ctx = mp.get_context("spawn")
    results = []
    for target in (run_igraph, run_stikg):
        queue = ctx.Queue()
        proc = ctx.Process(target=target, args=(args.nodes, args.ties, queue))
        proc.start()
        results.append(queue.get())
        proc.join()
    for row in results:
        print(json.dumps({"nodes": args.nodes, "ties": args.ties, **{k: round(v, 2) if isinstance(v, float) else v
                                                                     for k, v in row.items()}}, ensure_ascii=False))
    ratio = results[1]["analyse_s"] / results[0]["analyse_s"]
    print(f"analysis time stikg / igraph alone: {ratio:.2f}x (graph construction excluded); "
          f"total incl. building the graph: {results[1]['total_s'] / results[0]['total_s']:.2f}x")


if __name__ == "__main__":
    main()
