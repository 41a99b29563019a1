"""A runaway query is really stopped at the deadline while the other worker keeps answering."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import requests

from tests.server.conftest import LIVE_TIMEOUT

# A cartesian product over every triple five times: minutes of work on any real store.
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
SIMPLE = "ASK { ?s ?p ?o }"


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / 100  # utime + stime in clock ticks


def test_runaway_query_times_out_while_others_are_served(live):
    outcome: dict = {}

    def runaway() -> None:
        started = time.monotonic()
        outcome["response"] = requests.post(live.url + "/sparql", data={"query": RUNAWAY}, timeout=120)
        outcome["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.5)  # the runaway query is now occupying one worker
    latencies = []
    while thread.is_alive():
        started = time.monotonic()
        answer = requests.get(live.url + "/sparql", params={"query": SIMPLE}, timeout=10)
        latencies.append(time.monotonic() - started)
        assert answer.status_code == 200 and answer.json()["boolean"] is True
        time.sleep(0.1)
    thread.join()

    response = outcome["response"]
    assert response.status_code in (503, 504)
    body = response.json()
    assert "STIKG_QUERY_TIMEOUT" in body["description"] and "stopped" in body["description"]
    assert LIVE_TIMEOUT <= outcome["seconds"] < LIVE_TIMEOUT + 5
    assert latencies and max(latencies) < 1.0, latencies

    time.sleep(1.5)  # the worker that ran it has exited; nothing is still computing
    pids = live.worker_pids()
    before = {pid: _cpu_seconds(pid) for pid in pids}
    time.sleep(1.0)
    busy = {pid: _cpu_seconds(pid) - before[pid] for pid in pids if Path(f"/proc/{pid}").exists()}
    assert all(spent < 0.5 for spent in busy.values()), busy
    assert len(pids) == 2  # gunicorn replaced the retired worker
    assert requests.get(live.url + "/sparql", params={"query": SIMPLE}, timeout=10).status_code == 200
