// The start page: YASGUI against this server's /sparql, the query library as examples
// (grouped by theme), parameterised library queries run through /api/queries/<name>.
(function () {
  "use strict";
  const library = JSON.parse(document.getElementById("query-library").textContent);
  const byName = Object.fromEntries(library.map((q) => [q.name, q]));
  const endpoint = new URL("/sparql", window.location.href).href;
  const i18n = window.STIKG_I18N || {};

  // No requests to the outside world: only local autocompletion, only our endpoint.
  Yasgui.Yasqe.defaults.autocompleters = ["variables"];
  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: () => [{ endpoint: endpoint }], keys: [] },
    populateFromUrl: true,
  });
  window.stikgYasgui = yasgui;

  // The row cap: a cut answer carries X-SPARQL-MaxRows; say so above the results.
  function rowCapText(headers) {
    const cap = headers && headers.get && headers.get("X-SPARQL-MaxRows");
    return cap ? (i18n.rowCap || "Result cut at {n} rows").replace("{n}", cap) : "";
  }
  function showWarning(element, text) {
    element.textContent = text;
    element.hidden = !text;
  }
  const capWarning = document.getElementById("row-cap-warning");
  function watch(tab) {
    const yasqe = tab && tab.getYasqe && tab.getYasqe();
    if (!yasqe || yasqe.stikgWatched) return;
    yasqe.stikgWatched = true;
    yasqe.on("query", () => showWarning(capWarning, ""));
    yasqe.on("queryResponse", (_yasqe, response) => showWarning(capWarning, rowCapText(response && response.headers)));
  }
  watch(yasgui.getTab());
  yasgui.on("tabSelect", () => setTimeout(() => watch(yasgui.getTab()), 0));
  yasgui.on("tabAdd", () => setTimeout(() => watch(yasgui.getTab()), 0));
  yasgui.on("query", (_instance, tab) => watch(tab));

  function load(name, run) {
    const entry = byName[name];
    if (!entry) return;
    let tab = yasgui.getTab();
    watch(tab);
    tab.setEndpoint && tab.setEndpoint(endpoint);
    tab.setQuery(entry.query);
    if (tab.setName) tab.setName(entry.title.slice(0, 40));
    document.querySelectorAll("button.example").forEach((b) => b.classList.toggle("active", b.dataset.name === name));
    if (run) tab.query();
  }

  document.querySelectorAll("button.example").forEach((button) => {
    button.addEventListener("click", () => load(button.dataset.name, true));
  });
  window.stikgLoadExample = load;

  // Parameterised queries: values go to the server, which binds them (never spliced into text).
  const panel = document.getElementById("param-result");
  function cell(term) {
    const td = document.createElement("td");
    if (term) td.textContent = term.value;
    if (term && term.type === "uri") td.classList.add("iri");
    return td;
  }
  function render(name, json, headers) {
    panel.hidden = false;
    panel.querySelector(".name").textContent = byName[name] ? byName[name].title : name;
    showWarning(panel.querySelector(".warning"), rowCapText(headers));
    const head = panel.querySelector("thead");
    const body = panel.querySelector("tbody");
    head.replaceChildren();
    body.replaceChildren();
    if (json.boolean !== undefined) {
      body.append(Object.assign(document.createElement("tr"), { textContent: String(json.boolean) }));
      return;
    }
    const vars = json.head.vars;
    const row = document.createElement("tr");
    vars.forEach((v) => row.append(Object.assign(document.createElement("th"), { textContent: v })));
    head.append(row);
    json.results.bindings.forEach((b) => {
      const tr = document.createElement("tr");
      vars.forEach((v) => tr.append(cell(b[v])));
      body.append(tr);
    });
  }
  async function runParameterised(form) {
    const name = form.dataset.name;
    const params = new URLSearchParams();
    form.querySelectorAll("input[type=text]").forEach((input) => {
      if (input.value) params.append(input.name, input.value);
    });
    params.append("format", "json");
    const response = await fetch(`/api/queries/${encodeURIComponent(name)}?${params}`);
    if (!response.ok) {
      const error = await response.json().catch(() => ({ description: response.statusText }));
      panel.hidden = false;
      showWarning(panel.querySelector(".warning"), error.description);
      return;
    }
    render(name, await response.json(), response.headers);
  }
  document.querySelectorAll("form.library-run").forEach((form) => {
    form.addEventListener("submit", (event) => {
      if (event.submitter && event.submitter.classList.contains("run-param")) {
        event.preventDefault();
        runParameterised(form);
      }
    });
  });
})();
