/* A new hideout (month, selection, hover) restyles a map layer's shapes in place.
 *
 * dash-leaflet rebuilds every shape of a GeoJSON layer when its hideout changes (clearLayers, then
 * addData of the same data): new SVG paths, tooltips and listeners for every country, three layers
 * per month step. For a layer without a filter, the same data means the same shapes, so only their
 * style changes: the clearing waits for what comes next, and addData of the data the layer already
 * holds becomes resetStyle (the layer's style function, already bound to the new hideout). Anything
 * else (new data, added markers, a filter, clusters) clears first, as before. Play holds its cadence. */
(function () {
  "use strict";
  if (!window.L || !L.GeoJSON) return;
  const proto = L.GeoJSON.prototype;
  const clearLayers = proto.clearLayers;
  const addLayer = proto.addLayer;
  const addData = proto.addData;

  function flush(group) {
    if (!group._corredoresClear) return;
    group._corredoresClear = false;
    clearLayers.call(group);
  }

  L.GeoJSON.include({
    clearLayers: function () {
      if (this.options.filter || !this._corredoresData) return clearLayers.call(this);
      this._corredoresClear = true;
      queueMicrotask(() => flush(this)); // a clearing that nothing follows still happens
      return this;
    },
    addLayer: function (layer) {
      flush(this);
      return addLayer.call(this, layer);
    },
    addData: function (data) {
      if (this._corredoresClear && data === this._corredoresData) {
        this._corredoresClear = false;
        this.eachLayer((layer) => layer.setStyle && this.resetStyle(layer));
        return this;
      }
      flush(this);
      if (this._corredoresAdding) return addData.call(this, data); // a feature of a collection
      this._corredoresAdding = true;
      try {
        return addData.call(this, data);
      } finally {
        this._corredoresAdding = false;
        this._corredoresData = data;
      }
    },
  });
})();
