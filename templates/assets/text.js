/* Interface text in the page's language: the other scripts write their words as
   lbT(english, {name: value}), "%(name)s" marking each value. A page in another language
   carries its catalogue's translations as JSON (<script id="lb-text">, generator/render/chrome.py).
   Loaded deferred from the head, so it runs before every other script of the page. */
window.lbT = (function () {
  "use strict";
  var node = document.getElementById("lb-text");
  var table = node ? JSON.parse(node.textContent) : {};
  return function (message, values) {
    var text = Object.prototype.hasOwnProperty.call(table, message) ? table[message] : message;
    return text.replace(/%\((\w+)\)s/g, function (whole, key) {
      return values && Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  };
})();
