// The start page: YASGUI against this server's /sparql, the query library as examples.
(function () {
  "use strict";
  const library = JSON.parse(document.getElementById("query-library").textContent);
  const byName = Object.fromEntries(library.map((q) => [q.name, q]));
  const endpoint = new URL("/sparql", window.location.href).href;

  // No requests to the outside world: only local autocompletion, only our endpoint.
  Yasgui.Yasqe.defaults.autocompleters = ["variables"];
  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: () => [{ endpoint: endpoint }], keys: [] },
    populateFromUrl: true,
  });
  window.stikgYasgui = yasgui;

  function load(name, run) {
    const entry = byName[name];
    if (!entry) return;
    let tab = yasgui.getTab();
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
})();
