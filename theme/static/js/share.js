/* The phone's own share sheet (LINE, Messenger, …) where the browser offers one. */
(function () {
  "use strict";
  if (!navigator.share) return;
  document.querySelectorAll(".share").forEach(function (box) {
    var button = box.querySelector(".share__native");
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.share({ title: box.dataset.shareTitle, url: box.dataset.shareUrl }).catch(function () {});
    });
  });
})();
