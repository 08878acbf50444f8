// Injected into a copy of a page by tests/test_pages_browser.py; writes its findings as JSON
// into a <pre> of the top document (the page may sit in an iframe of the width checked), so that `chromium --dump-dom` returns them.
(function () {
  var errors = window.__dtiErrors || [];
  function fold(s) {
    return s.replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function visibleRows(table) {
    return Array.prototype.filter.call(table.tBodies[0].rows, function (r) { return r.style.display !== "none"; });
  }
  // Every rendered table wider than the content box of its container (its scroll box, else main):
  // cut off or needing a sideways scroll.
  function wideTables() {
    var found = [];
    Array.prototype.forEach.call(document.querySelectorAll("table"), function (table) {
      var rect = table.getBoundingClientRect();
      if (!rect.width) return;  // not rendered (a closed <details>)
      var main = table.closest("main") || document.body;
      var style = getComputedStyle(main);
      var room = main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      var box = table.parentElement;
      var width = Math.max(rect.width, table.scrollWidth, box.scrollWidth > box.clientWidth ? box.scrollWidth : 0);
      if (width > room + 1) {
        var head = table.querySelector("th");
        found.push({first: head ? head.textContent.trim().slice(0, 30) : "", width: Math.round(width), room: Math.round(room)});
      }
    });
    return found;
  }
  function run() {
    var out = {errors: errors, width: window.innerWidth,
               scrollWidth: document.documentElement.scrollWidth, small: [], sort: null, search: null};
    // Chart text as rendered: the figure's font size scaled by its displayed width.
    Array.prototype.forEach.call(document.querySelectorAll("img[data-font-px]"), function (img) {
      if (!img.naturalWidth || !img.dataset.fontPx) return;
      var px = parseFloat(img.dataset.fontPx) * img.getBoundingClientRect().width / img.naturalWidth;
      if (px < 9) out.small.push({what: img.alt.slice(0, 60), px: px});
    });
    Array.prototype.forEach.call(document.querySelectorAll("svg.tilemap"), function (svg) {
      var scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      var text = svg.querySelector("text");
      if (!text) return;
      var px = parseFloat(getComputedStyle(text).fontSize) * scale;
      if (px < 9) out.small.push({what: "tile map", px: px});
    });
    var table = document.querySelector("table.sortable");
    if (table) {
      var th = Array.prototype.filter.call(table.tHead.rows[0].cells, function (c) { return c.dataset.sort === "num"; })[0];
      var col = Array.prototype.indexOf.call(table.tHead.rows[0].cells, th);
      function values() {
        return Array.prototype.map.call(table.tBodies[0].rows, function (r) { return parseFloat(r.cells[col].dataset.v); });
      }
      th.click(); var up = values();
      th.click(); var down = values();
      var asc = up.every(function (v, i) { return i === 0 || up[i - 1] <= v; });
      var desc = down.every(function (v, i) { return i === 0 || down[i - 1] >= v; });
      out.sort = {asc: asc, desc: desc, rows: up.length};
      var input = document.getElementById("filter");
      input.value = "bac ninh";
      input.dispatchEvent(new Event("input"));
      var shown = [];
      Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (t) {
        visibleRows(t).forEach(function (r) { shown.push(r.cells[0].textContent.trim()); });
      });
      out.search = {query: "bac ninh", shown: shown,
                    allMatch: shown.every(function (n) { return fold(n).indexOf("bac ninh") >= 0; })};
      input.value = ""; input.dispatchEvent(new Event("input"));
    }
    var buttons = document.querySelectorAll(".counts button[data-status]");
    if (buttons.length > 1) {  // the targets page: a status button shows only its rows
      var pick = buttons[1], status = pick.dataset.status;
      pick.click();
      var rows = Array.prototype.filter.call(document.querySelectorAll("#targets tbody tr"), function (r) { return !r.hidden; });
      out.filter = {status: status, shown: rows.length, expected: parseInt(pick.querySelector("strong").textContent, 10),
                    allMatch: rows.every(function (r) { return r.classList.contains(status); }),
                    pressed: pick.getAttribute("aria-pressed")};
      buttons[0].click();
      out.filter.all = Array.prototype.filter.call(document.querySelectorAll("#targets tbody tr"), function (r) { return !r.hidden; }).length;
    }
    out.scrollWidthAfter = document.documentElement.scrollWidth;
    out.wideTables = wideTables();
    out.rawUrls = Array.prototype.filter.call(document.querySelectorAll("td, th, li"), function (c) {
      return Array.prototype.some.call(c.childNodes, function (n) { return n.nodeType === 3 && /https?:\/\//.test(n.textContent); });
    }).length;
    if (!window.axe) { write(out); return; }
    // axe-core (injected by the test when installed): serious and critical violations only
    window.axe.run(document, {resultTypes: ["violations"]}).then(function (result) {
      out.axe = result.violations.filter(function (v) { return v.impact === "serious" || v.impact === "critical"; })
        .map(function (v) { return {id: v.id, impact: v.impact, nodes: v.nodes.length,
                                    first: v.nodes[0] ? v.nodes[0].target.join(" ") : ""}; });
      write(out);
    }, function (error) { out.axe = [{id: "axe failed", impact: "critical", nodes: 0, first: String(error)}]; write(out); });
  }
  function write(out) {
    var host = window.parent !== window ? window.parent.document : document;
    var pre = host.createElement("pre");
    pre.className = "dti-check";
    pre.dataset.page = decodeURIComponent(location.search.replace(/^\?page=/, ""));
    pre.textContent = JSON.stringify(out);
    host.body.appendChild(pre);
  }
  if (document.readyState === "complete") run(); else window.addEventListener("load", run);
})();
