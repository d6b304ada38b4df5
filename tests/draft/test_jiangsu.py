"""
The Jiangsu family: drafts of both series of ../shared/corpus/pdf/jiangsu/ (江苏省高级人民法院
2017→2018→2019, 江苏省人大常委会办公厅 2017→2018→2019) chosen by themselves, in every
format, in the structure and wording of the documents' own 第三部分 (one section a table,
"与上年相比增加…万元，增长…%。主要原因是……"), nothing the self-check doubts.

The golden (``golden/jiangsu_fayuan_2019_zh_CN.txt``) was read line by line against the
2019 document's narrative and the 2018 and 2019 tables; where the published narrative's
arithmetic is wrong the draft's is right (see `NARRATIVE_SLIPS`).
"""

from __future__ import annotations

import functools
from collections import Counter
from pathlib import Path

import pytest

import budgetdiff
from budgetdiff import Budget, Comparison
from budgetdiff._draft.drafting import draft
from tests.conftest import shared_path
from tests.draft.test_draft import assert_golden
from tests.draft.test_truth import comparison_of

# The pairs of test_truth.PAIRS, and j05 against j06 + j07 (one disclosure published as a
# narrative PDF and a tables PDF).
SERIES = [
    "jiangsu-fayuan-2017-2018",
    "jiangsu-fayuan-2018-2019",
    "jiangsu-renda-2017-2018",
    "jiangsu-renda-2018-2019",
]

TITLES = [
    "一、收支预算总体情况说明",
    "二、收入预算情况说明",
    "三、支出预算情况说明",
    "四、财政拨款收支预算总体情况说明",
    "五、财政拨款支出预算情况说明",
    "六、财政拨款基本支出预算情况说明",
    "七、一般公共预算支出预算情况说明",
    "八、一般公共预算基本支出预算情况说明",
    "九、一般公共预算“三公”经费、会议费、培训费支出预算情况说明",
    "十、政府性基金预算支出预算情况说明",
    "十一、一般公共预算机关运行经费支出预算情况说明",
    "十二、政府采购支出预算情况说明",
    "十三、其他重要事项说明",
]


def _pdf(prefix: str) -> Path:
    pytest.importorskip("pdfplumber")
    return next(shared_path("corpus", "pdf", "jiangsu").glob(f"{prefix}_*.pdf"))


def _budget(*paths: Path) -> Budget:
    document = budgetdiff.read(*paths)
    assert isinstance(document, budgetdiff.Disclosure)
    return budgetdiff.normalize(document).budget


@functools.cache
def _renda_2019() -> Budget:
    """j06 (the narrative) and j07 (the tables): one disclosure in two files."""
    return _budget(_pdf("j06"), _pdf("j07"))


@functools.cache
def _renda_2018() -> Budget:
    return _budget(_pdf("j05"))


def jiangsu(name: str) -> Comparison:
    if name == "jiangsu-renda-2018-2019":
        return budgetdiff.compare(_renda_2018(), _renda_2019())
    return comparison_of(name)


@pytest.mark.parametrize("name", SERIES)
def test_every_pair_of_the_series_drafts_in_the_jiangsu_family_with_nothing_to_doubt(
    name: str,
) -> None:
    """Chosen by itself, every format renders, the self-check has nothing to say."""
    result = draft(jiangsu(name))
    assert result.family == "jiangsu"
    assert result.title.endswith("年度部门预算情况说明")
    assert [s.title for s in result.sections] == TITLES
    assert [n.text for n in result.notes] == []
    for fmt in ("text", "markdown", "html", "json"):
        assert result.render(fmt)


@pytest.mark.parametrize("name", SERIES)
def test_the_english_is_a_translation_paragraph_by_paragraph(name: str) -> None:
    """The same sections, paragraphs and numbers, placeholders translated too."""
    chinese, english = draft(jiangsu(name)), draft(jiangsu(name), locale="en")
    assert english.family == "jiangsu"
    assert [s.key for s in english.sections] == [s.key for s in chinese.sections]
    for zh, en in zip(chinese.sections, english.sections, strict=True):
        assert not any("【" in p for p in (en.title, *en.paragraphs)), en.key
        assert len(en.paragraphs) == len(zh.paragraphs), en.key
        for zh_spans, en_spans in zip(zh.spans, en.spans, strict=True):
            said = Counter((s.source, s.value) for s in zh_spans)
            assert Counter((s.source, s.value) for s in en_spans) == said, en.key
    assert english.placeholders == chinese.placeholders
    assert [n.text for n in english.notes] == []


@pytest.mark.parametrize("name", SERIES)
def test_word(name: str, tmp_path: Path) -> None:
    pytest.importorskip("docx")
    from budgetdiff._draft.word import save_docx

    save_docx(draft(jiangsu(name)), tmp_path / "draft.docx")
    assert (tmp_path / "draft.docx").stat().st_size > 0


def test_golden_jiangsu_draft() -> None:
    """江苏省高级人民法院 2019 against 2018, every figure checked by hand."""
    text = draft(jiangsu("jiangsu-fayuan-2018-2019")).render("text")
    assert_golden("jiangsu_fayuan_2019_zh_CN.txt", text)


# Sentences of each later year's own narrative (their figures, our wording) that the
# draft states: the figures as the document states them.
STATED = {
    "jiangsu-fayuan-2017-2018": [
        "2018年度收入、支出预算总计33172.15万元，与上年相比收、支预算总计各增加4322.77万元，增长14.98%。",
        "基本支出预算数为18570.82万元。与上年相比增加1447.63万元，增长8.45%。",
        "项目支出预算数为11343.27万元。与上年相比减少200万元，减少1.73%。",
        "单位预留机动经费预算数为3258.06万元。与上年相比增加3075.14万元，增长1681.14%。",
        "1．法院（款）行政运行（项）支出14857.61万元，与上年相比增加3070.69万元，增长26.05%。",
        "3．法院（款）机关服务（项）支出1600万元，与上年持平。",
        "（二）公用经费3407.38万元。",
        "（2）公务用车运行维护费预算支出266.8万元，比上年预算减少37.6万元",
        "会议费预算支出271.26万元，比上年预算增加43.26万元",
        "机关运行经费预算支出3407.38万元，与上年相比减少5786.02万元，减少62.94%。",
        "政府采购预算总金额为4641.62万元。其中拟采购货物支出962.86万元；拟采购工程支出539万元；"
        "拟采购服务支出3139.76万元。",
    ],
    "jiangsu-fayuan-2018-2019": [
        "2019年度收入、支出预算总计37188.34万元，与上年相比收、支预算总计各增加4016.19万元，增长12.11%。"
        "主要原因是基本支出增加3397.18万元、单位预留机动经费增加1753.34万元、项目支出减少1134.33万元。",
        "项目支出预算数为10208.94万元。与上年相比减少1134.33万元，减少10%。",
        "6．法院（款）其他法院支出（项）支出630万元，与上年相比减少280万元，减少30.77%。",
        "3．公务接待费预算支出86.95万元，比上年预算减少97万元",
        "本部门共有车辆66辆，其中，一般公务用车13辆、执法执勤用车38辆、特种专业技术用车15辆。",
    ],
    "jiangsu-renda-2017-2018": [
        "2018年度收入、支出预算总计15897.44万元，与上年相比收、支预算总计各增加2248.37万元，增长16.47%。",
        "1．一般公共服务（类）支出12706.28万元",
        "与上年相比增加2177.95万元，增长20.69%。",
        "9．人大事务（款）其他人大事务支出（项）支出580万元，与上年相比增加480万元，增长480%。",
        "2．行政事业单位离退休（款）机关事业单位基本养老保险缴费支出（项）支出580.01万元，上年无此项，"
        "本年新增580.01万元。",
        "机关运行经费预算支出1579.38万元，与上年相比减少4039.93万元，减少71.89%。",
    ],
    "jiangsu-renda-2018-2019": [
        "2019年度收入、支出预算总计18330.37万元，与上年相比收、支预算总计各增加2432.93万元，增长15.3%。",
        "基本支出9312.9万元，占50.81%；",
        "3．人大事务（款）人大会议（项）支出1469.73万元，与上年相比增加164.48万元，增长12.6%。",
        "1．因公出国（境）费预算支出199.25万元，比上年预算减少23.25万元",
        "（一）人员经费7670.82万元。",
        "本部门共有车辆54辆，其中，一般公务用车54辆。",
    ],
}

# Where the published narrative's own arithmetic slipped, the draft computes it right.
NARRATIVE_SLIPS = {
    # j02 prints 减少392.92万元: 6432.89 (2017) − 6049.97 (2018) is 382.92
    "jiangsu-fayuan-2017-2018": "一般行政管理事务（项）支出6049.97万元，"
    "与上年相比减少382.92万元，减少5.95%",
    # j05 prints 增长1312.56%: 1557.29 ÷ 128.43 is 12.1256
    "jiangsu-renda-2017-2018": "单位预留机动经费预算数为1685.72万元。"
    "与上年相比增加1557.29万元，增长1212.56%。",
}


@pytest.mark.parametrize("name", SERIES)
def test_the_draft_states_the_figures_of_the_documents_own_narrative(name: str) -> None:
    text = draft(jiangsu(name)).render("text")
    for sentence in STATED[name]:
        assert sentence in text
    if name in NARRATIVE_SLIPS:
        assert NARRATIVE_SLIPS[name] in text


def test_reasons_are_asked_only_where_material() -> None:
    """4.47% and 100.89万元 (under 0.5% of 37188.34万元) asks nothing; 55.72% is explained."""
    text = draft(jiangsu("jiangsu-fayuan-2018-2019")).render("text")
    assert "与上年相比增加100.89万元，增长4.47%。\n" in text
    assert "会议费预算支出271.02万元，比上年预算减少0.24万元。" in text
    assert (
        "与上年相比增加2627.95万元，增长55.72%。主要原因是提租补贴（项）支出增加2146.85万元、"
        "住房公积金（项）支出增加481.1万元。" in text
    )
    assert (
        "单位预留机动经费预算数为5011.4万元。与上年相比增加1753.34万元，增长53.82%。主要原因是【请补充原因】。"
        in text
    )


def test_cli_chooses_jiangsu_and_style_overrides_it(capsys: pytest.CaptureFixture[str]) -> None:
    from budgetdiff._cli.main import main

    old, new = str(_pdf("j02")), str(_pdf("j03"))
    assert main(["draft", old, new]) == 0
    out = capsys.readouterr()
    assert "house style: jiangsu" in out.err
    assert "九、一般公共预算“三公”经费、会议费、培训费支出预算情况说明" in out.out
    assert main(["draft", old, new, "--style", "xinjiang"]) == 0
    assert "house style: xinjiang" in capsys.readouterr().err
