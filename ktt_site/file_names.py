"""Names that become file names and page addresses: short enough, and usable on Windows.

Editors work on Windows, where a file named ``con.md`` or ``a:b.md`` cannot even be checked
out, and a name a hundred characters long makes an address no one can share. Ids, category
names and every file under ``content/`` and ``models_data/`` are held to the same rules.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from ktt_site.errors import ProblemLog

#: Characters of a name (file name or id) and of a page address's last part.
MAX_NAME = 100
#: Device names Windows reserves, with any extension (``con.md`` as well as ``con``).
WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)), *(f"lpt{n}" for n in range(1, 10))}
)
_WINDOWS_INVALID = re.compile(r'[<>:"|?*\\]')


RESERVED = (
    "tên dành riêng của Windows (con, prn, aux, nul, com1–com9, lpt1–lpt9), không tạo được tệp hay thư mục mang tên đó"
)


def is_reserved(name: str) -> bool:
    """``con``, ``con.md``, ``LPT1``: a name Windows keeps for a device."""
    return name.split(".")[0].lower() in WINDOWS_RESERVED


def address_problem(name: str) -> str | None:
    """Why ``name`` cannot be the last part of a page's address or a file's name; None if it can."""
    if is_reserved(name):
        return f"là {RESERVED}; hãy chọn tên khác"
    if len(name) > MAX_NAME:
        return f"dài {len(name)} ký tự (tối đa {MAX_NAME}): địa chỉ trang và tên tệp sẽ quá dài; hãy rút gọn"
    return None


def name_problem(name: str) -> str | None:
    """Why a file or folder named ``name`` cannot be used, in Vietnamese; None if it can."""
    bad = _WINDOWS_INVALID.search(name)
    if bad:
        return f"tên '{name}' có ký tự '{bad.group()}', không dùng được trong tên tệp trên Windows; hãy đổi tên"
    if name.endswith((".", " ")):
        return f"tên '{name}' kết thúc bằng dấu chấm hoặc dấu cách, Windows sẽ bỏ mất ký tự đó; hãy đổi tên"
    problem = address_problem(name)
    return f"tên tệp '{name if len(name) <= 40 else name[:37] + '...'}' {problem}" if problem else None


def check_file_names(folder: Path, log: ProblemLog) -> None:
    """Every file and folder under ``folder`` has a usable name, and no two differ only in case
    (on Windows and macOS they are one file: a checkout would lose one)."""
    for directory, folders, files in os.walk(folder):
        seen: dict[str, str] = {}
        for name in sorted(folders + files):
            path = Path(directory, name)
            problem = name_problem(name)
            if problem:
                log.add(path, None, "", problem)
            key = unicodedata.normalize("NFC", name).casefold()
            if key in seen:
                log.add(
                    path,
                    None,
                    "",
                    f"trùng tên với '{seen[key]}' nếu không phân biệt chữ hoa, chữ thường (trên Windows và macOS "
                    "là cùng một tệp); hãy đổi tên một trong hai",
                )
            seen.setdefault(key, name)
