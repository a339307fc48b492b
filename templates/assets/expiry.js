/* Learning Briefings: archive state in the reader's own calendar.
 * A static site may not be rebuilt for months, so every element that carries a report's expiry
 * date (data-expires="YYYY-MM-DD") is brought up to date here: from that date on, the archive
 * banner inside it is shown, archive state text switches to its archived wording, and links to
 * a report that is then on request only point at the request contact (data-request-href).
 * Without JavaScript the state at build time shows, which is also what the built files hold. */
(function () {
  "use strict";
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }
  function update() {
    var now = today();
    var dated = document.querySelectorAll("[data-expires]");
    for (var i = 0; i < dated.length; i++) {
      var el = dated[i];
      if (now < el.getAttribute("data-expires")) continue;  // ISO dates compare as strings
      el.setAttribute("data-archived", "");
      // The archive's state views (archive/current/, archive/archived/): a review moves across.
      var view = el.getAttribute("data-archive-view");
      if (view) {
        el.hidden = view === "current";
        var section = el.closest("section");
        if (section) section.hidden = !section.querySelector("[data-archive-view]:not([hidden])");
        var empty = document.querySelector("[data-archive-empty]");
        if (empty && view === "archived") empty.hidden = true;
      }
      var banners = el.querySelectorAll("[data-archive-banner]");
      for (var j = 0; j < banners.length; j++) banners[j].hidden = false;
      // after_expiry: on_request — the report's links become the request contact, as a
      // rebuild on this date would make them (the file itself leaves with that rebuild).
      var request = el.getAttribute("data-request-href");
      var reports = request ? el.querySelectorAll("a[data-lb-report]") : [];
      for (var r = 0; r < reports.length; r++) {
        reports[r].href = request;
        reports[r].removeAttribute("data-lb-report");
        reports[r].insertAdjacentText("afterend", lbT(" (available on request)"));
      }
      var states = el.querySelectorAll("[data-archived-text]");
      for (var k = 0; k < states.length; k++) {
        states[k].textContent = states[k].getAttribute("data-archived-text");
        states[k].classList.add("lb-archive-state--archived");
      }
    }
  }
  // A page left open over midnight is brought up to date too.
  function atMidnight() {
    var now = new Date();
    var next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 1);
    setTimeout(function () { update(); atMidnight(); }, next - now);
  }
  function start() { update(); atMidnight(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
