"""``stikg serve`` options: gthread workers with keep-alive, the thread count checked."""

from __future__ import annotations

import pytest

from stikg.errors import UsageError
from stikg.server.conneg import RESULTS, negotiate_header
from stikg.server.serve import _threads, gunicorn_options


def test_gthread_workers_keep_connections_alive():
    options = gunicorn_options("127.0.0.1", 8000, 4, 30, threads=3)
    assert options["worker_class"] == "gthread" and options["threads"] == 3
    assert options["keepalive"] > 0 and options["post_fork"] and options["worker_exit"]


@pytest.mark.parametrize("value", ["0", "-1", "many"])
def test_bad_thread_count_is_a_usage_error(value):
    with pytest.raises(UsageError, match="STIKG_THREADS"):
        _threads(value)


def test_remembered_negotiation_honours_q_values():
    assert negotiate_header(None, RESULTS).name == "json"
    assert negotiate_header("text/csv;q=0.5, application/sparql-results+xml", RESULTS).name == "xml"
    assert negotiate_header("text/csv;q=0.5, application/sparql-results+xml;q=0.1", RESULTS).name == "csv"
    assert negotiate_header("text/csv", RESULTS, "tsv").name == "tsv"
