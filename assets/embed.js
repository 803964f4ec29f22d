/* The embed card (callbacks/embed.py): the map holds the whole region in any frame, and the card
 * names the selected country's figure with its qualifier, date and source. */
(function () {
  "use strict";
  const ns = window.corredores;
  const { tr, countryName, div, span, register, noUpdate } = ns.core;
  const { number: formatNumber, month: formatMonth } = ns.format;
  const ids = ns.ids;

  /* A 300 px frame holds the region only below the app's smallest zoom; a wheel never zooms the
     card (the page around it scrolls); a resized frame or map shows the region again. */
  if (window.L) {
    L.Map.addInitHook(function () {
      const map = this;
      const container = map.getContainer();
      if (container.id !== ids.MAP || !container.closest(".app.embed")) return;
      map.options.minZoom = 1;
      map.scrollWheelZoom.disable();
      const card = document.getElementById(ids.EMBED_CARD);
      const bounds = card && JSON.parse(card.dataset.bounds);
      map.on("resize", () => bounds && !ns.userMoved && map.fitBounds(bounds, { padding: ns.config.fit_padding }));
      // the card's rows change the map's size without a window resize (the figure arrives later)
      new ResizeObserver(() => map.invalidateSize()).observe(container);
    });
  }

  register({
    embedValue: function (hideout) {
      if (!hideout) return noUpdate();
      const iso = hideout.selected;
      if (!iso) return null;
      const name = div("embed-country", countryName(iso));
      const at = hideout.info && hideout.info[iso];
      if (!at) {
        const gap = hideout.missing && hideout.missing[iso];
        const note = gap ? tr("tooltip.carried", { month: formatMonth(gap.month), date: formatMonth(gap.date) }) : tr("tooltip.no_data");
        return [name, div("embed-note", note)];
      }
      const qualifier = at.qualifier ? tr("qualifier." + at.qualifier) + " " : "";
      const [before, after] = String(at.date).split("|");
      const date = at.estimated
        ? tr("tooltip.between", { before: formatMonth(before), after: formatMonth(after) })
        : tr("embed.as_of", { date: formatMonth(at.date) });
      const labels = Array.from(new Set((at.sources || []).filter(Boolean).map(ns.shortSource)));
      return [
        name,
        div("embed-number", qualifier + formatNumber(at.absolute)),
        div("embed-note", [date, labels.length ? " · " : "", span("embed-source", labels.join("; "))]),
      ];
    },
  });
})();
