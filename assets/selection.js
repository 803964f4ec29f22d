/* One selected and one hovered country, shared by both maps and both charts (callbacks/selection.py). */
(function () {
  "use strict";
  const ns = window.corredores;
  const { tr, countryName, triggered, register, noUpdate } = ns.core;
  const ids = ns.ids;

  register({
    selectFromCharts: function (barClick, lineClick, clear, close, searched, textStore) {
      const source = triggered();
      if (source === ids.CLEAR_SELECTION || source === ids.COUNTRY_CLOSE) return null;
      if (source === ids.COUNTRY_SEARCH) {
        const iso = (textStore.names || {})[String(searched || "").trim().toLowerCase()];
        return iso || noUpdate();
      }
      const data = source === ids.BAR_CHART ? barClick : lineClick;
      const point = data && data.points && data.points[0];
      const iso = point && point.customdata;
      return iso && iso !== "LAC" ? iso : noUpdate();
    },
    hoverFromCharts: function (barHover, lineHover) {
      const source = triggered();
      const data = source === ids.BAR_CHART ? barHover : lineHover;
      const point = data && data.points && data.points[0];
      const iso = point && point.customdata;
      return { iso: iso && iso !== "LAC" ? iso : null, from: source === ids.BAR_CHART ? "bar" : "line" };
    },
    selectionLabel: function (selected, textStore) {
      ns.text = textStore;
      return selected ? tr("selection.selected", { name: countryName(selected) }) : tr("selection.none");
    },
  });
})();
