"""Places (地区): the real divisions a text names, from the shipped gazetteer of China's divisions.

A place is any division by its full name (郑州市, 历城区, 新疆维吾尔自治区), a province or prefecture by
its short name (郑州, 新疆), and a county or district by its short name (巩义, 凤泉) only inside the plan's
own region. Two characters that merely sit before 城, 全 or 市 are no place. Places are written as plans
write them: provinces, prefectures and county-level cities by their short name, districts and counties
with their suffix (历城区, 杞县).
"""

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from luoshi.lib.divisions import Division, Divisions, load

NATIONAL = "全国"
#: 主语之后: what follows a place named as the subject of a clause (not "郑州都市圈", "新乡日报").
PREDICATE = (r"(?=[、,，\s]|[保争]\d|等|则|是|分别|均|提出|将|为|也|的|在|要|确保|力争|争取|更是|以外|以|把|明确|坚持|围绕|大力|"
             r"计划|预计|实施|目标|GDP|地区|经济|全年|今年|增长|和|与|及|\d|$|"
             r"生产总值|规模以上|规上|固定资产|社会消费品|一般公共预算|进出口|城镇|居民|人均|工业|财政|全社会)")
SUBJECT_FOLLOWS = re.compile(PREDICATE)
#: "各县(市、区)": every county of the plan's city.
ALL_COUNTIES = re.compile(r"各县[(（]?[市区、]*[)）]?|各区县|各县市")
#: "全市生产总值": the plan's own region again, after a district or zone.
WHOLE = re.compile(r"全[市省县区](?!各|上下)")
#: A national text: the State Council, the premier, "我国", the national congress.
NATIONAL_CUE = re.compile(r"国务院|总理|我国|全国人大(?!代表)|全国人民代表大会(?!代表)|国内生产总值|中央经济工作会议")
#: Short names that are ordinary words more often than places.
COMMON_WORDS = {"城关", "新华", "和平", "中山", "永安", "长安", "前进", "向阳", "新城", "城中", "城东", "城西", "城南",
                "城北", "市中", "郊区", "矿区", "新区", "高新", "开发", "白云", "青山", "东风", "红旗", "新兴", "安全",
                "文明", "平安", "长治", "和顺", "东方", "江南", "江北", "河东", "河西", "南山", "北山", "东区", "西区",
                "南区", "北区", "中原", "安定", "太平", "新市", "城区", "市辖", "阿里", "来宾", "朝阳", "海西", "普洱"}
NUMERALS = set("一二三四五六七八九十百千万零两")
#: 功能区: a functional zone of a city ("开封综合保税区", "高新区", "经开区"), a target's region though no
#: division; with the place written before it, or standing alone at the head of its clause.
ZONE = re.compile(r"综合保税区|综保区|保税区|高新技术产业开发区|高新区|经济技术开发区|经开区|自由贸易试验区|"
                  r"自贸试验区|自贸区|航空港区|航空港经济综合实验区|产业集聚区|产业园区|开发区|片区")
#: "高新区建设", "开发区管委会", "开发区内": the zone is not the subject.
ZONE_NOT_SUBJECT = re.compile(r"建设|管委会|管理|发展|规划|改革|创建|升级|扩区|整合|[内外等]|$")
ZONE_END = re.compile(f"(?:{ZONE.pattern})$")
#: A zone as a place, not a class of zones qualified by a level ("省级以上开发区" is what is counted).
ZONE_NAMED = re.compile(f"(?<!以上)(?<!级)(?:{ZONE.pattern})")
#: What may stand before a zone named alone: the start of the clause, a list mark or a separator.
ZONE_OPENING = re.compile(r"^(?:[\s(（)）、一二三四五六七八九十\d.．]*|.*[、和及与])$")
#: 街道: a sub-district of the plan's district, named at the head of its clause or in a list
#: ("簇桥街道、机投桥街道分别…", "红牌楼街道力争…"); no division of the gazetteer, so written as is.
STREET = re.compile(r"(?:^|(?<=[、和及与\s(（]))(?![各全本该每]|建设|推进|加快|打造|改造|新建|完成|实施|推动|开展|提升|老旧|智慧|美丽|文明)(?P<name>[\u4e00-\u9fff]{2,5}?街道)(?!办|[\u4e00-\u9fff]*街道)")
STREET_WORD = "街道"
HEADING_LINES = 3
HEADING_WEIGHT = 3
FIRST_CHARACTER_GROUP = 80


@dataclass(frozen=True)
class Place:
    """A division named in the text, as written for a target's region."""

    name: str
    code: str


def written_name(division: Division) -> str:
    """郑州市 → 郑州, 巩义市 → 巩义, 新疆维吾尔自治区 → 新疆; 历城区 and 杞县 keep their suffix."""
    if division.level != "county" or division.type == "县级市":
        return division.short_name
    return division.name


def _trie_pattern(words: list[str]) -> str:
    """One regular expression for many words, as a trie (fast where a plain alternation is slow)."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict) -> str:
        branches = [re.escape(ch) + render(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return render(trie)


def _grouped_pattern(words: list[str]) -> str:
    """The trie of `words`, its first characters tried a group at a time (one character-class test
    skips a whole group): several times faster on long texts than one flat trie."""
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(word)
    firsts = sorted(by_first)
    groups = [firsts[i:i + FIRST_CHARACTER_GROUP] for i in range(0, len(firsts), FIRST_CHARACTER_GROUP)]
    return "|".join(
        "(?=[" + "".join(map(re.escape, group)) + "])" + _trie_pattern([w for ch in group for w in by_first[ch]])
        for group in groups
    )


def _usable_short(name: str) -> bool:
    return len(name) >= 2 and name not in COMMON_WORDS and not set(name) <= NUMERALS


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """The place names a text is read with: every surface form and the division it names."""

    pattern: re.Pattern
    forms: dict[str, Division]

    def find(self, text: str) -> list[tuple[int, int, Place]]:
        found = []
        for match in self.pattern.finditer(text):
            division = self.forms[match.group("name")]
            found.append((match.start(), match.end(), Place(written_name(division), division.code)))
        return found


def _gazetteer(forms: dict[str, Division]) -> Gazetteer:
    longest_first = sorted(forms, key=len, reverse=True)
    return Gazetteer(re.compile(f"(?P<name>{_grouped_pattern(longest_first)})(?:示范区)?"), forms)


@cache
def national() -> Gazetteer:
    """Full names of every division, short names of provinces and prefectures."""
    divisions = load()
    forms: dict[str, Division] = {}
    for division in sorted(divisions.by_code.values(), key=lambda d: d.level != "province"):
        forms.setdefault(division.name, division)
        if division.level != "county" and _usable_short(division.short_name):
            forms.setdefault(division.short_name, division)
    return _gazetteer(forms)


def regional(code: str | None) -> Gazetteer:
    """The national gazetteer with the short names of the counties and districts of `code`'s area."""
    if not code:
        return national()
    return _of_area(_area(load(), code))


@cache
def _of_area(area: str) -> Gazetteer:
    """Built once per province: every city of a province reads with the same names."""
    divisions = load()
    forms = dict(national().forms)
    for division in divisions.below(area):
        if division.level == "county" and _usable_short(division.short_name):
            forms.setdefault(division.short_name, division)
    return _gazetteer(forms)


def _area(divisions: Divisions, code: str) -> str:
    """A city or county plan reads the counties of its own province (济源 in a plan of 许昌)."""
    chain = divisions.ancestors(code)
    return chain[-1].code if chain else code


def region_named(name: str) -> Place | None:
    """The division a user names as the plan's region (--region 郑州), None if none is called so."""
    found = load().named(name)
    return Place(name, found[0].code) if found else None


def plan_region(text: str) -> Place | None:
    """The place whose plan this is: the division named most often (heading lines count more), a
    division whose parts are named (two or more of them) counting their mentions too, the more local
    on a tie; "全国" for a national text; None if it names none."""
    counts: Counter[Place] = Counter()
    lines = text.lstrip().split("\n", HEADING_LINES)
    heading = "\n".join(lines[:HEADING_LINES])
    for _, _, place in national().find(text):
        counts[place] += 1
    for _, _, place in national().find(heading):
        counts[place] += HEADING_WEIGHT - 1
    national_cues = len(NATIONAL_CUE.findall(text))
    if not counts:
        return Place(NATIONAL, "") if national_cues else None
    divisions = load()
    scores = Counter(counts)
    parts: dict[str, set[str]] = {}
    for place in counts:
        for ancestor in divisions.ancestors(place.code):
            parts.setdefault(ancestor.code, set()).add(place.code)
    for place in counts:
        if len(parts.get(place.code, ())) >= 2:
            scores[place] += sum(counts[p] for p in counts if p.code in parts[place.code])
    best = max(scores, key=lambda p: (scores[p], _depth(divisions, p.code)))
    if national_cues > scores[best]:
        return Place(NATIONAL, "")
    return best


def _depth(divisions: Divisions, code: str) -> int:
    return len(divisions.ancestors(code)) if code in divisions.by_code else 0


def subjects(clause: str, gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """The places a clause names as a subject, with their offsets in it: divisions, and zones as
    written ("开封综合保税区", a division's zone, stands for itself, not for 开封)."""
    found = gazetteer.find(clause)
    zones = _zones(clause, found) if "区" in clause else []
    if STREET_WORD in clause:
        zones += [(*street.span("name"), street["name"]) for street in STREET.finditer(clause)]
    places = [(start, end, place.name) for start, end, place in found
              if _subject(clause, start, end) and not any(a <= start < b for a, b, _ in zones)]
    return sorted(places + zones)


def _zones(clause: str, found: list[tuple[int, int, Place]]) -> list[tuple[int, int, str]]:
    zones = []
    for zone in ZONE.finditer(clause):
        start = next((first for first, last, _ in found if last == zone.start()), zone.start())
        if start == zone.start() and not ZONE_OPENING.match(clause[:start]):
            continue
        if not ZONE_NOT_SUBJECT.match(clause, zone.end()) and not (start and clause[start - 1] in "在从到至向往赴"):
            zones.append((start, zone.end(), clause[start:zone.end()].strip()))
    return zones


def is_zone(name: str) -> bool:
    """A functional zone or a 街道, no division of the gazetteer ("综保区", "洛阳高新区", "玉林街道")."""
    return bool(ZONE_END.search(name)) or name.endswith(STREET_WORD)


def places_in(piece: str, named: list[tuple[int, int, str]], start: int, city: str) -> list[str]:
    """The places named as subjects in `piece` (which starts at `start` of the clause whose
    `subjects` are `named`), in order; [] when it names none."""
    end = start + len(piece)
    found = [name for first, last, name in named if first >= start and last <= end]
    counties = ALL_COUNTIES.search(piece) if "各" in piece else None
    if counties and city:
        found.append(city + counties.group())
    return list(dict.fromkeys(found))


def whole_again(piece: str, places: list[str], city: str) -> list[str]:
    """[city] when `piece` turns back to the plan's own region ("全市…") from other places."""
    return [city] if city and places and places != [city] and "全" in piece and WHOLE.search(piece) else []


def places_listed(text: str, gazetteer: Gazetteer) -> list[str]:
    """Every place named in `text` ("的地市有郑州、周口、信阳"), in order."""
    return list(dict.fromkeys(place.name for _, _, place in gazetteer.find(text)))


def _subject(clause: str, start: int, end: int) -> bool:
    """A place is a subject unless it sits inside a longer word (郑州都市圈, 新乡日报, 北京路)."""
    return SUBJECT_FOLLOWS.match(clause, end) is not None and not (start and clause[start - 1] in "在从到至向往赴")


def strip_places(words: str, gazetteer: Gazetteer | None = None) -> str:
    """The words without the places (and "各县(市、区)") they name."""
    words = (gazetteer or national()).pattern.sub("", words)
    words = ZONE_NAMED.sub("", words) if "区" in words else words
    words = STREET.sub("", words) if STREET_WORD in words else words
    return ALL_COUNTIES.sub("", words)
