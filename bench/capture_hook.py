"""MkDocs hook for ``bench_build.py``: writes out what the ktt-site plugin hands to MkDocs, so
plain MkDocs can build the very same Markdown as ordinary files.

Runs after every plugin (lowest priority): each page's final Markdown (shortcodes expanded,
article headers added) with its front matter, and every file the plugin generated (data
downloads). The folder is ``$KTT_CAPTURE_DIR``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml
from mkdocs.plugins import event_priority

_OUT = Path(os.environ.get("KTT_CAPTURE_DIR", "captured"))


def _write(src_uri: str, content: bytes) -> None:
    target = _OUT / src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)


@event_priority(-100)
def on_files(files: Any, config: Any) -> Any:
    for file in files:
        if file.generated_by and not file.src_uri.endswith(".md"):
            _write(file.src_uri, file.content_bytes)
    return files


@event_priority(-100)
def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    # Titles are text already escaped for the theme (str() drops markupsafe's Markup type).
    meta = {
        key: str(value) if isinstance(value, str) else value for key, value in page.meta.items()
    }
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) if meta else ""
    _write(page.file.src_uri, (f"---\n{head}---\n\n" if head else "").encode() + markdown.encode())
    return markdown
