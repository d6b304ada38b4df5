"""Whatever a file holds, `read` returns a Disclosure or raises a ReadError: nothing else.

And whatever a disclosure holds, `normalize` returns or raises a ReadError (when it
states no year); it never crashes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from budgetdiff import Budget
from budgetdiff._normalize.normalize import normalize
from budgetdiff._read.disclosure import Disclosure
from budgetdiff._read.reader import read
from budgetdiff.exceptions import ReadError

SMALL = """第一部分  样例中心单位概况
一、主要职能
　　承担样例监测工作。
二、机构设置及人员情况
样例中心无下属预算单位，下设1个科室，分别是：综合科。
样例中心编制数3，实有人数3人，其中：在职3人，无增加或减少。
第二部分  2023年部门（单位）预算公开表
表一：
部门（单位）收支总体情况表
编制部门（单位）：样例中心          单位：万元
\t收　入
\t支　出

\t项　目
\t预算数
\t功能分类
\t预算数

\t一般公共预算
\t12.5
\t211 节能环保支出
\t12.5

\t收入总计
\t12.5
\t支出总计
\t12.5

表三：
部门（单位）支出总体情况表
编制部门（单位）：样例中心          单位：万元
\t功能分类科目编码
\t功能分类科目名称
\t合  计
\t基本支出
\t项目支出

\t类
\t款
\t项
\t
\t
\t
\t

\t211
\t11
\t01
\t生态环境监测与信息
\t12.5
\t10
\t2.5

\t
\t
\t
\t合  计
\t12.5
\t10
\t2.5

表五：
\t一般公共预算支出情况表

\t编制部门（单位）：样例中心
\t单位：万元

\t功能分类科目编码
\t功能分类科目名称
\t合  计
\t基本支出
\t项目支出

\t类
\t款
\t项
\t
\t
\t
\t

\t211
\t11
\t01
\t生态环境监测与信息
\t12.5
\t10
\t2.5

备注：样例。
第三部分  2023年样例中心预算情况说明
十、其他重要事项的情况说明
（一）机关运行经费情况
2023年机关运行经费财政拨款预算1.5万元。
"""
LINES = SMALL.split("\n")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("property")


def _read_and_normalise(path: Path) -> None:
    """Read *path* and normalise what it holds; a ReadError must name the file."""
    failed: ReadError | None = None
    try:
        found = read(path)
        if isinstance(found, Disclosure):
            assert all(p.location.source == str(path) for p in found.problems)
            normalize(found)
        else:
            assert isinstance(found, Budget)
    except ReadError as error:
        failed = error
    assert failed is None or failed.source == str(path)


def test_the_small_disclosure_is_valid(folder: Path) -> None:
    path = folder / "small.txt"
    path.write_text(SMALL, encoding="utf-8")
    found = read(path)
    assert isinstance(found, Disclosure)
    assert found.problems[0].kind.value == "missing_table"  # it prints only three tables
    assert normalize(found).budget.expenditure_total.yuan == 125_000


@given(st.text())
def test_any_text(folder: Path, text: str) -> None:
    path = folder / "any.txt"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    _read_and_normalise(path)


@given(st.binary())
def test_any_bytes(folder: Path, data: bytes) -> None:
    path = folder / "bytes.txt"
    path.write_bytes(data)
    _read_and_normalise(path)


_PIECES = st.sampled_from(
    [
        "\t",
        "\t433..34",
        "\t—",
        "\t合  计",
        "",
        "\x0c",
        "表六：",
        "单位：元",
        "\t２１１",
        "（一）",
        "一、",
    ]
)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """The small disclosure with lines deleted, repeated, replaced, or noise inserted."""
    lines = list(LINES)
    for _ in range(draw(st.integers(min_value=1, max_value=8))):
        if not lines:
            break
        at = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        action = draw(st.sampled_from(["delete", "repeat", "insert", "replace", "cut"]))
        if action == "delete":
            del lines[at]
        elif action == "repeat":
            lines.insert(at, lines[at])
        elif action == "insert":
            lines.insert(at, draw(st.one_of(_PIECES, st.text(max_size=12))))
        elif action == "replace":
            lines[at] = draw(st.one_of(_PIECES, st.text(max_size=12)))
        else:
            lines[at] = lines[at][: draw(st.integers(min_value=0, max_value=len(lines[at])))]
    return "\n".join(lines)


@given(mutated())
def test_mutations_of_a_valid_disclosure(folder: Path, text: str) -> None:
    path = folder / "mutated.txt"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    _read_and_normalise(path)
