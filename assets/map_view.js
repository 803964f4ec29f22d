/* The two linked maps (callbacks/map_view.py): colours per month, legends, shared view, reset. */
(function () {
  "use strict";
  const ns = window.corredores;
  const { tr, classIndex, div, span, ownHover, register, noUpdate } = ns.core;
  const { month: formatMonth, compact } = ns.format;
  const { hostColours } = ns.stock;
  const config = ns.config;

  function legend(title, breaks, palette, extra) {
    const swatches = palette.map((colour) => span("bar", "", { background: colour }));
    const labels = breaks.map((b, i) => span("tick", i % 2 ? "" : compact(b)));
    return [div("legend-title", title), div("legend-bar", swatches), div("legend-ticks", labels), div("legend-keys", extra)];
  }
  function key(className, label) {
    return span("key", [span("swatch " + className, ""), span("", label)]);
  }

  register({
    choropleth: function (index, metric, selected, hover, stock, textStore) {
      if (ownHover(hover, "primary")) return noUpdate(3);
      ns.text = textStore;
      const hovered = hover && hover.iso;
      const breaks = config.breaks[metric];
      const palette = config.palette;
      const { colours, info } = hostColours(stock, index, metric, breaks, palette);
      const month = stock.months[index];
      const decimals = metric === "per_1000" ? 1 : 0;
      const estimated = Object.values(info).filter((i) => i.estimated).length;
      const extra = [
        key("estimated", tr("legend.estimated")),
        key("nodata", tr("legend.no_data")),
        key("origin", tr("legend.origin")),
        div("legend-note", tr("legend.some_estimated", { n: estimated, total: Object.keys(info).length })),
      ];
      if (month === "latest" && stock.latest) {
        extra.push(div("legend-note", tr("legend.latest_range", { start: formatMonth(stock.latest.from), end: formatMonth(stock.latest.to) })));
      }
      const title = tr(metric === "per_1000" ? "legend.title_per_1000" : "legend.title_absolute") + " · " + formatMonth(month);
      const hideout = { map: "primary", month: month, colours: colours, info: info, selected: selected, hovered: hovered, decimals: decimals };
      return [hideout, legend(title, breaks, palette, extra), formatMonth(month)];
    },
    secondChoropleth: function (index, measure, selected, hover, stock, second, textStore) {
      if (ownHover(hover, "second")) return noUpdate(2);
      ns.text = textStore;
      const hovered = hover && hover.iso;
      const palette = config.palette;
      const month = stock.months[index];
      const year = month.slice(0, 4);
      const colours = {};
      const info = {};
      let title = tr("second." + measure);
      let note = "";
      let decimals = 0;
      if (measure === "per_1000") {
        const result = hostColours(stock, index, "per_1000", config.breaks.per_1000, palette);
        Object.assign(colours, result.colours);
        Object.assign(info, result.info);
        decimals = 1;
        title += " · " + formatMonth(month);
      } else {
        const entry = second[measure];
        const values = measure === "permits" ? entry.by_year[year] || {} : entry.values;
        const breaks = config.breaks[measure];
        Object.entries(values).forEach(([iso, value]) => {
          colours[iso] = [palette[classIndex(value, breaks)], 0];
          info[iso] = { value: value, estimated: false, date: measure === "permits" ? year : "2018", qualifier: "", sources: [entry.source] };
        });
        if (measure === "permits") {
          title += " · " + year;
          if (!Object.keys(values).length) note = tr("second.no_year", { year: year });
        }
      }
      const breaks = config.breaks[measure];
      const hideout = { map: "second", month: month, colours: colours, info: info, selected: selected, hovered: hovered, decimals: decimals, noDataText: note || undefined };
      const extra = [key("origin", tr("legend.origin"))];
      if (note) extra.unshift(div("legend-note", note));
      return [hideout, legend(title, breaks, palette, extra)];
    },
    followView: function (center, zoom, otherCenter, otherZoom) {
      const nu = noUpdate();
      if (!center || zoom === undefined || zoom === null) return nu;
      const c = Array.isArray(center) ? { lat: center[0], lng: center[1] } : center;
      const o = otherCenter ? (Array.isArray(otherCenter) ? { lat: otherCenter[0], lng: otherCenter[1] } : otherCenter) : null;
      // follow only real moves: tiny differences (rounding, popup auto-pan echoes) would bounce between maps
      const same = o && Math.abs(o.lat - c.lat) < 1e-3 && Math.abs(o.lng - c.lng) < 1e-3 && Math.abs(otherZoom - zoom) < 0.01;
      if (same) return nu;
      return { center: [c.lat, c.lng], zoom: zoom, transition: "setView" };
    },
    resetView: function (clicks) {
      if (!clicks) return noUpdate();
      return config.home;
    },
    serviceKinds: function (kinds, hideout) {
      return Object.assign({}, hideout, { kinds: kinds || [] });
    },
  });
})();
