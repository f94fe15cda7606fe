"""A new editor's walk-through of the form editor at ``/quan-tri/``, with a screenshot at each step.

On a fresh local copy of this repository (``git clone``, as a new editor gets it), with
``decap-server`` reading and writing that copy (what ``npx decap-server`` does): sign in, add a
cooperative through the form (commune, kind, founding date, a product, an uploaded picture), then
an article citing a legal document; then ``ktt-site check`` and ``mkdocs build --strict`` in the
copy, and the two new pages as a reader sees them on a phone (390 px). Writes numbered PNG files
and ``walkthrough.md`` (the steps in Vietnamese, for the editor guide) into the output folder.
Exits non-zero if any step fails.

    .venv/bin/python bench/cms_walkthrough.py                    # into .bench/walkthrough/
    .venv/bin/python bench/cms_walkthrough.py --out /tmp/buoc    # elsewhere

Needs ``npm ci`` (Decap CMS, decap-server) and Debian's ``chromium``.
"""

from __future__ import annotations

import argparse
import base64
import os
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# This checkout's package first, whichever ktt_site the interpreter has installed.
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from cms_support import (  # noqa: E402
    WAIT_MS,
    decap_missing,
    decap_server,
    field_id,
    fill,
    pick,
    publish,
    type_body,
    upload_image,
    use_decap_server,
)
from phone_pages import PHONE  # noqa: E402
from search_support import chromium, chromium_path, serve  # noqa: E402

LAPTOP = {"width": 1280, "height": 800}
#: The newest bulletin issue of the shipped site: the article goes there.
ISSUE = "2024-so-03"
ISSUE_DATE = "2024-07-01"
COOPERATIVE = "Hợp tác xã Nông nghiệp Mãng cầu Bình Minh (minh họa)"
COOPERATIVE_ID = "hop-tac-xa-nong-nghiep-mang-cau-binh-minh-minh-hoa"
COMMUNE = "Phường Bình Minh"
FOUNDED = "2024-09-05"  # after 01/07/2024: founded under the 2023 law, its legal basis
LEGAL_NUMBER = "17/2023/QH15"
LEGAL_ID = "luat-htx-2023"
ARTICLE = "Hợp tác xã mãng cầu mới ở phường Bình Minh"
ARTICLE_ID = "hop-tac-xa-mang-cau-moi-o-phuong-binh-minh"
PICTURE_SVG = ROOT / "content/images/hop-tac-xa/hop-tac-xa-nong-nghiep-mang-cau-thanh-tan/mang-cau.svg"
PICTURE_NAME = "vuon-mang-cau.jpg"


@dataclass
class Step:
    """One step of the walk-through: what the editor does, and the screenshot of the result."""

    title: str
    does: str
    shot: str = ""
    ok: bool = False
    note: str = ""
    output: list[tuple[str, str]] = field(default_factory=list)
    """(what, text) shown under the step: a command's output, a file written."""


@dataclass
class Walk:
    out: Path
    steps: list[Step] = field(default_factory=list)

    def shot(self, page: Any, name: str, *, whole_form: bool = False) -> str:
        """A numbered screenshot; ``whole_form`` grows the window so Decap's scrolling panes show all."""
        file_name = f"{len(self.steps):02d}-{name}.png"
        size = page.viewport_size
        if whole_form:
            extra = page.evaluate(_HIDDEN_HEIGHT)
            page.set_viewport_size({"width": size["width"], "height": min(size["height"] + extra, 6000)})
            page.wait_for_timeout(300)
        page.screenshot(path=str(self.out / file_name), full_page=True)
        if whole_form:
            page.set_viewport_size(size)
        return file_name


#: How much taller than its box the tallest scrolling pane is (Decap scrolls the form and the
#: preview inside the window, so a "full page" screenshot would show only the window).
_HIDDEN_HEIGHT = """() => {
  let extra = 0;
  for (const el of document.querySelectorAll('*')) {
    const style = getComputedStyle(el);
    if (['auto', 'scroll'].includes(style.overflowY) && el.clientHeight > 0) {
      extra = Math.max(extra, el.scrollHeight - el.clientHeight);
    }
  }
  for (const frame of document.querySelectorAll('iframe')) {
    const doc = frame.contentDocument;
    if (doc && doc.documentElement) extra = Math.max(extra, doc.documentElement.scrollHeight - frame.clientHeight);
  }
  return extra;
}"""


def _env() -> dict[str, str]:
    """This checkout's ktt_site for every command (run with ``python -P``: not the copy's own)."""
    return {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH", "")])),
    }


def _run(copy: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), cwd=copy, env=_env(), capture_output=True, text=True, timeout=600)


def _picture(browser: Any, target: Path) -> Path:
    """A photo-sized JPEG, as an editor's camera gives: the shipped drawing of a custard apple."""
    page = browser.new_page(viewport={"width": 960, "height": 640})
    data = base64.b64encode(PICTURE_SVG.read_bytes()).decode("ascii")
    page.set_content(
        f'<body style="margin:0"><img src="data:image/svg+xml;base64,{data}" style="width:960px;height:640px"></body>'
    )
    page.screenshot(path=str(target), type="jpeg", quality=85)
    page.close()
    return target


def _last(page: Any, name: str) -> Any:
    """The input of the last field called ``name`` on the form (an item just added to a list)."""
    label = page.locator(f"label[for^='{name}-field-']").last
    label.wait_for()
    return page.locator(f"#{label.get_attribute('for')}")


def _wait_for_list(page: Any, text: str) -> None:
    page.get_by_text(text).first.wait_for(timeout=WAIT_MS)
    page.wait_for_timeout(500)  # thumbnails and counts settle


def cms_steps(walk: Walk, page: Any, base: str, picture: Path) -> list[tuple[Step, Callable[[], str]]]:
    """The CMS part: each step's description, and what it does (returning its screenshot)."""

    def open_page() -> str:
        page.goto(base + "quan-tri/")
        page.get_by_role("button", name="Đăng nhập").wait_for()
        return walk.shot(page, "dang-nhap")

    def sign_in() -> str:
        page.get_by_role("button", name="Đăng nhập").click()
        _wait_for_list(page, "Hợp tác xã Nông nghiệp Mãng cầu Thạnh Tân")
        return walk.shot(page, "danh-sach-ho-so")

    def new_form() -> str:
        page.get_by_role("link", name="Tạo hồ sơ mới").click()
        page.locator("label[for^='name-field-']").wait_for()
        return walk.shot(page, "ho-so-moi-trong", whole_form=True)

    def filled_form() -> str:
        fill(page, "name", COOPERATIVE)
        pick(page, field_id(page, "kind"), "Hợp tác xã")
        fill(page, "founded", FOUNDED)
        pick(page, field_id(page, "commune"), COMMUNE)
        pick(page, field_id(page, "status"), "Đang hoạt động")
        pick(page, field_id(page, "legal_basis"), LEGAL_NUMBER)
        page.get_by_role("button", name="Thêm Sản phẩm").click()
        _last(page, "name").fill("Mãng cầu Bà Đen")  # the product's name: the second "name" field
        page.get_by_role("button", name="Thêm Ảnh").click()
        upload_image(page, picture)
        fill(page, "alt", "Quả mãng cầu xanh có hai chiếc lá")
        fill(page, "summary", "HTX trồng mãng cầu ở phường Bình Minh, bao tiêu quả cho thành viên.")
        page.locator(f"#{field_id(page, 'illustrative')}").click()
        return walk.shot(page, "ho-so-da-dien", whole_form=True)

    def saved_cooperative() -> str:
        publish(page)
        page.goto(base + "quan-tri/#/collections/hop-tac-xa")
        _wait_for_list(page, COOPERATIVE)
        return walk.shot(page, "ho-so-da-luu")

    def new_article() -> str:
        page.get_by_role("link", name=f"Bài viết: {ISSUE}").first.click()
        page.get_by_role("link", name="Tạo bài viết mới").click()
        page.locator("label[for^='title-field-']").wait_for()
        page.get_by_text("Mục đã được lưu").wait_for(state="hidden")  # the last save's notice, shown in step 5
        return walk.shot(page, "bai-moi-trong", whole_form=True)

    def filled_article() -> str:
        fill(page, "title", ARTICLE)
        page.locator(f"#{field_id(page, 'date')}").fill(ISSUE_DATE)
        page.get_by_role("button", name="Thêm Chuyên mục").click()
        _last(page, "item").fill("Mô hình hay")
        fill(page, "summary", "Một hợp tác xã mới thành lập theo Luật Hợp tác xã năm 2023.")
        pick(page, field_id(page, "cooperatives"), "Bình Minh")
        pick(page, field_id(page, "legal"), LEGAL_NUMBER)
        page.locator(f"#{field_id(page, 'illustrative')}").click()
        type_body(
            page,
            "Hợp tác xã được thành lập tháng 9 năm 2024 ở phường Bình Minh, trồng mãng cầu Bà Đen, "
            f'theo {{{{ van_ban("{LEGAL_ID}") }}}}.',
        )
        return walk.shot(page, "bai-da-dien", whole_form=True)

    def saved_article() -> str:
        publish(page)
        page.goto(base + f"quan-tri/#/collections/bai-{ISSUE}")
        _wait_for_list(page, ARTICLE)
        return walk.shot(page, "bai-da-luu")

    return [
        (
            Step(
                "Mở trang quản trị",
                "Mở http://127.0.0.1:8000/quan-tri/ trong trình duyệt (Chrome, Edge, Firefox). Trang hiện nút **Đăng nhập**.",
            ),
            open_page,
        ),
        (
            Step(
                "Đăng nhập",
                "Bấm **Đăng nhập**: trên máy mình không cần mật khẩu. Cột trái liệt kê các bộ sưu tập (hồ sơ HTX, "
                "văn bản, số bản tin, bài viết của từng số, báo cáo tiến độ); bên phải là các mục của bộ đang chọn.",
            ),
            sign_in,
        ),
        (Step("Tạo hồ sơ mới", "Bấm **Tạo hồ sơ mới** ở đầu danh sách «Hợp tác xã, tổ hợp tác»."), new_form),
        (
            Step(
                "Điền hồ sơ",
                "Gõ tên; chọn loại, xã/phường hiện nay, tình trạng và văn bản làm cơ sở trong các ô chọn "
                "(gõ vài chữ để lọc); gõ ngày thành lập; bấm **Thêm** ở «Sản phẩm» và gõ tên sản phẩm; "
                "bấm **Thêm** ở «Ảnh», **Chọn một hình** → **Tải lên** ảnh trong máy → **Dùng mục đã chọn**, gõ mô tả ảnh; gõ một câu giới thiệu; bật «Là dữ liệu minh họa» nếu không phải "
                "thông tin thật.",
            ),
            filled_form,
        ),
        (
            Step("Lưu hồ sơ", "Bấm **Công bố** → **Công bố ngay**; quay lại danh sách: hồ sơ mới đã có."),
            saved_cooperative,
        ),
        (Step("Tạo bài viết mới", f"Bấm mục **Bài viết: {ISSUE}** ở cột trái, rồi **Tạo bài viết mới**."), new_article),
        (
            Step(
                "Viết bài",
                "Gõ tiêu đề; chọn ngày đăng (ngày của số bản tin; ô ngày hiện theo ngôn ngữ của máy: ảnh chụp trên "
                "máy tiếng Anh nên ghi tháng/ngày/năm); bấm **Thêm** ở «Chuyên mục» và gõ đúng tên "
                "chuyên mục đang dùng; chọn HTX và văn bản được nhắc đến; bật «Sự kiện trong bài là minh họa» nếu bài không kể chuyện thật; gõ nội dung, trích dẫn văn bản "
                f'bằng `{{{{ van_ban("{LEGAL_ID}") }}}}`. Cột bên phải là bản xem trước.',
            ),
            filled_article,
        ),
        (
            Step("Lưu bài", "Bấm **Công bố** → **Công bố ngay**; bài mới có trong danh sách của số bản tin."),
            saved_article,
        ),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / ".bench/walkthrough", help="folder for the PNG files")
    args = parser.parse_args()
    missing = decap_missing() or (None if chromium_path() else "chromium is not installed (apt-get install chromium)")
    if missing:
        print(missing, file=sys.stderr)
        return 2
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    for old in [*out.glob("*.png"), out / "walkthrough.md"]:
        old.unlink(missing_ok=True)
    walk = Walk(out)
    with tempfile.TemporaryDirectory(prefix="ktt-walk-") as tmp_name:
        tmp = Path(tmp_name)
        copy = tmp / "ktt-site"
        subprocess.run(["git", "clone", "-q", str(ROOT), str(copy)], check=True)
        head = _git(copy, "log", "--oneline", "-1")
        admin_site = tmp / "site-quan-tri"
        built = _run(copy, sys.executable, "-P", "-m", "mkdocs", "build", "--strict", "-q", "-d", str(admin_site))
        if built.returncode != 0:
            print(built.stderr, file=sys.stderr)
            return 1
        errors: list[str] = []
        with (
            decap_server(copy, tmp / "decap-server.log") as port,
            serve(admin_site) as base,
            chromium() as browser,
        ):
            use_decap_server(admin_site, port)
            picture = _picture(browser, tmp / PICTURE_NAME)
            context = browser.new_context(viewport=LAPTOP, device_scale_factor=1, locale="vi-VN")
            page = context.new_page()
            page.set_default_timeout(WAIT_MS)
            page.on("pageerror", lambda error: errors.append(str(error)))
            for step, action in cms_steps(walk, page, base, picture):
                if not _do(walk, page, step, action):
                    break
            context.close()
            if all(s.ok for s in walk.steps):
                _check_and_build(walk, copy, browser)
        (out / "walkthrough.md").write_text(_report(walk, copy, head, errors), encoding="utf-8")
    for step in walk.steps:
        print(f"{'ok ' if step.ok else 'LỖI'} {step.shot or '-':28} {step.title}")
    print(out / "walkthrough.md")
    return 0 if len(walk.steps) == STEPS and all(s.ok for s in walk.steps) and not errors else 1


#: Eight in the form editor, the check and build, the two pages a reader sees.
STEPS = 11


def _git(copy: Path, *args: str) -> str:
    return _run(copy, "git", *args).stdout.strip()


def _do(walk: Walk, page: Any, step: Step, action: Callable[[], str]) -> bool:
    walk.steps.append(step)
    try:
        step.shot = action()
        step.ok = True
    except Exception as error:  # noqa: BLE001 - the report says which step failed and why
        step.note = f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"
        traceback.print_exc()
        step.shot = f"{len(walk.steps):02d}-loi.png"
        page.screenshot(path=str(walk.out / step.shot), full_page=True)
    return step.ok


def _check_and_build(walk: Walk, copy: Path, browser: Any) -> None:
    """``ktt-site check`` and ``mkdocs build --strict`` in the copy; the two new pages on a phone."""
    check_step = Step(
        "Kiểm tra và dựng trang",
        "Trong thư mục dự án, chạy `ktt-site check` (hoặc `make check`): mọi lỗi hiện kèm tệp và dòng. Rồi "
        "`ktt-site build` (hoặc `make site`; cả hai chạy `mkdocs build --strict`), như khi trang được đăng.",
    )
    walk.steps.append(check_step)
    codes = []
    for label, command in (
        ("ktt-site check", ["-m", "ktt_site.cli", "check"]),
        ("mkdocs build --strict", ["-m", "mkdocs", "build", "--strict"]),
    ):
        done = _run(copy, sys.executable, "-P", *command)
        codes.append(done.returncode)
        text = (done.stdout + done.stderr).strip() or "(không in gì)"
        check_step.output.append((f"`{label}`, mã thoát {done.returncode}:", text[-3000:]))
    check_step.ok = not any(codes)
    if not check_step.ok:
        return
    pages = [
        ("Trang hồ sơ trên điện thoại", "trang-ho-so-390", f"hop-tac-xa/{COOPERATIVE_ID}/"),
        ("Trang bài viết trên điện thoại", "trang-bai-viet-390", f"ban-tin/{ISSUE}/{ARTICLE_ID}/"),
    ]
    with serve(copy / "site") as base:
        context = browser.new_context(
            viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True, locale="vi-VN"
        )
        page = context.new_page()
        for title, name, path in pages:

            def show(path: str = path, name: str = name) -> str:
                response = page.goto(base + path)
                assert response is not None and response.ok, f"/{path}: {response and response.status}"
                return walk.shot(page, name)

            if not _do(walk, page, Step(title, f"Mở http://127.0.0.1:8000/{path} để xem trang như người đọc."), show):
                break
        context.close()


def _fenced(text: str) -> list[str]:
    return ["```", text, "```", ""]


def _report(walk: Walk, copy: Path, head: str, errors: list[str]) -> str:
    """``walkthrough.md``: the steps in Vietnamese, each with its screenshot; what the copy holds now."""
    lines = [
        "# Thêm một hồ sơ hợp tác xã và một bài viết qua trang quản trị (trên máy mình)",
        "",
        "Ảnh chụp tự động bằng `bench/cms_walkthrough.py` trên một bản sao mới của kho (`git clone`, commit "
        f"`{head.split()[0] if head else '?'}`), cửa sổ 1280×800; hai trang cuối ở bề rộng điện thoại (390 px).",
        "",
        "## Chuẩn bị (một lần)",
        "",
        "1. Cài Python 3.11+, git và Node.js; lấy bản sao của kho (`git clone`, hoặc **Clone** trong GitHub Desktop).",
        "2. Mở cửa sổ lệnh trong thư mục dự án, chạy `npm ci` (một lần).",
        "3. Chạy `npx decap-server` và để cửa sổ này mở: máy chủ nhỏ cho trang quản trị đọc, ghi tệp trong thư mục dự án.",
        "4. Ở cửa sổ lệnh khác, chạy `make serve` (Windows: `.venv\\Scripts\\ktt-site serve`).",
        "",
        "## Các bước",
        "",
    ]
    for number, step in enumerate(walk.steps, 1):
        lines += [f"### {number}. {step.title}", "", step.does, ""]
        if step.shot:
            lines += [f"![{step.title}]({step.shot})", "", f"Ảnh: `{step.shot}`", ""]
        if step.note:
            lines += [f"**Lỗi**: {step.note}", ""]
        for what, text in step.output:
            lines += [what, "", *_fenced(text)]
    status = _git(copy, "status", "--short", "--untracked-files=all")
    log = _git(copy, "log", "--oneline", "-3")
    committed = _git(copy, "log", "--oneline", "-1") != head
    lines += [
        "## Tệp được ghi, và commit",
        "",
        "`npx decap-server` ghi tệp vào thư mục dự án"
        + (", và đã tạo commit." if committed else ", không tạo commit.")
        + " `git status --short` sau các bước trên:",
        "",
        *_fenced(status or "(không có thay đổi)"),
        "`git log --oneline -3`" + (":" if committed else " (không có commit mới):"),
        "",
        *_fenced(log),
    ]
    for line in status.splitlines():
        written = copy / line[3:]
        if written.suffix in (".yaml", ".md"):
            lines += [f"`{line[3:]}`, do biểu mẫu ghi:", "", *_fenced(written.read_text(encoding="utf-8").strip())]
    lines += [
        "Sau khi kiểm tra, biên tập viên tự commit và push: trong GitHub Desktop, ghi một dòng mô tả rồi bấm "
        "**Commit to main** và **Push origin**; hoặc bằng lệnh `git add`, `git commit`, `git push`. Trên trang "
        "đã đăng (đăng nhập bằng GitHub hay GitLab, hướng dẫn ở `/huong-dan/quan-tri/`), mỗi lần bấm **Công bố** "
        "là một commit vào kho, không cần bước này.",
        "",
    ]
    if errors:
        lines += ["## Lỗi JavaScript trong trang quản trị", "", *[f"- {e}" for e in errors], ""]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
