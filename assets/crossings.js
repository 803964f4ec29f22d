/* Corredores: dated counts in crossing popups and incidents in boat-route popups.
 * Wraps the popups of the map code once the page has loaded (whatever file defines them), and
 * shows a crossing's description in the page language (description_es / description_pt).
 * Text from data files is inserted with textContent; places keep their original language. */
(function () {
  "use strict";
  const ns = (window.corredores = window.corredores || {});

  function text(key, values) {
    const strings = (ns.text && ns.text.t) || {};
    let s = strings[key] || key;
    Object.entries(values || {}).forEach(([k, v]) => (s = s.split("{" + k + "}").join(String(v))));
    return s;
  }
  function period(r) {
    const month = (d) => (ns.format && d ? ns.format.month(d.slice(0, 7)) : d);
    const day = (d) => (d && d.length === 10 ? Number(d.slice(8)) + " " + month(d) : month(d));
    const start = r.period_start || r.period_end;
    if (!start) return text("popup.published_only", { date: month(r.published) });
    if (!r.period_end || r.period_end === start) return day(start);
    return day(start) + " – " + day(r.period_end);
  }
  function list(rows, titleKey, showPlace) {
    const box = document.createElement("div");
    box.className = "popup-counts";
    const title = document.createElement("div");
    title.className = "popup-subtitle";
    title.textContent = text(titleKey);
    box.appendChild(title);
    const items = document.createElement("ul");
    items.style.maxHeight = "12em"; // a long list scrolls inside the popup
    items.style.overflowY = "auto";
    items.tabIndex = 0;
    rows.forEach((r) => {
      const item = document.createElement("li");
      const number = ns.format ? ns.format.number(r.value) : String(r.value);
      const approx = /approx|range|lower_bound/.test(r.qualifier) ? "≈ " : "";
      item.textContent = period(r) + ": " + approx + number + " " + text("popup.unit." + r.unit) + (showPlace ? " · " + r.place : "") + " · ";
      const source = document.createElement(r.source_url ? "a" : "span");
      source.textContent = r.source_title;
      if (r.source_url) {
        source.href = r.source_url;
        source.rel = "noopener";
        source.target = "_blank";
      }
      item.appendChild(source);
      items.appendChild(item);
    });
    box.appendChild(items);
    const note = document.createElement("p");
    note.className = "popup-note";
    note.textContent = text("popup.original_language");
    box.appendChild(note);
    return box;
  }
  function translateDescription(box, p) {
    const lang = (ns.text && ns.text.lang) || "es";
    const translated = p["description_" + lang];
    if (!p.description || !translated) return;
    box.querySelectorAll("p").forEach((node) => {
      if (node.textContent === p.description) node.textContent = translated;
    });
  }
  function wrap(name, field, titleKey, showPlace) {
    const base = ns[name];
    if (!base || base.wrappedWithCounts) return;
    ns[name] = function (p) {
      const box = base(p);
      translateDescription(box, p);
      const rows = p[field] || [];
      if (rows.length) box.appendChild(list(rows, titleKey, showPlace));
      return box;
    };
    ns[name].wrappedWithCounts = true;
  }
  window.addEventListener("load", function () {
    wrap("entryPopup", "counts", "popup.counts", false);
    wrap("routePopup", "incidents", "popup.incidents", true);
  });
})();
