/* What a person reads on the map: the country tooltip and the popups of crossings, routes, services. */
(function () {
  "use strict";
  const ns = window.corredores;
  const { tr, countryName, el, line } = ns.core;
  const { number: formatNumber, month: formatMonth } = ns.format;

  ns.countryTooltip = function (iso, props, h) {
    const box = el("div", "tip");
    box.appendChild(el("div", "tip-title", countryName(iso)));
    if (props.origin) {
      box.appendChild(el("div", null, tr("tooltip.origin")));
      return box;
    }
    const at = h.info && h.info[iso];
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
        box.appendChild(el("div", null, tr("tooltip.as_of", { date: formatMonth(at.date) })));
      }
    }
    (at.sources || []).filter(Boolean).forEach((source) => line(box, tr("tooltip.source"), source));
    return box;
  };

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
