"""The unit profile (单位概况): functions, offices, subordinate units, staffing."""

from __future__ import annotations

import enum

from attrs import field, frozen

from .fields import tuple_of


class StaffKind(enum.Enum):
    """The staffing figures a profile states; the value is the field name."""

    AUTHORIZED = "authorized"  # 编制数
    ACTUAL = "actual"  # 实有人数
    IN_SERVICE = "in_service"  # 在职
    RETIRED = "retired"  # 退休
    CONTRACT = "contract"  # 员额控制人员


@frozen(kw_only=True)
class Headcount:
    """A number of people, and the change against last year if the document states one."""

    count: int
    stated_change: int | None = None  # "无增加或减少" is 0; None when not stated


@frozen(kw_only=True)
class Staffing:
    """编制数, 实有人数 and its parts (在职, 退休, 员额控制人员)."""

    authorized: Headcount | None = None
    actual: Headcount | None = None
    in_service: Headcount | None = None
    retired: Headcount | None = None
    contract: Headcount | None = None

    def __getitem__(self, kind: StaffKind) -> Headcount | None:
        value: Headcount | None = getattr(self, kind.value)
        return value

    @property
    def parts_total(self) -> int | None:
        """在职 + 退休 + 员额控制人员, when all three are stated."""
        parts = (self.in_service, self.retired, self.contract)
        if any(p is None for p in parts):
            return None
        return sum(p.count for p in parts if p is not None)


@frozen(kw_only=True)
class Profile:
    """Who the unit is."""

    name: str
    functions: str = ""  # 主要职能
    offices: tuple[str, ...] = field(default=(), converter=tuple_of)  # 内设机构/科室
    subordinate_units: tuple[str, ...] = field(default=(), converter=tuple_of)  # 下属单位
    staffing: Staffing = Staffing()
