"""The extractors' prefilters and indexes give exactly what the plain code they stand in for gives."""

from __future__ import annotations

import random

from stikg.loaders import org_finder
from stikg.loaders.extract import funding, indicators, metadata
from stikg.loaders.pipeline import builtin_corpus
from stikg.loaders.readers import read_document

_NAME_ALPHABET = "苏州大学研究院（）()—-·12 ，、和abc"


def _corpus_texts() -> list[str]:
    return [read_document(p).text for p in sorted(builtin_corpus().iterdir())]


def test_window_start_fast_path_equals_the_walk_back() -> None:
    rng = random.Random(11)
    for _ in range(3000):
        text = "".join(rng.choice(_NAME_ALPHABET) for _ in range(rng.randint(1, 60)))
        pos = rng.randint(0, len(text))
        floor = rng.randint(0, pos)
        slow = org_finder._window_start_slow(text, pos, floor)
        window = text[max(floor, pos - org_finder.MAX_NAME) : pos]
        if not org_finder._BRACKET_OR_DASH.search(window):
            other = org_finder._NOT_NAME_CHAR.search(window[::-1])
            assert pos - (other.start() if other else len(window)) == slow, (text, pos, floor)


def test_span_index_equals_any_over_spans() -> None:
    rng = random.Random(5)
    for _ in range(300):
        spans = [(s, s + rng.randint(1, 30)) for s in (rng.randint(0, 100) for _ in range(rng.randint(0, 6)))]
        index = indicators._SpanIndex(spans)
        for offset in range(-2, 140):
            assert index.covers(offset) == any(s <= offset < e for s, e in spans)


def test_document_number_found_from_its_core() -> None:
    texts = [*_corpus_texts(), "苏州市人民政府文件\n苏府〔2021〕24号\n关于…", "相政发〔 2022 〕 3 号", "无文号（2020）"]
    for text in texts:
        head = text[: metadata._HEAD]
        core = metadata._NUMBER_CORE.search(head)
        fast = metadata._DOC_NUMBER.search(head, max(0, core.start() - 12)) if core else None
        plain = metadata._DOC_NUMBER.search(head)
        assert (fast and fast.span()) == (plain and plain.span())


def test_funding_hint_prefilter_skips_only_sentences_without_a_hint() -> None:
    for text in _corpus_texts():
        for line in text.splitlines():
            if not funding._HINT_CHAR.search(line):
                assert not funding._HINT.search(line)
