/* "Cite this" (callbacks/cite.py): only while it is open does the view reach the server. */
(function () {
  "use strict";
  const ns = window.corredores;
  const { byId, register, noUpdate } = ns.core;

  let shown = null; // "month index|country" of the citation on screen

  /* The view to cite while the panel is open and shows another one (else no update). Clicks inside
     the open panel (copy, full reference) change nothing: no new citation. */
  ns.citeView = function (index, selected) {
    const details = byId(ns.ids.CITE_DETAILS);
    const key = index + "|" + (selected || "");
    if (shown === null) shown = (byId(ns.ids.CITE_BLOCK) || { dataset: {} }).dataset.view; // as built
    if (!details || !details.open || key === shown) return noUpdate();
    shown = key;
    return { index: index, country: selected };
  };

  register({
    /* A month change goes through timeline.js monthView; a click on the summary toggles <details>
       after this runs: read its state a tick later. */
    citeView: function (selected, clicks, index) {
      return new Promise((resolve) => setTimeout(() => resolve(ns.citeView(index, selected)), 0));
    },
  });
})();
