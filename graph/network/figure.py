"""A static figure of a network for reports (matplotlib, Agg backend, PNG or SVG by suffix).

Nodes are coloured by district (or community) and sized by a centrality; the
largest nodes are labelled. Labels are Chinese when a CJK font is installed
(Noto CJK, WenQuanYi, Source Han ...), pinyin otherwise, so no glyph goes missing.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import networkx as nx
from matplotlib import font_manager

from stikg.errors import UsageError
from stikg.graph.iris import pinyin_label

__all__ = ["draw_network"]

CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
             "Droid Sans Fallback", "SimHei", "Microsoft YaHei", "PingFang SC")


def _cjk_font() -> str | None:
    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def _colours(graph: nx.Graph, attr: str) -> list:
    keys = sorted({str(graph.nodes[n].get(attr)) for n in graph})
    cmap = plt.get_cmap("tab20")
    index = {k: i for i, k in enumerate(keys)}
    return [cmap(index[str(graph.nodes[n].get(attr))] % 20) for n in graph]


def draw_network(
    graph: nx.Graph,
    output: str | Path,
    *,
    color_by: str = "district",
    size_by: dict | None = None,
    labels: int = 15,
    seed: int = 42,
) -> Path:
    """Draw ``graph`` to ``output`` (.png or .svg); ``size_by`` maps node -> centrality.

    Examples
    --------
    >>> import networkx as nx, tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "g.png"
    >>> draw_network(nx.path_graph(["a", "b", "c"]), out).stat().st_size > 1000
    True
    """
    output = Path(output)
    if output.suffix.lower() not in (".png", ".svg"):
        raise UsageError(f"figure {output}: give a .png or .svg file name")
    if graph.number_of_nodes() == 0:
        raise UsageError("cannot draw an empty network")
    font = _cjk_font()
    size_by = size_by or dict(graph.degree())
    top = max(size_by.values(), default=0) or 1
    sizes = [60 + 900 * (size_by.get(n, 0) / top) for n in graph]
    layout = nx.spring_layout(graph, seed=seed, weight="weight")
    fig, ax = plt.subplots(figsize=(10, 8), dpi=120)
    nx.draw_networkx_edges(graph, layout, ax=ax, alpha=0.3, width=[0.5 + (w or 1) ** 0.5 for *_, w in graph.edges(data="weight")])
    nx.draw_networkx_nodes(graph, layout, ax=ax, node_size=sizes, node_color=_colours(graph, color_by), linewidths=0.5, edgecolors="white")
    chosen = sorted(graph, key=lambda n: -size_by.get(n, 0))[:labels]
    names = {n: str(graph.nodes[n].get("label", n)) for n in chosen}
    if font is None:
        names = {n: pinyin_label(name) for n, name in names.items()}
    nx.draw_networkx_labels(graph, layout, labels=names, ax=ax, font_size=8, font_family=font or "DejaVu Sans")
    ax.set_title(f"{graph.graph.get('name', 'network')}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} ties; colour = {color_by}")
    ax.set_axis_off()
    fig.tight_layout()
    fig.savefig(output)
    plt.close(fig)
    return output
