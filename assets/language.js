/* A language switch without a reload (callbacks/language.py): the props of the page that differ in
 * the new language are set in place, in Dash's store, where they still hold the old language's value
 * (a callback may have redrawn them since: it runs again with the new texts). Leaflet's controls keep
 * the names they were made with: they are renamed here. */
(function () {
  "use strict";
  const ns = window.corredores;
  const { register, setProps } = ns.core;
  const TITLES = ["map.fullscreen", "map.exit_fullscreen", "map.reset"];
  const controls = [];
  if (window.L) L.Control.addInitHook(function () { controls.push(this); });

  /* Whether a value still holds what the old language set: components may add keys of their own
   * (dash-leaflet numbers the features of a GeoJSON it was given). */
  function holds(value, old) {
    if (old === null || old === undefined || typeof old !== "object") return value === old || (value == null && old == null);
    if (!value || typeof value !== "object" || Array.isArray(value) !== Array.isArray(old)) return false;
    if (Array.isArray(old) && value.length !== old.length) return false;
    return Object.keys(old).every((key) => holds(value[key], old[key]));
  }
  /* Set each patch's props where the component still shows the value of the old language. */
  function applyPatches(store, patches) {
    const root = store.getState().paths.strs[ns.ids.APP_ROOT]; // patch paths start at the page's root
    patches.forEach((patch) => {
      const itempath = root.concat(patch.path);
      const node = itempath.reduce((at, key) => (at === undefined || at === null ? at : at[key]), store.getState().layout);
      if (!node || node.type !== patch.type) return;
      const props = {};
      Object.keys(patch.new).forEach((prop) => { if (holds(node.props[prop], patch.old[prop])) props[prop] = patch.new[prop]; });
      if (Object.keys(props).length) store.dispatch({ type: "ON_PROP_CHANGE", payload: { itempath: itempath, props: props } });
    });
  }

  /* Folded sections already drawn (assets/deferred.js) show their content again, now patched. */
  function redrawDeferred() {
    document.querySelectorAll("details[data-drawn]").forEach((details) => {
      const name = details.dataset.deferred;
      const content = window.dash_component_api.getLayout({ type: ns.ids.DEFERRED_CONTENT, name: name });
      if (content) setProps({ type: ns.ids.DEFERRED_BODY, name: name }, { children: content.props.data });
    });
  }

  /* Old text → new text for what the map controls show: overlay names and button titles. */
  function renames(before, after) {
    const out = {};
    Object.keys(after.layers || {}).forEach((key) => { out[(before.layers || {})[key]] = after.layers[key]; });
    TITLES.forEach((key) => { out[before.t[key]] = after.t[key]; });
    return out;
  }
  function renameControls(rename) {
    const swap = (text) => (Object.prototype.hasOwnProperty.call(rename, text) ? rename[text] : text);
    controls.forEach((control) => {
      const container = control._map && control.getContainer();
      if (!container) return;
      ["title", "titleCancel"].forEach((option) => { if (typeof control.options[option] === "string") control.options[option] = swap(control.options[option]); });
      if (control._layers) {
        control._layers.forEach((entry) => { entry.name = swap(entry.name); });
        control._update();
      }
      container.querySelectorAll("[title]").forEach((node) => { node.title = swap(node.title); });
    });
    const layers = window.dash_component_api.getLayout(ns.ids.MAP_LAYERS);
    const shown = layers && layers.props.overlays;
    if (shown) setProps(ns.ids.MAP_LAYERS, { overlays: shown.map(swap) });
  }

  let shown = null;
  register({
    patchLanguage: function (patches, text) {
      const store = (window.dash_stores || [])[0];
      if (patches && store) applyPatches(store, patches);
      redrawDeferred();
      if (shown && shown.lang !== text.lang) renameControls(renames(shown, text));
      shown = text;
      ns.text = text;
      document.documentElement.lang = text.lang;
      return text.lang;
    },
  });
})();
