"""Finding a site's folders from its ``mkdocs.yml`` without importing MkDocs (for the CLI)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml_env_tag import construct_env_tag

from ktt_site.content_files import theme_files
from ktt_site.site import ProjectPaths


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml even where it uses ``!!python/name`` or ``!ENV`` tags."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)
# ``site_url: !ENV [KTT_SITE_URL, "https://..."]`` lets the Pages workflows set the real
# address; read it as MkDocs does (same library), not as None.
_TolerantLoader.add_constructor("!ENV", construct_env_tag)


def read_project(config_file: Path) -> tuple[ProjectPaths, dict[str, Any]]:
    """The project's paths and the ktt-site plugin's options, as mkdocs.yml sets them."""
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    root = config_file.resolve().parent
    options: dict[str, Any] = {}
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "ktt-site" in plugin:
            options = plugin["ktt-site"] or {}
    docs_dir = root / config.get("docs_dir", "docs")
    theme = config.get("theme")
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    named = [
        str(entry.get("path", "")) if isinstance(entry, dict) else str(entry)
        for key in ("extra_javascript", "extra_templates")
        for entry in config.get(key) or []
    ]
    paths = ProjectPaths(
        root=root,
        data_dir=root / options.get("data_dir", "models_data"),
        docs_dir=docs_dir,
        theme_files=theme_files(docs_dir, str(root / custom_dir) if custom_dir else None, named),
    )
    return paths, {"site_url": config.get("site_url"), "site_name": config.get("site_name"), **options}
