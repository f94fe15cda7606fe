"""A generated MkDocs file whose content is fetched when MkDocs first reads it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from mkdocs.structure.files import File, InclusionLevel

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


class DeferredFile(File):
    """``File.generated`` with content made later (by :mod:`ktt_site.prerender`).

    MkDocs reads a generated file's content only through its ``_content`` attribute (to read a
    page's source, to copy a file, to tell whether it changed), so that attribute fetches the
    content on first use and keeps it.
    """

    _fetch: Callable[[], str | bytes] | None = None
    _value: str | bytes | None = None

    @property  # type: ignore[override]
    def _content(self) -> str | bytes | None:
        if self._fetch is not None:
            fetch, self._fetch = self._fetch, None
            self._value = fetch()
        return self._value

    @_content.setter
    def _content(self, value: str | bytes | None) -> None:
        self._fetch = None
        self._value = value

    @classmethod
    def deferred(
        cls,
        config: MkDocsConfig,
        src_uri: str,
        fetch: Callable[[], str | bytes],
        *,
        inclusion: InclusionLevel = InclusionLevel.UNDEFINED,
    ) -> DeferredFile:
        file = cls.generated(config, src_uri, content="", inclusion=inclusion)
        assert isinstance(file, DeferredFile)
        file._fetch = fetch
        return file
