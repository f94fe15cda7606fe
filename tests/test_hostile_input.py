"""Hostile input, as someone who can open a pull request would try it: text in every kind of
YAML field and in editors' Markdown that tries to become an attribute (``{: ...}``), a link,
a tag, a script, a frame, a form or a shortcode. Each case either stops ``ktt-site check`` and
``mkdocs build --strict`` with a Vietnamese ``file:line: field: message``, or is published
harmless: no event handler, no address but http(s)/mailto/tel once decoded as a browser
decodes it, no script but the site's own (``html_safety.problems``), and plain text shown as
it was typed.

Every case has its own files (its own record, article, issue or list item). The cases that are
published are built together, once, each on its own page (a build per case would take forty
times as long for the same pages); each refused case is checked in its own copy, where the
build stops before rendering anything.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import feedparser
import html_safety
import pytest
from conftest import SiteProject
from quality_support import full_project

ISSUE_DIR = "content/ban-tin/2018-so-01"
ORGS, PLAN = "models_data/organizations.yaml", "models_data/plans/2018.yaml"
PLAN_PAGE = "ke-hoach/2018/index.html"
ATTRIBUTE = "{: onmouseover=alert(document.cookie) tabindex=0 }"
LINK = "[bấm vào đây](javascript:alert(document.cookie))"


def _q(text: str) -> str:
    """A YAML scalar holding ``text`` exactly (YAML reads JSON strings)."""
    return json.dumps(text, ensure_ascii=False)


@dataclass(frozen=True)
class Case:
    """``write(project, slug)`` puts the input in place; ``page`` is where it shows (``{slug}``
    filled in). ``shown``: text a reader must see as typed (in a ``within`` element). ``refused``:
    the ``file:line: field: message`` line expected instead of a site."""

    id: str
    write: Callable[[SiteProject, str], None]
    page: str = ""
    shown: str | None = None
    refused: str | None = None
    #: The element (tag) of the page's body that must show ``shown``: a heading, a list item.
    within: str | None = None


def article(body: str = "Nội dung.", *, title: str = "Bài thử", categories: list[str] | None = None) -> Callable:
    def write(project: SiteProject, slug: str) -> None:
        meta = [f"title: {_q(title)}", "date: 2018-05-01", "illustrative: true"]
        if categories:
            meta.append(f"categories: {_q(categories)}")
        project.write(f"{ISSUE_DIR}/{slug}.md", "---\n" + "\n".join(meta) + f"\n---\n\nMẫu {slug}.\n\n{body}\n")

    return write


def legal(**fields: str | list[str]) -> Callable:
    def write(project: SiteProject, slug: str) -> None:
        values: dict[str, str | list[str]] = {
            "number": f"{slug}/2018/QH14",
            "type": "luat",
            "title": "Luật thử",
            "issuer": "Quốc hội",
        }
        values |= fields
        lines = [f"{key}: {_q(value)}" for key, value in values.items()]
        project.write(f"models_data/legal/{slug}.yaml", "\n".join([*lines, "issued: 2018-01-01", ""]))

    return write


def cooperative(name: str | None = None, **fields: str) -> Callable:
    def write(project: SiteProject, slug: str) -> None:
        lines = [
            f"name: {_q(name or f'HTX thử {slug}')}",
            "kind: htx",
            "founded: 2018-03-15",
            "commune: xa-dong-tam",
            "status: active",
            "legal_basis: luat-htx-2012",
            "illustrative: true",
            *(f"{key}: {_q(value)}" for key, value in fields.items()),
        ]
        project.write(f"models_data/cooperatives/{slug}.yaml", "\n".join([*lines, ""]))

    return write


def raw_cooperative(extra: str) -> Callable:
    def write(project: SiteProject, slug: str) -> None:
        cooperative()(project, slug)
        path = project.path(f"models_data/cooperatives/{slug}.yaml")
        path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")

    return write


def page_front_matter(text: str) -> Callable:
    """An editor's own page (not the bulletin's) whose front matter keys the theme prints."""

    def write(project: SiteProject, slug: str) -> None:
        keys = ("title", "subtitle", "author", "status", "description")
        meta = "\n".join(f"{key}: {_q(text)}" for key in keys)
        project.write(f"content/trang-{slug}.md", f"---\n{meta}\n---\n\nMẫu {slug}.\n")

    return write


def organisation(name: str) -> Callable:
    def write(project: SiteProject, slug: str) -> None:
        path = project.path(ORGS)
        entry = f"- id: {slug}\n  name: {_q(name)}\n  short_name: {_q(name[:30])}\n  focal_unit: Văn phòng\n"
        path.write_text(path.read_text(encoding="utf-8") + entry, encoding="utf-8")

    return write


def issue(title: str) -> Callable:
    def write(project: SiteProject, slug: str) -> None:
        number = 10 + int(slug.rsplit("-", 1)[1])
        project.write(
            f"content/ban-tin/2018-so-{number}/index.md",
            f"---\nissue: {number}\ndate: 2018-07-01\ntitle: {_q(title)}\nillustrative: true\n---\n\nMẫu {slug}.\n",
        )

    return write


def plan_list(key: str, text: str) -> Callable:
    """One more item in a list of the plan (``purposes``), or the list itself (``sources``)."""

    def write(project: SiteProject, slug: str) -> None:
        path = project.path(PLAN)
        plan = path.read_text(encoding="utf-8")
        if f"\n{key}:\n" in plan:
            plan = plan.replace(f"\n{key}:\n", f"\n{key}:\n  - {_q(text)}\n", 1)
        else:
            plan += f"{key}:\n  - {_q(text)}\n"
        path.write_text(plan, encoding="utf-8")

    return write


def target_title(title: str) -> Callable:
    def write(project: SiteProject, slug: str) -> None:
        path = project.path(PLAN)
        plan = path.read_text(encoding="utf-8")
        old = "title: Thành lập tổ hợp tác mới"
        assert old in plan
        path.write_text(plan.replace(old, f"title: {_q(title)}"), encoding="utf-8")

    return write


ARTICLE_PAGE = "ban-tin/2018-so-01/{slug}/index.html"
LEGAL_PAGE = "van-ban/{slug}/index.html"
PROFILE_PAGE = "hop-tac-xa/{slug}/index.html"

#: Text from YAML: shown as typed, never markup.
TEXT_CASES = [
    Case(
        "legal-number-attr-list",
        legal(number=f"23/2012/QH13 {ATTRIBUTE}"),
        LEGAL_PAGE,
        f"23/2012/QH13 {ATTRIBUTE}",
        within="h1",
    ),
    Case(
        "legal-title-link-emphasis",
        legal(title=f"Luật {LINK} *đậm* _nghiêng_ `mã`"),
        LEGAL_PAGE,
        f"Luật {LINK} *đậm* _nghiêng_ `mã`",
        within="h1",
    ),
    Case(
        "legal-title-new-lines",
        legal(title="Luật thử\n\n# Tiêu đề giả {: #gia onclick=alert(1) }\n\n- 1. mục"),
        LEGAL_PAGE,
        "# Tiêu đề giả {: #gia onclick=alert(1) }",
    ),
    Case(
        "legal-key-point-data-link", legal(key_points=["[x](data:text/html,hi) ![x](javascript:alert(1))"]), LEGAL_PAGE
    ),
    Case(
        "organisation-name-attr-list",
        organisation(f"Hội {ATTRIBUTE} {LINK}"),
        PLAN_PAGE,
        f"Hội {ATTRIBUTE} {LINK}",
        within="td",
    ),
    Case(
        "issue-title-attr-list",
        issue(f"Bản tin {ATTRIBUTE}"),
        "ban-tin/2018-so-{number}/index.html",
        f"Bản tin {ATTRIBUTE}",
        within="h1",
    ),
    Case(
        "article-title-attr-list",
        article(title=f"Bài {ATTRIBUTE} **đậm**"),
        ARTICLE_PAGE,
        f"Bài {ATTRIBUTE} **đậm**",
        within="h1",
    ),
    Case(
        "article-category-link",
        article(categories=[f"Chuyên mục {LINK}"]),
        ARTICLE_PAGE,
        f"Chuyên mục {LINK}",
        within="a",
    ),
    Case(
        "article-category-quote",
        article(categories=['Pháp luật" onmouseover="alert(1)']),
        "ban-tin/chuyen-muc/phap-luat-onmouseover-alert-1/index.html",
        'Pháp luật" onmouseover="alert(1)',
    ),
    Case(
        "plan-purpose-link",
        plan_list("purposes", f"Mục đích {LINK} {ATTRIBUTE}"),
        PLAN_PAGE,
        f"Mục đích {LINK} {ATTRIBUTE}",
        within="li",
    ),
    Case(
        "plan-purpose-list-marker",
        plan_list("purposes", "1. không phải danh sách"),
        PLAN_PAGE,
        "1. không phải danh sách",
        within="li",
    ),
    Case(
        "target-title-attr-list",
        target_title(f"Chỉ tiêu {ATTRIBUTE}"),
        "tien-do/2018/tht-moi/index.html",
        f"Chỉ tiêu {ATTRIBUTE}",
        within="h1",
    ),
    Case(
        "cooperative-name-shortcode",
        cooperative('HTX {{ van_ban("luat-htx-2012") }} {{ tien_do("2018", "tht-moi") }}'),
        PROFILE_PAGE,
        'HTX {{ van_ban("luat-htx-2012") }} {{ tien_do("2018", "tht-moi") }}',
        within="h1",
    ),
    Case(
        "cooperative-name-entities",
        cooperative("HTX &lt;script&gt;alert(1)&lt;/script&gt; &#106;avascript:"),
        PROFILE_PAGE,
        "HTX &lt;script&gt;alert(1)&lt;/script&gt; &#106;avascript:",
        within="h1",
    ),
    Case(
        "page-front-matter-quotes-and-tags",
        page_front_matter('Trang "><img src=x onerror=alert(1)> {: onclick=alert(1) }'),
        "trang-{slug}/index.html",
        'Trang "><img src=x onerror=alert(1)> {: onclick=alert(1) }',
        within="h1",
    ),
    Case("cooperative-summary-link", cooperative(summary=f"Tóm tắt {LINK} {ATTRIBUTE}"), PROFILE_PAGE, "Tóm tắt"),
    Case(
        "cooperative-contact-tel",
        raw_cooperative("contact:\n  phone: '0276\" onclick=\"alert(1)'\n  email: 'a@b.vn\" onclick=\"alert(1)'\n"),
        PROFILE_PAGE,
    ),
]

#: Markdown fields in YAML (story, summary, a task's text): rendered, then cleaned.
MARKDOWN_FIELD_CASES = [
    Case("story-entity-scheme", cooperative(story="[x](&#106;avascript:alert(1))"), PROFILE_PAGE),
    Case("story-tab-in-scheme", cooperative(story="[x](java&#x09;script:alert(1))"), PROFILE_PAGE),
    Case(
        "story-hex-entities", cooperative(story="[x](&#x6A;&#x61;&#x76;&#x61;&#x73;cript&#58;alert(1))"), PROFILE_PAGE
    ),
    Case(
        "story-reference-link",
        cooperative(story='[x][r] ![y][r]\n\n[r]: &#106;avascript:alert(1) "t"'),
        PROFILE_PAGE,
    ),
    Case("story-svg-data", cooperative(story="![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)"), PROFILE_PAGE),
    Case(
        "legal-summary-encoded-tag-link",
        legal(summary='<a href="&#x6A;avascript&colon;alert(1)">x</a> <img src=x o&#110;error=alert(1)>'),
        LEGAL_PAGE,
    ),
    Case(
        "plan-task-md-in-html",
        lambda project, slug: _edit(
            project,
            PLAN,
            "text: Tuyên truyền về kinh tế tập thể.",
            'text: "<p markdown=\\"1\\">**x** [y](&#106;avascript:z)</p>"',
        ),
        PLAN_PAGE,
    ),
]


def _edit(project: SiteProject, rel: str, old: str, new: str) -> None:
    text = project.path(rel).read_text(encoding="utf-8")
    assert old in text, f"fixture no longer contains {old!r}"
    project.write(rel, text.replace(old, new))


#: Editors' Markdown (an article's body): rendered, then cleaned.
BODY = {
    "link-javascript": "[x](javascript:alert(1))",
    "link-mixed-case": "[x](JaVaScRiPt:alert(1))",
    "link-decimal-entity": "[x](&#106;avascript:alert(1))",
    "link-decimal-no-semicolons": '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">x</a>',
    "link-hex-entities": "[x](&#x6A;&#x61;&#x76;&#x61;script&#58;alert(1))",
    "link-named-colon": '<a href="javascript&colon;alert(1)">x</a>',
    "link-tab-entity": "[x](java&#x09;script:alert(1))",
    "link-newline-in-scheme": '<a href="java\nscript:alert(1)">x</a>',
    "link-leading-space": '<a href="  javascript:alert(1)">x</a>',
    "link-vbscript": '<a href="vbscript:msgbox(1)">x</a>',
    "link-data-html": '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "image-javascript": "![x](javascript:alert(1))",
    "image-srcset": '<img src="a.png" srcset="javascript:alert(1) 1x" alt="x">',
    "autolink-javascript": "<javascript:alert(1)>",
    "reference-link": "[x][r]\n\n[r]: javascript:alert(1)",
    "reference-link-encoded": "[x][r]\n\n[r]: &#x6A;avascript:alert(1)",
    "script": "<script>alert(1)</script>",
    "script-upper-src": "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "img-onerror": "<img src=x onerror=alert(1)>",
    "img-onerror-mixed-case": '<IMG SRC="x" OnErRoR="alert(1)">',
    "svg-onload": "<svg onload=alert(1)><circle r=1 /></svg>",
    "svg-script": "<svg><script>alert(1)</script></svg>",
    "svg-link": '<svg><a xlink:href="javascript:alert(1)" href="javascript:alert(1)"><text>x</text></a></svg>',
    "svg-animate": '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a></svg>',
    "math-link": '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "iframe": '<iframe src="https://evil.example/"></iframe>',
    "iframe-srcdoc": '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "object": '<object data="javascript:alert(1)"></object>',
    "embed": '<embed src="javascript:alert(1)">',
    "form": '<form action="https://evil.example/"><input name="p"><button formaction="javascript:alert(1)">x</button></form>',
    "style-element": "<style>body{background:url(https://evil.example/x)}</style>",
    "style-attribute-url": '<p style="background:url(javascript:alert(1))">x</p>',
    "style-attribute-expression": '<p style="width:expression(alert(1))">x</p>',
    "style-attribute-overlay": '<div style="position:fixed;top:0;left:0;width:100%;height:100%">x</div>',
    "comment-script": "<!--<script>alert(1)</script>-->",
    "comment-bogus-close": "<!-- --!><img src=x onerror=alert(1)>-->",
    "conditional-comment": "<!--[if IE]><script>alert(1)</script><![endif]-->",
    "noscript-mutation": '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "template": "<template><script>alert(1)</script></template>",
    "entity-encoded-tag": "&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;",
    "attr-list-paragraph": 'Đoạn văn.\n{: onclick="alert(1)" }',
    "attr-list-heading": "## Mục {: onmouseover=alert(1) data-md-component=announce }",
    "attr-list-link": "[x](https://example.org){: onclick=alert(1) }",
    "md-in-html-handler": '<div markdown="1" onclick="alert(1)">**x**</div>',
    "details-ontoggle": "<details open ontoggle=alert(1)><summary>x</summary>y</details>",
    "meta-refresh": '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "base-href": '<base href="https://evil.example/">',
    "theme-config-clobbering": '<div id="__config">{"base": "https://evil.example/"}</div>',
    "theme-hook-attribute": '<div data-md-component="announce" data-ktt-search-input>x</div>',
}
BODY_CASES = [Case(f"body-{key}", article(body), ARTICLE_PAGE) for key, body in BODY.items()]

#: The one embed editors have: a YouTube video, framed from youtube-nocookie.com only.
VIDEO_CASES = [
    Case(
        "video-youtube", article("""{{ video("https://youtu.be/dQw4w9WgXcQ", 'Video "thử" & xem') }}"""), ARTICLE_PAGE
    ),
]

PUBLISHED = TEXT_CASES + MARKDOWN_FIELD_CASES + BODY_CASES + VIDEO_CASES

LEGAL_FILE, COOP_FILE, ARTICLE_FILE = (
    "models_data/legal/{slug}.yaml",
    "models_data/cooperatives/{slug}.yaml",
    f"{ISSUE_DIR}/{{slug}}.md",
)
NOT_URL, NOT_HTTP = "không có trong một địa chỉ web*", "phải bắt đầu bằng https:// hoặc http://"
NOT_VIDEO = "không phải địa chỉ một video YouTube*"
# fmt: off
REFUSED = [Case(name, write, refused=expected) for name, write, expected in [
    ("plan-source-markdown-link", plan_list("sources", f"https://example.org/a {LINK}"), f"{PLAN}:*: sources[0]: địa chỉ '*' chứa dấu cách, {NOT_URL}"),
    ("plan-source-javascript", plan_list("sources", "javascript:alert(1)"), f"{PLAN}:*: sources[0]: địa chỉ 'javascript:alert(1)' {NOT_HTTP}"),
    ("legal-official-url-quote", legal(official_url='https://example.org/" onclick="alert(1)'), f"{LEGAL_FILE}:*: official_url: địa chỉ '*' chứa '\"', {NOT_URL}"),
    ("legal-source-mixed-case", legal(sources=["JaVaScRiPt:alert(1)"]), f"{LEGAL_FILE}:*: sources[0]: địa chỉ 'JaVaScRiPt:alert(1)' {NOT_HTTP}"),
    ("cooperative-website", raw_cooperative("contact:\n  website: 'JaVaScRiPt:alert(1)'\n"), f"{COOP_FILE}:*: contact.website: địa chỉ '*' {NOT_HTTP}"),
    ("cooperative-source-no-host", raw_cooperative("sources:\n  - 'https://'\n"), f"{COOP_FILE}:*: sources[0]: địa chỉ 'https://' thiếu tên miền*"),
    ("cooperative-name-tag", cooperative("HTX <img src=x onerror=alert(1)>"), f"{COOP_FILE}:*: name: không được chứa mã HTML*"),
    ("cooperative-name-comment", cooperative("HTX <!-- --> x"), f"{COOP_FILE}:*: name: không được chứa mã HTML*"),
    ("story-plain-javascript", cooperative(story=LINK), f"{COOP_FILE}:*: story: chứa mã không an toàn*"),
    ("story-script", cooperative(story="<ScRiPt>alert(1)</ScRiPt>"), f"{COOP_FILE}:*: story: chứa mã không an toàn*"),
    ("video-other-host", article('{{ video("https://evil.example/watch?v=dQw4w9WgXcQ", "x") }}'), f"{ARTICLE_FILE}:*: video: '*' {NOT_VIDEO}"),
    ("video-javascript", article('{{ video("javascript:alert(1)", "x") }}'), f"{ARTICLE_FILE}:*: video: 'javascript:alert(1)' {NOT_VIDEO}"),
    ("video-no-title", article('{{ video("https://www.youtube.com/watch?v=dQw4w9WgXcQ", " ") }}'), f"{ARTICLE_FILE}:*: video: cần tiêu đề video*"),
]]
# fmt: on


def _slug(index: int) -> str:
    return f"hostile-{index}"


def _page(case: Case, index: int) -> str:
    return case.page.format(slug=_slug(index), number=10 + index)


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = full_project(tmp_path_factory.mktemp("hostile"))
    # Every article in the feeds, the hostile ones among them.
    _edit(project, "mkdocs.yml", "data_dir: models_data", "data_dir: models_data\n      feed_size: 500")
    for index, case in enumerate(PUBLISHED):
        case.write(project, _slug(index))
    result = project.build_in_process(env={"SOURCE_DATE_EPOCH": "1546214400"})
    assert result.returncode == 0, result.stderr + result.stdout
    return project.built()


@pytest.mark.parametrize("index", range(len(PUBLISHED)), ids=[case.id for case in PUBLISHED])
def test_published_input_is_harmless(published, index):
    case = PUBLISHED[index]
    page = published / _page(case, index)
    assert page.is_file(), f"{case.id}: no page {page.relative_to(published)}"
    data = page.read_bytes()
    assert html_safety.problems(data) == [], case.id
    document = html_safety.parse(data)
    text = html_safety.text_of(document.find("body"))
    if case.id.startswith(("body-", "video-")):
        # The case's own article, rendered (an emptied page would be harmless, but wrong).
        assert f"Mẫu {_slug(index)}." in text
    if case.shown is not None:
        assert case.shown in text, f"{case.id}: {case.shown!r} not shown as typed"
    if case.within is not None:
        shown = [html_safety.text_of(e) for e in document.find(".//article").iter() if e.tag == case.within]
        assert any(case.shown in " ".join(t.split()) for t in shown), (case.id, shown)


@pytest.mark.parametrize("index", range(len(TEXT_CASES)), ids=[case.id for case in TEXT_CASES])
def test_text_from_data_makes_no_markup(published, index):
    """Plain text stays text wherever Markdown would read it: no link, emphasis, code, heading
    or list made of it (the site's own markup around it is not counted)."""
    case = PUBLISHED[index]  # the text cases come first
    document = html_safety.parse((published / _page(case, index)).read_bytes())
    content = document.find(".//article")
    for element in content.iter():
        if html_safety.text_of(element).strip() in ("đậm", "nghiêng", "mã", "bấm vào đây"):
            assert element.tag not in ("strong", "em", "code", "a"), (case.id, element.tag)
    headings = [html_safety.text_of(h) for h in content.iter() if h.tag in ("h1", "h2", "h3")]
    assert not any(h.strip().startswith("Tiêu đề giả") for h in headings), headings
    assert [ol for li in content.iter("li") for ol in li.iter("ol")] == [], case.id


def test_every_page_of_the_hostile_site_is_harmless(published):
    pages = sorted(published.rglob("*.html"))
    assert len(pages) > len(PUBLISHED)
    found = {page.relative_to(published).as_posix(): html_safety.problems(page.read_bytes()) for page in pages}
    assert {page: problems for page, problems in found.items() if problems} == {}


def test_the_video_is_framed_from_the_nocookie_host_with_its_title(published):
    index = PUBLISHED.index(VIDEO_CASES[0])
    document = html_safety.parse((published / _page(VIDEO_CASES[0], index)).read_bytes())
    frames = list(document.iter("iframe"))
    assert [f.get("src") for f in frames] == ["https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"]
    assert frames[0].get("title") == 'Video "thử" & xem'
    assert "frame-src https://www.youtube-nocookie.com" in html_safety.policy_of(document)
    other = html_safety.parse((published / _page(BODY_CASES[0], PUBLISHED.index(BODY_CASES[0]))).read_bytes())
    assert "frame-src 'none'" in html_safety.policy_of(other)
    # Feed readers get the link to the video, not a frame.
    rss = (published / "feed.xml").read_text(encoding="utf-8")
    assert "youtube-nocookie" not in rss and "https://www.youtube.com/watch?v=dQw4w9WgXcQ" in rss


def test_text_reaches_titles_feeds_sharing_and_downloads_as_typed(published):
    """Outside page bodies (titles, feeds, link previews, open data) the same text is exact:
    neither markup nor character references."""
    title = f"Bài {ATTRIBUTE} **đậm**"
    index = next(i for i, case in enumerate(PUBLISHED) if case.id == "article-title-attr-list")
    document = html_safety.parse((published / _page(PUBLISHED[index], index)).read_bytes())
    assert html_safety.text_of(document.find(".//title")).startswith(title)
    shared = {m.get("property") or m.get("name"): m.get("content") for m in document.iter("meta")}
    assert shared["og:title"] == title and shared["twitter:title"] == title
    for name in ("feed.xml", "atom.xml"):
        feed = feedparser.parse((published / name).read_bytes())
        # The fixture's issue is illustrative: feeds add "(minh họa)" after the exact title.
        assert f"{title} (minh họa)" in [entry.title for entry in feed.entries], name
    for xml_file in published.rglob("*.xml"):
        ET.parse(xml_file)
    items = json.loads((published / "feed.json").read_text(encoding="utf-8"))["items"]
    assert f"{title} (minh họa)" in [item["title"] for item in items]

    name = 'HTX {{ van_ban("luat-htx-2012") }} {{ tien_do("2018", "tht-moi") }}'
    records = (published / "du-lieu/hop-tac-xa.json").read_text(encoding="utf-8")
    assert json.dumps(name, ensure_ascii=False) in json.dumps(json.loads(records), ensure_ascii=False)
    rows = csv.reader(io.StringIO((published / "du-lieu/hop-tac-xa.csv").read_text(encoding="utf-8-sig")))
    assert name in [cell for row in rows for cell in row]
    # The category feed's link in <head>: the quote stays inside the title attribute.
    category = next(i for i, case in enumerate(PUBLISHED) if case.id == "article-category-quote")
    head = html_safety.parse((published / _page(PUBLISHED[category], category)).read_bytes()).find("head")
    titles = [link.get("title") or "" for link in head.iter("link")]
    assert any('Pháp luật" onmouseover="alert(1)' in t for t in titles), titles


def _pattern(expected: str) -> re.Pattern[str]:
    return re.compile(".*".join(re.escape(part) for part in expected.split("*")))


@pytest.mark.parametrize("case", REFUSED, ids=[case.id for case in REFUSED])
def test_refused_input_stops_check_and_build_with_file_line_field(tmp_path, case):
    project = full_project(tmp_path)
    slug = _slug(0)
    case.write(project, slug)
    assert case.refused is not None
    expected = _pattern(case.refused.format(slug=slug))
    checked = project.check_in_process()
    assert checked.returncode != 0
    printed = checked.stdout + checked.stderr
    assert any(expected.fullmatch(line.strip()) for line in printed.splitlines()), printed
    built = project.build_in_process(env={"SOURCE_DATE_EPOCH": "1546214400"})
    assert built.returncode != 0
    assert expected.search(built.stdout + built.stderr), built.stdout + built.stderr
    assert not project.built().exists()
