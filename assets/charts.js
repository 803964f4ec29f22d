/* The regional line chart and the ranked bar chart (callbacks/charts.py), drawn from the stock store. */
(function () {
  "use strict";
  const ns = window.corredores;
  const { tr, countryName, ownHover, register, noUpdate } = ns.core;
  const { number: formatNumber, month: formatMonth, separators } = ns.format;
  const { valueAt } = ns.stock;
  const colours = ns.config.colours;

  function baseLayout(title, present) {
    return {
      title: { text: title, x: 0, xanchor: "left", font: { size: 15 } },
      margin: { l: 60, r: 20, t: 40, b: 40 },
      paper_bgcolor: "rgba(0,0,0,0)",
      plot_bgcolor: "rgba(0,0,0,0)",
      font: { family: "system-ui, sans-serif", size: present ? 20 : 13 },
      separators: separators().decimal + separators().group,
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
    const fills = rows.map((r) => (r.iso === selected || r.iso === hovered ? colours.highlight : colours.bar));
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
            color: fills,
            pattern: { shape: rows.map((r) => (r.at.estimated ? "/" : "")), fgcolor: "#ffffff", size: 6 },
          },
          hovertemplate: "%{y}: %{text}<extra></extra>",
        },
      ],
      layout: layout,
    };
  }

  /* Names at the ends of the lines, pushed apart so that none covers another. */
  function endLabels(series, months, layout, top) {
    const plotHeight = layout.height - layout.margin.t - layout.margin.b;
    const gap = ((top * 1.05) / plotHeight) * (layout.font.size + 2);
    const ends = series
      .map((s) => {
        let i = s.ys.length - 1;
        while (i >= 0 && (s.ys[i] === null || s.ys[i] === undefined)) i--;
        return i < 0 ? null : { s: s, i: i, y: s.ys[i] };
      })
      .filter(Boolean)
      .sort((a, b) => b.y - a.y);
    let previous = Infinity;
    return ends.map((end) => {
      previous = Math.min(end.y, previous - gap);
      return {
        xref: "x",
        yref: "y",
        x: months[end.i],
        y: previous,
        xanchor: "left",
        xshift: 6,
        showarrow: false,
        text: end.s.name,
        font: { size: layout.font.size - 1, color: end.s.colour },
        name: "line-label",
      };
    });
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
      addSeries(tr("chart.lac"), lac.v.slice(0, months.length), lac.e.map((e) => e === 1), "LAC", colours.total, 2.5);
    }
    const focus = [selected, hovered].filter(Boolean);
    Object.keys(stock.areas)
      .sort((a, b) => focus.indexOf(a) - focus.indexOf(b))
      .forEach((iso) => {
        const highlighted = focus.indexOf(iso) !== -1;
        addSeries(countryName(iso), values(iso), stock.areas[iso].e.map((e) => e === 1), iso, highlighted ? colours.highlight : colours.muted, highlighted ? 3.5 : 1.2);
      });
    const layout = baseLayout(tr("chart.regional_title", { region: tr("chart.lac") }), present);
    // a fixed range: Plotly would otherwise widen the axis to make room for the line names
    layout.xaxis = { type: "date", fixedrange: true, range: [months[0], months[months.length - 1]] };
    layout.yaxis = { fixedrange: true, tickformat: "~s", rangemode: "tozero" };
    layout.height = 320;
    layout.margin.b = 60;
    layout.shapes = [
      { type: "line", xref: "x", yref: "paper", x0: months[index], x1: months[index], y0: 0, y1: 1, line: { color: colours.highlight, width: 2 } },
    ];
    layout.annotations = [
      { xref: "x", yref: "paper", x: months[index], y: 1, text: formatMonth(months[index]), showarrow: false, yanchor: "bottom", font: { color: colours.note } },
      { xref: "paper", yref: "paper", x: 0, y: -0.16, xanchor: "left", showarrow: false, text: "● " + tr("chart.published") + "   ┄ " + tr("chart.estimated"), font: { size: 12 } },
    ];
    // name the region, the five largest hosts of the month and the focused countries
    const now = (iso) => values(iso)[index];
    const ranked = Object.keys(stock.areas)
      .filter((iso) => now(iso) !== null && now(iso) !== undefined)
      .sort((a, b) => now(b) - now(a));
    const named = Array.from(new Set(ranked.slice(0, 5).concat(focus.filter((iso) => stock.areas[iso]))));
    const labelled = named.map((iso) => ({
      name: countryName(iso),
      ys: values(iso),
      colour: focus.indexOf(iso) !== -1 ? colours.highlight : colours.line_label,
    }));
    if (metric !== "per_1000" && lac) labelled.unshift({ name: tr("chart.lac_short"), ys: lac.v.slice(0, months.length), colour: colours.total });
    const top = Math.max(...traces.map((trace) => Math.max(...trace.y.filter((y) => y !== null && y !== undefined))));
    layout.margin.r = present ? 190 : 130;
    layout.annotations = layout.annotations.concat(endLabels(labelled, months, layout, top));
    return { data: traces, layout: layout };
  }

  /* A chart out of view is not redrawn at each month step or hover (play keeps its cadence): it is
   * drawn once at load, then again when it comes into view with what changed meanwhile. */
  const MARGIN = 100; // px: a chart about to scroll into view is drawn already
  const stale = {};
  const watched = {};
  const watcher = new IntersectionObserver((entries) => {
    entries.forEach((entry) => {
      const draw = stale[entry.target.id];
      if (entry.isIntersecting && draw) {
        delete stale[entry.target.id];
        ns.core.setProps(entry.target.id, { figure: draw() });
      }
    });
  }, { rootMargin: MARGIN + "px" });
  /* Dash may replace the graph's node (Plotly's arrival swaps the placeholder for the graph,
   * assets/graph_loader.js): watch the one on the page. */
  function watch(id) {
    const node = document.getElementById(id);
    if (node && watched[id] !== node) {
      if (watched[id]) watcher.unobserve(watched[id]);
      watched[id] = node;
      watcher.observe(node);
      swaps.observe(node.parentNode, { childList: true });
    }
    return node;
  }
  const swaps = new MutationObserver(() => Object.keys(watched).forEach(watch));
  function whenInView(id, draw) {
    const first = !(id in watched);
    const node = watch(id);
    const box = node && node.getBoundingClientRect();
    if (!first && box && (box.bottom < -MARGIN || box.top > window.innerHeight + MARGIN)) {
      stale[id] = draw;
      return noUpdate();
    }
    delete stale[id];
    return draw();
  }

  register({
    barChart: function (metric, selected, hover, present, index, stock, textStore) {
      if (ownHover(hover, "bar")) return noUpdate();
      ns.text = textStore;
      return whenInView(ns.ids.BAR_CHART, () => barFigure(stock, index, metric, selected, hover && hover.iso, present));
    },
    lineChart: function (metric, selected, hover, present, index, stock, textStore) {
      if (ownHover(hover, "line")) return noUpdate();
      ns.text = textStore;
      return whenInView(ns.ids.LINE_CHART, () => lineFigure(stock, index, metric, selected, hover && hover.iso, present));
    },
  });
})();
