"""A small bulletin written into the fixture site, and readers of what a build produced."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from lxml import html as lxml_html

SITE_URL = "https://thu-nghiem.example.org/"

TRICKY_TITLE = 'Giá rau < 5.000 đồng & chuyện "bao tiêu"'


def png_bytes(width: int = 3, height: int = 2) -> bytes:
    """A real, tiny PNG image (the enclosure's length and type are read from the file)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    rows = b"".join(b"\x00" + b"\x30\xa0\x40" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def article(
    title: str,
    day: str,
    *,
    order: int | None = None,
    extra: str = "",
    body: str = "Nội dung bài.\n",
) -> str:
    lines = ["---", f"title: '{title}'", f"date: {day}"]
    if order is not None:
        lines.append(f"order: {order}")
    if extra:
        lines.append(extra.rstrip("\n"))
    return "\n".join(lines) + "\n---\n\n" + body


def issue(number: int, day: str, title: str, extra: str = "") -> str:
    head = f"---\nissue: {number}\ndate: {day}\ntitle: '{title}'\n{extra}---\n"
    return head + f"\nLời giới thiệu số {number}.\n"


def write_bulletin(project) -> None:
    """Three issues over two years; issue 1's reading order differs from its file names."""
    project.write("content/images/ban-tin/rau.png", png_bytes())
    project.write(
        "content/ban-tin/2018-so-01/index.md",
        issue(1, "2018-05-02", "Số một: rau an toàn", "illustrative: true\n"),
    )
    project.write(
        "content/ban-tin/2018-so-01/tin-dau.md",
        article(
            "Hợp tác xã Đồng Tâm mở rộng vùng rau",
            "2018-05-02",
            order=1,
            extra="authors: [Ban biên tập]\ncategories: [Mô hình hay]\n"
            "cooperatives: [htx-dong-tam]\nlegal: [luat-htx-2012]\n"
            "image: images/ban-tin/rau.png\nimage_alt: Luống rau của HTX",
            body="Đoạn mở đầu về vùng rau.\n\nXem thêm [bài giữa](bai-giua.md) và "
            "![rau](../../images/ban-tin/rau.png).\n",
        ),
    )
    project.write(
        "content/ban-tin/2018-so-01/bai-giua.md",
        article(
            TRICKY_TITLE.replace("'", "''"),
            "2018-05-02",
            order=2,
            extra="categories: [Thị trường]",
        ),
    )
    project.write(
        "content/ban-tin/2018-so-01/an-cuoi.md",
        article(
            "Lớp tập huấn ở xã Đồng Tâm",
            "2018-05-02",
            order=3,
            extra="categories: [Tập huấn]\nillustrative: true",
        ),
    )
    project.write(
        "content/ban-tin/2018-so-01/zz-nhap.md",
        article(
            "Bài nháp không được lộ",
            "2018-05-03",
            extra="categories: [Chuyên mục nháp]\ndraft: true",
        ),
    )
    project.write("content/ban-tin/2018-so-02/index.md", issue(2, "2018-08-15", "Số hai: tập huấn"))
    project.write(
        "content/ban-tin/2018-so-02/tap-huan.md",
        article(
            "Tập huấn Luật Hợp tác xã",
            "2018-08-15",
            extra="categories: [Tập huấn, Mô hình hay]",
        ),
    )
    project.write("content/ban-tin/2019-so-03/index.md", issue(3, "2019-01-10", "Số ba: đầu năm"))
    project.write("content/ban-tin/2019-so-03/don-nam-moi.md", article("Đón năm mới", "2019-01-10"))


#: Published articles of ``write_bulletin``, newest first (same day: issue order).
NEWEST_FIRST = [
    "Đón năm mới",
    "Tập huấn Luật Hợp tác xã",
    "Hợp tác xã Đồng Tâm mở rộng vùng rau",
    TRICKY_TITLE,
    "Lớp tập huấn ở xã Đồng Tâm",
]

#: Issue 1 is illustrative: a subscriber reads it in the item's title and summary.
EXAMPLE_ISSUE_NOTE = "Bài thuộc một số bản tin minh họa: số bản tin và ngày đăng là minh họa."


def in_feed(title: str) -> str:
    """An article's title as feeds carry it ("(minh họa)" added for issue 1's articles)."""
    return f"{title} (minh họa)" if title in NEWEST_FIRST[2:] and "minh họa" not in title else title


FEED_TITLES = [in_feed(title) for title in NEWEST_FIRST]


def cls(name: str) -> str:
    """An XPath test for one class among an element's classes."""
    return f'contains(concat(" ", normalize-space(@class), " "), " {name} ")'


def parse(path: Path) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(path.read_bytes())


def content(path: Path) -> lxml_html.HtmlElement:
    """The page's article body, as a reader sees it."""
    return parse(path).xpath("//article")[0]


def text(element: lxml_html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def built_path(site_dir: Path, url: str) -> Path:
    """The file a web server would send for an absolute URL of the site."""
    assert url.startswith(SITE_URL), url
    rel = url[len(SITE_URL) :].split("#")[0]
    target = site_dir / rel
    return target / "index.html" if rel == "" or rel.endswith("/") else target
