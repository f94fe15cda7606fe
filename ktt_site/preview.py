"""What ``mkdocs serve`` shows while the data has errors: every page becomes the list of
problems, so the editor sees what to fix in the browser tab they are already looking at."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ktt_site.errors import Problem


def problems_markdown(problems: Sequence[Problem]) -> str:
    """The body of every preview page until the data is valid again (HTML-escaped: messages
    quote editors' values, which may hold anything)."""
    items = []
    for problem in problems:
        where = f"{problem.path}:{problem.line}" if problem.line else problem.path
        what = f"{problem.field}: {problem.message}" if problem.field else problem.message
        items.append(f"<li><code>{escape(where)}</code> {escape(what)}</li>")
    rows = "\n".join(items)
    return f"""<div class="admonition danger ktt-preview-errors" role="alert">
<p class="admonition-title">Dữ liệu có {len(problems)} lỗi: trang xem trước đang tạm dừng</p>
<p>Sửa các lỗi dưới đây rồi lưu tệp; trang sẽ tự tải lại khi dữ liệu hợp lệ.
Lệnh <code>ktt-site check</code> cho cùng danh sách này.</p>
<ol>
{rows}
</ol>
</div>
"""


def terminal_text(problems: Sequence[Problem]) -> str:
    lines = [f"Dữ liệu có {len(problems)} lỗi; trang xem trước hiển thị danh sách lỗi cho tới khi sửa xong:"]
    lines += [f"  {p}" for p in problems]
    return "\n".join(lines)
