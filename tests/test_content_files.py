"""Files under content/ are what they claim: an SVG that could run script or load anything from
outside, an image whose bytes are not its extension's format, a page or script MkDocs would
publish verbatim, each stops `ktt-site check` and `mkdocs build --strict` naming the file, before
anything is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from bulletin_support import article, issue, png_bytes
from conftest import FIXTURES, file_tree

JPEG = (FIXTURES / "files" / "anh.jpg").read_bytes()  # 16 x 10, made by Chromium's screenshot
GIF = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">'
IMAGE = "content/images/ban-tin/bieu-do.svg"


def svg(body: str, *, opening: str = SVG_OPEN) -> str:
    return f"{opening}\n{body}\n</svg>\n"


#: (file, its content, what the message says after "file[:line]: ").
BAD_FILES = {
    "script": (IMAGE, svg("<script>alert(document.cookie)</script>"), "2: ảnh SVG có mã chạy (thẻ <script>)"),
    "script in CDATA": (IMAGE, svg("<script><![CDATA[alert(1)]]></script>"), "2: ảnh SVG có mã chạy"),
    "onload": (
        IMAGE,
        svg("<rect/>", opening=SVG_OPEN.replace(">", ' onload="alert(1)">')),
        "1: ảnh SVG có thuộc tính sự kiện 'onload'",
    ),
    "handler on a shape": (
        IMAGE,
        svg('<g><circle r="4" onmouseover="alert(1)"/></g>'),
        "2: ảnh SVG có thuộc tính sự kiện 'onmouseover'",
    ),
    "foreignObject": (
        IMAGE,
        svg('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'),
        "2: ảnh SVG có thẻ <foreignObject>",
    ),
    "HTML iframe": (
        IMAGE,
        svg('<iframe xmlns="http://www.w3.org/1999/xhtml" src="https://vi-du.example.org/"/>'),
        "2: ảnh SVG có thẻ <iframe>",
    ),
    "HTML img": (
        IMAGE,
        svg('<img xmlns="http://www.w3.org/1999/xhtml" src="#a"/>'),
        "2: ảnh SVG có thẻ HTML <img>",
    ),
    "SVG Tiny handler": (IMAGE, svg("<handler>alert(1)</handler>"), "2: ảnh SVG có thẻ <handler>"),
    "external image": (
        IMAGE,
        svg('<image xlink:href="https://vi-du.example.org/theo-doi.png"/>'),
        "2: ảnh SVG tham chiếu ra ngoài ('https://vi-du.example.org/theo-doi.png')",
    ),
    "another file": (IMAGE, svg('<use href="khac.svg#hinh"/>'), "2: ảnh SVG tham chiếu ra ngoài ('khac.svg#hinh')"),
    "javascript link": (
        IMAGE,
        svg('<a href="javascript:alert(1)"><text>x</text></a>'),
        "2: ảnh SVG có địa chỉ 'javascript:'",
    ),
    "javascript link, encoded": (
        IMAGE,
        svg('<a xlink:href="&#106;ava&#x09;script:alert(1)"><text>x</text></a>'),
        "2: ảnh SVG có địa chỉ 'javascript:'",
    ),
    "data URL": (IMAGE, svg('<image href="data:image/svg+xml;base64,PHN2Zz4="/>'), "2: ảnh SVG có địa chỉ 'data:'"),
    "animated link": (
        IMAGE,
        svg('<a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>'),
        "2: ảnh SVG có hoạt ảnh đổi thuộc tính 'href'",
    ),
    "CSS url": (
        IMAGE,
        svg("<style>rect { fill: url(https://vi-du.example.org/a.svg#g) }</style>"),
        "2: ảnh SVG có CSS url(https://vi-du.example.org/a.svg#g) tải tệp từ bên ngoài",
    ),
    "CSS url, escaped": (
        IMAGE,
        svg('<rect style="background: \\75 rl(https://vi-du.example.org/x)"/>'),
        "2: ảnh SVG có CSS url(https://vi-du.example.org/x)",
    ),
    "CSS import": (
        IMAGE,
        svg("<style>@import 'https://vi-du.example.org/a.css';</style>"),
        "2: ảnh SVG có CSS @import",
    ),
    "fill url": (IMAGE, svg('<rect fill="url(https://vi-du.example.org/g.svg#g)"/>'), "2: ảnh SVG có CSS url("),
    "xml:base": (IMAGE, svg('<g xml:base="https://vi-du.example.org/"><use href="#a"/></g>'), "2: ảnh SVG có xml:base"),
    "stylesheet": (
        IMAGE,
        '<?xml-stylesheet type="text/xsl" href="https://vi-du.example.org/x.xsl"?>\n' + svg("<rect/>"),
        "1: ảnh SVG có chỉ thị <?xml-stylesheet?>",
    ),
    "XXE": (
        IMAGE,
        '<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n' + svg("<text>&x;</text>"),
        "2: ảnh SVG có khai báo ENTITY, hay DOCTYPE khác DOCTYPE chuẩn của SVG",
    ),
    "billion laughs": (
        IMAGE,
        '<!DOCTYPE svg [\n<!ENTITY a "aaaaaaaaaa">\n<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">\n]>\n' + svg("<text>&c;</text>"),
        "1: ảnh SVG có khai báo ENTITY, hay DOCTYPE khác DOCTYPE chuẩn của SVG",
    ),
    "entity in UTF-16": (
        IMAGE,
        ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE svg [<!ENTITY x "y">]>' + svg("<text>&x;</text>")).encode(
            "utf-16"
        ),
        "1: ảnh SVG có khai báo ENTITY, hay DOCTYPE khác DOCTYPE chuẩn của SVG",
    ),
    "attribute default in UTF-16": (
        IMAGE,
        (
            '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
            '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [<!ATTLIST svg onload CDATA "alert(1)">]>'
            + svg("<rect/>")
        ).encode("utf-16"),
        "1: ảnh SVG có khai báo ENTITY, hay DOCTYPE khác",
    ),
    "DOCTYPE naming a file": (
        IMAGE,
        '<!DOCTYPE svg SYSTEM "file:///etc/passwd">\n' + svg("<rect/>"),
        "1: ảnh SVG có khai báo ENTITY, hay DOCTYPE khác",
    ),
    "SVG DOCTYPE with an entity": (
        IMAGE,
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" '
        '[<!ENTITY x "y">]>\n' + svg("<text>&x;</text>"),
        "1: ảnh SVG có khai báo ENTITY",
    ),
    "HTML named .svg": (
        IMAGE,
        "<html><body><script>alert(1)</script></body></html>",
        "1: không phải ảnh SVG (thẻ gốc là <html>)",
    ),
    "not XML": (IMAGE, svg("<rect>"), "3: không đọc được ảnh SVG: tệp không đúng cú pháp XML"),
    "upper-case extension": ("content/images/HINH.SVG", svg("<script>alert(1)</script>"), "2: ảnh SVG có mã chạy"),
    "beside an article": (
        "content/ban-tin/2018-so-01/so-do.svg",
        svg("<script>alert(1)</script>"),
        "2: ảnh SVG có mã chạy",
    ),
    "HTML named .jpg": (
        "content/images/anh.jpg",
        b"<!DOCTYPE html><html><script>alert(1)</script></html>",
        "tệp có đuôi .jpg nhưng không phải ảnh (nội dung là trang HTML)",
    ),
    "PNG named .jpg": (
        "content/images/anh.jpg",
        png_bytes(),
        "tệp có đuôi .jpg nhưng là ảnh PNG; hãy đổi đuôi thành .png",
    ),
    "JPEG named .png": ("content/images/anh.png", JPEG, "tệp có đuôi .png nhưng là ảnh JPEG; hãy đổi đuôi thành .jpg"),
    "SVG named .png": (
        "content/images/anh.png",
        svg("<rect/>"),
        "tệp có đuôi .png nhưng là ảnh SVG; hãy đổi đuôi thành .svg",
    ),
    "broken PNG": ("content/images/anh.png", b"\x89PNG\r\n\x1a\n" + b"0" * 20, "ảnh PNG bị hỏng hoặc không trọn vẹn"),
    "empty GIF": ("content/images/anh.gif", b"", "tệp có đuôi .gif nhưng không phải ảnh (tệp rỗng)"),
    "text named .webp": (
        "content/images/anh.webp",
        "xin chào",
        "tệp có đuôi .webp nhưng không phải ảnh (nội dung là văn bản)",
    ),
    "HTML named .avif": (
        "content/images/anh.avif",
        "<html><body>x</body></html>",
        "tệp có đuôi .avif nhưng không phải ảnh",
    ),
    "HTML named .ico": ("content/favicon.ico", "<script>alert(1)</script>", "tệp có đuôi .ico nhưng không phải ảnh"),
    "HTML page": (
        "content/trang.html",
        "<script>alert(1)</script>",
        "tệp .html (trang HTML) không được đặt trong content/",
    ),
    "HTML page, upper case": ("content/ban-tin/TRANG.HTM", "<p>x</p>", "tệp .htm (trang HTML) không được đặt"),
    "XHTML page": ("content/trang.xhtml", "<html/>", "tệp .xhtml (trang HTML)"),
    "JavaScript": ("content/js/theo-doi.js", "alert(1)", "tệp .js (mã JavaScript) không được đặt trong content/"),
    "module script": ("content/js/theo-doi.mjs", "alert(1)", "tệp .mjs (mã JavaScript)"),
    "XML document": ("content/feed.xml", "<rss/>", "tệp .xml (tài liệu XML) không được đặt trong content/"),
    "XSLT": ("content/images/kieu.xsl", "<xsl:stylesheet/>", "tệp .xsl (tài liệu XSLT)"),
    "compressed SVG": ("content/images/hinh.svgz", b"\x1f\x8b\x08\x00", "tệp .svgz (ảnh SVG nén"),
}


@pytest.mark.parametrize(("path", "content", "message"), BAD_FILES.values(), ids=BAD_FILES.keys())
def test_a_file_that_is_not_what_it_claims_stops_the_check(project, path, content, message):
    project.write(path, content)
    result = project.check_in_process()
    assert result.returncode == 1
    assert f"{path}:{message}" in result.stderr or f"{path}: {message}" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("case", "real"),
    [("script", False), ("external image", False), ("PNG named .jpg", False), ("HTML page", True), ("onload", True)],
)
def test_the_build_stops_before_writing_and_keeps_the_previous_site(project, case, real):
    check, build = project.commands(real=real)
    assert project.build_in_process().returncode == 0
    before = file_tree(project.built())
    path, content, message = BAD_FILES[case]
    project.write(path, content)
    result = build()
    assert result.returncode != 0
    assert path in result.stderr and message.split(": ", 1)[-1] in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert file_tree(project.built()) == before


def test_an_image_that_an_article_and_a_profile_use_is_checked(project):
    project.write("content/images/ban-tin/bia.svg", svg('<rect onclick="alert(1)"/>'))
    project.write(
        "content/images/hop-tac-xa/htx-dong-tam/anh.svg", svg('<image href="https://vi-du.example.org/a.png"/>')
    )
    project.write("content/ban-tin/2018-so-01/index.md", issue(1, "2018-05-01", "Số 1"))
    project.write(
        "content/ban-tin/2018-so-01/bai.md", article("Bài", "2018-05-01", extra="image: images/ban-tin/bia.svg")
    )
    coop = project.path("models_data/cooperatives/htx-dong-tam.yaml")
    coop.write_text(
        coop.read_text(encoding="utf-8") + "images:\n  - path: images/hop-tac-xa/htx-dong-tam/anh.svg\n    alt: Ảnh\n",
        encoding="utf-8",
    )
    result = project.check_in_process()
    assert result.returncode == 1
    assert "content/images/ban-tin/bia.svg:2: ảnh SVG có thuộc tính sự kiện 'onclick'" in result.stderr
    assert "content/images/hop-tac-xa/htx-dong-tam/anh.svg:2: ảnh SVG tham chiếu ra ngoài" in result.stderr


GOOD_SVG = """<?xml version="1.0" encoding="UTF-8"?>
<!-- Biểu đồ số hợp tác xã, xuất từ một phần mềm vẽ -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" viewBox="0 0 200 100" role="img"
     aria-labelledby="tieu-de">
  <title id="tieu-de">Số hợp tác xã, 2018–2024</title>
  <metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata>
  <defs>
    <linearGradient id="mau"><stop offset="0" stop-color="#2e7d32"/><stop offset="1" stop-color="#a5d6a7"/></linearGradient>
    <rect id="cot" width="20" height="60"/>
  </defs>
  <style>.cot { fill: url(#mau); } text { font: 8px sans-serif; }</style>
  <g inkscape:label="Cột">
    <use xlink:href="#cot" x="20" y="30" class="cot"/>
    <use href="#cot" x="60" y="10" class="cot" style="fill: url('#mau')"/>
    <a href="#tieu-de"><text x="20" y="98">2018: 95 xã (data: Sở KH-ĐT)</text></a>
  </g>
</svg>
"""


#: As LibreOffice and matplotlib write an SVG: the W3C's DOCTYPE, never read.
DOCTYPE_SVG = """<?xml version="1.0" encoding="utf-8" standalone="no"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"
  "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="40" height="20"><rect width="40" height="20"/></svg>
"""


def test_clean_images_and_real_photos_are_published_as_they_are(project):
    files = {
        "content/images/bieu-do.svg": GOOD_SVG.encode(),
        "content/images/bieu-do-2.svg": DOCTYPE_SVG.encode(),
        "content/images/anh.png": png_bytes(),
        "content/images/anh.jpg": JPEG,
        "content/images/ANH-2.JPEG": JPEG,
        "content/images/anh.gif": GIF,
        "content/tai-lieu/ke-hoach.pdf": b"%PDF-1.4\n",
        "content/tai-lieu/so-lieu.csv": "năm,số\n2018,95\n".encode(),
    }
    for path, content in files.items():
        project.write(path, content)
    project.write("content/index.md", "# Trang chủ\n\n![Biểu đồ](images/bieu-do.svg)\n")
    check = project.check_in_process()
    assert check.returncode == 0, check.stderr
    build = project.build_in_process()
    assert build.returncode == 0, build.stderr
    for path, content in files.items():
        assert (project.built() / Path(path).relative_to("content")).read_bytes() == content


def test_the_themes_own_files_in_content_are_allowed(project):
    config = project.path("mkdocs.yml")
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  font: false\n", "  font: false\n  custom_dir: content/giao-dien\n"
        )
        + "extra_javascript:\n  - js/thong-ke.js\n",
        encoding="utf-8",
    )
    project.write("content/giao-dien/partials/copyright.html", "<p>Bản quyền</p>\n")
    project.write("content/js/thong-ke.js", "console.log('ktt');\n")
    check = project.check_in_process()
    assert check.returncode == 0, check.stderr
    build = project.build_in_process()
    assert build.returncode == 0, build.stderr
    assert "Bản quyền" in project.output("index.html")

    project.write("content/js/khac.js", "alert(1)\n")
    check = project.check_in_process()
    assert check.returncode == 1
    assert "content/js/khac.js: tệp .js (mã JavaScript)" in check.stderr


def test_the_editor_guide_says_which_files_are_refused(minimal_site):
    guide = minimal_site.output("huong-dan/index.html")
    assert "Ảnh và tệp trong thư mục content/" in guide
    for named in (
        "<code>.html</code>",
        "<code>.js</code>",
        "<code>&lt;script&gt;</code>",
        "<code>onload</code>",
        "Plain SVG",
    ):
        assert named in guide, named
