"""The plan's pages (``/ke-hoach/<year>/``), its progress pages (``/tien-do/<year>/...``) and the
progress downloads."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ktt_site.dates import vn_date
from ktt_site.plans import charts, display, measures
from ktt_site.plans.downloads import progress_csv, progress_json, progress_xlsx
from ktt_site.plans.model import Plan
from ktt_site.plans.progress import PlanProgress, TargetProgress
from ktt_site.plans.status import LABELS
from ktt_site.rendering import Output, page

if TYPE_CHECKING:
    from ktt_site.rendering import BuildSettings
    from ktt_site.site import SiteData


def plan_uri(plan: Plan) -> str:
    return f"ke-hoach/{plan.id}/index.md"


def overview_uri(plan: Plan) -> str:
    return f"tien-do/{plan.id}/index.md"


def reports_uri(plan: Plan) -> str:
    return f"tien-do/{plan.id}/bao-cao.md"


def target_uri(plan: Plan, target_id: str) -> str:
    return f"tien-do/{plan.id}/{target_id}.md"


def _common(site: SiteData, progress: PlanProgress) -> dict[str, Any]:
    return {
        "site": site,
        "plan": progress.plan,
        "progress": progress,
        "fmt": display,
        "labels": LABELS,
        "organizations": site.organizations,
        # The units the plan was written for (the 2018 plan: the 2018 districts and communes).
        "units": site.localities.in_force(progress.plan.period.start),
        "plan_uri": plan_uri(progress.plan),
        "overview_uri": overview_uri(progress.plan),
        "reports_uri": reports_uri(progress.plan),
    }


def plan_page(site: SiteData, progress: PlanProgress) -> Output:
    plan = progress.plan
    roles: dict[str, dict[str, str | None]] = {}
    for org_id, duties in plan.assignments.items():
        for duty in duties:
            for task_id in duty.task_ids if duty.role else []:
                current = roles.setdefault(org_id, {}).get(task_id)
                # One organisation can lead a task and support it in another duty: lead wins.
                if current != "lead":
                    roles[org_id][task_id] = duty.role
    assigned = [org for org in site.organizations if org in plan.assignments]
    return page(
        plan_uri(plan),
        "plans/plan.md.j2",
        # Not the plan's bare title: the legal library's summary of the plan has that one.
        title=f"{plan.title}: nội dung và phân công",
        in_nav=True,
        front_matter={
            "description": f"{plan.title}: mục đích, yêu cầu, chỉ tiêu, nội dung phối hợp và phân công "
            f"giữa Liên minh HTX và các tổ chức chính trị - xã hội."
        },
        roles=roles,
        assigned=assigned,
        **_common(site, progress),
    )


def overview_page(site: SiteData, progress: PlanProgress) -> Output:
    plan = progress.plan
    title = f"Tiến độ {plan.title[0].lower()}{plan.title[1:]}"
    return page(
        overview_uri(plan),
        "plans/overview.md.j2",
        title=title,
        in_nav=True,
        front_matter={
            "description": f"Tiến độ {len(progress.targets)} chỉ tiêu của {plan.title}, "
            f"tính từ dữ liệu đến ngày {vn_date(progress.as_of)}."
        },
        **_common(site, progress),
    )


def _chart(progress: TargetProgress) -> Any:
    target, plan = progress.target, progress.plan
    chart_id = f"bieu-do-{target.id}"
    if isinstance(progress.result, measures.IncomeResult):
        result = progress.result
        if result.average_previous is None or result.average_year is None:
            return None
        return charts.bar_chart(
            [(str(result.year - 1), result.average_previous), (str(result.year), result.average_year)],
            chart_id=chart_id,
            title=f"Thu nhập bình quân của thành viên, năm {result.year - 1} và {result.year}",
            description=(
                f"Năm {result.year - 1}: {display.number(result.average_previous, 0)} đồng; "
                f"năm {result.year}: {display.number(result.average_year, 0)} đồng; "
                f"thay đổi {display.value_text(progress)}."
            ),
            unit="đồng/người/năm",
            value_title="Thu nhập bình quân một thành viên",
        )
    if not progress.series:
        return None
    last = progress.series[-1]
    return charts.cumulative_chart(
        progress.series,
        progress.goal,
        plan.period,
        chart_id=chart_id,
        title=f"{target.title}: giá trị cộng dồn theo tháng",
        description=(
            f"Từ {vn_date(plan.period.start)} đến {vn_date(last.date)}, giá trị đạt "
            f"{display.value_text(progress)}; chỉ tiêu {display.target_text(progress)}. "
            "Đường nét đứt xanh lá là mức chỉ tiêu, đường chấm xám là tiến độ cần đạt theo thời gian."
        ),
        unit=progress.unit,
        value_title=_value_title(progress.unit, isinstance(progress.result, measures.CoverageResult)),
    )


def _value_title(unit: str, share: bool) -> str:
    """The value axis in plain words: ``Số THT, cộng dồn từ đầu kỳ``, ``Tỷ lệ (%)``."""
    if share or unit == "%":
        return "Tỷ lệ (%)"
    return f"Số {unit}, cộng dồn từ đầu kỳ"


def target_page(site: SiteData, progress: PlanProgress, target: TargetProgress) -> Output:
    plan = progress.plan
    return page(
        target_uri(plan, target.target.id),
        "plans/target.md.j2",
        title=target.target.title,
        front_matter={
            "description": (
                f"{target.target.title}: {display.value_text(target)} so với chỉ tiêu "
                f"{display.target_text(target)}, tính đến {vn_date(target.as_of)} "
                f"({target.status_label.lower()})."
            )
        },
        t=target,
        chart=_chart(target),
        **_common(site, progress),
    )


def reports_page(site: SiteData, progress: PlanProgress) -> Output:
    plan = progress.plan
    reports = site.progress.get(plan.id, {})
    return page(
        reports_uri(plan),
        "plans/reports.md.j2",
        title=f"Báo cáo của các tổ chức năm {plan.id}",
        front_matter={
            "description": f"Số liệu các tổ chức báo cáo theo {plan.title}: lớp tập huấn, người dự, THT và HTX mới."
        },
        reports=reports,
        **_common(site, progress),
    )


def build_outputs(site: SiteData, settings: BuildSettings) -> list[Output]:
    outputs: list[Output] = []
    for plan_id, progress in sorted(site.plan_progress.items()):
        outputs.append(plan_page(site, progress))
        outputs.append(overview_page(site, progress))
        outputs.append(reports_page(site, progress))
        outputs.extend(target_page(site, progress, target) for target in progress.targets)
        outputs.append(Output(f"tien-do/{plan_id}/tien-do.json", progress_json(progress, settings.site_url)))
        outputs.append(Output(f"tien-do/{plan_id}/tien-do.csv", progress_csv(progress, settings.site_url)))
        workbook = progress_xlsx(progress, settings.site_url, author=settings.site_name)
        outputs.append(Output(f"tien-do/{plan_id}/tien-do.xlsx", workbook))
    return outputs
