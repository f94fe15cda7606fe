"""Common mistakes, each with the file that makes it, the start of the message the check gives
and what to do. The test suite writes each file into a site and checks the message is real."""

from __future__ import annotations

from dataclasses import dataclass, field

COOP = "models_data/cooperatives/hop-tac-xa-rau-an-toan-vi-du.yaml"
GOOD_COOP = """name: Hợp tác xã Rau an toàn Thạnh Tân
kind: htx
founded: 2018-03-15
commune: phuong-binh-minh
status: active
legal_basis: luat-htx-2012
"""
ISSUE_INDEX = ("content/ban-tin/2025-so-04/index.md", "---\nissue: 4\ndate: 2025-06-30\ntitle: Số 4\n---\n")


@dataclass(frozen=True)
class CommonError:
    title: str
    path: str
    content: str | bytes
    message: str
    """How the check's line for it begins: ``path:line: field: message``."""
    meaning: str
    fix: str
    other_files: tuple[tuple[str, str], ...] = field(default=())

    @property
    def line(self) -> int | None:
        where = self.message.split(": ", 1)[0]
        number = where.rsplit(":", 1)[-1] if where.count(":") else ""
        return int(number) if number.isdigit() else None

    @property
    def offending_line(self) -> str:
        """The line of the file the message points at, as the editor wrote it."""
        if self.line is None or isinstance(self.content, bytes):
            return ""
        lines = self.content.splitlines()
        return lines[self.line - 1] if self.line <= len(lines) else ""


COMMON_ERRORS: tuple[CommonError, ...] = (
    CommonError(
        "Dấu hai chấm trong giá trị",
        COOP,
        GOOD_COOP + "summary: Rau sạch: trồng theo VietGAP\n",
        f"{COOP}:7: cú pháp YAML sai: có dấu ':' trong giá trị",
        "Trong YAML, dấu ':' ngăn tên trường với giá trị; một dấu ':' nữa trong giá trị làm tệp không đọc được.",
        'Đặt cả giá trị trong dấu ngoặc kép: summary: "Rau sạch: trồng theo VietGAP".',
    ),
    CommonError(
        "Thiếu trường bắt buộc",
        COOP,
        GOOD_COOP.replace("kind: htx\n", ""),
        f"{COOP}:1: kind: thiếu trường bắt buộc",
        "Tệp thiếu một trường mà loại dữ liệu này luôn cần (cột «Bắt buộc» trong bảng các trường).",
        "Thêm dòng cho trường đó, ví dụ kind: htx.",
    ),
    CommonError(
        "Tên trường gõ sai",
        COOP,
        GOOD_COOP + "sumary: HTX trồng rau an toàn.\n",
        f"{COOP}:7: sumary: trường không có trong mẫu dữ liệu; có phải ý bạn là 'summary'?",
        "Tên trường không có trong mẫu; thường là gõ sai một chữ. Thông báo gợi ý tên gần nhất và liệt kê các tên được phép.",
        "Sửa tên trường cho đúng (tên trường viết tiếng Anh, chữ thường, nối bằng dấu gạch dưới).",
    ),
    CommonError(
        "Giá trị ngoài danh sách cho phép",
        COOP,
        GOOD_COOP.replace("status: active", "status: hoat-dong"),
        f"{COOP}:5: status: giá trị 'hoat-dong' không hợp lệ; chỉ chấp nhận: 'active', 'dissolved'",
        "Trường này chỉ nhận một số giá trị cố định (cột «Giá trị hợp lệ»).",
        "Chọn một giá trị trong danh sách, viết đúng như trong danh sách.",
    ),
    CommonError(
        "Ngày không có thật",
        COOP,
        GOOD_COOP.replace("2018-03-15", "2018-02-30"),
        f"{COOP}:3: founded: ngày '2018-02-30' không hợp lệ",
        "Ngày không tồn tại (tháng 2 không có ngày 30) hoặc viết sai dạng.",
        "Viết ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ 2018-03-15.",
    ),
    CommonError(
        "Ngày viết kiểu ngày/tháng/năm",
        "content/ban-tin/2025-so-04/01-ban-rau-qua-mang.md",
        "---\ntitle: Bán rau qua mạng\ndate: 30/06/2025\n---\n\nNội dung.\n",
        "content/ban-tin/2025-so-04/01-ban-rau-qua-mang.md:3: date: ngày '30/06/2025' không hợp lệ",
        "Trong tệp dữ liệu, ngày luôn viết NĂM-THÁNG-NGÀY; trang web tự hiển thị lại thành 30/06/2025.",
        "Viết date: 2025-06-30.",
        other_files=(ISSUE_INDEX,),
    ),
    CommonError(
        "Chữ ở chỗ cần số",
        COOP,
        GOOD_COOP + "members:\n  2018: mười hai\n",
        f"{COOP}:8: members[2018]: phải là số nguyên",
        "Trường này cần một con số.",
        "Viết số bằng chữ số, không dấu chấm ngăn cách hàng nghìn: 12, 48000000.",
    ),
    CommonError(
        "Mã viết có dấu hoặc chữ hoa",
        COOP,
        GOOD_COOP + "founded_by: [Hội Nông dân]\n",
        f"{COOP}:7: founded_by[0]: mã 'Hội Nông dân' không hợp lệ",
        "Mã (id) chỉ gồm chữ thường không dấu, số và dấu gạch ngang; tên hiển thị nằm ở tệp khác.",
        "Dùng mã của tổ chức, ví dụ hoi-nong-dan (xem trang Danh mục dùng chung).",
    ),
    CommonError(
        "Mã xã không có trong danh sách",
        COOP,
        GOOD_COOP.replace("phuong-binh-minh", "phuong-binh-minhh"),
        f"{COOP}:4: commune: không có xã/phường/thị trấn mang mã 'phuong-binh-minhh'",
        "Mã trỏ tới một xã, văn bản, tổ chức hay HTX không có trong dữ liệu.",
        "Tìm đúng mã trong models_data/localities/ (xã, phường hiện nay: 2025.yaml; năm 2018: 2018.yaml) hoặc thư mục tương ứng, và chép lại.",
    ),
    CommonError(
        "Văn bản chưa có trong thư viện",
        COOP,
        GOOD_COOP.replace("luat-htx-2012", "luat-htx-2021"),
        f"{COOP}:6: legal_basis: không có văn bản pháp lý mang mã 'luat-htx-2021'",
        "Văn bản được nhắc tới chưa có tệp trong models_data/legal/.",
        "Sửa mã cho đúng, hoặc thêm văn bản đó trước (xem trang Văn bản pháp lý).",
    ),
    CommonError(
        "Một trường ghi hai lần",
        COOP,
        GOOD_COOP + "kind: tht\n",
        f"{COOP}:7: trường 'kind' xuất hiện hai lần (lần đầu ở dòng 2)",
        "Mỗi trường chỉ được ghi một lần trong một bảng.",
        "Xóa một trong hai dòng, giữ giá trị đúng.",
    ),
    CommonError(
        "Văn bản ban hành sau ngày thành lập",
        COOP,
        GOOD_COOP.replace("luat-htx-2012", "luat-htx-2023"),
        f"{COOP}:6: legal_basis: Luật Hợp tác xã số 17/2023/QH15 ban hành ngày 20/06/2023, sau khi HTX thành lập (15/03/2018)",
        "Một HTX không thể được thành lập theo một văn bản chưa có; thường là đã chép cơ sở pháp lý của một HTX mới hơn.",
        "Ghi văn bản HTX thành lập theo (thông báo nêu văn bản còn hiệu lực lúc đó), hoặc bỏ trống legal_basis nếu nguồn không nêu.",
    ),
    CommonError(
        "Chỗ ghi ĐIỀN chưa thay",
        COOP,
        GOOD_COOP + "summary: ĐIỀN một câu giới thiệu\n",
        f"{COOP}:7: summary: chưa điền: hãy thay chỗ ghi 'ĐIỀN ...' (do ktt-site new tạo) bằng nội dung thật",
        "Tệp tạo bằng ktt-site new ghi ĐIỀN ở mọi chỗ bạn cần viết; chỗ đó còn nguyên.",
        "Thay cả cụm 'ĐIỀN ...' bằng nội dung thật, hoặc xóa dòng nếu trường đó không bắt buộc.",
    ),
    CommonError(
        "Số bản tin khác số trong tên thư mục",
        "content/ban-tin/2025-so-04/index.md",
        "---\nissue: 5\ndate: 2025-06-30\ntitle: Số 5\n---\n",
        "content/ban-tin/2025-so-04/index.md:2: issue: số 5 khác số trong tên thư mục '2025-so-04' (4)",
        "Địa chỉ của số bản tin lấy theo tên thư mục, còn trang ghi số theo issue; hai số phải là một.",
        "Sửa issue, hoặc đổi tên thư mục (ví dụ 2025-so-05), cho khớp nhau.",
    ),
    CommonError(
        "Ảnh không tìm thấy",
        COOP,
        GOOD_COOP
        + "images:\n  - path: images/hop-tac-xa/hop-tac-xa-rau-an-toan-vi-du/anh-1.jpg\n    alt: Nhà lưới trồng rau\n",
        f"{COOP}:8: images[0].path: không tìm thấy ảnh 'content/images/hop-tac-xa/hop-tac-xa-rau-an-toan-vi-du/anh-1.jpg'",
        "Đường dẫn ảnh tính từ thư mục content/, và tệp ảnh phải có ở đó.",
        "Chép ảnh vào đúng thư mục, hoặc sửa đường dẫn (chú ý chữ hoa, chữ thường và đuôi .jpg/.png).",
    ),
    CommonError(
        "Mã HTML trong chữ",
        COOP,
        GOOD_COOP + "summary: <b>Rau sạch</b> của xã\n",
        f"{COOP}:7: summary: không được chứa mã HTML",
        "Trường chữ thường không nhận mã HTML; trang tự trình bày chữ.",
        "Bỏ các thẻ <...>; trong trường viết bằng Markdown (như story), đặt chữ giữa hai cặp dấu sao để in đậm, thay cho thẻ <b>.",
    ),
    CommonError(
        "Đuôi tệp .yml",
        "models_data/cooperatives/hop-tac-xa-moi.yml",
        GOOD_COOP,
        "models_data/cooperatives/hop-tac-xa-moi.yml: tệp không có đuôi .yaml nên không được đọc",
        "Chỉ tệp có đuôi .yaml được đọc; tệp khác sẽ bị bỏ qua nếu không báo.",
        "Đổi tên tệp sang đuôi .yaml.",
    ),
    CommonError(
        "Tệp không lưu bằng UTF-8",
        COOP,
        GOOD_COOP.replace("Thạnh Tân", "Thanh Tan").encode() + "summary: Tác\n".encode("latin-1"),
        f"{COOP}:7: tệp không lưu bằng mã UTF-8",
        "Tệp được lưu bằng bảng mã cũ; chữ có dấu sẽ bị lỗi.",
        "Mở tệp trong trình soạn thảo, chọn lưu với mã hóa UTF-8.",
    ),
    CommonError(
        "Thụt lề thừa một dấu cách",
        COOP,
        GOOD_COOP.replace("kind: htx", " kind: htx"),
        f"{COOP}:2: cú pháp YAML sai: dòng này thụt vào 1 dấu cách, nhiều hơn trường 'name' ở dòng 1",
        "Trong YAML, khoảng trắng đầu dòng cho biết trường nào nằm trong trường nào; các trường cùng cấp "
        "phải thẳng cột với nhau.",
        "Xóa hoặc thêm dấu cách ở đầu dòng cho thẳng cột với các trường cùng cấp (dùng phím cách, không "
        "dùng phím Tab).",
    ),
    CommonError(
        "Mục danh sách lệch cột",
        COOP,
        GOOD_COOP + "sectors:\n  - Trồng trọt\n - Chăn nuôi\n",
        f"{COOP}:9: cú pháp YAML sai: mục danh sách này thụt vào 1 dấu cách, còn mục phía trên ở dòng 8 "
        "thụt vào 2 dấu cách",
        "Các mục của một danh sách (dòng bắt đầu bằng '- ') phải thẳng cột với nhau.",
        "Thêm hoặc bớt dấu cách để mọi dấu '-' của danh sách nằm cùng một cột.",
    ),
    CommonError(
        "Thiếu dấu cách sau dấu hai chấm",
        COOP,
        GOOD_COOP.replace("kind: htx", "kind:htx"),
        f"{COOP}:2: cú pháp YAML sai: thiếu dấu cách sau dấu ':' (viết 'kind: htx')",
        "Tên trường và giá trị phải cách nhau bằng dấu ':' và một dấu cách.",
        "Thêm một dấu cách sau dấu ':'.",
    ),
    CommonError(
        "Dấu ngoặc kép chưa đóng",
        COOP,
        GOOD_COOP.replace("name: Hợp tác xã Rau an toàn Thạnh Tân", 'name: "Hợp tác xã Rau an toàn Thạnh Tân'),
        f'{COOP}:1: cú pháp YAML sai: dấu ngoặc " mở ở cột 7 chưa được đóng',
        "Giá trị bắt đầu bằng dấu ngoặc kép thì phải kết thúc bằng dấu ngoặc kép trên cùng dòng.",
        'Thêm dấu " ở cuối giá trị, hoặc bỏ cả hai dấu ngoặc.',
    ),
    CommonError(
        "Ký tự vô hình",
        COOP,
        GOOD_COOP.replace("commune: phuong-binh-minh", "commune: phuong-binh\u00a0minh"),
        f"{COOP}:4: cột 21: có khoảng trắng không ngắt (U+00A0), một ký tự vô hình không được đăng",
        "Chữ chép từ Word hay trang web có thể mang theo ký tự không nhìn thấy (khoảng trắng không ngắt, "
        "khoảng trắng độ rộng 0, dấu gạch nối mềm); trong dữ liệu, chúng làm mã không khớp và hai tên trông "
        "giống nhau mà khác nhau. Thông báo ghi ký tự đó thành [U+00A0] để thấy được chỗ của nó.",
        "Xóa ký tự ở đúng dòng và cột được báo rồi gõ lại dấu cách thường.",
    ),
    CommonError(
        "Phần đầu bài không đóng",
        "content/ban-tin/2025-so-04/01-ban-rau-qua-mang.md",
        "---\ntitle: Bán rau qua mạng\ndate: 2025-06-30\n\nNội dung.\n",
        "content/ban-tin/2025-so-04/01-ban-rau-qua-mang.md:1: phần đầu trang mở bằng dòng '---' nhưng "
        "không có dòng '---' nào đóng lại",
        "Phần đầu bài (title, date...) nằm giữa hai dòng chỉ có ba dấu gạch ngang; thiếu dòng thứ hai thì cả "
        "bài không đọc được.",
        "Thêm một dòng '---' ngay sau trường cuối cùng, trước nội dung bài.",
        other_files=(ISSUE_INDEX,),
    ),
    CommonError(
        "Tên tệp không dùng được trên Windows",
        "content/gioi-thieu:2025.md",
        "# Giới thiệu\n",
        "content/gioi-thieu:2025.md: tên 'gioi-thieu:2025.md' có ký tự ':', không dùng được trong tên tệp trên Windows",
        'Tên tệp, thư mục và mã thành tên tệp và địa chỉ trang: chúng không được chứa < > : " | ? * \\, không được '
        "là tên Windows dành riêng (con, aux, nul...) và không dài quá 100 ký tự.",
        "Đổi tên tệp (hoặc mã, tên chuyên mục) chỉ dùng chữ thường không dấu, số và dấu gạch ngang.",
    ),
    CommonError(
        "Hai trang cùng một địa chỉ",
        "content/gioi-thieu/index.md",
        "# Giới thiệu (bản mới)\n",
        "content/gioi-thieu.md: trang này và content/gioi-thieu/index.md cùng ra địa chỉ /gioi-thieu/",
        "Tệp gioi-thieu.md và tệp gioi-thieu/index.md đều thành trang /gioi-thieu/; một trang sẽ đè mất trang kia.",
        "Gộp nội dung vào một tệp và xóa tệp kia, hoặc đổi tên một tệp.",
        other_files=(("content/gioi-thieu.md", "# Giới thiệu\n"),),
    ),
    CommonError(
        "Liên kết tới hồ sơ không có",
        "content/ban-tin/2025-so-04/01-ban-rau-qua-mang.md",
        "---\ntitle: Bán rau qua mạng\ndate: 2025-06-30\n---\n\nXem [hồ sơ](../../hop-tac-xa/htx-khong-co/).\n",
        "content/ban-tin/2025-so-04/01-ban-rau-qua-mang.md:6: liên kết '../../hop-tac-xa/htx-khong-co/' dẫn tới "
        "trang không có: không có HTX/THT mang mã 'htx-khong-co'",
        "Liên kết tới trang hồ sơ, văn bản, kế hoạch hay chỉ tiêu được kiểm tra: mã trong địa chỉ phải có trong "
        "dữ liệu. Viết địa chỉ như trên trình duyệt (../../hop-tac-xa/<mã>/) hay theo tệp (<mã>.md) đều được.",
        'Sửa mã cho đúng tên tệp trong models_data/; để trích dẫn văn bản, dùng {{ van_ban("mã-văn-bản") }}.',
        other_files=(ISSUE_INDEX,),
    ),
    CommonError(
        "Ảnh SVG chứa mã chạy",
        "content/images/ban-tin/so-do.svg",
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n<script>alert("xin chào")</script>\n</svg>\n',
        "content/images/ban-tin/so-do.svg:2: ảnh SVG có mã chạy (thẻ <script>)",
        "Ảnh SVG là một tài liệu có thể chạy mã trên máy người đọc, hoặc tải thứ khác từ mạng. Trang chỉ "
        "nhận ảnh SVG thuần: không script, không thuộc tính sự kiện (onload, onclick...), không <foreignObject>, "
        "không liên kết hay ảnh trỏ ra ngoài.",
        "Xuất lại ảnh từ phần mềm vẽ dưới dạng SVG thuần (Inkscape: «Plain SVG»), hoặc dùng ảnh PNG.",
    ),
    CommonError(
        "Ảnh mang đuôi sai",
        "content/images/ban-tin/rau.jpg",
        b"\x89PNG\r\n\x1a\n",
        "content/images/ban-tin/rau.jpg: tệp có đuôi .jpg nhưng là ảnh PNG; hãy đổi đuôi thành .png",
        "Nội dung tệp không phải định dạng mà đuôi tên tệp ghi; trình duyệt có thể không hiện được ảnh.",
        "Đổi đuôi tệp theo đúng định dạng (và sửa đường dẫn tới ảnh), hoặc xuất lại ảnh.",
    ),
    CommonError(
        "Tệp HTML hay JavaScript trong content/",
        "content/gioi-thieu/bang-gia.html",
        "<table><tr><td>Rau</td><td>5.000 đồng</td></tr></table>\n",
        "content/gioi-thieu/bang-gia.html: tệp .html (trang HTML) không được đặt trong content/",
        "Mọi tệp trong content/ được đăng nguyên văn; một trang HTML hay tệp mã có thể chạy mã trên máy người đọc.",
        "Viết nội dung thành trang Markdown (.md); bảng viết bằng cú pháp bảng của Markdown.",
    ),
)
