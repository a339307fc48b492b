/* Learning Briefings finder: filters data/briefings.json in the browser.
 *
 * Progressive enhancement: the page lists every theme without this script; the script shows
 * the filter form. Filters live in the query string (?theme=a&theme=b&type=SCR&board=...&
 * agency=...&from=2015&to=2020&q=words) so a view can be shared, bookmarked and reached with
 * the back button. Each briefing's lower-case search text and theme set are built once, and
 * only the first PAGE results are drawn, so filtering thousands of briefings stays instant.
 */
(function () {
  "use strict";

  var PAGE = 50;
  var finder = document.getElementById("lb-finder");
  if (!finder || !window.fetch || !window.URLSearchParams || !window.history.pushState) return;

  var form = document.getElementById("lb-finder-form");
  var count = document.getElementById("lb-finder-count");
  var list = document.getElementById("lb-results");
  var more = document.getElementById("lb-more");
  var root = finder.getAttribute("data-root") || "";
  var boxes = Array.prototype.slice.call(form.querySelectorAll('input[name="theme"]'));
  var selects = ["type", "board", "agency", "from", "to"].map(function (name) { return form.elements[name]; });
  var query = form.elements.q;
  var themeTitle = {};
  boxes.forEach(function (box) { themeTitle[box.value] = box.getAttribute("data-title"); });
  var summary = document.getElementById("lb-finder-summary");
  var summaryCount = summary && summary.querySelector("[data-lb-summary-count]");
  /* Each option's count, kept current: theme slug -> its count span, and per select the options. */
  var themeCount = {};
  boxes.forEach(function (box) {
    themeCount[box.value] = { item: box.closest("li"), span: form.querySelector('label[for="' + box.id + '"] .lb-count') };
  });
  var COUNTED = ["type", "board", "agency"];

  var records = null; // prepared briefings, newest first; null until loaded
  var matches = [];
  var shown = 0;

  function prepare(b) {
    return {
      b: b,
      text: [b.title, b.review.name, b.summary].join(" ").toLowerCase(),
      themes: new Set(b.themes),
      agencies: new Set(b.agencies)
    };
  }

  /* The filters as the form shows them. */
  function readForm() {
    var state = { themes: boxes.filter(function (x) { return x.checked; }).map(function (x) { return x.value; }) };
    selects.forEach(function (s) { state[s.name] = s.value; });
    state.q = query.value.trim();
    return state;
  }

  /* The filters a query string asks for; values the form does not offer are dropped. */
  function readURL(search) {
    var params = new URLSearchParams(search);
    var wanted = params.getAll("theme");
    boxes.forEach(function (box) { box.checked = wanted.indexOf(box.value) !== -1; });
    selects.forEach(function (s) {
      var value = params.get(s.name) || "";
      var known = Array.prototype.some.call(s.options, function (o) { return o.value === value; });
      s.value = known ? value : "";
    });
    query.value = params.get("q") || "";
  }

  function toQuery(state) {
    var params = new URLSearchParams();
    state.themes.forEach(function (t) { params.append("theme", t); });
    selects.forEach(function (s) { if (state[s.name]) params.set(s.name, state[s.name]); });
    if (state.q) params.set("q", state.q);
    var text = params.toString();
    return text ? "?" + text : "";
  }

  function isFiltered(state) {
    return state.themes.length > 0 || state.q !== "" || selects.some(function (s) { return state[s.name] !== ""; });
  }

  /* The filters a briefing fails: 0 = it matches; FAIL_OTHER for the themes, years or words; one
     bit per counted select. Facet counts need "matches every filter but this one", so one pass
     over the briefings gives the results and every option's count. */
  var FAIL_OTHER = 1;
  var FAIL_BIT = { type: 2, board: 4, agency: 8 };

  function failures(r, state, words, from, to) {
    var b = r.b, failed = 0;
    if (state.type && b.review.type !== state.type) failed |= FAIL_BIT.type;
    if (state.board && b.review.board !== state.board) failed |= FAIL_BIT.board;
    if (state.agency && !r.agencies.has(state.agency)) failed |= FAIL_BIT.agency;
    if (b.year < from || b.year > to) return failed | FAIL_OTHER;
    for (var i = 0; i < state.themes.length; i++) if (!r.themes.has(state.themes[i])) return failed | FAIL_OTHER;
    for (var j = 0; j < words.length; j++) if (r.text.indexOf(words[j]) === -1) return failed | FAIL_OTHER;
    return failed;
  }

  function tally(counts, key) { counts[key] = (counts[key] || 0) + 1; }

  /* The matches, and for each option the number of matches if it were chosen. */
  function filter(state) {
    var words = state.q.toLowerCase().split(/\s+/).filter(Boolean);
    var from = state.from ? +state.from : -Infinity;
    var to = state.to ? +state.to : Infinity;
    if (from > to) { var swap = from; from = to; to = swap; }
    var found = [];
    var counts = { theme: {}, type: {}, board: {}, agency: {} };
    records.forEach(function (r) {
      var failed = failures(r, state, words, from, to);
      if (failed === 0) {
        found.push(r);
        r.b.themes.forEach(function (t) { tally(counts.theme, t); });
      }
      // Counted for a select when that select is the only filter the briefing fails.
      if (failed === 0 || failed === FAIL_BIT.type) tally(counts.type, r.b.review.type);
      if (failed === 0 || failed === FAIL_BIT.board) tally(counts.board, r.b.review.board);
      if (failed === 0 || failed === FAIL_BIT.agency) r.agencies.forEach(function (a) { tally(counts.agency, a); });
    });
    return { found: found, counts: counts };
  }

  /* Each option shows how many briefings it would give; those that would give none are marked. */
  function showCounts(counts) {
    boxes.forEach(function (box) {
      var n = counts.theme[box.value] || 0;
      var slot = themeCount[box.value];
      if (slot.span) slot.span.textContent = "(" + n + ")";
      if (slot.item) slot.item.classList.toggle("lb-option--none", n === 0);
    });
    selects.forEach(function (s) {
      if (COUNTED.indexOf(s.name) === -1) return;
      Array.prototype.forEach.call(s.options, function (o) {
        var label = o.getAttribute("data-label");
        if (!o.value || label === null) return;
        o.textContent = label + " (" + (counts[s.name][o.value] || 0) + ")";
      });
    });
  }

  /* The count that stays in view at the foot of the filters while they are scrolled. */
  function showSummary(state) {
    if (!summaryCount) return;
    var n = matches.length;
    var text = !isFiltered(state) ? summary.getAttribute("data-all")
      : n === 0 ? summary.getAttribute("data-none")
      : summary.getAttribute(n === 1 ? "data-one" : "data-many");
    summaryCount.textContent = (text || "").replace("{n}", n).replace("{total}", records.length);
    summary.classList.toggle("lb-finder__summary--none", isFiltered(state) && n === 0);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function result(b) {
    var item = el("li", "lb-result");
    item.setAttribute("data-slug", b.slug);
    var heading = el("h3", "lb-result__title");
    var link = el("a", null, b.title);
    link.href = root + b.url;
    heading.appendChild(link);
    item.appendChild(heading);
    item.appendChild(el("p", "lb-result__summary", b.summary));
    var meta = el("p", "lb-result__meta");
    meta.textContent = [b.review.name, b.review.type_name, b.review.board, b.year].join(" · ");
    item.appendChild(meta);
    var titles = b.themes.map(function (t) { return themeTitle[t] || t; });
    item.appendChild(el("p", "lb-result__themes", lbT("Themes: %(themes)s", { themes: titles.join(", ") })));
    return item;
  }

  /* Draw results up to ``upto``; return the first newly drawn link (for focus). */
  function draw(upto) {
    var batch = document.createDocumentFragment();
    var first = null;
    for (; shown < Math.min(upto, matches.length); shown++) {
      var item = result(matches[shown].b);
      first = first || item.querySelector("a");
      batch.appendChild(item);
    }
    list.appendChild(batch);
    var left = matches.length - shown;
    more.hidden = left <= 0;
    var next = Math.min(PAGE, left);
    more.textContent = lbT(next === 1 ? "Show %(n)s more result (%(left)s not shown)" : "Show %(n)s more results (%(left)s not shown)",
      { n: next, left: left });
    return first;
  }

  function describe(state) {
    var n = matches.length, total = records.length;
    if (!isFiltered(state)) {
      return lbT(total === 1 ? "Showing all %(total)s briefing, newest first." : "Showing all %(total)s briefings, newest first.",
        { total: total });
    }
    if (n === 0) return lbT("No briefings match these filters. Remove a filter or clear them all.");
    var counted = lbT(total === 1 ? "%(n)s of %(total)s briefing matches these filters"
      : n === 1 ? "%(n)s of %(total)s briefings matches these filters" : "%(n)s of %(total)s briefings match these filters",
      { n: n, total: total });
    return counted + (n > PAGE ? lbT("; showing the first %(page)s.", { page: PAGE }) : ".");
  }

  /* Filter, draw, and record the filters in the URL: a new history entry when ``push``. */
  function apply(push) {
    var state = readForm();
    var search = toQuery(state);
    if (records) {
      var result = filter(state);
      matches = result.found;
      list.textContent = "";
      shown = 0;
      draw(PAGE);
      count.textContent = describe(state);
      showCounts(result.counts);
      showSummary(state);
    }
    /* Record the filters once the results are on screen: a history entry costs Material's
       location observers a frame or two, which the reader should not wait for. */
    afterPaint(function () {
      if (search === window.location.search) return;
      var url = window.location.pathname + search;
      if (push) window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    });
  }

  function afterPaint(task) {
    window.requestAnimationFrame(function () { window.setTimeout(task, 0); });
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
  form.addEventListener("change", function (event) { if (event.target !== query) apply(true); });
  query.addEventListener("input", function () { apply(false); });
  document.getElementById("lb-clear").addEventListener("click", function () {
    form.reset();
    apply(true);
    query.focus();
  });
  more.addEventListener("click", function () {
    var first = draw(shown + PAGE);
    if (first) first.focus();
  });
  window.addEventListener("popstate", function () {
    readURL(window.location.search);
    apply(false);
  });

  /* The form is on the page from the first paint (the no-JavaScript view is a <noscript> and a
     `scripting: none` rule), so a reader may tick a box before this script runs: an address
     without filters leaves those ticks alone. */
  if (window.location.search) readURL(window.location.search);

  fetch(finder.getAttribute("data-src"))
    .then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    })
    .then(function (data) {
      records = data.map(prepare);
      apply(false);
    })
    .catch(function () {
      count.textContent = lbT("The briefings could not be loaded. Browse by theme below instead.");
    });
})();
