// The review queue: move with j/k, decide with c/d/f (o reopens), n to write a note.
// No libraries and no build step; served from this app only (the CSP allows nothing else).
(function () {
  "use strict";
  var token = document.querySelector('meta[name="csrf-token"]').content;
  var statusFilter = document.body.getAttribute("data-status-filter");
  var message = document.getElementById("message");
  var current = null;
  var KEYS = { c: "confirmed", d: "dismissed", f: "follow_up", o: "open" };

  function cards() {
    return Array.prototype.slice.call(document.querySelectorAll("article.card:not([hidden])"));
  }

  // A text field: keys typed there are text, never shortcuts.
  function isField(element) {
    return !!(element && element.closest && element.closest("textarea, input, select, [contenteditable]"));
  }

  // keepFocus: the click that chose the card landed in one of its fields; taking focus away would send
  // the words typed next to the shortcuts.
  function select(card, keepFocus) {
    if (current) current.classList.remove("current");
    current = card || null;
    if (!current) return;
    current.classList.add("current");
    if (!keepFocus) current.focus({ preventScroll: true });
    current.scrollIntoView({ block: "nearest" });
  }

  function move(step) {
    var list = cards();
    if (!list.length) return;
    var at = list.indexOf(current);
    select(list[at < 0 ? 0 : Math.min(Math.max(at + step, 0), list.length - 1)]);
  }

  // Mirrors cards.admits_status: does a card with this status stay under the chosen filter?
  function admits(status) {
    if (statusFilter === "queue") return status === "open";
    if (statusFilter === "decided") return status !== "open";
    return statusFilter === "all" || statusFilter === status;
  }

  function say(text) {
    message.textContent = text;
    message.hidden = !text;
  }

  function decide(card, decision) {
    var note = card.querySelector("textarea.note").value;
    fetch("/conflicts/" + encodeURIComponent(card.getAttribute("data-id")) + "/decision", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": token },
      body: JSON.stringify({ decision: decision, note: note }),
      credentials: "same-origin"
    }).then(function (response) {
      return response.text().then(function (text) {
        if (!response.ok) throw new Error(text || response.statusText);
        return text;
      });
    }).then(function (html) {
      var list = cards();
      var next = list[list.indexOf(card) + 1] || list[list.indexOf(card) - 1];
      // The server renders the card with Jinja's autoescape: article text arrives escaped.
      var holder = document.createElement("div");
      holder.innerHTML = html.trim();
      var fresh = holder.firstElementChild;
      card.replaceWith(fresh);
      var stays = admits(fresh.getAttribute("data-status"));
      fresh.hidden = !stays;
      select(stays ? fresh : next);
      var shown = cards().length;
      document.getElementById("shown-count").textContent = shown;
      document.getElementById("empty").hidden = shown > 0;
      say("");
    }).catch(function (error) {
      say("Not saved: " + error.message);
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (isField(event.target) || isField(document.activeElement)) {
      if (event.key === "Escape") event.target.blur();
      return;
    }
    if (event.key === "j") move(1);
    else if (event.key === "k") move(-1);
    else if (event.key === "n" && current) {
      event.preventDefault();  // or the "n" lands in the note
      current.querySelector("textarea.note").focus();
    } else if (KEYS[event.key] && current) decide(current, KEYS[event.key]);
    else return;
    event.preventDefault();
  });

  document.getElementById("queue").addEventListener("click", function (event) {
    var card = event.target.closest("article.card");
    if (!card) return;
    if (card !== current) select(card, isField(event.target));
    var button = event.target.closest("button[data-decision]");
    if (button) decide(card, button.getAttribute("data-decision"));
  });

  document.querySelectorAll("#filters select").forEach(function (choice) {
    choice.addEventListener("change", function () { document.getElementById("filters").submit(); });
  });

  select(cards()[0]);
})();
