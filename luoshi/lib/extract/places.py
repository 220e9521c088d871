"""Places: the city a plan belongs to and the cities, counties and districts it names (地区)."""

import re
from collections import Counter

#: 河南省辖市: the province's prefecture-level cities (and 济源示范区).
HENAN_CITIES = (
    "郑州",
    "开封",
    "洛阳",
    "平顶山",
    "安阳",
    "鹤壁",
    "新乡",
    "焦作",
    "濮阳",
    "许昌",
    "漯河",
    "三门峡",
    "南阳",
    "商丘",
    "信阳",
    "周口",
    "驻马店",
    "济源",
)
CITY = re.compile(rf"(?:{'|'.join(HENAN_CITIES)})(?:市|示范区)?")
#: 主语之后: what follows a place named as the subject of a clause (not "郑州都市圈", "新乡日报").
PREDICATE = (r"(?=[、,，\s]|[保争]\d|等|则|是|提出|将|为|也|的|在|要|确保|力争|争取|更是|以外|以|把|明确|坚持|围绕|大力|"
             r"计划|预计|实施|目标|GDP|地区|经济|全年|今年|增长|和|与|及|\d|$)")
SUBJECT_CITY = re.compile(CITY.pattern + PREDICATE)
#: 县区作主语: a county-level city, county or district opening a clause ("卫辉市提出…", "凤泉区大力…").
LEADING_PLACE = re.compile(r"^(?:而|其中|此外|另外|同时)?\s?(?P<name>[\u4e00-\u9fff]{2,3}?[市县区])" + PREDICATE)
#: 县区并列作主语: "禹州市、长葛市…分别为7%、6.5%" — several county-level places opening a clause.
LEADING_PLACES = re.compile(r"^(?:而|其中|此外|另外|同时)?\s?(?P<names>(?:[\u4e00-\u9fff]{2,3}?[市县区]、)+"
                            r"[\u4e00-\u9fff]{2,3}?[市县区])" + PREDICATE)
#: A county or district opening a sentence or line.
SENTENCE_SUBJECT = re.compile(r"(?:^|(?<=[。；;\n]))\s*(?P<name>[\u4e00-\u9fff]{2,3}?[市县区])" + PREDICATE, re.MULTILINE)
#: "巩义、荥阳、新密等市": places listed before 等市/等县/等区.
LISTED_PLACES = re.compile(r"(?<![\u4e00-\u9fff])((?:[\u4e00-\u9fff]{2,3}、)+[\u4e00-\u9fff]{2,3})等(?:县市区|县区|县市|[市县区])")
NOT_A_PLACE = re.compile(r"^[今全各我本该此每其多这那]|城市|都市|地区|辖区|园区|社区|片区|景区|城区|市区|示范|自贸|开发|高新")
#: stems of 市 that are no city: 全市, 城市, 省辖市, 县级市 …
NOT_A_CITY = re.compile(r"^[全我本该各每城都州县省]|省辖|地级|县级|城市|都市|超市|上市|夜市|集市|股市|楼市|车市|门市|开市")
#: "各县(市、区)": every county of the plan's city.
ALL_COUNTIES = re.compile(r"各县[(（]?[市区、]*[)）]?|各区县|各县市")
ANY_CITY = re.compile(r"([\u4e00-\u9fff]{2})市")


def place_name(mention: str) -> str:
    """郑州市 → 郑州, 辉县市 → 辉县, 济源示范区 → 济源; a district or county keeps its suffix (凤泉区)."""
    if mention.endswith("示范区") and len(mention) > 4:
        return mention[:-3]
    return mention[:-1] if mention.endswith("市") and len(mention) > 2 else mention


def plan_city(text: str) -> str:
    """The place whose plan this is: the Henan city named most often, unless a county or district
    is more often the subject of a sentence (巩义市…); else any city named most often."""
    counts = Counter(place_name(m.group()) for m in CITY.finditer(text))
    local = Counter(place_name(m.group("name")) for m in SENTENCE_SUBJECT.finditer(text)
                    if not NOT_A_PLACE.search(m.group("name")) and place_name(m.group("name")) not in counts)
    if local and (not counts or local.most_common(1)[0][1] > counts.most_common(1)[0][1]):
        return local.most_common(1)[0][0]
    if not counts:
        counts = Counter(m.group(1) for m in ANY_CITY.finditer(text) if not NOT_A_CITY.search(m.group(1)))
    return counts.most_common(1)[0][0] if counts else ""


def places_in(clause: str, city: str) -> list[str]:
    """The places a clause names as its subject, in order; [] when it names none."""
    found = [place_name(m.group()) for m in SUBJECT_CITY.finditer(clause)]
    listed = LISTED_PLACES.search(clause)
    if listed:
        found += [name for name in listed.group(1).split("、") if not NOT_A_PLACE.search(name)]
    several = LEADING_PLACES.match(clause)
    if several:
        names = [place_name(n) for n in several.group("names").split("、") if not NOT_A_PLACE.search(n)]
        found = [n for n in names if n not in found] + found
    leading = LEADING_PLACE.match(clause)
    if leading and not several and not NOT_A_PLACE.search(leading.group("name")):
        name = place_name(leading.group("name"))
        if name not in found:
            found.insert(0, name)
    counties = ALL_COUNTIES.search(clause)
    if counties and city:
        found.append(city + counties.group())
    return list(dict.fromkeys(found))
