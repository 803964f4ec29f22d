/* Values per month from the stock store (layers/choropleth.py stock_matrix), shared by maps and charts. */
(function () {
  "use strict";
  const ns = window.corredores;
  const { classIndex } = ns.core;

  /* The figure of one host at one month: value, estimate flag, date(s), qualifier, sources. */
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

  /* Class colour and estimate flag of every host with a figure at this month. */
  function hostColours(stock, index, metric, breaks, palette) {
    const colours = {};
    const info = {};
    const missing = {}; // hosts with no figure this month: the month and date of their latest figure
    Object.keys(stock.areas).forEach((iso) => {
      const at = valueAt(stock, iso, index, metric);
      const latest = stock.areas[iso].c && stock.areas[iso].c[index];
      if (!at && latest !== null && latest !== undefined) {
        missing[iso] = { month: stock.months[index], date: stock.areas[iso].d[latest] };
      }
      if (!at) return;
      colours[iso] = [palette[classIndex(at.value, breaks)], at.estimated ? 1 : 0];
      info[iso] = at;
    });
    return { colours, info, missing };
  }

  ns.stock = { valueAt, hostColours };
})();
