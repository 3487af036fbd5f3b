// Paging, lazy sections and the claim table (filter as you type, sort by a header). No libraries: the page must
// work offline. What is not shown at first waits as text in <noscript> elements (the report's own escaped markup)
// and is built into elements only when asked for, so a report over thousands of articles opens as fast as a small one.
(function () {
  "use strict";

  // The elements a <noscript> holds, built from its text; the text is the report's markup, article text escaped.
  function fragment(holder) {
    var template = document.createElement("template");
    template.innerHTML = holder.textContent;
    return template.content;
  }

  // "Show more": the next page of cards, taken from the first <template> still waiting after the button's section.
  Array.prototype.forEach.call(document.querySelectorAll("button.show-more"), function (button) {
    var section = button.closest("section");
    var shown = section.querySelector(".shown-count");
    var cards = section.querySelector(".cards");
    function more() {
      var next = section.querySelector("noscript.more-cards");
      if (!next) return false;
      cards.appendChild(fragment(next));
      next.remove();
      var left = section.querySelectorAll("noscript.more-cards");
      shown.textContent = cards.children.length + " of " + shown.getAttribute("data-total") + " shown";
      button.hidden = left.length === 0;
      return true;
    }
    button.addEventListener("click", more);
    section.showMore = more;
  });

  // Sections built only when opened.
  function build(details) {
    var lazy = details.querySelector(":scope > noscript.lazy");
    if (lazy) {
      details.appendChild(fragment(lazy));
      lazy.remove();
    }
  }
  Array.prototype.forEach.call(document.querySelectorAll("details"), function (details) {
    details.addEventListener("toggle", function () { if (details.open) build(details); });
  });

  // A link to a card or topic not yet shown (#conflict-…, #topic-…): show it, then go there.
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var target = document.getElementById(id);
    if (!target) {
      Array.prototype.forEach.call(document.querySelectorAll("noscript.more-cards"), function (holder) {
        if (!target && holder.textContent.indexOf('id="' + id + '"') >= 0) {
          var section = holder.closest("section");
          while (!document.getElementById(id) && section.showMore()) { /* next page */ }
          target = document.getElementById(id);
        }
      });
    }
    if (target && target.tagName === "DETAILS") { target.open = true; build(target); }
    if (target) target.scrollIntoView();
  }
  window.addEventListener("hashchange", reveal);
  reveal();

  // Claim table: rows in the page, then the rest, built from their <noscript> on the first filter, sort or "Show more".
  var table = document.getElementById("claim-table");
  var filter = document.getElementById("claim-filter");
  var count = document.getElementById("claim-count");
  if (!table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var waiting = document.getElementById("claim-more");
  var moreButton = document.getElementById("claim-show-more");
  var page = rows.length;
  var limit = page;
  var texts = new Map();

  function allRows() {
    if (!waiting) return;
    var more = fragment(waiting).querySelector("tbody");
    rows = rows.concat(Array.prototype.slice.call(more.rows));
    waiting.remove();
    waiting = null;
  }

  function matches(row, words) {
    if (!words.length) return true;
    var text = texts.get(row);
    if (text === undefined) { text = row.textContent.toLowerCase(); texts.set(row, text); }
    return words.every(function (word) { return text.indexOf(word) >= 0; });
  }

  // Rows already in the table that do not match are hidden; matching rows are shown in order, up to the limit.
  function apply() {
    allRows();
    var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    var matching = 0;
    var shown = [];
    rows.forEach(function (row) {
      var ok = matches(row, words);
      if (ok) matching += 1;
      if (ok && shown.length < limit) shown.push(row);
      else if (row.parentNode === body) row.hidden = true;
    });
    shown.forEach(function (row) { row.hidden = false; body.appendChild(row); });
    count.textContent = (shown.length < matching ? shown.length + " of " + matching + " matching, " : "")
      + matching + " of " + rows.length + " claims";
    if (moreButton) moreButton.hidden = shown.length >= matching;
  }

  filter.addEventListener("input", function () { limit = page; apply(); });
  if (moreButton) moreButton.addEventListener("click", function () { limit += page; apply(); });

  function key(row, column) {
    var cell = row.cells[column];
    return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
  }

  function compare(a, b) {
    // Numbers compare as numbers only when the whole key is one (ISO dates stay text).
    var x = a === "" ? NaN : Number(a), y = b === "" ? NaN : Number(b);
    if (!isNaN(x) && !isNaN(y)) return x - y;
    return a.localeCompare(b);
  }

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, column) {
    header.addEventListener("click", function () {
      var ascending = header.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute("aria-sort"); });
      header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      rows.sort(function (a, b) {
        var order = compare(key(a, column), key(b, column));
        return ascending ? order : -order;
      });
      apply();
    });
  });
})();
