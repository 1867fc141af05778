/* heartline report: tooltips, the bond detail panel and chapter tracking. The page reads fully
   without this script; it only adds detail on hover and focus. All text goes in through textContent. */
(function () {
  "use strict";
  var node = document.getElementById("heartline-data");
  if (!node) return;
  var D = JSON.parse(node.textContent);
  var tip = document.getElementById("tip");

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function who(i) { return i >= 0 && i < D.chars.length ? D.chars[i] : "someone"; }
  function chip(li, value) {
    var c = el("span", "chip f-" + (D.families[li] || "other"));
    c.appendChild(el("span", "dot"));
    c.appendChild(document.createTextNode(D.labels[li] || "?"));
    if (value !== undefined && value !== null) c.appendChild(el("span", "num", " " + Number(value).toFixed(2)));
    return c;
  }
  function signed(v) {
    var r = Number(v).toFixed(2);
    return r === "0.00" || r === "-0.00" ? "0.00" : (v > 0 ? "+" + r : r.replace("-", "\u2212"));
  }

  /* -- sentence tooltips ------------------------------------------------------------------------ */
  function fillTip(i) {
    var d = D.sentences[i];
    if (!d) return false;
    tip.textContent = "";
    if (d.q !== undefined && D.quotes[d.q]) {
      var q = D.quotes[d.q];
      var line = who(q[0]) === "someone" ? "Spoken (speaker not found)" : who(q[0]) + " says";
      if (q[1] && q[1].length) line += ", to " + q[1].map(who).join(", ");
      tip.appendChild(el("p", "k", line));
    }
    if (d.e && d.e.length) {
      var p = el("p");
      d.e.forEach(function (pair) { p.appendChild(chip(pair[0], pair[1])); });
      tip.appendChild(p);
    } else {
      tip.appendChild(el("p", "k", "Neutral"));
    }
    (d.f || []).forEach(function (fi) {
      var f = D.feelings[fi];
      if (!f) return;
      var fp = el("p");
      fp.appendChild(document.createTextNode(who(f[0]) + " \u2192 " + (f[1] >= 0 ? who(f[1]) : "no one in particular") + ": "));
      fp.appendChild(chip(f[2], f[3]));
      fp.appendChild(el("span", "k", f[4] ? " said aloud" : " unsaid"));
      tip.appendChild(fp);
    });
    return true;
  }
  function place(target) {
    var rects = target.getClientRects();
    var r = rects.length ? rects[rects.length - 1] : target.getBoundingClientRect();
    tip.hidden = false;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    var left = Math.min(Math.max(8, r.left), document.documentElement.clientWidth - w - 8);
    var top = r.bottom + 8;
    if (top + h > window.innerHeight - 8 && r.top - h - 8 > 0) top = r.top - h - 8;
    tip.style.left = (left + window.scrollX) + "px";
    tip.style.top = (top + window.scrollY) + "px";
  }
  var current = null;
  function show(target) {
    if (current === target) return;
    hide();
    if (!fillTip(target.getAttribute("data-i"))) return;
    current = target;
    target.classList.add("on");
    target.setAttribute("aria-describedby", "tip");
    place(target);
  }
  function hide() {
    if (current) { current.classList.remove("on"); current.removeAttribute("aria-describedby"); }
    current = null;
    tip.hidden = true;
  }
  function sentenceOf(e) { return e.target.closest ? e.target.closest(".s[data-i]") : null; }
  document.addEventListener("mouseover", function (e) { var s = sentenceOf(e); if (s) show(s); });
  document.addEventListener("mouseout", function (e) {
    var s = sentenceOf(e);
    if (s && s === current && !(e.relatedTarget && s.contains(e.relatedTarget)) && document.activeElement !== s) hide();
  });
  document.addEventListener("focusin", function (e) { var s = sentenceOf(e); if (s) show(s); else hide(); });
  document.addEventListener("focusout", function (e) { if (sentenceOf(e) === current) hide(); });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
  window.addEventListener("resize", hide);

  /* -- bond map --------------------------------------------------------------------------------- */
  var map = document.querySelector(".bond-map");
  var panel = document.getElementById("bond-detail");
  function way(b, title) {
    var box = el("div", "way");
    box.appendChild(el("h3", null, title));
    if (!b) { box.appendChild(el("p", "muted", "No bond found this way.")); return box; }
    box.appendChild(el("p", null, "Valence " + signed(b[2]) + " \u00b7 strength " + Number(b[3]).toFixed(2)));
    var p = el("p");
    (b[4] || []).forEach(function (pair) { p.appendChild(chip(pair[0], pair[1])); });
    if (b[4] && b[4].length) box.appendChild(p);
    return box;
  }
  function findBond(s, t) {
    for (var k = 0; k < D.bonds.length; k++) if (D.bonds[k][0] === s && D.bonds[k][1] === t) return D.bonds[k];
    return null;
  }
  function showBond(edge) {
    var b = D.bonds[Number(edge.getAttribute("data-b"))];
    if (!b || !panel) return;
    panel.textContent = "";
    panel.appendChild(way(b, who(b[0]) + " \u2192 " + who(b[1])));
    panel.appendChild(way(findBond(b[1], b[0]), who(b[1]) + " \u2192 " + who(b[0])));
  }
  function showNode(n) {
    if (!map || !panel) return;
    var id = n.getAttribute("data-c");
    var ci = D.ids.indexOf(id);
    map.classList.add("dimmed");
    map.querySelectorAll(".edge").forEach(function (e) {
      e.classList.toggle("lit", e.getAttribute("data-src") === id || e.getAttribute("data-tgt") === id);
    });
    panel.textContent = "";
    panel.appendChild(el("h3", null, who(ci)));
    var outs = D.bonds.filter(function (b) { return b[0] === ci; }).sort(function (a, b) { return b[3] - a[3]; });
    var ins = D.bonds.filter(function (b) { return b[1] === ci; }).sort(function (a, b) { return b[3] - a[3]; });
    [[outs, "Feels toward"], [ins, "Is felt for by"]].forEach(function (group) {
      if (!group[0].length) return;
      panel.appendChild(el("p", "k", group[1]));
      group[0].slice(0, 6).forEach(function (b) {
        var other = group[1] === "Feels toward" ? b[1] : b[0];
        var p = el("p", null, who(other) + " (" + signed(b[2]) + ") ");
        (b[4] || []).slice(0, 2).forEach(function (pair) { p.appendChild(chip(pair[0])); });
        panel.appendChild(p);
      });
    });
  }
  function clearNode() {
    if (!map) return;
    map.classList.remove("dimmed");
    map.querySelectorAll(".edge.lit").forEach(function (e) { e.classList.remove("lit"); });
  }
  if (map) {
    map.querySelectorAll(".edge").forEach(function (e) {
      e.addEventListener("mouseenter", function () { showBond(e); });
      e.addEventListener("focus", function () { showBond(e); });
    });
    map.querySelectorAll(".node").forEach(function (n) {
      n.addEventListener("mouseenter", function () { showNode(n); });
      n.addEventListener("focus", function () { showNode(n); });
      n.addEventListener("mouseleave", clearNode);
      n.addEventListener("blur", clearNode);
    });
  }

  /* -- cast: a character's name highlights their mentions and lines in the text -------------------- */
  var cast = document.querySelector("table.cast");
  if (cast) {
    var status = el("p", "muted cast-status");
    status.setAttribute("aria-live", "polite");
    status.textContent = "Select a name to highlight where that character is named and speaks in the text.";
    cast.parentNode.insertBefore(status, cast.nextSibling);
    var pick = function (id, btn) {
      var on = btn.getAttribute("aria-pressed") !== "true";
      document.querySelectorAll(".story-text .hl").forEach(function (e) { e.classList.remove("hl"); });
      cast.querySelectorAll("button[aria-pressed]").forEach(function (b) { b.setAttribute("aria-pressed", "false"); });
      document.body.classList.toggle("hl-char", on);
      if (!on) { status.textContent = "No character highlighted."; return; }
      btn.setAttribute("aria-pressed", "true");
      var named = 0, spoken = 0;
      document.querySelectorAll(".story-text [data-c]").forEach(function (e) {
        if (e.getAttribute("data-c") !== id) return;
        e.classList.add("hl");
        if (e.classList.contains("who")) spoken++; else named++;
      });
      status.textContent = "Highlighting " + btn.textContent + " in the text: named " + named +
        " times, " + spoken + " lines spoken.";
    };
    cast.querySelectorAll("tbody tr[data-c]").forEach(function (tr) {
      var th = tr.querySelector("th");
      if (!th) return;
      var btn = el("button", "linkish", th.textContent);
      btn.type = "button";
      btn.setAttribute("aria-pressed", "false");
      th.textContent = "";
      th.appendChild(btn);
      btn.addEventListener("click", function () { pick(tr.getAttribute("data-c"), btn); });
    });
  }

  /* -- chapter navigation: mark the chapter being read ----------------------------------------- */
  var links = document.querySelectorAll("nav.chapters a");
  if (links.length && "IntersectionObserver" in window) {
    var byId = {};
    links.forEach(function (a) { byId[a.getAttribute("href").slice(1)] = a; });
    var io = new IntersectionObserver(function (entries) {
      entries.forEach(function (en) {
        if (!en.isIntersecting) return;
        links.forEach(function (a) { a.classList.remove("current"); a.removeAttribute("aria-current"); });
        var a = byId[en.target.id];
        if (a) { a.classList.add("current"); a.setAttribute("aria-current", "location"); }
      });
    }, { rootMargin: "-10% 0px -80% 0px" });
    document.querySelectorAll("section.chapter").forEach(function (s) { io.observe(s); });
  }
})();
