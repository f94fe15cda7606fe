"""Front matter of ``content/ban-tin/<year>-so-<NN>/index.md`` (an issue) and its articles."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, PositiveInt, field_validator

from ktt_site.dates import Date
from ktt_site.references import CooperativeId, LegalId
from ktt_site.validation import Category, PlainText, Record

BULLETIN_DIR = "ban-tin"


def _as_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


#: The theme templates an editor's page may name: any other name crashed the build.
PageTemplate = Literal["main.html", "ktt-page.html"]


class IssueMeta(Record):
    """An issue of the bulletin (front matter of its ``index.md``)."""

    issue: PositiveInt = Field(description="Số của bản tin, ví dụ 3.")
    date: Date = Field(description="Ngày phát hành.")
    title: PlainText = Field(description="Tiêu đề số bản tin.")
    cover: str | None = Field(default=None, description="Ảnh bìa, đường dẫn trong content/.")
    cover_alt: PlainText | None = Field(default=None, description="Mô tả ảnh bìa.")
    summary: PlainText | None = Field(default=None, description="Giới thiệu ngắn.")
    illustrative: bool = Field(default=False, description="true nếu số bản tin là minh họa.")
    template: PageTemplate | None = Field(default=None, description="(Kỹ thuật) mẫu trang của giao diện.")


class ArticleMeta(Record):
    """An article (front matter of any other ``.md`` in an issue folder)."""

    title: PlainText = Field(description="Tiêu đề bài viết.")
    date: Date = Field(description="Ngày đăng.")
    updated: Date | None = Field(
        default=None, description="Ngày sửa bài lần cuối, nếu bài đã đăng được sửa (nguồn tin báo cho người theo dõi)."
    )
    authors: list[PlainText] = Field(default_factory=list, description="Tác giả.")
    categories: list[Category] = Field(default_factory=list, description="Chuyên mục, ví dụ 'Pháp luật'.")
    summary: PlainText | None = Field(default=None, max_length=400, description="Tóm tắt (tối đa 400 ký tự).")
    image: str | None = Field(default=None, description="Ảnh đại diện, đường dẫn trong content/.")
    image_alt: PlainText | None = Field(default=None, description="Mô tả ảnh đại diện.")
    cooperatives: list[CooperativeId] = Field(default_factory=list, description="Mã các HTX, THT được nhắc đến.")
    legal: list[LegalId] = Field(default_factory=list, description="Mã các văn bản được nhắc đến.")
    draft: bool = Field(default=False, description="true: bản nháp, không đăng.")
    illustrative: bool = Field(default=False, description="true nếu sự kiện trong bài là minh họa.")
    order: int | None = Field(default=None, description="Thứ tự trong số bản tin (mặc định theo tên tệp).")
    template: PageTemplate | None = Field(default=None, description="(Kỹ thuật) mẫu trang của giao diện.")

    _as_lists = field_validator("authors", "categories", mode="before")(_as_list)
