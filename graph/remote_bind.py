"""Parameters for a remote SPARQL store: pyoxigraph's ``substitutions=`` rewritten as SPARQL.

A remote store cannot bind values the way pyoxigraph does, so the query text is
rewritten. The rewrite must give the rows the embedded store gives. pyoxigraph joins a
substituted value with the query's solutions after the WHERE clause (and any GROUP BY)
and before ORDER BY, projection and LIMIT, like a SPARQL 1.1 trailing ``VALUES``
clause: a FILTER inside the query does not see the value (``FILTER(!BOUND(?x) || …)``
keeps every row), ``BIND(… AS ?x)`` then the join keeps the matching rows, and a row
where ``?x`` is unbound takes the value.

Virtuoso evaluates ``VALUES`` and joins on possibly-unbound variables with SQL
equality (an unbound side never matches) and pushes values into filters, so the join
is spelled out instead, which both Virtuoso and Oxigraph evaluate per the spec::

    WHERE { { SELECT ?a ?b (?x AS ?x__in) WHERE { original } }
            BIND(<term> AS ?x)
            FILTER(!BOUND(?x__in) || sameTerm(?x__in, ?x)) }

Terms are written by pyoxigraph (``str(term)``: N-Triples syntax), never spliced as
raw strings, so a value cannot change the query. A grouped query is wrapped whole
(its ORDER BY, LIMIT and OFFSET stay outside). The query is first prepared by
pyoxigraph on an empty in-memory store: that checks the syntax and the parameters
exactly as the embedded store does and yields the variable names.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import pyoxigraph as ox

from stikg.errors import UsageError

__all__ = ["QueryShape", "bind_remote", "query_form"]

_TOKEN = re.compile(
    r"""(?P<comment>\#[^\n]*)
    |(?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
       |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
    |(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    |(?P<var>[?$][^\s(){}<>,;.=!|&*/+\-"'#\]\[^]+)
    |(?P<word>[A-Za-z_][A-Za-z0-9_\-]*(?::[^\s(){}<>,;"'#]*)?)
    |(?P<punct>[{}()])
    |(?P<other>\S)""",
    re.VERBOSE,
)
_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
_AGGREGATES = {"COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT"}
_TAIL_KEYWORDS = {"ORDER", "LIMIT", "OFFSET", "VALUES"}
Term = ox.NamedNode | ox.BlankNode | ox.Literal


@dataclass
class Token:
    kind: str
    text: str
    start: int
    end: int
    braces: int  # brace depth before the token
    parens: int  # paren depth before the token


def tokens(text: str) -> list[Token]:
    """SPARQL tokens with their nesting depth; comments, strings and IRIs are single tokens."""
    out: list[Token] = []
    braces = parens = 0
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        if kind == "comment":
            continue
        value = match.group()
        out.append(Token(kind, value, match.start(), match.end(), braces, parens))
        if value == "{":
            braces += 1
        elif value == "}":
            braces -= 1
        elif value == "(":
            parens += 1
        elif value == ")":
            parens -= 1
    return out


def _top_words(toks: list[Token]) -> list[tuple[int, str]]:
    return [(i, t.text.upper()) for i, t in enumerate(toks) if t.kind == "word" and t.braces == 0 and t.parens == 0]


@dataclass
class QueryShape:
    """Where the parts of a query are, as indices into its token list."""

    form: str  # SELECT ASK CONSTRUCT DESCRIBE
    form_index: int
    where_open: int | None  # token index of the WHERE group's "{" (None: DESCRIBE without WHERE)
    where_close: int | None
    short_construct: bool  # CONSTRUCT WHERE { … }
    grouped: bool


def query_form(text: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE; None for an update or unreadable text."""
    for _, word in _top_words(tokens(text)):
        if word in _FORMS:
            return word
    return None


def _matching(toks: list[Token], open_index: int) -> int:
    depth = toks[open_index].braces
    for j in range(open_index + 1, len(toks)):
        if toks[j].text == "}" and toks[j].braces == depth + 1:
            return j
    raise UsageError("unbalanced braces in the query")


def shape(toks: list[Token]) -> QueryShape:
    words = _top_words(toks)
    form_index, form = next(((i, w) for i, w in words if w in _FORMS), (None, None))
    if form_index is None or form is None:
        raise UsageError("parameters can only be bound in a SELECT, ASK, CONSTRUCT or DESCRIBE query")
    groups = [i for i in range(form_index, len(toks)) if toks[i].text == "{" and toks[i].braces == 0 and toks[i].parens == 0]
    short = form == "CONSTRUCT" and any(w == "WHERE" for i, w in words if i == form_index + 1)
    if form == "CONSTRUCT" and not short:
        groups = groups[1:]  # the first group is the template
    where_open = groups[0] if groups else None
    where_close = _matching(toks, where_open) if where_open is not None else None
    after = [w for i, w in words if where_close is not None and i > where_close]
    head = [t.text.upper() for t in toks[form_index:where_open or len(toks)] if t.kind == "word"]
    grouped = "GROUP" in after or "HAVING" in after or bool(_AGGREGATES & set(head))
    return QueryShape(form, form_index, where_open, where_close, short, grouped)


def _prepare(text: str, subs: Mapping[ox.Variable, Term]) -> object:
    """Check ``text`` and its parameters as the embedded store does (on an empty store)."""
    from stikg.graph.store import parse_syntax_error, subs_names

    for variable, term in subs.items():
        if isinstance(term, ox.BlankNode):
            raise UsageError(f"cannot bind ?{variable.value} to a blank node on a remote store; use an IRI")
    try:
        return ox.Store().query(text, substitutions=dict(subs), use_default_graph_as_union=True)
    except SyntaxError as error:
        raise parse_syntax_error(error) from None
    except RuntimeError as error:
        raise UsageError(f"cannot bind parameters {sorted(subs_names(subs))}: {error}") from None


def _renamed(text: str, toks: list[Token], names: dict[str, str]) -> str:
    """``text`` (spanning ``toks``) with every parameter variable renamed (alpha-renaming)."""
    if not toks:
        return text
    out, at, base = [], toks[0].start, toks[0].start
    for t in toks:
        if t.kind == "var" and t.text[1:] in names:
            out.append(text[at - base : t.start - base] + "?" + names[t.text[1:]])
            at = t.end
    out.append(text[at - base :])
    return "".join(out)


def _compatible(var: str, term: Term) -> str:
    """True when ``?var`` is unbound or the same term (``=`` plus lexical form: Virtuoso's sameTerm
    misses constants). The lexical form is a plain literal, not ``STR(term)``: Virtuoso's STR of a
    non-ASCII constant never equals the stored string."""
    if isinstance(term, ox.NamedNode):
        return f"(!BOUND(?{var}) || ?{var} = {term})"
    lexical = ox.Literal(term.value)
    return f"(!BOUND(?{var}) || (isLiteral(?{var}) && ?{var} = {term} && STR(?{var}) = {lexical}))"


def _join_block(inner: str, subs: Mapping[ox.Variable, Term], names: dict[str, str]) -> str:
    """``{ {inner with ?p renamed ?p__in} FILTER(compatible) BIND(COALESCE(?p__in, term) AS ?p) }``."""
    parts = [f"{{ {inner}"]
    for variable, term in subs.items():
        renamed = names[variable.value]
        parts.append(f"  FILTER{_compatible(renamed, term)}")
        parts.append(f"  BIND(COALESCE(?{renamed}, {term}) AS ?{variable.value})")
    return "\n".join(parts) + "\n}"


def _fresh_names(toks: list[Token], subs: Mapping[ox.Variable, Term]) -> dict[str, str]:
    used = {t.text[1:] for t in toks if t.kind == "var"}
    names = {}
    for variable in subs:
        name = f"{variable.value}__in"
        while name in used:
            name += "_"
        names[variable.value] = name
    return names


def bind_remote(text: str, subs: Mapping[ox.Variable, Term]) -> str:
    """``text`` rewritten so that a remote store returns what pyoxigraph's ``substitutions`` give."""
    prepared = _prepare(text, subs)
    toks = tokens(text)
    s = shape(toks)
    names = _fresh_names(toks, subs)
    projected = [v.value for v in prepared.variables] if isinstance(prepared, ox.QuerySolutions) else []
    if s.where_open is None or s.where_close is None:  # DESCRIBE ?x (no WHERE)
        return f"{text}\nWHERE {_join_block('{}', subs, names)}"
    open_at, close_at = toks[s.where_open].start, toks[s.where_close].end
    group = _renamed(text[open_at:close_at], toks[s.where_open : s.where_close + 1], names)
    if not s.grouped:
        block = _join_block(group, subs, names)
        if s.short_construct:
            where_kw = toks[s.form_index + 1]
            return f"{text[: where_kw.start]}{text[open_at:close_at]}\nWHERE {block}{text[close_at:]}"
        head = _star_to_names(text, toks[s.form_index : s.where_open], open_at, projected, subs)
        return f"{head}{block}{text[close_at:]}"
    if s.form != "SELECT":
        raise UsageError(f"cannot bind parameters in a grouped {s.form} query on a remote store")
    return _wrap_grouped(text, toks, s, projected, subs, names)


def _star_to_names(text: str, head: list[Token], upto: int, projected: list[str], subs: Mapping[ox.Variable, Term]) -> str:
    """The query up to its WHERE group, with ``SELECT *``/``DESCRIBE *`` spelled out (no ``?x__in``)."""
    star = next((t for t in head if t.text == "*" and t.braces == 0 and t.parens == 0), None)
    if star is None:
        return text[:upto]
    names = projected or [t.text[1:] for t in head if t.kind == "var"] or [v.value for v in subs]
    return f"{text[: star.start]}{' '.join('?' + n for n in names)}{text[star.end : upto]}"


def _wrap_grouped(
    text: str, toks: list[Token], s: QueryShape, projected: list[str], subs: Mapping[ox.Variable, Term],
    names: dict[str, str],
) -> str:
    """A grouped SELECT as a subquery, joined with the parameters, ORDER BY/LIMIT outside."""
    assert s.where_close is not None and s.where_open is not None
    tail = next(
        (i for i in range(s.where_close + 1, len(toks)) if toks[i].braces == 0 and toks[i].parens == 0
         and toks[i].kind == "word" and toks[i].text.upper() in _TAIL_KEYWORDS),
        len(toks),
    )
    tail_at = toks[tail].start if tail < len(toks) else len(text)
    head = toks[s.form_index + 1 : s.where_open]
    dataset = next((i for i, t in enumerate(head) if t.kind == "word" and t.text.upper() in ("FROM", "WHERE")), None)
    clause_end = head[dataset].start if dataset is not None else toks[s.where_open].start
    dataset_text = ""
    if dataset is not None:
        dataset_text = re.sub(r"(?i)\bWHERE\s*$", "", text[head[dataset].start : toks[s.where_open].start].rstrip())
    inner_toks = [t for t in toks[s.form_index:tail] if t.start < clause_end or t.start >= toks[s.where_open].start]
    inner = (
        _renamed(text[toks[s.form_index].start : clause_end], [t for t in inner_toks if t.start < clause_end], names)
        + " WHERE "
        + _renamed(text[toks[s.where_open].start : tail_at], [t for t in inner_toks if t.start >= clause_end], names)
    )
    modifier = next((t.text.upper() for t in head[:1] if t.text.upper() in ("DISTINCT", "REDUCED")), "")
    prologue = text[: toks[s.form_index].start]
    return (
        f"{prologue}SELECT {modifier} {' '.join('?' + n for n in projected)} {dataset_text}\n"
        f"WHERE {_join_block('{ ' + inner + ' }', subs, names)}\n{text[tail_at:]}"
    )
