"""Word lists behind organisation recognition: suffixes, stop words, generic vocabulary, known names.

Kept apart from the matching code so the lists can grow (other districts' plans use
other verbs and other institutions) without touching the logic in ``stikg.loaders.orgs``.
Everything here is general Chinese policy vocabulary or real national/provincial
institutions, never wording copied from one document.
"""

from __future__ import annotations

__all__ = [
    "BUILTIN_ORGS",
    "CATEGORY_CORES",
    "CONJUNCTIONS",
    "DEPARTMENTS",
    "FIELD_WORDS",
    "FINANCIAL_WORDS",
    "GENERIC_WORDS",
    "LEVEL_WORDS",
    "LIST_HEADS",
    "LIST_QUALIFIERS",
    "MODIFIERS",
    "STOP_WORDS",
    "SUFFIX_CLASSES",
    "TRAILING_NOUNS",
]

# The word lists stay packed, many to a line.
# fmt: off
# Name endings and the stikg class they imply; the longest ending wins.
SUFFIX_CLASSES: dict[str, str] = {
    "大学": "University", "学院": "University", "校区": "University",
    "研究院": "ResearchInstitute", "研究总院": "ResearchInstitute", "研究所": "ResearchInstitute", "创新院": "ResearchInstitute",
    "科学院": "ResearchInstitute", "工程院": "ResearchInstitute", "研究中心": "ResearchInstitute",
    "设计院": "ResearchInstitute", "医院": "ResearchInstitute",
    "实验室": "Laboratory",
    "孵化器": "Incubator", "孵化中心": "Incubator", "孵化基地": "Incubator",
    "离岸孵化器": "OffshoreIncubator", "离岸孵化中心": "OffshoreIncubator", "离岸创新中心": "OffshoreIncubator",
    "加速器": "Accelerator", "众创空间": "MakerSpace", "星创天地": "MakerSpace",
    "中心": "InnovationCenter", "分中心": "InnovationCenter",
    "基金": "Fund",
    "公司": "Enterprise", "有限公司": "Enterprise", "有限责任公司": "Enterprise", "集团": "Enterprise",
    "银行": "FinancialInstitution", "支行": "FinancialInstitution", "分行": "FinancialInstitution",
    "局": "GovernmentBody", "分局": "GovernmentBody", "委员会": "GovernmentBody", "管委会": "GovernmentBody",
    "人民政府": "GovernmentBody", "办公室": "GovernmentBody", "厅": "GovernmentBody", "部": "GovernmentBody", "所": "ResearchInstitute",
    "分所": "ResearchInstitute", "研究生院": "University", "支公司": "FinancialInstitution",
    "股权交易中心": "FinancialInstitution", "法院": "GovernmentBody", "法庭": "GovernmentBody", "党工委": "GovernmentBody",
    # parks run as incubators (科技园, 创业园); industrial and cooperation parks (产业园, 创新园) are places
    "科技园": "Incubator", "科创园": "Incubator", "创业园": "Incubator", "创新港": "Incubator",
    # associations, alliances and representative offices: org:Organization without a narrower stikg class
    "联盟": "Organization", "协会": "Organization", "商会": "Organization", "学会": "Organization",
    "代表处": "Organization",
}

# Words inside an Enterprise name that make it a financial institution (…保险股份有限公司, …融资担保有限公司).
FINANCIAL_WORDS = ("保险", "担保", "小额贷款", "证券", "信托", "融资租赁", "期货", "银行")

# Nouns that, right after an ending, show the ending was only a modifier (基金计划, 中心建设 is fine).
TRAILING_NOUNS = (
    "计划", "项目", "政策", "制度", "办法", "专项", "资金", "门类", "运营机构", "工作",
)

# Verbs, prepositions and determiners that cannot start a name: the name starts after the last one.
STOP_WORDS = (
    "建设", "打造", "推动", "推进", "支持", "依托", "鼓励", "引导", "加快", "加强", "加大", "深化", "对接",
    "围绕", "发挥", "整合", "引进", "引入", "引育", "培育", "组建", "设立", "成立", "创建", "争创", "筹建",
    "共建", "布局", "落户", "入驻", "聚焦", "吸引", "吸纳", "集聚", "承接", "参与", "融入", "携手", "提升",
    "完善", "实施", "开展", "强化", "形成", "构建", "搭建", "运作", "运营", "建立", "申报", "获批", "认定",
    "获评", "新建", "改建", "自建", "拓展", "用好", "推广", "积极", "主动", "全力", "大力", "着力", "进一步",
    "高标准", "高水平", "高质量", "对标", "瞄准", "依靠", "通过", "借助", "利用", "联动", "协同", "指导",
    "服务保障", "保障", "配合", "会同", "牵头", "推荐", "评选", "遴选", "签署", "签订", "缔结", "举办",
    "承办", "成功", "加入", "做好", "抓好", "办好", "用足", "激发", "促使", "带动", "依法", "按照", "根据",
    "以及", "包括", "其中", "特别是", "尤其是", "例如", "如", "以", "与", "和", "及", "跟", "向",
    "对", "在", "由", "为", "把", "将", "从", "于", "等", "的", "了", "是", "各", "共设", "每", "该", "其",
    "一批", "一个", "一家", "全市", "全区", "全省", "全县", "我市", "我区", "本地", "当地", "首家", "首个",
    "新获批", "获得", "给予", "支撑", "面向", "优先", "重点支持", "持续", "不断", "努力", "力争", "确保",
    "发起", "谋划", "启动", "投用", "投运", "竣工", "建成", "组织", "召开", "加速", "助推", "赋能", "探索",
    "深入", "全面", "充分", "更好", "打通", "联合", "含", "即", "所在", "相关", "现有", "已有", "已建",
    "高能级", "知名", "著名", "优质", "重大", "龙头", "骨干", "头部", "外资", "本土",
    "抢抓", "调整", "获", "获得", "运行", "高效", "挖掘", "放大", "位于", "作为", "要",
    "运作好", "建设好", "发挥好", "利用好", "运用好", "作好", "设好", "办好", "抓好", "管好", "挥好", "营好", "护好", "需", "应", "可", "均", "即将", "已经",
    "累计", "建有", "拥有", "新增", "共有", "达到", "实现", "完成", "成为", "列入", "纳入", "落地", "位列",
    "进入", "入选", "跻身", "结合", "同时", "做大", "做强", "做优", "做实", "壮大", "扩大", "争取", "争当",
)

# Conjunctions that separate coordinated names (与中科大、清华大学以及与中科院…).
CONJUNCTIONS = ("以及", "与", "和", "及", "或")

# Words of categories, functions and qualities: a name made only of these is not a proper name.
GENERIC_WORDS = (
    "技术", "创新", "研究", "研发", "产业", "工程", "科技", "科学", "企业", "重点", "新型", "专业", "公共",
    "服务", "平台", "联合", "孵化", "加速", "示范", "综合", "协同", "转移", "转化", "成果", "知识产权",
    "标杆", "特色", "高新", "工业", "制造业", "制造", "基础", "前沿", "学科", "行业", "院士", "博士后",
    "工作站", "国家", "国际", "全球", "海外", "离岸", "在岸", "国内", "国内外", "海内外", "地方", "区域",
    "城市", "中小企业", "中小", "小微", "创业", "双创", "众创", "科创", "发展", "未来", "先进", "高端",
    "现代", "战略", "招商", "人才", "管理", "运营", "投资", "创投", "天使", "股权", "并购", "产业化",
    "引导", "种子", "直投", "领军", "数据", "大数据", "信息", "一带一路", "沿线", "独立", "法人",
    "开放", "共享", "公益", "社会", "金融", "科技金融", "商业", "政府", "主导", "德资", "港澳台", "外资",
    "合资", "民营", "国有", "央企", "高校", "院所", "大院大所", "科研", "机构", "单位", "分", "总",
    "联盟", "支行", "专营", "体验", "展示", "交流", "交易", "路演", "检验", "检测", "认证", "测试",
    "试点", "中试", "验证", "概念", "标准", "标准化", "促进", "推广", "创客", "青年", "卓越", "工程师",
    "一体化", "融合", "加计", "质量", "安全", "文化", "领域", "方向", "相关", "其他", "各类", "各级",
    "若干", "一批", "首批", "级", "以上", "及以上", "省", "市", "区", "县",
    "镇", "上下游", "板块", "专精特新", "小巨人", "瞪羚", "独角兽", "单项冠军", "隐形冠军", "雏鹰", "高企",
    "上市", "规上", "外企", "民企", "国企", "德企", "日企", "台企", "港资", "初创", "链主", "领航", "标杆", "飞地", "标准化", "高等", "中等", "技转", "资产", "高层次", "高规格", "高技能", "跨国", "世界", "大型", "中型", "小型", "直属", "下属", "地理", "区域", "专项", "合作", "协作", "共建", "对接", "培育", "培养", "教育", "职业",
    "优秀", "应用", "国立", "校企", "校地", "产学研", "领导小组", "关键", "核心", "台资", "日资", "韩资", "美资", "外商", "产业链",
    "备案", "对外",
)

# Industry and research fields: descriptive, not proper names on their own (国家X技术创新中心 allows them).
FIELD_WORDS = (
    "材料", "新材料", "生物", "医药", "生物医药", "医疗", "器械", "医疗器械", "数字", "智能", "人工智能",
    "区块链", "半导体", "集成电路", "芯片", "软件", "互联网", "物联网", "车联网", "网联", "汽车", "装备",
    "航空", "航天", "空天", "能源", "新能源", "环保", "节能", "绿色", "低碳", "双碳", "农业", "海洋",
    "纳米", "量子", "光电", "光子", "通信", "电子", "信息技术", "机器人", "精密", "仪器", "设备", "纺织",
    "化工", "健康", "生命", "药物", "制药", "基因", "细胞", "诊断", "检验检疫", "金融科技", "货币",
    "数字经济", "云计算", "算力", "5G", "显示", "激光", "超导", "先进制造", "智能制造", "高端装备",
    "零部件", "汽车零部件", "关键零部件",
)

# Scope and level words stripped before deciding whether a name is only a category.
LEVEL_WORDS = (
    "国家级", "省级", "市级", "区级", "县级", "国家", "省部", "省", "市", "区", "县", "各级", "各类",
    "及以上", "以上", "全国", "中国",
)

# Qualifiers of categories (海外离岸创新中心, 省级标杆孵化器, 企业技术中心).
MODIFIERS = (
    "科技企业", "科技", "企业", "专业化", "专业", "综合", "标杆", "海外", "离岸", "在岸", "国际", "联合",
    "重点", "工程技术", "工程", "技术", "创新", "研发", "研究", "新型", "公共", "服务", "产业化", "备案",
    "子",  # 子基金, 子公司: a fund or company of some parent, a category
)

# Whole cores (name without places and levels) that denote a category or a concept, not an institution.
CATEGORY_CORES = frozenset({
    "科创中心", "科技创新中心", "国际科技创新中心", "国际金融中心", "金融中心", "国际航运中心",
    "创新中心", "技术创新中心", "产业创新中心", "制造业创新中心", "重点实验室", "工程技术研究中心",
    "工程研究中心", "企业技术中心", "新型研发机构", "孵化器", "加速器", "众创空间", "研发中心",
    "技术转移中心", "数据中心", "大数据中心", "研究中心", "中心", "基金", "集团", "公司",
    "科技园", "大学科技园", "创业园", "科创园", "联盟", "产业联盟", "创新联盟", "技术创新联盟",
    "产业技术创新战略联盟", "协会", "行业协会", "学会", "商会",
})

# Heads that, after 等, mark the listed items as named organisations (依托甲、乙等龙头企业).
LIST_HEADS = ("企业", "公司", "机构", "院所", "高校", "大院大所", "单位", "集团", "研究院")
# Qualifiers allowed between 等 and the head (等龙头骨干企业, 等头部创投机构).
LIST_QUALIFIERS = (
    "龙头", "骨干", "优势", "重点", "知名", "头部", "外资", "当地", "本地", "本土", "行业", "领军", "高新技术",
    "科技型", "创新型", "国内外", "海内外", "国际", "国内", "大型", "专业", "创投", "投资", "金融", "科研",
    "研发", "新型", "优质", "各类", "民营", "国有", "上市", "标杆", "核心", "制造",
    "台资", "港资", "日资", "德资", "韩资", "美资", "外商", "跨国",
)

# Government departments written short: abbreviation -> full name after the scope place.
DEPARTMENTS: dict[str, str] = {
    "科技局": "科学技术局", "科学技术局": "科学技术局", "科技厅": "科学技术厅", "发改委": "发展和改革委员会",
    "工信局": "工业和信息化局", "教育局": "教育局", "教育厅": "教育厅", "商务局": "商务局", "财政局": "财政局",
    "税务局": "税务局", "人社局": "人力资源和社会保障局", "市场监管局": "市场监督管理局",
    "市监局": "市场监督管理局", "统计局": "统计局", "国资委": "国有资产监督管理委员会",
    "自然资源和规划局": "自然资源和规划局", "生态环境局": "生态环境局", "住建局": "住房和城乡建设局",
    "农业农村局": "农业农村局", "农业农村厅": "农业农村厅", "工信厅": "工业和信息化厅", "财政厅": "财政厅",
    "委人才办": "委人才办", "委金融办": "委金融办", "人才办": "人才办", "金融办": "金融办",
    "政府": "人民政府", "人民政府": "人民政府", "科协": "科学技术协会", "知识产权局": "知识产权局",
    "产研院": "产业技术研究院", "产业技术研究院": "产业技术研究院", "农科院": "农业科学院",
    "外办": "人民政府外事办公室", "外事办": "人民政府外事办公室", "地方金融监管局": "地方金融监督管理局",
    "卫健委": "卫生健康委员会", "医保局": "医疗保障局",
}

# Real national and regional institutions often written short: canonical -> (class, place, aliases).
BUILTIN_ORGS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "中国科学院": ("ResearchInstitute", "北京市", ("中科院",)),
    "中国工程院": ("ResearchInstitute", "北京市", ()),
    "中国社会科学院": ("ResearchInstitute", "北京市", ("社科院",)),
    "中国科学技术大学": ("University", "合肥市", ("中科大",)),
    "上海交通大学": ("University", "上海市", ("上海交大",)),
    "西北工业大学": ("University", "西安市", ("西工大",)),
    "西交利物浦大学": ("University", "苏州市", ("西交利物浦",)),
    "哈尔滨工业大学": ("University", "哈尔滨市", ("哈工大",)),
    "北京航空航天大学": ("University", "北京市", ("北航",)),
    "北京大学": ("University", "北京市", ()),
    "浙江大学": ("University", "杭州市", ()),
    "南京航空航天大学": ("University", "南京市", ("南航",)),
    "中国信息通信研究院": ("ResearchInstitute", "北京市", ("信通院", "中国信通院")),
    "中国电子技术标准化研究院": ("ResearchInstitute", "北京市", ("电标院",)),
    "中国电子信息产业发展研究院": ("ResearchInstitute", "北京市", ("赛迪研究院",)),
    "中国检验检疫科学研究院": ("ResearchInstitute", "北京市", ("中国检科院",)),
    "中国农业科学院": ("ResearchInstitute", "北京市", ("中国农科院",)),
    "江苏省农业科学院": ("ResearchInstitute", "南京市", ("省农科院", "江苏省农科院")),
    "江苏省产业技术研究院": ("ResearchInstitute", "南京市", ("省产研院", "江苏省产研院", "江苏产研院")),
    "江苏省科学技术厅": ("GovernmentBody", "南京市", ("省科技厅", "江苏省科技厅")),
    "中国科学院苏州生物医学工程技术研究所": ("ResearchInstitute", "苏州市", ("苏州医工所", "中科院苏州医工所")),
    "苏州实验室": ("Laboratory", "苏州市", ()),
    "材料科学姑苏实验室": ("Laboratory", "苏州市", ("姑苏实验室", "姑苏材料实验室")),
    "国家生物药技术创新中心": ("InnovationCenter", "苏州市", ()),
    "国家第三代半导体技术创新中心": ("InnovationCenter", "苏州市", ("第三代半导体技术创新中心",)),
    "国家自然科学基金委员会": ("GovernmentBody", "北京市", ("基金委", "国家自然科学基金委")),
    "中华人民共和国工业和信息化部": ("GovernmentBody", "北京市", ("工信部",)),
    "中华人民共和国国家发展和改革委员会": ("GovernmentBody", "北京市", ("国家发改委",)),
    "中国人民银行": ("FinancialInstitution", "北京市", ("人民银行",)),
    "中国银行": ("FinancialInstitution", "北京市", ()),
    "中国建设银行": ("FinancialInstitution", "北京市", ("建设银行",)),
    "中国工商银行": ("FinancialInstitution", "北京市", ("工商银行",)),
    "中国农业银行": ("FinancialInstitution", "北京市", ("农业银行",)),
    "国家开发银行": ("FinancialInstitution", "北京市", ("国开行",)),
    "江苏银行": ("FinancialInstitution", "南京市", ()),
    "苏州银行": ("FinancialInstitution", "苏州市", ()),
    "华为技术有限公司": ("Enterprise", "深圳市", ("华为",)),
    "阿里巴巴集团": ("Enterprise", "杭州市", ("阿里巴巴",)),
    "百度": ("Enterprise", "北京市", ()),
    # research societies named like associations (…协会, …学会) that are research organisations
    "弗劳恩霍夫协会": ("ResearchInstitute", "慕尼黑", ("弗劳恩霍夫应用研究促进协会", "德国弗劳恩霍夫协会")),
    "马克斯·普朗克学会": ("ResearchInstitute", "慕尼黑", ("马普学会", "德国马普学会", "马克斯·普朗克科学促进学会")),
}
# fmt: on
