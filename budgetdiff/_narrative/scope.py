"""
What a whole leaves out by definition: the domain exclusions of budget prose.

A list printed after a whole may go on past the whole's parts with what lies beside
it: 年初结转和结余 after 本年收入合计 (the carry-over is not this year's income),
退休人员 after 在职职工 (the retired are not serving staff), 聘用人员 after 编制
(hired staff hold no authorized post).  Such an item is no part.
"""

from __future__ import annotations

import re

_EXCLUSIONS = (
    # this year's income or spending: the carry-over in and out is beside it
    (
        re.compile(r"本年(?:度)?(?:收入|支出)|(?:收入|支出)合计|本年(?:度)?收支"),
        re.compile(r"结转|结余"),
    ),
    # serving staff: the retired are beside them
    (re.compile(r"在职|在编|在岗|在校"), re.compile(r"退休|离休")),
    # authorized posts: staff hired outside them, and the retired, are beside them
    (re.compile(r"编制"), re.compile(r"聘用|编外|临时|劳务派遣|退休|离休")),
)


def outside(whole: str, part: str) -> bool:
    """Whether *part* lies, by definition, outside *whole* ("年初结转和结余" of "本年收入合计")."""
    return any(w.search(whole) and p.search(part) and not p.search(whole) for w, p in _EXCLUSIONS)
