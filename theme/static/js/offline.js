/* Offline use: registers the site's service worker (/sw.js), and on a page the worker
   served from what the phone kept, shows when that copy was made. */
(function () {
  "use strict";
  var script = document.currentScript;
  if ("serviceWorker" in navigator && script && script.dataset.worker) {
    navigator.serviceWorker.register(script.dataset.worker).catch(function () {});
  }
  var kept = document.documentElement.getAttribute("data-offline-copy");
  if (kept === null) return;
  function show() {
    var note = document.querySelector(".offline-note");
    if (!note) return;
    var when = kept ? new Date(kept) : null;
    var lang = document.documentElement.lang || "th";
    var time = when && !isNaN(when) ?
      new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short" }).format(when) : "";
    note.textContent = note.getAttribute("data-template").replace("{time}", time).trim();
    note.hidden = false;
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();
})();
