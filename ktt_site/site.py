"""Everything a build needs, loaded, validated and cross-checked in one pass.

``load_site`` reads every editor file, collects every problem (file:line: field: message)
and raises :class:`~ktt_site.errors.DataValidationError` once, before anything is written.
"""

from __future__ import annotations

import datetime as dt
import os
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from ktt_site.bulletin.categories import near_typo_categories
from ktt_site.bulletin.load import Article, BulletinIssue, hold_back_future_articles, load_bulletin
from ktt_site.content_files import check_content_files
from ktt_site.cooperatives.exemplary import ExemplaryCriteria, check_exemplary, load_exemplary_criteria
from ktt_site.cooperatives.model import Cooperative
from ktt_site.dates import build_date
from ktt_site.errors import Problem, ProblemLog
from ktt_site.legal.checks import check_legal_basis_dates, check_replacement_cycles
from ktt_site.legal.model import LegalDocument
from ktt_site.localities import Localities, Location, load_localities
from ktt_site.markdown_pages import check_markdown_pages
from ktt_site.organizations import Organization, load_organizations
from ktt_site.placeholders import check_placeholders
from ktt_site.plans.checks import check_plans
from ktt_site.plans.model import Plan, ProgressFile
from ktt_site.plans.progress import PlanProgress, compute_progress
from ktt_site.validation import Record, field_path, load_record_folder

#: Records that each stand for one thing and must not be written twice.
R = TypeVar("R", Cooperative, LegalDocument)


@dataclass(frozen=True)
class ProjectPaths:
    """Where a site's files are: the project root, its data and its Markdown."""

    root: Path
    data_dir: Path
    docs_dir: Path
    theme_files: tuple[str, ...] = ()
    """Files under ``docs_dir`` that mkdocs.yml names as the theme's (a folder ends with ``/``)."""


@dataclass
class SiteData:
    """The validated content of one site."""

    paths: ProjectPaths
    as_of: dt.date
    organizations: dict[str, Organization]
    localities: Localities
    cooperatives: dict[str, Cooperative]
    legal: dict[str, LegalDocument]
    plans: dict[str, Plan]
    progress: dict[str, dict[str, ProgressFile]]
    bulletin: list[BulletinIssue]
    locations: dict[str, Location] = field(default_factory=dict)
    """Where each cooperative is, by its id (today's unit, and its 2018 commune or district)."""
    exemplary_criteria: ExemplaryCriteria | None = None
    plan_progress: dict[str, PlanProgress] = field(default_factory=dict)
    """Each plan's targets evaluated as of ``as_of`` (computed once, after validation)."""
    warnings: list[Problem] = field(default_factory=list)
    """Likely mistakes that do not stop a preview but stop a strict build (a near-typo category)."""

    def __post_init__(self) -> None:
        self.locations = {c.id: self.localities.location_of(c) for c in self.cooperatives.values()}

    @property
    def articles(self) -> list[Article]:
        """Published articles, newest first."""
        found = [a for issue in self.bulletin for a in issue.articles]
        return sorted(found, key=lambda a: (a.meta.date, a.src_uri), reverse=True)

    @cached_property
    def bulletin_pages(self) -> dict[str, BulletinIssue | Article]:
        """Every published issue and article by its source path (one lookup per page)."""
        found: dict[str, BulletinIssue | Article] = {}
        for issue in self.bulletin:
            found[issue.src_uri] = issue
            found.update((article.src_uri, article) for article in issue.articles)
        return found

    @cached_property
    def unpublished_pages(self) -> dict[str, Article]:
        """Drafts and scheduled articles by their source path (shown by the live preview only)."""
        return {article.src_uri: article for issue in self.bulletin for article in issue.unpublished}

    def location(self, cooperative: Cooperative) -> Location:
        return self.locations[cooperative.id]


def load_site(paths: ProjectPaths, *, as_of: dt.date) -> SiteData:
    """Load and check everything; raise ``DataValidationError`` listing every problem."""
    log = ProblemLog(paths.root)
    data_dir = paths.data_dir
    if not data_dir.is_dir():
        log.add(data_dir, None, "", "không tìm thấy thư mục dữ liệu")
        log.raise_if_any()
    # A link would publish, or read, a file from outside the repository: nothing is read first.
    for folder in (data_dir, paths.docs_dir):
        for link in symbolic_links(folder):
            log.add(
                link,
                None,
                "",
                "là liên kết (symlink), không phải tệp thật; trang chỉ dùng tệp nằm trong kho, "
                "hãy chép tệp hoặc thư mục vào đây thay cho liên kết",
            )
    log.raise_if_any()
    # Kept apart until the end: a bad image or page file does not stop the ids from being checked.
    content_files = ProblemLog(paths.root)
    check_content_files(paths.docs_dir, content_files, paths.theme_files)
    organizations = load_organizations(data_dir, log)
    localities = load_localities(data_dir, log, today=as_of)
    cooperatives = load_record_folder(data_dir / "cooperatives", Cooperative, log)
    exemplary_criteria = load_exemplary_criteria(data_dir, log)
    legal = load_record_folder(data_dir / "legal", LegalDocument, log)
    plans = load_record_folder(data_dir / "plans", Plan, log)
    progress = {
        year.name: load_record_folder(year, ProgressFile, log)
        for year in sorted((data_dir / "progress").glob("*"))
        if year.is_dir()
    }
    bulletin = load_bulletin(paths.docs_dir, log)
    # Against the day of the build, not as_of (the date progress is computed for).
    hold_back_future_articles(bulletin, build_date())
    if log:
        log.problems += content_files.problems
    log.raise_if_any(references_unchecked=True)
    assert localities is not None
    site = SiteData(paths, as_of, organizations, localities, cooperatives, legal, plans, progress, bulletin)
    site.exemplary_criteria = exemplary_criteria
    check_references(site, log)
    check_duplicates(site, log)
    check_replacement_cycles(site.legal, log)
    check_legal_basis_dates(site.cooperatives, site.legal, log)
    check_exemplary(site, log)
    check_markdown_pages(site, log)
    check_placeholders(site, log)
    log.problems += content_files.problems
    log.raise_if_any()
    site.plan_progress = compute_progress(site)
    warnings = ProblemLog(paths.root)
    near_typo_categories(site.bulletin, warnings)
    site.warnings = sorted(warnings.problems)
    return site


def symbolic_links(folder: Path) -> list[Path]:
    """Every symbolic link under ``folder``, a linked folder listed but not entered."""
    found = []
    for directory, folders, files in os.walk(folder):
        found += [Path(directory, name) for name in folders + files if Path(directory, name).is_symlink()]
    return sorted(found)


def _check_ids(
    log: ProblemLog,
    record: Record,
    field_name: str,
    ids: list[str] | str | None,
    known: Mapping[str, object] | set[str],
    what: str,
) -> None:
    values = [ids] if isinstance(ids, str) else list(ids or [])
    for index, value in enumerate(values):
        if value in known:
            continue
        loc = (field_name,) if isinstance(ids, str) else (field_name, index)
        shown = field_name if isinstance(ids, str) else f"{field_name}[{index}]"
        log.add(record.origin.path, record.origin.line(*loc), shown, f"không có {what} mang mã '{value}'")


def check_place(localities: Localities, coop: Cooperative, log: ProblemLog) -> None:
    """The units a profile names exist, in the right set, and agree with each other."""
    today = localities.today.commune_index()
    former = localities.former
    former_communes = former.commune_index() if former else {}
    former_districts = {d.id: d for d in former.districts} if former else {}
    # Today's unit of a site built as of a day before that unit existed is not an error.
    if not (coop.commune and localities.not_yet_in_force(coop.commune)):
        _check_ids(log, coop, "commune", coop.commune, today, "xã/phường/thị trấn")
    _check_ids(log, coop, "commune_2018", coop.commune_2018, former_communes, "xã/phường/thị trấn năm 2018")
    _check_ids(log, coop, "district_2018", coop.district_2018, former_districts, "huyện năm 2018")
    if coop.commune in today and coop.commune_2018 in former_communes and localities.today is not former:
        successors = [unit.id for unit, _ in localities.successors(coop.commune_2018 or "")]
        if coop.commune not in successors:
            old = former_communes[coop.commune_2018 or ""][1].name
            went = ", ".join(unit.name for unit, _ in localities.successors(coop.commune_2018 or ""))
            log.add(
                coop.origin.path,
                coop.origin.line("commune"),
                "commune",
                f"{today[coop.commune][1].name} không được lập từ {old} (commune_2018); {old} nay thuộc {went}",
            )
    if coop.district_2018 in former_districts and coop.commune_2018 in former_communes:
        district = former_communes[coop.commune_2018 or ""][0]
        if district is not None and district.id != coop.district_2018:
            log.add(
                coop.origin.path,
                coop.origin.line("district_2018"),
                "district_2018",
                f"xã năm 2018 ({coop.commune_2018}) thuộc {district.name}, không thuộc huyện '{coop.district_2018}'",
            )


def check_references(site: SiteData, log: ProblemLog) -> None:
    """Every id an editor writes must name an existing record; images must exist."""
    orgs, legal, coops = site.organizations, site.legal, site.cooperatives
    for coop in coops.values():
        check_place(site.localities, coop, log)
        _check_ids(log, coop, "legal_basis", coop.legal_basis, legal, "văn bản pháp lý")
        _check_ids(log, coop, "founded_by", coop.founded_by, orgs, "tổ chức")
        for index, image in enumerate(coop.images):
            check_image(site, log, coop, ("images", index, "path"), image.path)
    for doc in legal.values():
        _check_ids(log, doc, "replaced_by", doc.replaced_by, legal, "văn bản")
        _check_ids(log, doc, "related", doc.related, legal, "văn bản")
    check_plans(site, log)
    for article in (a for issue in site.bulletin for a in issue.articles + issue.unpublished):
        meta = article.meta
        _check_ids(log, meta, "cooperatives", meta.cooperatives, coops, "HTX/THT")
        _check_ids(log, meta, "legal", meta.legal, legal, "văn bản")
        if meta.image:
            check_image(site, log, meta, ("image",), meta.image)
    for issue in site.bulletin:
        if issue.meta.cover:
            check_image(site, log, issue.meta, ("cover",), issue.meta.cover)


def check_duplicates(site: SiteData, log: ProblemLog) -> None:
    """One record per cooperative and per legal document: a copy under another file name would be
    counted twice and listed twice."""
    _report_copies(
        log,
        site.cooperatives.values(),
        lambda coop: (_same_text(coop.name), coop.commune),
        "name",
        lambda coop, first: (
            f"trùng tên và xã với hồ sơ '{first.id}' ({log.relative(first.origin.path)}); "
            "mỗi hợp tác xã, tổ hợp tác chỉ một tệp"
        ),
    )
    _report_copies(
        log,
        [doc for doc in site.legal.values() if doc.number is not None],
        lambda doc: _same_text(doc.number or ""),
        "number",
        lambda doc, first: (
            f"số hiệu '{doc.number}' trùng với văn bản '{first.id}' "
            f"({log.relative(first.origin.path)}); mỗi văn bản chỉ một tệp"
        ),
    )


def _report_copies(
    log: ProblemLog,
    records: Iterable[R],
    key: Callable[[R], Hashable],
    field_name: str,
    message: Callable[[R, R], str],
) -> None:
    """Each record whose ``key`` an earlier one (by id) has already is reported on ``field_name``."""
    firsts: dict[Hashable, R] = {}
    for record in sorted(records, key=lambda r: r.id):
        first = firsts.setdefault(key(record), record)
        if first is not record:
            log.add(record.origin.path, record.origin.line(field_name), field_name, message(record, first))


def _same_text(text: str) -> str:
    """Text compared as a reader would: the same letters however typed (NFC), case and spaces."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def check_image(site: SiteData, log: ProblemLog, record: Record, loc: tuple[object, ...], path: str) -> None:
    """An image path is relative to ``content/``, stays inside it, and the file exists."""
    field_name = field_path(loc)
    docs = site.paths.docs_dir.resolve()
    target = (docs / path).resolve()
    line = record.origin.line(*loc)
    if path.startswith(("/", "http://", "https://")) or not target.is_relative_to(docs):
        log.add(
            record.origin.path,
            line,
            field_name,
            f"ảnh '{path}' phải là đường dẫn trong thư mục content/, ví dụ 'images/ten-anh.jpg'",
        )
    elif not target.is_file():
        log.add(record.origin.path, line, field_name, f"không tìm thấy ảnh 'content/{path}'")
