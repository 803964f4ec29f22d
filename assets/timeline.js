/* Time (callbacks/timeline.py): step buttons, keys and play/pause, all in the browser. */
(function () {
  "use strict";
  const ns = window.corredores;
  const { tr, triggered, register, noUpdate } = ns.core;
  const ids = ns.ids;

  register({
    stepMonth: function (previous, next, previousYear, nextYear, tick, index, max) {
      // Rapid clicks or key presses may reach this callback merged, and before the slider
      // value catches up: count the clicks since last time and continue from the last step.
      const last = ns.clicks || { previous: 0, next: 0, previousYear: 0, nextYear: 0 };
      ns.clicks = { previous: previous || 0, next: next || 0, previousYear: previousYear || 0, nextYear: nextYear || 0 };
      let step = ns.clicks.next - last.next - (ns.clicks.previous - last.previous);
      step += 12 * (ns.clicks.nextYear - last.nextYear - (ns.clicks.previousYear - last.previousYear));
      if (triggered() === ids.TICKER) step += 1;
      if (!step) return noUpdate();
      const fresh = ns.pending && ns.pending.from === index && Date.now() - ns.pending.at < 1500;
      const base = fresh ? ns.pending.to : index;
      const to = Math.min(max, Math.max(0, base + step));
      ns.pending = { from: index, to: to, at: Date.now() };
      return to;
    },
    togglePlay: function (clicks, tick, playing, index, max) {
      const nu = noUpdate();
      if (triggered() === ids.TICKER) {
        if (index < max) return noUpdate(6);
        return [true, "▶", tr("time.play"), tr("time.play"), false, nu];
      }
      const start = !playing;
      const restart = start && index >= max ? 0 : nu;
      const label = start ? tr("time.pause") : tr("time.play");
      return [!start, start ? "❚❚" : "▶", label, label, start, restart];
    },
    /* The slider thumb is a third-party widget without an aria-valuetext prop: name the month on it. */
    sliderText: function (index, stock, textStore) {
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
