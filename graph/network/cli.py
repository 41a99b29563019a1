"""``stikg network``: network analysis from the command line (tables on stdout).

Errors are ``stikg.errors`` classes, so ``stikg.cli.main`` prints one line and exits
non-zero (2 for a bad network, metric or format name, or an empty network).
"""

from __future__ import annotations

import datetime as dt
import sys
import unicodedata
from pathlib import Path
from typing import Any

import click

from stikg.config import default_store_location
from stikg.errors import UsageError

__all__ = ["network"]

_NETWORK_NAMES = ("collaboration", "region-region", "institution-comention", "region-industry", "two-mode")
store_option = click.option(
    "--store", "store_location", default=default_store_location, show_default="var/store or $STIKG_STORE",
    help="Store folder, or the http(s):// URL of a SPARQL store.",
)
network_option = click.option(
    "--network", "name", default="collaboration", show_default=True, metavar="|".join(_NETWORK_NAMES),
    help="Which network to analyse.",
)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4f}"
    if isinstance(value, list | tuple | set):
        return "、".join(map(str, value))
    return "" if value is None else str(value)


def _table(rows: list[dict[str, Any]], columns: list[str]) -> str:
    """A plain text table, aligned for Chinese (double-width) characters."""
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    widths = [max([_width(c), *(_width(row[i]) for row in cells)]) for i, c in enumerate(columns)]
    pad = lambda text, w: text + " " * (w - _width(text))  # noqa: E731
    lines = ["  ".join(pad(c, w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    lines += ["  ".join(pad(x, w) for x, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    return "\n".join(lines)


def _load(store_location: str, name: str, *, need_nodes: bool = True):
    """Open the store read-only, build the network, close the store."""
    from stikg.graph.network.analysis import require_nodes
    from stikg.graph.network.build import build_network
    from stikg.graph.store import open_store

    store = open_store(store_location, read_only=True)
    try:
        graph = build_network(store, name)
    finally:
        store.close()
    if need_nodes:
        require_nodes(graph, name)
    return graph


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def network() -> None:
    """Network analysis: collaboration, region and industry networks.

    \b
    Example:
      stikg network summary
      stikg network metrics --metric betweenness --top 20
      stikg network export --format gexf --output net.gexf
    """


@network.command()
@store_option
def summary(store_location: str) -> None:
    """Size, components, communities and E-I index of every network.

    \b
    Example:
      stikg network summary --store var/store
    """
    from stikg.graph.network.analysis import analyse

    rows = []
    for name in _NETWORK_NAMES:
        graph = _load(store_location, name, need_nodes=False)
        rows.append(analyse(graph).summary if graph.number_of_nodes() else {"network": name, "nodes": 0, "edges": 0})
    columns = ["network", "nodes", "edges", "components", "density", "communities", "modularity",
               "district_modularity", "nmi", "ari", "overall_ei"]
    click.echo(_table(rows, columns))


@network.command()
@store_option
@network_option
@click.option("--metric", default="degree", show_default=True,
              help="degree|weighted-degree|betweenness|pagerank|eigenvector|clustering|component|community")
@click.option("--top", default=20, show_default=True, type=click.IntRange(min=1))
def metrics(store_location: str, name: str, metric: str, top: int) -> None:
    """The nodes ranked by one metric.

    \b
    Example:
      stikg network metrics --network collaboration --metric betweenness --top 20
    """
    from stikg.graph.network.communities import louvain
    from stikg.graph.network.metrics import METRICS, compute_metric

    if metric not in (*METRICS, "community"):
        raise UsageError(f"unknown metric {metric!r}; choose one of {', '.join([*METRICS, 'community'])}")
    graph = _load(store_location, name)
    values = louvain(graph) if metric == "community" else compute_metric(graph, metric)
    ranked = sorted(values, key=lambda n: (-values[n], str(n)))[:top]
    rows = [{"rank": i, metric: values[n], "label": graph.nodes[n]["label"], "type": graph.nodes[n]["type"],
             "district": graph.nodes[n]["district_label"], "iri": n} for i, n in enumerate(ranked, start=1)]
    click.echo(_table(rows, ["rank", metric, "label", "type", "district", "iri"]))


@network.command("cross-district")
@store_option
@network_option
def cross_district(store_location: str, name: str) -> None:
    """Share of cross-district ties and Krackhardt E-I index per district.

    \b
    Example:
      stikg network cross-district --network collaboration
    """
    from stikg.graph.network.crossdistrict import cross_district_summary

    graph = _load(store_location, name)
    result = cross_district_summary(graph)
    labels = {d: lab for _, d, lab in ((n, a.get("district"), a.get("district_label")) for n, a in graph.nodes(data=True)) if d}
    members: dict[str, int] = {}
    for _, d in graph.nodes(data="district"):
        if d:
            members[d] = members.get(d, 0) + 1
    rows = [{"district": labels.get(d, d), "members": members.get(d, 0), "internal": result["internal"].get(d, 0),
             "external": result["external"].get(d, 0), "cross_share": result["share"][d], "ei_index": ei}
            for d, ei in result["ei"].items()]
    click.echo(_table(rows, ["district", "members", "internal", "external", "cross_share", "ei_index"]))
    click.echo(f"overall E-I index {result['overall_ei']:.4f} over {result['ties_counted']} ties "
               f"({result['ties_left_out']} ties with an end of unknown district left out)")


@network.command()
@store_option
def regions(store_location: str) -> None:
    """Which regions are tied to which, through which institutions and statements.

    \b
    Example:
      stikg network regions
    """
    graph = _load(store_location, "region-region")
    rows = [{"region": graph.nodes[a]["label"], "other": graph.nodes[b]["label"], "shared": d["shared"],
             "collaborations": d["collaborations"], "institutions": d["institution_labels"]}
            for a, b, d in sorted(graph.edges(data=True), key=lambda e: -e[2]["weight"])]
    click.echo(_table(rows, ["region", "other", "shared", "collaborations", "institutions"]))


@network.command()
@store_option
@network_option
@click.option("--top", default=20, show_default=True, type=click.IntRange(min=1))
def brokers(store_location: str, name: str, top: int) -> None:
    """Gould-Fernandez brokerage roles by district, busiest brokers first.

    \b
    Example:
      stikg network brokers --top 10
    """
    from stikg.graph.network.brokerage import ROLES, brokerage, main_role

    graph = _load(store_location, name)
    roles = brokerage(graph, "district")
    ranked = sorted(roles, key=lambda n: (-sum(roles[n].values()), str(n)))[:top]
    rows = [{"label": graph.nodes[n]["label"], "district": graph.nodes[n]["district_label"], **roles[n],
             "role": main_role(roles[n]) or "-"} for n in ranked]
    click.echo(_table(rows, ["label", "district", *ROLES, "role"]))


@network.command()
@store_option
def write(store_location: str) -> None:
    """Analyse every non-empty network and replace the graph {base}graph/analytics.

    \b
    Example:
      stikg network write && stikg query queries/network-metrics.rq
    """
    from stikg.graph.network.analysis import analyse
    from stikg.graph.network.build import build_network
    from stikg.graph.network.view import read_view
    from stikg.graph.network.writeback import analytics_graph_iri, write_analytics
    from stikg.graph.store import open_store

    started = dt.datetime.now(dt.UTC)
    store = open_store(store_location)
    try:
        view = read_view(store)
        graphs = [build_network(view, name) for name in _NETWORK_NAMES]
        analyses = [analyse(g) for g in graphs if g.number_of_nodes()]
        count = write_analytics(store, analyses, started)
    finally:
        store.close()
    click.echo(f"wrote {count} triples for {len(analyses)} network(s) to {analytics_graph_iri()}", err=True)


def _annotated(store_location: str, name: str):
    from stikg.graph.network.analysis import analyse

    graph = _load(store_location, name)
    for node, values in analyse(graph).nodes.items():
        graph.nodes[node].update(values)
    return graph


@network.command()
@store_option
@network_option
@click.option("--format", "fmt", required=True, type=click.Choice(["gexf", "graphml", "vosviewer", "csv"]))
@click.option("--output", required=True, type=click.Path(path_type=Path),
              help="File to write; csv writes FILE-nodes.csv and FILE-edges.csv.")
def export(store_location: str, name: str, fmt: str, output: Path) -> None:
    """Export a network (with its metrics) for Gephi, Cytoscape, VOSviewer or a spreadsheet.

    \b
    Example:
      stikg network export --format gexf --output net.gexf
      stikg network export --network region-region --format csv --output regions.csv
    """
    from stikg.graph.network.export import export as export_files

    files = export_files(_annotated(store_location, name), fmt)
    if not output.parent.exists():
        raise UsageError(f"cannot write {output}: folder {output.parent} does not exist")
    for suffix, data in files.items():
        target = output if len(files) == 1 else output.with_name(f"{output.stem}-{suffix}")
        target.write_bytes(data)
        click.echo(f"wrote {target}", err=True)


@network.command()
@store_option
@network_option
@click.option("--output", required=True, type=click.Path(path_type=Path), help="A .png or .svg file.")
@click.option("--color", "color_by", default="district", type=click.Choice(["district", "community", "type"]))
@click.option("--size", "size_by", default="betweenness", help="Metric that sizes the nodes.")
def figure(store_location: str, name: str, output: Path, color_by: str, size_by: str) -> None:
    """Draw a network to a PNG or SVG file for reports.

    \b
    Example:
      stikg network figure --output net.png --color community --size pagerank
    """
    from stikg.graph.network.figure import draw_network

    graph = _annotated(store_location, name)
    if size_by not in next(iter(graph.nodes.values())):
        raise UsageError(f"unknown metric {size_by!r} for --size")
    draw_network(graph, output, color_by=color_by, size_by={n: float(d[size_by]) for n, d in graph.nodes(data=True)})
    click.echo(f"wrote {output}", err=True)
    sys.stdout.flush()
