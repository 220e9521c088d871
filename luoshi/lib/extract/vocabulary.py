"""The words plans are written with: units, modals (确保/力争), bounds, time and place words."""

import re

from .numerals import NUMBER

#: 比率单位: units of a rate or ratio.
RATE_UNITS = ("个百分点", "百分点", "%", "％", "‰", "成")
#: 计数单位: units that count things (家, 个, 名 …).
COUNT_UNITS = (
    "人次",
    "架次",
    "家",
    "个",
    "名",
    "人",
    "户",
    "项",
    "所",
    "座",
    "条",
    "套",
    "台",
    "辆",
    "张",
    "件",
    "处",
    "位",
    "栋",
    "间",
    "艘",
    "只",
    "场",
    "天",
)
#: "优良天数达到300天" counts days (a target); "压缩至3天", "30天内" are times (none).
DAYS_COUNTED = re.compile(r"天数")
#: 数量单位: amounts of money or matter.
AMOUNT_UNITS = (
    "美元",
    "元",
    "斤",
    "千克",
    "平方公里",
    "平方米",
    "公里",
    "千米",
    "千瓦时",
    "千瓦",
    "标箱",
    "吨",
    "亩",
    "立方米",
    "微克/立方米",
    "倍",
)
#: 数量级: 万 and 亿 written before the unit belong to it (7000亿元).
MAGNITUDES = ("万亿", "亿", "万")
PEOPLE = re.compile(r"人|青年|学生|游客|毕业生|劳动力|农民工")

_UNITS = sorted(RATE_UNITS + COUNT_UNITS + AMOUNT_UNITS, key=len, reverse=True)
VALUE = re.compile(
    rf"(?P<num>{NUMBER})\s?(?P<mag>{'|'.join(MAGNITUDES)})?\s?(?P<unit>{'|'.join(map(re.escape, _UNITS))})?"
)
RANGE_SEPARATOR = re.compile(r"\s?[-—–~～至到]\s?")

#: 承诺: the modal that governs a target; 保/争 only directly before a figure (保8%、争9%).
MODAL = re.compile(r"确保(?![”’\"'])|力争|(?<![确担])保(?=\d)|(?<!力)争(?=\d)")

#: 时间: time words that set a target's period ("2019年全年" is 2019; "三年翻一番" ends two years on;
#: "预计全年" is the estimate of a year's results, a past period).
TIME = re.compile(
    r"(?:(?P<by_year>20\d\d)年)?(?P<by_month>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月份?[底末]?(?:之|以)?前"
    r"|(?P<to>[到至])?(?<![比较])(?P<year>20\d\d)年(?!\d{1,2}月|的[\d.一二两三四五六七八九十]|[\d.一二两三四五六七八九十]+倍|的?水平)(?:全年|度)?(?P<end>底|末)?"
    r"|(?P<fyp>十[一二三四五六])五”?(?:规划)?(?:期末|末)"
    r"|(?P<fyp_span>十[一二三四五六])五”?(?:规划)?(?:期间|时期|(?![^，,。；;\n]{0,8}之年))"
    r"|(?<!\d)(?P<years>[一二三四五六七八九十两\d]{1,2})年内|(?:未来|今后)(?P<next>[一二三四五六七八九十两\d]{1,2})年"
    r"|(?<![\d比较])(?P<within>[一二三四五两\d])年(?=[^，,。；;]{0,16}翻)"
    r"|(?P<first_quarters>前三)季度|(?P<quarter>[一二三四1-4])季度|(?P<half>上半年)"
    r"|(?P<estimate>预计(?:全年|今年|本年))|(?P<this>今年|全年|本年|年内|年[底末]前)|(?P<coming>明年)"
    r"|(?P<last>上年|去年|上一年|过去[一二三四五六七八九十两\d]{1,2}年|(?<=\d年)以来|(?<![\d到至今未])[一二三四五两]年(?:以)?来)"
    r"(?!同期|增长|增加|提高|下降|降低|减少|相比|基础|持平)"
)
YEAR_MENTION = re.compile(r"(?<![\d到至])(20\d\d)(?=年|-|/|\.\d)")
#: 发布日期: the date a text was published, near its top ("2023年03月04日", "2018-03-20").
PUBLISHED = re.compile(r"(20\d\d)(?:年(\d{1,2})月\d{1,2}日|[-/](\d{1,2})[-/]\d{1,2})")
#: The date in a source address: /2023/0111/, /2017-02/16/, /20250109A…, /201501/t…, /2024/….
ADDRESS_DATE = re.compile(r"(?<=[/_=-])(20[0-3]\d)(?:[-/]?(0[1-9]|1[0-2])(?=[-/]?[0-3]\d|/|[A-Za-z_]))?")
HEADER = 300
#: "明年": a text of October–December that names next year sets next year's targets.
COMING = re.compile(r"明年")
#: "2024年…主要预期目标": a year named with the targets counts more towards the plan year.
TARGET_YEAR = re.compile(r"(?<![\d到至])(20\d\d)年[^。；;\n]{0,20}?目标")

#: 界限: words that bound a figure.
BOUND_AFTER = re.compile(r"\s?(?P<min>及以上|以上)|\s?(?P<max>以内|以下)|\s?(?P<approx>左右)")
BOUND_BEFORE_MIN = re.compile(r"(突破|超过|超|不低于|不少于|高于|大于|多于)\s?$")
BOUND_BEFORE_MAX = re.compile(r"(控制在|不超过|不高于|低于|少于)\s?$")
BOUND_BEFORE_APPROX = re.compile(r"(约|大约)\s?$")

#: 门槛: "500万元以上项目", "千亿级": a figure qualifying a noun, not a target.
THRESHOLD_AFTER = re.compile(r"\s?(?:及?以[上下](?![的地]?(?:目标|增长|增速|水平))(?=[\u4e00-\u9fff“])|级)")
#: "高于国家标准5个百分点": a margin over a standard that qualifies, not a target of its own.
OVER_STANDARD = re.compile(r"(?:高于|超过|优于|超出|低于)[^，,。；;]{0,8}标准\s?$")
#: 基数: "从目前的14.4万元" is where a target starts from, not the target.
BASELINE_BEFORE = re.compile(r"(?:从|由)(?:目前|现在|现有|当前|\d{4}年)?的?\s?$")

GROWTH_CUE = re.compile(r"增长|增速|提高|提升|增幅|涨幅|增加|上升|递增|增(?=\d)")
GROWTH_MASK = re.compile(r"增加值|(?:提高|提升|增长|增加)(?:到|至)")
REDUCTION_CUE = re.compile(r"下降|降低|减少|压减|削减|减排|压缩|控制在|不超过|不高于")
#: "达到55%", "稳定在4.3%": a rate reached or held, a share whatever the clause before it was.
#: Names of a ratio or level: "达到8%" after their growth is a share; after an amount's growth it is growth.
RATIO_NAME = re.compile(r"率|比重|占比|比例|强度|覆盖|指数|水平|系数|弹性")
#: "每千人口拥有…托位数4.5个", "每万人口…": a count per head of people is a ratio.
PER_CAPITA = re.compile(r"每[一二两三四五六七八九十百千万\d]+(?:人|常住人口|户)")
LEVEL_BEFORE = re.compile(r"(?:达到|提高到|提升到|保持在|稳定在|维持在)\s?$")
GROWTH_BEFORE_AMOUNT = re.compile(r"(增长|增加|年均增长)\s?$")

#: 目标动词: verbs that make a count a target (引进100家 …, but not 17个地级市).
TARGET_VERB = re.compile(
    r"新?引进|新建|新增|新开工|开工|建成|培育|新?认定|入库|吸引|新?培养|招引|签约|落地|"
    r"推进|实施|完成|达到|突破|超过|累计|总量|总数|创建|新设|新登记|改造|打造成|培训|带动|安置|"
    r"转移|新发展|发展壮大|认证|评定|争创|接待|实现|打造|举办|建设|增加到|增加至|增至|提高到|扩大到|扩大至|减少|脱贫"
)
#: "培育10个千亿级产业集群": a count in digits right after its verb (not "A和B两个万亿级集群" nor "打造两个
#: 万亿级产业集群", a slogan's name).
VERB_BEFORE = re.compile(rf"(?:{TARGET_VERB.pattern})\s?$")
#: "其中100亿元以上项目3个": things qualified by a threshold, counted in a sentence that states targets.
QUALIFIED = re.compile(r"以上[\u4e00-\u9fff]{1,8}$")
#: 计划期: "今年", "全年", "到2025年" before a count also make it a target.
PLAN_TIME = re.compile(r"今年|全年|年内|[到至]20\d\d年|[一二三四五两\d]年内")
STOCK_CUE = re.compile(r"总量|总数|达到|累计|保有")
FLOW_CUE = re.compile(r"完成|新建|引进|吸引|新增|认定|培养|开工|招引|签约|培育|落地|实现")

#: 列举: "主要预期目标是:" introduces the body's enumeration of targets.
ENUMERATION = re.compile(r"(?:目标|指标)(?:是|为|如下)\s?[:：—]")
PAST_TARGET = re.compile(r"目标")
#: 章节: a numbered heading on a line of its own ("一、", "(二)", "第三章").
SECTION = re.compile(r"^[ \t\u3000]*(?:[一二三四五六七八九十]{1,2}、|[(（][一二三四五六七八九十]{1,2}[)）]|"
                     r"第[一二三四五六七八九十]{1,2}[章部分节])[^。\n]{0,30}$")
#: A heading of a review ("一、2022年工作回顾", "过去五年的主要成绩"): what follows it is past.
REVIEW_HEADING = re.compile(r"回顾|主要成绩|工作总结|取得的成就|过去[一二三四五两]年|(?:实施|中期|工作|主要|总体)(?:进展|成效)(?:情况)?\s*$|完成情况")
#: A sentence that states targets: a past period does not reach into it from the sentence before.
TARGET_SENTENCE = re.compile(r"目标|预期|力争|确保|争取|计划")
#: "年初确定的目标": last year's targets, cited as such.
PAST_FRAMING = re.compile(r"(?:确定|提出|定下|制定|下达)的[^。；;\n]{0,6}目标")
#: "从规模以上工业增加值方面来比较": the indicator the following sentences are about.
TOPIC = re.compile(r"从[“\"]?(?P<topic>[^，,。；;：:“”\"、]{2,20}?)[”\"]?(?:增长|增速)?(?:目标)?(?:方面)?(?:对比|相比)?来(?:看|比较|说)"
                   r"|^在?[“\"]?(?P<arena>[^，,。；;：:“”\"、]{2,20}?)[”\"]?方面$")
#: How indicators end (…增加值, …总额, …收入, …投资, …率): a topic "从目前情况来看" is none.
INDICATOR_END = re.compile(r"(?:值|额|入|资|率|量|数|费|模|速|幅|品|口|出|GDP|就业|人口|面积|产量|强度|比重|指数)$")
#: "“增长8%以上”的地市有郑州、周口": the places a figure holds for, named after it.
PLACES_AFTER = re.compile(r"^(?:及?以上|以内|以下|左右)?[”’\"」]?的(?:地市|城市|市|县|县市|县区|区县|地区|省份|省区|省|区)(?:有|包括|是)")
#: "均增长12%", "目标一致": one value for every name listed before it.
SHARED = re.compile(r"均|都|一致|同样")
#: "营业收入超10亿元企业": an amount qualifying the noun right after it.
THRESHOLD_NOUN = re.compile(r"^的?(?:企业|工业企业|项目|大项目|工程|产业|集群|园区|平台|品牌|楼宇|龙头|主体|市场主体|商贸企业)")
#: 位次: a rank goal ("位次前移2位", "进入全国前50位"), not a quantitative target.
RANK = re.compile(r"位次|名次|排名|排位|前移")
RANK_BEFORE = re.compile(r"[前第后]\s?$")
RANK_AFTER = re.compile(r"^个?(?:位次|名次)")
#: Names listed before one value ("固定资产投资、工业投资、服务业投资均增长12%").
NAME_LIST = re.compile(r"以及|、|和|及|与")
#: Words of a ratio or level: a rate after them is a share without doubt.
SHARE_CUE = re.compile(r"率|比重|占比|比例|强度|覆盖|达到|保持在|稳定在|控制在|以内|水平")
#: 经济增速: the sentence is about the economy's growth, so a bare rate is GDP growth.
ECONOMY = re.compile(r"GDP|生产总值|经济增速|经济增长")
#: "多地均将…目标定为7%": a summary over many places, the target of none.
MANY_PLACES = re.compile(r"多地|不少地方|部分地区|多个地市|多数地市|大部分地市")
#: "5个方面", "三大领域": a count of the parts of a plan, not a target.
PARTS_AFTER = re.compile(r"^(?:个|大)?(?:方面|领域|环节|层面|维度|部分|阶段|板块|方向)")
#: "两个万亿级", "三个一批": a count followed by another numeral is a name, not a target; one followed
#: by a threshold of the things counted ("10个千亿级产业集群") is a count of them.
NUMERAL_START = "一二两三四五六七八九十百千万亿"
THRESHOLD_CLASS = re.compile(r"^[一二两三四五六七八九十百千万亿]+级(?=[\u4e00-\u9fff])")
#: 既成: "已建成…", "现有…", "同比增长…": a result already reached, not a target ("每千人口拥有" names a
#: ratio).
ACHIEVED = re.compile(
    r"已于|已经?(?:建成|完成|实现|达到|引进|培育|累计|有|入驻|落地|开工|投产|突破|超过|认定)|现有|共有|(?<!人口)(?<!人)拥有|同比"
)
#: 里程碑: "6月底前封关运行", "年底前建成投用": a step due by a deadline, with no figure.
MILESTONE = re.compile(
    r"(?P<deadline>(?:20\d\d年)?(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月份?[底末]?(?:之|以)?前|年[底末]前)"
    r"(?P<step>(?:全面|基本|正式|如期)?(?:实现|完成)?(?:封关运行|建成投用|建成投产|建成通车|建成|投用|投运|投产|通车|竣工|"
    r"开工建设|开工|运营|运行|挂牌|开园|开业|上线|启用|验收|交付)(?:使用|运营|运行)?)$"
)
