/* Header search over the Pagefind index in site/pagefind/ (built by generator/search_index.py).
 *
 * Pagefind splits the index into small fragments, so a first query downloads only the parts it
 * needs. Everything is fetched from this site: no other host is ever contacted. Results and the
 * filters (theme, type, board, year) appear in a panel under the box; the count is announced.
 * "/" or "s" focuses the box from anywhere on the page; Escape closes the panel.
 */
(function () {
  "use strict";

  var PAGE = 10;
  var FILTER_ORDER = ["theme", "type", "board", "year"];
  var FILTER_LABELS = { theme: lbT("Theme"), type: lbT("Review type"), board: lbT("Board"), year: lbT("Year") };

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* Pagefind's excerpt is HTML with <mark> around matches: rebuild it from text nodes only. */
  function excerptNode(html) {
    var p = el("p", { "class": "lb-search__excerpt" });
    var decode = document.createElement("textarea");
    html.split(/(<mark>|<\/mark>)/).reduce(function (marked, part) {
      if (part === "<mark>") return true;
      if (part === "</mark>") return false;
      decode.innerHTML = part.replace(/<[^>]*>/g, "");
      var text = document.createTextNode(decode.value);
      if (marked) {
        var m = el("mark");
        m.appendChild(text);
        p.appendChild(m);
      } else {
        p.appendChild(text);
      }
      return marked;
    }, false);
    return p;
  }

  function setup(root) {
    var input = root.querySelector(".lb-search__input");
    var form = root.querySelector(".lb-search__form");
    var panel = root.querySelector(".lb-search__panel");
    var status = root.querySelector(".lb-search__status");
    var list = root.querySelector(".lb-search__results");
    var more = root.querySelector(".lb-search__more");
    var details = root.querySelector(".lb-search__filters");
    var groups = root.querySelector("[data-lb-filters]");
    var base = new URL((root.getAttribute("data-lb-base") || ".").replace(/\/?$/, "/"), location.href);
    var pagefind = null;
    var loading = null;
    var sequence = 0;
    var current = [];
    var shown = 0;

    root.hidden = false;

    function load() {
      if (!loading) {
        var bundle = new URL("pagefind/", base);
        /* A large collection is indexed in parts (generator/engine/search_index.py); lb-parts.json
           lists the parts after the first, which are merged into it. */
        var parts = fetch(new URL("lb-parts.json", bundle).href).then(function (response) {
          return response.ok ? response.json() : { parts: [] };
        }).then(function (listed) { return listed.parts || []; });
        loading = Promise.all([import(new URL("pagefind.js", bundle).href), parts]).then(function (got) {
          var pf = got[0];
          /* noWorker: a first search is quicker, and 40 KB lighter, on the page itself. */
          return pf.options({ baseUrl: base.pathname, excerptLength: 24, noWorker: true }).then(function () {
            pf.init();
            return Promise.all(got[1].map(function (part) {
              return pf.mergeIndex(new URL(part, bundle).pathname, { baseUrl: base.pathname, excerptLength: 24 });
            }));
          }).then(function () {
            pagefind = pf;
            return pf;
          });
        });
        loading.catch(function () {
          loading = null;
          open();
          status.textContent = lbT("Search could not be loaded. It works when the site is opened through a web server.");
        });
      }
      return loading;
    }

    function open() {
      panel.hidden = false;
    }

    function close() {
      panel.hidden = true;
    }

    function chosenFilters() {
      var chosen = {};
      groups.querySelectorAll("input[type=checkbox]:checked").forEach(function (box) {
        (chosen[box.name] = chosen[box.name] || []).push(box.value);
      });
      return chosen;
    }

    /* Search on every keystroke: a search that is overtaken is dropped (see sequence), and
       Pagefind caches what it has loaded, so typing on costs little. */
    function schedule() {
      run();
    }

    function run() {
      var query = input.value.trim();
      var filters = chosenFilters();
      var filtering = Object.keys(filters).length > 0;
      var mine = ++sequence;
      if (!query && !filtering) {
        list.replaceChildren();
        more.hidden = true;
        status.textContent = "";
        if (!details.open) close();
        return;
      }
      open();
      load().then(function (pf) {
        return pf.search(query || null, { filters: filters });
      }).then(function (search) {
        if (mine !== sequence || !search) return;
        current = search.results;
        shown = 0;
        list.replaceChildren();
        var words = query ? lbT(" for \u201c%(query)s\u201d", { query: query }) : "";
        var filterNote = filtering ? lbT(" with the filters chosen") : "";
        if (!current.length) {
          more.hidden = true;
          status.textContent = lbT("No briefings or themes found%(words)s%(filters)s. Check the spelling, use fewer words or clear the filters.", { words: words, filters: filterNote });
          return;
        }
        status.textContent = lbT(current.length === 1 ? "%(n)s result%(words)s%(filters)s." : "%(n)s results%(words)s%(filters)s.",
          { n: current.length.toLocaleString("en-GB"), words: words, filters: filterNote });
        return showMore(mine);
      });
    }

    function showMore(mine) {
      var batch = current.slice(shown, shown + PAGE);
      shown += batch.length;
      more.hidden = shown >= current.length;
      /* Fetch every result of the batch at once but show them in order as they arrive, so the
         first result appears as soon as its own fragment has loaded. */
      var slots = batch.map(function () {
        var item = el("li", { "class": "lb-search__result", hidden: "" });
        list.appendChild(item);
        return item;
      });
      return batch.reduce(function (previous, r, i) {
        var loaded = r.data();
        return previous.then(function () { return loaded; }).then(function (page) {
          if (mine !== sequence) return;
          fill(slots[i], page);
        });
      }, Promise.resolve());
    }

    function fill(item, page) {
      var link = el("a", { href: page.url }, (page.meta && page.meta.title) || page.url);
      item.appendChild(link);
      var facts = [];
      if (page.filters && page.filters.type) facts.push(page.filters.type[0]);
      if (page.filters && page.filters.year) facts.push(page.filters.year[0]);
      if (!page.filters || !page.filters.type) facts.push(lbT("Theme"));
      item.appendChild(el("p", { "class": "lb-search__meta" }, facts.join(", ")));
      if (page.excerpt) item.appendChild(excerptNode(page.excerpt));
      item.hidden = false;
    }

    function loadFilters() {
      if (groups.getAttribute("data-loaded")) return;
      groups.setAttribute("data-loaded", "1");
      groups.replaceChildren(el("p", {}, lbT("Loading filters\u2026")));
      load().then(function (pf) { return pf.filters(); }).then(function (all) {
        groups.replaceChildren();
        var names = FILTER_ORDER.filter(function (n) { return all[n]; })
          .concat(Object.keys(all).filter(function (n) { return FILTER_ORDER.indexOf(n) < 0; }));
        names.forEach(function (name) {
          var set = el("fieldset", { "class": "lb-search__filter" });
          set.appendChild(el("legend", {}, FILTER_LABELS[name] || name));
          var values = Object.keys(all[name]).sort();
          if (name === "year") values.reverse();
          values.forEach(function (value, i) {
            var id = "lb-filter-" + name + "-" + i;
            var row = el("div", { "class": "lb-search__option" });
            var box = el("input", { type: "checkbox", id: id, name: name, value: value });
            row.appendChild(box);
            row.appendChild(el("label", { "for": id }, value + " (" + all[name][value].toLocaleString("en-GB") + ")"));
            set.appendChild(row);
          });
          groups.appendChild(set);
        });
        var clear = el("button", { type: "button", "class": "lb-search__clear" }, lbT("Clear filters"));
        clear.addEventListener("click", function () {
          groups.querySelectorAll("input[type=checkbox]").forEach(function (b) { b.checked = false; });
          run();
        });
        groups.appendChild(clear);
      });
    }

    form.addEventListener("submit", function (e) {
      e.preventDefault();
      run();
    });
    input.addEventListener("focus", function () {
      load();
      if (input.value.trim() || details.open) open();
    });
    input.addEventListener("input", schedule);
    groups.addEventListener("change", run);
    details.addEventListener("toggle", function () {
      if (details.open) loadFilters();
    });
    more.addEventListener("click", function () {
      var first = shown;
      showMore(sequence).then(function () {
        var next = list.children[first] && list.children[first].querySelector("a");
        if (next) next.focus();
      });
    });

    root.addEventListener("keydown", function (e) {
      if (e.key === "Escape") {
        if (!panel.hidden) {
          input.focus(); /* first: focusing the box opens the panel when it has a query */
          close();
          e.preventDefault();
        } else if (input.value) {
          input.value = "";
          run();
        }
        return;
      }
      if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement);
      if (e.target === input && e.key === "ArrowDown" && links.length) {
        links[0].focus();
      } else if (at >= 0) {
        var next = e.key === "ArrowDown" ? links[at + 1] : at === 0 ? input : links[at - 1];
        if (next) next.focus();
      } else {
        return;
      }
      e.preventDefault();
    });
    document.addEventListener("click", function (e) {
      if (!root.contains(e.target)) close();
    });
    root.addEventListener("focusout", function (e) {
      if (e.relatedTarget && !root.contains(e.relatedTarget)) close();
    });

    /* "/" or "s" anywhere outside a form field: focus the search box (Material's shortcut). */
    window.addEventListener("keydown", function (e) {
      if ((e.key !== "/" && e.key !== "s" && e.key !== "S") || e.ctrlKey || e.metaKey || e.altKey) return;
      var t = e.target;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      /* Not while a modal dialog (the presenter) is open: the page behind it is inert. */
      if (input.closest("[inert]") || document.querySelector('[aria-modal="true"]:not([hidden])')) return;
      e.preventDefault();
      e.stopPropagation();
      input.focus();
      input.select();
    }, true);
  }

  function start() {
    document.querySelectorAll("[data-lb-search]").forEach(setup);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
