/* Leaflet styles and per-feature behaviour for the map layers built in dashboard/layout.py
 * (dash-extensions Namespace("corredores", "map")). Colours come from dashboard/map_style.py. */
(function () {
  "use strict";
  const ns = window.corredores;
  const { el, setProps } = ns.core;
  const colours = ns.config.colours;
  const latest = {}; // newest hideout per map, read by tooltips
  ns.latestHideout = latest;

  ns.map = {
    countryStyle: function (feature, context) {
      const h = context.hideout || {};
      if (h.map) latest[h.map] = h;
      const p = feature.properties;
      const style = { weight: 0.6, color: colours.border, fillOpacity: 0.9, fillColor: colours.no_data, dashArray: null };
      style.className = "country country-" + p.iso_a3;
      if (p.origin) {
        style.fillColor = colours.origin;
        style.dashArray = "4 3";
        style.color = colours.origin_border;
        style.weight = 1.2;
      } else if (h.colours && h.colours[p.iso_a3]) {
        const [fill, estimated] = h.colours[p.iso_a3];
        style.fillColor = fill;
        if (estimated) {
          style.fillOpacity = 0.6;
          style.dashArray = "3 3";
        }
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
        className: "country-tooltip",
      });
      // the map highlights its own hover natively (hoverStyle); other views follow the store
      layer.on("mouseover", () => setProps(ns.ids.HOVERED, { data: { iso: iso, from: key } }));
      layer.on("mouseout", () => setProps(ns.ids.HOVERED, { data: { iso: null, from: key } }));
      layer.on("remove", () => layer.unbindTooltip());
      layer.on("click", () => {
        if (!feature.properties.origin) setProps(ns.ids.SELECTED, { data: iso });
      });
    },
    hoverStyle: function () {
      return { weight: 2.5, color: colours.hover };
    },
    admin1CountryStyle: function (feature, context) {
      const h = context.hideout || {};
      const p = feature.properties;
      if (!h.country || p.parent_iso_a3 !== h.country) return { stroke: false, fill: false };
      const counts = h.counts || {};
      const max = Math.max(1, ...Object.values(counts));
      const n = counts[p.iso_3166_2] || 0;
      const shades = colours.admin1;
      const fill = n ? shades[Math.min(shades.length - 1, 1 + Math.floor((4 * n) / max))] : shades[0];
      return { weight: 1, color: colours.admin1_border, dashArray: "3 2", fillColor: fill, fillOpacity: n ? 0.8 : 0.15 };
    },
    landStyle: function () {
      return { weight: 3, color: colours.land_route, opacity: 0.85 };
    },
    maritimeStyle: function () {
      return { weight: 3, color: colours.maritime_route, opacity: 0.9, dashArray: "8 6" };
    },
    routeFeature: function (feature, layer) {
      layer.bindPopup(() => ns.routePopup(feature.properties), { maxHeight: 320 });
      layer.bindTooltip(() => el("span", null, feature.properties.name || feature.properties.destination || ""), { sticky: true });
    },
    entryPoint: function (feature, latlng) {
      const icon = L.divIcon({ className: "crossing-icon", html: "<span class='diamond' aria-hidden='true'></span>", iconSize: [16, 16] });
      return L.marker(latlng, { icon: icon, keyboard: true, title: feature.properties.side_place || "" });
    },
    entryFeature: function (feature, layer) {
      layer.bindPopup(() => ns.entryPopup(feature.properties), { maxHeight: 320 });
    },
    servicePoint: function (feature, latlng) {
      return L.circleMarker(latlng, { radius: 6, weight: 1, color: colours.service_border, fillColor: colours.service, fillOpacity: 0.9 });
    },
    serviceFeature: function (feature, layer) {
      if (feature.properties.cluster) return;
      layer.bindPopup(() => ns.servicePopup(feature.properties));
    },
    serviceFilter: function (feature, context) {
      if (feature.properties.cluster) return true; // clusters are counted before filtering
      const kinds = (context.hideout && context.hideout.kinds) || [];
      return kinds.indexOf(feature.properties.kind) !== -1;
    },
  };
})();
