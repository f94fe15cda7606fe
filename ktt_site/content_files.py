"""Files under ``content/`` are what their names claim, and none of them runs in a reader's browser.

MkDocs copies every file of ``content/`` that is not a page to the site as it is, and web servers
label a file by its extension. So, before anything is written:

- an ``.html``, ``.js``, ``.xml`` (and the like) file is refused unless ``mkdocs.yml`` names it as
  the theme's: published verbatim, it would be a page or a script of the site's own origin;
- an SVG is a document that runs script when opened on its own: it is parsed (lxml, entities
  never resolved, no DTD read, no network) and refused if it holds script, event
  handlers, ``<foreignObject>``, HTML, or a reference to anything but a part of itself (the
  W3C's SVG DOCTYPE is the only one allowed, and no ENTITY);
- any other image must start with the bytes of the format its extension names.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import imagesize
from lxml import etree

from ktt_site.errors import ProblemLog

#: Published verbatim and read by browsers as a document or a script: the extension and what it is.
ACTIVE_FILES = {
    ".html": "trang HTML",
    ".htm": "trang HTML",
    ".xhtml": "trang HTML",
    ".xht": "trang HTML",
    ".shtml": "trang HTML",
    ".js": "mã JavaScript",
    ".mjs": "mã JavaScript",
    ".cjs": "mã JavaScript",
    ".xml": "tài liệu XML",
    ".xsl": "tài liệu XSLT",
    ".xslt": "tài liệu XSLT",
    ".svgz": "ảnh SVG nén (không kiểm tra được)",
}

#: The formats an image extension may hold, with the extension each format should have.
_FORMATS = {
    "png": ("PNG", ".png"),
    "jpeg": ("JPEG", ".jpg"),
    "gif": ("GIF", ".gif"),
    "webp": ("WebP", ".webp"),
    "avif": ("AVIF", ".avif"),
    "ico": ("ICO", ".ico"),
    "svg": ("SVG", ".svg"),
}
IMAGE_EXTENSIONS = {
    ".png": "png",
    ".jpg": "jpeg",
    ".jpeg": "jpeg",
    ".gif": "gif",
    ".webp": "webp",
    ".avif": "avif",
    ".ico": "ico",
}
#: Formats whose size imagesize reads (1.4 and 2.x alike): a header it cannot read is a broken file.
_SIZED = {"png", "jpeg", "gif", "webp"}
_HEAD_BYTES = 64

SVG_NS = "http://www.w3.org/2000/svg"
XHTML_NS = "http://www.w3.org/1999/xhtml"
XML_NS = "http://www.w3.org/XML/1998/namespace"
#: Elements that run script or embed another document, in any namespace (``handler`` and
#: ``listener``: SVG Tiny 1.2 and XML Events).
_ACTIVE_ELEMENTS = {"script", "foreignobject", "iframe", "frame", "embed", "object", "handler", "listener"}
#: Animation attributes whose values are set on another attribute (``<set to="javascript:…">``).
_ANIMATION_VALUES = {"to", "from", "by", "values"}
_RISKY_SCHEMES = re.compile(r"(javascript|vbscript|livescript|data):")
_CSS_URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.DOTALL)
_CSS_LOADS = ("@import", "image-set(", "image(", "src(", "expression(", "-moz-binding", "behavior:")
_DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
#: The one DOCTYPE allowed: the W3C's SVG DTD, named but never read, with no entity of its own, as
#: LibreOffice, matplotlib and older Inkscape write it.
_SVG_DOCTYPE = re.compile(
    rb'<!DOCTYPE\s+svg\s+PUBLIC\s+"-//W3C//DTD SVG [^"\[>]*"\s+"https?://www\.w3\.org/Graphics/SVG/[^"\[>]*"\s*>'
)
_DOCTYPE_MESSAGE = (
    "ảnh SVG có khai báo ENTITY, hay DOCTYPE khác DOCTYPE chuẩn của SVG: ảnh không cần phần này, và nó "
    "có thể dùng để đọc tệp trên máy hoặc làm treo chương trình"
)
_MAX_PROBLEMS_PER_FILE = 10
_SVG_HINT = "hãy xuất lại ảnh thành SVG thuần (không script, không liên kết ra ngoài) hoặc PNG"


def check_content_files(docs_dir: Path, log: ProblemLog, theme_files: Iterable[str] = ()) -> None:
    """Log every file under ``docs_dir`` that is not what it claims or would run in a browser.

    ``theme_files`` are paths relative to ``docs_dir`` that mkdocs.yml names as the theme's
    (a folder ends with ``/``): developers' files, reviewed as code, not editors'."""
    theme = tuple(theme_files)
    for path in _published_files(docs_dir):
        rel = path.relative_to(docs_dir).as_posix()
        suffix = path.suffix.lower()
        if suffix in ACTIVE_FILES and not _is_theme_file(rel, theme):
            log.add(path, None, "", _active_file_message(suffix))
        elif suffix == ".svg":
            for line, message in _first(svg_problems(path)):
                log.add(path, line, "", f"{message}; {_SVG_HINT}")
        elif suffix in IMAGE_EXTENSIONS and (problem := image_problem(path)):
            log.add(path, None, "", problem)


def theme_files(docs_dir: Path, custom_dir: str | None, named: Iterable[str]) -> tuple[str, ...]:
    """The paths, relative to ``docs_dir``, of the theme's files that mkdocs.yml places in it: its
    ``custom_dir`` (when inside) and the ``extra_javascript`` and ``extra_templates`` it names."""
    found = [name.lstrip("/") for name in named if name and "://" not in name]
    if custom_dir:
        folder = Path(custom_dir).resolve()
        if folder.is_relative_to(docs_dir.resolve()):
            found.append(folder.relative_to(docs_dir.resolve()).as_posix() + "/")
    return tuple(found)


def _published_files(docs_dir: Path) -> Iterator[Path]:
    """Every file MkDocs would publish: it leaves out names starting with a dot."""
    for directory, folders, files in os.walk(docs_dir):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(directory, name)


def _is_theme_file(rel: str, theme: tuple[str, ...]) -> bool:
    return any(rel == entry or (entry.endswith("/") and rel.startswith(entry)) for entry in theme)


def _active_file_message(suffix: str) -> str:
    return (
        f"tệp {suffix} ({ACTIVE_FILES[suffix]}) không được đặt trong content/: trang đăng nguyên văn mọi tệp "
        "ở đây, nên nó có thể chạy mã trên máy người đọc. Hãy viết trang bằng Markdown (.md) và dùng ảnh "
        ".png, .jpg, .svg; tệp của giao diện đặt trong thư mục giao diện (custom_dir) hoặc khai báo trong mkdocs.yml"
    )


def _first(problems: Iterable[tuple[int | None, str]]) -> list[tuple[int | None, str]]:
    """Each distinct problem once, at most a few per file (a hostile file can hold thousands)."""
    seen: dict[str, int | None] = {}
    for line, message in problems:
        seen.setdefault(message, line)
        if len(seen) >= _MAX_PROBLEMS_PER_FILE:
            break
    return [(line, message) for message, line in seen.items()]


# Raster images -----------------------------------------------------------------------------------


def sniff(head: bytes) -> str | None:
    """The image format ``head`` (a file's first bytes) starts with, or None."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[4:8] == b"ftyp" and (head[8:12] in (b"avif", b"avis") or b"avif" in head[16:_HEAD_BYTES]):
        return "avif"
    if head[:4] == b"\x00\x00\x01\x00":
        return "ico"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"<svg") or (text.startswith(b"<?xml") and b"<svg" in text):
        return "svg"
    return None


def image_problem(path: Path) -> str | None:
    """Why a raster image is not what its extension says, or None."""
    expected = IMAGE_EXTENSIONS[path.suffix.lower()]
    try:
        with path.open("rb") as file:
            head = file.read(_HEAD_BYTES)
    except OSError as exc:
        return f"không mở được tệp ({exc.strerror})"
    found = sniff(head)
    if found is None:
        return f"tệp có đuôi {path.suffix} nhưng không phải ảnh ({_describe(head)}); chỉ đặt ở đây ảnh thật, đúng đuôi"
    if found != expected:
        name, extension = _FORMATS[found]
        return f"tệp có đuôi {path.suffix} nhưng là ảnh {name}; hãy đổi đuôi thành {extension}"
    if found in _SIZED:
        try:
            width, height = imagesize.get(str(path))
        except Exception:  # imagesize 1.4 raises on some broken headers; 2.x returns -1
            width = height = -1
        if width <= 0 or height <= 0:
            return f"ảnh {_FORMATS[found][0]} bị hỏng hoặc không trọn vẹn (không đọc được kích thước); hãy xuất lại ảnh"
    return None


def _describe(head: bytes) -> str:
    if not head:
        return "tệp rỗng"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<!doctype html", b"<html", b"<script", b"<head", b"<body")) or b"<script" in text:
        return "nội dung là trang HTML"
    if text.startswith(b"<"):
        return "nội dung là văn bản HTML hoặc XML"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return "không rõ định dạng"
    return "nội dung là văn bản"


# SVG ---------------------------------------------------------------------------------------------


def svg_problems(path: Path) -> Iterator[tuple[int | None, str]]:
    """Why an SVG file could run script or load anything from outside itself, with the line."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield None, f"không mở được tệp ({exc.strerror})"
        return
    line = _refused_declaration(data)
    if line is not None:
        yield line, _DOCTYPE_MESSAGE
        return
    # Entities are never resolved, no DTD is loaded and nothing is fetched: the file is only read.
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, remove_comments=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        yield exc.position[0] if exc.position else None, "không đọc được ảnh SVG: tệp không đúng cú pháp XML"
        return
    # A declaration in an encoding the byte scan cannot read (UTF-16, say), written out in UTF-8.
    if root.getroottree().docinfo.doctype and _refused_declaration(etree.tostring(root.getroottree())) is not None:
        yield 1, _DOCTYPE_MESSAGE
        return
    if _local(root.tag) != "svg":
        yield root.sourceline, f"không phải ảnh SVG (thẻ gốc là <{_local(root.tag)}>)"
        return
    for node in (*root.itersiblings(preceding=True), *root.iter()):
        if isinstance(node, etree._ProcessingInstruction):
            if node.target.lower() == "xml-stylesheet":
                yield node.sourceline, "ảnh SVG có chỉ thị <?xml-stylesheet?>, tải tệp từ bên ngoài"
        elif isinstance(node, etree._Entity):
            yield node.sourceline, "ảnh SVG dùng thực thể (entity) &...;, có thể dùng để đọc tệp trên máy"
        elif isinstance(node.tag, str):
            yield from _element_problems(node)


def _refused_declaration(data: bytes) -> int | None:
    """The line of the first DOCTYPE or ENTITY in ``data`` that is not the W3C's SVG DOCTYPE."""
    for declaration in _DECLARATION.finditer(data):
        if not _SVG_DOCTYPE.match(data, declaration.start()):
            return data[: declaration.start()].count(b"\n") + 1
    return None


def _element_problems(element: etree._Element) -> Iterator[tuple[int | None, str]]:
    line = element.sourceline
    name = _local(element.tag)
    if name.lower() == "script":
        yield line, "ảnh SVG có mã chạy (thẻ <script>)"
    elif name.lower() == "foreignobject":
        yield line, "ảnh SVG có thẻ <foreignObject>, nhúng trang HTML vào ảnh"
    elif name.lower() in _ACTIVE_ELEMENTS:
        yield line, f"ảnh SVG có thẻ <{name}>, nhúng mã hoặc trang khác vào ảnh"
    elif _namespace(element.tag) == XHTML_NS:
        yield line, f"ảnh SVG có thẻ HTML <{name}>"
    for attribute, value in element.attrib.items():
        attribute_name = _local(attribute)
        lowered = attribute_name.lower()
        if lowered.startswith("on"):
            yield line, f"ảnh SVG có thuộc tính sự kiện '{attribute_name}', chạy mã khi ảnh được mở hay bấm vào"
        elif lowered in ("href", "src"):
            yield from _reference_problems(line, value)
        elif _namespace(attribute) == XML_NS and lowered == "base":
            yield line, "ảnh SVG có xml:base, làm các liên kết trong ảnh trỏ ra ngoài"
        elif lowered == "attributename" and _is_link_or_handler(value):
            yield line, f"ảnh SVG có hoạt ảnh đổi thuộc tính '{value.strip()}' (liên kết hoặc sự kiện)"
        elif lowered in _ANIMATION_VALUES and _RISKY_SCHEMES.search(_compact(value)):
            yield line, f"ảnh SVG có địa chỉ '{_scheme(value)}:' trong hoạt ảnh"
        elif lowered == "style" or "url(" in _compact(value) or "\\" in value:
            yield from _css_problems(line, value)
    if name.lower() == "style":
        yield from _css_problems(line, "".join(element.itertext()))


def _reference_problems(line: int | None, value: str) -> Iterator[tuple[int | None, str]]:
    target = _compact(value)
    if not target or target.startswith("#"):
        return
    if _RISKY_SCHEMES.match(target):
        yield line, f"ảnh SVG có địa chỉ '{_scheme(value)}:'"
    else:
        yield line, f"ảnh SVG tham chiếu ra ngoài ('{_shorten(value)}'); chỉ được trỏ tới phần trong chính ảnh (#...)"


def _css_problems(line: int | None, css: str) -> Iterator[tuple[int | None, str]]:
    text = _compact(_css_unescape(re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)))
    for _, target in _CSS_URL.findall(text):
        if not target.startswith("#"):
            yield line, f"ảnh SVG có CSS url({_shorten(target)}) tải tệp từ bên ngoài"
    for construct in _CSS_LOADS:
        if construct in text:
            yield line, f"ảnh SVG có CSS {construct.rstrip('(:')} (tải tệp ngoài hoặc chạy mã)"
    match = _RISKY_SCHEMES.search(text)
    if match:
        yield line, f"ảnh SVG có địa chỉ '{match.group(1)}:' trong CSS"


def _css_unescape(css: str) -> str:
    """CSS escapes (``\\75 rl(``, ``\\@import``) read as the characters they stand for."""

    def one(match: re.Match[str]) -> str:
        code = match.group(1)
        if code:
            number = int(code, 16)
            return chr(number) if 0 < number <= 0x10FFFF else "\ufffd"
        return match.group(2)

    return re.sub(r"\\(?:([0-9a-fA-F]{1,6})[ \t\r\n\f]?|(.))", one, css, flags=re.DOTALL)


def _is_link_or_handler(value: str) -> bool:
    name = _compact(value).split(":")[-1]
    return name in ("href", "src", "style") or name.startswith("on")


def _compact(value: str) -> str:
    """A value as a browser reads a URL in it: lower case, without spaces and control characters."""
    return re.sub(r"[\x00-\x20\x7f]+", "", value).lower()


def _scheme(value: str) -> str:
    match = _RISKY_SCHEMES.search(_compact(value))
    return match.group(1) if match else ""


def _shorten(value: str, limit: int = 60) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _local(tag: str) -> str:
    return etree.QName(tag).localname if tag.startswith("{") else tag


def _namespace(tag: str) -> str | None:
    return etree.QName(tag).namespace if tag.startswith("{") else None
