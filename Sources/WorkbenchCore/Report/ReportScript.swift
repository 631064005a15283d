/// The report's script, inlined at the end of `<body>`: sorts tables by a click on a header (numbers
/// numerically, empty cells last), makes a whole evidence cell clickable, highlights the span an
/// evidence link lands on, closes panels (Esc, ×), and marks `<html data-wb-ready>` when it ran.
/// With `?selftest` in the URL it checks the page (every in-page link resolves, every table sorts)
/// and writes the result into `<pre id="wb-selftest">` — what the browser test reads.
enum ReportScript {
    static let javascript = #"""
(function () {
  "use strict";
  var root = document.documentElement;
  var errors = [];
  window.addEventListener("error", function (e) {
    errors.push(String(e.message || e));
    root.setAttribute("data-wb-errors", String(errors.length));
  });
  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
  function each(list, f) { Array.prototype.forEach.call(list, f); }
  function targetId() {
    try { return decodeURIComponent(location.hash.slice(1)); } catch (e) { return location.hash.slice(1); }
  }
  function isNumeric(th) {
    var t = th.getAttribute("data-type");
    return t === "integer" || t === "number" || t === "percent" || t === "boolean";
  }
  function sortKey(td, numeric) {
    if (!td) { return null; }
    if (numeric) {
      var v = td.getAttribute("data-v");
      if (v === null || v === "") { return null; }
      var n = parseFloat(v);
      return isNaN(n) ? null : n;
    }
    var s = td.textContent;
    var count = td.querySelector(".evn");
    if (count) { s = s.slice(0, s.length - count.textContent.length); }
    s = s.trim();
    return s === "" ? null : s;
  }
  function compare(a, b, numeric) { return numeric ? a - b : collator.compare(a, b); }
  function sortTable(table, col, dir) {
    var head = table.tHead.rows[0].cells;
    var numeric = isNumeric(head[col]);
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows).map(function (r, i) {
      return { row: r, index: i, key: sortKey(r.cells[col], numeric) };
    });
    rows.sort(function (a, b) {
      if (a.key === null || b.key === null) {
        return a.key === b.key ? a.index - b.index : (a.key === null ? 1 : -1);
      }
      var c = compare(a.key, b.key, numeric);
      if (c === 0) { return a.index - b.index; }
      return dir === "ascending" ? c : -c;
    });
    var fragment = document.createDocumentFragment();
    rows.forEach(function (r) { fragment.appendChild(r.row); });
    body.appendChild(fragment);
    each(head, function (th) { th.setAttribute("aria-sort", "none"); });
    head[col].setAttribute("aria-sort", dir);
  }
  each(document.querySelectorAll("table.sortable"), function (table) {
    if (!table.tHead || !table.tBodies.length) { return; }
    each(table.tHead.rows[0].cells, function (th, col) {
      var button = th.querySelector("button");
      if (!button) { return; }
      button.addEventListener("click", function () {
        var now = th.getAttribute("aria-sort");
        var next = now === "ascending" ? "descending" : now === "descending" ? "ascending" : (isNumeric(th) ? "descending" : "ascending");
        sortTable(table, col, next);
      });
    });
  });

  // A click anywhere in an evidence cell opens its panel.
  document.addEventListener("click", function (e) {
    var td = e.target.closest ? e.target.closest("td.ev") : null;
    if (td && !e.target.closest("a")) {
      var link = td.querySelector("a.evlink");
      if (link) { link.click(); }
    }
  });

  // Highlight the span an evidence link points to.
  var lit = [];
  function highlight() {
    lit.forEach(function (el) { el.classList.remove("hl"); });
    lit = [];
    var id = targetId();
    var target = id ? document.getElementById(id) : null;
    if (!target) { return null; }
    if (target.classList.contains("anchor")) {
      var s = Number(target.getAttribute("data-s")), e = Number(target.getAttribute("data-e"));
      var view = target.closest(".article-view");
      if (view) {
        each(view.querySelectorAll("[data-o]"), function (run) {
          var o = Number(run.getAttribute("data-o")), f = Number(run.getAttribute("data-e"));
          if (o >= s && f <= e && f > o) { run.classList.add("hl"); lit.push(run); }
        });
      }
      var first = lit[0] || target;
      if (first.scrollIntoView) { first.scrollIntoView({ block: "center" }); }
      return lit.length;
    }
    if (target.classList.contains("article-view")) { target.scrollTop = 0; }
    return 0;
  }
  var depth = 0;
  window.addEventListener("hashchange", function () { depth += 1; highlight(); });
  highlight();

  // Closing an article goes back (to the evidence panel it was opened from) when there is a back.
  document.addEventListener("click", function (e) {
    var close = e.target.closest ? e.target.closest("a[data-close]") : null;
    if (close && depth > 0) { e.preventDefault(); depth -= 2; history.back(); }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") { return; }
    var target = document.getElementById(targetId());
    var open = target && target.closest ? target.closest(".article-view, .ev-panel") : null;
    var close = open ? open.querySelector("a.close") : null;
    if (close) { close.click(); }
  });

  function selfTest() {
    var result = { broken: [], tables: 0, charts: 0, anchors: 0, evidenceLinks: 0, sortChecks: 0, sortFailures: [], highlighted: null, errors: errors };
    each(document.querySelectorAll("a[href^='#']"), function (a) {
      var id = decodeURIComponent(a.getAttribute("href").slice(1));
      if (id && !document.getElementById(id)) { result.broken.push(id); }
      if (a.classList.contains("evq")) { result.evidenceLinks += 1; }
    });
    result.tables = document.querySelectorAll("section.table-section table.data").length;
    result.charts = document.querySelectorAll("svg.chart").length;
    result.anchors = document.querySelectorAll(".anchor").length;
    each(document.querySelectorAll("table.sortable"), function (table, t) {
      var head = table.tHead.rows[0].cells;
      each(head, function (th, col) {
        var numeric = isNumeric(th);
        [0, 1].forEach(function () {
          th.querySelector("button").click();
          var dir = th.getAttribute("aria-sort");
          var keys = Array.prototype.map.call(table.tBodies[0].rows, function (r) { return sortKey(r.cells[col], numeric); });
          var seenNull = false, ok = true;
          for (var i = 0; i < keys.length; i++) {
            if (keys[i] === null) { seenNull = true; continue; }
            if (seenNull) { ok = false; }
            if (i > 0 && keys[i - 1] !== null) {
              var c = compare(keys[i - 1], keys[i], numeric);
              if ((dir === "ascending" && c > 0) || (dir === "descending" && c < 0)) { ok = false; }
            }
          }
          result.sortChecks += 1;
          if (!ok) { result.sortFailures.push(t + ":" + col + ":" + dir); }
        });
      });
    });
    var anchor = document.querySelector(".anchor");
    if (anchor) {
      location.hash = anchor.id;
      result.highlighted = highlight();
    }
    var ok = result.broken.length === 0 && result.sortFailures.length === 0 && errors.length === 0;
    var pre = document.createElement("pre");
    pre.id = "wb-selftest";
    pre.setAttribute("data-ok", String(ok));
    pre.textContent = JSON.stringify(result);
    document.body.appendChild(pre);
  }
  if (/[?&]selftest\b/.test(location.search)) { selfTest(); }
  root.setAttribute("data-wb-ready", "1");
})();
"""#
}
