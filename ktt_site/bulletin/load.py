"""Reading the bulletin's issue folders and their articles' front matter."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ktt_site.bulletin.model import BULLETIN_DIR, ArticleMeta, IssueMeta
from ktt_site.errors import ProblemLog
from ktt_site.references import KnownIds
from ktt_site.sources import load_front_matter
from ktt_site.text import fold, slugify
from ktt_site.validation import Origin, validate_record

ISSUE_FOLDER = re.compile(r"^(\d{4})-so-(\d{2,3})$")


@dataclass(frozen=True)
class PageRef:
    """An issue or article as other pages name it: its address and front matter (immutable, so
    it compares by value, unlike the page, which knows its issue and the issue its pages)."""

    src_uri: str
    meta: ArticleMeta | IssueMeta


@dataclass
class Article:
    """An article page of an issue; ``src_uri`` is its path inside ``content/``."""

    src_uri: str
    meta: ArticleMeta
    body: str
    body_line: int
    issue: BulletinIssue | None = None

    @property
    def slug(self) -> str:
        return Path(self.src_uri).stem

    @property
    def origin(self) -> Origin:
        return self.meta.origin

    @property
    def ref(self) -> PageRef:
        return PageRef(self.src_uri, self.meta)


@dataclass
class BulletinIssue:
    """One issue: its folder (``2018-so-01``), its front matter and its articles in order."""

    folder: str
    meta: IssueMeta
    articles: list[Article] = field(default_factory=list)
    drafts: list[Article] = field(default_factory=list)
    scheduled: list[Article] = field(default_factory=list)
    """Articles dated after the build date: published by the first build on or after their date."""
    body: str = ""
    """The editor's introduction (``index.md`` without its front matter)."""
    body_line: int = 1

    @property
    def src_uri(self) -> str:
        return f"{BULLETIN_DIR}/{self.folder}/index.md"

    @property
    def ref(self) -> PageRef:
        return PageRef(self.src_uri, self.meta)

    @property
    def unpublished(self) -> list[Article]:
        """Drafts and scheduled articles: shown by the live preview only."""
        return self.drafts + self.scheduled


def hold_back_future_articles(issues: list[BulletinIssue], as_of: dt.date) -> None:
    """Articles dated after ``as_of`` wait for a build on or after their date (as Hugo does)."""
    for issue in issues:
        issue.scheduled = [a for a in issue.articles if a.meta.date > as_of]
        issue.articles = [a for a in issue.articles if a.meta.date <= as_of]


def load_bulletin(docs_dir: Path, log: ProblemLog, known: KnownIds) -> list[BulletinIssue]:
    """Every issue folder under ``content/ban-tin/``, newest first, articles in reading order;
    the ids articles name are checked against ``known``."""
    root = docs_dir / BULLETIN_DIR
    issues: list[BulletinIssue] = []
    if not root.is_dir():
        return issues
    if (root / "index.md").exists():
        message = "trang content/ban-tin/index.md do hệ thống tự sinh (danh sách các số); hãy xóa tệp này"
        log.add(root / "index.md", None, "", message)
    numbers: dict[int, str] = {}
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
        if folder.name in ("chuyen-muc", "luu-tru"):
            log.add(folder, None, "", f"tên thư mục '{folder.name}' dành cho trang tự sinh; hãy đặt tên khác")
            continue
        if not ISSUE_FOLDER.match(folder.name):
            log.add(folder, None, "", "tên thư mục số bản tin phải có dạng NĂM-so-SỐ, ví dụ '2018-so-01'")
            continue
        issue = _load_issue(folder, log, numbers)
        # An issue whose index.md has mistakes still has its articles checked, in the same pass.
        articles = [_load_article(path, docs_dir, log, known) for path in _article_files(folder)]
        if issue is None:
            continue
        for article in (a for a in articles if a is not None):
            article.issue = issue
            (issue.drafts if article.meta.draft else issue.articles).append(article)
        issue.articles.sort(key=lambda a: (a.meta.order if a.meta.order is not None else 10_000, a.src_uri))
        issues.append(issue)
    issues.sort(key=lambda i: (i.meta.date, i.meta.issue), reverse=True)
    _check_categories(issues, log)
    return issues


def is_issue_page(src_uri: str) -> bool:
    """A Markdown file the bulletin reads (with its front matter): an issue folder's index or article."""
    parts = src_uri.split("/")
    return len(parts) == 3 and parts[0] == BULLETIN_DIR and ISSUE_FOLDER.match(parts[1]) is not None


def _article_files(folder: Path) -> list[Path]:
    return [path for path in sorted(folder.glob("*.md")) if path.name != "index.md"]


def _load_issue(folder: Path, log: ProblemLog, numbers: dict[int, str]) -> BulletinIssue | None:
    index = folder / "index.md"
    if not index.exists():
        log.add(index, None, "", "thiếu tệp index.md giới thiệu số bản tin (issue, date, title)")
        return None
    loaded = load_front_matter(index, log)
    if loaded is None:
        return None
    meta = validate_record(IssueMeta, loaded[0], index, log)
    if meta is None:
        return None
    folder_number = int(ISSUE_FOLDER.match(folder.name)[2])  # type: ignore[index]
    # A number another folder has is reported as such (below): one mistake, one message.
    if meta.issue != folder_number and meta.issue not in numbers:
        log.add(
            index,
            meta.origin.line("issue"),
            "issue",
            f"số {meta.issue} khác số trong tên thư mục '{folder.name}' ({folder_number}); "
            "hãy sửa một trong hai cho khớp (địa chỉ của số bản tin lấy theo tên thư mục)",
        )
    if meta.issue in numbers:
        log.add(index, meta.origin.line("issue"), "issue", f"số {meta.issue} đã dùng cho '{numbers[meta.issue]}'")
    numbers.setdefault(meta.issue, folder.name)
    return BulletinIssue(folder.name, meta, body=loaded[1], body_line=loaded[2])


def _check_categories(issues: list[BulletinIssue], log: ProblemLog) -> None:
    """Each category gets one page, named by its slug; two spellings of one name would collide."""
    first: dict[str, tuple[str, Article]] = {}
    for issue in sorted(issues, key=lambda i: i.folder):
        for article in issue.articles + issue.drafts:
            for index, name in enumerate(article.meta.categories):
                line = article.meta.origin.line("categories", index)
                slug = slugify(name)
                seen = first.setdefault(slug, (name, article))
                if seen[0] != name:
                    log.add(
                        article.meta.origin.path,
                        line,
                        f"categories[{index}]",
                        f"chuyên mục '{name}' trùng với chuyên mục '{seen[0]}' "
                        f"(trong content/{seen[1].src_uri}) vì hai tên chỉ {_difference(name, seen[0])}; "
                        "hãy viết tên chuyên mục giống hệt nhau",
                    )


def _difference(one: str, other: str) -> str:
    """How two names with the same slug differ, said so an editor can see it."""
    if one.casefold() == other.casefold():
        return "khác nhau ở chữ hoa, chữ thường"
    if " ".join(one.split()) == " ".join(other.split()):
        return "khác nhau ở dấu cách"
    if fold(one) == fold(other):
        return "khác nhau ở dấu thanh, dấu chữ"
    return "khác nhau ở dấu câu hoặc ký hiệu"


def _load_article(path: Path, docs_dir: Path, log: ProblemLog, known: KnownIds) -> Article | None:
    loaded = load_front_matter(path, log)
    if loaded is None:
        return None
    data, body, body_line = loaded
    meta = validate_record(ArticleMeta, data, path, log, context=known.context())
    if meta is None:
        return None
    return Article(path.relative_to(docs_dir).as_posix(), meta, body, body_line)
