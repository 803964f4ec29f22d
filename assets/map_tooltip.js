/* What a person reads on the map: the country tooltip and the popups of crossings, routes, services. */
(function () {
  "use strict";
  const ns = window.corredores;
  const { tr, countryName, el, line } = ns.core;
  const { number: formatNumber, month: formatMonth } = ns.format;

  /* A source as a short label: no URLs, the publisher and date ("Diario La Voz, Nov 2020"). */
  function shortSource(source) {
    const text = String(source || "").replace(/https?:\/\/\S+/g, " ").replace(/\s+/g, " ").trim();
    const inner = text.replace(/^\(|\)$/g, "").split(/;| - | — /)[0].trim();
    const label = inner.split(",").slice(0, 2).join(",").replace(/\($/, "").trim();
    return label.length > 60 ? label.slice(0, 58).trim() + "…" : label;
  }
  ns.shortSource = shortSource;

  /* Country name, value with its qualifier, reference date (or the two figures it lies between),
     short source labels: everything a reader needs to quote the figure, nothing to decode. */
  ns.countryTooltip = function (iso, props, h) {
    const box = el("div", "tip");
    box.appendChild(el("div", "tip-title", countryName(iso)));
    if (props.origin) {
      box.appendChild(el("div", null, tr("tooltip.origin")));
      return box;
    }
    const at = h.info && h.info[iso];
    const gap = h.missing && h.missing[iso];
    if (!at && gap) {
      box.appendChild(el("div", null, tr("tooltip.carried", { month: formatMonth(gap.month), date: formatMonth(gap.date) })));
      return box;
    }
    if (!at) {
      box.appendChild(el("div", null, h.noDataText || tr("tooltip.no_data")));
      return box;
    }
    const qualifier = at.qualifier ? tr("qualifier." + at.qualifier) + " " : "";
    const decimals = h.decimals || 0;
    box.appendChild(el("div", "tip-value", qualifier + formatNumber(at.value, decimals) + (h.unit ? " " + h.unit : "")));
    if (at.date) {
      if (at.estimated) {
        const [before, after] = String(at.date).split("|");
        box.appendChild(el("div", "tip-note", tr("tooltip.between", { before: formatMonth(before), after: formatMonth(after) })));
      } else {
        box.appendChild(el("div", "tip-date", tr("tooltip.as_of", { date: formatMonth(at.date) })));
      }
    }
    (at.notes || []).forEach((note) => box.appendChild(el("div", "tip-note", note))); // e.g. a balance's period
    const labels = Array.from(new Set((at.sources || []).filter(Boolean).map(shortSource)));
    if (labels.length) box.appendChild(el("div", "tip-source", tr("tooltip.source") + ": " + labels.join("; ")));
    return box;
  };

  /* Keep a tooltip inside its map: Leaflet places sticky tooltips at the pointer, also past the edge. */
  const MARGIN = 4;
  function keepInside(tooltip) {
    const node = tooltip.getElement && tooltip.getElement();
    const map = tooltip._map;
    if (!node || !map) return;
    node.style.marginLeft = node.style.marginTop = "";
    const box = node.getBoundingClientRect();
    const frame = map.getContainer().getBoundingClientRect();
    const dx = Math.max(frame.left + MARGIN - box.left, 0) + Math.min(frame.right - MARGIN - box.right, 0);
    const dy = Math.max(frame.top + MARGIN - box.top, 0) + Math.min(frame.bottom - MARGIN - box.bottom, 0);
    if (dx) node.style.marginLeft = dx + "px";
    if (dy) node.style.marginTop = dy + "px";
  }
  if (window.L) {
    const place = L.Tooltip.prototype._setPosition;
    L.Tooltip.include({
      _setPosition: function (pos) {
        place.call(this, pos);
        if (this.options.keepInMap) keepInside(this);
      },
    });
  }

  ns.entryPopup = function (p) {
    const box = el("div", "popup");
    box.appendChild(el("div", "popup-title", p.crossing));
    line(box, tr("popup.sides"), p.side_place + " (" + countryName(p.iso_a3) + ")");
    if (p.description) box.appendChild(el("p", null, p.description));
    const precise = String(p.coord_precision || "").indexOf("town centroid") !== -1;
    line(box, tr("popup.precision"), precise ? tr("popup.town_centroid") : p.coord_precision);
    line(box, tr("tooltip.source"), p.other_reference || p.coord_source);
    return box;
  };

  ns.routePopup = function (p) {
    const box = el("div", "popup");
    box.appendChild(el("div", "popup-title", p.name || p.origin_area + " → " + p.destination));
    box.appendChild(el("p", "schematic", tr("popup.schematic")));
    if (p.countries) line(box, tr("popup.countries"), String(p.countries).split(";").map(countryName).join(" → "));
    if (p.waypoints) line(box, tr("popup.via"), String(p.waypoints).split(";").join(" → "));
    if (p.crossings) line(box, tr("popup.crossings_used"), String(p.crossings).split(";").join(", "));
    if (p.accuracy_note && /NO SOURCE/i.test(p.accuracy_note)) box.appendChild(el("p", "warning", tr("popup.hypothetical")));
    line(box, tr("tooltip.source"), p.source || p.sources);
    return box;
  };

  ns.servicePopup = function (p) {
    const box = el("div", "popup");
    box.appendChild(el("div", "popup-title", p.name));
    line(box, tr("popup.kind"), tr("kind." + p.kind));
    line(box, tr("popup.operator"), p.operator);
    line(box, tr("popup.precision"), p.coord_precision === "town centroid" ? tr("popup.town_centroid") : p.coord_precision);
    line(box, tr("popup.observed"), p.observed ? formatMonth(p.observed) : "");
    line(box, tr("tooltip.source"), p.source);
    return box;
  };
})();
