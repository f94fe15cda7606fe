"""Vietnamese for the parts of Decap's interface its own Vietnamese locale leaves in English.

``decap-cms-locales`` 3.x has a ``vi`` locale with about 80 phrases missing (Decap shows those
in English: "Add %{item}", the Markdown toolbar, the image buttons...). ``phrases_script`` adds
them to Decap's own ``vi`` phrases before it starts; Decap's own translations win where they exist,
except the few in ``CORRECTIONS``, seen wrong in ``bench/cms_walkthrough.py``'s screenshots. The
same script gives the preview pane its one style rule (``PREVIEW_STYLE``).
"""

from __future__ import annotations

import json

PHRASES: dict[str, object] = {
    "auth": {"loginWithAzure": "Đăng nhập bằng Azure", "loginWithForgejo": "Đăng nhập bằng Forgejo"},
    "collection": {
        "collectionTop": {"viewAsList": "Xem dạng danh sách", "viewAsGrid": "Xem dạng lưới", "groupBy": "Nhóm theo"},
        "entries": {"unpublishedHeader": "Mục chưa công bố"},
        "groups": {"other": "Khác", "negateLabel": "Không phải %{label}"},
    },
    "editor": {
        "editorControl": {"field": {"widgetLabel": "Ô %{widgetLabel}"}},
        "editorControlPane": {
            "i18n": {
                "writingInLocale": "Đang viết bằng %{locale}",
                "copyFromLocale": "Điền từ ngôn ngữ khác",
                "copyFromLocaleConfirm": "Điền dữ liệu từ %{locale}?\nMọi nội dung hiện có sẽ bị ghi đè.",
            }
        },
        "editorInterface": {
            "toggleI18n": "Bật/tắt đa ngôn ngữ",
            "togglePreview": "Bật/tắt xem trước",
            "toggleScrollSync": "Cuộn cùng lúc",
            "toggleNotes": "Bật/tắt ghi chú",
        },
        "editorNotesPane": {
            "title": "Ghi chú",
            "emptyState": "Chưa có ghi chú. Thêm ghi chú đầu tiên ở dưới.",
            "addNote": "Thêm ghi chú",
            "addPlaceholder": "Thêm một ghi chú...",
            "editPlaceholder": "Sửa ghi chú...",
            "save": "Lưu",
            "cancel": "Hủy",
            "edit": "Sửa",
            "delete": "Xóa",
            "resolve": "Đánh dấu đã xong",
            "unresolve": "Mở lại",
            "confirmDelete": "Bạn có chắc muốn xóa ghi chú này?",
            "shortcut": "Mẹo: bấm Ctrl+Enter để thêm ghi chú nhanh",
        },
        "editorToolbar": {
            "statusInfoTooltipDraft": "Mục đang là bản nháp. Để gửi duyệt, đổi trạng thái thành «Đang xét duyệt».",
            "statusInfoTooltipInReview": "Mục đang được xét duyệt; không cần làm gì thêm, nhưng vẫn có thể sửa tiếp.",
        },
        "editorWidgets": {
            "markdown": {
                "bold": "Đậm",
                "italic": "Nghiêng",
                "strikethrough": "Gạch ngang",
                "code": "Mã",
                "link": "Liên kết",
                "linkPrompt": "Nhập địa chỉ của liên kết",
                "headings": "Tiêu đề",
                "quote": "Trích dẫn",
                "bulletedList": "Danh sách gạch đầu dòng",
                "numberedList": "Danh sách đánh số",
                "addComponent": "Thêm thành phần",
                "toggleMode": {
                    "rich": "Chuyển sang văn bản định dạng",
                    "markdown": "Chuyển sang Markdown",
                },
            },
            "image": {
                "chooseMultiple": "Chọn các hình",
                "chooseUrl": "Chèn từ địa chỉ web",
                "replaceUrl": "Thay bằng địa chỉ web",
                "promptUrl": "Nhập địa chỉ web của hình",
                "addMore": "Thêm hình",
                "removeAll": "Gỡ mọi hình",
            },
            "file": {
                "chooseUrl": "Chèn từ địa chỉ web",
                "chooseMultiple": "Chọn các tập tin",
                "replaceUrl": "Thay bằng địa chỉ web",
                "promptUrl": "Nhập địa chỉ web của tập tin",
                "addMore": "Thêm tập tin",
                "removeAll": "Gỡ mọi tập tin",
            },
            "datetime": {"setToNow": "Đặt %{fieldLabel} là bây giờ"},
            "list": {"add": "Thêm %{item}", "addType": "Thêm %{item}"},
            "object": {"expand": "Mở rộng", "collapse": "Thu gọn"},
        },
    },
    "mediaLibrary": {
        "mediaLibraryCard": {
            "copy": "Sao chép",
            "copyUrl": "Sao chép địa chỉ",
            "copyPath": "Sao chép đường dẫn",
            "copyName": "Sao chép tên",
            "copied": "Đã sao chép",
        },
        "mediaLibraryModal": {"close": "Đóng"},
    },
    "ui": {
        "settingsDropdown": {"account": "Tùy chọn tài khoản"},
        "toast": {
            "noteAdded": "Đã thêm ghi chú",
            "onFailToAddNote": "Không thêm được ghi chú: %{details}",
            "noteUpdated": "Đã sửa ghi chú",
            "onFailToUpdateNote": "Không sửa được ghi chú: %{details}",
            "noteDeleted": "Đã xóa ghi chú",
            "onFailToDeleteNote": "Không xóa được ghi chú: %{details}",
            "noteResolved": "Ghi chú đã xong",
            "noteReopened": "Đã mở lại ghi chú",
            "onFailToToggleNote": "Không đổi được trạng thái ghi chú: %{details}",
        },
    },
}

#: Phrases Decap's ``vi`` locale has but a new editor would stumble on: English left in, a word
#: cut short, a glyph («＋», full-width) that common fonts lack, wording that reads as machine-made.
#: These replace Decap's.
CORRECTIONS: dict[str, object] = {
    "app": {"app": {"waitingBackend": "Đang chờ máy chủ..."}},
    "collection": {
        "collectionTop": {
            "viewAs": "Xem dạng",
            "newButton": "Tạo %{collectionLabel} mới",
            "newButtonAriaLabel": "Tạo %{collectionLabel} mới",
        }
    },
    "editor": {"editorToolbar": {"status": "Trạng thái: %{status}"}},
    "mediaLibrary": {"mediaLibraryModal": {"chooseSelected": "Dùng mục đã chọn", "deleteSelected": "Xóa mục đã chọn"}},
    "ui": {"toast": {"onFailToPersist": "Không lưu được: %{details}"}},
}

#: Decap's preview shows an uploaded photo at its own size, wider than the pane.
PREVIEW_STYLE = "img { max-width: 100%; height: auto; }"

SCRIPT_NAME = "vi-bo-sung.js"


def phrases_script() -> str:
    """A script run right after Decap's: its ``vi`` phrases, completed and corrected with ours;
    the preview's style."""
    phrases = json.dumps(PHRASES, ensure_ascii=False, indent=1, sort_keys=True)
    corrections = json.dumps(CORRECTIONS, ensure_ascii=False, indent=1, sort_keys=True)
    return f"""// Tự sinh bởi ktt-site (ktt_site/cms/phrases.py): bổ sung tiếng Việt cho Decap CMS.
(function () {{
  "use strict";
  var ours = {phrases};
  var corrections = {corrections};
  function fill(theirs, extra, replace) {{
    Object.keys(extra).forEach(function (key) {{
      if (typeof extra[key] === "object") {{
        theirs[key] = fill(theirs[key] || {{}}, extra[key], replace);
      }} else if (replace || theirs[key] === undefined) {{
        theirs[key] = extra[key];
      }}
    }});
    return theirs;
  }}
  var phrases = fill(window.CMS.getLocale("vi") || {{}}, ours, false);
  window.CMS.registerLocale("vi", fill(phrases, corrections, true));
  window.CMS.registerPreviewStyle({json.dumps(PREVIEW_STYLE)}, {{ raw: true }});
}})();
"""
