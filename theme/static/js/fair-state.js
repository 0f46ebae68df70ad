/* Says whether the fair is still to come, open now or over, from the reader's clock:
   the page is built once, the answer changes every day. */
(function () {
  "use strict";
  var DAY = 24 * 60 * 60 * 1000;
  var BANGKOK = 7 * 60 * 60 * 1000; /* the fair's days are Bangkok days */
  function bangkokDay(time) { return Math.floor((time + BANGKOK) / DAY); }

  document.querySelectorAll(".fair-state").forEach(function (box) {
    var start = Date.parse(box.dataset.start);
    var end = Date.parse(box.dataset.end);
    var now = Date.now();
    var daysLeft = bangkokDay(start) - bangkokDay(now);
    var state = now > end ? "ended" : now >= start ? "now" : "before";
    var text = { ended: box.dataset.ended, now: box.dataset.now }[state];
    if (state === "before") {
      text = daysLeft <= 0 ? box.dataset.today
        : daysLeft === 1 ? box.dataset.beforeOne
        : box.dataset.beforeMany.replace("{days}", daysLeft);
    }
    box.textContent = text;
    box.dataset.state = state;
    box.hidden = false;
  });
})();
