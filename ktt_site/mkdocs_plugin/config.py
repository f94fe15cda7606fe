"""Typed options of the ``ktt-site`` plugin in ``mkdocs.yml``."""

from __future__ import annotations

import datetime as dt

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class KttSiteConfig(Config):
    data_dir = c.Type(str, default="models_data")
    """Folder of the curated YAML, relative to ``mkdocs.yml``."""

    as_of = c.Optional(c.Type(dt.date))
    """Date at which statuses and progress are computed (default: the build date)."""

    feed_size = c.Type(int, default=20)
    """How many of the newest articles the feeds carry."""

    share_image = c.Type(str, default="images/chia-se.png")
    """Picture shown when a page without its own is shared (relative to ``docs_dir``)."""
