/* Button groups and their stores kept in step (dashboard/pages/controls.py, callbacks/controls.py). */
(function () {
  "use strict";
  const ns = window.corredores;
  const { register, noUpdate } = ns.core;

  function pressedId() {
    const ctx = window.dash_clientside.callback_context;
    return ctx.triggered_id && ctx.triggered.length && ctx.triggered[0].value ? ctx.triggered_id : null;
  }

  register({
    groupSingle: function () {
      const id = pressedId();
      return id ? id.value : noUpdate();
    },
    groupMulti: function (clicks, current) {
      const id = pressedId();
      if (!id) return noUpdate();
      const chosen = (current || []).slice();
      const at = chosen.indexOf(id.value);
      if (at === -1) chosen.push(id.value);
      else chosen.splice(at, 1);
      return chosen;
    },
    groupPressed: function (value, buttonIds) {
      const chosen = Array.isArray(value) ? value : [value];
      const pressed = buttonIds.map((id) => chosen.indexOf(id.value) !== -1);
      return [pressed.map((p) => (p ? "true" : "false")), pressed.map((p) => (p ? "toggle pressed" : "toggle"))];
    },
  });
})();
