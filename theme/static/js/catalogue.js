/* Instant filtering of the product catalogue. Without it the catalogue still works:
   each category, district and star rating has a page of its own. */
(function () {
  "use strict";
  var form = document.querySelector("[data-filters]");
  var cards = Array.prototype.slice.call(document.querySelectorAll("[data-products] > li"));
  if (!form || !cards.length) return;
  var count = form.querySelector(".filters__count");
  function apply() {
    var wanted = { category: form.category.value, district: form.district.value, stars: form.stars.value };
    var shown = 0;
    cards.forEach(function (card) {
      var match = Object.keys(wanted).every(function (key) {
        return !wanted[key] || card.dataset[key] === wanted[key];
      });
      card.hidden = !match;
      if (match) shown += 1;
    });
    count.textContent = count.dataset.template.replace("{count}", shown).replace("{total}", cards.length);
  }
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  apply();
})();
