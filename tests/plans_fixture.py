"""A small plan with its data for the plan and progress tests (written into the minimal site)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

PLAN = """\
title: Kế hoạch phối hợp thử nghiệm năm 2018
basis: [luat-htx-2012]
period:
  start: 2018-01-01
  end: 2018-12-31
purposes:
  - Tuyên truyền Luật Hợp tác xã.
tasks:
  - id: tuyen-truyen
    number: "2.1"
    title: Tuyên truyền
    text: Tuyên truyền về kinh tế tập thể.
  - id: dao-tao
    number: "2.5"
    title: Đào tạo
    text: Hỗ trợ đào tạo.
assignments:
  lien-minh-htx:
    - role: lead
      tasks: [dao-tao]
      duty: Chủ trì tổ chức các lớp tập huấn.
  hoi-nong-dan:
    - role: lead
      tasks: [tuyen-truyen]
      duty: Chủ trì tuyên truyền, vận động hội viên.
    - role: support
      task: dao-tao
      duty: Phối hợp mở lớp.
targets:
  - id: tht-moi
    title: Thành lập mới 2 tổ hợp tác
    measure: {type: count_cooperatives, kinds: [tht], legal_basis: [nd-151-2007]}
    target: {min: 2}
    unit: THT
  - id: htx-moi
    title: Thành lập mới từ 1 đến 2 HTX
    measure: {type: count_cooperatives, kinds: [htx], legal_basis: [luat-htx-2012]}
    target: {min: 1, max: 2}
    unit: HTX
  - id: lop-tap-huan
    title: Mỗi tổ chức ít nhất một lớp
    measure: {type: reported, field: training_classes, per_organization: true}
    target: {min: 1}
    unit: lớp
  - id: xa-co-htx
    title: Xã có HTX gắn với sản phẩm chủ lực
    measure: {type: commune_coverage, kinds: [htx], legal_basis: [luat-htx-2012], key_product: true}
    target: {min: 100}
    unit: "%"
  - id: thu-nhap
    title: Thu nhập năm sau cao hơn năm trước
    measure: {type: income_growth}
    target: {min: 0, min_exclusive: true}
    unit: "%"
"""

ND_151 = """\
number: 151/2007/NĐ-CP
type: nghi-dinh
title: về tổ chức và hoạt động của tổ hợp tác
issuer: Chính phủ
issued: 2007-10-10
"""


def cooperative(name: str, kind: str, founded: str, commune: str, *, basis: str | None = None,
                status: str = "active", extra: str = "") -> str:
    basis = basis or ("nd-151-2007" if kind == "tht" else "luat-htx-2012")
    return (f"name: {name}\nkind: {kind}\nfounded: '{founded}'\ncommune: {commune}\nstatus: {status}\n"
            f"legal_basis: {basis}\nillustrative: true\n{extra}")


KEY_PRODUCT = "products:\n  - {name: Rau an toàn, key_product: true}\n"

#: Fixture data: (file, text). The minimal site already has htx-dong-tam (HTX, 2018-03-15,
#: xa-dong-tam, 2012 law, no products).
COOPERATIVES = {
    "tht-a": cooperative("Tổ hợp tác A", "tht", "2018-02-10", "xa-dong-tam"),
    # Known only to the month: counted from 30/06/2018.
    "tht-b": cooperative("Tổ hợp tác B", "tht", "2018-06", "phuong-1"),
    # Founded before the period: never counted.
    "tht-cu": cooperative("Tổ hợp tác Cũ", "tht", "2017-12", "phuong-1"),
    # Key product, in xa-dong-tam: with htx-hai below, two cooperatives in one commune.
    "htx-mot": cooperative("Hợp tác xã Một", "htx", "2018-04-01", "xa-dong-tam", extra=KEY_PRODUCT + (
        "members: {2017: 10, 2018: 20}\navg_income: {2017: 30000000, 2018: 36000000}\n")),
    "htx-hai": cooperative("Hợp tác xã Hai", "htx", "2018-05-20", "xa-dong-tam", extra=KEY_PRODUCT + (
        "members: {2017: 30}\navg_income: {2017: 40000000, 2018: 42000000}\n")),
    # Dissolved: not counted for coverage of phuong-1.
    "htx-giai-the": cooperative("Hợp tác xã Giải Thể", "htx", "2016-01-01", "phuong-1", status="dissolved",
                                extra="dissolved: 2017-06-30\n" + KEY_PRODUCT),
    # Income in one year only: listed as not usable.
    "htx-thieu": cooperative("Hợp tác xã Thiếu Số Liệu", "htx", "2010", "thi-tran-a", basis="luat-htx-2012",
                             extra="avg_income: {2018: 50000000}\n"),
}

PROGRESS = {
    "lien-minh-htx": "illustrative: true\nreports:\n  - date: 2018-03-31\n    training_classes: 1\n    trainees: 40\n",
    "hoi-nong-dan": "illustrative: true\nreports:\n  - date: 2018-09-30\n    training_classes: 2\n    trainees: 90\n",
}


#: Declares the fixture's records the whole register, so that shortfalls are verdicts.
COMPLETE_RECORDS = """\
complete_records:
  - kinds: [htx, tht]
    as_of: 2018-12-31
    description: Sổ đăng ký HTX, THT thử nghiệm
    sources: [https://so-dang-ky.example.org/2018]
"""


def write_plan_site(project, *, as_of: str, progress: bool = True, complete: bool = True) -> None:
    """The minimal site with the fixture plan and data, computed as of ``as_of``.

    ``complete``: the plan declares the records on file complete (a register with its source).
    """
    project.write("models_data/plans/2018.yaml", PLAN + (COMPLETE_RECORDS if complete else ""))
    project.write("models_data/legal/nd-151-2007.yaml", ND_151)
    for name, text in COOPERATIVES.items():
        project.write(f"models_data/cooperatives/{name}.yaml", text)
    if progress:
        for org, text in PROGRESS.items():
            project.write(f"models_data/progress/2018/{org}.yaml", text)
    set_as_of(project, as_of)


def set_as_of(project, as_of: str) -> None:
    config = project.path("mkdocs.yml").read_text(encoding="utf-8")
    project.write("mkdocs.yml", re.sub(r"as_of: \S+", f"as_of: {as_of}", config))


class PageReader(HTMLParser):
    """What a reader and a screen reader get from a page: progress bars, SVG titles, tables, text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.progressbars: list[dict[str, str]] = []
        self.svg_titles: list[str] = []
        self.links: list[str] = []
        self.scripts_in_svg = 0
        self._in_svg = 0
        self._in_title = False
        self._text: list[str] = []
        self._in_article = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "article":
            self._in_article = True
        if values.get("role") == "progressbar" or tag == "progress":
            self.progressbars.append(values)
        if tag == "svg":
            self._in_svg += 1
        if self._in_svg and tag == "title":
            self._in_title = True
            self.svg_titles.append("")
        if self._in_svg and tag == "script":
            self.scripts_in_svg += 1
        if tag == "a" and "href" in values:
            self.links.append(values["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg":
            self._in_svg -= 1
        if tag == "title":
            self._in_title = False
        if tag == "article":
            self._in_article = False

    def handle_data(self, data: str) -> None:
        if self._in_title and self._in_svg:
            self.svg_titles[-1] += data
        if self._in_article and not self._in_svg:
            self._text.append(data)

    @property
    def text(self) -> str:
        return re.sub(r"\s+", " ", " ".join(self._text))


def read_page(html: str) -> PageReader:
    reader = PageReader()
    reader.feed(html)
    return reader
