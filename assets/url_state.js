/* The view lives in the URL query (callbacks/url_state.py); share and embed links follow it. */
(function () {
  "use strict";
  const ns = window.corredores;
  const { register, noUpdate } = ns.core;

  register({
    urlState: function (index, metric, selected, second, overlays, kinds, compare, present, lang, tab, stock, textStore) {
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
      set("tab", tab === "table" ? tab : null);
      if (overlays) set("layers", Object.keys(names).filter((k) => overlays.indexOf(names[k]) !== -1).join(","));
      if (kinds) set("services", kinds.join(","));
      const search = "?" + params.toString();
      if (lang !== textStore.lang) {
        window.location.search = search;
        return noUpdate();
      }
      return search === window.location.search ? noUpdate() : search;
    },
    shareLinks: function (search) {
      const base = window.location.origin + window.location.pathname;
      const params = new URLSearchParams(search || window.location.search);
      params.delete("embed");
      params.delete("present");
      const link = base + "?" + params.toString();
      params.set("embed", "1");
      const embed =
        '<iframe src="' + base + "?" + params.toString().replace(/"/g, "%22") +
        '" width="100%" height="600" style="border:0" title="Corredores" loading="lazy"></iframe>';
      return [link, embed];
    },
  });
})();
