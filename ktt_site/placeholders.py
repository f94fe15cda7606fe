"""Skeletons written by ``ktt-site new`` mark what the editor must still write with ``ĐIỀN``
(upper case, then lower-case words saying what). The schema accepts such text, so a YAML editor
underlines only real mistakes; the check refuses it, so a half-filled file is never published."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from ktt_site.errors import ProblemLog
from ktt_site.validation import Record, field_path

if TYPE_CHECKING:
    from ktt_site.site import SiteData

MARKER = "ĐIỀN"
#: The marker followed by a lower-case word: an all-caps heading ("ĐIỀN KINH") is not one.
_PLACEHOLDER = re.compile(rf"\b{MARKER} (?=[a-zà-ỹđ])")
MESSAGE = f"chưa điền: hãy thay chỗ ghi '{MARKER} ...' (do ktt-site new tạo) bằng nội dung thật"


def has_placeholder(text: str) -> bool:
    return bool(_PLACEHOLDER.search(text))


def _walk(record: Record, node: Any, loc: tuple[Any, ...], log: ProblemLog) -> None:
    if isinstance(node, str):
        if has_placeholder(node):
            log.add(record.origin.path, record.origin.line(*loc), field_path(loc), MESSAGE)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            _walk(record, item, (*loc, index), log)
    elif isinstance(node, dict):
        for key, item in node.items():
            _walk(record, item, (*loc, key), log)
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            _walk(record, getattr(node, name), (*loc, name), log)


def check_placeholders(site: SiteData, log: ProblemLog) -> None:
    """Every ``ĐIỀN ...`` left in a record's text or in a page of the bulletin, on its line."""
    records: list[Record] = [*site.cooperatives.values(), *site.legal.values()]
    records += [report for year in site.progress.values() for report in year.values()]
    for issue in site.bulletin:
        records.append(issue.meta)
        records += [article.meta for article in issue.articles + issue.unpublished]
    for record in records:
        _walk(record, record, (), log)
    for issue in site.bulletin:
        pages = [(issue.meta.origin.path, issue.body, issue.body_line)]
        pages += [(a.meta.origin.path, a.body, a.body_line) for a in issue.articles + issue.unpublished]
        for path, body, first_line in pages:
            for offset, line in enumerate(body.splitlines()):
                if has_placeholder(line):
                    log.add(path, first_line + offset, "", MESSAGE)
