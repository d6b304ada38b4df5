"""
The words of a 情况说明: figures, direction words, bases, subjects, lists.

Everything here is a pattern or a small pure function over a string; the
extractor (`_narrative.extract`) decides what the matches mean in their sentence.
"""

from __future__ import annotations

import re
from collections.abc import Set
from decimal import Decimal

from attrs import frozen

from .claims import Base, BaseKind, Direction, Period, YearRole
from .prose import ENUMERATOR

# ---------------------------------------------------------------- figures

_NUMBER = r"(?P<number>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)"
_MONEY_UNITS = r"万元|元|万(?![人户个])"
_COUNT_UNITS = (
    r"人次|人|名|个(?!百分点)|辆|台（套）|台\(套\)|台|套|家|批次|次|户|所|处|间|张|条|件|项(?![目])"
)
_QUANTITY_UNITS = r"个百分点|平方米|㎡|公里|千米|米|吨|亩|层|分(?!钟|别|配|析|类|项)|小时|天"
FIGURE = re.compile(
    r"(?<![\d.,A-Za-z\-~～])"
    + _NUMBER
    + r"\s*(?:(?P<percent>[%％])|(?P<money>"
    + _MONEY_UNITS
    + r")|(?P<quantity>"
    + _QUANTITY_UNITS
    + r")|(?P<count>"
    + _COUNT_UNITS
    + r")|(?P<years>年(?![度\d]))"
    + r")"
    + r"(?![\d\-~～])"
)
"""A number with what it counts: money, a percentage, a count or a quantity."""

BARE_PERCENT = re.compile(r"(?P<verb>增长|下降|上升|降低)\s*" + _NUMBER + r"(?=[。；，])")
"""A growth rate printed without its % sign ("增长13.95。")."""

BARE_COUNT = re.compile(
    r"(?<=[\u4e00-\u9fff)）])"
    + _NUMBER
    + r"(?=\s*[，,；;。、]"
    + r"|[\u4e00-\u9fff](?<![万元人名个辆台套家批次户所处间张条件项年月日号期届]))"
)
"""
A number printed without its measure word, in a list of counts: "九年制学校2，", and
"公务员（…）20事业编制17名" where the comma went missing too.
"""

HEADCOUNT = re.compile(
    r"(?P<subject>编制数|编制人数|实有人数)\s*(?:为)?" + _NUMBER + r"(?![\d.人名])"
)
THRESHOLD_AFTER = re.compile(r"^\s*(?:（含）|\(含\))?\s*(?:以上|以下|及以上|以内|左右)")
RATE_AFTER = re.compile(r"^\s*/\s*(?P<per>[\u4e00-\u9fff]+(?:/[\u4e00-\u9fff]+)*)")
YEAR = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})\s*年度?")
DATE = re.compile(r"(?<!\d)(?:19|20)\d{2}\s*年\s*(?:\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|底|末)")
RANGE_BEFORE = re.compile(r"[\-~～至到]\s*$")
REPORT_YEAR = re.compile(
    r"(?<![比较与同\d])(?P<year>(?:19|20)\d{2})\s*年度?\s*(?:区级)?(?:部门|单位)?"
    r"(?:[（(](?:部门|单位)[)）])?(?:收支)?(?P<kind>预算|决算)(?!执行|数)"
)
"""A title's year: "2024年度部门决算", "2021年部门（单位）预算", "2025年部门预算编制说明"."""
AS_OF = re.compile(r"截至\s*(?P<year>(?:19|20)\d{2})\s*年")
YEAR_SLOT = re.compile(
    r"(?<![比较与同至到\d\-~～])(?P<year>(?:19|20)\d{2})\s*年度?\s*"
    r"(?P<measure>(?:当年)?预算执行数|(?:实际)?执行数|预算安排|安排预算|预算数|预算)"
    r"(?:资金|金额)?\s*(?:为|是|共|计|合计)?\s*[:：]?\s*(?=\d)"
)
"""A year labelling a figure: "2024年度预算5.00万元", "2025年当年预算执行数为40.00万元"."""
_DAY = r"(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?"
_SPAN = (
    r"(?P<year>(?:19|20)\d{2})\s*年度?" + _DAY + r"(?:\s*(?:至|到|-|—|－|–|~|～)\s*"
    r"(?P<until>(?:19|20)\d{2})\s*年度?" + _DAY + r")?"
)
PERIOD_LABEL = re.compile(r"实施周期|资金执行时间|实施期限|项目周期|执行期限|起止时间")
PERIOD = re.compile(r"(?P<label>" + PERIOD_LABEL.pattern + r")\s*(?:为|是)?\s*[：:]?\s*" + _SPAN)
"""A project's period: "项目实施周期：2025年1月1日至2025年12月31日", "资金执行时间：2021年"."""
PERIOD_RANGE = re.compile(r"^\s*" + _SPAN + r"\s*[。.]?\s*$")
"""A sentence that is a period alone, under a heading that names it ("五、实施周期")."""


def slot_role(kind: str, match: re.Match[str], sentence: str, section: str) -> YearRole | None:
    """
    What a year beside a figure, or a project's period, is: last year's outturn
    ("2025年当年预算执行数为…"); this year's arrangement beside it ("2026年预算安排…");
    a figure's own year ("2024年度预算…"); a period, labelled or under its heading.
    """
    if kind == "period":
        labelled = match.groupdict().get("label") or PERIOD_LABEL.search(section)
        return YearRole.PERIOD if labelled else None
    measure = match.group("measure")
    if "执行数" in measure:
        return YearRole.EXECUTED
    outturn = any("执行数" in m.group("measure") for m in YEAR_SLOT.finditer(sentence))
    return YearRole.PLANNED if "安排" in measure and outturn else YearRole.FIGURE


# ---------------------------------------------------------------- directions and bases

_INCREASE = r"增加|增长|上升|提高|增多|多支|增收|增支|调增"
_DECREASE = r"减少|下降|降低|压缩|缩减|节约|减支|少支|减收|调减"
_UP = r"增加|增长|上升|增"
_DOWN = r"减少|下降|降低|减"
_PAIR = (
    rf"(?:{_UP})\s*(?:[（(]\s*(?:{_DOWN})\s*[)）]|/\s*(?:{_DOWN}))"
    rf"|(?:{_DOWN})\s*(?:[（(]\s*(?:{_UP})\s*[)）]|/\s*(?:{_UP}))"
    rf"|[（(]\s*(?:{_UP}|{_DOWN})\s*[)）]"
)
"""A direction never chosen: "增加（减少）", "下降（增长）", "增/减", a lone "(减少)"."""
_UNCLEAR = _PAIR + r"|增减"
UNCHOSEN = re.compile(_PAIR)
DIRECTION_WORD = re.compile(rf"(?P<verb>{_INCREASE}|{_DECREASE}|新增)")
"""A direction word anywhere in a clause: "会议经费增加", "收入减少的主要原因"."""
VERB_AT_END = re.compile(
    r"(?P<verb>"
    + _UNCLEAR
    + r"|"
    + _INCREASE
    + r"|"
    + _DECREASE
    + r"|新增|增|减)(?:了|幅为|幅|率为|率|额为|额|为|达|约)?\s*$"
)
BASE = re.compile(
    r"(?P<prep>比|较|与|同|相较|相比|对比)\s*(?P<what>上年度|上年|上一年度|上一年|上一度|上线|去年"
    r"|(?P<own>年初预算数?|全年预算数?|调整预算数?|调整后预算数?|预算数?)"
    r"|(?P<year>(?:19|20)\d{2})\s*年度?)\s*"
    r"(?P<qualifier>当年预算执行数|预算执行数|实际执行数|执行数|实际完成数?|完成数|预算数|预算"
    r"|决算数|决算|实际支出数?|支出数|实际收入数?|收入数)?"
    r"(?:相比|比较|同期)?"
    r"|(?P<same>同比|环比)"
)
"""A comparison base: "比上年预算", "与2023年度相比", "较去年", and the bare "同比"."""
_BASE_WORDS = (
    r"(?:比|较|与|同)\s*(?:上年度|上年|上一年度|(?:19|20)\d{2}\s*年度?)"
    r"(?:预算执行数|执行数|预算数|预算|决算数|决算)?\s*"
)
FLAT = re.compile(
    r"(?:" + _BASE_WORDS + r")?(?P<word>持平|无增减|无变化|无增加或减少|没有变化)"
    r"|" + _BASE_WORDS + r"(?P<same>一样|相同)"
)
AGAINST_BUDGET = re.compile(
    r"决算数?\s*(?:(?P<cmp>大于|小于|等于|高于|低于)\s*(?P<which>年初|全年)?预算数?"
    r"|与(?P<which2>年初|全年)?预算数?(?P<flat>基本持平|持平|一致|相等))"
)
NO_PRIOR = re.compile(r"上年(?:度)?(?:无此项|未安排|没有)[\u4e00-\u9fff]{0,6}")
DISCONTINUED = re.compile(r"不再安排")

# ---------------------------------------------------------------- reasons, lists, placeholders

REASON = re.compile(
    r"(?:的)?(?:主要)?原因(?:是|为|主要是|在于)?[：:]?|主要是由于|主要是因为|主要由于|主要系"
    r"|(?<=[，,])\s*主要是(?!用于|指|对|在|为)"
)
INTRODUCER = re.compile(
    r"(?P<word>其中|主要包括|具体包括|包括|分别是|分别为|主要用于以下方面|主要构成为)\s*[：:，,]?"
)
SUBSET_INTRODUCER = re.compile(r"^(?!在)(?P<whole>[\u4e00-\u9fff“”（）]{2,24}?)中[，,]")
PLACEHOLDER = re.compile(
    r"(?P<mark>XX+|ＸＸ+|××+|xx+|\*\*+|待填写|待补充|\{[^}]{0,20}\})"
    # a direction never chosen, with no figure after it: "增加（减少）的主要原因是"
    rf"|(?P<pair>{_PAIR})(?![)）]?\s*(?:幅度?|率|额)?(?:为|是|了)?\s*[\d.])(?![)）])"
    # a figure never filled in: "占基本支出预算%", "执行数为万元", "在职人员人，", "执行数为。"
    r"|(?P<number>[\u4e00-\u9fff]{1,6}\s*[%％]"
    r"|[\u4e00-\u9fff]{0,6}(?<!单位)(?:为|是|达|计|占|增加|减少)\s*(?:万元|元)(?=[，,。；;、)）])"
    r"|[\u4e00-\u9fff]{0,4}(?:人员|职工|人数|共有|实有)\s*(?:为|共)?\s*[人名](?=[，,。；;、])"
    r"|(?<![比较与同\d])(?:19|20)\d{2}\s*年度?(?:当年)?(?:预算执行数|执行数|预算数|预算安排)"
    r"(?:为|是)?\s*(?=[。；;，,])"
    r"|(?:预算执行数|执行数|预算数|决算数|预算安排)(?:为|是)\s*(?=[。；;，,]))"
    # the template's words to the preparer: "对本单位的…进行说明。", "请填写…"
    r"|(?P<instruction>^\s*(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）、.．]\s*)?"
    r"(?:(?:请|须|需|应)?(?:对|就)[^。；，,]{2,40}?(?:进行|作|做|予以)出?(?:简要|具体|详细|相关)?"
    r"(?:说明|描述|阐述|解释|介绍)|请(?:填写|填报|补充|根据|按照|列示|简要|在此))[^。]*)"
)
"""
Template residue: a placeholder ("XX", "××", "待填写"), a direction never chosen, a figure
never filled in, or the template's instruction to the preparer (`_narrative.residue` tells
which from the group that matched).
"""

# ---------------------------------------------------------------- subjects

CODED_SEED = re.compile(
    r"(?P<n1>[\u4e00-\u9fff]{2,24})[（(](?P<c1>\d{3})类?[)）]"
    r"(?:(?P<n2>[\u4e00-\u9fff]{2,24})[（(](?P<c2>\d{2})款?[)）])?"
    r"(?:(?P<n3>[\u4e00-\u9fff]{2,24})[（(](?P<c3>\d{2})项?[)）])?"
    r"(?:款|项|科目)?"
)
"""Coded levels: "节能环保支出（211）污染减排（11）…款", "公共安全支出（204类）司法（06款）…"."""
_LEVEL = r"(?:[\u4e00-\u9fff、]|[（(]室[)）])"  # "党委办公厅(室)及相关机构事务"
CODED_LEVELS = re.compile(
    r"[“\"]?(?P<n1>" + _LEVEL + r"{2,30})[（(]类[)）]-?\s*"
    r"(?:(?P<n2>" + _LEVEL + r"{2,30})?(?P<k2>[（(]款[)）])-?\s*)?"
    r"(?:(?P<n3>" + _LEVEL + r"{2,30})?(?P<k3>[（(]项[)）]))?[”\"]?(?:科目)?"
)
"""
Named levels: "“一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”科目"; a level
printed without its name ("行政事业单位养老支出(款)(项)") is a level all the same.
"""

_LEADING = re.compile(
    r"^(?:[，,。；：:、\s]|其中|包括|主要包括|具体包括|分别是|分别为|同时|另外|此外|"
    r"本年度|本年|当年|年度|共有|本部门|本单位|我单位|该单位|[（(](?:部门|单位)[)）]|为|的)+"
)
_TRAILING = re.compile(
    r"(?:为|是|达到|达|约为|约|共计|合计为|总额为|金额为|数为|数额|(?<=[\u4e00-\u9fff]{2})由|"
    r"(?<=[）)])(?:款|项|科目)|科目|预算安排|安排|的|了|：|:)+$"
)
_MEASURE_SUFFIX = re.compile(
    r"(?P<measure>上年度?(?:预算数?|执行数|决算数?)?|年初预算数?|全年预算数?|调整预算数?"
    r"|调整(?:后)?(?=为|到|$)"
    r"|(?:当年)?预算执行数|执行数"
    r"|支出决算数?|决算数?|预算数|(?<!一般公共)(?<!政府性基金)(?<!国有资本经营)(?<!上年)预算)"
    r"(?:安排)?(?:为|是|数为|共计)?$"
)
_QUOTES = re.compile(r"[“”\"'‘’「」《》\s]")
_ENUM_PREFIX = re.compile(f"^(?:{ENUMERATOR}|、)+")
GENERIC = frozenset({"", "金额", "价值", "资金", "经费", "预算金额", "涉及预算金额", "涉及金额"})
"""Subjects that say what a figure measures but not what it is about."""

MEASURED_GENERIC = frozenset({"支出", "收入"})
"""Generic only beside a measure word: "支出决算为" (the topic's), not "支出预算433.34万元"."""

TOTALS = re.compile(r"^(?:本年)?(?:收入|支出|收支|收入支出)(?:总|合计|总计|总预算|总额)?(?:预算)?$")
"""Subjects that are a document's grand totals: they end a list, never sit in one."""

_UNIT_NAME = re.compile(
    r"^(?:[\u4e00-\u9fff]{1,8}?[省市州区县旗])+[\u4e00-\u9fff]{1,24}"
    r"(?:中心|局|院|办事处|街道|委员会|委|办|站|所|馆|队|部|厅|会)(?:[（(](?:部门|单位)[)）])?"
    r"(?=[\u4e00-\u9fff“\"]{2})"
)


@frozen(kw_only=True)
class Prefix:
    """What the words before a figure say about it."""

    subject: str  # normalized; "" when the words name nothing of their own
    raw: str
    direction: Direction | None = None
    base: Base | None = None
    period: Period | None = None


def last_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The last match of *pattern* in *text* (the one nearest a figure that follows)."""
    found = None
    for found in pattern.finditer(text):  # noqa: B007 - the loop keeps the last
        pass
    return found


def clean(text: str) -> str:
    """*text* without quotes and layout spaces."""
    return _QUOTES.sub("", text)


def strip_enumerator(text: str) -> str:
    return _ENUM_PREFIX.sub("", text)


_SHAPES = (
    ("part", re.compile(r"^第[一二三四五六七八九十]+部分")),
    ("cn、", re.compile(r"^[一二三四五六七八九十]+[、.．]")),
    ("(cn)", re.compile(r"^[（(][一二三四五六七八九十]+[)）]")),
    ("(d)", re.compile(r"^[（(]\d+[)）]")),
    ("d.d", re.compile(r"^\d+[.．]\d+(?:[.．]\d+)*[、.．]?(?!\d)")),
    ("d.", re.compile(r"^\d+[、.．](?!\d)")),
    ("circled", re.compile(r"^[①②③④⑤⑥⑦⑧⑨⑩]")),
)


def enumerator_shape(text: str) -> str | None:
    """How *text* is numbered — "cn、" (一、), "(cn)" (（一）), "d." (1.), "(d)", … — or None."""
    stripped = text.lstrip()
    return next((shape for shape, pattern in _SHAPES if pattern.match(stripped)), None)


def normalize_subject(raw: str) -> str:
    """
    A subject as printed → the form claims and table rows are matched on.

    Quotes, enumerators, the unit's name and a leading year go; so do
    particles ("为", "共", "其中") and a trailing "财政拨款"; "公务接待费支出"
    becomes "公务接待费".
    """
    text = strip_enumerator(clean(raw))
    if text[:1] in "（(" and not re.search(r"[)）]", text):
        text = text[1:]  # "（公务用车购置费": the bracket opens a sub-list, not the name
    years = list(YEAR.finditer(text))
    if years:
        text = text[years[-1].end() :]
    text = re.sub(r"^(?:19|20)\d{2}(?=[\u4e00-\u9fff]|$)", "", text)  # "2026预算安排"
    previous = None
    while previous != text:
        previous = text
        text = _LEADING.sub("", text)
        text = _UNIT_NAME.sub("", text)
        text = _TRAILING.sub("", text)
        text = re.sub(r"(?<=费)支出$|(?<=经费)财政拨款$", "", text)
        head, of, tail = text.rpartition("的")
        if of and len(tail) >= 4 and head:
            text = tail
    return text


def split_measure(
    text: str, *, report_year: int | None, final: bool
) -> tuple[Period | None, Base | None, str]:
    """
    The period a measure word gives a figure, its prior-year base, and the words without it.

    "年初预算为" in a 决算 → BUDGET; "2023年当年预算执行数为" in a 2024
    document → PRIOR against 2023's 执行数; "支出决算为" → CURRENT;
    "政府采购预算" → no period of its own (the document's year).
    """
    cleaned = clean(text).rstrip("：:")  # "上年:20.00万元": the label of its figure
    years = list(YEAR.finditer(cleaned))
    prior_years = [
        int(m.group("year"))
        for m in years
        if report_year is not None and int(m.group("year")) < report_year
    ]
    tail = cleaned[years[-1].end() :] if years else cleaned
    match = _MEASURE_SUFFIX.search(tail)
    measure = match.group("measure") if match else ""
    body = normalize_subject(tail[: match.start()] if match else tail)
    if not body and years:  # "公务接待费2016年预算": the subject before its year
        body = normalize_subject(cleaned[: years[-1].start()])
    if _PRIOR_WORD.search(cleaned) or prior_years:
        year = prior_years[-1] if prior_years else None
        return Period.PRIOR, Base(kind=_base_kind(measure), year=year, raw=measure), body
    if measure.startswith(("全年预算", "调整")):
        return Period.ADJUSTED, None, body
    if measure.startswith("年初预算") or (final and measure in {"预算", "预算数"}):
        return Period.BUDGET, None, body
    if "决算" in measure:
        return Period.CURRENT, None, body
    return None, None, body


_PRIOR_WORD = re.compile(r"上年(?!(?:度)?(?:结转|结余|末))")
"""A prior-year word: "上年预算数", not the name of this year's carry-over ("上年结转和结余")."""


_GLUED = re.compile(r"^(?P<year>(?:19|20)\d{2})(?P<rest>\d{2,}(?:\.\d+)?)$")
_YEAR_EXPECTED = re.compile(r"(?:比|较|与|同|万元|元)\s*$")


def glued_year(number: str, before: str, years: Set[int]) -> tuple[int, str] | None:
    """
    A year run into the figure after it, its 年 lost ("比201423.45万元" for 比2014年23.45万元,
    "394.85万元2014247.15万元相比较"): the number opens with a year the text names, where a
    year is wanted (after 比/较/与 or right after another amount).  (year, the figure's rest).
    """
    match = _GLUED.match(number)  # "2,024,512.00" has separators: one number, no year
    if match is None or not _YEAR_EXPECTED.search(before) or int(match["year"]) not in years:
        return None
    return int(match["year"]), match["rest"]


_QUALIFIERS = re.compile(r"^(?:财政拨款|一般公共预算|本年度?|本单位|本部门)+")
_MEASURES = re.compile(r"(?:预算总额|预算数|总额|预算)$")


def name_core(name: str) -> str:
    """A subject without what a fuller statement of it adds: 财政拨款三公经费预算 → 三公经费."""
    return _MEASURES.sub("", _QUALIFIERS.sub("", name))


def own_years(words: str) -> list[int]:
    """The years *words* name of their own figure, not of a comparison base ("比2023年")."""
    text = BASE.sub("", clean(words))
    return [int(m.group("year")) for m in YEAR.finditer(text)]


def year_period(years: list[int], report_year: int | None) -> tuple[Period, Base] | None:
    """
    The period a year gives the figures it heads: a year before the report's makes them
    last year's ("2023年三公经费合计支出28万元，其中：…"); None for the report's own year.
    """
    if report_year is None or not years or years[-1] >= report_year:
        return None
    return Period.PRIOR, Base(kind=BaseKind.PRIOR_YEAR, year=years[-1], raw=f"{years[-1]}年")


def heading_period(text: str, report_year: int | None) -> tuple[Period, Base] | None:
    """A section about a prior year ("二、2023年决算情况"): its figures are that year's."""
    if re.search(r"比|较|与|对比|相比", text):
        return None  # "2024年与2023年对比": a comparison, not a year's section
    years = {int(m.group("year")) for m in YEAR.finditer(text)}
    found = year_period(sorted(years), report_year) if len(years) == 1 else None
    if found is None:
        return None
    kind = _base_kind(text)
    return Period.PRIOR, Base(kind=kind, year=found[1].year, raw=found[1].raw)


def subject_name(words: str, *, report_year: int | None = None, final: bool = False) -> str:
    """The normalized subject *words* name, measure words ("预算", "决算数") dropped."""
    return split_measure(words, report_year=report_year, final=final)[2]


def parse_base(match: re.Match[str]) -> Base:
    """A base phrase ("比上年预算", "与2023年度相比", "同比") as a `Base`."""
    if match.group("same"):
        return Base(kind=BaseKind.PRIOR_YEAR, raw=match.group("same"))
    if match.group("own"):  # "较年初预算数", "与预算相比": the year's own budget
        return Base(kind=BaseKind.ANNUAL_BUDGET, raw=clean(match.group()).rstrip("，,"))
    what = match.group("what")
    qualifier = match.group("qualifier") or ""
    year = int(match.group("year")) if match.group("year") else None
    typo = what in {"上线", "上一度"}
    raw = clean(match.group()).rstrip("，,")
    return Base(kind=_base_kind(qualifier), year=year, raw=raw, typo=typo)


def _base_kind(qualifier: str) -> BaseKind:
    """Which prior figure a qualifier names: 执行数, 决算, 预算, or just the year."""
    if "执行数" in qualifier or "完成" in qualifier:
        return BaseKind.PRIOR_ACTUAL
    if "决算" in qualifier:
        return BaseKind.PRIOR_FINAL
    if "预算" in qualifier:
        return BaseKind.PRIOR_BUDGET
    return BaseKind.PRIOR_YEAR


def direction_of(verb: str) -> Direction:
    """The `Direction` a verb asserts."""
    if re.fullmatch(_UNCLEAR, verb):
        return Direction.UNCLEAR
    if verb == "新增":
        return Direction.NEW
    if re.fullmatch(_INCREASE + "|增", verb):
        return Direction.INCREASE
    return Direction.DECREASE


def parse_prefix(words: str, *, report_year: int | None, final: bool = False) -> Prefix:
    """
    Read the words between the previous figure (or clause start) and a figure.

    "比上年增加" → a change against 上年; "基本支出" → a subject;
    "年初预算为" → a BUDGET figure of an inherited subject.
    """
    text = clean(words)
    direction: Direction | None = None
    base: Base | None = None
    verb = VERB_AT_END.search(text)
    if verb:
        direction = direction_of(verb.group("verb"))
        text = text[: verb.start()]
    base_match = last_match(BASE, text)
    if base_match is not None and direction is None and _states_prior(text, base_match):
        # "比上年X万元", "比上年的X万元", "比上年累计支出X万元": X is the base, last year's figure
        before = text[: base_match.start()]
        subject = split_measure(before, report_year=report_year, final=final)[2]
        return Prefix(
            subject="" if COMPARISON_ONLY.fullmatch(subject) else subject,
            raw=words.strip(),
            base=parse_base(base_match),
            period=Period.PRIOR,
        )
    if base_match is not None and (direction is not None or base_match.end() >= len(text) - 1):
        base = parse_base(base_match)
        text = text[: base_match.start()] + text[base_match.end() :]
    period, prior_base, subject = split_measure(text, report_year=report_year, final=final)
    return Prefix(
        subject="" if COMPARISON_ONLY.fullmatch(subject) else subject,
        raw=words.strip(),
        direction=direction,
        base=base or prior_base,
        period=period,
    )


COMPARISON_ONLY = re.compile(r"(?:同比|环比|对比|相比较?|比较|相较|比|较|与|和)+")
"""Words that say what a figure is compared with, never what it is about ("同比", "对比")."""


def _states_prior(text: str, base: re.Match[str]) -> bool:
    """
    Whether a figure after a base phrase, with no direction word, is the base's own figure:
    the base ends the words ("比上年", "比上年的") or opens them ("比上年累计支出").
    """
    if base.group("same"):
        return False  # "同比" names no figure of its own
    tail = text[base.end() :].strip("的为是")
    if re.search(r"[增减降升调少多]", tail) or len(tail) > 8:
        return False  # "比上年增收": a change word this reader does not know, not a figure's name
    return not tail or not text[: base.start()].strip()


def coded_subject(text: str) -> tuple[str, str, tuple[str, ...], re.Match[str]] | None:
    """
    A coded subject ending *text*: (name, code, printed names, match).

    "节能环保支出（211）污染减排（11）环境监测与信息（01）款" → 环境监测与信息,
    2111101; "“一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”科目" →
    专项普查活动, "" (Shanghai prints the levels, not the code).
    """
    for pattern in (CODED_SEED, CODED_LEVELS):
        match = last_match(pattern, text)
        if match is None:
            continue
        code = ""
        if pattern is CODED_SEED:
            code = "".join(c for c in match.group("c1", "c2", "c3") if c)
            names = tuple(strip_enumerator(n) for n in match.group("n1", "n2", "n3") if n)
        else:  # a level printed with no name keeps its place: 款 without a 项 is not the 项
            levels = [match.group("n1")]
            levels += [
                match.group(n) or "" for n, k in (("n2", "k2"), ("n3", "k3")) if match.group(k)
            ]
            names = tuple(strip_enumerator(n) for n in levels)
        return next(n for n in reversed(names) if n), code, names, match
    return None


def decimal_of(number: str) -> Decimal:
    return Decimal(number.replace(",", ""))
