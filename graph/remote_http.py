"""HTTP to a remote SPARQL store: endpoints, credentials, retries, and clear errors.

Retries (3 attempts, short backoff) happen only where repeating cannot change the
result: queries, GSP GET/HEAD/PUT/DELETE (idempotent), and any request whose
connection could not even be opened (nothing reached the store). An update POST that
failed after it was sent is never repeated.

Queries go through a bare urllib3 pool when no digest authentication is needed:
requests costs ~0.5 ms more per call (bench/remote/README.md), which is most of what
``stikg serve`` adds in front of a fast store. Writes and digest auth use requests.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import urlencode, urlsplit

import requests
import urllib3
from requests.auth import AuthBase, HTTPBasicAuth, HTTPDigestAuth

from stikg.errors import QuerySyntaxError, RemoteStoreError, UsageError

__all__ = ["TRANSIENT_STATUSES", "Endpoints", "RemoteHttp"]

TRANSIENT_STATUSES = {502, 503, 504}
_IDEMPOTENT = {"GET", "HEAD", "PUT", "DELETE"}
R = TypeVar("R", requests.Response, "_Answer")


@dataclass(frozen=True)
class Endpoints:
    query: str
    update: str | None
    gsp: str | None

    @classmethod
    def from_url(cls, url: str, update_url: str | None = None, gsp_url: str | None = None) -> Endpoints:
        """A bare ``http://host:port`` is an Oxigraph-style server (/query /update /store)."""
        parts = urlsplit(url)
        if not parts.netloc:
            raise UsageError(f"store URL {url!r} has no host; give e.g. http://127.0.0.1:7878")
        update_url = update_url or os.environ.get("STIKG_UPDATE_URL") or None
        gsp_url = gsp_url or os.environ.get("STIKG_GSP_URL") or None
        if parts.path in ("", "/"):
            base = url.rstrip("/")
            return cls(f"{base}/query", update_url or f"{base}/update", gsp_url or f"{base}/store")
        return cls(url, update_url, gsp_url)


def _auth_from_env() -> AuthBase | None:
    user = os.environ.get("STIKG_STORE_USER")
    if not user:
        return None
    password = os.environ.get("STIKG_STORE_PASSWORD", "")
    kind = os.environ.get("STIKG_STORE_AUTH", "basic").lower()
    if kind == "digest":
        return HTTPDigestAuth(user, password)
    if kind == "basic":
        return HTTPBasicAuth(user, password)
    raise UsageError(f"STIKG_STORE_AUTH={kind!r} is not known; use basic or digest")


class RemoteHttp:
    """One keep-alive session per store handle; every failure becomes a ``RemoteStoreError``."""

    def __init__(self, *, attempts: int = 3, backoff: float = 0.3, timeout: float | None = None) -> None:
        self.session = requests.Session()
        self.session.trust_env = False  # no proxies or .netrc from the environment: the store is named
        self.session.auth = _auth_from_env()
        self.session.headers["User-Agent"] = "stikg-remote-store"
        self._pool: urllib3.PoolManager | None = None
        self._pool_headers = {"User-Agent": "stikg-remote-store"}
        if isinstance(self.session.auth, HTTPBasicAuth):
            credentials = f"{self.session.auth.username}:{self.session.auth.password}"
            self._pool_headers.update(urllib3.util.make_headers(basic_auth=credentials))
        self.attempts = attempts
        self.backoff = backoff
        self.timeout = (5.0, timeout or float(os.environ.get("STIKG_STORE_TIMEOUT", "300")))
        self.server = ""  # the store's Server header, once seen

    def request(self, method: str, url: str, *, safe: bool | None = None, **kwargs: object) -> requests.Response:
        """Send, retrying transient failures when ``safe`` (default: idempotent methods)."""
        retry = method in _IDEMPOTENT if safe is None else safe
        for attempt in range(1, self.attempts + 1):
            last = attempt == self.attempts
            try:
                response = self.session.request(method, url, timeout=self.timeout, **kwargs)  # type: ignore[arg-type]
            except requests.exceptions.ConnectionError as error:
                never_sent = _never_sent(error)
                if last or not (retry or never_sent):
                    raise RemoteStoreError(
                        f"cannot reach the SPARQL store at {url} ({_reason(error)}); check that it is running "
                        "and that --store/--update-url/--gsp-url are right"
                        + ("" if never_sent else "; the request may have been applied, check the store")
                    ) from None
            except requests.exceptions.Timeout:
                if last or not retry:
                    raise RemoteStoreError(
                        f"the SPARQL store at {url} did not answer within {self.timeout[1]:.0f}s "
                        "(STIKG_STORE_TIMEOUT)"
                    ) from None
            else:
                self.server = response.headers.get("Server", self.server)
                if response.status_code not in TRANSIENT_STATUSES or last or not retry:
                    return _checked(method, url, response)
            time.sleep(self.backoff * attempt)
        raise AssertionError("unreachable")

    def query(self, url: str, fields: dict[str, object], accept: str) -> requests.Response | _Answer:
        """POST a query form (safe to repeat); the lighter urllib3 path unless digest auth is needed."""
        if self.session.auth is not None and not isinstance(self.session.auth, HTTPBasicAuth):
            return self.request("POST", url, safe=True, data=fields, headers={"Accept": accept})
        if self._pool is None:
            self._pool = urllib3.PoolManager(num_pools=4, maxsize=4, retries=False)
        body = urlencode(fields, doseq=True)
        headers = {**self._pool_headers, "Accept": accept, "Content-Type": "application/x-www-form-urlencoded"}
        timeout = urllib3.Timeout(connect=self.timeout[0], read=self.timeout[1])
        for attempt in range(1, self.attempts + 1):
            last = attempt == self.attempts
            try:
                raw = self._pool.request("POST", url, body=body, headers=headers, timeout=timeout)
            except urllib3.exceptions.NewConnectionError as error:
                if last:
                    raise RemoteStoreError(
                        f"cannot reach the SPARQL store at {url} ({_reason(error)}); check that it is running "
                        "and that --store/--update-url/--gsp-url are right"
                    ) from None
            except urllib3.exceptions.TimeoutError:
                if last:
                    raise RemoteStoreError(
                        f"the SPARQL store at {url} did not answer within {self.timeout[1]:.0f}s "
                        "(STIKG_STORE_TIMEOUT)"
                    ) from None
            except urllib3.exceptions.HTTPError as error:
                if last:
                    raise RemoteStoreError(f"the SPARQL store at {url} failed: {_reason(error)}") from None
            else:
                answer = _Answer(raw.status, raw.headers, raw.data)
                self.server = answer.headers.get("Server", self.server)
                if answer.status_code not in TRANSIENT_STATUSES or last:
                    return _checked("POST", url, answer)
            time.sleep(self.backoff * attempt)
        raise AssertionError("unreachable")

    def close(self) -> None:
        self.session.close()
        if self._pool is not None:
            self._pool.clear()


@dataclass
class _Answer:
    """The parts of a response the callers read, for an answer that came through urllib3."""

    status_code: int
    headers: Mapping[str, str]
    content: bytes
    encoding: str | None = None

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", "replace")


def _never_sent(error: Exception) -> bool:
    """True when the TCP connection was refused or not made: the store saw nothing."""
    text = repr(error)
    return any(s in text for s in ("NewConnectionError", "Connection refused", "Failed to establish"))


def _reason(error: Exception) -> str:
    text = str(error)
    for marker in ("Connection refused", "Connection reset", "Name or service not known", "timed out"):
        if marker in text:
            return marker.lower()
    return text[:200]


def _snippet(response: requests.Response | _Answer) -> str:
    """The store's error message without HTML markup, shortened."""
    body = response.content.decode(response.encoding or "utf-8", "replace") if response.encoding else \
        response.content.decode("utf-8", "replace")
    text = re.sub(r"<title>.*?</title>|<[^>]+>", " ", body, flags=re.S)
    return " ".join(text.split())[:400]


def _checked(method: str, url: str, response: R) -> R:
    status = response.status_code
    if status < 400:
        return response
    if status in (401, 403):
        raise RemoteStoreError(
            f"the SPARQL store at {url} refused the credentials (HTTP {status}) for {method}; check "
            "STIKG_STORE_USER / STIKG_STORE_PASSWORD and STIKG_STORE_AUTH=basic|digest "
            "(Virtuoso's /sparql-auth wants digest)"
        )
    if status == 400 and method == "POST" and _looks_like_syntax(response):
        raise QuerySyntaxError(f"the SPARQL store at {url} rejected the request: {_snippet(response)}")
    if status == 404 and method in ("GET", "HEAD", "DELETE"):
        return response  # the caller decides (a missing graph)
    raise RemoteStoreError(
        f"the SPARQL store at {url} answered HTTP {status} to {method}: {_snippet(response)}"
    )


def _looks_like_syntax(response: requests.Response | _Answer) -> bool:
    text = response.text.lower()
    return any(s in text for s in ("syntax", "parse", "parser", "sp030", "expected"))
