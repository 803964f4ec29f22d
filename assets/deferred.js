/* Folded content drawn at its <details>' first opening (dashboard/pages/deferred.py): the page
 * renders fewer components at load. `toggle` covers a click, a key and the browser's find. */
(function () {
  "use strict";
  const ns = window.corredores;
  const { register, setProps, noUpdate } = ns.core;

  register({
    deferredBody: function (opened, content) {
      return opened ? content : noUpdate();
    },
  });

  document.addEventListener(
    "toggle",
    function (event) {
      const details = event.target;
      const name = details.dataset && details.dataset.deferred;
      if (!details.open || !name || details.dataset.drawn) return;
      details.dataset.drawn = "1";
      setProps({ type: ns.ids.DEFERRED_OPENED, name: name }, { data: true });
    },
    true // `toggle` does not bubble
  );
})();
