"""The ``stikg`` command line.

Exit codes (README): 0 ok, 1 invalid data (a malformed query or document, SHACL
violations), 2 usage or runtime error (missing file, locked store, bad option).
Every error is one line on stderr, never a traceback.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from stikg.config import default_store_location, iri_list
from stikg.errors import StikgError, StoreError, UsageError

__all__ = ["cli", "main"]

_store_location_option = click.option(
    "--store",
    "store_location",
    default=default_store_location,
    show_default="var/store or $STIKG_STORE",
    help="Store folder, or the http(s):// URL of a SPARQL store.",
)


def _endpoint_option(name: str, env: str, what: str) -> Callable[[Callable], Callable]:
    """An option read by ``stikg.graph.remote_http.Endpoints`` through its environment variable."""

    def remember(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
        if value:
            os.environ[env] = value

    return click.option(name, envvar=env, expose_value=False, callback=remember, help=f"{what} (with a remote --store; ${env}).")


def store_option(command: Callable) -> Callable:
    """--store, plus --update-url/--gsp-url for a remote SPARQL store whose URL is its query endpoint."""
    command = _endpoint_option("--gsp-url", "STIKG_GSP_URL", "Graph Store Protocol URL")(command)
    command = _endpoint_option("--update-url", "STIKG_UPDATE_URL", "SPARQL Update URL")(command)
    return _store_location_option(command)


def _open(location: str, *, read_only: bool = False) -> Any:
    """The embedded or remote store at ``location``; use it as a context manager (it closes)."""
    from stikg.graph.store import open_store

    return open_store(location, read_only=read_only)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="stikg")
def cli() -> None:
    """stikg: knowledge graph of Suzhou-area S&T innovation policy documents.

    \b
    Example:
      stikg build && stikg serve
    """


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@store_option
@click.option("--if-empty", is_flag=True, help="Do nothing when the store already holds documents.")
@click.option("--quiet", "-q", is_flag=True, help="No progress output.")
def build(paths: tuple[Path, ...], store_location: str, if_empty: bool, quiet: bool) -> None:
    """Load documents (default: the built-in corpus) into the store.

    \b
    Example:
      stikg build                       # the five built-in documents
      stikg build plans/ extra.docx     # more documents, in any supported format
    """
    from stikg.loaders.pipeline import build as build_graph

    with _open(store_location) as store:
        if if_empty and len(store) > 0:  # type: ignore[arg-type]
            click.echo(f"store {store_location} already built; skipping (drop --if-empty to rebuild)", err=True)
            return
        started = time.perf_counter()

        def progress(path: Path, written: int | None) -> None:
            if not quiet:
                status = f"{written} quads" if written is not None else "FAILED"
                click.echo(f"  {path.name}: {status}", err=True)

        report = build_graph(store, list(paths), on_progress=progress)
        elapsed = time.perf_counter() - started
        for warning in report.warnings:
            click.echo(f"warning: {warning}", err=True)
        for error in report.failed:
            click.echo(f"error: {error}", err=True)
        click.echo(
            f"loaded {len(report.loaded)} document(s), {sum(report.loaded.values())} quads in {elapsed:.2f}s"
            + (f"; {len(report.failed)} failed" if report.failed else ""),
            err=True,
        )
        if report.failed:
            sys.exit(1)


@cli.command()
@click.argument("query_file", metavar="FILE.rq|-")
@store_option
@click.option(
    "--format",
    "fmt",
    default="table",
    type=click.Choice(["table", "csv", "tsv", "json", "xml", "turtle", "ntriples", "jsonld", "nquads"]),
    help="csv|tsv|json|xml|table for SELECT/ASK; turtle|ntriples|jsonld|nquads for CONSTRUCT/DESCRIBE.",
)
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help="Bind ?NAME to VALUE (repeatable).")
@click.option(
    "--allow-service",
    "allowed_services",
    multiple=True,
    metavar="IRI",
    help="Let SERVICE call this endpoint (repeatable; also STIKG_SERVICE_ALLOWLIST). None by default.",
)
def query(
    query_file: str, store_location: str, fmt: str, params: tuple[str, ...], allowed_services: tuple[str, ...]
) -> None:
    """Run a SPARQL query file (or - for stdin) and print the results.

    \b
    Example:
      stikg query queries/plans.rq --format csv
      stikg query queries/indicator-values.rq --param region=相城区
    """
    from stikg.graph.library import bind_parameters, read_query_text
    from stikg.graph.results import serialize_result
    from stikg.graph.sparql_scan import check_services, scan

    text = read_query_text(query_file)
    bindings = bind_parameters(text, params)
    found = scan(text)
    # no outbound request unless the operator named the endpoint (the server's rule too)
    check_services(found, iri_list(os.environ.get("STIKG_SERVICE_ALLOWLIST"), "SERVICE_ALLOWLIST") + list(allowed_services))
    with _open(store_location, read_only=True) as store:
        try:
            result = store.query(text, substitutions=bindings)
            output = serialize_result(result, fmt)
        except OSError as error:
            if not found.services:
                raise
            raise StoreError(f"a federated SERVICE call failed: {error}") from None
        sys.stdout.buffer.write(output)
        sys.stdout.flush()


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@store_option
def dump(file: Path, store_location: str) -> None:
    """Back up every graph to FILE (.nq N-Quads or .trig TriG).

    \b
    Example:
      stikg dump backup.nq
    """
    with _open(store_location, read_only=True) as store:
        count = store.dump(file)
    click.echo(f"wrote {count} quads to {file}", err=True)


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@store_option
def restore(file: Path, store_location: str) -> None:
    """Restore a dump made by `stikg dump` into an empty store.

    \b
    Example:
      stikg restore backup.nq --store var/restored
    """
    if not file.is_file():
        raise UsageError(f"no dump file {file}")
    with _open(store_location) as store:
        count = store.restore(file)
    click.echo(f"restored {count} quads from {file}", err=True)


@cli.command()
@store_option
def stats(store_location: str) -> None:
    """Print triples, graphs and entities per class.

    \b
    Example:
      stikg stats
    """
    from stikg.graph.stats import store_stats

    with _open(store_location, read_only=True) as store:
        click.echo(store_stats(store).render())


@cli.command()
@store_option
def validate(store_location: str) -> None:
    """Validate the graph against the SHACL shapes; one line per violation.

    \b
    Example:
      stikg validate
    """
    from stikg.graph.shapes import validate_store

    with _open(store_location, read_only=True) as store:
        violations = validate_store(store)
    for line in violations:
        click.echo(line)
    if violations:
        click.echo(f"{len(violations)} violation(s)", err=True)
        sys.exit(1)
    click.echo("conforms: 0 violations", err=True)


@cli.command()
@store_option
@click.option("--host", default="127.0.0.1", envvar="STIKG_HOST", show_default=True)
@click.option("--port", default=8000, type=int, envvar="STIKG_PORT", show_default=True)
@click.option("--workers", default=None, type=int, envvar="STIKG_WORKERS", help="Worker processes.")
def serve(store_location: str, host: str, port: int, workers: int | None) -> None:
    """Serve the SPARQL endpoint and web UI (production WSGI server).

    \b
    Example:
      stikg serve --port 8000
    """
    from stikg.server.serve import run

    run(store_location, host=host, port=port, workers=workers)


def _register_optional_commands() -> None:
    """Command groups that live with their subsystem (e.g. ``stikg network``)."""
    import importlib

    for module_name, attr in (("stikg.graph.network.cli", "network"), ("stikg.loaders.export", "export")):
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name and module_name.startswith(error.name):
                continue
            raise
        cli.add_command(getattr(module, attr))


_register_optional_commands()


def main() -> None:
    """Entry point: run the CLI, turning our errors into one line and an exit code."""
    try:
        cli(standalone_mode=False)
    except StikgError as error:
        click.echo(f"stikg: error: {error}", err=True)
        sys.exit(error.exit_code)
    except click.exceptions.Abort:
        click.echo("stikg: aborted", err=True)
        sys.exit(2)
    except click.ClickException as error:
        error.show()
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
