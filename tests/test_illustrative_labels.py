"""Illustrative data is labelled wherever a reader meets it: next to each figure that uses an
example record, in the downloads, and in the feeds, whose subscribers may never see the page."""

from __future__ import annotations

import csv
import io
import json

import feedparser
import pytest
from bulletin_support import article, issue
from conftest import new_project
from lxml import html as lxml_html
from plans_fixture import write_plan_site

ILLUSTRATIVE_REPORT = "illustrative: true\nreports:\n  - date: 2018-09-30\n    training_classes: 2\n"
REAL_REPORT = "reports:\n  - date: 2018-03-31\n    training_classes: 1\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The plan fixture with one organisation's report illustrative, the other real; every
    fixture profile is illustrative. One real issue and one illustrative one in the bulletin."""
    project = new_project(tmp_path_factory.mktemp("labels"))
    write_plan_site(project, as_of="2018-12-31", complete=False)
    project.write("models_data/progress/2018/hoi-nong-dan.yaml", ILLUSTRATIVE_REPORT)
    project.write("models_data/progress/2018/lien-minh-htx.yaml", REAL_REPORT)
    project.write("content/ban-tin/2018-so-01/index.md", issue(1, "2018-05-02", "Số một", "illustrative: true\n"))
    project.write("content/ban-tin/2018-so-01/tin.md", article("Vùng rau mới", "2018-05-02", body="Mở đầu.\n"))
    project.write("content/ban-tin/2018-so-02/index.md", issue(2, "2018-06-02", "Số hai"))
    project.write("content/ban-tin/2018-so-02/that.md", article("Tin thật", "2018-06-02", body="Mở đầu thật.\n"))
    result = project.build_in_process()
    assert result.returncode == 0, result.stderr
    return project


def _tree(project, rel: str):
    return lxml_html.fromstring(project.output(rel))


def _text(element) -> str:
    return " ".join(element.text_content().split())


def test_every_progress_bar_and_table_row_that_uses_example_data_says_so(built):
    targets = {t["id"]: t for t in json.loads(built.output("tien-do/2018/tien-do.json"))}
    assert all(t["illustrative"] for t in targets.values())  # every count uses an example record
    for rel in ("tien-do/2018/index.html", "tien-do/2018/tht-moi/index.html", "index.html"):
        bars = _tree(built, rel).xpath("//div[contains(@class, 'ktt-progress')]")
        for bar in bars:
            assert "minh họa" in _text(bar), (rel, _text(bar))
    overview = _tree(built, "tien-do/2018/index.html")
    for row in overview.xpath("//table//tbody/tr"):
        assert "minh họa" in _text(row), _text(row)
    plan = _tree(built, "ke-hoach/2018/index.html")
    items = plan.xpath("//article//li[a[contains(@href, 'tien-do/2018/')]]")
    assert items and all("minh họa" in _text(item) for item in items)
    chart = _tree(built, "tien-do/2018/tht-moi/index.html").xpath("//figure[contains(@class, 'ktt-figure')]")
    assert chart and "minh họa" in _text(chart[0].find("figcaption"))


def test_the_csv_download_carries_an_illustrative_column(built):
    rows = list(csv.DictReader(io.StringIO(built.output("tien-do/2018/tien-do.csv").lstrip("\ufeff"))))
    assert rows and {row["illustrative"] for row in rows} == {"true"}
    profiles = list(
        csv.DictReader(io.StringIO(built.path("site/du-lieu/hop-tac-xa.csv").read_text(encoding="utf-8-sig")))
    )
    assert {row["id"]: row["illustrative"] for row in profiles}["tht-a"] == "true"


def test_directory_counts_say_how_many_are_examples(built):
    directory = _text(_tree(built, "hop-tac-xa/index.html"))
    assert "hồ sơ là dữ liệu minh họa" in directory


@pytest.mark.parametrize("feed", ["feed.xml", "atom.xml"])
def test_feed_items_of_an_illustrative_issue_say_so_in_the_title_and_first_line(built, feed):
    parsed = feedparser.parse(built.output(feed))
    entries = {entry.link.rstrip("/").rsplit("/", 1)[-1]: entry for entry in parsed.entries}
    example, real = entries["tin"], entries["that"]
    assert example.title.endswith("(minh họa)")
    assert example.summary.startswith("Bài thuộc một số bản tin minh họa")
    assert "minh họa" not in real.title and "minh họa" not in real.summary
    as_json = json.loads(built.output("feed.json"))
    item = next(i for i in as_json["items"] if i["url"].rstrip("/").endswith("/tin"))
    assert item["title"].endswith("(minh họa)") and item["summary"].startswith("Bài thuộc một số bản tin minh họa")


def test_an_invented_date_is_marked_as_invented(built):
    header = _text(_tree(built, "ban-tin/2018-so-01/tin/index.html").xpath("//div[contains(@class,'ktt-article-meta')]")[0])
    assert "02/05/2018 (ngày minh họa)" in header
