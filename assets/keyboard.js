/* Keyboard shortcuts: months, years, Escape, and the presenter keys (space, 1-9, Home, End, S, F). */
(function () {
  "use strict";
  const ns = window.corredores;
  const { click, setProps } = ns.core;
  const ids = ns.ids;

  /* On the slider, Shift+arrows step one year like everywhere else: stop the slider's own
   * ten-step jump (it listens below the document) and press the year button instead. */
  document.addEventListener(
    "keydown",
    function (event) {
      const onSlider = event.target && event.target.closest && event.target.closest("[role=slider]");
      if (!onSlider || !event.shiftKey || (event.key !== "ArrowLeft" && event.key !== "ArrowRight")) return;
      event.stopPropagation();
      event.preventDefault();
      click(event.key === "ArrowLeft" ? ids.PREVIOUS_YEAR : ids.NEXT_YEAR);
    },
    true
  );

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
      const list = document.getElementById(ids.SCENE_LIST);
      if (present && list && list.open) list.open = false;
      else if (present) setProps(ids.PRESENT, { data: false });
      else click(ids.CLEAR_SELECTION);
    } else if (present && key === " " && !(target.closest && target.closest("#" + ids.SCENE_LIST))) {
      click(ids.PLAY);
      event.preventDefault();
    } else if (present && /^[1-9]$/.test(key)) {
      setProps(ids.SCENE_INDEX, { data: Number(key) - 1 });
    } else if (present && !inSlider && (key === "Home" || key === "End")) {
      const count = document.querySelectorAll("#" + ids.SCENE_LIST + " .scene-button").length;
      setProps(ids.SCENE_INDEX, { data: key === "Home" ? 0 : count - 1 });
      event.preventDefault();
    } else if (present && (key === "s" || key === "S")) {
      ns.toggleSceneList();
    } else if (present && (key === "f" || key === "F")) {
      if (document.fullscreenElement) document.exitFullscreen().catch(() => null);
      else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen().catch(() => null);
    }
  });
})();
