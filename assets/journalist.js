/* Corredores journalist tools: download links that follow the view (month, measure, selection).
 * Mirrors dashboard/pages/cite.py view_links(); runs in the browser so playing the timeline
 * sends no request to the server. */
(function () {
  "use strict";
  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    journalist: {
      links: function (metric, selected, index, stock, textStore) {
        const month = stock.months[Math.min(Math.max(index || 0, 0), stock.months.length - 1)];
        const view = new URLSearchParams({ date: month, metric: metric || "absolute", lang: textStore.lang }).toString();
        const api = selected ? "/api/stock_by_month.csv?" + new URLSearchParams({ country: selected }).toString() : "/api/stock_by_month.csv";
        return ["/export/map.csv?" + view, "/export/admin0.geojson?" + view, api];
      },
    },
  });
})();
