"""Everything a build needs, loaded, validated and cross-checked in one pass.

``load_site`` reads every editor file, collects every problem (file:line: field: message)
and raises :class:`~ktt_site.errors.DataValidationError` once, before anything is written.
"""

from __future__ import annotations

import datetime as dt
import os
import unicodedata
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TypeVar

import imagesize

from ktt_site.bulletin.categories import near_typo_categories
from ktt_site.bulletin.load import Article, BulletinIssue, hold_back_future_articles, load_bulletin
from ktt_site.content_files import check_content_files
from ktt_site.cooperatives.exemplary import FILE_NAME as CRITERIA_FILE
from ktt_site.cooperatives.exemplary import ExemplaryCriteria, load_exemplary_criteria
from ktt_site.cooperatives.model import Cooperative
from ktt_site.dates import build_date
from ktt_site.errors import Problem, ProblemLog
from ktt_site.file_names import check_file_names
from ktt_site.legal.checks import check_legal_basis_dates, check_replacement_cycles
from ktt_site.legal.model import LegalDocument
from ktt_site.localities import FORMER_SET, Localities, LocalitySet, Location, load_localities
from ktt_site.markdown_pages import check_markdown_pages
from ktt_site.organizations import Organization, load_organizations
from ktt_site.placeholders import check_placeholders
from ktt_site.plans.checks import check_plans
from ktt_site.plans.model import Plan, ProgressFile
from ktt_site.plans.progress import PlanProgress, compute_progress
from ktt_site.references import IdSet, KnownIds, record_ids
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
    known: KnownIds = field(default_factory=KnownIds)
    """Every id the files define, those of files with mistakes of their own included."""
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

    def image_size(self, path: str) -> tuple[int, int] | None:
        """Pixel width and height of an image under ``content/``, so a page reserves its space
        before it loads; None when the file does not say (an SVG without a size)."""
        try:
            width, height = imagesize.get(self.paths.docs_dir / path)
        except (OSError, ValueError):
            return None
        return (round(width), round(height)) if width > 0 and height > 0 else None


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
    check_content_files(paths.docs_dir, log, paths.theme_files)
    for folder in (data_dir, paths.docs_dir):
        check_file_names(folder, log)
    # Ids first, from whatever reads, so each file's references are checked as it is validated
    # and a file with mistakes of its own still counts as there.
    organizations, organization_ids = load_organizations(data_dir, log)
    problems = len(log.problems)
    localities = load_localities(data_dir, log, today=as_of)
    communes, communes_2018, districts_2018 = place_ids(localities if len(log.problems) == problems else None)
    known = KnownIds(
        communes=communes,
        communes_2018=communes_2018,
        districts_2018=districts_2018,
        organizations=organization_ids,
        legal=record_ids(data_dir / "legal"),
        cooperatives=record_ids(data_dir / "cooperatives"),
        plans=record_ids(data_dir / "plans"),
    )
    exemplary_criteria, criteria_ids = load_exemplary_criteria(data_dir, log, known)
    known = replace(known, criteria=criteria_ids, criteria_file=(data_dir / CRITERIA_FILE).exists())
    context = known.context()
    cooperatives = load_record_folder(data_dir / "cooperatives", Cooperative, log, context)
    legal = load_record_folder(data_dir / "legal", LegalDocument, log, context)
    plans = load_record_folder(data_dir / "plans", Plan, log, context)
    known = replace(known, targets={plan.id: frozenset(t.id for t in plan.targets) for plan in plans.values()})
    progress = {
        year.name: load_record_folder(year, ProgressFile, log)
        for year in sorted((data_dir / "progress").glob("*"))
        if year.is_dir()
    }
    bulletin = load_bulletin(paths.docs_dir, log, known)
    # Against the day of the build, not as_of (the date progress is computed for).
    hold_back_future_articles(bulletin, build_date())
    site = SiteData(
        paths,
        as_of,
        organizations,
        localities or _no_places(as_of),
        cooperatives,
        legal,
        plans,
        progress,
        bulletin,
        known,
    )
    site.exemplary_criteria = exemplary_criteria
    if known.communes is not None:
        for coop in cooperatives.values():
            check_place(site.localities, coop, log)
    check_images(site, log)
    check_duplicates(site, log)
    check_replacement_cycles(site.legal, log)
    check_legal_basis_dates(site.cooperatives, site.legal, log)
    check_plans(site, log)
    check_markdown_pages(site, log)
    check_placeholders(site, log)
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


def place_ids(localities: Localities | None) -> tuple[IdSet, IdSet, IdSet]:
    """The units a profile may name in ``commune``, ``commune_2018`` and ``district_2018``; None
    for each where the places could not all be read."""
    if localities is None:
        return None, None, None
    # Today's unit of a site built as of a day before that unit existed is not an error.
    sets = [s for s in localities.sets if s.as_of >= localities.today.as_of]
    former = localities.former
    return (
        frozenset(c.id for s in sets for c in s.all_communes),
        frozenset(former.commune_index()) if former else frozenset(),
        frozenset(d.id for d in former.districts) if former else frozenset(),
    )


def _no_places(as_of: dt.date) -> Localities:
    """Where the places could not be read (reported already): the other checks still run."""
    empty = LocalitySet.model_construct(id=FORMER_SET, as_of=as_of, districts=[], communes=[])
    return Localities([empty], empty)


def check_place(localities: Localities, coop: Cooperative, log: ProblemLog) -> None:
    """The units a profile names agree with each other (each exists: see ``references``)."""
    today = localities.today.commune_index()
    former = localities.former
    former_communes = former.commune_index() if former else {}
    former_districts = {d.id: d for d in former.districts} if former else {}
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


def check_images(site: SiteData, log: ProblemLog) -> None:
    """Every image a record names is a file in ``content/``."""
    for coop in site.cooperatives.values():
        for index, image in enumerate(coop.images):
            check_image(site, log, coop, ("images", index, "path"), image.path)
    for article in (a for issue in site.bulletin for a in issue.articles + issue.unpublished):
        if article.meta.image:
            check_image(site, log, article.meta, ("image",), article.meta.image)
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
