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
  var text = filters.querySelector("[data-filter=text]");

  function apply() {
    var words = text.value.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var s = status.value;
      var ok = (!s || (s === "overdue" ? row.getAttribute("data-overdue") === "yes" : row.getAttribute("data-status") === s)) &&
        (!agency.value || row.getAttribute("data-agency") === agency.value);
      if (ok && words.length) {
        var content = row.textContent.toLocaleLowerCase();
        ok = words.every(function (w) { return content.indexOf(w) !== -1; });
      }
      row.hidden = !ok;
      if (ok) shown += 1;
    });
    if (count) {
      count.textContent = shown === rows.length
        ? lbT("Showing all %(total)s recommendations.", { total: rows.length })
        : lbT("Showing %(n)s of %(total)s recommendations.", { n: shown, total: rows.length });
    }
  }

  [status, agency].forEach(function (el) { el.addEventListener("change", apply); });
  text.addEventListener("input", apply);
  filters.hidden = false;
  apply();
})();
