"""Mistakes the check used to accept without a word, and the editor settings that map every data
file to its schema (kept fresh)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import ROOT

from ktt_site.schema import write_schemas

ISSUE = "content/ban-tin/2018-so-01/index.md"


def _issue(project, folder: str = "2018-so-01", number: int = 1) -> None:
    project.write(
        f"content/ban-tin/{folder}/index.md", f"---\nissue: {number}\ndate: 2018-06-30\ntitle: Số {number}\n---\n"
    )


def _article(project, name: str, categories: str, folder: str = "2018-so-01") -> str:
    rel = f"content/ban-tin/{folder}/{name}.md"
    project.write(rel, f"---\ntitle: Bài {name}\ndate: 2018-06-30\ncategories: [{categories}]\n---\n\nNội dung.\n")
    return rel


def test_an_issue_folder_and_its_number_must_agree(project):
    _issue(project, "2018-so-04", 5)
    result = project.check_in_process()
    assert result.returncode == 1
    assert (
        "content/ban-tin/2018-so-04/index.md:2: issue: số 5 khác số trong tên thư mục '2018-so-04' (4); "
        "hãy sửa một trong hai cho khớp (địa chỉ của số bản tin lấy theo tên thư mục)"
    ) in result.stderr


def test_a_cooperative_cannot_be_founded_under_a_later_law(project):
    project.write(
        "models_data/legal/luat-htx-2023.yaml",
        "number: 17/2023/QH15\ntype: luat\ntitle: Luật Hợp tác xã\nissuer: Quốc hội khóa XV\nissued: 2023-06-20\n",
    )
    project.write(
        "models_data/legal/luat-htx-2012.yaml",
        project.path("models_data/legal/luat-htx-2012.yaml").read_text(encoding="utf-8")
        + "replaced_by: luat-htx-2023\n",
    )
    coop = project.path("models_data/cooperatives/htx-dong-tam.yaml")
    text = coop.read_text(encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.startswith("legal_basis:"))
    coop.write_text(text.replace("legal_basis: luat-htx-2012", "legal_basis: luat-htx-2023"), encoding="utf-8")
    result = project.check_in_process()
    assert result.returncode == 1
    assert (
        f"models_data/cooperatives/htx-dong-tam.yaml:{line}: legal_basis: Luật Hợp tác xã số 17/2023/QH15 ban hành "
        "ngày 20/06/2023, sau khi HTX thành lập (15/03/2018); lúc thành lập còn hiệu lực 'luat-htx-2012': "
        "ghi văn bản HTX thành lập theo, hoặc bỏ trống nếu nguồn không nêu"
    ) in result.stderr
    # With no earlier law in force at the founding, a re-registration cannot be told from a slip.
    law_2012 = project.path("models_data/legal/luat-htx-2012.yaml")
    text_2012 = law_2012.read_text(encoding="utf-8")
    law_2012.write_text(
        text_2012.replace("issued: 2012-11-20", "issued: 2018-06-01").replace(
            "effective: 2013-07-01", "effective: 2018-07-01"
        ),
        encoding="utf-8",
    )
    result = project.check_in_process()
    assert result.returncode == 0, result.stderr


def test_progress_reports_go_in_date_order(tmp_path):
    import shutil

    from conftest import SiteProject

    root = tmp_path / "repo"
    for name in ("content", "models_data"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    project = SiteProject(root)
    path = "models_data/progress/2018/hoi-nong-dan.yaml"
    text = project.path(path).read_text(encoding="utf-8")
    swapped = text.replace("date: 2018-06-30", "date: X").replace("date: 2018-12-31", "date: 2018-06-30")
    project.write(path, swapped.replace("date: X", "date: 2018-12-31"))
    lines = project.path(path).read_text(encoding="utf-8").splitlines()
    first = next(i for i, row in enumerate(lines, 1) if "date: 2018-12-31" in row)
    second = next(i for i, row in enumerate(lines, 1) if "date: 2018-06-30" in row)
    result = project.check_in_process()
    assert result.returncode == 1
    assert (
        f"{path}:{second}: reports[1].date: ngày chốt 30/06/2018 không sau lần báo cáo trước (31/12/2018, "
        f"dòng {first}); các lần báo cáo ghi theo thứ tự ngày, mỗi lần một ngày, số liệu là phần phát sinh từ lần trước"
    ) in result.stderr


def test_a_near_typo_category_warns_with_a_suggestion_and_stops_a_strict_build(project):
    _issue(project)
    _article(project, "01-mot", "Mô hình hay")
    _article(project, "02-hai", "Mô hình hay, Pháp luật")
    typo = _article(project, "03-ba", "Mô hìn hay")
    warning = (
        f"{typo}:4: categories[0]: chuyên mục 'Mô hìn hay' gần giống chuyên mục có sẵn 'Mô hình hay' (2 bài); "
        "có phải ý bạn là 'Mô hình hay'? Nếu đúng là chuyên mục mới, hãy đặt tên khác hẳn để bạn đọc phân biệt được"
    )
    result = project.check_in_process()
    assert result.returncode == 1
    assert "Có 1 cảnh báo; bản dựng để đăng (ktt-site build) sẽ dừng cho tới khi xử lý:" in result.stderr
    assert f"  {warning}" in result.stderr
    assert "Dữ liệu hợp lệ" in result.stdout
    github = project.check_in_process("--format", "github")
    assert "::error file=content/ban-tin/2018-so-01/03-ba.md,line=4," in github.stdout
    build = project.build_in_process()
    assert build.returncode == 1
    assert f"WARNING -  ktt_site: {warning}" in build.stderr
    assert not project.built().exists()  # the staged site was not published

    # A name readers can tell apart is a new category, even with one article.
    _article(project, "03-ba", "Mô hình mới")
    assert project.check_in_process().returncode == 0


def test_vscode_settings_map_every_data_file_to_its_schema():
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapped: dict[Path, str] = {}
    for schema, globs in settings["yaml.schemas"].items():
        assert (ROOT / schema).is_file(), schema
        for pattern in globs:
            for path in ROOT.glob(pattern):
                assert path not in mapped, f"{path} matched twice"
                mapped[path] = Path(schema).name
    data_files = set((ROOT / "models_data").rglob("*.yaml"))
    assert set(mapped) == data_files
    assert mapped[ROOT / "models_data/progress/2018/hoi-nong-dan.yaml"] == "progress.schema.json"
    assert mapped[ROOT / "models_data/localities/2025.yaml"] == "localities.schema.json"


def test_committed_schemas_are_fresh(tmp_path):
    """``schemas/`` is what ``ktt-site schema`` writes today; if this fails, run it and commit."""
    written = write_schemas(tmp_path, ROOT / "models_data")
    committed = sorted(p.name for p in (ROOT / "schemas").glob("*.schema.json"))
    assert sorted(p.name for p in written) == committed
    for path in written:
        assert path.read_text(encoding="utf-8") == (ROOT / "schemas" / path.name).read_text(encoding="utf-8"), (
            f"schemas/{path.name} is stale: run 'ktt-site schema' and commit"
        )


def test_a_new_profile_or_document_leaves_the_schemas_fresh(tmp_path):
    """The committed schemas do not list ids editors add every week."""
    import shutil

    data = tmp_path / "models_data"
    shutil.copytree(ROOT / "models_data", data)
    (data / "cooperatives" / "hop-tac-xa-moi.yaml").write_text("name: HTX mới\n", encoding="utf-8")
    (data / "legal" / "nd-45-2021.yaml").write_text("title: x\n", encoding="utf-8")
    before = {p.name: p.read_text(encoding="utf-8") for p in write_schemas(tmp_path / "a", ROOT / "models_data")}
    after = {p.name: p.read_text(encoding="utf-8") for p in write_schemas(tmp_path / "b", data)}
    assert before == after


def test_a_warning_from_loading_keeps_the_previous_site(project):
    """Warnings said while loading are counted by the strict build that must not publish."""
    assert project.build_in_process().returncode == 0
    before = (project.built() / "index.html").read_bytes()
    project.remove("content/images/chia-se.png")
    project.write("content/index.md", "# Trang chủ mới\n")
    result = project.build_in_process()
    assert result.returncode == 1
    assert "share_image: không tìm thấy ảnh 'content/images/chia-se.png'" in result.stderr
    assert (project.built() / "index.html").read_bytes() == before
