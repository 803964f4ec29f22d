/* The two linked maps (callbacks/map_view.py): colours per month, legends, shared view, reset. */
(function () {
  "use strict";
  const ns = window.corredores;
  const { tr, classIndex, div, span, byId, ownHover, register, noUpdate, setProps } = ns.core;
  const { month: formatMonth, compact } = ns.format;
  const { hostColours } = ns.stock;
  const config = ns.config;
  const ids = ns.ids;

  /* Every component that changed in this callback round. */
  function triggeredAll() {
    const ctx = window.dash_clientside.callback_context;
    return ((ctx && ctx.triggered) || []).map((t) => t.prop_id.split(".")[0]);
  }

  /* ---------- linked maps ----------
   * Each Leaflet map reports where it settled (moveend, debounced). The main map passes every
   * settled view to the second one; the second passes on only moves a person made on it. The view
   * a map was set to is remembered, and its own moveend for that view (the echo) goes no further:
   * one move, one update, then quiet. */
  const SETTLE_MS = 150;
  const PHONE = "(max-width: 600px)";
  const maps = [];
  ns.leafletMap = function (id) {
    for (let i = maps.length - 1; i >= 0; i--) {
      const container = maps[i].getContainer();
      if (container.id === id && document.body.contains(container)) return maps[i];
    }
    return null;
  };
  function partnerOf(map) {
    const id = map.getContainer().id;
    const other = id === ids.MAP ? ids.SECOND_MAP : id === ids.SECOND_MAP ? ids.MAP : null;
    return other && ns.leafletMap(other);
  }
  function sameView(map, a, b) {
    if (!a || !b || Math.abs(a.zoom - b.zoom) > 0.01) return false;
    return map.project(a.center, a.zoom).distanceTo(map.project(b.center, a.zoom)) < 1;
  }
  function viewOf(map) {
    return { center: map.getCenter(), zoom: map.getZoom() };
  }
  function settled(map) {
    const view = viewOf(map);
    const primary = map.getContainer().id === ids.MAP;
    const touched = map._corredoresTouched;
    map._corredoresTouched = false;
    if (primary) {
      // what dash-leaflet's trackViewport would report, but once per settled move (services in view)
      const b = map.getBounds();
      setProps(ids.MAP, { bounds: [[b.getSouth(), b.getWest()], [b.getNorth(), b.getEast()]] });
      // once a person has moved a map, the URL keeps the view (until then: the link's own, if any)
      const text = [view.center.lat.toFixed(3), view.center.lng.toFixed(3), +view.zoom.toFixed(2)].join(",");
      if (ns.userMoved) setProps(ids.MAP_VIEW, { data: text });
    }
    const echo = map._corredoresEcho;
    map._corredoresEcho = null;
    if (sameView(map, echo, view) || !(primary || touched)) return;
    const other = partnerOf(map);
    if (!other || sameView(other, viewOf(other), view)) return;
    other._corredoresEcho = view;
    // the exact zoom, even between the levels a person snaps to (a flight stopped midway by a drag)
    const snap = other.options.zoomSnap;
    other.options.zoomSnap = 0;
    other.setView(view.center, view.zoom, { animate: false });
    other.options.zoomSnap = snap;
  }
  function linkMaps() {
    const map = this;
    let timer = null;
    maps.push(map);
    const touch = () => {
      map._corredoresTouched = true;
      ns.userMoved = true;
    };
    ["pointerdown", "wheel", "touchstart", "keydown"].forEach((type) => map.getContainer().addEventListener(type, touch, { passive: true }));
    const panel = map.getContainer().closest(".map-panel");
    // on a phone the legend starts folded: the map comes first
    const box = panel && panel.querySelector(".legend-box");
    if (box && window.matchMedia(PHONE).matches && !panel.closest(".embed")) box.open = false;
    map.on("popupopen", () => panel && panel.classList.add("popup-open"));
    map.on("popupclose", () => panel && panel.classList.remove("popup-open"));
    map.on("moveend", () => {
      clearTimeout(timer);
      timer = setTimeout(() => settled(map), SETTLE_MS);
    });
  }
  if (window.L) L.Map.addInitHook(linkMaps);

  function legend(title, breaks, palette, extra) {
    const swatches = palette.map((colour) => span("bar", "", { background: colour }));
    const labels = breaks.map((b, i) => span("tick", compact(b), { gridColumn: String(i + 1), gridRow: String(1 + (i % 2)) }));
    return [div("legend-title", title), div("legend-bar", swatches), div("legend-ticks", labels), div("legend-keys", extra)];
  }
  /* The legends are drawn here from the same component dicts, not by Dash: a month step replaces a
   * few nodes instead of Dash mounting and unmounting some 30 components per legend (each one a
   * store update that every component on the page re-checks). Dash never gives these containers
   * children, so React leaves what is drawn here alone. */
  const drawn = {}; // legend id: the JSON of what it should show
  function toNode(child) {
    if (child === null || child === undefined) return null;
    if (typeof child !== "object") return document.createTextNode(String(child));
    const node = document.createElement(child.type.toLowerCase());
    if (child.props.className) node.className = child.props.className;
    if (child.props.style) Object.assign(node.style, child.props.style);
    appendAll(node, child.props.children);
    return node;
  }
  function appendAll(node, children) {
    [].concat(children).map(toNode).forEach((child) => child && node.appendChild(child));
  }
  function paintLegend(id, children) {
    drawn[id] = { json: JSON.stringify(children), children: children };
    paintWhenShown(id, 600);
  }
  /* Dash may put a new container on the page after this ran (a new layout, a panel shown later). */
  function paintWhenShown(id, tries) {
    const node = byId(id);
    const want = drawn[id];
    if (node && node._corredoresDrawn !== want.json) {
      node.replaceChildren();
      appendAll(node, want.children);
      node._corredoresDrawn = want.json;
    }
    if (tries > 0) requestAnimationFrame(() => drawn[id] === want && paintWhenShown(id, node ? Math.min(tries - 1, 10) : tries - 1));
  }
  /* A legend key; `image` is the map's own fill tile (ns.swatchImage) where the map uses a pattern. */
  function key(className, label, image) {
    return span("key", [span("swatch " + className, "", image ? { backgroundImage: image } : undefined), span("", label)]);
  }
  function estimatedKey() {
    return key("estimated", tr("legend.estimated"), ns.swatchImage("hatch", config.palette[4]));
  }
  function noDataKey() {
    return key("nodata", tr("legend.no_data"), ns.swatchImage("nodata"));
  }

  /* Brazil's cumulative balance at its latest checkpoint up to `month`; elsewhere the balance of
   * the shortest published period containing `month` ("latest": each country's newest). */
  function balanceAt(balance, iso, month) {
    const ym = (day) => day.slice(0, 7);
    const latest = month === "latest";
    const cumulative = (balance.cumulative[iso] || []).filter((f) => latest || ym(f.to) <= month);
    if (balance.cumulative[iso]) return cumulative.length ? Object.assign({ cumulative: true }, cumulative[cumulative.length - 1]) : null;
    const length = (f) => Date.parse(f.to) - Date.parse(f.from);
    const periods = (balance.periods[iso] || []).filter((f) => latest || (ym(f.from) <= month && ym(f.to) >= month));
    periods.sort((a, b) => (latest ? b.to.localeCompare(a.to) : 0) || length(a) - length(b));
    return periods[0] || null;
  }

  /* A measure of the second map (permits, funding, per 1,000, migratory balance) for map `key`. */
  function measureView(mapKey, index, measure, selected, hovered, stock, second) {
    let palette = config.palette;
    const month = stock.months[index];
    const year = month === "latest" ? stock.latest.to.slice(0, 4) : month.slice(0, 4);
    const colours = {};
    const info = {};
    let title = tr("second." + measure);
    let note = "";
    let decimals = 0;
    const extra = [noDataKey(), key("origin", tr("legend.origin"))];
    if (measure === "per_1000") {
      const result = hostColours(stock, index, "per_1000", config.breaks.per_1000, palette);
      Object.assign(colours, result.colours);
      Object.assign(info, result.info);
      decimals = 1;
      title += " · " + formatMonth(month);
      extra.unshift(estimatedKey());
    } else if (measure === "balance") {
      palette = config.balance_palette;
      const isos = Object.keys(second.balance.cumulative).concat(Object.keys(second.balance.periods));
      Array.from(new Set(isos)).forEach((iso) => {
        const at = balanceAt(second.balance, iso, month);
        if (!at) return;
        colours[iso] = [palette[classIndex(at.value, config.breaks.balance)], at.derived ? 1 : 0];
        const notes = [tr("tooltip.balance_period", { start: formatMonth(at.from), end: formatMonth(at.to) })];
        if (at.derived) notes.push(tr("legend.balance_derived"));
        info[iso] = { value: at.value, estimated: false, date: null, qualifier: "", sources: [at.source], notes: notes };
      });
      title += " · " + formatMonth(month);
      extra.unshift(key("estimated", tr("legend.balance_derived"), ns.swatchImage("hatch", palette[5])));
      extra.push(div("legend-note", tr("legend.balance_cumulative")));
      extra.push(div("legend-note", tr("legend.balance_count", { n: Object.keys(info).length })));
    } else {
      const entry = second[measure];
      const values = measure === "permits" ? entry.by_year[year] || {} : entry.values;
      Object.entries(values).forEach(([iso, value]) => {
        colours[iso] = [palette[classIndex(value, config.breaks[measure])], 0];
        info[iso] = { value: value, estimated: false, date: measure === "permits" ? year : "2018", qualifier: "", sources: [entry.source] };
      });
      if (measure === "permits") {
        title += " · " + year;
        if (!Object.keys(values).length) note = tr("second.no_year", { year: year });
      }
    }
    const hideout = { map: mapKey, month: month, colours: colours, info: info, selected: selected, hovered: hovered, decimals: decimals, noDataText: note || undefined };
    if (note) extra.unshift(div("legend-note", note));
    return [hideout, legend(title, config.breaks[measure], palette, extra)];
  }

  register({
    choropleth: function (metric, selected, hover, present, slideMeasure, index, stock, second, textStore) {
      if (ownHover(hover, "primary")) return noUpdate(3);
      ns.text = textStore;
      const hovered = hover && hover.iso;
      if (present && slideMeasure) {
        // slide mode has one map: a scene's second-map measure is drawn on it
        const [shown, keys] = measureView("primary", index, slideMeasure, selected, hovered, stock, second);
        paintLegend(ids.MAP_LEGEND, keys);
        return [shown, shown, formatMonth(stock.months[index])];
      }
      const breaks = config.breaks[metric];
      const palette = config.palette;
      const { colours, info, missing } = hostColours(stock, index, metric, breaks, palette);
      const month = stock.months[index];
      const decimals = metric === "per_1000" ? 1 : 0;
      const estimated = Object.values(info).filter((i) => i.estimated).length;
      const extra = [
        estimatedKey(),
        noDataKey(),
        key("origin", tr("legend.origin")),
        div("legend-note", tr("legend.some_estimated", { n: estimated, total: Object.keys(info).length })),
      ];
      if (month === "latest" && stock.latest) {
        extra.push(div("legend-note", tr("legend.latest_range", { start: formatMonth(stock.latest.from), end: formatMonth(stock.latest.to) })));
      }
      const title = tr(metric === "per_1000" ? "legend.title_per_1000" : "legend.title_absolute") + " · " + formatMonth(month);
      const hideout = { map: "primary", month: month, colours: colours, info: info, missing: missing, selected: selected, hovered: hovered, decimals: decimals };
      paintLegend(ids.MAP_LEGEND, legend(title, breaks, palette, extra));
      return [hideout, hideout, formatMonth(month)];
    },
    secondChoropleth: function (measure, selected, hover, index, stock, second, textStore) {
      if (ownHover(hover, "second")) return noUpdate();
      ns.text = textStore;
      const [hideout, keys] = measureView("second", index, measure, selected, hover && hover.iso, stock, second);
      paintLegend(ids.SECOND_LEGEND, keys);
      return hideout;
    },
    /* Where the primary map goes: the selected country, a scene's view, or home on ↺.
       The second map follows by itself (see linkMaps below). */
    mapViewport: function (selected, resetClicks, sceneIndex, scenes, textStore) {
      const fired = triggeredAll();
      const fly = (bounds) => ({ bounds: bounds, transition: "flyToBounds", options: { padding: config.fit_padding, duration: 0.8 } });
      const scene = scenes && sceneIndex !== null && sceneIndex !== undefined ? scenes[sceneIndex] : null;
      if (fired.indexOf(ids.MAP_RESET) !== -1 && resetClicks) return fly(config.home);
      if (fired.indexOf(ids.SCENE_INDEX) !== -1 && scene && scene.bounds) return fly(scene.bounds);
      if (document.querySelector(".app.embed")) return noUpdate(); // the embed card keeps the whole region
      const byScene = ns.sceneSelection; // a scene's own selection keeps the scene's view
      if (byScene && byScene.iso === selected && Date.now() - byScene.at < 3000) return noUpdate();
      const bounds = selected && (textStore.bounds || {})[selected];
      return fired.indexOf(ids.SELECTED) !== -1 && bounds ? fly(bounds) : noUpdate();
    },
    serviceKinds: function (kinds, hideout) {
      return Object.assign({}, hideout, { kinds: kinds || [] });
    },
  });
})();
