/* Learning Briefings: present a 7-minute briefing to a team, one segment at a time.
 *
 * The presenter is built from the page's own seven segments (section.lb-segment, ids
 * segment-1..7), so what is presented is exactly what is published. It is a modal dialog
 * (GOV.UK / WAI-ARIA dialog pattern): the rest of the page is inert while it is open, Tab
 * stays inside, Escape closes it and focus goes back to the "Present this briefing" button.
 * The clock measures time from Date.now() differences, so a slow or throttled tab still
 * shows real elapsed time; each segment has a minute, and a quiet visual cue (never a
 * sound) says when it is up. Nothing here asks any other host for anything. */
(function () {
  "use strict";

  var SEGMENT_MS = 60 * 1000;
  var TOTAL_MS = 7 * SEGMENT_MS;
  var FIT_LEVELS = 3; // presenter.css: .lb-presenter__stage[data-fit="0".."3"]

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var key in attrs) if (Object.prototype.hasOwnProperty.call(attrs, key)) node.setAttribute(key, attrs[key]);
    if (text) node.textContent = text;
    return node;
  }

  function clockText(ms) {
    var seconds = Math.floor(ms / 1000);
    var m = Math.floor(seconds / 60);
    var s = seconds % 60;
    return m + ":" + (s < 10 ? "0" : "") + s;
  }

  function spokenTime(ms) {
    var seconds = Math.floor(ms / 1000);
    var m = Math.floor(seconds / 60);
    var s = seconds % 60;
    var parts = [];
    if (m) parts.push(lbT(m === 1 ? "%(n)s minute" : "%(n)s minutes", { n: m }));
    if (s || !m) parts.push(lbT(s === 1 ? "%(n)s second" : "%(n)s seconds", { n: s }));
    return parts.join(" ");
  }

  /* A segment's content, copied without ids (no duplicates in the page) and without its heading. */
  function segmentContent(section) {
    var copy = section.cloneNode(true);
    var heading = copy.querySelector("h2");
    if (heading) heading.parentNode.removeChild(heading);
    var withIds = copy.querySelectorAll("[id], [aria-labelledby], [aria-describedby]");
    for (var i = 0; i < withIds.length; i++) {
      withIds[i].removeAttribute("id");
      withIds[i].removeAttribute("aria-labelledby");
      withIds[i].removeAttribute("aria-describedby");
    }
    var wrapper = el("div", { "class": "lb-presenter__content" });
    while (copy.firstChild) wrapper.appendChild(copy.firstChild);
    return wrapper;
  }

  /* The hint and the "More below" note are written in the page (partials/briefing_tools.html),
     in the site's words; the built-in English is only a fallback. */
  function templateParts() {
    var holder = document.querySelector("[data-lb-presenter-parts]");
    return {
      keys: holder && holder.querySelector("[data-lb-keys]"),
      more: holder && holder.querySelector("[data-lb-more]")
    };
  }

  function Presenter(opener, sections, title) {
    this.opener = opener;
    this.segments = [];
    for (var i = 0; i < sections.length; i++) {
      var h2 = sections[i].querySelector("h2");
      var number = sections[i].querySelector(".lb-segment__number");
      var label = h2 ? h2.textContent : "";
      if (number) label = label.replace(number.textContent, "");
      this.segments.push({ label: label.replace(/\s+/g, " ").trim(), content: segmentContent(sections[i]) });
    }
    this.index = 0;
    this.elapsed = 0;         // ms on the whole clock
    this.segmentElapsed = 0;  // ms on the current segment, since it was shown
    this.running = false;
    this.timer = null;
    this.lastTick = 0;
    this.cued = false;
    this.overTime = false;
    this.build(title);
  }

  Presenter.prototype.build = function (title) {
    var self = this;
    var parts = templateParts();
    var count = this.segments.length;
    var dialog = el("div", {
      "class": "lb-presenter", "role": "dialog", "aria-modal": "true",
      "aria-labelledby": "lb-presenter-title", "aria-describedby": "lb-presenter-keys", "hidden": "",
      // Focusable by script and by a click on its plain text, so focus never falls out to the
      // (inert) page behind and the keys keep working after a mouse click anywhere in it.
      "tabindex": "-1"
    });

    var bar = el("div", { "class": "lb-presenter__bar" });
    // One line, cut with an ellipsis (the whole title is its tooltip and its accessible text),
    // and hidden on short screens: the segment's text needs the room more.
    var heading = el("p", { "class": "lb-presenter__title", "id": "lb-presenter-title", "title": title });
    heading.appendChild(el("span", { "class": "lb-visually-hidden" }, lbT("Presenting: ")));
    heading.appendChild(document.createTextNode(title));
    bar.appendChild(heading);

    var progress = el("div", { "class": "lb-presenter__progress" });
    this.progressText = el("p", { "class": "lb-presenter__count" });
    progress.appendChild(this.progressText);
    this.steps = el("ol", { "class": "lb-presenter__steps", "aria-hidden": "true" });
    for (var i = 0; i < count; i++) {
      this.steps.appendChild(el("li", { "class": "lb-presenter__step" }, String(i + 1)));
    }
    progress.appendChild(this.steps);
    bar.appendChild(progress);

    var clock = el("div", { "class": "lb-presenter__clock" });
    this.clockTotal = el("p", { "class": "lb-presenter__time", "role": "timer", "aria-label": lbT("Time used") });
    this.clockSegment = el("p", { "class": "lb-presenter__segment-time" });
    clock.appendChild(this.clockTotal);
    clock.appendChild(this.clockSegment);
    bar.appendChild(clock);
    dialog.appendChild(bar);

    // Focusable, so a long segment can be scrolled with the keyboard (up and down arrows).
    var stage = el("div", { "class": "lb-presenter__stage", "tabindex": "0", "role": "region", "aria-labelledby": "lb-presenter-heading" });
    this.heading = el("h2", { "class": "lb-presenter__heading", "id": "lb-presenter-heading", "tabindex": "-1" });
    stage.appendChild(this.heading);
    this.body = el("div", { "class": "lb-presenter__body" });
    stage.appendChild(this.body);
    // "More below": sticks to the foot of the stage while there is more to read, and sits after
    // the last line (never on it) once the segment is scrolled to its end.
    this.more = parts.more || el("p", {}, lbT("More below"));
    this.more.classList.add("lb-presenter__more");
    this.more.setAttribute("aria-hidden", "true");
    stage.appendChild(this.more);
    this.stage = stage;
    dialog.appendChild(stage);

    var controls = el("div", { "class": "lb-presenter__controls" });
    this.prevButton = el("button", { "type": "button", "class": "lb-presenter__button" }, lbT("Previous"));
    // Both labels are laid in one cell and only one is visible, so the button is as wide as the
    // longer one and changing it moves nothing.
    this.playButton = el("button", { "type": "button", "class": "lb-presenter__button lb-presenter__button--primary lb-presenter__play" });
    this.playButton.appendChild(el("span", { "class": "lb-presenter__play-start" }, lbT("Start clock")));
    this.playButton.appendChild(el("span", { "class": "lb-presenter__play-pause" }, lbT("Pause clock")));
    this.nextButton = el("button", { "type": "button", "class": "lb-presenter__button" }, lbT("Next"));
    this.closeButton = el("button", { "type": "button", "class": "lb-presenter__button lb-presenter__button--close" }, lbT("Close presenter"));
    controls.appendChild(this.prevButton);
    controls.appendChild(this.playButton);
    controls.appendChild(this.nextButton);
    controls.appendChild(this.closeButton);
    if (document.fullscreenEnabled && dialog.requestFullscreen) {
      this.fullButton = el("button", { "type": "button", "class": "lb-presenter__button" }, lbT("Full screen"));
      controls.insertBefore(this.fullButton, this.closeButton);
      this.fullButton.addEventListener("click", function () { self.toggleFullscreen(); });
    }
    dialog.appendChild(controls);
    // The keys hint and the minute-up note share one cell of the foot row (one shows at a
    // time), so the note never moves the text or the buttons.
    var foot = el("div", { "class": "lb-presenter__foot" });
    var keys = parts.keys || el("p", {}, lbT("Keys: right and left arrows for next and previous segment, Space to start or pause the clock, Escape to close."));
    keys.classList.add("lb-presenter__keys");
    keys.id = "lb-presenter-keys";
    foot.appendChild(keys);
    this.cue = el("p", { "class": "lb-presenter__cue", "aria-hidden": "true" });
    foot.appendChild(this.cue);
    dialog.appendChild(foot);
    this.live = el("p", { "class": "lb-visually-hidden", "aria-live": "polite", "aria-atomic": "true" });
    dialog.appendChild(this.live);

    this.prevButton.addEventListener("click", function () { self.go(self.index - 1); });
    this.nextButton.addEventListener("click", function () { self.go(self.index + 1); });
    this.playButton.addEventListener("click", function () { self.toggleClock(); });
    this.closeButton.addEventListener("click", function () { self.close(); });
    dialog.addEventListener("keydown", function (event) { self.onKey(event); });
    // Space is the clock's key everywhere in the presenter: a focused button must not also be
    // pressed by it (browsers press a button when Space is released).
    dialog.addEventListener("keyup", function (event) {
      if (event.key === " " || event.key === "Spacebar") event.preventDefault();
    });
    stage.addEventListener("scroll", function () { self.updateMore(); }, { passive: true });
    this.swipe(stage);
    this.dialog = dialog;
    document.body.appendChild(dialog);
    window.addEventListener("resize", function () { self.refit(); });
    document.addEventListener("fullscreenchange", function () { self.refit(); });
  };

  /* A horizontal swipe on the text is Next or Previous (touch screens); vertical drags scroll. */
  Presenter.prototype.swipe = function (stage) {
    var self = this;
    var start = null;
    stage.addEventListener("pointerdown", function (event) {
      start = event.pointerType === "mouse" ? null : { x: event.clientX, y: event.clientY };
    });
    stage.addEventListener("pointercancel", function () { start = null; });
    stage.addEventListener("pointerup", function (event) {
      if (!start) return;
      var dx = event.clientX - start.x;
      var dy = event.clientY - start.y;
      start = null;
      if (Math.abs(dx) < 60 || Math.abs(dx) < 1.5 * Math.abs(dy)) return;
      self.go(self.index + (dx < 0 ? 1 : -1));
    });
  };

  /* Fit the segment to the stage: step the type down (to about 70%) until it fits; what still
     does not fit scrolls inside the stage, with the "More below" note. */
  Presenter.prototype.fit = function () {
    var stage = this.stage;
    this.more.hidden = true; // measured without it; updateMore() shows it if it is needed
    for (var level = 0; level <= FIT_LEVELS; level++) {
      stage.setAttribute("data-fit", String(level));
      if (stage.scrollHeight <= stage.clientHeight + 1) break;
    }
    this.updateMore();
  };

  Presenter.prototype.refit = function () {
    var self = this;
    if (this.dialog.hidden || this.refitting) return;
    this.refitting = true;
    window.requestAnimationFrame(function () {
      self.refitting = false;
      if (!self.dialog.hidden) self.fit();
    });
  };

  Presenter.prototype.updateMore = function () {
    var stage = this.stage;
    var overflows = stage.scrollHeight > stage.clientHeight + 1;
    this.more.hidden = !overflows;
    var atEnd = stage.scrollTop + stage.clientHeight >= stage.scrollHeight - 2;
    this.more.classList.toggle("lb-presenter__more--end", atEnd);
  };

  /* Down and up arrows scroll a long segment by most of a screen, whatever has focus. */
  Presenter.prototype.scroll = function (direction) {
    var stage = this.stage;
    var calm = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    stage.scrollBy({ top: direction * Math.max(40, stage.clientHeight * 0.8), behavior: calm ? "auto" : "smooth" });
  };

  Presenter.prototype.announce = function (text) {
    // Clearing first makes a repeated message be read again.
    var live = this.live;
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text; }, 50);
  };

  Presenter.prototype.open = function () {
    this.background = [];
    var children = document.body.children;
    for (var i = 0; i < children.length; i++) {
      var child = children[i];
      if (child !== this.dialog && !child.inert) {
        child.inert = true;
        this.background.push(child);
      }
    }
    document.documentElement.classList.add("lb-presenting");
    this.dialog.hidden = false;
    this.render(false);
    this.heading.focus();
    this.announce(lbT("Presenter open. Segment %(n)s of %(count)s: %(label)s.",
      { n: this.index + 1, count: this.segments.length, label: this.segments[this.index].label }) + " " +
      lbT(this.running ? "The clock is running." : "The clock is stopped: press Space to start it."));
  };

  Presenter.prototype.close = function () {
    this.pause(false);
    if (document.fullscreenElement === this.dialog && document.exitFullscreen) document.exitFullscreen();
    this.dialog.hidden = true;
    for (var i = 0; i < this.background.length; i++) this.background[i].inert = false;
    this.background = [];
    document.documentElement.classList.remove("lb-presenting");
    this.opener.focus();
  };

  Presenter.prototype.go = function (index) {
    if (index < 0 || index >= this.segments.length || index === this.index) return;
    this.index = index;
    this.segmentElapsed = 0;
    this.cued = false;
    this.render(true);
  };

  Presenter.prototype.render = function (announce) {
    var count = this.segments.length;
    var seg = this.segments[this.index];
    var progress = lbT("Segment %(n)s of %(count)s", { n: this.index + 1, count: count });
    this.progressText.textContent = progress;
    this.heading.textContent = "";
    this.heading.appendChild(el("span", { "class": "lb-presenter__number" }, String(this.index + 1)));
    this.heading.appendChild(document.createTextNode(" " + seg.label));
    while (this.body.firstChild) this.body.removeChild(this.body.firstChild);
    this.body.appendChild(seg.content);
    this.stage.scrollTop = 0;
    var steps = this.steps.children;
    for (var i = 0; i < steps.length; i++) {
      steps[i].className = "lb-presenter__step" + (i < this.index ? " lb-presenter__step--done" : "") +
        (i === this.index ? " lb-presenter__step--current" : "");
    }
    this.prevButton.setAttribute("aria-disabled", String(this.index === 0));
    this.nextButton.setAttribute("aria-disabled", String(this.index === count - 1));
    this.updateClock();
    this.fit();
    if (announce) this.announce(progress + ": " + seg.label);
  };

  Presenter.prototype.updateClock = function () {
    this.clockTotal.textContent = clockText(this.elapsed) + " of " + clockText(TOTAL_MS);
    this.clockTotal.setAttribute("aria-label", lbT("Time used: %(time)s of 7 minutes", { time: spokenTime(this.elapsed) }));
    this.clockSegment.textContent = lbT("This segment %(time)s of 1:00", { time: clockText(this.segmentElapsed) });
    var up = this.segmentElapsed >= SEGMENT_MS;
    this.dialog.classList.toggle("lb-presenter--minute-up", up);
    this.dialog.classList.toggle("lb-presenter--over-time", this.elapsed >= TOTAL_MS);
    // Always written (shown only when the minute is up), so its row keeps one height.
    this.cue.textContent = this.index === this.segments.length - 1
      ? lbT("This segment's minute is up: time to close the briefing.")
      : lbT("This segment's minute is up: move on when you are ready.");
    if (up && !this.cued) {
      this.cued = true;
      this.announce(lbT("One minute on %(label)s.", { label: this.segments[this.index].label }));
    }
    if (this.elapsed >= TOTAL_MS && !this.overTime) {
      this.overTime = true;
      this.announce(lbT("Seven minutes are up."));
    }
  };

  Presenter.prototype.tick = function () {
    var now = Date.now();
    var delta = Math.max(0, now - this.lastTick);
    this.lastTick = now;
    this.elapsed += delta;
    this.segmentElapsed += delta;
    this.updateClock();
  };

  Presenter.prototype.start = function () {
    if (this.running) return;
    var self = this;
    this.running = true;
    this.lastTick = Date.now();
    this.timer = window.setInterval(function () { self.tick(); }, 250);
    this.dialog.classList.add("lb-presenter--running");
    this.announce(lbT("Clock started."));
  };

  Presenter.prototype.pause = function (announce) {
    if (!this.running) return;
    this.tick();
    window.clearInterval(this.timer);
    this.timer = null;
    this.running = false;
    this.dialog.classList.remove("lb-presenter--running");
    if (announce !== false) this.announce(lbT("Clock paused at %(time)s.", { time: spokenTime(this.elapsed) }));
  };

  Presenter.prototype.toggleClock = function () {
    if (this.running) this.pause(); else this.start();
  };

  Presenter.prototype.toggleFullscreen = function () {
    if (document.fullscreenElement) document.exitFullscreen();
    else this.dialog.requestFullscreen().catch(function () { /* refused: the dialog already fills the window */ });
  };

  Presenter.prototype.focusable = function () {
    var all = this.dialog.querySelectorAll("button, a[href], input, select, textarea, [tabindex]:not([tabindex='-1'])");
    var shown = [];
    for (var i = 0; i < all.length; i++) {
      if (all[i].offsetParent !== null || all[i] === document.activeElement) shown.push(all[i]);
    }
    return shown;
  };

  Presenter.prototype.onKey = function (event) {
    var key = event.key;
    var target = event.target;
    var onControl = target && /^(BUTTON|A|INPUT|SELECT|TEXTAREA|SUMMARY)$/.test(target.tagName);
    if (key === "Escape" || key === "Esc") {
      event.preventDefault();
      this.close();
    } else if (key === "ArrowRight" || key === "PageDown") {
      event.preventDefault();
      this.go(this.index + 1);
    } else if (key === "ArrowLeft" || key === "PageUp") {
      event.preventDefault();
      this.go(this.index - 1);
    } else if (key === "Home" && !onControl) {
      event.preventDefault();
      this.go(0);
    } else if (key === "End" && !onControl) {
      event.preventDefault();
      this.go(this.segments.length - 1);
    } else if (key === " " || key === "Spacebar") {
      // Always the clock, whatever has focus (the hint says so); Enter presses a focused button.
      event.preventDefault();
      if (!event.repeat) this.toggleClock();
    } else if (key === "ArrowDown" || key === "ArrowUp") {
      event.preventDefault();
      this.scroll(key === "ArrowDown" ? 1 : -1);
    } else if (key === "Tab") {
      var items = this.focusable();
      if (!items.length) return;
      var first = items[0];
      var last = items[items.length - 1];
      if (event.shiftKey && (target === first || target === this.heading || target === this.dialog ||
                             !this.dialog.contains(target))) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (target === last || target === this.dialog)) {
        event.preventDefault();
        first.focus();
      }
    }
  };

  /* Print: the board and the publication date go in every sheet's margin (print.css styles it).
   * CSS cannot read the page's text into @page, so the line is copied here, as a CSS string. */
  function printFooter() {
    var footer = document.querySelector(".lb-print-footer");
    if (!footer) return;
    var text = footer.textContent.replace(/\s+/g, " ").trim().replace(/\\/g, "\\\\").replace(/"/g, "\\\"");
    // A constructed stylesheet, not a <style> element: the page's Content-Security-Policy allows
    // only the inline styles it was built with. Without one the line stays on the page.
    if (!("adoptedStyleSheets" in document) || typeof CSSStyleSheet.prototype.replaceSync !== "function") return;
    var sheet = new CSSStyleSheet();
    sheet.replaceSync("@media print { @page { @bottom-left { content: \"" + text + "\"; } } }");
    document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
    footer.classList.add("lb-print-footer--in-margin");
  }

  function init() {
    printFooter();
    var opener = document.querySelector("[data-lb-present]");
    var sections = document.querySelectorAll("section.lb-segment");
    var printer = document.querySelector("[data-lb-print]");
    if (printer) printer.addEventListener("click", function () { window.print(); });
    var hiddenItems = document.querySelectorAll("[data-lb-needs-js]");
    for (var i = 0; i < hiddenItems.length; i++) {
      if (hiddenItems[i].querySelector("[data-lb-present]") && (!opener || !sections.length)) continue;
      hiddenItems[i].hidden = false;
    }
    if (!opener || !sections.length) return;
    var titleEl = document.getElementById("briefing-title");
    var title = titleEl ? titleEl.textContent : document.title;
    var presenter = null;
    opener.addEventListener("click", function () {
      if (!presenter) presenter = new Presenter(opener, sections, title);
      presenter.open();
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
