/* Corredores browser core: the page's facts from Python (component ids, colours, class breaks,
 * names), text lookup, Intl formatting, element helpers, clientside-callback registration.
 * Every other assets/*.js file is one feature and builds on this one (Dash loads them in name order).
 * Text from data files is always inserted with textContent, never as HTML. */
(function () {
  "use strict";
  const ns = (window.corredores = window.corredores || {});
  // written into the page by dashboard/browser_config.py: ids, palette, breaks, colours, names
  const source = document.querySelector("script[data-corredores-config]");
  ns.config = source ? JSON.parse(source.textContent) : { ids: {}, colours: {} };
  ns.ids = ns.config.ids;
  ns.text = ns.text || null; // the text store of the page (its language), set by the callbacks that get it

  function strings() {
    return (ns.text && ns.text.t) || {};
  }
  function lang() {
    return (ns.text && ns.text.lang) || document.documentElement.lang || "es";
  }
  function tr(key, values) {
    let s = strings()[key] || key;
    Object.entries(values || {}).forEach(([k, v]) => {
      s = s.split("{" + k + "}").join(String(v));
    });
    return s;
  }

  const formats = {};
  function formatter(kind, options) {
    const key = kind + lang() + JSON.stringify(options);
    if (!formats[key]) {
      formats[key] = kind === "number" ? new Intl.NumberFormat(lang(), options) : new Intl.DateTimeFormat(lang(), options);
    }
    return formats[key];
  }
  function formatNumber(value, decimals) {
    if (value === null || value === undefined || Number.isNaN(value)) return "–";
    const d = decimals || 0;
    return formatter("number", { minimumFractionDigits: d, maximumFractionDigits: d }).format(value);
  }
  function compact(value) {
    return formatter("number", { notation: "compact", maximumFractionDigits: 1 }).format(value);
  }
  /* "2019-03" → "Mar 2019"; "2019-10-31" → "Oct 31, 2019" (en), "31 oct 2019" (es); "2018" stays. */
  function formatMonth(month) {
    if (!month) return "";
    if (month === "latest") return tr("month.latest"); // the last column of the stock matrix
    const parts = String(month).split("-").map(Number);
    if (parts.length === 1) return String(month);
    const options = { timeZone: "UTC", month: "short", year: "numeric" };
    if (parts.length === 3) options.day = "numeric";
    return formatter("date", options).format(new Date(Date.UTC(parts[0], parts[1] - 1, parts[2] || 1)));
  }
  /* The decimal and grouping marks of the page language, for Plotly and for parsing table cells. */
  function separators() {
    const parts = formatter("number", { minimumFractionDigits: 1 }).formatToParts(1234567.5);
    const find = (type, fallback) => (parts.find((p) => p.type === type) || { value: fallback }).value;
    return { decimal: find("decimal", "."), group: find("group", ",") };
  }
  function countryName(iso) {
    return strings()["country." + iso] || iso;
  }
  function classIndex(value, breaks) {
    let index = 0;
    for (let i = 0; i < breaks.length; i++) if (value >= breaks[i]) index = i;
    return index;
  }

  function el(tag, className, content) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined && content !== null) node.textContent = String(content);
    return node;
  }
  function line(parent, label, value) {
    if (!value) return;
    const row = el("div", "row");
    row.appendChild(el("strong", null, label + ": "));
    row.appendChild(el("span", null, value));
    parent.appendChild(row);
  }
  /* Dash component dicts, for callbacks that return children. */
  function div(className, children, props) {
    return { namespace: "dash_html_components", type: "Div", props: Object.assign({ className: className, children: children }, props) };
  }
  function span(className, children, style) {
    return { namespace: "dash_html_components", type: "Span", props: { className: className, children: children, style: style } };
  }
  function byId(id) {
    return document.getElementById(id);
  }
  function click(id) {
    const node = byId(id);
    if (node) node.click();
  }
  function setProps(id, props) {
    if (window.dash_clientside && window.dash_clientside.set_props) window.dash_clientside.set_props(id, props);
  }
  /* The id of the component whose change ran the current clientside callback. */
  function triggered() {
    const ctx = window.dash_clientside.callback_context;
    if (!ctx || !ctx.triggered || !ctx.triggered.length) return null;
    const id = ctx.triggered[0].prop_id.split(".")[0];
    return id.charAt(0) === "{" ? JSON.parse(id) : id;
  }
  /* True when a hover came from this view itself (it has already highlighted it natively). */
  function ownHover(hover, view) {
    return triggered() === ns.ids.HOVERED && hover && hover.from === view;
  }
  /* Add clientside callback functions to the `corredores` namespace used by callbacks/*.py. */
  function register(functions) {
    window.dash_clientside = window.dash_clientside || {};
    window.dash_clientside.corredores = Object.assign(window.dash_clientside.corredores || {}, functions);
  }
  function noUpdate(n) {
    const nu = window.dash_clientside.no_update;
    return n ? Array.from({ length: n }, () => nu) : nu;
  }

  ns.format = { number: formatNumber, month: formatMonth, compact: compact, separators: separators };
  ns.core = {
    tr, lang, countryName, classIndex, el, line, div, span, byId, click, setProps, triggered, ownHover, register, noUpdate,
  };
})();
