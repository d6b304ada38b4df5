"""``standard.staffing``: headcounts, linked to the personnel lines they drive."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from attrs import frozen

from budgetdiff import Budget, Change, hookimpl
from budgetdiff.model import StaffKind
from budgetdiff.plugin import Comparator, CompareContext, Driver, Link

from ._pairing import change

NAME = "standard.staffing"

STAFF_NAMES = {
    StaffKind.AUTHORIZED: "编制数",
    StaffKind.ACTUAL: "实有人数",
    StaffKind.IN_SERVICE: "在职人员",
    StaffKind.RETIRED: "退休人员",
    StaffKind.CONTRACT: "员额控制人员",
}

# Which personnel lines each kind of staff is paid from (部门预算支出经济分类).
# 员额控制人员 (contract staff) are paid from 30199 其他工资福利支出; in-service staff
# from wages (30101 基本工资 … 30107 绩效工资); retirees from 303 对个人和家庭的补助.
PAID_FROM = {
    StaffKind.CONTRACT: ("30199",),
    StaffKind.IN_SERVICE: ("30101", "30102", "30103", "30107"),
    StaffKind.RETIRED: ("30301", "30302", "303"),
}


@frozen
class Staffing:
    """Each headcount (编制数, 实有人数, 在职, 退休, 员额控制人员)."""

    name: str = NAME

    def compare(self, old: Budget, new: Budget, context: CompareContext) -> Iterator[Change | Link]:
        for kind in StaffKind:
            before, after = old.profile.staffing[kind], new.profile.staffing[kind]
            if before is None and after is None:
                continue
            old_count = before.count if before else None
            new_count = after.count if after else None
            drivers = (
                (
                    Driver(change=f"staff:{k.value}", relation="part")
                    for k in (StaffKind.IN_SERVICE, StaffKind.RETIRED, StaffKind.CONTRACT)
                )
                if kind is StaffKind.ACTUAL
                else ()
            )
            yield change(
                NAME, "staff", kind.value, STAFF_NAMES[kind], old_count, new_count, drivers=drivers
            )
            if old_count is None or new_count is None or old_count == new_count:
                continue
            for code in PAID_FROM.get(kind, ()):
                yield Link(
                    target=f"economic:{code}",
                    driver=Driver(change=f"staff:{kind.value}", relation="cause"),
                )


@hookimpl
def register_comparators(register: Callable[[Comparator], None]) -> None:
    register(Staffing())
