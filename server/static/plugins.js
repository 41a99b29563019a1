// Two YASR result views besides the table: a bar chart (a label column and a number
// column) and a relation graph with cytoscape (two IRI columns, or CONSTRUCT triples).
(function () {
  "use strict";
  const Yasr = Yasgui.Yasr;
  const words = window.STIKG_I18N || { chart: "Chart", graph: "Graph" };
  const MAX_BARS = 60;
  const MAX_EDGES = 800;

  function isNumber(b) { return !!b && b.type === "literal" && b.value !== "" && isFinite(Number(b.value)); }
  function short(v) { const s = v.split(/[\/#]/).filter(Boolean); return s.length ? s[s.length - 1] : v; }
  function icon(text) { const span = document.createElement("span"); span.textContent = text; return span; }

  class ChartPlugin {
    constructor(yasr) { this.yasr = yasr; this.priority = 5; this.label = words.chart; }
    columns() {
      const r = this.yasr.results;
      if (!r || !r.getVariables || r.getType() !== "json") return null;
      const vars = r.getVariables(), rows = r.getBindings() || [];
      if (!rows.length || vars.length < 2) return null;
      const value = vars.find((v) => rows.every((row) => isNumber(row[v])));
      const label = vars.find((v) => v !== value && rows.some((row) => row[v]));
      return value && label ? { value, label, rows } : null;
    }
    canHandleResults() { try { return !!this.columns(); } catch (e) { return false; } }
    getIcon() { return icon("▇"); }
    draw() {
      const { value, label, rows } = this.columns();
      const data = rows.slice(0, MAX_BARS).map((row) => ({
        name: row[label] ? (row[label].type === "uri" ? short(row[label].value) : row[label].value) : "",
        n: Number(row[value].value),
      }));
      const max = Math.max(...data.map((d) => Math.abs(d.n)), 1);
      const rowH = 22, left = 220, width = 760;
      const ns = "http://www.w3.org/2000/svg";
      const svg = document.createElementNS(ns, "svg");
      svg.setAttribute("viewBox", `0 0 ${left + width + 90} ${data.length * rowH + 10}`);
      data.forEach((d, i) => {
        const y = i * rowH + 5;
        const text = document.createElementNS(ns, "text");
        text.setAttribute("x", left - 6); text.setAttribute("y", y + 14); text.setAttribute("text-anchor", "end");
        text.textContent = d.name.length > 28 ? d.name.slice(0, 27) + "…" : d.name;
        const bar = document.createElementNS(ns, "rect");
        bar.setAttribute("class", "bar"); bar.setAttribute("x", left); bar.setAttribute("y", y + 3);
        bar.setAttribute("height", rowH - 6); bar.setAttribute("width", Math.max(1, (Math.abs(d.n) / max) * width));
        const num = document.createElementNS(ns, "text");
        num.setAttribute("x", left + (Math.abs(d.n) / max) * width + 4); num.setAttribute("y", y + 14);
        num.textContent = d.n.toLocaleString();
        svg.append(text, bar, num);
      });
      const box = document.createElement("div");
      box.className = "stikg-chart";
      box.appendChild(svg);
      if (rows.length > MAX_BARS) box.appendChild(Object.assign(document.createElement("p"), { className: "stikg-note", textContent: `${MAX_BARS} / ${rows.length}` }));
      this.yasr.resultsEl.appendChild(box);
    }
  }

  class GraphPlugin {
    constructor(yasr) { this.yasr = yasr; this.priority = 4; this.label = words.graph; }
    edges() {
      const r = this.yasr.results;
      if (!r || !r.getVariables) return null;
      const vars = r.getVariables(), rows = r.getBindings() || [];
      if (!rows.length || typeof cytoscape === "undefined") return null;
      let from, to, via;
      if (vars.includes("subject") && vars.includes("object") && vars.includes("predicate")) {
        [from, via, to] = ["subject", "predicate", "object"];
      } else {
        const iris = vars.filter((v) => rows.filter((row) => row[v] && row[v].type === "uri").length >= rows.length / 2);
        if (iris.length < 2) return null;
        [from, to] = iris;
        via = vars.find((v) => v !== from && v !== to && rows.some((row) => row[v]));
      }
      const out = rows.filter((row) => row[from] && row[to] && row[to].type === "uri").slice(0, MAX_EDGES);
      return out.length ? { from, to, via, rows: out } : null;
    }
    canHandleResults() { try { return !!this.edges(); } catch (e) { return false; } }
    getIcon() { return icon("⬡"); }
    draw() {
      const { from, to, via, rows } = this.edges();
      const nodes = new Map(), edges = [];
      rows.forEach((row, i) => {
        [row[from], row[to]].forEach((t) => nodes.set(t.value, { data: { id: t.value, label: short(t.value) } }));
        edges.push({ data: { id: "e" + i, source: row[from].value, target: row[to].value, label: via && row[via] ? short(row[via].value) : "" } });
      });
      const box = document.createElement("div");
      box.className = "stikg-graph";
      this.yasr.resultsEl.appendChild(box);
      cytoscape({
        container: box,
        elements: [...nodes.values(), ...edges],
        style: [
          { selector: "node", style: { label: "data(label)", "font-size": 10, "background-color": "#3b7dd8", width: 14, height: 14 } },
          { selector: "edge", style: { label: "data(label)", "font-size": 8, width: 1, "line-color": "#9aa7b8", "target-arrow-shape": "triangle", "target-arrow-color": "#9aa7b8", "curve-style": "bezier" } },
        ],
        layout: { name: nodes.size > 150 ? "grid" : "cose", animate: false },
      });
    }
  }

  Yasr.registerPlugin("chart", ChartPlugin);
  Yasr.registerPlugin("graph", GraphPlugin);
})();
