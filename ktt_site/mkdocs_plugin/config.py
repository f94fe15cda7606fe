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

    cms = c.Type(bool, default=True)
    """Serve the form editor (Decap CMS) at ``/quan-tri/``."""

    cms_backend = c.Choice(("github", "gitlab"), default="github")
    """Where editors sign in and the CMS commits: GitHub or GitLab."""

    cms_repo = c.Optional(c.Type(str))
    """``owner/name`` of the repository (GitLab: ``group/project``). Without it only the local
    backend (``npx decap-server``) works."""

    cms_branch = c.Type(str, default="main")
    """The branch the CMS reads and commits to."""

    cms_base_url = c.Optional(c.Type(str))
    """OAuth server address: GitHub needs one (e.g. a Decap OAuth proxy); GitLab uses its own."""

    cms_auth_type = c.Optional(c.Choice(("pkce", "implicit")))
    """GitLab: ``pkce`` with ``cms_app_id`` (no secret in the site)."""

    cms_app_id = c.Optional(c.Type(str))
    """GitLab: the Application ID of the OAuth application (public, not a secret)."""

    cms_editorial_workflow = c.Type(bool, default=False)
    """Each save opens a pull/merge request to review instead of committing to ``cms_branch``."""
