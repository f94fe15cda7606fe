"""The guide's page on writing (shortcodes, links, categories, drafts) and its commands page for
editors without make, read as an editor would on the built site."""

from __future__ import annotations

from cooperatives_support import parse, text

from ktt_site.markdown_pages import SHORTCODES


def _article_text(path) -> str:
    return text(parse(path).find(".//article"))


def test_every_shortcode_has_a_row_with_an_example_and_the_small_ones_show_live(shipped_site):
    page = parse(shipped_site / "huong-dan/viet-bai/index.html")
    rows = {}
    for row in page.iter("tr"):
        cells = [text(cell) for cell in row.iter("td")]
        if cells and cells[0].startswith("{{ "):
            rows[cells[0].split("(")[0].removeprefix("{{ ")] = " ".join(cells)
    assert set(rows) == set(SHORTCODES)
    for name, code in SHORTCODES.items():
        assert code.usage in rows[name]
    assert '{{ van_ban("luat-htx-2012") }}' in rows["van_ban"]
    assert '{{ tien_do("2018", "tht-moi") }}' in rows["tien_do"]
    body = _article_text(shipped_site / "huong-dan/viet-bai/index.html")
    # The live examples, expanded by the build: a document's full citation, a target's bar.
    assert "Luật Hợp tác xã số 23/2012/QH13 ngày 20/11/2012" in body
    assert "Thành lập mới 10 tổ hợp tác" in body


def test_the_categories_in_use_are_listed_with_their_pages(shipped_site):
    page = parse(shipped_site / "huong-dan/viet-bai/index.html")
    rows = [[text(cell) for cell in row.iter("td")] for row in page.iter("tr")]
    assert ["Pháp luật", "3"] in rows
    assert ["Mô hình hay", "1"] in rows
    links = {a.get("href") for a in page.find(".//article").iter("a")}
    assert "../../ban-tin/chuyen-muc/phap-luat/" in links


def test_the_link_forms_the_guide_gives_build_strictly_and_reach_their_pages(project):
    project.write("content/ban-tin/2018-so-01/index.md", "---\nissue: 1\ndate: 2018-06-30\ntitle: Số 1\n---\n")
    project.write(
        "content/ban-tin/2018-so-01/01-mot.md",
        "---\ntitle: Bài một\ndate: 2018-06-30\n---\n\n"
        "Xem [HTX Đồng Tâm](../../hop-tac-xa/htx-dong-tam.md), [Luật](../../van-ban/luat-htx-2012.md), "
        "[trang chủ](../../index.md) và [bài hai](02-hai.md).\n",
    )
    project.write("content/ban-tin/2018-so-01/02-hai.md", "---\ntitle: Bài hai\ndate: 2018-06-30\n---\n\nNội dung.\n")
    project.write("content/gioi-thieu.md", "# Giới thiệu\n\n[HTX Đồng Tâm](hop-tac-xa/htx-dong-tam.md)\n")
    result = project.build_in_process()
    assert result.returncode == 0, result.stderr
    article = parse(project.built() / "ban-tin/2018-so-01/01-mot/index.html").find(".//article")
    hrefs = [a.get("href") for a in article.iter("a")]
    for href in ("../../../hop-tac-xa/htx-dong-tam/", "../../../van-ban/luat-htx-2012/", "../../..", "../02-hai/"):
        assert any(h == href or h == href + "/" for h in hrefs), (href, hrefs)
    about = parse(project.built() / "gioi-thieu/index.html").find(".//article")
    assert "../hop-tac-xa/htx-dong-tam/" in [a.get("href") for a in about.iter("a")]


def test_a_minimal_site_without_plans_or_bulletin_still_has_the_writing_page(minimal_site):
    body = _article_text(minimal_site.built() / "huong-dan/viet-bai/index.html")
    assert "Chưa có chuyên mục nào" in body
    assert "Xem trước bài nháp" in body


def test_commands_page_says_how_to_install_and_run_on_windows_without_make(minimal_site):
    body = _article_text(minimal_site.built() / "huong-dan/lenh-va-loi/index.html")
    for line in (
        "py -m venv .venv",
        ".venv\\Scripts\\pip install -e .",
        ".venv\\Scripts\\ktt-site check",
        ".venv\\Scripts\\ktt-site serve",
        ".venv\\Scripts\\Activate.ps1",
    ):
        assert line in body
    for command in ("new cooperative", "new article", "new issue", "new progress", "new legal", "serve", "build"):
        assert f"ktt-site {command}" in body
    assert "--commune" in body and "--issue" in body and "--dev-addr" in body
