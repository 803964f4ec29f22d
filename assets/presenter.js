/* Slide mode (callbacks/presenter.py): one full-screen map, prepared scenes, scene list, large type. */
(function () {
  "use strict";
  const ns = window.corredores;
  const { tr, span, register, noUpdate, click, byId } = ns.core;
  const ids = ns.ids;
  const STOCK_MEASURES = ns.config.metrics; // drawn by the main map's own metric; others are slide measures

  /* The maps fill the screen below the header: measure where they start (the header wraps). */
  function measureTop(tries) {
    const maps = document.querySelector(".maps");
    if (!maps) {
      if (tries > 0) requestAnimationFrame(() => measureTop(tries - 1));
      return;
    }
    const top = Math.round(maps.getBoundingClientRect().top + window.scrollY);
    document.documentElement.style.setProperty("--present-top", top + "px");
  }
  window.addEventListener("resize", () => measureTop(0));
  /* Leaflet measures its container only on window resizes: follow every change of its size
     (entering slide mode, the header wrapping), keeping the map's centre. */
  if (window.L && window.ResizeObserver) {
    L.Map.addInitHook(function () {
      const map = this;
      new ResizeObserver(() => map.invalidateSize()).observe(map.getContainer());
    });
  }

  /* Show exactly the named overlays: dash-leaflet's LayersControl cannot be set from a callback,
     so tick or untick Leaflet's own checkboxes (its layer events report the change as usual),
     one per frame: each change reaches the component's props before the next. */
  function showOverlays(names) {
    const labels = document.querySelectorAll("#" + ids.MAP + " .leaflet-control-layers-overlays label");
    const toggles = Array.from(labels).filter((label) => {
      const input = label.querySelector("input");
      return input && input.checked !== (names.indexOf(label.textContent.trim()) !== -1);
    });
    const next = () => {
      const label = toggles.shift();
      if (!label) return;
      label.querySelector("input").click();
      setTimeout(() => requestAnimationFrame(next), 0);
    };
    next();
  }

  function closeList() {
    const list = byId(ids.SCENE_LIST);
    if (list) list.open = false;
  }

  /* Open the scene list and focus the current scene's entry (keyboard: S); S or Escape closes it. */
  ns.toggleSceneList = function () {
    const list = byId(ids.SCENE_LIST);
    if (!list) return;
    list.open = !list.open;
    if (!list.open) return;
    const current = list.querySelector(".scene-button.current") || list.querySelector(".scene-button");
    if (current) current.focus();
  };
  /* Up/Down move between the scene list's entries; Enter or Space picks one (it is a button). */
  document.addEventListener("keydown", function (event) {
    const item = event.target && event.target.closest && event.target.closest("#" + ids.SCENE_LIST + " .scene-button");
    if (!item || (event.key !== "ArrowDown" && event.key !== "ArrowUp")) return;
    const items = Array.from(byId(ids.SCENE_LIST).querySelectorAll(".scene-button"));
    const next = items[(items.indexOf(item) + (event.key === "ArrowDown" ? 1 : items.length - 1)) % items.length];
    next.focus();
    event.preventDefault();
  });

  /* A playing scene stops at the end of its range (Space resumes past it); run by timeline.js monthFollow. */
  ns.sceneRangeEnd = function (monthIndex, sceneIndex, scenes, playing, stock) {
    const scene = scenes && sceneIndex !== null && sceneIndex !== undefined ? scenes[sceneIndex] : null;
    if (playing && scene && scene.play && stock.months[monthIndex] === scene.play.to) click(ids.PLAY);
  };

  register({
    presentClass: function (present, className, textStore) {
      ns.text = textStore;
      const classes = String(className || "app").split(" ").filter((c) => c && c !== "present");
      if (present) classes.push("present");
      requestAnimationFrame(() => measureTop(120));
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
      closeList();
      return id ? id.index : noUpdate();
    },
    /* A scene sets the month (or starts playing its range), the measure, selection, layers, caption. */
    applyScene: function (index, scenes, playing, stock, textStore) {
      const scene = scenes && scenes[index];
      if (!scene) return noUpdate(6);
      ns.text = textStore;
      const lang = textStore.lang;
      const month = stock.months.indexOf(scene.play ? scene.play.from : scene.date);
      const names = textStore.layers || {};
      showOverlays((scene.layers || []).map((key) => names[key]).filter(Boolean));
      const stockMeasure = STOCK_MEASURES.indexOf(scene.measure) !== -1;
      const caption = [
        span("scene-number", tr("present.scene", { n: index + 1 }) + " · " + scene.title[lang]),
        span("scene-text", scene.caption[lang]),
      ];
      document.querySelectorAll("#" + ids.SCENE_LIST + " .scene-button").forEach((button, i) => {
        button.classList.toggle("current", i === index);
        button.setAttribute("aria-current", i === index ? "true" : "false");
      });
      ns.sceneSelection = { iso: scene.country, at: Date.now() }; // read by mapViewport: no flight to it
      // a range plays from its first month; a scene without one stops a range that was playing
      if (!!scene.play !== !!playing) setTimeout(() => click(ids.PLAY), 0);
      return [
        month >= 0 ? month : noUpdate(),
        stockMeasure ? scene.measure : noUpdate(),
        stockMeasure ? noUpdate() : scene.measure,
        stockMeasure ? null : scene.measure,
        scene.country,
        caption,
      ];
    },
    /* While a scene's own measure is on the map, the People / Per 1,000 buttons show none pressed. */
    markSlideMeasure: function (measure) {
      document.body.classList.toggle("slide-measure", !!measure);
    },
    /* Choosing a main-map measure by hand ends a scene's slide measure. */
    clearSlideMeasure: function () {
      return null;
    },
  });
})();
