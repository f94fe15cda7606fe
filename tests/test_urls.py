"""Relative links between the site's pages: the fast path agrees with the standard library."""

from __future__ import annotations

import itertools
import posixpath

from ktt_site.urls import relative_path, relative_url

PATHS = [
    ".",
    "index",
    "hop-tac-xa",
    "hop-tac-xa/",
    "hop-tac-xa/htx-a",
    "hop-tac-xa/htx-a/",
    "hop-tac-xa/theo-linh-vuc/trong-trot",
    "hop-tac-xa-moi/htx-a",
    "ban-tin/2018-so-01/bai-a",
    "ban-tin/2018-so-01",
    "ban-tin/chuyen-muc/phap-luat/feed.xml",
    "du-lieu/hop-tac-xa.json",
    "assets/ktt/search.css",
    "../ngoai",
    "./hop-tac-xa/htx-a",
    "hop-tac-xa//htx-a",
    "hop-tac-xa/../van-ban",
]


def test_relative_path_is_posixpath_relpath_for_every_pair() -> None:
    for path, start in itertools.product(PATHS, repeat=2):
        assert relative_path(path, start) == posixpath.relpath(path, start), (path, start)


def test_links_from_pages_at_different_depths() -> None:
    assert relative_url("index.md", "hop-tac-xa/htx-a.md") == "hop-tac-xa/htx-a/"
    assert relative_url("hop-tac-xa/htx-a.md", "hop-tac-xa/htx-b.md") == "../htx-b/"
    assert relative_url("hop-tac-xa/htx-a.md", "hop-tac-xa/htx-a.md") == "./"
    assert relative_url("ban-tin/2018-so-01/bai-a.md", "feed.xml") == "../../../feed.xml"
    assert relative_url("ban-tin/2018-so-01/index.md", "van-ban/luat-htx-2012.md#dieu-3") == (
        "../../van-ban/luat-htx-2012/#dieu-3"
    )
    assert relative_url("hop-tac-xa/index.md", "index.md") == "../"
