"""Reading built HTML with a real parser, as a browser would."""

from __future__ import annotations

from html.parser import HTMLParser

#: ``<link rel=...>`` values that make a browser fetch the target while loading the page.
_FETCHING_RELS = {"stylesheet", "preload", "preconnect", "prefetch", "icon", "modulepreload", "dns-prefetch"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.loads: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        url = ""
        if tag in ("script", "img", "iframe", "audio", "video", "source", "embed"):
            url = values.get("src", "")
        elif tag == "link" and set(values.get("rel", "").split()) & _FETCHING_RELS:
            url = values.get("href", "")
        if url.startswith(("http://", "https://", "//")):
            self.loads.append(f"<{tag}> {url}")


def external_loads(html: str) -> list[str]:
    """Every resource the page would fetch from another host while loading."""
    collector = _Collector()
    collector.feed(html)
    return collector.loads
