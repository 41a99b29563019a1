"""The loader's fast paths give exactly what the plain code they replace gives."""

from __future__ import annotations

import gc
import random
import re

import pyoxigraph as ox
import pytest

from stikg.graph.vocab import STIKG
from stikg.loaders import places as gazetteer
from stikg.loaders.context import ExtractionContext
from stikg.loaders.document import Document
from stikg.loaders.extract import industries, run_extractors
from stikg.loaders.normalize import _ARTEFACT, _NEWLINES, _TRANSLATE, normalize_newlines, remove_artefacts
from stikg.loaders.numbers import _FULL_WIDTH, normalise_digits
from stikg.loaders.pipeline import builtin_corpus, extract_file, few_collections
from stikg.loaders.rdf import GraphBuilder, iri
from stikg.loaders.readers import read_document
from stikg.loaders.segment import _SENTENCE_END

_ALPHABET = "。！？；!?;”’」）)abc1=/& \t\n\r\x0c\u2028发展苏州区０９％．\u00a0\u200b\x07"


def _random_texts(n: int, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 40))) for _ in range(n)]


def test_sentence_ends_are_those_of_the_plain_pattern() -> None:
    """The pattern opening with a character set finds what the plain alternation finds."""
    plain = re.compile(r"(?:[。！？；]|[!?;](?![\w/=&]))+[”’」』）)】〕》\"']*")
    rng = random.Random(5)
    for text in [*_random_texts(3000), "a!b c! d。。」x ;y; z?=1 ok?", "http://x?a=1; 好！！”后"]:
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        fast = [m.span() for m in _SENTENCE_END.finditer(text, start, end)]
        assert fast == [m.span() for m in plain.finditer(text, start, end)], (text, start, end)


def test_text_clean_ups_are_skipped_only_when_nothing_changes() -> None:
    for text in [*_random_texts(2000), "[bookmark: _Toc1]正文", "全角１２．５％", "a\r\nb\rc"]:
        assert normalize_newlines(text) == _NEWLINES.sub("\n", text)
        assert remove_artefacts(text) == _ARTEFACT.sub("", text).translate(_TRANSLATE)
        assert normalise_digits(text) == text.translate(_FULL_WIDTH)


def _long_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(builtin_corpus().iterdir()))


@pytest.mark.parametrize("region", [None, "相城区", "苏州市"])
def test_cached_place_scans_equal_a_fresh_scan(region: str | None) -> None:
    """Scans for several regions share their regex searches; each still equals a scan of its own."""
    text = _long_text()
    for other in (None, "吴江区"):
        gazetteer.find_places(text, region=other)  # fills the shared searches first
    cached = gazetteer.find_places(text, region=region)
    assert cached and cached == gazetteer._scan(text, 0, len(text), region, {})


def test_industry_sentences_skipped_cheaply_state_no_focus() -> None:
    """A sentence without 以 and without a trigger has no clause that yields industries."""
    skipped = 0
    for path in sorted(builtin_corpus().iterdir()):
        doc = read_document(path)
        for sentence in doc.sentences:
            if "以" in sentence.text or industries._TRIGGER.search(doc.text, sentence.start, sentence.end):
                continue
            skipped += 1
            for clause in industries._CLAUSE.finditer(doc.text, sentence.start, sentence.end):
                assert industries.industries_in_clause(doc.text, *clause.span()) == ([], None)
    assert skipped > 100


def test_span_triples_are_written_once_each() -> None:
    doc = Document("speed.txt", "苏州市相城区发展生物医药。")
    out = GraphBuilder(doc)
    place = iri("https://example.org/place")
    out.mention(place, 0, 3)
    out.mention(place, 0, 3)
    fact = out.fact("focus", STIKG.IndustryFocus, 0, 13)
    quads = list(out.quads())
    assert len(quads) == len(set(quads)) == len(out.triples)
    spans = [q.subject for q in quads if q.predicate == iri(str(STIKG.quote))]
    assert len(spans) == 2
    quotes = {q.object.value for q in quads if q.predicate == iri(str(STIKG.quote))}
    assert quotes == {"苏州市", doc.text}
    assert ox.Quad(fact, iri("http://www.w3.org/ns/prov#wasDerivedFrom"), out.span(0, 13), iri(out.graph)) in quads
    with pytest.raises(ValueError, match=r"outside speed\.txt"):
        out.span(5, 99)


def test_span_quotes_keep_every_character_n_quads_must_escape() -> None:
    """Quotes and offsets are parsed from N-Quads text: backslashes, quotes and line breaks survive."""
    text = '他说："路径C:\\data\\x"\r\n第二行\t制表 😀 结束'
    out = GraphBuilder(Document("escape.txt", text))
    spans = [(0, len(text)), (3, 12), (len(text) - 4, len(text))]
    for start, end in spans:
        out.mention(iri("https://example.org/e"), start, end)
    quads = out.quads()
    quote, start_p, end_p = (iri(str(STIKG[n])) for n in ("quote", "startOffset", "endOffset"))
    for start, end in spans:
        node = out.span(start, end)
        values = {q.predicate: q.object for q in quads if q.subject == node}
        assert values[quote].value == text[start:end]
        assert (int(values[start_p].value), int(values[end_p].value)) == (start, end)
        assert values[start_p].datatype == iri("http://www.w3.org/2001/XMLSchema#integer")


def test_few_collections_restores_the_thresholds() -> None:
    before = gc.get_threshold()
    with few_collections(50_000):
        assert gc.get_threshold()[0] >= 50_000
    assert gc.get_threshold() == before
    with pytest.raises(RuntimeError), few_collections():
        raise RuntimeError("boom")
    assert gc.get_threshold() == before


def test_few_collections_freezes_kept_documents_and_unfreezes_after() -> None:
    assert gc.get_freeze_count() == 0
    with few_collections() as keep:
        kept = [[object()] for _ in range(100)]
        keep()
        assert gc.get_freeze_count() >= len(kept)
    assert gc.get_freeze_count() == 0


def test_few_collections_leaves_a_callers_frozen_objects_alone() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with few_collections() as keep:
            keep()
            assert gc.get_freeze_count() == frozen
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_extract_file_gives_the_extractors_graph() -> None:
    path = sorted(builtin_corpus().iterdir())[2]
    graph, quads = extract_file(path, ExtractionContext())
    builder = run_extractors(read_document(path), ExtractionContext())
    assert graph == builder.graph
    assert set(quads) == set(builder.quads()) and len(quads) == len(set(quads))
