"""The legal library's pages: ``/van-ban/`` (every document by date) and ``/van-ban/<id>/``."""

from __future__ import annotations

from dataclasses import dataclass

import markdown as markdown_lib

from ktt_site.bulletin.load import Article
from ktt_site.cooperatives.model import Cooperative
from ktt_site.legal.model import LegalDocument
from ktt_site.legal.shortcodes import SECTION, VAN_BAN, document_src_uri
from ktt_site.legal.status import Status, replaces, status_of
from ktt_site.plans.model import Plan
from ktt_site.rendering import BuildSettings, Output, page
from ktt_site.sharing.text import DESCRIPTION_LIMIT, html_text, shorten
from ktt_site.shortcodes import find_calls
from ktt_site.site import SiteData

INDEX = f"{SECTION}/index.md"


@dataclass(frozen=True)
class DocumentView:
    """What a document's page shows, with everything computed from the rest of the site."""

    doc: LegalDocument
    status: Status
    replaced_by: LegalDocument | None
    replaces: list[LegalDocument]
    related: list[LegalDocument]
    profiles: list[Cooperative]
    articles: list[Article]
    plans: list[tuple[Plan, str]]

    @property
    def src_uri(self) -> str:
        return document_src_uri(self.doc.id)


def cited_documents(article: Article) -> set[str]:
    """Ids of the documents an article cites in front matter (``legal:``) or with ``van_ban``."""
    shortcodes = {VAN_BAN.name: VAN_BAN}
    in_body = {call.args[0] for call in find_calls(article.body, shortcodes) if len(call.args) == 1}
    return {*article.meta.legal, *in_body}


def citing_articles(site: SiteData) -> dict[str, list[Article]]:
    """Published articles by the id of each document they cite, newest first.

    One pass over the articles for every document: scanning them per document would cost the
    number of documents times the number of articles."""
    found: dict[str, list[Article]] = {}
    for article in site.articles:
        for doc_id in cited_documents(article):
            found.setdefault(doc_id, []).append(article)
    return found


def citing_plans(site: SiteData, doc_id: str) -> list[tuple[Plan, str]]:
    """Coordination plans that are this document, or name it as their basis."""
    found = []
    for plan in sorted(site.plans.values(), key=lambda p: p.id):
        if plan.legal_document == doc_id:
            found.append((plan, "Nội dung, phân công và tiến độ của kế hoạch này"))
        elif doc_id in plan.basis:
            found.append((plan, "Kế hoạch lấy văn bản này làm căn cứ"))
    return found


def view_of(site: SiteData, doc: LegalDocument, articles: list[Article]) -> DocumentView:
    library = site.legal
    replaced_by = library.get(doc.replaced_by) if doc.replaced_by else None
    older = replaces(doc, library)
    chain = {d.id for d in older} | ({replaced_by.id} if replaced_by else set())
    # Related reads both ways too, so an editor links two documents once.
    related_ids = [
        *doc.related,
        *(d.id for d in sorted(library.values(), key=lambda d: d.sort_key) if doc.id in d.related),
    ]
    related = [library[i] for i in dict.fromkeys(related_ids) if i not in chain and i != doc.id]
    profiles = sorted((c for c in site.cooperatives.values() if c.legal_basis == doc.id), key=lambda c: c.name)
    return DocumentView(
        doc,
        status_of(doc, library, site.as_of),
        replaced_by,
        older,
        related,
        profiles,
        articles,
        citing_plans(site, doc.id),
    )


def by_date(site: SiteData) -> list[LegalDocument]:
    """Newest first; documents whose date is not known come last."""
    return sorted(site.legal.values(), key=lambda d: d.sort_key, reverse=True)


def description(view: DocumentView) -> str:
    """One line for sharing metadata and search results: what it is, its status, what it says."""
    text = f"{view.doc.citation}. Tình trạng: {view.status.label}."
    if view.doc.summary:
        text += " " + html_text(markdown_lib.markdown(view.doc.summary))
    return shorten(text, DESCRIPTION_LIMIT)


def build_outputs(site: SiteData, settings: BuildSettings) -> list[Output]:
    citing = citing_articles(site)
    views = [view_of(site, doc, citing.get(doc.id, [])) for doc in by_date(site)]
    outputs = [
        page(
            INDEX,
            "legal/index.md.j2",
            title="Văn bản",
            front_matter={
                "description": "Thư viện văn bản về kinh tế tập thể, hợp tác xã và tổ hợp tác: "
                "số hiệu, ngày ban hành, tình trạng hiệu lực và tóm tắt."
            },
            in_nav=True,
            views=views,
            as_of=site.as_of,
        )
    ]
    for view in views:
        outputs.append(
            page(
                view.src_uri,
                "legal/document.md.j2",
                title=f"{view.doc.label} {view.doc.issued_phrase}".strip(),
                front_matter={"description": description(view)},
                view=view,
                doc=view.doc,
                as_of=site.as_of,
            )
        )
    return outputs
