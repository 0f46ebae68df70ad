/* Photo viewer for the galleries. Without it every photo is a plain link to its
   largest WebP; with it, a click or Enter opens the photo in a dialog, the arrow keys
   and a swipe move between photos, Escape closes, and focus goes back to the photo. */
(function () {
  "use strict";
  var dialog = document.querySelector("dialog.lightbox");
  if (!dialog || typeof dialog.showModal !== "function") return;
  var frame = dialog.querySelector(".lightbox__picture");
  var caption = dialog.querySelector(".lightbox__caption");
  var count = dialog.querySelector(".lightbox__count");
  var links = [];
  var current = 0;
  var opener = null;
  var swipeStart = null;

  function element(name, attributes) {
    var made = document.createElement(name);
    Object.keys(attributes).forEach(function (key) { made.setAttribute(key, attributes[key]); });
    return made;
  }

  function show(index) {
    current = (index + links.length) % links.length;
    var link = links[current];
    var thumbnail = link.querySelector("img");
    var figcaption = link.closest("figure").querySelector("figcaption");
    var photo = element("img", { src: link.href, srcset: link.dataset.srcset, sizes: "100vw", alt: thumbnail.alt, draggable: "false" });
    frame.replaceChildren(photo);
    caption.textContent = figcaption ? figcaption.textContent : "";
    caption.lang = figcaption ? figcaption.lang : "";
    count.textContent = (current + 1) + " / " + links.length;
  }

  function open(event) {
    var link = event.target.closest(".gallery__link");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    links = Array.prototype.slice.call(link.closest("[data-lightbox]").querySelectorAll(".gallery__link"));
    opener = link;
    show(links.indexOf(link));
    dialog.showModal();
  }

  document.addEventListener("click", open);
  dialog.querySelector(".lightbox__previous").addEventListener("click", function () { show(current - 1); });
  dialog.querySelector(".lightbox__next").addEventListener("click", function () { show(current + 1); });
  dialog.querySelector(".lightbox__close").addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("keydown", function (event) {
    if (event.key === "ArrowRight") show(current + 1);
    if (event.key === "ArrowLeft") show(current - 1);
  });
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) dialog.close(); /* a click on the dark backdrop */
  });
  dialog.addEventListener("dragstart", function (event) { event.preventDefault(); });
  dialog.addEventListener("pointerdown", function (event) { swipeStart = event.clientX; });
  dialog.addEventListener("pointerup", function (event) {
    if (swipeStart === null) return;
    var moved = event.clientX - swipeStart;
    swipeStart = null;
    if (Math.abs(moved) > 50) show(current + (moved < 0 ? 1 : -1));
  });
  dialog.addEventListener("close", function () {
    frame.replaceChildren();
    if (opener) opener.focus();
  });
})();
