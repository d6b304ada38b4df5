"""What the narrative states about other matters: 机关运行经费, “三公”经费, 政府采购,
国有资产, 预算绩效, the projects' descriptions, and changes in staffing.

Each statement is found in the section whose title names it, by the phrases the
documents use ("政府采购预算150.05万元，其中：政府采购货物预算19.05万元…"); a
statement a document prints differently (or displaced by its PDF) is simply not
found, and the matter stays unknown rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from attrs import frozen

from budgetdiff._model.findings import Location
from budgetdiff._model.matters import (
    Assets,
    PerformanceSummary,
    Procurement,
    ThreePublic,
    VehicleHolding,
)
from budgetdiff._model.money import Money, Unit
from budgetdiff._model.profile import StaffKind
from budgetdiff._model.projects import FundingItem
from budgetdiff._read.disclosure import Disclosure, Section, SectionPart, Sentence
from budgetdiff._read.numbers import decimal_of
from budgetdiff._read.table_titles import compact

_AMOUNT = r"([\d,，]+(?:\.\d+)?)\s*万元?"
_VEHICLE = re.compile(
    r"([\u4e00-\u9fff]+?(?:用车|车辆))\s*(\d+)\s*辆(?:\s*[，,]\s*价值\s*([\d,.]+)\s*万元)?"
)
_STAFF_CHANGE = re.compile(r"(增加|减少)\s*(\d+)\s*名\s*(员额控制人员|在职人员|退休人员|编制人员)")
_STAFF_KINDS = {
    "员额控制人员": StaffKind.CONTRACT,
    "在职人员": StaffKind.IN_SERVICE,
    "退休人员": StaffKind.RETIRED,
    "编制人员": StaffKind.AUTHORIZED,
}
_PROJECT_KEYS = {
    "项目名称": "name",
    "设立的政策依据": "policy_basis",
    "政策依据": "policy_basis",
    "预算安排规模": "scale",
    "项目承担单位": "undertaker",
    "资金分配情况": "funding",
    "资金执行时间": "period",
}
_KEY_LINE = re.compile(r"^(?:\d+\s*[.．、])?\s*(" + "|".join(_PROJECT_KEYS) + r")\s*[：:]\s*(.*)$")
_ITEM_START = re.compile(r"(?:(?<=^)|(?<=[。；;，,\s]))(\d{1,2})\s*[、.．](?!\d)")
_RANGE = re.compile(r"(\d+\s*[-－—~至]\s*\d+\s*项)")
_WAN = re.compile(r"(\d+(?:\.\d+)?)\s*万")


@frozen(kw_only=True)
class Stated:
    """A figure the narrative states, and where."""

    amount: Money
    location: Location


@frozen(kw_only=True)
class ProjectStatement:
    """A project as the narrative describes it (七、…项目支出情况说明)."""

    name: str
    policy_basis: str = ""
    scale: str = ""
    undertaker: str = ""
    funding: str = ""
    period: str = ""
    line: int = 0


def _wan(text: str) -> Money | None:
    number = decimal_of(text.replace("，", ","))
    return None if number is None else Money.of(number, Unit.WAN_YUAN)


class NarrativeMatters:
    """Searches a disclosure's narrative for the statements of each matter."""

    def __init__(self, disclosure: Disclosure) -> None:
        self.disclosure = disclosure
        self.sections = [s for s in disclosure.sections if s.part is SectionPart.NARRATIVE]

    def _in(self, *words: str) -> Iterator[tuple[Section, Sentence]]:
        """Sentences of sections whose title (or their parent's) names one of *words*."""
        parent = ""
        for section in self.sections:
            if section.level <= 1:
                parent = section.title
            title = compact(section.title) + compact(parent)
            if any(w in title for w in words):
                for sentence in section.sentences:
                    yield section, sentence

    def _where(self, section: Section, sentence: Sentence) -> Location:
        return Location(source=self.disclosure.source, table=section.title, line=sentence.line)

    def _first(self, pattern: str, *words: str) -> tuple[re.Match[str], Location] | None:
        regex = re.compile(pattern)
        for section, sentence in self._in(*words):
            found = regex.search(sentence.text)
            if found:
                return found, self._where(section, sentence)
        return None

    def admin_costs(self) -> Stated | None:
        found = self._first(
            r"机关运行经费(?:财政拨款)?(?:预算|支出)?(?:为|是)?\s*" + _AMOUNT, "机关运行经费"
        )
        if found is None:
            return None
        amount = _wan(found[0].group(1))
        return None if amount is None else Stated(amount=amount, location=found[1])

    def three_public(self) -> tuple[ThreePublic, Location] | None:
        for section, sentence in self._in("三公"):
            text = sentence.text
            if "其中" not in text:
                continue
            items = {
                "outbound": re.search(r"因公出国[（(]境[)）]费(?:用)?\s*" + _AMOUNT, text),
                "vehicle_purchase": re.search(r"公务用车购置(?:费)?\s*" + _AMOUNT, text),
                "vehicle_operation": re.search(
                    r"公务(?:用)?车(?:用车)?运行(?:维护)?费\s*" + _AMOUNT, text
                ),
                "reception": re.search(r"公务接待费\s*" + _AMOUNT, text),
            }
            if not all(items.values()):
                continue
            amounts = {k: _wan(m.group(1)) for k, m in items.items() if m is not None}
            if any(a is None for a in amounts.values()):
                continue
            return ThreePublic(**{k: a for k, a in amounts.items() if a is not None}), self._where(
                section, sentence
            )
        return None

    def procurement(self) -> Procurement | None:
        words = ("政府采购",)
        whole = self._first(r"政府采购(?:预算|金额)[^，,]*?(?:为)?\s*" + _AMOUNT, *words)
        if whole is None:
            return None
        parts = {
            key: self._first(
                rf"(?:政府采购{word}预算|{word}采购金额|拟(?:购买|采购){word}(?:支出)?)\s*"
                + _AMOUNT,
                *words,
            )
            for key, word in (("goods", "货物"), ("works", "工程"), ("services", "服务"))
        }
        sme = self._first(r"面向中小企业预留政府采购项目预算金额\s*" + _AMOUNT, *words)
        small = self._first(
            r"(?:面向小微企业预留政府采购项目预算金额|预留给小型和微型企业的政府采购项目预算为?)\s*"
            + _AMOUNT,
            *words,
        )
        total = _wan(whole[0].group(1))
        if total is None:
            return None
        amounts = {k: _wan(v[0].group(1)) for k, v in parts.items() if v is not None}
        return Procurement(
            total=total,
            **{k: a for k, a in amounts.items() if a is not None},
            sme_reserved=_wan(sme[0].group(1)) if sme else None,
            small_micro_reserved=_wan(small[0].group(1)) if small else None,
        )

    def performance(self) -> PerformanceSummary | None:
        found = self._first(
            r"(?:实行绩效管理的[^，,]*?项目|编报绩效目标的项目(?:共)?)\s*(\d+)\s*个[，,]\s*"
            r"涉及(?:项目)?预算(?:资金|金额)\s*" + _AMOUNT,
            "绩效",
        )
        if found is None:
            return None
        amount = _wan(found[0].group(2))
        if amount is None:
            return None
        return PerformanceSummary(project_count=int(found[0].group(1)), amount=amount)

    def assets(self) -> Assets | None:
        sentences = [s for _, s in self._in("国有资产")]
        if not sentences:
            return None
        holding: list[str] = []
        planning: list[str] = []
        for sentence in sentences:
            target = planning if re.search(r"安排购置|未安排", sentence.text) else holding
            target.append(sentence.text)
        held = "".join(holding)
        plan = "".join(planning)
        fields: dict[str, object] = {}
        as_of = re.search(r"截[至止]\s*(\d{4}\s*年(?:底|末|\s*\d{1,2}\s*月\s*\d{1,2}\s*日))", held)
        if as_of:
            fields["as_of"] = compact(as_of.group(1))
        building = re.search(
            r"房屋\s*([\d.]+)\s*平方米(?:\s*[，,]\s*价值\s*([\d,.]+)\s*万元)?", held
        )
        if building:
            if building.group(1).isdigit():
                fields["building_area_m2"] = int(building.group(1))
            if building.group(2):
                fields["building_value"] = _wan(building.group(2))
        vehicles = []
        for kind, count, value in _VEHICLE.findall(held):
            if compact(kind) in ("车辆", "共有车辆") or kind.endswith("共有车辆"):
                continue
            vehicles.append(
                VehicleHolding(kind=kind, count=int(count), value=_wan(value) if value else None)
            )
        fields["vehicles"] = tuple(vehicles)
        for key, pattern in (
            ("furniture_value", r"办公家具价值\s*" + _AMOUNT),
            ("other_value", r"其他资产价值\s*" + _AMOUNT),
        ):
            found = re.search(pattern, held)
            if found:
                fields[key] = _wan(found.group(1))
        for key, pattern, text in (
            ("equipment_over_500k", r"50万元以上(?:大型)?设备\s*(\d+)\s*台", held),
            (
                "equipment_over_1m",
                r"100万元(?:（含）)?以上(?:大型)?设备(?:（不含车辆）)?\s*(\d+)\s*台",
                held,
            ),
            ("planned_equipment_over_500k", r"50万元以上(?:大型)?设备\s*(\d+)\s*台", plan),
            (
                "planned_equipment_over_1m",
                r"100万元(?:（含）)?以上(?:大型)?设备(?:（不含车辆）)?\s*(\d+)\s*台",
                plan,
            ),
            ("planned_vehicles", r"安排购置车辆\s*(\d+)\s*辆", plan),
        ):
            found = re.search(pattern, text)
            if found:
                fields[key] = int(found.group(1))
        if "planned_vehicles" not in fields and re.search(r"未安排(?:购置)?车辆", plan):
            fields["planned_vehicles"] = 0
        return Assets(**fields)  # type: ignore[arg-type]

    def staffing_changes(self) -> list[tuple[StaffKind, int, str, int]]:
        """(kind, change, text, line) of each change in staffing the narrative states."""
        result = []
        for section in self.sections:
            for sentence in section.sentences:
                for found in _STAFF_CHANGE.finditer(sentence.text):
                    sign = -1 if found.group(1) == "减少" else 1
                    result.append(
                        (
                            _STAFF_KINDS[found.group(3)],
                            sign * int(found.group(2)),
                            found.group(0),
                            sentence.line,
                        )
                    )
        return result

    def projects(self) -> dict[str, ProjectStatement]:
        """The projects described as 项目名称：… with their 资金分配情况 and the rest."""
        result: dict[str, ProjectStatement] = {}
        current: dict[str, str] | None = None
        line = 0

        def close() -> None:
            if current and current.get("name"):
                result[compact(current["name"])] = ProjectStatement(line=line, **current)

        for section in self.sections:
            for text_line in section.lines:
                found = _KEY_LINE.match(text_line.text.strip(" \u3000\t"))
                if found is None:
                    continue
                key = _PROJECT_KEYS[found.group(1)]
                if key == "name":
                    close()
                    current, line = {}, text_line.number
                if current is not None:
                    current[key] = found.group(2).strip()
        close()
        return result


def funding_items(text: str) -> tuple[FundingItem, ...]:
    """
    The items of a 资金分配情况 statement, each with its amount in 万元.

    Numbered items ("1、…6万元/年。2、…") are items; where the statement totals
    groups of them ("1-5项…3年合计51万元"), the groups are the items.  An item's
    text is its first clause as printed; its amount the last 万元 figure in it.
    """
    text = text.strip()
    if not text:
        return ()
    groups = _range_items(text)
    if groups:
        return groups
    starts = list(_ITEM_START.finditer(text))
    pieces: list[str] = []
    if starts:
        for i, match in enumerate(starts):
            end = starts[i + 1].start() if i + 1 < len(starts) else len(text)
            pieces.append(text[match.end() : end])
    else:
        pieces = [text]
    return tuple(_item(piece) for piece in pieces if piece.strip(" 。；;，,"))


def _range_items(text: str) -> tuple[FundingItem, ...]:
    ranges = list(_RANGE.finditer(text))
    if not ranges:
        return ()
    items = []
    for i, match in enumerate(ranges):
        end = ranges[i + 1].start() if i + 1 < len(ranges) else len(text)
        stop = re.search(r"[；;。](?!\d)", text[match.start() : end])
        piece = (
            text[match.start() : match.start() + stop.start()]
            if stop
            else text[match.start() : end]
        )
        items.append(_item(piece))
    return tuple(items)


def _item(piece: str) -> FundingItem:
    clause = re.split(r"[，,；;。：:]", piece.strip(" 。；;，,"))[0].strip()
    amounts = _WAN.findall(piece)
    amount = Money.of(amounts[-1], Unit.WAN_YUAN) if amounts else None
    return FundingItem(text=clause, amount=amount)
