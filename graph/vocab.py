"""Vocabulary constants: the one place Python code names RDF terms.

``STIKG`` is an rdflib ``DefinedNamespace`` with ``_fail = True``: a misspelt term
raises ``AttributeError`` at import time instead of minting an undeclared IRI
(the W3C ORG ontology lived for years with ``subOrganzationOf``). Every term here
must be declared in ``ontology/stikg.ttl``; ``tests/ontology/test_ontology.py`` checks both ways.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, QB, RDF, RDFS, SKOS, XSD, DefinedNamespace

__all__ = [
    "DCAT",
    "DCTERMS",
    "NIF",
    "ONTOLOGY_IRI",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "QB",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SDMX_DIM",
    "SH",
    "SKOS",
    "STIKG",
    "VOID",
    "XSD",
]

ONTOLOGY_IRI = "https://w3id.org/stikg/ontology"


class STIKG(DefinedNamespace):
    """Terms of the stikg ontology (``ontology/stikg.ttl``)."""

    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # --- policy documents ---------------------------------------------------
    PolicyDocument: URIRef
    Plan: URIRef  # 规划 (five-year plans)
    ActionPlan: URIRef  # 行动计划
    PolicyMeasures: URIRef  # 政策措施 / 若干措施
    WorkReport: URIRef  # 工作总结 / 工作计划
    Section: URIRef
    documentNumber: URIRef  # 文号, e.g. 相政发〔2021〕24号
    issuedBy: URIRef  # ⊑ dcterms:publisher
    periodStart: URIRef  # xsd:gYear
    periodEnd: URIRef  # xsd:gYear
    governedRegion: URIRef  # the place the document governs
    sourceFile: URIRef  # file name the document was loaded from
    text: URIRef  # the normalised text all offsets refer to
    headingLevel: URIRef
    # --- provenance: text spans -----------------------------------------------
    TextSpan: URIRef  # ⊑ prov:Entity, aligned with nif:String
    inDocument: URIRef
    startOffset: URIRef  # 0-based, in characters of stikg:text
    endOffset: URIRef  # exclusive
    quote: URIRef  # == text[startOffset:endOffset]
    mentions: URIRef  # span -> entity it names
    # --- places -----------------------------------------------------------------
    Place: URIRef
    Country: URIRef
    Province: URIRef  # province or foreign first-level state
    City: URIRef  # prefecture-level city
    District: URIRef  # district or county-level city (区 / 县级市)
    Town: URIRef  # town or street (镇 / 街道)
    DevelopmentZone: URIRef  # 开发区 / 高新区 / 园区
    ForeignCity: URIRef
    Region: URIRef  # supra-regional area: 长三角, 欧洲
    partOf: URIRef  # place -> containing place
    DivisionCode: URIRef  # datatype of China's administrative division codes
    # --- organisations ------------------------------------------------------------
    University: URIRef
    ResearchInstitute: URIRef
    NewRDInstitution: URIRef  # 新型研发机构
    Laboratory: URIRef
    Incubator: URIRef
    MakerSpace: URIRef
    Accelerator: URIRef
    OffshoreIncubator: URIRef  # 离岸孵化器
    InnovationCenter: URIRef  # 创新中心 / 平台
    Enterprise: URIRef
    GovernmentBody: URIRef
    FinancialInstitution: URIRef
    Fund: URIRef
    locatedIn: URIRef
    level: URIRef
    Level: URIRef
    NationalLevel: URIRef
    ProvincialLevel: URIRef
    MunicipalLevel: URIRef
    DistrictLevel: URIRef
    LevelScheme: URIRef  # skos:ConceptScheme of the levels
    # --- industries ------------------------------------------------------------
    Industry: URIRef  # ⊑ skos:Concept
    IndustryGrouping: URIRef  # ⊑ skos:Collection, a region's own grouping
    IndustryFocus: URIRef  # n-ary: a region prioritises an industry
    region: URIRef
    industry: URIRef
    groupingOf: URIRef
    # --- talent programmes ------------------------------------------------------
    TalentProgram: URIRef
    administeredBy: URIRef
    # --- funding -------------------------------------------------------------------
    FundingInstrument: URIRef
    Grant: URIRef
    LoanProduct: URIRef
    EquityInvestment: URIRef
    TaxIncentive: URIRef
    Voucher: URIRef
    Award: URIRef
    Insurance: URIRef
    MonetaryAmount: URIRef  # ⊑ schema:MonetaryAmount
    amount: URIRef
    amountValue: URIRef  # xsd:decimal, in yuan
    currency: URIRef  # "CNY"
    isMaximum: URIRef  # xsd:boolean, 最高
    rate: URIRef  # xsd:decimal, percent
    supports: URIRef  # what the instrument funds (text)
    fundedBy: URIRef
    # --- indicators (RDF Data Cube) -------------------------------------------------
    Indicator: URIRef  # ⊑ skos:Concept
    indicator: URIRef  # qb:DimensionProperty
    refArea: URIRef  # qb:DimensionProperty ⊑ sdmx-dimension:refArea
    refYear: URIRef  # qb:DimensionProperty, xsd:gYear
    value: URIRef  # qb:MeasureProperty, xsd:decimal
    unit: URIRef
    status: URIRef  # qb:AttributeProperty
    ObservationStatus: URIRef
    Actual: URIRef
    Estimate: URIRef
    Target: URIRef
    ObservationStatusScheme: URIRef  # skos:ConceptScheme of the statuses
    IndicatorStructure: URIRef  # qb:DataStructureDefinition of indicator observations
    # --- collaborations ------------------------------------------------------------
    Collaboration: URIRef
    participant: URIRef
    collaborationKind: URIRef
    CollaborationKind: URIRef
    Cooperation: URIRef  # 合作 (generic)
    JointBuild: URIRef  # 共建 / 合作建设
    StrategicCooperation: URIRef  # 战略合作
    Docking: URIRef  # 对接
    Offshore: URIRef  # 离岸
    Enclave: URIRef  # 飞地
    Membership: URIRef  # 加入 / 成员
    CollaborationKindScheme: URIRef  # skos:ConceptScheme of the kinds
    # --- analytics (written back by network analysis) -------------------------------
    AnalysisRun: URIRef
    NodeMetric: URIRef
    metric: URIRef
    metricValue: URIRef
    node: URIRef
    community: URIRef
    brokerageRole: URIRef
    parameters: URIRef


ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SDMX_DIM = Namespace("http://purl.org/linked-data/sdmx/2009/dimension#")
SH = Namespace("http://www.w3.org/ns/shacl#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
VOID = Namespace("http://rdfs.org/ns/void#")

PREFIXES: dict[str, str] = {
    "stikg": str(STIKG._NS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "org": str(ORG),
    "prov": str(PROV),
    "qb": str(QB),
    "dcterms": str(DCTERMS),
    "schema": str(SCHEMA),
    "nif": str(NIF),
    "sdmx-dimension": str(SDMX_DIM),
    "sh": str(SH),
    "dcat": str(DCAT),
    "void": str(VOID),
}


def _materialise(namespace: type[DefinedNamespace]) -> None:
    """Turn declared terms into plain class attributes.

    rdflib resolves each ``NS.term`` through a metaclass ``__getattr__`` (about 1 µs);
    the loaders touch terms hundreds of thousands of times. Undeclared names still go
    through ``__getattr__`` and still raise, so ``_fail`` keeps catching typos.
    """
    for cls in namespace.__mro__:
        for name in getattr(cls, "__annotations__", {}):
            if not name.startswith("_"):
                type.__setattr__(namespace, name, namespace._NS[name])


for _namespace in (STIKG, RDF, RDFS, OWL, SKOS, PROV, QB, DCTERMS, XSD):
    _materialise(_namespace)
