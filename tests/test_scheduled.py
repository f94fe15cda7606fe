"""An article dated after the day of the build waits for a build on or after its date, as Hugo
does: never at the top of the feeds before its day, listed by the check, shown in preview."""

from __future__ import annotations

import datetime as dt

from bulletin_support import article, issue

from ktt_site.markdown_pages import page_markdown
from ktt_site.site import ProjectPaths, load_site

FUTURE = "content/ban-tin/2018-so-01/bai-sau.md"
TODAY = "1795996800"  # 30/11/2026 in Vietnam
TOMORROW = "1796083200"


def _write(project) -> None:
    project.write("content/ban-tin/2018-so-01/index.md", issue(1, "2018-05-01", "Số 1"))
    project.write("content/ban-tin/2018-so-01/bai-nay.md", article("Bài hôm nay", "2026-11-30"))
    project.write(FUTURE, article("Bài ngày mai", "2026-12-01", body="Nội dung hẹn đăng.\n"))


def test_a_future_article_is_not_published_and_the_check_says_when_it_will_be(project, monkeypatch):
    _write(project)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TODAY)
    check = project.check_in_process()
    assert check.returncode == 0, check.stderr
    assert f"Hẹn đăng ngày 01/12/2026: {FUTURE}" in check.stdout
    build = project.build_in_process()
    assert build.returncode == 0, build.stderr
    assert (project.built() / "ban-tin/2018-so-01/bai-nay/index.html").is_file()
    assert not (project.built() / "ban-tin/2018-so-01/bai-sau").exists()
    for path in project.built().rglob("*"):
        if path.suffix in (".html", ".xml", ".json"):
            text = path.read_text(encoding="utf-8")
            assert "Bài ngày mai" not in text and "bai-sau" not in text, path

    # On its day the next build publishes it.
    build = project.build_in_process(env={"SOURCE_DATE_EPOCH": TOMORROW})
    assert build.returncode == 0, build.stderr
    assert "Nội dung hẹn đăng." in project.output("ban-tin/2018-so-01/bai-sau/index.html")
    assert "Bài ngày mai" in project.output("feed.xml")


def test_the_preview_shows_a_future_article_with_its_date(project, monkeypatch):
    _write(project)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TODAY)
    paths = ProjectPaths(project.root, project.path("models_data"), project.path("content"))
    site = load_site(paths, as_of=dt.date(2018, 12, 31))
    assert [a.src_uri for i in site.bulletin for a in i.scheduled] == ["ban-tin/2018-so-01/bai-sau.md"]
    shown = page_markdown(site, "ban-tin/2018-so-01/bai-sau.md", "Nội dung hẹn đăng.\n")
    assert "Hẹn đăng ngày 01/12/2026" in shown
