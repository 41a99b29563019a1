// /compare: one indicator across regions and years (Chart.js, served from static/vendor).
// Actual values: solid lines, filled points; targets: dashed lines, hollow points;
// estimates: dotted lines, hollow squares. Data from /api/indicators and /api/observations.
(function () {
  "use strict";
  const cfg = window.STIKG_COMPARE;
  const picker = document.getElementById("indicator");
  const download = document.getElementById("compare-download");
  const table = document.getElementById("compare-table");
  const warning = document.getElementById("compare-warning");
  const COLORS = ["#1d5fa8", "#d9480f", "#2b8a3e", "#862e9c", "#e67700", "#0b7285", "#c2255c", "#5c940d", "#495057"];
  const STYLE = {
    Actual: { borderDash: [], hollow: false, pointStyle: "circle" },
    Estimate: { borderDash: [2, 3], hollow: true, pointStyle: "rect" },
    Target: { borderDash: [7, 5], hollow: true, pointStyle: "triangle" },
  };
  let chart = null;

  function local(iri) {
    return iri.slice(iri.lastIndexOf("#") + 1);
  }
  async function sparqlJson(url) {
    const response = await fetch(url, { headers: { Accept: "application/sparql-results+json" } });
    if (!response.ok) throw new Error((await response.json().catch(() => ({}))).description || response.statusText);
    const cap = response.headers.get("X-SPARQL-MaxRows");
    warning.textContent = cap ? cfg.rowCap.replace("{n}", cap) : "";
    warning.hidden = !cap;
    return (await response.json()).results.bindings;
  }

  async function loadIndicators() {
    const rows = await sparqlJson("/api/indicators");
    picker.replaceChildren();
    if (!rows.length) {
      document.getElementById("compare-note").hidden = false;
      return;
    }
    rows.forEach((row) => {
      const label = (cfg.lang === "en" && row.labelEn ? row.labelEn : row.label || row.indicator).value;
      const unit = row.unit ? ` (${row.unit.value})` : "";
      const option = new Option(`${label}${unit} · ${row.regions.value} / ${row.observations.value} ${cfg.observations}`,
        row.indicator.value);
      picker.append(option);
    });
    picker.disabled = false;
    const wanted = new URLSearchParams(window.location.search).get("indicator");
    if (wanted && rows.some((r) => r.indicator.value === wanted)) picker.value = wanted;
    await show(picker.value);
  }

  function datasets(rows) {
    const regions = [...new Set(rows.map((r) => (r.regionLabel || r.region).value))];
    const groups = new Map();
    rows.forEach((r) => {
      const region = (r.regionLabel || r.region).value;
      const status = local(r.status.value);
      const key = `${region}\u0000${status}`;
      if (!groups.has(key)) groups.set(key, { region, status, points: [] });
      groups.get(key).points.push({ x: parseInt(r.year.value, 10), y: parseFloat(r.value.value) });
    });
    const actual = (region) => (groups.get(`${region}\u0000Actual`) || { points: [] }).points;
    return [...groups.values()].map((g) => {
      const color = COLORS[regions.indexOf(g.region) % COLORS.length];
      const style = STYLE[g.status] || STYLE.Estimate;
      const points = g.points.sort((a, b) => a.x - b.x);
      const radius = points.map(() => 6);
      if (g.status !== "Actual") {  // a dashed line from the latest earlier actual value to the target
        const before = actual(g.region).filter((p) => p.x < points[0].x).sort((a, b) => a.x - b.x).pop();
        if (before) {
          points.unshift({ ...before, from: true });
          radius.unshift(0);
        }
      }
      return {
        label: `${g.region} · ${cfg.status[g.status] || g.status}`,
        data: points,
        status: g.status,
        borderColor: color,
        backgroundColor: style.hollow ? "#ffffff" : color,
        borderDash: style.borderDash,
        pointStyle: style.pointStyle,
        pointRadius: radius,
        pointHoverRadius: radius.map((r) => (r ? 8 : 0)),
        pointBorderWidth: 2,
        borderWidth: 2,
      };
    });
  }

  function fillTable(rows) {
    const body = table.querySelector("tbody");
    body.replaceChildren();
    rows.forEach((r) => {
      const tr = document.createElement("tr");
      tr.className = `status-${local(r.status.value)}`;
      [(r.regionLabel || r.region).value, r.year.value, r.value.value, r.unit ? r.unit.value : "",
        cfg.status[local(r.status.value)] || local(r.status.value), r.document ? r.document.value : ""]
        .forEach((text) => tr.append(Object.assign(document.createElement("td"), { textContent: text })));
      body.append(tr);
    });
    table.hidden = !rows.length;
  }

  async function show(indicator) {
    if (!indicator) return;
    const query = new URLSearchParams({ indicator });
    const rows = await sparqlJson(`/api/observations?${query}`);
    download.href = `/api/observations?${query}&format=csv-excel`;
    download.hidden = false;
    const unit = rows.find((r) => r.unit);
    const years = rows.map((r) => parseInt(r.year.value, 10)).sort((a, b) => a - b);
    if (chart) chart.destroy();
    chart = new Chart(document.getElementById("compare-chart"), {
      type: "line",
      data: { datasets: datasets(rows) },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: {
          x: { type: "linear", min: years[0] - 1, max: years[years.length - 1] + 1,
               title: { display: true, text: cfg.year }, ticks: { stepSize: 1, callback: (v) => String(v) } },
          y: { grace: "10%", title: { display: !!unit, text: unit ? unit.unit.value : "" } },
        },
        plugins: {
          legend: { labels: { usePointStyle: true } },
          tooltip: { filter: (item) => !item.raw.from },
        },
      },
    });
    window.stikgCompareChart = chart;
    fillTable(rows);
    const url = new URL(window.location.href);
    url.searchParams.set("indicator", indicator);
    window.history.replaceState(null, "", url);
  }

  picker.addEventListener("change", () => show(picker.value).catch(report));
  function report(error) {
    warning.textContent = String(error.message || error);
    warning.hidden = false;
  }
  loadIndicators().catch(report);
})();
