/* Learning Briefings: small progressive enhancements. Every page works without this file. */
(function () {
  "use strict";

  /* Material's menu button (below its drawer breakpoint) is a <label> for a hidden checkbox, so
     a keyboard can never reach it. Make it a real button: focusable, Enter and Space open the
     drawer and move focus to its first link; Escape closes it and focus goes back to the
     button; Tab out of the drawer closes it. (briefings.css keeps the closed drawer's links out of Tab.) */
  function menuButton() {
    var toggle = document.getElementById("__drawer");
    var button = document.querySelector('.md-header label[for="__drawer"]');
    var drawer = document.querySelector(".md-sidebar--primary");
    if (!toggle || !button || !drawer) return;
    button.setAttribute("role", "button");
    button.setAttribute("tabindex", "0");
    var byKey = false;
    function sync() { button.setAttribute("aria-expanded", String(toggle.checked)); }
    sync();
    toggle.addEventListener("change", function () {
      sync();
      var first = drawer.querySelector("a[href]");
      // Opened from the keyboard: into the drawer, once it is visible (briefings.css).
      if (toggle.checked && byKey && first) window.requestAnimationFrame(function () { first.focus(); });
      byKey = false;
    });
    button.addEventListener("keydown", function (event) {
      var key = event.key;
      if (key !== "Enter" && key !== " " && key !== "Spacebar") return;
      event.preventDefault();
      byKey = true;
      var was = toggle.checked;
      // Material's own keyboard handler clicks a focused label on Enter; click only if it did not.
      window.setTimeout(function () { if (toggle.checked === was) button.click(); }, 0);
    });
    drawer.addEventListener("keydown", function (event) {
      if ((event.key === "Escape" || event.key === "Esc") && toggle.checked) {
        event.preventDefault();
        button.click();
        button.focus();
      }
    });
    drawer.addEventListener("focusout", function (event) {
      var to = event.relatedTarget;
      if (toggle.checked && to && !drawer.contains(to)) button.click();
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", menuButton);
  else menuButton();
})();
