"""``ktt-site new <kind>`` for every kind, as an editor uses it: the skeleton, filled in the way
an editor would, passes ``ktt-site check``, its JSON Schema and the strict build; the command
line answers in Vietnamese, argparse's own errors included; ``serve`` and ``build`` need no make."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from conftest import ROOT, SiteProject
from schema_support import as_editor_sees

from ktt_site.sources import split_front_matter

TODAY = "1764460800"  # 2025-11-30, the build date of these tests (SOURCE_DATE_EPOCH)


def schema_errors(path: Path) -> list[str]:
    """Errors of a data file (or a page's front matter) against the schema its first line names."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        text = split_front_matter(text)[0] or ""
    first = text.splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match, f"{path}: no schema line: {first!r}"
    schema_file = (path.parent / match[1]).resolve()
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    data = as_editor_sees(yaml.safe_load(text))
    return sorted(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data))


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SiteProject:
    """A copy of this repository's site (data, pages, committed schemas), built as of today."""
    root = tmp_path / "repo"
    for name in ("content", "models_data", "schemas"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TODAY)
    return SiteProject(root)


def _new(repo: SiteProject, *argv: str) -> Path:
    result = repo.ktt_site_in_process("new", *argv)
    assert result.returncode == 0, result.stderr
    made = re.search(r"^Đã tạo (\S+)", result.stdout, re.M)
    assert made, result.stdout
    assert "Tiếp theo:" in result.stdout
    return repo.path(made[1])


def _fill(path: Path, *replacements: tuple[str, str]) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, (old, text)
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def _problems(result: Any) -> list[str]:
    return [line.strip() for line in result.stderr.splitlines() if line.startswith("  ")]


def test_every_kind_scaffolds_a_file_that_passes_check_schema_and_build_once_filled(repo):
    issue = _new(repo, "issue", "4", "--year", "2025", "--title", "Hợp tác xã và chuyển đổi số")
    assert issue == repo.path("content/ban-tin/2025-so-04/index.md")
    article = _new(repo, "article", "Bán rau qua mạng", "--issue", "2025-so-04")
    assert article == repo.path("content/ban-tin/2025-so-04/01-ban-rau-qua-mang.md")
    repo.remove("models_data/progress/2018/hoi-nong-dan.yaml")  # shipped; `new` never overwrites
    progress = _new(repo, "progress", "hoi-nong-dan", "--year", "2018")
    legal = _new(repo, "legal", "nd-45-2021")
    coop = _new(repo, "cooperative", "Hợp tác xã Rau sạch Bình Minh", "--commune", "phuong-binh-minh")
    files = [issue, article, progress, legal, coop]

    # As written, each file already satisfies its schema: the editor's YAML tool shows no red.
    for path in files:
        assert schema_errors(path) == [], path
    # ... and the check names every field still to fill, on its line.
    unfilled = _problems(repo.check_in_process())
    assert any("hop-tac-xa-rau-sach-binh-minh.yaml" in p and "founded: chưa điền ngày thành lập" in p for p in unfilled)
    _fill(coop, ("founded:  #", "founded: 2025-03  #"))
    problems = _problems(repo.check_in_process())
    placeholder = "chưa điền: hãy thay chỗ ghi 'ĐIỀN ...' (do ktt-site new tạo) bằng nội dung thật"
    rel = lambda p: p.relative_to(repo.root).as_posix()  # noqa: E731
    assert f"{rel(legal)}:8: title: {placeholder}" in problems
    assert f"{rel(legal)}:9: issuer: {placeholder}" in problems
    assert f"{rel(article)}:6: authors[0]: {placeholder}" in problems
    assert f"{rel(article)}:8: categories[0]: {placeholder}" in problems
    assert f"{rel(issue)}:6: summary: {placeholder}" in problems
    assert any(p.startswith(f"{rel(progress)}:6: reports[0]: lần báo cáo chưa có số liệu nào") for p in problems)

    _fill(
        issue,
        ("summary: ĐIỀN một câu giới thiệu số bản tin.", "summary: Các hợp tác xã bán hàng qua mạng."),
        ("ĐIỀN lời giới thiệu của số bản tin (Markdown).", "Số này kể chuyện bán hàng qua mạng."),
    )
    _fill(
        article,
        ("[ĐIỀN tên tác giả]", "[Ban biên tập]"),
        ("[ĐIỀN tên chuyên mục]", "[Mô hình hay]"),
        ("summary: ĐIỀN một hai câu", "summary: Một hợp tác xã bán rau qua mạng; một hai câu"),
        ("ĐIỀN nội dung bài, viết bằng Markdown.", "Hợp tác xã nhận đơn qua Zalo."),
        ("draft: true ", "draft: false "),
    )
    _fill(progress, ("training_classes:  #", "training_classes: 2  #"))
    _fill(
        legal,
        ("number: null", "number: 45/2021/NĐ-CP"),
        ("title: ĐIỀN trích yếu", "title: về thành lập, tổ chức và hoạt động của Quỹ bảo lãnh tín dụng"),
        ("issuer: ĐIỀN cơ quan ban hành", "issuer: Chính phủ"),
        ("issued: 2021 ", "issued: 2021-03-31 "),
    )
    result = repo.check_in_process()
    assert result.returncode == 0, result.stderr
    for path in files:
        assert schema_errors(path) == [], path
    built = repo.build_in_process(env={"SOURCE_DATE_EPOCH": TODAY})
    assert built.returncode == 0, built.stderr
    assert (repo.built() / "ban-tin/2025-so-04/01-ban-rau-qua-mang/index.html").is_file()
    assert (repo.built() / "van-ban/nd-45-2021/index.html").is_file()
    assert (repo.built() / "hop-tac-xa/hop-tac-xa-rau-sach-binh-minh/index.html").is_file()


def test_article_skeleton_is_a_draft_dated_today_listing_the_categories_in_use(repo):
    article = _new(repo, "article", "Tập huấn kế toán HTX")  # the newest issue by default
    assert article.parent.name == "2024-so-03"
    assert article.name.startswith("04-")  # after the issue's three articles
    front = yaml.safe_load(split_front_matter(article.read_text(encoding="utf-8"))[0] or "")
    assert front["date"] == dt.date(2025, 11, 30)
    assert front["draft"] is True
    text = article.read_text(encoding="utf-8")
    assert (
        "# Chuyên mục đang có: Chủ trương, Chuỗi giá trị, Kế hoạch phối hợp, Mô hình hay, Pháp luật, Tập huấn." in text
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ("legal", "luat-htx-2023"),
            "Không tạo được tệp: tệp models_data/legal/luat-htx-2023.yaml đã có; không ghi đè.",
        ),
        (("issue", "3"), "Không tạo được tệp: số 3 đã có: content/ban-tin/2024-so-03/; không ghi đè."),
        (
            ("progress", "hoi-nong-da"),
            "Không tạo được tệp: không có tổ chức mang mã 'hoi-nong-da' trong models_data/organizations.yaml; "
            "có phải ý bạn là: hoi-nong-dan?",
        ),
        (
            ("progress", "hoi-nong-dan", "--year", "2019"),
            "Không tạo được tệp: không có kế hoạch năm 2019 (models_data/plans/2019.yaml); các năm có kế hoạch: 2018",
        ),
        (
            ("progress", "hoi-nong-dan"),
            "Không tạo được tệp: tệp models_data/progress/2018/hoi-nong-dan.yaml đã có; không ghi đè.",
        ),
        (
            ("article", "Bài mới", "--issue", "2025-so-09"),
            "Không tạo được tệp: không có thư mục số bản tin '2025-so-09'; các số đang có: 2018-so-01, 2018-so-02, 2024-so-03",
        ),
        (("legal", "Luật HTX 2023"), "Không tạo được tệp: mã 'Luật HTX 2023' không hợp lệ"),
    ],
)
def test_new_refuses_in_vietnamese_and_never_overwrites(repo, argv, message):
    before = {p: p.read_bytes() for p in repo.root.rglob("*") if p.is_file()}
    result = repo.ktt_site_in_process("new", *argv)
    assert result.returncode == 1
    assert message in result.stderr
    assert {p: p.read_bytes() for p in repo.root.rglob("*") if p.is_file()} == before


@pytest.mark.parametrize(
    ("argv", "error"),
    [
        ((), "ktt-site: lỗi: thiếu tham số bắt buộc: LỆNH"),
        (("new",), "ktt-site new: lỗi: thiếu tham số bắt buộc: LOẠI"),
        (
            ("new", "bai-viet"),
            "ktt-site new: lỗi: tham số LOẠI: không có lựa chọn 'bai-viet'; chỉ chấp nhận: "
            "'cooperative', 'article', 'issue', 'progress', 'legal'",
        ),
        (("new", "cooperative", "HTX A"), "ktt-site new cooperative: lỗi: thiếu tham số bắt buộc: --commune"),
        (
            ("new", "issue", "bốn"),
            "ktt-site new issue: lỗi: tham số SỐ: giá trị 'bốn' không hợp lệ (cần một số nguyên)",
        ),
        (("check", "--fomat", "github"), "ktt-site: lỗi: không hiểu tham số: --fomat github"),
        (("new", "article", "Bài", "--issue"), "ktt-site new article: lỗi: tham số --issue: cần một giá trị ngay sau"),
    ],
)
def test_argument_errors_are_vietnamese(project, argv, error):
    result = project.ktt_site_in_process(*argv)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert lines[0].startswith("Cách dùng: ktt-site")
    assert error in lines
    assert not re.search(r"\b(usage|error|required|invalid|arguments?)\b", result.stderr), result.stderr


def test_help_is_vietnamese_and_lists_every_command(project):
    result = project.ktt_site_in_process("--help")
    assert result.returncode == 0
    assert result.stdout.startswith("Cách dùng: ktt-site")
    for word in ("tùy chọn:", "hiện hướng dẫn này rồi thoát", "check", "new", "serve", "build", "schema"):
        assert word in result.stdout
    sub = project.ktt_site_in_process("new", "progress", "--help")
    assert "tham số:" in sub.stdout and "MÃ_TỔ_CHỨC" in sub.stdout
    assert not re.search(r"\b(usage|options|positional|show this help)\b", result.stdout + sub.stdout)


def test_build_and_serve_run_mkdocs_as_make_does(project, monkeypatch):
    from ktt_site import cli

    calls: list[list[str]] = []
    monkeypatch.setattr(cli, "run_mkdocs", lambda argv: calls.append(argv) or 0)
    assert project.ktt_site_in_process("build").returncode == 0
    assert project.ktt_site_in_process("serve").returncode == 0
    assert project.ktt_site_in_process("--config", "khac.yml", "serve", "--dev-addr", "0.0.0.0:8001").returncode == 0
    assert calls == [
        ["build", "-f", "mkdocs.yml", "--strict"],
        ["serve", "-f", "mkdocs.yml", "--dirty", "--no-strict", "--dev-addr", "127.0.0.1:8000"],
        ["serve", "-f", "khac.yml", "--dirty", "--no-strict", "--dev-addr", "0.0.0.0:8001"],
    ]


def test_build_command_builds_strictly_in_process(project):
    result = project.ktt_site_in_process("build")
    assert result.returncode == 0, result.stderr
    assert (project.built() / "index.html").is_file()
    assert "Đã dựng xong trang vào thư mục site/." in result.stderr
    # A broken link is a warning that a strict build refuses.
    project.write("content/gioi-thieu.md", "# Giới thiệu\n\n[mất](khong-co.md)\n")
    failed = project.ktt_site_in_process("build")
    assert failed.returncode == 1
    assert "Chưa dựng được trang" in failed.stderr
