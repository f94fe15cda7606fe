"""Tables that a phone shows stacked, one card per row (``<div class="ktt-stack">`` around a
``<table>``, styled by the theme's ktt.css): each body cell names its column in a
``data-label`` attribute, taken from the table's header, so templates do not repeat every
header in every cell. A cell that already has a label keeps it.
"""

from __future__ import annotations

import html
import re

_STACKED = re.compile(r'(<div class="[^"]*\bktt-stack\b[^"]*">\s*)(<table\b.*?</table>)', re.S)
_HEAD = re.compile(r"<thead>(.*?)</thead>", re.S)
_HEADER_CELL = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
_ROW = re.compile(r"(<tr\b[^>]*>)(.*?)(</tr>)", re.S)
_CELL = re.compile(r"<(td|th)\b([^>]*)>")
_TAG = re.compile(r"<[^>]+>")


def _text(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", fragment)).split())


def _label_row(row: str, labels: list[str]) -> str:
    index = -1

    def label(match: re.Match[str]) -> str:
        nonlocal index
        index += 1
        tag, attributes = match.group(1), match.group(2)
        if tag != "td" or "data-label=" in attributes or index >= len(labels) or not labels[index]:
            return match.group(0)
        return f'<td{attributes} data-label="{html.escape(labels[index])}">'

    return _CELL.sub(label, row)


def _label_table(table: str) -> str:
    head = _HEAD.search(table)
    if head is None:
        return table
    labels = [_text(cell) for cell in _HEADER_CELL.findall(head.group(1))]
    body = table[head.end() :]
    body = _ROW.sub(lambda m: m.group(1) + _label_row(m.group(2), labels) + m.group(3), body)
    return table[: head.end()] + body


def label_stacked_tables(text: str) -> str:
    """``text`` (HTML, or Markdown holding HTML) with the cells of its stacked tables labelled."""
    if "ktt-stack" not in text:
        return text
    return _STACKED.sub(lambda m: m.group(1) + _label_table(m.group(2)), text)
