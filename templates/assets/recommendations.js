/* Recommendations tracker: sortable columns and filters on top of a table that works without it.
   Column headers become buttons; the sorted column carries aria-sort; a status line says how
   many rows the filters show. */
(function () {
  "use strict";
  var table = document.querySelector("table[data-lb-rec-sortable]");
  if (!table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var count = document.querySelector("[data-lb-rec-count]");
  var filters = document.querySelector("[data-lb-rec-filters]");

  function value(row, index, type) {
    var cell = row.cells[index];
    var v = cell.getAttribute("data-sort-value");
    if (v === null) v = cell.textContent.trim();
    return type === "number" ? parseFloat(v) : v.toLocaleLowerCase();
  }

  function sortBy(index, direction) {
    var type = headers[index].getAttribute("data-sort");
    var sign = direction === "ascending" ? 1 : -1;
    var order = rows.map(function (row, i) { return { row: row, key: value(row, index, type), i: i }; });
    order.sort(function (a, b) {
      if (a.key < b.key) return -sign;
      if (a.key > b.key) return sign;
      return a.i - b.i; // stable: ties keep the previous order
    });
    rows = order.map(function (o) { return o.row; });
    rows.forEach(function (row) { body.appendChild(row); });
    headers.forEach(function (th, i) {
      if (i === index) th.setAttribute("aria-sort", direction);
      else th.removeAttribute("aria-sort");
    });
  }

  headers.forEach(function (th, index) {
    if (!th.hasAttribute("data-sort")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "lb-sort";
    while (th.firstChild) button.appendChild(th.firstChild);
    var arrow = document.createElement("span");
    arrow.className = "lb-sort__arrow";
    arrow.setAttribute("aria-hidden", "true");
    button.appendChild(arrow);
    th.appendChild(button);
    button.addEventListener("click", function () {
      sortBy(index, th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending");
    });
  });

  if (!filters) return;
  var status = filters.querySelector("[data-filter=status]");
  var agency = filters.querySelector("[data-filter=agency]");
  var due = filters.querySelector("[data-filter=due]");
  var text = filters.querySelector("[data-filter=text]");
  // The filters live in the address (?status=overdue&agency=Police&due=none&q=words), so a
  // filtered view can be linked to, bookmarked and shared; the page's own links use it too.
  var keys = { status: status, agency: agency, due: due, q: text };

  function fromAddress() {
    var params = new URLSearchParams(window.location.search);
    Object.keys(keys).forEach(function (key) {
      var el = keys[key];
      var value = params.get(key) || "";
      if (el.tagName === "SELECT") {
        var known = Array.prototype.some.call(el.options, function (o) { return o.value === value; });
        el.value = known ? value : "";
      } else {
        el.value = value;
      }
    });
  }

  function toAddress() {
    var params = new URLSearchParams(window.location.search);
    Object.keys(keys).forEach(function (key) {
      if (keys[key].value) params.set(key, keys[key].value);
      else params.delete(key);
    });
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(null, "", url);
  }

  function apply() {
    var words = text.value.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var s = status.value;
      var ok = (!s || (s === "overdue" ? row.getAttribute("data-overdue") === "yes" : row.getAttribute("data-status") === s)) &&
        (!agency.value || row.getAttribute("data-agency") === agency.value) &&
        (!due.value || row.getAttribute("data-due") === due.value);
      if (ok && words.length) {
        var content = row.textContent.toLocaleLowerCase();
        ok = words.every(function (w) { return content.indexOf(w) !== -1; });
      }
      row.hidden = !ok;
      if (ok) shown += 1;
    });
    if (count) {  // the wording comes from the page (data-all, data-some), not from here
      count.textContent = count.getAttribute(shown === rows.length ? "data-all" : "data-some")
        .replace("{shown}", shown).replace("{total}", rows.length);
    }
  }

  function changed() { apply(); toAddress(); }

  [status, agency, due].forEach(function (el) { el.addEventListener("change", changed); });
  text.addEventListener("input", changed);
  window.addEventListener("popstate", function () { fromAddress(); apply(); });
  fromAddress();
  filters.hidden = false;
  apply();
})();
