/* Corredores: browser-side map styles, popups, charts and controls.
 * A slider step, a hover or a metric switch is handled here: no request reaches the server.
 * Text from data files is always inserted with textContent, never as HTML. */
(function () {
  "use strict";
  const ns = (window.corredores = window.corredores || {});
  const latest = {}; // newest hideout per map, read by tooltips
  const ORIGIN_FILL = "#bdbdbd";
  const NO_DATA_FILL = "#f4f4f4";
  const HIGHLIGHT = "#d95f02"; // orange: distinct from the blue-green palette for all common CVDs
  const MUTED = "#9aa5b1";

  function text() {
    return (ns.text && ns.text.t) || {};
  }
  function tr(key, values) {
    let s = text()[key] || key;
    Object.entries(values || {}).forEach(([k, v]) => {
      s = s.split("{" + k + "}").join(String(v));
    });
    return s;
  }
  function formatNumber(value, decimals) {
    if (value === null || value === undefined || Number.isNaN(value)) return "–";
    const t = text();
    const fixed = Number(value).toFixed(decimals || 0);
    const [whole, part] = fixed.split(".");
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, "\u0000");
    return (
      grouped.split("\u0000").join(t["number.thousands"] || ",") +
      (part ? (t["number.decimal"] || ".") + part : "")
    );
  }
  function formatMonth(month) {
    if (!month) return "";
    if (month === "latest") return text()["month.latest"] || month;
    const parts = String(month).split("-");
    if (parts.length === 1) return parts[0];
    const name = text()["month." + Number(parts[1])] || parts[1];
    return (parts.length === 3 ? Number(parts[2]) + " " : "") + name + " " + parts[0];
  }
  function countryName(iso) {
    return text()["country." + iso] || iso;
  }
  function classIndex(value, breaks) {
    let index = 0;
    for (let i = 0; i < breaks.length; i++) if (value >= breaks[i]) index = i;
    return index;
  }
  function el(tag, className, content) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined && content !== null) node.textContent = String(content);
    return node;
  }
  function line(parent, label, value) {
    if (!value) return;
    const row = el("div", "row");
    row.appendChild(el("strong", null, label + ": "));
    row.appendChild(el("span", null, value));
    parent.appendChild(row);
  }
  function setProps(id, props) {
    if (window.dash_clientside && window.dash_clientside.set_props) {
      window.dash_clientside.set_props(id, props);
    }
  }
  ns.format = { number: formatNumber, month: formatMonth };

  /* ---------- values per month ---------- */
  function valueAt(stock, iso, index, metric) {
    const area = stock.areas[iso];
    if (!area) return null;
    const v = (metric === "per_1000" ? area.p : area.v)[index];
    if (v === null || v === undefined) return null;
    return {
      value: v,
      absolute: area.v[index],
      estimated: area.e[index] === 1,
      date: area.d[index],
      qualifier: area.q[index],
      sources: String(area.s[index]).split("|").map((i) => stock.sources[Number(i)]),
    };
  }

  function hostColours(stock, index, metric, breaks, palette) {
    const colours = {};
    const info = {};
    Object.keys(stock.areas).forEach((iso) => {
      const at = valueAt(stock, iso, index, metric);
      if (!at) return;
      colours[iso] = [palette[classIndex(at.value, breaks)], at.estimated ? 1 : 0];
      info[iso] = at;
    });
    return { colours, info };
  }

  /* ---------- map styles and features ---------- */
  ns.map = {
    countryStyle: function (feature, context) {
      const h = context.hideout || {};
      if (h.map) latest[h.map] = h;
      const p = feature.properties;
      const style = { weight: 0.6, color: "#5f6b7a", fillOpacity: 0.9, fillColor: NO_DATA_FILL, dashArray: null };
      style.className = "country country-" + p.iso_a3;
      if (p.origin) {
        style.fillColor = ORIGIN_FILL;
        style.dashArray = "4 3";
        style.color = "#333";
        style.weight = 1.2;
      } else if (h.colours && h.colours[p.iso_a3]) {
        const [fill, estimated] = h.colours[p.iso_a3];
        style.fillColor = fill;
        if (estimated) {
          style.fillOpacity = 0.6;
          style.dashArray = "3 3";
        }
      }
      if (p.iso_a3 === h.hovered) {
        style.weight = 2.5;
        style.color = "#111";
      }
      if (p.iso_a3 === h.selected) {
        style.weight = 3.5;
        style.color = HIGHLIGHT;
        style.dashArray = null;
      }
      return style;
    },
    countryFeature: function (feature, layer, context) {
      const key = (context.hideout && context.hideout.map) || "primary";
      const iso = feature.properties.iso_a3;
      layer.bindTooltip(() => ns.countryTooltip(iso, feature.properties, latest[key] || {}), {
        sticky: true,
        className: "country-tooltip",
      });
      // the map highlights its own hover natively (hoverStyle); other views follow the store
      layer.on("mouseover", () => setProps("hovered-country", { data: { iso: iso, from: key } }));
      layer.on("mouseout", () => setProps("hovered-country", { data: { iso: null, from: key } }));
      layer.on("remove", () => layer.unbindTooltip());
      layer.on("click", () => {
        if (!feature.properties.origin) setProps("selected-country", { data: iso });
      });
    },
    hoverStyle: function () {
      return { weight: 2.5, color: "#111111" };
    },
    admin1CountryStyle: function (feature, context) {
      const h = context.hideout || {};
      const p = feature.properties;
      if (!h.country || p.parent_iso_a3 !== h.country) return { stroke: false, fill: false };
      const counts = h.counts || {};
      const max = Math.max(1, ...Object.values(counts));
      const n = counts[p.iso_3166_2] || 0;
      const shades = ["#ffffff", "#fdd0a2", "#fdae6b", "#fd8d3c", "#e6550d", "#a63603"];
      const fill = n ? shades[Math.min(5, 1 + Math.floor((4 * n) / max))] : shades[0];
      return { weight: 1, color: "#444", dashArray: "3 2", fillColor: fill, fillOpacity: n ? 0.8 : 0.15 };
    },
    landStyle: function () {
      return { weight: 3, color: "#7b3294", opacity: 0.85 };
    },
    maritimeStyle: function () {
      return { weight: 3, color: "#0571b0", opacity: 0.9, dashArray: "8 6" };
    },
    routeFeature: function (feature, layer) {
      layer.bindPopup(() => ns.routePopup(feature.properties), { maxHeight: 320 });
      layer.bindTooltip(() => el("span", null, feature.properties.name || feature.properties.destination || ""), { sticky: true });
    },
    entryPoint: function (feature, latlng) {
      const icon = L.divIcon({ className: "crossing-icon", html: "<span class='diamond' aria-hidden='true'></span>", iconSize: [16, 16] });
      return L.marker(latlng, { icon: icon, keyboard: true, title: feature.properties.side_place || "" });
    },
    entryFeature: function (feature, layer) {
      layer.bindPopup(() => ns.entryPopup(feature.properties), { maxHeight: 320 });
    },
    servicePoint: function (feature, latlng) {
      return L.circleMarker(latlng, { radius: 6, weight: 1, color: "#222", fillColor: "#1b9e77", fillOpacity: 0.9 });
    },
    serviceFeature: function (feature, layer) {
      if (feature.properties.cluster) return;
      layer.bindPopup(() => ns.servicePopup(feature.properties));
    },
    serviceFilter: function (feature, context) {
      if (feature.properties.cluster) return true; // clusters are counted before filtering
      const kinds = (context.hideout && context.hideout.kinds) || [];
      return kinds.indexOf(feature.properties.kind) !== -1;
    },
  };

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
    box.appendChild(el("div", "popup-title", p.name || (p.origin_area + " → " + p.destination)));
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

  /* ---------- legends (returned as Dash component dicts) ---------- */
  function div(className, children) {
    return { namespace: "dash_html_components", type: "Div", props: { className: className, children: children } };
  }
  function span(className, children, style) {
    return { namespace: "dash_html_components", type: "Span", props: { className: className, children: children, style: style } };
  }
  function compact(value) {
    const lang = (ns.text && ns.text.lang) || "es";
    return new Intl.NumberFormat(lang, { notation: "compact", maximumFractionDigits: 1 }).format(value);
  }
  function legend(title, breaks, palette, extra) {
    const swatches = palette.map((colour) => span("bar", "", { background: colour }));
    const labels = breaks.map((b, i) => span("tick", i % 2 ? "" : compact(b)));
    return [div("legend-title", title), div("legend-bar", swatches), div("legend-ticks", labels), div("legend-keys", extra)];
  }
  function key(className, label) {
    return span("key", [span("swatch " + className, ""), span("", label)]);
  }

  /* ---------- charts ---------- */
  function baseLayout(title, present) {
    return {
      title: { text: title, x: 0, xanchor: "left", font: { size: 15 } },
      margin: { l: 60, r: 20, t: 40, b: 40 },
      paper_bgcolor: "rgba(0,0,0,0)",
      plot_bgcolor: "rgba(0,0,0,0)",
      font: { family: "system-ui, sans-serif", size: present ? 20 : 13 },
      separators: (text()["number.decimal"] || ".") + (text()["number.thousands"] || ","),
      showlegend: false,
      hovermode: "closest",
    };
  }

  function barFigure(stock, index, metric, selected, hovered, present) {
    const rows = Object.keys(stock.areas)
      .map((iso) => ({ iso: iso, at: valueAt(stock, iso, index, metric) }))
      .filter((r) => r.at)
      .sort((a, b) => a.at.value - b.at.value);
    const month = stock.months[index];
    const colours = rows.map((r) => (r.iso === selected || r.iso === hovered ? HIGHLIGHT : "#1d91c0"));
    const decimals = metric === "per_1000" ? 1 : 0;
    const key = metric === "per_1000" ? "chart.bar_title_per_1000" : "chart.bar_title";
    const layout = baseLayout(tr(key, { month: formatMonth(month) }), present);
    layout.margin.l = 150;
    layout.xaxis = { fixedrange: true, tickformat: "~s" };
    layout.margin.r = 80;
    layout.yaxis = { fixedrange: true, automargin: true };
    layout.height = Math.max(260, 70 + rows.length * 20);
    return {
      data: [
        {
          type: "bar",
          orientation: "h",
          y: rows.map((r) => countryName(r.iso)),
          x: rows.map((r) => r.at.value),
          customdata: rows.map((r) => r.iso),
          text: rows.map((r) => formatNumber(r.at.value, decimals) + (r.at.estimated ? " *" : "")),
          textposition: "outside",
          cliponaxis: false,
          marker: {
            color: colours,
            pattern: { shape: rows.map((r) => (r.at.estimated ? "/" : "")), fgcolor: "#ffffff", size: 6 },
          },
          hovertemplate: "%{y}: %{text}<extra></extra>",
        },
      ],
      layout: layout,
    };
  }

  function lineFigure(stock, index, metric, selected, hovered, present) {
    // the last column "latest" is not a month: the chart stops at the last month and marks it
    const months = stock.months.slice(0, -1);
    index = Math.min(index, months.length - 1);
    const traces = [];
    const values = (iso) => (metric === "per_1000" ? stock.areas[iso].p : stock.areas[iso].v).slice(0, months.length);
    const addSeries = (name, ys, estimated, iso, colour, width) => {
      const solid = ys.map((y, i) => {
        const left = i > 0 && !estimated[i - 1] && !estimated[i] && ys[i - 1] !== null;
        const right = i + 1 < ys.length && !estimated[i] && !estimated[i + 1] && ys[i + 1] !== null;
        return left || right ? y : null;
      });
      const dashed = ys.map((y, i) => {
        const touches = estimated[i] || (i > 0 && estimated[i - 1]) || (i + 1 < ys.length && estimated[i + 1]);
        return touches ? y : null;
      });
      const published = ys.map((y, i) => (estimated[i] || y === null ? null : y));
      const common = { x: months, type: "scatter", customdata: months.map(() => iso), name: name, hoverinfo: "skip" };
      traces.push(Object.assign({}, common, { y: solid, mode: "lines", line: { color: colour, width: width } }));
      traces.push(Object.assign({}, common, { y: dashed, mode: "lines", line: { color: colour, width: width, dash: "dash" } }));
      traces.push(
        Object.assign({}, common, {
          y: published,
          mode: "markers",
          marker: { color: colour, size: width > 2 ? 7 : 5 },
          hoverinfo: undefined,
          hovertemplate: name + ": %{y:,.0f} (%{x|%Y-%m}) · " + tr("chart.published") + "<extra></extra>",
        })
      );
    };
    const lac = stock.totals && stock.totals.lac;
    if (metric !== "per_1000" && lac) {
      addSeries(tr("chart.lac"), lac.v.slice(0, months.length), lac.e.map((e) => e === 1), "LAC", "#111", 2.5);
    }
    const focus = [selected, hovered].filter(Boolean);
    Object.keys(stock.areas)
      .sort((a, b) => focus.indexOf(a) - focus.indexOf(b))
      .forEach((iso) => {
        const highlighted = focus.indexOf(iso) !== -1;
        addSeries(countryName(iso), values(iso), stock.areas[iso].e.map((e) => e === 1), iso, highlighted ? HIGHLIGHT : MUTED, highlighted ? 3.5 : 1.2);
      });
    const layout = baseLayout(tr("chart.regional_title", { region: tr("chart.lac") }), present);
    layout.xaxis = { type: "date", fixedrange: true };
    layout.yaxis = { fixedrange: true, tickformat: "~s", rangemode: "tozero" };
    layout.height = 320;
    layout.margin.b = 60;
    layout.shapes = [
      { type: "line", xref: "x", yref: "paper", x0: months[index], x1: months[index], y0: 0, y1: 1, line: { color: HIGHLIGHT, width: 2 } },
    ];
    layout.annotations = [
      { xref: "x", yref: "paper", x: months[index], y: 1, text: formatMonth(months[index]), showarrow: false, yanchor: "bottom", font: { color: "#8a3b00" } },
      { xref: "paper", yref: "paper", x: 0, y: -0.16, xanchor: "left", showarrow: false, text: "● " + tr("chart.published") + "   ┄ " + tr("chart.estimated"), font: { size: 12 } },
    ];
    return { data: traces, layout: layout };
  }

  /* ---------- clientside callbacks ---------- */
  function ownHover(hover, view) {
    return triggered() === "hovered-country" && hover && hover.from === view;
  }
  function triggered() {
    const ctx = window.dash_clientside.callback_context;
    return ctx && ctx.triggered && ctx.triggered.length ? ctx.triggered[0].prop_id.split(".")[0] : null;
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    corredores: {
      stepMonth: function (previous, next, previousYear, nextYear, tick, index, max) {
        // Rapid clicks or key presses may reach this callback merged, and before the slider
        // value catches up: count the clicks since last time and continue from the last step.
        const last = ns.clicks || { previous: 0, next: 0, previousYear: 0, nextYear: 0 };
        ns.clicks = { previous: previous || 0, next: next || 0, previousYear: previousYear || 0, nextYear: nextYear || 0 };
        let step = ns.clicks.next - last.next - (ns.clicks.previous - last.previous);
        step += 12 * (ns.clicks.nextYear - last.nextYear - (ns.clicks.previousYear - last.previousYear));
        if (triggered() === "ticker") step += 1;
        if (!step) return window.dash_clientside.no_update;
        const fresh = ns.pending && ns.pending.from === index && Date.now() - ns.pending.at < 1500;
        const base = fresh ? ns.pending.to : index;
        const to = Math.min(max, Math.max(0, base + step));
        ns.pending = { from: index, to: to, at: Date.now() };
        return to;
      },
      togglePlay: function (clicks, tick, playing, index, max) {
        const nu = window.dash_clientside.no_update;
        const t = text();
        if (triggered() === "ticker") {
          if (index < max) return [nu, nu, nu, nu, nu];
          return [true, "▶", t["time.play"], false, nu];
        }
        const start = !playing;
        const restart = start && index >= max ? 0 : nu;
        return [!start, start ? "❚❚" : "▶", start ? t["time.pause"] : t["time.play"], start, restart];
      },
      choropleth: function (index, metric, selected, hover, stock, textStore) {
        if (ownHover(hover, "primary")) return [window.dash_clientside.no_update, window.dash_clientside.no_update, window.dash_clientside.no_update];
        ns.text = textStore;
        const hovered = hover && hover.iso;
        const breaks = textStore.breaks[metric];
        const palette = textStore.palette;
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
        if (ownHover(hover, "second")) return [window.dash_clientside.no_update, window.dash_clientside.no_update];
        ns.text = textStore;
        const hovered = hover && hover.iso;
        const palette = textStore.palette;
        const month = stock.months[index];
        const year = month.slice(0, 4);
        const colours = {};
        const info = {};
        let title = tr("second." + measure);
        let note = "";
        let decimals = 0;
        if (measure === "per_1000") {
          const result = hostColours(stock, index, "per_1000", textStore.breaks.per_1000, palette);
          Object.assign(colours, result.colours);
          Object.assign(info, result.info);
          decimals = 1;
          title += " · " + formatMonth(month);
        } else {
          const entry = second[measure];
          const values = measure === "permits" ? entry.by_year[year] || {} : entry.values;
          const breaks = textStore.breaks[measure];
          Object.entries(values).forEach(([iso, value]) => {
            colours[iso] = [palette[classIndex(value, breaks)], 0];
            info[iso] = { value: value, estimated: false, date: measure === "permits" ? year : "2018", qualifier: "", sources: [entry.source] };
          });
          if (measure === "permits") {
            title += " · " + year;
            if (!Object.keys(values).length) note = tr("second.no_year", { year: year });
          }
        }
        const breaks = textStore.breaks[measure];
        const hideout = { map: "second", month: month, colours: colours, info: info, selected: selected, hovered: hovered, decimals: decimals, noDataText: note || undefined };
        const extra = [key("origin", tr("legend.origin"))];
        if (note) extra.unshift(div("legend-note", note));
        return [hideout, legend(title, breaks, palette, extra)];
      },
      barChart: function (index, metric, selected, hover, present, stock, textStore) {
        if (ownHover(hover, "bar")) return window.dash_clientside.no_update;
        ns.text = textStore;
        return barFigure(stock, index, metric, selected, hover && hover.iso, present);
      },
      lineChart: function (index, metric, selected, hover, present, stock, textStore) {
        if (ownHover(hover, "line")) return window.dash_clientside.no_update;
        ns.text = textStore;
        return lineFigure(stock, index, metric, selected, hover && hover.iso, present);
      },
      selectFromCharts: function (barClick, lineClick, clear, close, searched, textStore) {
        const source = triggered();
        if (source === "clear-selection" || source === "country-close") return null;
        if (source === "country-search") {
          const iso = (textStore.names || {})[String(searched || "").trim().toLowerCase()];
          return iso || window.dash_clientside.no_update;
        }
        const data = source === "bar-chart" ? barClick : lineClick;
        const point = data && data.points && data.points[0];
        const iso = point && point.customdata;
        return iso && iso !== "LAC" ? iso : window.dash_clientside.no_update;
      },
      hoverFromCharts: function (barHover, lineHover) {
        const source = triggered();
        const data = source === "bar-chart" ? barHover : lineHover;
        const point = data && data.points && data.points[0];
        const iso = point && point.customdata;
        return { iso: iso && iso !== "LAC" ? iso : null, from: source === "bar-chart" ? "bar" : "line" };
      },
      selectionLabel: function (selected, textStore) {
        ns.text = textStore;
        return selected ? tr("selection.selected", { name: countryName(selected) }) : tr("selection.none");
      },
      followView: function (center, zoom, otherCenter, otherZoom) {
        const nu = window.dash_clientside.no_update;
        if (!center || zoom === undefined || zoom === null) return nu;
        const c = Array.isArray(center) ? { lat: center[0], lng: center[1] } : center;
        const o = otherCenter ? (Array.isArray(otherCenter) ? { lat: otherCenter[0], lng: otherCenter[1] } : otherCenter) : null;
        // follow only real moves: tiny differences (rounding, popup auto-pan echoes) would bounce between maps
        const same = o && Math.abs(o.lat - c.lat) < 1e-3 && Math.abs(o.lng - c.lng) < 1e-3 && Math.abs(otherZoom - zoom) < 0.01;
        if (same) return nu;
        return { center: [c.lat, c.lng], zoom: zoom, transition: "setView" };
      },
      resetView: function (clicks, textStore) {
        if (!clicks) return window.dash_clientside.no_update;
        return textStore.home;
      },
      urlState: function (index, metric, selected, second, overlays, kinds, compare, present, lang, stock, textStore) {
        const params = new URLSearchParams(window.location.search);
        const names = textStore.layers || {};
        const set = (key, value) => (value === null || value === undefined || value === "" ? params.delete(key) : params.set(key, value));
        set("lang", lang);
        set("date", stock.months[index]);
        set("metric", metric);
        set("country", selected);
        set("second", second);
        set("compare", (compare || []).join(","));
        set("present", present ? "1" : null);
        if (overlays) set("layers", Object.keys(names).filter((k) => overlays.indexOf(names[k]) !== -1).join(","));
        if (kinds) set("services", kinds.join(","));
        const search = "?" + params.toString();
        if (lang !== textStore.lang) {
          window.location.search = search;
          return window.dash_clientside.no_update;
        }
        return search === window.location.search ? window.dash_clientside.no_update : search;
      },
      shareLinks: function (search) {
        const base = window.location.origin + window.location.pathname;
        const params = new URLSearchParams(search || window.location.search);
        params.delete("embed");
        params.delete("present");
        const link = base + "?" + params.toString();
        params.set("embed", "1");
        const embed = '<iframe src="' + base + "?" + params.toString().replace(/"/g, "%22") +
          '" width="100%" height="600" style="border:0" title="Corredores" loading="lazy"></iframe>';
        return [link, embed];
      },
      citeView: function (index, selected) {
        // a click on the summary toggles <details> after this runs: read its state a tick later
        return new Promise((resolve) =>
          setTimeout(() => {
            const details = document.getElementById("cite-details");
            resolve(details && details.open ? { index: index, country: selected } : window.dash_clientside.no_update);
          }, 0)
        );
      },
      countryMonth: function (index, selected) {
        return selected ? index : window.dash_clientside.no_update;
      },
      zoomToCountry: function (selected, textStore) {
        const nu = window.dash_clientside.no_update;
        if (!selected) return [nu, nu];
        const bounds = (textStore.bounds || {})[selected];
        return [bounds || nu, textStore.admin1];
      },
      presentClass: function (present, className, textStore) {
        ns.text = textStore;
        const classes = String(className || "app").split(" ").filter((c) => c && c !== "present");
        if (present) classes.push("present");
        return [classes.join(" "), present ? tr("present.leave") : tr("present.enter")];
      },
      togglePresent: function (clicks, present) {
        const entering = !present;
        if (entering && document.documentElement.requestFullscreen && !document.fullscreenElement) {
          document.documentElement.requestFullscreen().catch(() => null);
        }
        if (!entering && document.fullscreenElement) document.exitFullscreen().catch(() => null);
        return entering;
      },
      sceneFromButton: function () {
        const ctx = window.dash_clientside.callback_context;
        const id = ctx.triggered_id || (ctx.triggered.length && JSON.parse(ctx.triggered[0].prop_id.split(".")[0]));
        return id ? id.index : window.dash_clientside.no_update;
      },
      applyScene: function (index, scenes, stock, textStore) {
        const nu = window.dash_clientside.no_update;
        const scene = scenes && scenes[index];
        if (!scene) return [nu, nu, nu, nu, nu, nu, nu];
        ns.text = textStore;
        const month = stock.months.indexOf(scene.date);
        const names = textStore.layers || {};
        const overlays = (scene.layers || []).map((key) => names[key]).filter(Boolean);
        const caption = [
          span("scene-number", tr("present.scene", { n: index + 1 })),
          span("scene-text", scene.caption[textStore.lang] || scene.caption.en),
        ];
        return [month >= 0 ? month : nu, scene.metric, scene.second, scene.country, scene.bounds, overlays, caption];
      },
      groupSingle: function (clicks, current) {
        const ctx = window.dash_clientside.callback_context;
        const id = ctx.triggered_id;
        if (!id || !ctx.triggered.length || !ctx.triggered[0].value) return window.dash_clientside.no_update;
        return id.value;
      },
      groupMulti: function (clicks, current) {
        const ctx = window.dash_clientside.callback_context;
        const id = ctx.triggered_id;
        if (!id || !ctx.triggered.length || !ctx.triggered[0].value) return window.dash_clientside.no_update;
        const chosen = (current || []).slice();
        const at = chosen.indexOf(id.value);
        if (at === -1) chosen.push(id.value);
        else chosen.splice(at, 1);
        return chosen;
      },
      groupPressed: function (value, buttonIds) {
        const chosen = Array.isArray(value) ? value : [value];
        const pressed = buttonIds.map((id) => chosen.indexOf(id.value) !== -1);
        return [pressed.map((p) => (p ? "true" : "false")), pressed.map((p) => (p ? "toggle pressed" : "toggle"))];
      },
      serviceKinds: function (kinds, hideout) {
        return Object.assign({}, hideout, { kinds: kinds || [] });
      },
    },
  });

  /* ---------- names for third-party widgets that lack them (slider handle) ---------- */
  new MutationObserver(function () {
    if (!text()["time.label"]) return;
    document.querySelectorAll(".dash-slider-thumb:not([aria-label]), [role=slider]:not([aria-label])").forEach((thumb) => {
      thumb.setAttribute("aria-label", tr("time.label"));
    });
  }).observe(document.documentElement, { childList: true, subtree: true });

  /* ---------- sortable tables (any table.sortable with header buttons) ---------- */
  function cellValue(text) {
    const t = ns.text && ns.text.t ? ns.text.t : {};
    const digits = String(text).split(t["number.thousands"] || ",").join("").replace(t["number.decimal"] || ".", ".");
    const number = parseFloat(digits);
    return Number.isNaN(number) || !/^[\s\d.,%+−-]+$/.test(text) ? String(text).toLowerCase() : number;
  }
  document.addEventListener("click", function (event) {
    const button = event.target.closest && event.target.closest("table.sortable .sort-button");
    if (!button) return;
    const th = button.closest("th");
    const table = th.closest("table");
    const column = Array.prototype.indexOf.call(th.parentNode.children, th);
    const ascending = th.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th").forEach((h) => h.removeAttribute("aria-sort"));
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    const body = table.tBodies[0];
    const rows = Array.prototype.slice.call(body.rows);
    rows.sort((a, b) => {
      const x = cellValue(a.cells[column].textContent);
      const y = cellValue(b.cells[column].textContent);
      const order = x < y ? -1 : x > y ? 1 : 0;
      return ascending ? order : -order;
    });
    rows.forEach((row) => body.appendChild(row));
  });

  /* ---------- keyboard ---------- */
  document.addEventListener("keydown", function (event) {
    const target = event.target;
    const typing = target && (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable);
    const inSlider = target && target.closest && target.closest(".rc-slider, .dash-slider");
    if (typing || event.altKey || event.ctrlKey || event.metaKey) return;
    const present = !!document.querySelector(".app.present");
    const click = (id) => {
      const node = document.getElementById(id);
      if (node) node.click();
    };
    const key = event.key;
    if ((key === "ArrowLeft" || key === "ArrowRight") && event.shiftKey) {
      click(key === "ArrowLeft" ? "previous-year" : "next-year");
      event.preventDefault();
    } else if (key === "ArrowLeft" && !inSlider) {
      click("previous-month");
      event.preventDefault();
    } else if (key === "ArrowRight" && !inSlider) {
      click("next-month");
      event.preventDefault();
    } else if (key === "Escape") {
      if (present) setProps("present-mode", { data: false });
      else click("clear-selection");
    } else if (present && key === " ") {
      click("play");
      event.preventDefault();
    } else if (present && /^[1-9]$/.test(key)) {
      setProps("scene-index", { data: Number(key) - 1 });
    } else if (present && (key === "f" || key === "F")) {
      if (document.fullscreenElement) document.exitFullscreen().catch(() => null);
      else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen().catch(() => null);
    }
  });
})();
