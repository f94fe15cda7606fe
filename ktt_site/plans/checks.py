"""Cross-references of plans and progress reports, reported to editors with file and line."""

from __future__ import annotations

from typing import TYPE_CHECKING, get_args

from ktt_site.dates import vn_date
from ktt_site.errors import ProblemLog
from ktt_site.plans.model import ProgressFile, Reported, ReportedField

if TYPE_CHECKING:
    from ktt_site.site import SiteData

REPORTED_FIELDS: tuple[str, ...] = get_args(ReportedField)

#: Names used by the progress section's own pages; a target id must not take them.
RESERVED_TARGET_IDS = {"index", "bao-cao", "tien-do"}


def check_plans(site: SiteData, log: ProblemLog) -> None:
    """What a plan's fields cannot say alone: its tasks and targets named once and assigned
    tasks existing; progress reports filed under an organisation, for a plan, in its period.
    (Ids of other files are checked with the fields: see ``ktt_site.references``.)"""
    for plan in site.plans.values():
        where = plan.origin
        task_ids = {task.id for task in plan.tasks}
        for index, task in enumerate(plan.tasks):
            if [t.id for t in plan.tasks].index(task.id) != index:
                log.add(
                    where.path,
                    where.line("tasks", index, "id"),
                    f"tasks[{index}].id",
                    f"mã nhiệm vụ '{task.id}' bị trùng",
                )
        for org_id, duties in plan.assignments.items():
            for index, duty in enumerate(duties):
                if duty.task and duty.task not in task_ids:
                    log.add(
                        where.path,
                        where.line("assignments", org_id, index, "task"),
                        f"assignments.{org_id}[{index}].task",
                        f"không có nhiệm vụ mang mã '{duty.task}'",
                    )
                for t_index, task_id in enumerate(duty.tasks):
                    if task_id not in task_ids:
                        log.add(
                            where.path,
                            where.line("assignments", org_id, index, "tasks", t_index),
                            f"assignments.{org_id}[{index}].tasks[{t_index}]",
                            f"không có nhiệm vụ mang mã '{task_id}'",
                        )
        seen: set[str] = set()
        for index, target in enumerate(plan.targets):
            if target.id in seen:
                log.add(
                    where.path,
                    where.line("targets", index, "id"),
                    f"targets[{index}].id",
                    f"mã chỉ tiêu '{target.id}' bị trùng",
                )
            elif target.id in RESERVED_TARGET_IDS:
                log.add(
                    where.path,
                    where.line("targets", index, "id"),
                    f"targets[{index}].id",
                    f"mã chỉ tiêu '{target.id}' trùng tên một trang có sẵn; hãy chọn mã khác",
                )
            seen.add(target.id)
            if isinstance(target.measure, Reported) and target.measure.per_organization and target.target.min is None:
                log.add(
                    where.path,
                    where.line("targets", index, "target"),
                    f"targets[{index}].target",
                    "chỉ tiêu cho từng tổ chức cần mức tối thiểu (min)",
                )
    orgs, plans = site.known.organizations, site.known.plans
    for year, reports in site.progress.items():
        year_plan = site.plans.get(year)  # None too where the plan's file has mistakes of its own
        for org_id, report_file in reports.items():
            if plans is not None and year not in plans:
                log.add(report_file.origin.path, None, "", f"không có kế hoạch năm {year} (plans/{year}.yaml)")
            if orgs is not None and org_id not in orgs:
                log.add(
                    report_file.origin.path, None, "", f"tên tệp phải là mã một tổ chức; không có tổ chức '{org_id}'"
                )
            if year_plan is None:
                continue
            check_report_order(report_file, log)
            for index, report in enumerate(report_file.reports):
                if not year_plan.period.start <= report.date <= year_plan.period.end:
                    log.add(
                        report_file.origin.path,
                        report_file.origin.line("reports", index, "date"),
                        f"reports[{index}].date",
                        f"ngày chốt số liệu {vn_date(report.date)} nằm ngoài kỳ kế hoạch "
                        f"({vn_date(year_plan.period.start)} đến {vn_date(year_plan.period.end)})",
                    )


def check_report_order(report_file: ProgressFile, log: ProblemLog) -> None:
    """Each report covers what happened since the one before it, so they go in date order, and a
    report without a single figure says nothing (most often a skeleton left unfilled)."""
    where = report_file.origin
    for index, report in enumerate(report_file.reports):
        if all(getattr(report, name) is None for name in REPORTED_FIELDS):
            log.add(
                where.path,
                where.line("reports", index, "date"),
                f"reports[{index}]",
                "lần báo cáo chưa có số liệu nào; ghi ít nhất một trong: " + ", ".join(REPORTED_FIELDS),
            )
        if index == 0:
            continue
        previous = report_file.reports[index - 1]
        if report.date <= previous.date:
            log.add(
                where.path,
                where.line("reports", index, "date"),
                f"reports[{index}].date",
                f"ngày chốt {vn_date(report.date)} không sau lần báo cáo trước ({vn_date(previous.date)}, "
                f"dòng {where.line('reports', index - 1, 'date')}); các lần báo cáo ghi theo thứ tự ngày, "
                "mỗi lần một ngày, số liệu là phần phát sinh từ lần trước",
            )
