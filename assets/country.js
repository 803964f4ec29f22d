/* The country drill-down (callbacks/country.py): follow the month. */
(function () {
  "use strict";
  const ns = window.corredores;
  const { register, noUpdate } = ns.core;

  register({
    countryMonth: function (index, selected) {
      return selected ? index : noUpdate();
    },
  });
})();
