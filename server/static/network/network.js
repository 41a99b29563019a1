/* The /network page: fetches /api/network/<name>, draws it with cytoscape.js,
   colours nodes by district or community, sizes them by a centrality, filters by
   district / institution type / industry, and shows a clicked node's ties with quotes. */
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
    "#7f7f7f", "#bcbd22", "#17becf", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5"];
  let cy = null;
  let lastData = null;

  function text(tag, value, cls) {
    const el = document.createElement(tag);
    el.textContent = value;
    if (cls) el.className = cls;
    return el;
  }

  function setStatus(message, isError) {
    $("status").textContent = message;
    $("status").classList.toggle("error", Boolean(isError));
  }

  function fillSelect(select, items, keep) {
    const current = keep ? select.value : "";
    select.replaceChildren(new Option("—", ""));
    for (const item of items) {
      const value = typeof item === "string" ? item : item.id;
      const label = typeof item === "string" ? item : item.label;
      select.add(new Option(label, value));
    }
    select.value = current;
  }

  function colourOf(value, keys) {
    if (value === null || value === undefined || value === "") return "#cccccc";
    return PALETTE[keys.indexOf(String(value)) % PALETTE.length];
  }

  function elements(data) {
    const by = $("colour").value;
    const size = $("size").value;
    const keys = [...new Set(data.nodes.map((n) => String(n[by])))].sort();
    const top = Math.max(1e-9, ...data.nodes.map((n) => Number(n[size]) || 0));
    const nodes = data.nodes.map((n) => ({
      data: { ...n, colour: colourOf(n[by], keys), size: 14 + 46 * ((Number(n[size]) || 0) / top) },
    }));
    const edges = data.edges.map((e) => ({ data: { ...e, width: 1 + Math.sqrt(e.weight || 1) } }));
    return nodes.concat(edges);
  }

  function showDetails(node) {
    const box = $("details");
    const d = node.data();
    box.replaceChildren();
    box.append(text("h3", d.label));
    const link = text("a", d.id);
    link.href = d.href;
    link.id = "entity-link";
    box.append(link);
    box.append(text("p", `${d.type} · ${d.district_label || "—"} · degree ${d.degree} · betweenness ${(+d.betweenness).toFixed(3)} · community ${d.community}` + (d.brokerage_role ? ` · ${d.brokerage_role}` : "")));
    for (const edge of node.connectedEdges()) {
      const e = edge.data();
      const other = edge.source().id() === d.id ? edge.target() : edge.source();
      box.append(text("h4", `↔ ${other.data("label")} (${e.weight}${e.kinds ? " · " + e.kinds.join(", ") : ""})`));
      for (const quote of e.quotes || []) box.append(text("blockquote", quote, "quote"));
      if (e.institution_labels && e.institution_labels.length) box.append(text("p", e.institution_labels.join("、")));
    }
  }

  function draw(data) {
    lastData = data;
    if (cy) cy.destroy();
    cy = cytoscape({
      container: $("cy"),
      elements: elements(data),
      style: [
        { selector: "node", style: { "background-color": "data(colour)", width: "data(size)", height: "data(size)",
          label: "data(label)", "font-size": 10, "text-valign": "bottom", "text-wrap": "ellipsis", "text-max-width": 90 } },
        { selector: "edge", style: { width: "data(width)", "line-color": "#99a", opacity: 0.6, "curve-style": "bezier" } },
        { selector: ":selected", style: { "border-width": 3, "border-color": "#000" } },
      ],
      layout: { name: data.nodes.length > 400 ? "grid" : "cose", animate: false, randomize: false },
    });
    cy.on("tap", "node", (event) => showDetails(event.target));
    window.networkView = cy;
    setStatus(`${data.network}: ${data.nodes.length} nodes, ${data.edges.length} ties`);
  }

  async function load(keepFilters) {
    const name = $("network").value;
    const params = new URLSearchParams();
    for (const key of ["district", "type", "industry"]) {
      const value = keepFilters ? $("f-" + key).value : "";
      if (value) params.append(key, value);
    }
    setStatus("…");
    const response = await fetch(`/api/network/${encodeURIComponent(name)}?${params}`);
    const body = await response.json();
    if (!response.ok) {
      if (cy) cy.elements().remove();
      setStatus(body.description || `error ${response.status}`, true);
      return;
    }
    fillSelect($("f-district"), body.options.districts, keepFilters);
    fillSelect($("f-type"), body.options.types, keepFilters);
    fillSelect($("f-industry"), body.options.industries, keepFilters);
    draw(body);
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("network").addEventListener("change", () => load(false));
    for (const key of ["district", "type", "industry"]) $("f-" + key).addEventListener("change", () => load(true));
    for (const key of ["colour", "size"]) $(key).addEventListener("change", () => lastData && draw(lastData));
    load(false).catch((error) => setStatus(String(error), true));
  });
})();
