"""The web UI's words in Chinese and English; the language comes from ?lang=, else Accept-Language."""

from __future__ import annotations

from flask import request

__all__ = ["LANGUAGES", "THEMES", "current_language", "translator"]

LANGUAGES = ("zh", "en")
_STRINGS: dict[str, tuple[str, str]] = {  # key: (zh, en)
    "app_title": ("苏州科技创新政策知识图谱", "Suzhou S&T innovation policy knowledge graph"),
    "nav_query": ("查询", "Query"),
    "nav_ontology": ("本体", "Ontology"),
    "nav_void": ("数据集描述", "Dataset (VoID)"),
    "nav_endpoint": ("SPARQL 端点", "SPARQL endpoint"),
    "examples": ("示例查询", "Example queries"),
    "examples_hint": ("选择一个示例，载入编辑器并运行", "Pick an example to load it into the editor and run it"),
    "no_examples": ("查询库为空", "The query library is empty"),
    "parameters": ("参数", "Parameters"),
    "intro": (
        "用 SPARQL 查询规划、机构、地区、产业、人才计划、资金与指标；每个事实都链接到原文。",
        "Query plans, institutions, places, industries, talent programmes, funding and indicators "
        "with SPARQL; every fact links back to the sentence that states it.",
    ),
    "labels": ("名称", "Labels"),
    "types": ("类型", "Types"),
    "properties": ("属性", "Properties"),
    "incoming": ("被引用", "Referenced by"),
    "sources": ("原文出处", "Source quotes"),
    "no_sources": ("没有原文出处", "No source quotes"),
    "document": ("文件", "Document"),
    "quote": ("原文", "Quote"),
    "fact": ("事实", "Fact"),
    "mention": ("提及", "mention"),
    "self": ("本身", "this fact"),
    "formats": ("其他格式", "Other formats"),
    "not_found": ("未找到", "Not found"),
    "not_found_body": ("图谱中没有这个 IRI：", "The graph holds nothing about this IRI:"),
    "back_home": ("返回首页", "Back to the start page"),
    "error": ("错误", "Error"),
    "chart": ("图表", "Chart"),
    "graph": ("关系图", "Graph"),
    "lang_switch": ("English", "中文"),
    "nav_compare": ("指标比较", "Compare"),
    "run": ("运行", "Run"),
    "download_csv": ("下载 CSV（Excel/WPS）", "Download CSV (Excel/WPS)"),
    "open_in_editor": ("在编辑器中打开", "Open in the editor"),
    "param_results": ("参数查询结果", "Results of the parameterised query"),
    "row_cap": ("结果已截断：只显示前 {n} 行（STIKG_MAX_ROWS）。请用 LIMIT/OFFSET 分页。",
                "Result cut: only the first {n} rows are shown (STIKG_MAX_ROWS). Page with LIMIT/OFFSET."),
    "compare_title": ("指标的地区与年份比较", "An indicator compared across regions and years"),
    "compare_hint": ("选择一个指标：实线实心点为现状值，虚线空心点为目标值，点线为预计值。",
                     "Pick an indicator: solid lines with filled points are actual values, dashed lines "
                     "with hollow points are targets, dotted lines are estimates."),
    "indicator": ("指标", "Indicator"),
    "region": ("区域", "Region"),
    "year": ("年份", "Year"),
    "value": ("数值", "Value"),
    "unit": ("单位", "Unit"),
    "status": ("状态", "Status"),
    "status_Actual": ("现状", "actual"),
    "status_Estimate": ("预计", "estimate"),
    "status_Target": ("目标", "target"),
    "no_indicators": ("图谱中没有指标观测值", "The graph holds no indicator values"),
    "observations": ("观测值", "values"),
}
THEMES: dict[str, tuple[str, str]] = {  # query-library themes (file-name prefix); others show the prefix
    "collaborations": ("合作", "Collaboration"),
    "compare": ("比较", "Comparisons"),
    "external": ("外部链接", "External links"),
    "federated": ("联邦查询", "Federated queries"),
    "funding": ("资金支持", "Funding"),
    "indicator": ("指标", "Indicators"),
    "industries": ("产业", "Industries"),
    "institutions": ("机构", "Institutions"),
    "places": ("地区", "Places"),
    "plans": ("规划", "Plans"),
    "talent": ("人才", "Talent"),
}


def current_language() -> str:
    asked = request.args.get("lang")
    if asked in LANGUAGES:
        return asked
    return request.accept_languages.best_match(LANGUAGES, default="zh") or "zh"


def translator(lang: str):  # type: ignore[no-untyped-def]
    """``t(key)`` for templates; an unknown key shows itself so a gap is visible, not silent."""
    index = LANGUAGES.index(lang) if lang in LANGUAGES else 0

    def t(key: str) -> str:
        pair = _STRINGS.get(key)
        if pair is None and key.startswith("theme_"):
            pair = THEMES.get(key[6:], (key[6:], key[6:]))
        return pair[index] if pair else key

    return t
