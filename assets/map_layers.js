/* Leaflet styles and per-feature behaviour for the map layers built in dashboard/pages/layout.py
 * (dash-extensions Namespace("corredores", "map")). Colours come from dashboard/map_style.py. */
(function () {
  "use strict";
  const ns = window.corredores;
  const { el, setProps, classIndex } = ns.core;
  const colours = ns.config.colours;
  const latest = {}; // newest hideout per map, read by tooltips
  ns.latestHideout = latest;

  /* ---------- fills: class colours, hatching for estimates, dots for "no figure" ----------
   * One SVG tile per fill; the map uses it as an SVG <pattern>, the legend as a background
   * image, so the legend shows exactly what the map draws. */
  const TILE = 8;
  const FILLS = ns.config.palette.concat(ns.config.balance_palette); // every class colour that may be hatched
  /* White hatching on dark fills (relative luminance below 0.4), dark hatching on light ones. */
  function isDark(colour) {
    const [r, g, b] = [1, 3, 5].map((i) => Math.pow(parseInt(colour.slice(i, i + 2), 16) / 255, 2.2));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.4;
  }
  function tile(kind, colour) {
    const dark = colour && isDark(colour);
    if (kind === "nodata") {
      return `<rect width="${TILE}" height="${TILE}" fill="${colours.no_data}"/><circle cx="2" cy="2" r="1" fill="${colours.no_data_dots}"/><circle cx="6" cy="6" r="1" fill="${colours.no_data_dots}"/>`;
    }
    const ink = dark ? "#ffffff" : colours.hatch;
    return `<rect width="${TILE}" height="${TILE}" fill="${colour}"/><path d="M-2,2 l4,-4 M0,${TILE} l${TILE},-${TILE} M${TILE - 2},${TILE + 2} l4,-4" stroke="${ink}" stroke-width="1.6"/>`;
  }
  function patternId(kind, colour) {
    return kind === "nodata" ? "corredores-nodata" : "corredores-hatch-" + FILLS.indexOf(colour);
  }
  let patternsReady = false;
  function ensurePatterns() {
    if (patternsReady) return;
    patternsReady = true;
    const defs = FILLS.map((c) => [patternId("hatch", c), tile("hatch", c)]).concat([[patternId("nodata"), tile("nodata")]]);
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("style", "position:absolute;width:0;height:0;overflow:hidden");
    svg.innerHTML = "<defs>" + defs.map(([id, body]) => `<pattern id="${id}" patternUnits="userSpaceOnUse" width="${TILE}" height="${TILE}">${body}</pattern>`).join("") + "</defs>";
    document.body.appendChild(svg);
  }
  /* The fill of a country: a class colour, or a pattern reference for estimates and no figure. */
  ns.fill = function (colour, estimated) {
    if (!colour) {
      ensurePatterns();
      return "url(#" + patternId("nodata") + ")";
    }
    if (!estimated) return colour;
    ensurePatterns();
    return "url(#" + patternId("hatch", colour) + ")";
  };
  /* The same tile as a CSS background, for legend swatches. */
  ns.swatchImage = function (kind, colour) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${TILE}" height="${TILE}">${tile(kind, colour)}</svg>`;
    return "url(\"data:image/svg+xml," + encodeURIComponent(svg) + "\")";
  };

  function outOfTabOrder(layer) {
    const node = layer.getElement && layer.getElement();
    if (node) node.setAttribute("tabindex", "-1");
  }

  /* ---------- labels and markers that do not hide each other ----------
   * Crossing markers closer than SPACING px are pushed apart (each stays near its place), at
   * every zoom; then route labels are shown in order, each only where it covers no marker, no
   * label already shown and stays inside the map. */
  const SPACING = 24; // px between crossing marker centres: 16 px boxes never touch, even diagonally
  const LABEL_ZOOM = 3; // below it the region is too small for corridor names
  function spreadCrossings(map) {
    const markers = [];
    map.eachLayer((layer) => layer.options && layer.options.crossing && markers.push(layer));
    const zoom = map.getZoom();
    const points = markers.map((m) => map.project(m.options.crossing, zoom));
    for (let round = 0, moved = true; moved && round < 100; round++) {
      moved = false;
      for (let i = 0; i < points.length; i++) {
        for (let j = i + 1; j < points.length; j++) {
          let d = points[j].subtract(points[i]);
          let dist = d.distanceTo(L.point(0, 0));
          if (dist >= SPACING - 0.5) continue;
          if (dist < 0.01) { // the same place: part along a direction fixed by their order
            d = L.point(Math.cos(i + j), Math.sin(i + j));
            dist = 1;
          }
          const push = d.multiplyBy((SPACING - dist) / 2 / dist);
          points[i] = points[i].subtract(push);
          points[j] = points[j].add(push);
          moved = true;
        }
      }
    }
    markers.forEach((m, i) => m.setLatLng(map.unproject(points[i], zoom)));
  }
  function overlaps(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }
  /* The point at `fraction` of a line's length on screen. */
  function along(map, layer, fraction) {
    const points = L.LineUtil.isFlat(layer.getLatLngs()) ? layer.getLatLngs() : layer.getLatLngs()[0];
    const pixels = points.map((p) => map.latLngToLayerPoint(p));
    const steps = pixels.slice(1).map((p, i) => p.distanceTo(pixels[i]));
    let rest = fraction * steps.reduce((a, b) => a + b, 0);
    for (let i = 0; i < steps.length; i++) {
      if (rest <= steps[i] && steps[i] > 0) {
        return map.layerPointToLatLng(pixels[i].add(pixels[i + 1].subtract(pixels[i]).multiplyBy(rest / steps[i])));
      }
      rest -= steps[i];
    }
    return points[points.length - 1];
  }
  const PLACES = [0.5, 0.35, 0.65, 0.2, 0.8, 0.1, 0.9]; // where along its line a label may sit, best first
  function declutterLabels(map) {
    const frame = map.getContainer().getBoundingClientRect();
    // what a label must not cover: crossing markers, the map's controls, what lies over the map
    const panel = map.getContainer().closest(".map-panel") || map.getContainer();
    const covered = panel.querySelectorAll(".crossing-icon, .leaflet-control, .legend-box, .services-panel, .scene-caption");
    const taken = Array.from(covered).map((e) => e.getBoundingClientRect()).filter((b) => b.width && b.height);
    map.eachLayer((layer) => {
      const tip = layer.getTooltip && layer.getTooltip();
      const node = tip && tip.options.className === "route-label" && tip.getElement();
      if (!node) return;
      node.classList.add("label-hidden");
      if (map.getZoom() < LABEL_ZOOM) return;
      for (const fraction of PLACES) {
        tip.setLatLng(along(map, layer, fraction));
        const box = node.getBoundingClientRect();
        const inside = box.left >= frame.left && box.right <= frame.right && box.top >= frame.top && box.bottom <= frame.bottom;
        if (inside && !taken.some((other) => overlaps(box, other))) {
          taken.push(box);
          node.classList.remove("label-hidden");
          return;
        }
      }
    });
  }
  function declutter(map) {
    map._corredoresDeclutter = null;
    if (!map._loaded) return;
    spreadCrossings(map);
    declutterLabels(map);
  }
  function declutterSoon(map) {
    if (!map || map._corredoresDeclutter) return;
    map._corredoresDeclutter = requestAnimationFrame(() => declutter(map));
    if (!map._corredoresDeclutterHooked) {
      map._corredoresDeclutterHooked = true;
      map.on("zoomend moveend overlayadd overlayremove", () => declutterSoon(map));
      const panel = map.getContainer().closest(".map-panel");
      // a legend or filter folded or unfolded frees or covers room for labels
      if (panel) panel.addEventListener("toggle", () => declutterSoon(map), true);
    }
  }

  ns.map = {
    countryStyle: function (feature, context) {
      const h = context.hideout || {};
      if (h.map) latest[h.map] = h;
      const p = feature.properties;
      const style = { weight: 0.6, color: colours.border, fillOpacity: 0.9, fillColor: ns.fill(null), dashArray: null };
      const point = feature.geometry && feature.geometry.type === "Point";
      style.className = (point ? "small-place small-place-" : "country country-") + p.iso_a3;
      if (p.origin) {
        style.fillColor = colours.origin;
        style.dashArray = "4 3";
        style.color = colours.origin_border;
        style.weight = 1.2;
      } else if (h.colours && h.colours[p.iso_a3]) {
        const [fill, estimated] = h.colours[p.iso_a3];
        style.fillColor = ns.fill(fill, estimated); // estimates keep their class colour, hatched
      }
      if (p.iso_a3 === h.hovered) {
        style.weight = 2.5;
        style.color = colours.hover;
      }
      if (p.iso_a3 === h.selected) {
        style.weight = 3.5;
        style.color = colours.highlight;
        style.dashArray = null;
      }
      return style;
    },
    countryFeature: function (feature, layer, context) {
      const key = (context.hideout && context.hideout.map) || "primary";
      const iso = feature.properties.iso_a3;
      layer.bindTooltip(() => ns.countryTooltip(iso, feature.properties, latest[key] || {}), {
        sticky: true,
        direction: "auto",
        keepInMap: true,
        className: "country-tooltip",
      });
      // the map highlights its own hover natively (hoverStyle); other views follow the store
      layer.on("mouseover", () => setProps(ns.ids.HOVERED, { data: { iso: iso, from: key } }));
      layer.on("mouseout", () => setProps(ns.ids.HOVERED, { data: { iso: null, from: key } }));
      layer.on("remove", () => layer.unbindTooltip());
      layer.on("add", () => outOfTabOrder(layer)); // the keyboard route is the table, not 60 shapes
      layer.on("click", () => {
        if (!feature.properties.origin) setProps(ns.ids.SELECTED, { data: iso });
      });
    },
    hoverStyle: function () {
      return { weight: 2.5, color: colours.hover };
    },
    admin1CountryStyle: function (feature, context) {
      const h = context.hideout || {};
      const n = (h.counts || {})[feature.properties.iso_3166_2] || 0;
      const fill = h.colours ? h.colours[classIndex(n, h.breaks)] : colours.admin1[0];
      return {
        weight: 1, color: colours.admin1_border, dashArray: "3 2", fillColor: fill, fillOpacity: 0.85,
        className: "admin1 admin1-" + feature.properties.iso_3166_2,
      };
    },
    admin1Filter: function (feature, context) {
      return !!context.hideout && feature.properties.parent_iso_a3 === context.hideout.country;
    },
    landStyle: function () {
      return { weight: 3, color: colours.land_route, opacity: 0.85 };
    },
    maritimeStyle: function () {
      return { weight: 3, color: colours.maritime_route, opacity: 0.9, dashArray: "8 6" };
    },
    routeFeature: function (feature, layer) {
      const p = feature.properties;
      layer.bindPopup(() => ns.routePopup(p), { maxHeight: 320 });
      // its name on the line, at the middle of its length (dashboard/pages/map_labels.py writes it)
      const label = el("span", null);
      const name = label.appendChild(el("span", "route-name", p.label));
      if (p.label_lang) name.lang = p.label_lang;
      label.appendChild(el("span", "route-note", p.label_note));
      layer.bindTooltip(label, { permanent: true, direction: "center", className: "route-label", interactive: false, opacity: 1 });
      layer.on("add", () => {
        outOfTabOrder(layer);
        declutterSoon(layer._map);
      });
    },
    smallPlace: function (feature, latlng) {
      const marker = L.circleMarker(latlng, { radius: 9, pane: ns.config.panes.small_places });
      const offset = L.point(feature.properties.dx || 0, feature.properties.dy || 0);
      const place = () => {
        const map = marker._map;
        if (map) marker.setLatLng(map.unproject(map.project(latlng, map.getZoom()).add(offset), map.getZoom()));
      };
      marker.on("add", () => {
        place();
        marker._map.on("zoomend", place);
      });
      marker.on("remove", (e) => e.target._map && e.target._map.off("zoomend", place));
      return marker;
    },
    entryPoint: function (feature, latlng) {
      const icon = L.divIcon({ className: "crossing-icon", html: "<span class='diamond' aria-hidden='true'></span>", iconSize: [16, 16] });
      // not a Tab stop: the keyboard route is the table, and a country's panel lists its crossings
      const marker = L.marker(latlng, { icon: icon, keyboard: false, title: feature.properties.side_place || "", crossing: latlng });
      marker.on("add", () => declutterSoon(marker._map));
      return marker;
    },
    entryFeature: function (feature, layer) {
      layer.bindPopup(() => ns.entryPopup(feature.properties), { maxHeight: 320 });
    },
    servicePoint: function (feature, latlng) {
      const fill = ns.config.kind_colours[feature.properties.kind] || colours.cluster;
      return L.circleMarker(latlng, { radius: 7, weight: 1.5, color: colours.service_border, fillColor: fill, fillOpacity: 0.95, className: "service service-" + feature.properties.kind });
    },
    /* A cluster bubble counts only the services of the chosen kinds (the filter applies before
       counting); a cluster with none of them draws nothing. */
    serviceCluster: function (feature, latlng, index, context) {
      const kinds = (context.hideout && context.hideout.kinds) || [];
      const leaves = index.getLeaves(feature.properties.cluster_id, Infinity);
      const n = leaves.filter((leaf) => kinds.indexOf(leaf.properties.kind) !== -1).length;
      if (!n) return L.layerGroup();
      const size = n < 10 ? 30 : n < 100 ? 36 : 44;
      const icon = L.divIcon({ html: "<span>" + n + "</span>", className: "service-cluster", iconSize: [size, size] });
      return L.marker(latlng, { icon: icon, title: ns.core.tr("services.cluster", { n: n }) });
    },
    serviceFeature: function (feature, layer) {
      if (feature.properties.cluster) return;
      layer.bindPopup(() => ns.servicePopup(feature.properties));
    },
    serviceFilter: function (feature, context) {
      if (feature.properties.cluster) return true; // clusters count their chosen kinds in serviceCluster
      const kinds = (context.hideout && context.hideout.kinds) || [];
      return kinds.indexOf(feature.properties.kind) !== -1;
    },
  };
})();
