"""How a target's figures read in Vietnamese: '7 HTX', 'từ 5 đến 10 HTX', '82,5%'."""

from __future__ import annotations

from ktt_site.plans import measures
from ktt_site.plans.model import TargetRange
from ktt_site.plans.progress import TargetProgress
from ktt_site.text import vn_number


def number(value: float | None, decimals: int = 1) -> str:
    """Whole numbers without decimals; others with ``decimals`` (Vietnamese separators)."""
    if value is None:
        return "–"
    rounded = round(float(value), decimals)
    return vn_number(rounded, 0 if rounded.is_integer() else decimals)


def _with_unit(text: str, unit: str) -> str:
    return f"{text}%" if unit == "%" else f"{text} {unit}"


def value_text(progress: TargetProgress) -> str:
    """The figure; where it is only what is on file, said as a floor ('ghi nhận ít nhất 3 THT')."""
    if progress.value is None:
        return "chưa có số liệu"
    if isinstance(progress.result, measures.IncomeResult):
        sign = "+" if progress.value > 0 else ""
        text = f"{sign}{number(progress.value)}%"
        if not progress.complete:
            return f"{text} (chỉ tính {len(progress.result.included)} hồ sơ có ghi thu nhập)"
        return text
    if isinstance(progress.result, measures.ReportedResult) and progress.result.per_organization:
        text = f"{number(progress.value)}/{number(progress.goal.min)} {progress.unit}"
    else:
        text = _with_unit(number(progress.value), progress.unit)
    return text if progress.complete else f"ghi nhận ít nhất {text}"


def range_text(goal: TargetRange, unit: str) -> str:
    if goal.min is not None and goal.max is not None:
        return f"từ {number(goal.min)} đến {_with_unit(number(goal.max), unit)}"
    if goal.min is not None:
        if goal.min_exclusive:
            return f"trên {_with_unit(number(goal.min), unit)}"
        return f"ít nhất {_with_unit(number(goal.min), unit)}"
    assert goal.max is not None
    return f"không quá {_with_unit(number(goal.max), unit)}"


def target_text(progress: TargetProgress) -> str:
    if isinstance(progress.result, measures.IncomeResult):
        return f"tăng so với năm {progress.result.year - 1}"
    if isinstance(progress.result, measures.ReportedResult) and progress.result.per_organization:
        per_org = range_text(progress.target.target, progress.target.unit)
        return f"cả {number(progress.goal.min)} tổ chức, mỗi tổ chức {per_org}"
    return range_text(progress.goal, progress.unit)


def expected_text(progress: TargetProgress) -> str:
    """What the linear share asks for by the as-of date, as readers would say it."""
    if progress.expected is None:
        return "–"
    if isinstance(progress.result, measures.IncomeResult):
        return "tăng so với năm trước"
    return _with_unit(number(progress.expected), progress.unit)


def bar_text(progress: TargetProgress) -> str:
    """The bar's spoken value (aria-valuetext): the figures and the status in words."""
    return f"{value_text(progress)}; chỉ tiêu: {target_text(progress)}; {progress.status_label.lower()}"
