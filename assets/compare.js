/* Sortable tables (dashboard/pages/compare.py and any table.sortable with header buttons). */
(function () {
  "use strict";
  const ns = window.corredores;

  function cellValue(text) {
    const { decimal, group } = ns.format.separators();
    const digits = String(text).split(group).join("").replace(decimal, ".");
    const number = parseFloat(digits);
    return Number.isNaN(number) || !/^[\s\d.,%+−-]+$/.test(text) ? String(text).toLowerCase() : number;
  }

  document.addEventListener("click", function (event) {
    const button = event.target.closest && event.target.closest("table.sortable .sort-button");
    if (!button) return;
    const th = button.closest("th");
    const table = th.closest("table");
    const column = Array.prototype.indexOf.call(th.parentNode.children, th);
    const ascending = th.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th").forEach((h) => h.removeAttribute("aria-sort"));
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    const body = table.tBodies[0];
    const rows = Array.prototype.slice.call(body.rows);
    rows.sort((a, b) => {
      const x = cellValue(a.cells[column].textContent);
      const y = cellValue(b.cells[column].textContent);
      const order = x < y ? -1 : x > y ? 1 : 0;
      return ascending ? order : -order;
    });
    rows.forEach((row) => body.appendChild(row));
  });
})();
