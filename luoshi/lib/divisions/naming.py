"""简称: the short name people use for a division (郑州市 → 郑州, 管城回族区 → 管城, 杞县 stays 杞县)."""

import re

# The 55 minority nationalities, longest first, as they appear in the names of autonomous divisions.
NATIONALITIES = sorted(["蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺"], key=len, reverse=True)
_NATION = "|".join(NATIONALITIES)
_AUTONOMOUS = re.compile(rf"(?:(?:{_NATION})族)+(?:自治(?:区|州|县|旗)|区)?$")
_SUFFIX = re.compile(r"(?:特别行政区|自治区|自治州|自治县|自治旗|省|市|地区|林区|特区|区|县|盟|旗)$")


def short_name(name: str, kind: str = "") -> str:
    """NAME without its administrative suffix, unless that would leave a single character."""
    stripped = _AUTONOMOUS.sub("", name)
    if stripped == name:
        stripped = _SUFFIX.sub("", name)
    return stripped if len(stripped) >= 2 else name
