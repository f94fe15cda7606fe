/*
 * ktt-site search: the header's search box, backed by the Pagefind bundle in <site>/pagefind/.
 *
 * Nothing of the index loads with a page: the first focus of the box imports Pagefind, which
 * then fetches only the index chunks holding the query's words and the fragments of the
 * results shown. Pagefind matches words whatever their accents and ranks the accenting typed
 * first; "đ" is the one letter it cannot see through, so the index holds it as "d" + U+0335
 * (see ktt_site/search/folding.py) and the query is written the same way (indexForm).
 * Every URL is resolved from this script's own address, so the site works from any sub-path.
 */
(function () {
  "use strict";

  var PAGE_SIZE = 10;
  var SNIPPET_WORDS = 28;
  var script = document.currentScript;
  // This file is <site root>/assets/ktt/search.js.
  var root = new URL("../../", script ? script.src : document.baseURI);

  var STROKE = "\u0335";
  /** The legal library's "kind" filter value (ktt_site/search/records.py, SECTIONS). */
  var LEGAL_KIND = "Văn bản";

  /** The rule of ktt_site/search/folding.py:index_form: NFC, đ as d + U+0335. */
  function indexForm(text) {
    return text.normalize("NFC").replace(/đ/g, "d" + STROKE).replace(/Đ/g, "D" + STROKE);
  }

  /** The inverse of indexForm, for everything shown to readers. */
  function displayForm(text) {
    return text.replace(/d\u0335/g, "đ").replace(/D\u0335/g, "Đ");
  }

  /** Lower case, no marks, đ as d: how two spellings of a word are compared for highlighting. */
  function fold(text) {
    return text.toLowerCase().replace(/đ/g, "d").normalize("NFD").replace(/\p{M}/gu, "");
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) {
      return key in values ? String(values[key]) : "";
    });
  }

  /** The start of the window of `size` words holding most of the matched positions. */
  function snippetStart(locations, total, size, first) {
    first = first || 0;
    if (!locations.length) return first;
    if (total - first <= size) return first;
    var best = first;
    var bestCount = -1;
    locations.forEach(function (location) {
      var start = Math.max(first, Math.min(location - 4, total - size));
      var count = locations.filter(function (l) { return l >= start && l < start + size; }).length;
      if (count > bestCount) { best = start; bestCount = count; }
    });
    return best;
  }

  /** Words joined by spaces; a marked word is highlighted without the punctuation around it. */
  function appendWords(parent, words, marked) {
    var text = "";
    var flush = function () {
      if (text) parent.appendChild(document.createTextNode(text));
      text = "";
    };
    words.forEach(function (word, index) {
      if (index) text += " ";
      var parts = marked(index) && word.match(/^([^\p{L}\p{N}]*)(.*?[\p{L}\p{N}\p{M}])([^\p{L}\p{N}\p{M}]*)$/u);
      if (!parts) {
        text += word;
        return;
      }
      text += parts[1];
      flush();
      var mark = document.createElement("mark");
      mark.textContent = parts[2];
      parent.appendChild(mark);
      text = parts[3];
    });
    flush();
  }

  function setUp(box) {
    var toggle = document.getElementById("__search");
    var form = box.querySelector("[data-ktt-search-form]");
    var input = box.querySelector("[data-ktt-search-input]");
    var meta = box.querySelector("[data-ktt-search-meta]");
    var list = box.querySelector("[data-ktt-search-results]");
    var more = box.querySelector("[data-ktt-search-more]");
    var filterBox = box.querySelector("[data-ktt-search-filters]");
    var selects = Array.prototype.slice.call(box.querySelectorAll("select[data-ktt-filter]"));
    var text = function (key) { return box.getAttribute("data-text-" + key) || ""; };

    var engine = null;
    var generation = 0;
    var results = [];
    var shown = 0;
    var terms = [];
    var timer = null;

    function open() {
      if (toggle && !toggle.checked) toggle.checked = true;
    }

    function close() {
      if (toggle) toggle.checked = false;
      input.blur();
    }

    function loadEngine() {
      if (!engine) {
        var bundle = new URL("pagefind/", root);
        engine = import(new URL("pagefind.js", bundle).href).then(function (pagefind) {
          return Promise.resolve(pagefind.options({ basePath: bundle.pathname }))
            .then(function () { return pagefind.init(); })
            .then(function () { return pagefind.filters(); })
            .then(function (available) {
              fillSelects(available);
              return pagefind;
            });
        });
        engine.catch(function () {
          engine = null;
          meta.textContent = text("error");
        });
      }
      return engine;
    }

    function chosenFilters() {
      var chosen = {};
      selects.forEach(function (select) {
        if (select.value) chosen[select.getAttribute("data-ktt-filter")] = select.value;
      });
      return chosen;
    }

    function setOptions(select, counts) {
      var current = select.value;
      var values = Object.keys(counts || {}).filter(function (value) {
        return counts[value] > 0 || value === current;
      });
      values.sort(function (a, b) { return a.localeCompare(b, "vi", { numeric: true }); });
      if (select.hasAttribute("data-ktt-filter-newest-first")) values.reverse();
      select.replaceChildren();
      var all = document.createElement("option");
      all.value = "";
      all.textContent = text("all");
      select.appendChild(all);
      values.forEach(function (value) {
        var option = document.createElement("option");
        option.value = value;
        option.textContent = value + " (" + (counts[value] || 0) + ")";
        select.appendChild(option);
      });
      select.value = current;
      return values.length;
    }

    function fillSelects(available) {
      selects.forEach(function (select) {
        setOptions(select, available[select.getAttribute("data-ktt-filter")]);
      });
      filterBox.hidden = !Object.keys(available).length;
      showSecondary(available);
    }

    /** District, category and issue only make sense once a kind of page is chosen. */
    function showSecondary(counts) {
      var primary = selects.filter(function (s) { return s.hasAttribute("data-ktt-filter-primary"); })[0];
      selects.forEach(function (select) {
        if (select === primary) return;
        var key = select.getAttribute("data-ktt-filter");
        var values = counts[key] || {};
        var useful = Object.keys(values).some(function (v) { return values[v] > 0; });
        select.parentElement.hidden = !select.value && !(primary && primary.value && useful);
      });
    }

    /** Lower-cased word without the punctuation around it. */
    function bare(word) {
      return word.toLowerCase().normalize("NFC").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    }

    /**
     * Whether a word matches the query as typed: a term typed with marks asks for those marks
     * (so "đồng" does not light up "động"), a term typed without them matches any accenting.
     */
    function matchesTyped(word) {
      var plain = bare(word);
      var folded = fold(plain);
      return terms.some(function (term) {
        return term.typed === term.folded ? folded.indexOf(term.folded) === 0 : plain.indexOf(term.typed) === 0;
      });
    }

    /** Section, then district, issue and categories: the line under a result's title. */
    function placeLine(filters) {
      return ["kind", "district", "issue", "category"].map(function (key) {
        return (filters[key] || []).join(", ");
      }).filter(Boolean).join(" · ");
    }

    function renderResult(data) {
      var words = displayForm(data.content || "").split(/\s+/);
      // The record's first words repeat its title (ktt_site/search/records.py, meta "lead"):
      // the snippet comes from the page's own text after them.
      var lead = Math.min(parseInt((data.meta || {}).lead, 10) || 0, Math.max(words.length - 1, 0));
      var locations = (data.locations || []).filter(function (l) { return l >= lead && l < words.length; });
      // The index is accent-blind; prefer the places that match the accents the reader typed.
      var precise = locations.filter(function (l) { return matchesTyped(words[l]); });
      if (precise.length) locations = precise;
      var marked = {};
      locations.forEach(function (l) { marked[l] = true; });

      var item = document.createElement("li");
      item.className = "md-search-result__item";
      var link = document.createElement("a");
      link.className = "md-search-result__link";
      link.href = new URL(String(data.raw_url || data.url).replace(/^\/+/, ""), root).href;
      link.addEventListener("click", close);
      var article = document.createElement("article");
      article.className = "md-search-result__article md-typeset";
      var icon = document.createElement("div");
      icon.className = "md-search-result__icon md-icon";
      article.appendChild(icon);

      var title = document.createElement("h1");
      var titleWords = displayForm(String(data.meta.title || "")).split(" ");
      appendWords(title, titleWords, function (index) { return matchesTyped(titleWords[index]); });
      article.appendChild(title);

      var section = document.createElement("p");
      section.className = "ktt-search__section";
      section.textContent = placeLine(data.filters || {});
      article.appendChild(section);

      var snippet = document.createElement("p");
      snippet.className = "ktt-search__snippet";
      var start = snippetStart(locations, words.length, SNIPPET_WORDS, lead);
      var end = Math.min(words.length, start + SNIPPET_WORDS);
      if (start > lead) snippet.appendChild(document.createTextNode("… "));
      appendWords(snippet, words.slice(start, end), function (index) { return marked[start + index]; });
      if (end < words.length) snippet.appendChild(document.createTextNode(" …"));
      article.appendChild(snippet);

      link.appendChild(article);
      item.appendChild(link);
      return item;
    }

    /** aria-busy tells assistive technology (and tests) that results are being replaced: also
     *  while a search is scheduled, when an earlier one ends between two slow keystrokes. */
    function busy(state) {
      list.setAttribute("aria-busy", state || timer !== null ? "true" : "false");
    }

    function showMore(current) {
      var batch = results.slice(shown, shown + PAGE_SIZE);
      shown += batch.length;
      more.hidden = true;
      busy(true);
      return Promise.all(batch.map(function (result) { return result.data(); })).then(function (pages) {
        if (current !== generation) return;
        pages.forEach(function (page) { list.appendChild(renderResult(page)); });
        more.hidden = shown >= results.length;
        busy(false);
      });
    }

    function showResponse(current, raw, response) {
      results = response.results;
      shown = 0;
      list.replaceChildren();
      selects.forEach(function (select) {
        // Changing the kind of page clears the other filters: offer every kind the query has.
        var counts = select.hasAttribute("data-ktt-filter-primary") ? response.totalFilters : response.filters;
        setOptions(select, (counts || {})[select.getAttribute("data-ktt-filter")]);
      });
      showSecondary(response.filters || {});
      if (!results.length) {
        meta.textContent = fill(text("none"), { query: raw });
        more.hidden = true;
        busy(false);
        return Promise.resolve();
      }
      meta.textContent = fill(text(results.length === 1 ? "one" : "other"), { count: results.length });
      return showMore(current);
    }

    /** Whether a result's title and boosted words (its record's first "lead" words, e.g. a
     *  law's common name) hold every word typed. */
    function namesAll(data) {
      var lead = parseInt((data.meta || {}).lead, 10) || 0;
      var head = fold(displayForm(data.content || "").split(/\s+/).slice(0, lead).join(" ").toLowerCase());
      return terms.length > 0 && terms.every(function (term) { return head.indexOf(term.folded) !== -1; });
    }

    /**
     * A legal document named by every word typed ("luat 2012", "23/2012") comes first: a reader
     * who types a law's number or year wants the law, and Pagefind, weighing every word of our
     * records alike, ranks the articles that cite it many times above it. One more search,
     * limited to the legal library by the documented filter, and its top three fragments.
     */
    function legalFirst(pagefind, query, filters, response) {
      var only = {};
      Object.keys(filters).forEach(function (key) { only[key] = filters[key]; });
      only.kind = LEGAL_KIND;
      return pagefind.search(query, { filters: only }).then(function (legal) {
        var top = ((legal && legal.results) || []).slice(0, 3);
        return Promise.all(top.map(function (result) { return result.data(); })).then(function (pages) {
          var named = {};
          top.forEach(function (result, i) { if (namesAll(pages[i])) named[result.id] = true; });
          var first = response.results.filter(function (result) { return named[result.id]; });
          if (!first.length) return response;
          var rest = response.results.filter(function (result) { return !named[result.id]; });
          var reordered = {};
          Object.keys(response).forEach(function (key) { reordered[key] = response[key]; });
          reordered.results = first.concat(rest);
          return reordered;
        });
      }).catch(function () { return response; });
    }

    function search() {
      var current = ++generation;
      clearTimeout(timer);
      timer = null;
      var raw = input.value.trim();
      var query = indexForm(raw);
      var filters = chosenFilters();
      terms = raw.toLowerCase().normalize("NFC").split(/\s+/).map(bare).filter(Boolean).map(function (typed) {
        return { typed: typed, folded: fold(typed) };
      });
      busy(true);
      if (!query && !Object.keys(filters).length) {
        results = [];
        list.replaceChildren();
        more.hidden = true;
        meta.textContent = text("placeholder");
        var refreshed = engine
          ? engine.then(function (pagefind) { return pagefind.filters(); }).then(showSecondary)
          : Promise.resolve();
        return refreshed.then(function () { if (current === generation) busy(false); });
      }
      meta.textContent = text("loading");
      return loadEngine().then(function (pagefind) {
        return pagefind.search(query || null, { filters: filters }).then(function (response) {
          return query && !filters.kind ? legalFirst(pagefind, query, filters, response) : response;
        });
      }).then(function (response) {
        if (current === generation) return showResponse(current, raw, response);
      }).catch(function () {
        if (current !== generation) return;
        meta.textContent = text("error");
        busy(false);
      });
    }

    function searchSoon() {
      busy(true);
      clearTimeout(timer);
      timer = setTimeout(search, 120);
    }

    input.addEventListener("focus", function () { open(); loadEngine(); });
    input.addEventListener("input", searchSoon);
    form.addEventListener("submit", function (event) {
      // On a phone, "search" on the keyboard should reveal the results, not reload the page.
      event.preventDefault();
      search();
      input.blur();
    });
    form.addEventListener("reset", function () {
      setTimeout(function () { search(); input.focus(); }, 0);
    });
    selects.forEach(function (select) {
      select.addEventListener("change", function () {
        if (select.hasAttribute("data-ktt-filter-primary")) {
          selects.forEach(function (other) { if (other !== select) other.value = ""; });
        }
        search();
      });
    });
    more.addEventListener("click", function () { showMore(generation); });
    box.addEventListener("keydown", function (event) {
      if (event.key === "Escape") close();
    });
    if (toggle) {
      toggle.addEventListener("change", function () {
        if (toggle.checked) setTimeout(function () { input.focus(); }, 0);
      });
    }
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      var typing = target && (target.isContentEditable || /^(input|select|textarea)$/i.test(target.tagName));
      if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        open();
        input.focus();
      }
    });
  }

  function start() {
    var box = document.querySelector("[data-ktt-search]");
    if (box && !box.hasAttribute("data-ktt-search-ready")) {
      box.setAttribute("data-ktt-search-ready", "");
      setUp(box);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  // With Material's instant navigation a page is swapped in without reloading this script.
  // Material's bundle is deferred after this script (theme/main.html): look for its document$
  // once every deferred script has run.
  function followInstantNavigation() {
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(start);
  }
  if (document.readyState === "complete") followInstantNavigation();
  else document.addEventListener("DOMContentLoaded", followInstantNavigation);
})();
