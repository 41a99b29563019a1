"""Rules of organisation recognition: categories, boundaries, lists, aliases, provenance."""

from __future__ import annotations

import pyoxigraph as ox

from stikg.graph.iris import entity_iri
from stikg.graph.vocab import ORG, RDF, RDFS, SKOS, STIKG
from tests.loaders_orgs.conftest import extract_orgs


def _mentions(out) -> list[tuple[int, int, str, str]]:
    """(start, end, quote, entity IRI) of every mention span in the builder's graph."""
    by_span: dict = {}
    for t in out.triples:
        by_span.setdefault(t.subject.value, {})[t.predicate.value] = t.object
    rows = []
    for props in by_span.values():
        if str(STIKG.mentions) in props:
            start = int(props[str(STIKG.startOffset)].value)
            end = int(props[str(STIKG.endOffset)].value)
            rows.append((start, end, props[str(STIKG.quote)].value, props[str(STIKG.mentions)].value))
    return sorted(rows)


def test_generic_categories_are_not_institutions() -> None:
    text = (
        "累计建有科技孵化器103家，其中国家级孵化器9家、省级众创空间12家。"
        "鼓励企业建设重点实验室、工程技术研究中心、企业技术中心等研发机构。"
        "新增高新技术企业200家，支持一批新型研发机构、各类众创空间发展，推动高校院所合作。"
        "支持建设苏州市海外离岸创新中心，争创江苏省重点实验室，对新获批省级标杆孵化器给予支持。"
        "引导银行、保险、创投机构设立科创基金、产业基金和并购基金。\n"
    )
    _, ctx, _ = extract_orgs(text, "相城区")
    assert ctx.orgs == {}


def test_left_boundary_starts_at_the_name() -> None:
    text = "举全市之力服务保障苏州实验室建设。依托西北工业大学太仓长三角研究院建设航空平台。\n"
    _doc, ctx, out = extract_orgs(text, "太仓市")
    quotes = {quote for _, _, quote, _ in _mentions(out)}
    assert quotes == {"苏州实验室", "西北工业大学太仓长三角研究院"}
    assert ctx.orgs["西北工业大学太仓长三角研究院"].parent == "西北工业大学"
    assert ctx.orgs["西北工业大学太仓长三角研究院"].located_in == "太仓市"


def test_coordinated_list_splits_and_aliases_resolve() -> None:
    text = "与中科大、清华大学、法国里尔大学以及与中科院、航天科工、江苏省和苏州市产研院等单位合作建设新型研发机构。\n"
    _, ctx, _ = extract_orgs(text, "相城区")
    assert set(ctx.orgs) == {
        "中国科学技术大学",
        "清华大学",
        "里尔大学",
        "中国科学院",
        "中国航天科工集团有限公司",
        "江苏省产业技术研究院",
        "苏州市产业技术研究院",
    }
    assert ctx.orgs["里尔大学"].located_in in ("里尔", "法国")
    assert ctx.orgs["中国科学院"].cls == "ResearchInstitute"


def test_short_form_introduced_in_the_text_is_the_same_entity() -> None:
    text = (
        "组建苏州市产业技术研究院（以下简称“市产研院”），布局专业研究所。"
        "市产研院与南京大学共建联合实验室。支持苏州华星光电技术有限公司（简称“华星光电”）发展，华星光电牵头攻关。\n"
    )
    _, ctx, out = extract_orgs(text, "苏州市")
    assert set(ctx.orgs) == {"苏州市产业技术研究院", "南京大学", "苏州华星光电技术有限公司"}
    counts: dict[str, int] = {}
    for _, _, _, entity in _mentions(out):
        counts[entity] = counts.get(entity, 0) + 1
    assert counts[entity_iri("org", "苏州市产业技术研究院")] == 3  # name, short form defined, short form used
    assert counts[entity_iri("org", "苏州华星光电技术有限公司")] == 3


def test_department_short_forms_take_the_region_and_the_list_scope() -> None:
    text = "（责任单位：区科技局、发改委、财政局，各镇）市科技局、省科技厅给予指导。\n"
    _, ctx, _ = extract_orgs(text, "吴江区")
    assert set(ctx.orgs) == {
        "苏州市吴江区科学技术局",
        "苏州市吴江区发展和改革委员会",
        "苏州市吴江区财政局",
        "苏州市科学技术局",
        "江苏省科学技术厅",
    }
    assert ctx.orgs["苏州市科学技术局"].level == "MunicipalLevel"


def test_listed_companies_without_an_ending_are_enterprises() -> None:
    text = "依托帝迈生物、宇恒生物等龙头企业，引导舍弗勒、博格华纳等外资骨干企业参与，围绕纺织、石化等传统产业领域。\n"
    _, ctx, _ = extract_orgs(text, "太仓市")
    assert {n: i.cls for n, i in ctx.orgs.items()} == {
        "帝迈生物": "Enterprise",
        "宇恒生物": "Enterprise",
        "舍弗勒集团": "Enterprise",
        "博格华纳": "Enterprise",
    }


def test_every_mention_quotes_the_text_once_per_occurrence() -> None:
    text = "与中科院合作。中国科学院苏州纳米技术与纳米仿生研究所（中科院苏州纳米所）建设。中科院支持。\n"
    doc, _ctx, out = extract_orgs(text, "苏州市")
    rows = _mentions(out)
    assert rows and all(doc.text[s:e] == quote for s, e, quote, _ in rows)
    cas = [quote for _, _, quote, entity in rows if entity == entity_iri("org", "中国科学院")]
    assert cas == ["中科院", "中科院"]
    assert len({(s, e) for s, e, _, _ in rows}) == len(rows)


def test_graph_shape_of_an_organisation() -> None:
    text = "与清华大学、中科院合作，建设国家第三代半导体技术创新中心。\n"
    _, _, out = extract_orgs(text, "苏州市")
    triples = set(out.triples)
    tsinghua = ox.NamedNode(entity_iri("org", "清华大学"))
    cas = ox.NamedNode(entity_iri("org", "中国科学院"))
    center = ox.NamedNode(entity_iri("org", "国家第三代半导体技术创新中心"))
    assert ox.Triple(tsinghua, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(STIKG.University))) in triples
    assert ox.Triple(tsinghua, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(ORG.Organization))) in triples
    assert (
        ox.Triple(tsinghua, ox.NamedNode(str(RDFS.label)), ox.Literal("Tsinghua University", language="en"))
        in triples
    )
    assert (
        ox.Triple(
            tsinghua, ox.NamedNode(str(RDFS.label)), ox.Literal("qing hua da xue", language="zh-Latn-pinyin")
        )
        in triples
    )
    assert ox.Triple(cas, ox.NamedNode(str(SKOS.altLabel)), ox.Literal("中科院", language="zh")) in triples
    assert (
        ox.Triple(center, ox.NamedNode(str(STIKG.level)), ox.NamedNode(str(STIKG.NationalLevel))) in triples
    )
    located = [t for t in triples if t.subject == tsinghua and t.predicate.value == str(STIKG.locatedIn)]
    assert [t.object.value for t in located] == [entity_iri("place", "北京市")]


def test_sub_organisation_links_to_its_parent() -> None:
    text = "推进中科院苏州纳米所、上海交通大学相城技术创新研究中心建设。\n"
    _, _, out = extract_orgs(text, "相城区")
    triples = set(out.triples)
    sub = ox.NamedNode(entity_iri("org", "上海交通大学相城技术创新研究中心"))
    parent = ox.NamedNode(entity_iri("org", "上海交通大学"))
    assert ox.Triple(sub, ox.NamedNode(str(ORG.subOrganizationOf)), parent) in triples
    assert ox.Triple(parent, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(STIKG.University))) in triples
    located = {
        t.object.value for t in triples if t.subject == sub and t.predicate.value == str(STIKG.locatedIn)
    }
    assert located == {entity_iri("place", "相城区")}


def test_listed_categories_and_places_are_not_companies() -> None:
    text = "培育一批专精特新、小巨人等企业，支持恒力、盛虹等龙头企业，推动苏州、无锡等地企业合作，鼓励瞪羚、独角兽等创新型企业发展。\n"
    _, ctx, _ = extract_orgs(text, "吴江区")
    assert set(ctx.orgs) == {"恒力", "盛虹"}


def test_concepts_named_like_centres_are_not_institutions() -> None:
    text = "加快打造具有全球影响力的产业科技创新中心，对接上海科创中心，融入上海国际金融中心建设，以需求为中心。\n"
    _, ctx, _ = extract_orgs(text, "太仓市")
    assert ctx.orgs == {}


def test_words_inside_known_names_do_not_cut_them() -> None:
    """建设 in 中国建设银行, 为 in 华为, 应 in 应用技术学院 are part of the names, not verbs."""
    text = "支持中国建设银行常熟分行、华为苏州研究所与苏州大学应用技术学院合作。\n"
    _, ctx, _ = extract_orgs(text, "常熟市")
    assert {"中国建设银行常熟分行", "华为苏州研究所", "苏州大学应用技术学院"} <= set(ctx.orgs)


def test_zone_words_name_the_documents_own_zone() -> None:
    text = "园区管委会与园区科技创新委员会（以下简称“科创委”）联合发文，科创委会同园区财政局落实。\n"
    _, ctx, _ = extract_orgs(text, "苏州工业园区")
    assert set(ctx.orgs) == {"苏州工业园区管委会", "苏州工业园区科技创新委员会", "苏州工业园区财政局"}


def test_brands_countries_and_categories() -> None:
    text = (
        "鼓励科沃斯、绿的谐波等龙头企业发展，支持苏州绿的谐波传动科技股份有限公司、科沃斯机器人股份有限公司上市。"
        "深化与英国利物浦大学、新加坡国立大学合作，举办两次专场招商会，做大昆山市政府引导基金，同时引导银行放贷。"
        "支持建设国家大学科技园和产业技术创新战略联盟，加入长三角氢能产业联盟。\n"
    )
    _, ctx, _ = extract_orgs(text, "昆山市")
    assert set(ctx.orgs) == {
        "苏州绿的谐波传动科技股份有限公司",
        "科沃斯机器人股份有限公司",
        "利物浦大学",
        "新加坡国立大学",
        "昆山市政府引导基金",
        "长三角氢能产业联盟",
    }
    assert ctx.orgs["长三角氢能产业联盟"].cls == "Organization"


def test_offshore_incubator_and_enclosing_places() -> None:
    from stikg.loaders.extract.collaborations import find_collaborations

    text = "在美国硅谷设立离岸创新中心，在德国慕尼黑设立昆山（慕尼黑）离岸孵化器，在上海市嘉定区布局建设科创飞地。\n"
    doc, ctx, _ = extract_orgs(text, "昆山市")
    found = {
        (kind, frozenset(p.name for p in parties)) for _, _, kind, parties, _ in find_collaborations(doc, ctx)
    }
    assert found == {
        ("Offshore", frozenset({"昆山市", "硅谷"})),
        ("Offshore", frozenset({"昆山市", "慕尼黑"})),
        ("Enclave", frozenset({"昆山市", "嘉定区"})),
    }


def test_serve_before_a_national_name_is_a_verb() -> None:
    text = (
        "全力服务国家先进功能纤维创新中心建设。支持江苏省科技企业融资路演服务中心太仓分中心发展，"
        "办好常熟市科技创业服务中心。\n"
    )
    _, ctx, _ = extract_orgs(text, "太仓市")
    assert "国家先进功能纤维创新中心" in ctx.orgs
    assert "常熟市科技创业服务中心" in ctx.orgs
    assert not any(name.startswith("服务") for name in ctx.orgs)


def test_a_name_said_to_be_a_new_rd_institution_later_in_its_sentence() -> None:
    text = (
        "与中国科学院半导体研究所共建的长三角先进光电技术研究院正式运行，成为我区第9家新型研发机构。"
        "东南大学常熟研究院建成投用，苏州大学与之共建的新型研发机构还有3家。\n"
    )
    _, ctx, _ = extract_orgs(text, "吴江区")
    assert ctx.orgs["长三角先进光电技术研究院"].cls == "NewRDInstitution"
    assert ctx.orgs["中国科学院半导体研究所"].cls == "ResearchInstitute"
    assert ctx.orgs["苏州大学"].cls == "University"


def test_a_company_named_by_its_own_name_after_the_full_name() -> None:
    text = (
        "江苏亨通光电股份有限公司获评国家技术创新示范企业。亨通光电牵头承担国家重点研发计划项目2项。"
        "中利集团有限公司加快转型，集中利用存量土地。\n"
    )
    _, ctx, _ = extract_orgs(text, "吴江区")
    brands = {m.surface: m.info.canonical for m in ctx.org_mentions}
    assert brands["亨通光电"] == "江苏亨通光电股份有限公司"
    assert "中利" not in brands and set(ctx.orgs) == {"江苏亨通光电股份有限公司", "中利集团有限公司"}


def test_every_one_of_a_kind_and_filed_categories_are_not_names() -> None:
    text = (
        "各区（镇）管委会、各街道办事处要抓好落实。对新认定的国家备案众创空间、省级备案众创空间给予奖励，"
        "各开发区管委会负责初审。\n"
    )
    _, ctx, _ = extract_orgs(text, "吴中区")
    assert ctx.orgs == {}


def test_a_town_or_zone_names_its_own_facility() -> None:
    text = "支持黄埭镇众创空间、相城经开区科技企业孵化器争创国家级载体，相城区众创空间数量达到60家。\n"
    _, ctx, _ = extract_orgs(text, "相城区")
    assert set(ctx.orgs) == {"黄埭镇众创空间", "相城经开区科技企业孵化器"}
    assert ctx.orgs["黄埭镇众创空间"].cls == "MakerSpace"


def test_an_institute_written_with_suo_for_yanjiusuo_is_the_full_name() -> None:
    text = (
        "推动中国科学院自动化研究所在本区设立分支机构。中科院自动化所团队牵头攻关，"
        "中国科学院自动化研究所南京分所同步参与。\n"
    )
    _, ctx, _ = extract_orgs(text, "吴中区")
    forms = {m.surface: m.info.canonical for m in ctx.org_mentions}
    assert forms["中科院自动化所"] == "中国科学院自动化研究所"
    assert set(ctx.orgs) == {"中国科学院自动化研究所", "中国科学院自动化研究所南京分所"}


def test_its_partner_a_country_before_a_name_and_an_offshore_city_in_a_name() -> None:
    from stikg.loaders.extract.collaborations import find_collaborations

    text = (
        "全力支持南京理工大学建设，推动其与德国慕尼黑工业大学联合开展研究。"
        "高水平运营昆山（东京）离岸创新中心。\n"
    )
    doc, ctx, _ = extract_orgs(text, "昆山市")
    found = {
        (kind, frozenset(p.name for p in parties)) for _, _, kind, parties, _ in find_collaborations(doc, ctx)
    }
    assert found == {
        ("Cooperation", frozenset({"南京理工大学", "慕尼黑工业大学"})),
        ("Offshore", frozenset({"昆山市", "东京"})),
    }


def test_stop_characters_that_begin_a_country_and_joining_dashes() -> None:
    text = (
        "与以色列理工学院开展联合研发，推进中以（相城）创新合作中心建设。"
        "联合共建“苏州大学—相城区协同创新中心”。其中以企业为主体。\n"
    )
    _, ctx, _ = extract_orgs(text, "相城区")
    assert {"以色列理工学院", "中以（相城）创新合作中心", "苏州大学—相城区协同创新中心"} <= set(ctx.orgs)
    assert "理工学院" not in ctx.orgs and "苏州大学" not in ctx.orgs


def test_bare_company_beside_a_full_company_name_and_more_departments() -> None:
    text = (
        "推动易德龙、江苏宝馨科技集团有限公司与高校开展联合攻关。江苏吴中医药集团有限公司、信达生物吴中基地加快建设。"
        "支持苏州市科技对外交流中心组织企业出访，设立专业化子基金。责任单位：市外办、市地方金融监管局。\n"
    )
    _, ctx, _ = extract_orgs(text, "苏州市")
    assert ctx.orgs["易德龙"].cls == "Enterprise"
    assert {"苏州市科技对外交流中心", "苏州市人民政府外事办公室", "苏州市地方金融监督管理局"} <= set(ctx.orgs)
    assert not {"信达生物吴中基地", "专业化子基金", "苏州市地方金融监管局"} & set(ctx.orgs)


def _collaborations_of(text: str, region: str) -> set[tuple[str, frozenset[str]]]:
    from stikg.loaders.extract.collaborations import find_collaborations

    doc, ctx, _ = extract_orgs(text, region)
    return {
        (kind, frozenset(p.name for p in parties)) for _, _, kind, parties, _ in find_collaborations(doc, ctx)
    }


def test_a_cooperation_word_used_as_a_noun_states_nothing() -> None:
    text = "市科技局始终把校企合作作为推动创新的重要抓手。市科技局将国际合作列为年度重点任务。\n"
    assert _collaborations_of(text, "昆山市") == set()


def test_a_docking_after_the_cooperation_is_its_manner_not_its_kind() -> None:
    text = "与浙江大学等高校的合作目前以人才对接为主。\n"
    assert _collaborations_of(text, "昆山市") == {("Cooperation", frozenset({"昆山市", "浙江大学"}))}


def test_launching_together_and_ties_with_a_partner_are_cooperations() -> None:
    text = (
        "会同中国工商银行昆山分行推出“科创积分贷”。加强与同济大学的联系。"
        "市科技局会同市财政局负责解释。详见本单位的联系电话。\n"
    )
    assert _collaborations_of(text, "昆山市") == {
        ("Cooperation", frozenset({"昆山市", "中国工商银行昆山分行"})),
        ("Cooperation", frozenset({"昆山市", "同济大学"})),
    }


def test_a_docking_mechanism_with_named_partners_is_a_docking() -> None:
    text = "与南京大学、东南大学建立定期对接机制。完善区域合作机制。\n"
    assert _collaborations_of(text, "昆山市") == {("Docking", frozenset({"昆山市", "南京大学", "东南大学"}))}


def test_what_is_launched_jointly_is_not_a_party() -> None:
    text = "市科技局联合中国工商银行昆山分行推出“昆山科创贷”。\n"
    found = _collaborations_of(text, "昆山市")
    assert len(found) == 1 and "昆山市" not in next(iter(found))[1]
    assert next(iter(found))[0] == "Cooperation"


def test_a_bare_word_for_the_locality_is_the_governed_region() -> None:
    """与所在地 names the region; 与企业 and 与龙头企业 name unnamed firms, not the region."""
    text = (
        "支持南京大学、东南大学与企业联合培养研究生。支持同济大学等与所在地共建中试基地。"
        "支持浙江大学与龙头企业共建实验室。\n"
    )
    assert _collaborations_of(text, "昆山市") == {("JointBuild", frozenset({"昆山市", "同济大学"}))}


def test_the_places_visited_for_a_docking_are_its_partners() -> None:
    text = "组织企业赴日本、韩国开展项目对接。\n"
    assert _collaborations_of(text, "昆山市") == {("Docking", frozenset({"昆山市", "日本", "韩国"}))}
