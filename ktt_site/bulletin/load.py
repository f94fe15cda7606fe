"""Reading the bulletin's issue folders and their articles' front matter."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ktt_site.bulletin.model import BULLETIN_DIR, ArticleMeta, IssueMeta
from ktt_site.errors import ProblemLog
from ktt_site.sources import load_front_matter
from ktt_site.text import slugify
from ktt_site.validation import Origin, validate_record

ISSUE_FOLDER = re.compile(r"^(\d{4})-so-(\d{2,3})$")


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
    def unpublished(self) -> list[Article]:
        """Drafts and scheduled articles: shown by the live preview only."""
        return self.drafts + self.scheduled


def hold_back_future_articles(issues: list[BulletinIssue], as_of: dt.date) -> None:
    """Articles dated after ``as_of`` wait for a build on or after their date (as Hugo does)."""
    for issue in issues:
        issue.scheduled = [a for a in issue.articles if a.meta.date > as_of]
        issue.articles = [a for a in issue.articles if a.meta.date <= as_of]


def load_bulletin(docs_dir: Path, log: ProblemLog) -> list[BulletinIssue]:
    """Every issue folder under ``content/ban-tin/``, newest first, articles in reading order."""
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
        index = folder / "index.md"
        if not index.exists():
            log.add(index, None, "", "thiếu tệp index.md giới thiệu số bản tin (issue, date, title)")
            continue
        loaded = load_front_matter(index, log)
        if loaded is None:
            continue
        meta = validate_record(IssueMeta, loaded[0], index, log)
        if meta is None:
            continue
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
        issue = BulletinIssue(folder.name, meta, body=loaded[1], body_line=loaded[2])
        for path in sorted(folder.glob("*.md")):
            if path.name == "index.md":
                continue
            article = _load_article(path, docs_dir, log)
            if article is None:
                continue
            article.issue = issue
            (issue.drafts if article.meta.draft else issue.articles).append(article)
        issue.articles.sort(key=lambda a: (a.meta.order if a.meta.order is not None else 10_000, a.src_uri))
        issues.append(issue)
    issues.sort(key=lambda i: (i.meta.date, i.meta.issue), reverse=True)
    _check_categories(issues, log)
    return issues


def _check_categories(issues: list[BulletinIssue], log: ProblemLog) -> None:
    """Each category gets one page, named by its slug; two spellings of one name would collide."""
    first: dict[str, tuple[str, Article]] = {}
    for issue in sorted(issues, key=lambda i: i.folder):
        for article in issue.articles + issue.drafts:
            for index, name in enumerate(article.meta.categories):
                line = article.meta.origin.line("categories", index)
                slug = slugify(name)
                if not slug:
                    log.add(
                        article.meta.origin.path,
                        line,
                        f"categories[{index}]",
                        f"tên chuyên mục '{name}' phải có ít nhất một chữ cái hoặc chữ số",
                    )
                    continue
                seen = first.setdefault(slug, (name, article))
                if seen[0] != name:
                    log.add(
                        article.meta.origin.path,
                        line,
                        f"categories[{index}]",
                        f"chuyên mục '{name}' trùng với chuyên mục '{seen[0]}' "
                        f"(trong content/{seen[1].src_uri}); hãy viết tên chuyên mục giống hệt nhau",
                    )


def _load_article(path: Path, docs_dir: Path, log: ProblemLog) -> Article | None:
    loaded = load_front_matter(path, log)
    if loaded is None:
        return None
    data, body, body_line = loaded
    meta = validate_record(ArticleMeta, data, path, log)
    if meta is None:
        return None
    return Article(path.relative_to(docs_dir).as_posix(), meta, body, body_line)
