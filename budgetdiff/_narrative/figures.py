"""
Recording figures: what each number (or direction word) claims, given the
words before it and what the reader knows of its sentence.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from attrs import evolve

from budgetdiff._model.money import Money, Unit
from budgetdiff._model.rounding import places_of

from . import patterns as pat
from .claims import (
    AmountClaim,
    Base,
    BaseKind,
    ChangeClaim,
    CountClaim,
    Direction,
    PercentClaim,
    PercentRole,
    Period,
    QuantityClaim,
    ReasonClaim,
    Subject,
)
from .lists import Lists
from .prose import Paragraph
from .scan import Event, fresh
from .state import ReaderState

_AGAINST = re.compile(r"^[，,]?(?:占|完成)[^，,；;]*预算")
_COMBINED = re.compile(
    r"(?:[两二三四五六七八九十\d]+项|以上各项|上述各项)(?:合计|共计|合)?$|(?:合计|共计|总计)$"
)
"""Words before "占" naming several parts together ("两项合计占0.1%")."""
_SHARE = re.compile(r"占(?:比)?(?P<whole>[^，。；：]*?)(?:的)?(?:比重|比例)?(?:为|是)?$")
_EXECUTION = re.compile(r"完成(?P<which>年初|全年)?预算(?:数)?的(?:比例)?(?:为)?$")
_COUNT_VERB = re.compile(r"(?:^|下设|设有|设|现有|共有|有|安排|配备|购置|涉及|新增|增加|减少)$")
_NOUN_AFTER = re.compile(r"^[\u4e00-\u9fff（）()]{1,12}")
_PEOPLE = {"人": "人", "名": "人", "台（套）": "台（套）", "台(套)": "台（套）"}


class FigureReader(ReaderState):
    """Turns one figure or direction word into claims."""

    def __init__(self, text: str, source: str) -> None:
        super().__init__(text, source)
        self.lists = Lists(self)

    def _figure(
        self,
        para: Paragraph,
        event: Event,
        words: str,
        base: Base | None,
        in_reason: int | None,
        start: int,
        end: int,
    ) -> int:
        """Record one figure; returns how many characters after it it consumed (a noun)."""
        m = event.match
        number = pat.decimal_of(m.group("number"))
        common: dict[str, Any] = {
            "text": pat.clean(words.lstrip("，,；;：:、")) + m.group(),
            "sentence": para.text[start:end],
            "reason": in_reason,
            **self.figure_where(para, event),
        }
        if event.kind == "headcount":
            subject = Subject(name=m.group("subject"), raw=m.group("subject"))
            cid = self.add(CountClaim, subject=subject, count=int(number), unit="人", **common)
            self._begin(subject, True, cid, in_reason)
            return 0
        if event.kind == "bare":
            return self._percent(para, event, words, number, base, in_reason, common, signed=False)
        if m.group("percent"):
            return self._percent(para, event, words, number, base, in_reason, common, signed=True)
        prefix = pat.parse_prefix(words, report_year=self.report_year, final=self.final)
        if m.group("money"):
            return self._money(para, event, words, prefix, number, base, in_reason, common)
        if m.group("count"):
            return self._count(para, event, words, prefix, number, base, in_reason, common)
        unit = m.group("quantity") or "年"
        subject, explicit = self._subject(words, prefix, in_reason=in_reason)
        cid = self.add(
            QuantityClaim,
            subject=subject,
            value=number,
            unit=unit,
            places=places_of(m.group("number")),
            approximate="约" in words,
            **common,
        )
        self._begin(subject, explicit, cid, in_reason)
        self.lists.offer(cid, explicit=explicit, at_clause_start=fresh(words))
        return 0

    def _money(
        self,
        para: Paragraph,
        event: Event,
        words: str,
        prefix: pat.Prefix,
        number: Decimal,
        base: Base | None,
        in_reason: int | None,
        common: dict[str, Any],
    ) -> int:
        m = event.match
        unit = Unit.YUAN if m.group("money") == "元" else Unit.WAN_YUAN
        money = Money.of(number, unit)
        places = max(places_of(m.group("number")), 2)
        if in_reason is None and self._gives_magnitude(words, money, unit, places, m):
            return 0
        subject, explicit = self._subject(words, prefix, in_reason=in_reason)
        against = _AGAINST.match(pat.clean(words)) is not None and prefix.direction is None
        if against:
            # "完成23992万元，占年度预算22443万元的106.9%": the budget it is measured against,
            # not a new subject nor this year's figure
            subject = self.statement.subject or subject
            explicit = False
            prefix = evolve(prefix, period=Period.BUDGET)
        if prefix.direction is not None:
            current = self._current_of(subject) if in_reason is None else None
            prior = self._prior_of(subject) if in_reason is None else None
            cid = self.add(
                ChangeClaim,
                subject=subject,
                direction=prefix.direction,
                magnitude=money,
                unit=unit,
                places=places,
                printed=m.group("number"),
                base=prefix.base or base or Base(),
                current=current,
                prior=prior,
                **common,
            )
            if in_reason is None:
                self.last_change = cid
            self._begin(subject, explicit, cid, in_reason)
            self.lists.offer(cid, explicit=explicit, at_clause_start=fresh(words))
            return 0
        rate = pat.RATE_AFTER.match(para.text[event.end :])
        period, prior_base = prefix.period, prefix.base if prefix.period is Period.PRIOR else None
        context = self.context_period(words) if period is None else None
        if context is not None:
            period, prior_base = context
        cid = self.add(
            AmountClaim,
            subject=subject,
            amount=money,
            unit=unit,
            places=places,
            printed=m.group("number"),
            period=period or Period.CURRENT,
            base=prior_base,
            approximate="约" in words,
            per=rate.group("per") if rate else "",
            **common,
        )
        self._begin(subject, explicit, cid, in_reason)
        if not rate:
            self.lists.offer(cid, explicit=explicit, at_clause_start=fresh(words))
        return 0

    def _gives_magnitude(
        self, words: str, money: Money, unit: Unit, places: int, m: re.Match[str]
    ) -> bool:
        """
        A figure right after a direction stated without one is that change's size:
        "决算数大于预算数55.93万元" is a change of 55.93, not an amount of 55.93.
        """
        if re.sub(r"[\s为了约达]", "", words) or not self.sentence_claims:
            return False
        last = self.out[self.sentence_claims[-1]]
        if (
            not isinstance(last, ChangeClaim)
            or last.magnitude is not None
            or last.direction.sign in (None, 0)
        ):
            return False
        self.update(last.id, magnitude=money, unit=unit, places=places, printed=m.group("number"))
        return True

    def _count(
        self,
        para: Paragraph,
        event: Event,
        words: str,
        prefix: pat.Prefix,
        number: Decimal,
        base: Base | None,
        in_reason: int | None,
        common: dict[str, Any],
    ) -> int:
        raw_unit = event.match.group("count")
        unit = _PEOPLE.get(raw_unit, raw_unit)
        consumed = 0
        explicit = True
        name = prefix.subject
        if name in pat.GENERIC or _COUNT_VERB.search(name):
            noun = _NOUN_AFTER.match(para.text[event.end :])
            if noun:
                text = noun.group()
                cut = text.find("人员")
                text = text[: cut + 2] if cut >= 0 else text.split("的")[0]
                name, consumed = text, len(text)
            else:
                found = self.statement.subject
                name, explicit = (found.name if found else name), False
        subject = Subject(
            name=pat.normalize_subject(name) or name, raw=name, inherited=not explicit
        )
        cid = self.add(
            CountClaim,
            subject=subject,
            count=int(number),
            unit=unit,
            direction=prefix.direction,
            base=(prefix.base or base) if prefix.direction else None,
            **common,
        )
        self._begin(subject, explicit, cid, in_reason)
        self.lists.offer(cid, explicit=explicit, at_clause_start=fresh(words))
        return consumed

    def _bare_count(
        self, para: Paragraph, event: Event, words: str, unit: str, start: int, end: int
    ) -> None:
        """A count printed without its measure word, in a list of counts ("九年制学校2，")."""
        prefix = pat.parse_prefix(words, report_year=self.report_year)
        number = event.match.group("number")
        if prefix.subject in pat.GENERIC or prefix.direction is not None or "." in number:
            return
        subject = Subject(name=prefix.subject, raw=pat.clean(words).strip("，,；;：:、"))
        cid = self.add(
            CountClaim,
            subject=subject,
            count=int(pat.decimal_of(number)),
            unit=unit,
            text=pat.clean(words.lstrip("，,；;：:、")) + event.match.group(),
            sentence=para.text[start:end],
            **self.where(para, event.start, event.end),
        )
        self._begin(subject, True, cid, None)
        self.lists.offer(cid, explicit=True, at_clause_start=fresh(words))

    def _percent(
        self,
        para: Paragraph,
        event: Event,
        words: str,
        number: Decimal,
        base: Base | None,
        in_reason: int | None,
        common: dict[str, Any],
        *,
        signed: bool,
    ) -> int:
        text = pat.clean(words)
        fields: dict[str, Any] = {}
        subject = self.statement.subject or self.topic or Subject(name="")
        places = places_of(event.match.group("number"))
        if signed and (share := _SHARE.search(text)):
            role = PercentRole.SHARE
            part = self._in_statement(AmountClaim, period=Period.CURRENT)
            named = pat.subject_name(text[: share.start()], report_year=self.report_year)
            own = self.find(named, AmountClaim, period=Period.CURRENT) if named else None
            if own is not None:  # "税收收入占…的比重为62%": the share of the part it names
                part, subject = own, self.out[own].subject
            if _COMBINED.search(text[: share.start()]):
                part = None  # "A…，B…，两项合计占0.1%": the share of several parts together
            whole_name = pat.subject_name(share.group("whole"), report_year=self.report_year)
            whole = self.find(whole_name, AmountClaim) if whole_name else None
            fields.update(part=part, whole=whole, whole_name=whole_name)
        elif signed and (execution := _EXECUTION.search(text)):
            role = PercentRole.EXECUTION
            period = Period.ADJUSTED if execution.group("which") == "全年" else Period.BUDGET
            fields.update(
                part=self._in_statement(AmountClaim, period=Period.CURRENT),
                whole=self._in_statement(AmountClaim, period=period),
                base=Base(raw=execution.group()),
            )
        elif (verb := pat.VERB_AT_END.search(text)) or not signed:
            role = PercentRole.GROWTH
            word = verb.group("verb") if verb else event.match.group("verb")
            change = self._in_sentence(ChangeClaim) if in_reason is None else None
            found = pat.last_match(pat.BASE, text)
            rate_base = pat.parse_base(found) if found else base
            prior = self._prior_like(rate_base) if rate_base is not None else None
            fields.update(
                direction=pat.direction_of(word),
                base=rate_base,
                change=change,
                part=self._in_statement(AmountClaim, period=Period.CURRENT),
                prior=prior
                if prior is not None
                else self._in_statement(AmountClaim, period=Period.PRIOR),
            )
        else:
            role = PercentRole.OTHER
        cid = self.add(
            PercentClaim,
            subject=evolve(subject, inherited=True),
            value=number,
            places=places,
            role=role,
            has_sign=signed,
            **fields,
            **common,
        )
        self._begin(subject, False, cid, in_reason)
        if role is PercentRole.GROWTH and in_reason is None and fields.get("change") is None:
            self.last_change = cid
        return 0

    def _direction(
        self, para: Paragraph, event: Event, words: str, base: Base | None, start: int, end: int
    ) -> None:
        """持平 / 决算数小于预算数 / 上年无此项支出 / 不再安排: a change stated without a figure."""
        kind, m = event.kind, event.match
        common: dict[str, Any] = {
            "text": pat.clean(words.lstrip("，,；;：:、")) + m.group(),
            "sentence": para.text[start:end],
            **self.where(para, event.start, event.end),
        }
        prefix = pat.parse_prefix(words, report_year=self.report_year, final=self.final)
        subject, explicit = self._subject(words, prefix)
        counted = self.out[self.statement.claims[-1]] if self.statement.claims else None
        if kind == "flat" and not explicit and isinstance(counted, CountClaim):
            cid = self.add(
                CountClaim,
                subject=evolve(counted.subject, inherited=True),
                count=0,
                unit=counted.unit,
                direction=Direction.FLAT,
                base=base,
                **common,
            )
            self.statement.claims.append(cid)
            return
        fields: dict[str, Any] = {}
        if kind == "against":
            cmp = m.group("cmp") or ""
            direction = (
                Direction.FLAT
                if m.group("flat") or cmp == "等于"
                else Direction.INCREASE
                if cmp in {"大于", "高于"}
                else Direction.DECREASE
            )
            which = m.group("which") or m.group("which2") or ""
            subject, fields = self._against(subject, explicit, which)
            base = Base(kind=BaseKind.ANNUAL_BUDGET, raw="预算数")
        elif kind == "flat":
            direction = Direction.FLAT
            fields = {"current": self._current_of(subject)}
        elif kind == "noprior":
            direction = Direction.NEW
            fields = {"current": self._current_of(subject)}
        else:
            direction = Direction.DISCONTINUED
        found = pat.last_match(pat.BASE, pat.clean(m.group()))
        cid = self.add(
            ChangeClaim,
            subject=subject,
            direction=direction,
            base=pat.parse_base(found) if found else (prefix.base or base or Base()),
            **fields,
            **common,
        )
        self.last_change = cid
        self._begin(subject, explicit, cid, None)
        self.lists.offer(cid, explicit=explicit, at_clause_start=fresh(words))

    def _against(
        self, subject: Subject, explicit: bool, which: str
    ) -> tuple[Subject, dict[str, Any]]:
        """
        The final and budget figures a "决算数小于预算数" compares.

        An unqualified 预算数 is the budget in force at the year's end: the
        全年预算 where one is stated, else the 年初预算.
        """
        periods = {"年初": (Period.BUDGET,), "全年": (Period.ADJUSTED,)}.get(
            which, (Period.ADJUSTED, Period.BUDGET)
        )
        for name in (subject.name, *(s.name for s in (self.statement.subject, self.topic) if s)):
            final = self.find(name, AmountClaim, period=Period.CURRENT)
            budget = next(
                (b for p in periods if (b := self.find(name, AmountClaim, period=p)) is not None),
                None,
            )
            if final is not None and budget is not None:
                found = self.out[final].subject
                return (subject if explicit else evolve(found, inherited=True)), {
                    "current": final,
                    "prior": budget,
                }
        return subject, {}

    def _reason(self, para: Paragraph, event: Event, reason_end: int, end: int) -> int:
        body = para.text[event.end : reason_end]
        return self.add(
            ReasonClaim,
            subject=self.statement.subject or Subject(name=""),
            explains=self.last_change,
            # "主要原因是。" was left empty; "…，主要原因" where the text stops was cut off
            empty=not re.sub(r"[\s，,。；;：:、.．]", "", body)
            and bool(re.search(r"[，,。；;：:！？]", para.text[event.end : reason_end + 1])),
            text=pat.clean(para.text[event.start : reason_end]),
            sentence=para.text[min(self.sentence[0], event.start) : end],  # with its lead-in
            **self.where(para, event.start, event.end),
        )
