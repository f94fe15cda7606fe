"""Site search for Vietnamese readers on phones: static, split into fragments, diacritic-blind.

Engine: Pagefind, the binary that the ``pagefind-bin`` package installs from PyPI (so a build
needs no network), driven through its service protocol (:mod:`pagefind_service`) from MkDocs'
own process: :mod:`background` sends each page as MkDocs hands it over, and Pagefind, a
process of its own, indexes it while MkDocs renders the next. Why Pagefind:

* Material's built-in search (lunr) downloads one monolithic index before the first result:
  about 7 MB for 1,000 pages and 21 MB for 3,000, and it cannot match ``hop tac xa`` to
  ``hợp tác xã``. It stays off (``mkdocs.yml`` lists plugins explicitly, without ``search``).
* Pagefind writes a word index cut into chunks and one fragment per page; a query loads only
  the chunks holding its words and the fragments of the results shown, so a reader's first
  query stays under 500 KB on a 3,000-page site once the index is cut again (below;
  ``bench/bench_search.py`` measures it in a browser).
* Writing our own fragment index would mean owning ranking, chunking and a client; Pagefind is
  well kept, and its ranking (BM25-style, with a boost for the accents typed) is better
  than what we would write.

The ``đ`` gap: Pagefind 1.5 files every word under its form without combining marks and keeps
the accented forms beside it, so ``hop tac xa``, ``HỢP TÁC XÃ`` and a decomposed ``hợp tác xã``
find the same pages, with the accenting the reader typed ranked first. ``đ`` has no
decomposition, so ``dong`` found nothing where ``đồng`` was. Each page therefore goes in as a
*custom record* whose text is the page's own text with ``đ``/``Đ`` written as ``d``/``D`` plus
U+0335 (a combining stroke, which Pagefind strips like any mark: :mod:`folding`);
``assets/ktt/search.js`` writes the query the same way and turns the pair back into ``đ`` in
titles and snippets, which it builds from the page's original words at the positions Pagefind
reports. We rejected indexing a fully folded copy with the original kept in metadata: Pagefind
1.5 indexes metadata too, so every page's text would have been indexed twice.

Sections and filters (kind of page, district of a profile, category and issue of an article)
are derived from each page's URL and the validated site data (:mod:`records`), so page
templates carry no search markup.

Only :mod:`bundle_format` reads Pagefind's private file format, to keep first queries within
budget (Pagefind 1.5 cuts a Vietnamese index into chunks of up to 600 KB) and builds
byte-identical (it writes filter values in a per-process hash-map order). Any format it does not
recognise, as a Pagefind upgrade may bring, costs a warning and leaves Pagefind's own bundle in
place: never a failed build.
"""
