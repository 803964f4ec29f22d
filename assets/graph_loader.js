/* Plotly (assets/vendor, 1.2 MB of script) is not part of the page's first load: it loads when a
 * chart first comes near the viewport (the charts below the maps) or, in the country panel or a
 * folded section, as soon as it opens (a country selected or compared, at once when a link asks).
 *
 * dcc.Graph renders a placeholder (`.dash-graph--pending`, its id already on it) while it waits for
 * `Promise.resolve(window.Plotly || <load dash's full plotly.js>)`. Here `window.Plotly` is a
 * promise-like stand-in until then: every Graph keeps its props (figures drawn meanwhile, the
 * month, the language) and draws them once the library has replaced the stand-in. */
(function () {
  "use strict";
  const ns = window.corredores;
  const MARGIN = "100px"; // as assets/charts.js: a chart about to scroll into view is drawn already
  const PENDING = ".dash-graph--pending";
  // charts a person has just asked for load as they open: the country panel's, the compare chart's
  const OPENED = "[id=" + JSON.stringify(ns.ids.COUNTRY_PANEL) + "], details";
  const script = document.currentScript.src;

  let begin;
  const loaded = new Promise((resolve) => {
    begin = resolve;
  }).then(
    () =>
      new Promise((resolve, reject) => {
        const tag = document.createElement("script");
        tag.src = new URL(ns.config.plotly, script).href;
        tag.onload = () => resolve(); // the script sets window.Plotly: the library replaces the stand-in
        tag.onerror = reject;
        document.head.appendChild(tag);
      })
  );
  window.Plotly = {
    then: (onLoaded, onFailed) => loaded.then(onLoaded, onFailed),
  };

  function start() {
    begin();
    observers.forEach((observer) => observer.disconnect());
  }
  function whenIntersecting(margin) {
    return new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && start(), {
      rootMargin: margin,
    });
  }
  const near = whenIntersecting(MARGIN);
  const shown = whenIntersecting("100000px"); // shown anywhere on the page: a panel just opened
  // placeholders appear as Dash renders the page and the panels it opens
  const watched = new WeakSet();
  const found = new MutationObserver(() => {
    document.querySelectorAll(PENDING).forEach((node) => {
      if (watched.has(node)) return;
      watched.add(node);
      (node.closest(OPENED) ? shown : near).observe(node);
    });
  });
  const observers = [near, shown, found];
  found.observe(document.documentElement, { childList: true, subtree: true });
})();
