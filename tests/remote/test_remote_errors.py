"""Bad situations give a clear RemoteStoreError, and no partial document is left behind."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from stikg.errors import QuerySyntaxError, RemoteStoreError
from stikg.graph.remote import RemoteStore
from tests.conftest import run_cli
from tests.remote.conftest import free_port


def test_store_that_is_down(tmp_path) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(RemoteStoreError, match=r"cannot reach the SPARQL store at .*127\.0\.0\.1.*running"):
        RemoteStore.from_url(url)
    result = run_cli("stats", "--store", url)
    assert result.returncode == 2
    assert "cannot reach" in result.stderr and "Traceback" not in result.stderr


def test_syntax_error_from_the_store(remote) -> None:
    with remote.open(read_only=True) as store, pytest.raises(QuerySyntaxError):
        store.query("SELECT ?s WHERE { ?s ?p }")


@pytest.mark.virtuoso
def test_wrong_credentials(virtuoso_remote, monkeypatch) -> None:
    monkeypatch.setenv("STIKG_STORE_PASSWORD", "not-the-password")
    env = {**virtuoso_remote.env, "STIKG_STORE_PASSWORD": "not-the-password"}
    store = RemoteStore.from_url(virtuoso_remote.url)  # reading needs no credentials
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    store = RemoteStore.from_url(virtuoso_remote.url)
    with pytest.raises(RemoteStoreError, match=r"refused the credentials \(HTTP 401\).*STIKG_STORE_USER"):
        store.update("INSERT DATA { GRAPH <http://example.org/x> { <http://a> <http://b> <http://c> } }")


def _quads(graph: str, n: int, tag: str) -> list[ox.Quad]:
    return [
        ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), ox.NamedNode("http://example.org/p"), ox.Literal(f"{tag}{i}"),
                ox.NamedNode(graph))
        for i in range(n)
    ]


def test_failed_batch_is_rolled_back(remote, monkeypatch) -> None:
    old, new = "http://example.org/rollback-old", "http://example.org/rollback-new"
    with remote.open() as store:
        store.replace_graph(old, _quads(old, 50, "old"))
        real_put = store._put_graph

        def put(graph: str, body: bytes) -> None:
            if graph == new:
                raise RemoteStoreError("injected: the store went away")
            real_put(graph, body)

        monkeypatch.setattr(store, "_put_graph", put)
        with pytest.raises(RemoteStoreError, match="rolled back"):
            store.replace_graphs({old: _quads(old, 70, "v2-"), new: _quads(new, 10, "new")})
        monkeypatch.undo()
        assert sorted(q.object.value for q in store.quads(old)) == sorted(f"old{i}" for i in range(50))
        assert not store.has_graph(new)
        assert not any(g.endswith("stikg-staging") for g in store.named_graphs())
        store.remove_graph(old)


class _BasicAuthStore:
    """A minimal query endpoint on loopback: wants basic auth, answers 503 to the first ``busy`` queries."""

    def __init__(self, busy: int) -> None:
        import base64
        import http.server
        import threading

        expected = "Basic " + base64.b64encode(b"reader:secret").decode()
        owner = self
        self.seen: list[str | None] = []
        self.busy = busy

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                owner.seen.append(self.headers.get("Authorization"))
                if self.headers.get("Authorization") != expected:
                    self.send_response(401)
                    body = b"unauthorized"
                elif owner.busy > 0:
                    owner.busy -= 1
                    self.send_response(503)
                    body = b"busy"
                else:
                    self.send_response(200)
                    body = b'{"head":{},"boolean":true}'
                    self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sparql"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_basic_auth_and_retry_on_the_query_path(monkeypatch) -> None:
    """Queries (the urllib3 path) send basic credentials and repeat a 503; wrong ones get a clear message."""
    store = _BasicAuthStore(busy=2)
    try:
        monkeypatch.setenv("STIKG_STORE_USER", "reader")
        monkeypatch.setenv("STIKG_STORE_PASSWORD", "secret")
        with RemoteStore.from_url(store.url, read_only=True) as remote:  # ASK {} answered after two 503s
            assert remote.ask("ASK { ?s ?p ?o }") is True
        assert len(store.seen) == 4 and all(h and h.startswith("Basic ") for h in store.seen)
        monkeypatch.setenv("STIKG_STORE_PASSWORD", "wrong")
        with pytest.raises(RemoteStoreError, match=r"refused the credentials \(HTTP 401\)"):
            RemoteStore.from_url(store.url, read_only=True)
    finally:
        store.close()
