/* Presenter mode (callbacks/presenter.py): full screen, scenes, large type. */
(function () {
  "use strict";
  const ns = window.corredores;
  const { tr, span, register, noUpdate } = ns.core;

  register({
    presentClass: function (present, className, textStore) {
      ns.text = textStore;
      const classes = String(className || "app").split(" ").filter((c) => c && c !== "present");
      if (present) classes.push("present");
      return [classes.join(" "), present ? tr("present.leave") : tr("present.enter")];
    },
    togglePresent: function (clicks, present) {
      const entering = !present;
      if (entering && document.documentElement.requestFullscreen && !document.fullscreenElement) {
        document.documentElement.requestFullscreen().catch(() => null);
      }
      if (!entering && document.fullscreenElement) document.exitFullscreen().catch(() => null);
      return entering;
    },
    sceneFromButton: function () {
      const ctx = window.dash_clientside.callback_context;
      const id = ctx.triggered_id || (ctx.triggered.length && JSON.parse(ctx.triggered[0].prop_id.split(".")[0]));
      return id ? id.index : noUpdate();
    },
    applyScene: function (index, scenes, stock, textStore) {
      const scene = scenes && scenes[index];
      if (!scene) return noUpdate(7);
      ns.text = textStore;
      const month = stock.months.indexOf(scene.date);
      const names = textStore.layers || {};
      const overlays = (scene.layers || []).map((key) => names[key]).filter(Boolean);
      const caption = [
        span("scene-number", tr("present.scene", { n: index + 1 })),
        span("scene-text", scene.caption[textStore.lang] || scene.caption.en),
      ];
      return [month >= 0 ? month : noUpdate(), scene.metric, scene.second, scene.country, scene.bounds, overlays, caption];
    },
  });
})();
