/* The table twin of the main map (dashboard/pages/table_twin.py): one row per host country at the
 * slider's month, drawn from the stock store (no request), sortable by every column; a row's
 * button selects the country everywhere, as a click on the map does. */
(function () {
  "use strict";
  const ns = window.corredores;
  const { tr, lang, countryName, setProps, register, noUpdate, byId } = ns.core;
  const ids = ns.ids;
  const HEADERS = {
    country: "table.country",
    value: "metric.absolute",
    per_1000: "metric.per_1000",
    date: "table.date",
    estimated: "table.kind",
    source: "tooltip.source",
  };
  const TEXT_COLUMNS = ["country", "source"];
  let sortState = null; // the sort store's latest data, for the header buttons

  function html(type, props) {
    return { namespace: "dash_html_components", type: type, props: props };
  }

  /* A label to cite, not a URL: "https://… (EFE via Infobae, 26 Oct 2021, citing …)" → "EFE via
   * Infobae, 26 Oct 2021"; "IOM Regional Action Plan 2018 (project seed document)" → its title. */
  function shortSource(source) {
    const text = String(source || "").trim();
    const note = text.match(/^(\S+)\s+\((.+)\)$/);
    const title = text.replace(/\s*\(.*\)$/, "");
    if (!/^https?:\/\//.test(title)) return title;
    if (!note) return new URL(title).hostname.replace(/^www\./, "");
    const parts = note[2].split(/[;,]/).map((p) => p.trim()).filter((p) => p && !/https?:/.test(p));
    return parts[1] && parts[0].length + parts[1].length < 40 ? parts[0] + ", " + parts[1] : parts[0];
  }

  function row(stock, iso, index) {
    const at = ns.stock.valueAt(stock, iso, index, "absolute");
    if (!at) return null;
    const [before, after] = String(at.date || "").split("|");
    // short labels, each linked to its page: `source_urls` where the store has it, else the URL the source starts with
    const links = Array.from(new Set(String(stock.areas[iso].s[index]).split("|"))).map((i) => {
      const source = String(stock.sources[Number(i)] || "");
      return { label: shortSource(source), url: (stock.source_urls || [])[Number(i)] || (source.match(/^https?:\/\/\S+/) || [])[0] };
    });
    return {
      iso: iso,
      country: countryName(iso),
      value: at.value,
      qualifier: at.qualifier ? tr("qualifier." + at.qualifier) + " " : "",
      per_1000: ns.stock.valueAt(stock, iso, index, "per_1000").value,
      date: before || "",
      dateText: at.estimated ? ns.format.month(before) + " – " + ns.format.month(after) : ns.format.month(before),
      estimated: at.estimated ? 1 : 0,
      source: links.map((link) => link.label).join(" / "),
      links: links,
    };
  }

  function compare(column, descending) {
    const collator = new Intl.Collator(lang());
    return (a, b) => {
      const x = a[column];
      const y = b[column];
      const order = TEXT_COLUMNS.indexOf(column) !== -1 || column === "date" ? collator.compare(String(x), String(y)) : x - y;
      return (descending ? -order : order) || collator.compare(a.country, b.country);
    };
  }

  function header(column, sort) {
    const props = { scope: "col", children: html("Button", { children: tr(HEADERS[column]), className: "sort-button twin-sort", type: "button", "data-column": column }) };
    if (sort.column === column) props["aria-sort"] = sort.descending ? "descending" : "ascending";
    return html("Th", props);
  }

  function sourceCell(links) {
    const parts = [];
    links.forEach((link, i) => {
      if (i) parts.push(" / ");
      const safe = /^https?:\/\//.test(link.url || "");
      parts.push(safe ? html("A", { children: link.label, href: link.url, target: "_blank", rel: "noopener noreferrer" }) : link.label);
    });
    return parts;
  }

  function body(r, selected) {
    const chosen = r.iso === selected;
    const select = html("Button", {
      children: r.country,
      className: "twin-select",
      type: "button",
      "data-iso": r.iso,
      "aria-pressed": chosen ? "true" : "false",
    });
    return html("Tr", {
      className: chosen ? "selected" : undefined,
      children: [
        html("Th", { scope: "row", children: select }),
        html("Td", { className: "num", children: r.qualifier + ns.format.number(r.value) }),
        html("Td", { className: "num", children: ns.format.number(r.per_1000, 1) }),
        html("Td", { children: r.dateText }),
        html("Td", { className: r.estimated ? "estimated" : undefined, children: tr(r.estimated ? "table.estimated" : "table.published") }),
        html("Td", { children: sourceCell(r.links) }),
      ],
    });
  }

  /* The first call, or the tab among the inputs that changed. */
  function tabMayHaveChanged() {
    const fired = (window.dash_clientside.callback_context.triggered || []).map((t) => t.prop_id.split(".")[0]);
    return !fired.length || fired.indexOf(ids.MAP_TAB) !== -1;
  }

  register({
    twinTable: function (tab, selected, sort, index, stock, textStore) {
      const hidden = tab !== "table";
      if (hidden) return [tabMayHaveChanged() ? true : noUpdate(), noUpdate()]; // a month step: hidden already
      ns.text = textStore;
      sortState = sort;
      const month = ns.format.month(stock.months[index]);
      const rows = Object.keys(stock.areas)
        .map((iso) => row(stock, iso, index))
        .filter(Boolean)
        .sort(compare(sort.column, sort.descending));
      const lines = rows.length
        ? rows.map((r) => body(r, selected))
        : [html("Tr", { children: html("Td", { colSpan: sort.columns.length, children: tr("table.none", { month: month }) }) })];
      return [
        false,
        [
          html("Caption", { children: tr("table.caption", { month: month }) }),
          html("Thead", { children: html("Tr", { children: sort.columns.map((column) => header(column, sort)) }) }),
          html("Tbody", { children: lines }),
        ],
      ];
    },
  });

  /* Focus the table once Dash has shown it (after the skip link switched the tab). */
  function focusTable(tries) {
    const section = byId(ids.TABLE_TWIN);
    const table = byId(ids.TWIN_TABLE);
    if (section && !section.hidden && table && table.tBodies.length) table.focus();
    else if (tries > 0) requestAnimationFrame(() => focusTable(tries - 1));
  }

  /* Dash redraws the table after a sort or a selection: give focus back to the same control. */
  function keepFocus(selector, old, tries) {
    const now = document.querySelector("#" + ids.TWIN_TABLE + " " + selector);
    if (now && now !== old) now.focus();
    else if (tries > 0 && !(old.isConnected && document.activeElement !== old)) {
      requestAnimationFrame(() => keepFocus(selector, old, tries - 1));
    }
  }

  document.addEventListener("click", function (event) {
    const target = event.target.closest ? event.target : event.target.parentElement;
    const sorter = target.closest(".twin-sort");
    const select = target.closest(".twin-select");
    if (sorter && sortState) {
      const column = sorter.getAttribute("data-column");
      const same = sortState.column === column;
      const descending = same ? !sortState.descending : TEXT_COLUMNS.indexOf(column) === -1;
      setProps(ids.TWIN_SORT, { data: Object.assign({}, sortState, { column: column, descending: descending }) });
      keepFocus('.twin-sort[data-column="' + column + '"]', sorter, 120);
    } else if (select) {
      const iso = select.getAttribute("data-iso");
      setProps(ids.SELECTED, { data: iso });
      keepFocus('.twin-select[data-iso="' + iso + '"]', select, 120);
    } else if (target.closest("#" + ids.SKIP_LINK)) {
      event.preventDefault();
      setProps(ids.MAP_TAB, { data: "table" });
      focusTable(600);
    }
  });
})();

