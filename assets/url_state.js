/* The view lives in the URL query (callbacks/url_state.py); share and embed links follow it. */
(function () {
  "use strict";
  const ns = window.corredores;
  const { register, noUpdate } = ns.core;
  const config = ns.config;

  /* A query without what a link need not say (dashboard/view_state.py `is_default`): keys at their
     default, values older links carry that no longer exist; an empty list of overlays is `none`.
     Keys in `keep` stay whatever their value (the address bar keeps the chosen language). */
  function minimal(params, keep) {
    const defaults = config.link_defaults || {};
    const lists = config.list_keys || [];
    const retired = config.retired || {};
    const items = (key, value) =>
      String(value).split(",").filter((v) => v && v !== "none" && (retired[key] || []).indexOf(v) === -1);
    const out = new URLSearchParams();
    params.forEach((value, key) => {
      if (!(key in defaults) || (keep || []).indexOf(key) !== -1) {
        out.set(key, value);
      } else if (lists.indexOf(key) !== -1) {
        const chosen = items(key, value);
        const standard = items(key, defaults[key]);
        const same = chosen.length === standard.length && chosen.every((v) => standard.indexOf(v) !== -1);
        if (!same) out.set(key, chosen.length ? chosen.join(",") : "none");
      } else if (value !== defaults[key]) {
        out.set(key, value);
      }
    });
    return out.toString().replace(/%2C/g, ",");
  }
  ns.minimalQuery = minimal;

  register({
    urlState: function (index, metric, selected, second, overlays, kinds, compare, present, lang, view, tab, stock, textStore) {
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
      set("view", view);
      set("tab", tab === "table" ? tab : null);
      if (overlays) params.set("layers", Object.keys(names).filter((k) => overlays.indexOf(names[k]) !== -1).join(","));
      if (kinds) params.set("services", kinds.join(","));
      const query = minimal(params, ["lang"]);
      const search = query ? "?" + query : "";
      return search === window.location.search ? noUpdate() : search;
    },
    /* The link that reopens this view and the embed card's iframe code: only non-default keys, on
       the public address (CORREDORES_PUBLIC_URL) when one is set. The card always shows the region. */
    shareLinks: function (search, publicUrl) {
      const base = (publicUrl ? publicUrl + "/" : window.location.origin + window.location.pathname);
      const params = new URLSearchParams(search || window.location.search);
      ["embed", "present", "admin"].forEach((key) => params.delete(key));
      const query = minimal(params);
      const link = base + (query ? "?" + query : "");
      params.delete("view");
      params.set("embed", "1");
      const embed =
        '<iframe src="' + base + "?" + minimal(params).replace(/"/g, "%22") +
        '" width="100%" height="450" style="border:0" title="Corredores" loading="lazy"></iframe>';
      return [link, embed];
    },
  });
})();
