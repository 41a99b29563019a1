"""Network analysis of the knowledge graph: who collaborates with whom, across which districts.

``build`` makes networkx graphs from SPARQL, ``metrics``/``communities``/``brokerage``/
``crossdistrict`` measure them (dicts keyed by node IRI), ``export`` writes GEXF 1.3,
GraphML, VOSviewer JSON and CSV, ``writeback`` stores results in ``{base}graph/analytics``,
``figure`` draws a static picture, ``cli`` is ``stikg network``.
"""

from __future__ import annotations

from stikg.graph.network.analysis import Analysis, analyse
from stikg.graph.network.build import NETWORKS, build_network

__all__ = ["NETWORKS", "Analysis", "analyse", "build_network"]
