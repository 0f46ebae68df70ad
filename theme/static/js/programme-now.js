/* Marks the show on stage now and the next one, in the programme tables. */
(function () {
  "use strict";
  var now = new Date();
  var rows = Array.prototype.slice.call(document.querySelectorAll(".programme tr[data-start]"));
  var next = null;
  rows.forEach(function (row) {
    var start = new Date(row.dataset.start);
    var end = new Date(row.dataset.end);
    if (start <= now && now < end) row.classList.add("programme__now");
    if (start > now && (!next || start < new Date(next.dataset.start))) next = row;
  });
  if (next) next.classList.add("programme__next");
})();
