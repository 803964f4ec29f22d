/* The country drill-down (callbacks/country.py): follow the month, zoom to the country. */
(function () {
  "use strict";
  const ns = window.corredores;
  const { register, noUpdate } = ns.core;

  register({
    countryMonth: function (index, selected) {
      return selected ? index : noUpdate();
    },
    zoomToCountry: function (selected, textStore) {
      if (!selected) return noUpdate(2);
      const bounds = (textStore.bounds || {})[selected];
      return [bounds || noUpdate(), textStore.admin1];
    },
  });
})();
