/* "Cite this" (callbacks/cite.py): only while it is open does the view reach the server. */
(function () {
  "use strict";
  const ns = window.corredores;
  const { byId, register, noUpdate } = ns.core;

  let shown = null; // "month index|country" of the citation on screen

  register({
    citeView: function (index, selected) {
      // a click on the summary toggles <details> after this runs: read its state a tick later.
      // Clicks inside the open panel (copy, full reference) change nothing: no new citation.
      return new Promise((resolve) =>
        setTimeout(() => {
          const details = byId(ns.ids.CITE_DETAILS);
          const key = index + "|" + (selected || "");
          if (shown === null) shown = (byId(ns.ids.CITE_BLOCK) || { dataset: {} }).dataset.view; // as built
          if (!details || !details.open || key === shown) return resolve(noUpdate());
          shown = key;
          resolve({ index: index, country: selected });
        }, 0)
      );
    },
  });
})();
