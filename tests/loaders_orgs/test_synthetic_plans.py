"""Synthetic plan paragraphs of other county-level cities: institutions and collaborations expected."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.loaders_orgs.conftest import extract_orgs

KUNSHAN = (
    "昆山市人民政府与中国科学院苏州纳米技术与纳米仿生研究所签署战略合作协议。"
    "依托昆山杜克大学、昆山工业技术研究院等高校院所，与上海交通大学、北京大学合作共建昆山智能装备研究院。"
    "鼓励各区镇建设一批专业孵化器、众创空间和新型研发机构，对新认定的国家级科技企业孵化器给予奖励。"
    "支持好孩子集团、沪士电子股份有限公司等龙头企业建设企业技术中心。\n"
)
ZHANGJIAGANG = (
    "张家港市科技局会同江苏省产业技术研究院组建张家港产业技术研究院（以下简称“张家港产研院”）。"
    "张家港产研院与东南大学、江苏大学开展产学研合作，共建先进材料联合实验室。"
    "鼓励沙钢集团、东华能源股份有限公司等骨干企业与高校对接，市科技局负责牵头落实。\n"
)
CHANGSHU = (
    "常熟市与苏州大学、东南大学签署全面合作协议，共同建设常熟理工学院智能制造研究院。"
    "常熟高新区管委会积极对接上海交通大学、同济大学等高校资源。"
    "支持常熟市科技创业服务中心提升孵化能力，在德国斯图加特设立常熟（斯图加特）离岸孵化器。\n"
)

# fmt: off
CASES = {
    "kunshan": (KUNSHAN, "昆山市", {
        "昆山市人民政府": "GovernmentBody",
        "中国科学院苏州纳米技术与纳米仿生研究所": "ResearchInstitute",
        "昆山杜克大学": "University",
        "昆山工业技术研究院": "ResearchInstitute",
        "上海交通大学": "University",
        "北京大学": "University",
        "昆山智能装备研究院": "ResearchInstitute",
        "好孩子集团": "Enterprise",
        "沪士电子股份有限公司": "Enterprise",
    }, {
        ("StrategicCooperation", frozenset({"昆山市人民政府", "中国科学院苏州纳米技术与纳米仿生研究所"})),
        ("JointBuild", frozenset({"昆山市", "上海交通大学", "北京大学"})),
    }),
    "zhangjiagang": (ZHANGJIAGANG, "张家港市", {
        "张家港市科学技术局": "GovernmentBody",
        "江苏省产业技术研究院": "ResearchInstitute",
        "张家港产业技术研究院": "ResearchInstitute",
        "东南大学": "University",
        "江苏大学": "University",
        "沙钢集团": "Enterprise",
        "东华能源股份有限公司": "Enterprise",
    }, {
        ("Cooperation", frozenset({"张家港产业技术研究院", "东南大学", "江苏大学"})),
    }),
    "changshu": (CHANGSHU, "常熟市", {
        "苏州大学": "University",
        "东南大学": "University",
        "常熟理工学院智能制造研究院": "ResearchInstitute",
        "常熟高新区管委会": "GovernmentBody",
        "上海交通大学": "University",
        "同济大学": "University",
        "常熟市科技创业服务中心": "InnovationCenter",
        "常熟（斯图加特）离岸孵化器": "OffshoreIncubator",
    }, {
        ("Cooperation", frozenset({"常熟市", "苏州大学", "东南大学"})),
        ("Docking", frozenset({"常熟高新区管委会", "上海交通大学", "同济大学"})),
        ("Offshore", frozenset({"常熟市", "斯图加特"})),  # 在德国斯图加特设立常熟（斯图加特）离岸孵化器
    }),
}
# fmt: on


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_institutions_of_a_synthetic_plan(case: str) -> None:
    text, region, expected, _ = CASES[case]
    _, ctx, _ = extract_orgs(text, region)
    found = {name: info.cls for name, info in ctx.orgs.items()}
    assert found == expected


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_collaborations_of_a_synthetic_plan(case: str) -> None:
    from stikg.loaders.extract.collaborations import find_collaborations

    text, region, _, expected = CASES[case]
    doc, ctx, _ = extract_orgs(text, region)
    found = {
        (kind, frozenset(p.name for p in parties)) for _, _, kind, parties, _ in find_collaborations(doc, ctx)
    }
    assert found == expected


def test_located_in_and_parent() -> None:
    _, ctx, _ = extract_orgs(KUNSHAN + CHANGSHU, "昆山市")
    assert ctx.orgs["昆山杜克大学"].located_in == "昆山市"
    assert ctx.orgs["常熟理工学院智能制造研究院"].located_in == "常熟市"
    assert ctx.orgs["中国科学院苏州纳米技术与纳米仿生研究所"].parent == "中国科学院"
    assert ctx.orgs["常熟（斯图加特）离岸孵化器"].cls == "OffshoreIncubator"


# Longer synthetic documents written without looking at the extractor's output first.
FOLDER = Path(__file__).parent
# fmt: off
LONGER = {
    "kunshan_plan.txt": ({
        "昆山杜克大学", "昆山工业技术研究院", "清华大学昆山创新研究院", "中国科学院", "国家超级计算昆山中心",
        "深时数字地球研究中心", "昆山市工业技术研究院", "北京大学", "南京大学", "东南大学", "昆山开发区管委会",
        "昆山高新区管委会", "海峡两岸（昆山）产业协同创新中心", "上海交通大学", "同济大学", "长三角人工智能研究院",
        "好孩子集团", "沪士电子", "友达光电", "仁宝电脑", "中国银行昆山分行", "昆山农村商业银行",
        "昆山市科技创新母基金", "昆山市科学技术局", "昆山市发展和改革委员会", "昆山市财政局", "昆山市金融监管局",
        # a science park counts as an incubator; 德国弗劳恩霍夫协会 is the research society 弗劳恩霍夫协会 (a known
        # research organisation, as the unseen Kunshan annotation has it), the country a qualifier
        "阳澄湖科技园", "弗劳恩霍夫协会",
    }, {
        ("JointBuild", frozenset({"昆山市", "北京大学", "南京大学", "东南大学"})),
        ("JointBuild", frozenset({"昆山市", "上海交通大学", "同济大学"})),
        ("Docking", frozenset({"昆山市", "嘉定区", "青浦区"})),  # 上海嘉定: the district is the partner
    }),
    "zhangjiagang_report.txt": ({
        "张家港市人民政府", "中国科学院上海微系统与信息技术研究所", "张家港微系统技术创新中心", "江苏沙钢集团有限公司",
        "永钢集团", "东渡纺织集团", "张家港保税区管委会", "张家港经济技术开发区管委会", "苏州大学", "江南大学",
        "江苏科技大学张家港校区", "苏州大学张家港工业技术研究院", "张家港市科学技术局", "张家港市财政局",
        "张家港市税务局",
    }, {
        ("Cooperation", frozenset({"张家港市人民政府", "中国科学院上海微系统与信息技术研究所"})),
        ("Docking", frozenset({"张家港保税区管委会", "张家港经济技术开发区管委会", "苏州大学", "江南大学"})),
        ("Cooperation", frozenset({"张家港市", "上海市", "南京市"})),
    }),
}
# fmt: on


@pytest.mark.parametrize("name", LONGER, ids=list(LONGER))
def test_longer_synthetic_documents(name: str) -> None:
    from stikg.loaders.extract.collaborations import find_collaborations
    from stikg.loaders.places import guess_region

    text = (FOLDER / name).read_text(encoding="utf-8")
    institutions, collaborations = LONGER[name]
    doc, ctx, _ = extract_orgs(text, guess_region(text), source=name)
    assert set(ctx.orgs) == institutions
    found = {
        (kind, frozenset(p.name for p in parties)) for _, _, kind, parties, _ in find_collaborations(doc, ctx)
    }
    assert collaborations <= found
