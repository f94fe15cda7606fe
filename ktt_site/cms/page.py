"""The files of ``/quan-tri/``: the page that starts Decap CMS, its configuration, its bundle.

The bundle is Decap's own build from ``node_modules/decap-cms/dist`` (``npm ci``, pinned in
``package-lock.json``): the main script and the chunks it loads from beside itself. Nothing is
fetched from a CDN. Without ``npm ci`` the page says how to add the editor, and the site builds.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ktt_site.cms.config import CMS_DIR, CmsSettings, config_yaml
from ktt_site.cms.phrases import SCRIPT_NAME, phrases_script
from ktt_site.rendering import Output, environment

BUNDLE_PACKAGE = Path("node_modules", "decap-cms", "dist")
MAIN_SCRIPT = "decap-cms.js"

#: Decap compiles widget code and JSON Schemas at run time ('unsafe-eval'), styles components
#: inline (emotion), previews images from blobs, and talks to the git host's API and to
#: decap-server on the editor's own machine.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob: https:",
        "media-src 'self' blob: https:",
        "font-src 'self' data:",
        "connect-src 'self' blob: https://api.github.com https://github.com https://gitlab.com "
        "https://*.githubusercontent.com http://localhost:* http://127.0.0.1:*",
        "frame-src 'self' https:",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self' https:",
    )
)


@dataclass(frozen=True)
class BundleFile:
    dest: str
    source: Path


def bundle_dir(*roots: Path) -> Path | None:
    """Decap's build in the first of ``roots`` that has one (the site's folder, then ktt-site's)."""
    for root in roots:
        folder = root / BUNDLE_PACKAGE
        if (folder / MAIN_SCRIPT).is_file():
            return folder
    return None


def bundle_files(folder: Path) -> list[BundleFile]:
    """The main script, its chunks and WebAssembly modules; no source maps, no second build."""
    chosen = [p for p in folder.iterdir() if p.name == MAIN_SCRIPT or p.name.endswith(f".{MAIN_SCRIPT}")]
    chosen += [p for p in folder.glob("*.wasm")]
    return [BundleFile(f"{CMS_DIR}/{p.name}", p) for p in sorted(chosen, key=lambda p: p.name)]


def cms_outputs(data_dir: Path, content_dir: Path, settings: CmsSettings, bundled: bool) -> list[Output]:
    """``quan-tri/index.html``, ``quan-tri/config.yml`` and the Vietnamese phrases Decap lacks."""
    page = (
        environment()
        .get_template("cms/index.html.j2")
        .render(bundled=bundled, scripts=[MAIN_SCRIPT, SCRIPT_NAME], csp=CONTENT_SECURITY_POLICY)
    )
    outputs = [
        Output(f"{CMS_DIR}/index.html", page.encode("utf-8")),
        Output(f"{CMS_DIR}/config.yml", config_yaml(data_dir, content_dir, settings).encode("utf-8")),
    ]
    if bundled:
        outputs.append(Output(f"{CMS_DIR}/{SCRIPT_NAME}", phrases_script().encode("utf-8")))
    return outputs
