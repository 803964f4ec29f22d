/* Keyboard shortcuts: months, years, Escape, and the presenter keys (space, 1-9, F). */
(function () {
  "use strict";
  const ns = window.corredores;
  const { click, setProps } = ns.core;
  const ids = ns.ids;

  document.addEventListener("keydown", function (event) {
    const target = event.target;
    const typing = target && (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable);
    const inSlider = target && target.closest && target.closest("[role=slider]");
    if (typing || event.altKey || event.ctrlKey || event.metaKey) return;
    const present = !!document.querySelector(".app.present");
    const key = event.key;
    if ((key === "ArrowLeft" || key === "ArrowRight") && event.shiftKey) {
      click(key === "ArrowLeft" ? ids.PREVIOUS_YEAR : ids.NEXT_YEAR);
      event.preventDefault();
    } else if (key === "ArrowLeft" && !inSlider) {
      click(ids.PREVIOUS);
      event.preventDefault();
    } else if (key === "ArrowRight" && !inSlider) {
      click(ids.NEXT);
      event.preventDefault();
    } else if (key === "Escape") {
      if (present) setProps(ids.PRESENT, { data: false });
      else click(ids.CLEAR_SELECTION);
    } else if (present && key === " ") {
      click(ids.PLAY);
      event.preventDefault();
    } else if (present && /^[1-9]$/.test(key)) {
      setProps(ids.SCENE_INDEX, { data: Number(key) - 1 });
    } else if (present && (key === "f" || key === "F")) {
      if (document.fullscreenElement) document.exitFullscreen().catch(() => null);
      else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen().catch(() => null);
    }
  });
})();
