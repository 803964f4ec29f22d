/* "Cite this" (callbacks/cite.py): only while it is open does the view reach the server. */
(function () {
  "use strict";
  const ns = window.corredores;
  const { byId, register, noUpdate } = ns.core;

  register({
    citeView: function (index, selected) {
      // a click on the summary toggles <details> after this runs: read its state a tick later
      return new Promise((resolve) =>
        setTimeout(() => {
          const details = byId(ns.ids.CITE_DETAILS);
          resolve(details && details.open ? { index: index, country: selected } : noUpdate());
        }, 0)
      );
    },
  });
})();
