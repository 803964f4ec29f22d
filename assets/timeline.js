/* Time (callbacks/timeline.py): step buttons, keys and play/pause, all in the browser. */
(function () {
  "use strict";
  const ns = window.corredores;
  const { tr, triggered, register, noUpdate } = ns.core;
  const ids = ns.ids;

  /* Rapid clicks or key presses may reach the callback merged, and before the slider value catches
   * up: count the clicks since last time and continue from the last step. */
  function stepMonth(previous, next, previousYear, nextYear, ticked, index, max) {
    const last = ns.clicks || { previous: 0, next: 0, previousYear: 0, nextYear: 0 };
    ns.clicks = { previous: previous || 0, next: next || 0, previousYear: previousYear || 0, nextYear: nextYear || 0 };
    let step = ns.clicks.next - last.next - (ns.clicks.previous - last.previous);
    step += 12 * (ns.clicks.nextYear - last.nextYear - (ns.clicks.previousYear - last.previousYear));
    if (ticked) step += 1;
    if (!step) return noUpdate();
    const fresh = ns.pending && ns.pending.from === index && Date.now() - ns.pending.at < 1500;
    const base = fresh ? ns.pending.to : index;
    const to = Math.min(max, Math.max(0, base + step));
    ns.pending = { from: index, to: to, at: Date.now() };
    return to;
  }
  /* Ticker off, button label, title, aria-label, playing (and the month, when play restarts). */
  function stop() {
    return [true, "▶", tr("time.play"), tr("time.play"), false, noUpdate()];
  }
  function togglePlay(playing, index, max) {
    const start = !playing;
    const restart = start && index >= max ? 0 : noUpdate();
    const label = start ? tr("time.pause") : tr("time.play");
    return [!start, start ? "❚❚" : "▶", label, label, start, restart];
  }

  /* The slider thumb is a third-party widget without an aria-valuetext prop: name the month on it. */
  function sliderText(index, stock, textStore) {
    ns.text = textStore;
    const text = ns.format.month(stock.months[index]);
    const name = (tries) => {
      const thumb = document.querySelector("#" + ids.MONTH_INDEX + " [role=slider]");
      if (thumb) {
        thumb.setAttribute("aria-valuetext", text);
        thumb.setAttribute("aria-label", tr("time.label"));
      } else if (tries > 0) requestAnimationFrame(() => name(tries - 1));
    };
    name(120);
  }

  register({
    sliderName: function (max, index, stock, textStore) {
      sliderText(index, stock, textStore);
    },
    /* Steps (buttons, keys, the ticker) and play/pause: one callback, so a tick of play runs one. */
    time: function (previous, next, previousYear, nextYear, tick, clicks, playing, index, max) {
      const nu = noUpdate();
      const ticked = triggered() === ids.TICKER;
      const play = triggered() === ids.PLAY ? togglePlay(playing, index, max) : ticked && index >= max ? stop() : noUpdate(6);
      const step = stepMonth(previous, next, previousYear, nextYear, ticked, index, max);
      return [step === nu ? play[5] : step].concat(play.slice(0, 5));
    },
    /* All that shows the month, in one callback (callbacks/timeline.py): both maps and the month
       label, the charts, the table twin, the download links, the month of the country panel (while
       a country is selected), the citation (while open), the slider thumb's name and a playing
       scene's end. */
    monthView: function (index, metric, selected, hover, present, slideMeasure, measure, tab, sort, sceneIndex, scenes, playing, stock, second, textStore) {
      const draw = window.dash_clientside.corredores;
      sliderText(index, stock, textStore);
      ns.sceneRangeEnd(index, sceneIndex, scenes, playing, stock);
      return [
        ...draw.choropleth(metric, selected, hover, present, slideMeasure, index, stock, second, textStore),
        draw.secondChoropleth(measure, selected, hover, index, stock, second, textStore),
        draw.lineChart(metric, selected, hover, present, index, stock, textStore),
        draw.barChart(metric, selected, hover, present, index, stock, textStore),
        draw.twinTable(tab, selected, sort, index, stock, textStore)[1],
        ...window.dash_clientside.journalist.links(metric, selected, index, stock, textStore),
        selected ? index : noUpdate(),
        ns.citeView(index, selected),
      ];
    },
  });

  /* names for third-party widgets that lack them (the slider handle) */
  new MutationObserver(function () {
    const slider = document.getElementById(ids.MONTH_INDEX); // its few nodes, not the whole page, per change
    if (!ns.text || !slider) return;
    slider.querySelectorAll(".dash-slider-thumb:not([aria-label]), [role=slider]:not([aria-label])").forEach((thumb) => {
      thumb.setAttribute("aria-label", tr("time.label"));
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
