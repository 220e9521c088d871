"""Naming the indicator (指标) a figure measures, from the words before (or after) it."""

import re

from .places import Gazetteer, strip_places
from .vocabulary import MODAL, TARGET_VERB, TIME

GDP = "地区生产总值"
GDP_NAMES = re.compile(r"(?:地区)?生产总值(?:[(（]?GDP[)）]?)?|GDP(?:[(（]?(?:地区)?生产总值[)）]?)?|经济")
#: "GDP增速6.2%": the growth rate named as a noun, kept in the name.
GDP_RATE = re.compile(r"(?:GDP|生产总值)[)）]?增速\s?$")
#: A generic word ("总量", "总额") names the indicator of the clause before it: "GDP增长5%,总量突破3000亿元".
GENERIC = {"总量", "总额", "规模", "总值", "增速", "增幅"}
NOISE = re.compile(r"等[市县区地]|省会|多地|各地|不少地方|部分地区|[\s“”\"'‘’「」『』()（）《》、·…■●◆▲★□○◇△]")
HEAD = re.compile(
    r"^(?:左右|以上|以内|以下|[全我本该](?:市|省|区|县|镇|乡|州|盟|旗|自治区)|我们|咱们|分别|而|其中|此外|另外|同时|并且|并|则|均|也|还|更是|将|要|需|努力|全力|推动|促进|持续|继续|"
    r"加快|争取|实现|完成|围绕|在|把|今年|全年|明确提出|提出|计划|预计|即|强力推进|大力推进|着力)+"
)
TAIL = re.compile(
    r"(?:的|预期|年均|完成|实现|比上年|较上年|比去年|较去年|同比|增长目标|增速目标|目标|均|分别|确定为|定为|明确为|拟定为|设定为|调整为|提出了|提出|"
    r"为|是|便是|则是|更是|达到|达|突破|超过|不低于|不少于|高于|控制在|保持在|稳定在|维持在|保持|提高到|提升到|"
    r"增长到|增加到|下降到|降低到|降到|减少到|提高|提升|增长|递增|增速|增幅|增加|下降|降低|减少|约|在|要|将|保|争|再|方面|"
    r"稳定|迈上|跨上|迈过|站上|跨越)+$"
)
MIN_LENGTH = 2
#: "(一)", "1.", "二、": the mark of a list item before its words.
ITEM_MARK = re.compile(r"^\s?(?:[(（]?[一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十\d]{1,3}[、.．])")
#: "全市上下要奋力实现地区生产总值": the words up to the last verb that governs the indicator.
GOVERNING = re.compile(r"^.*(?:奋力|努力|力求|推动|促进|确保|力争|争取|要|将)(?:实现|完成|达到|保持)?|^.*(?:实现|完成)(?!利润)")
#: A verb, not an indicator ("强力推进", "即争创", "增加到").
ACTION = re.compile(rf"(?:拟|计划)?(?:大力|强力|全力|着力|加快|积极|持续|重点|新)?(?:{TARGET_VERB.pattern}|发行|安排|筹集)")
#: 基数: "从目前的14.4万元" in the words before a target is the starting point, not the indicator.
BASELINE = re.compile(r"(?:从|由)(?:目前|现在|现有|当前|20\d\d年[底末]?)?的?[\d.,]+[^\s提增降减到至]{0,3}"
                      r"|(?:比|较)20\d\d年[底末]?(?:的|水平)?")
BOUND_WORDS = re.compile(r"^\s?(?:及以上|以上|以内|以下|左右)")
NOT_A_NOUN = "、的,，;；.。"
#: Every time word has one of these characters, every modal one of those: cheap tests first.
TIME_HINT = re.compile("[年季五月]")
MODAL_HINT = re.compile("[确力保争]")
#: "完成投资": an object that names nothing alone; the projects the sentence is about own it.
BARE_OBJECTS = ("投资",)
PROJECTS = re.compile(r"(?:项目|工程)$")
#: "新增高新技术企业150家": 新增 makes the count a flow; the things counted are the indicator.
NEW = re.compile(r"^新增(?=..)")
PEOPLE_UNITS = ("人", "名", "人次")
#: Words that name a kind of place, never an indicator ("街道方面,…").
NO_NAMES = {"街道", "各街道", "社区", "乡镇", "各乡镇"}


def clean(words: str, gazetteer: Gazetteer | None = None) -> str:
    """The indicator named in `words` with places, times, modals and predicate words taken off."""
    words = ITEM_MARK.sub("", BASELINE.sub("", words))
    words = words[words.rfind("、") + 1:] or words
    words = words[words.rfind("—") + 1:]
    words = strip_places(words, gazetteer)
    for hint, pattern in ((TIME_HINT, TIME), (MODAL_HINT, MODAL), (None, NOISE)):
        if hint is None or hint.search(words):
            words = pattern.sub("", words)
    words = TAIL.sub("", HEAD.sub("", words))
    owned = HEAD.sub("", words[words.rfind("的") + 1:])
    words = owned if len(owned) > MIN_LENGTH or "的" not in words else words
    governed = GOVERNING.match(words)
    words = words[governed.end():] if governed and len(words) - governed.end() >= MIN_LENGTH else words
    return "" if words in NO_NAMES else words


def canonical(indicator: str) -> str:
    """生产总值 and 经济(增速) are 地区生产总值; GDP is 地区生产总值(GDP)."""
    if not GDP_NAMES.fullmatch(indicator):
        return indicator
    return GDP + "(GDP)" if "GDP" in indicator else GDP


def same_indicator(a: str, b: str) -> bool:
    """Two names of one indicator: equal once GDP names are one, or one containing the other."""
    a, b = key(a), key(b)
    return a == b or bool(a and b and (a in b or b in a))


def key(indicator: str) -> str:
    """The name repeats are compared by: every name of GDP is 地区生产总值."""
    return GDP if indicator.startswith(GDP) or GDP_NAMES.fullmatch(indicator) else indicator


def post_noun(after: str) -> str:
    """The noun a figure counts when it comes first: "100万青年人才来郑留郑发展" → "青年人才来郑留郑发展"."""
    after = BOUND_WORDS.sub("", after.lstrip(" ”」』\"")).strip()
    return "" if not after or after[0] in NOT_A_NOUN else after


def name_indicator(before: str, after: str, clause_head: str, counted: bool,
                   gazetteer: Gazetteer | None = None) -> str:
    """The indicator for a figure: the words before it, or (for a count or amount) verb + the noun
    after it; "" if neither."""
    own = clean(before, gazetteer)
    noun = post_noun(after) if counted else ""
    if noun and (len(own) < MIN_LENGTH or ACTION.fullmatch(own)):
        verb = own if own else _first_verb(clause_head)
        return verb + noun
    if len(own) < MIN_LENGTH or ACTION.fullmatch(own):
        return ""
    named = canonical(own)
    return named + "增速" if named.startswith(GDP) and GDP_RATE.search(before) else named


def owned_by_projects(indicator: str, before: str, earlier: str) -> str:
    """"重点项目完成投资": a bare "投资" is the investment of the projects named before it in its
    clause or, failing that, by the clause's earlier indicator ("实施重点项目300个,完成投资900亿元")."""
    if indicator not in BARE_OBJECTS:
        return indicator
    verb = before.rfind("完成")
    subject = clean(before[:verb]) if verb > 0 else ""
    subject = subject if PROJECTS.search(subject) else earlier if PROJECTS.search(earlier) else ""
    if not subject:
        return indicator
    verbs = [verb.end() for verb in ACTION.finditer(subject) if len(subject) - verb.end() >= MIN_LENGTH]
    projects = subject[verbs[-1]:] if verbs else subject
    return projects + ("完成" if verb >= 0 else "") + indicator


def things_counted(indicator: str, unit: str) -> str:
    """新增 before things counted (家, 个, 项) is the flow, not the name; 新增就业 (人) keeps it."""
    return indicator if unit.endswith(PEOPLE_UNITS) else NEW.sub("", indicator)


def _first_verb(text: str) -> str:
    match = TARGET_VERB.search(text)
    return match.group() if match else ""
