/* The search page. Pagefind (and its index) loads only when the reader starts typing;
   it splits a Thai query with Intl.Segmenter, as the index was split at build time. */
(function () {
  "use strict";
  var form = document.querySelector("[data-search]");
  if (!form) return;
  var input = form.querySelector("input[type=search]");
  var list = document.querySelector("[data-search-results]");
  var status = document.querySelector("[data-search-status]");
  var engine = null;
  var latest = 0;

  async function load() {
    if (!engine) {
      engine = await import(form.dataset.bundle);
      await engine.options({ baseUrl: form.dataset.base });
    }
    return engine;
  }

  var MARKS = /\u200B/g; /* the index's word marks: invisible, but not to be copied */

  function item(result) {
    var entry = document.createElement("li");
    var link = document.createElement("a");
    link.href = result.url;
    link.textContent = (result.meta.title || result.url).replace(MARKS, "");
    entry.append(link);
    if (result.meta.date) {
      var date = document.createElement("p");
      date.className = "search__date";
      date.textContent = result.meta.date.replace(MARKS, "");
      entry.append(date);
    }
    var excerpt = document.createElement("p");
    excerpt.innerHTML = result.excerpt.replace(MARKS, ""); /* our own pages' text, with <mark> */
    entry.append(excerpt);
    return entry;
  }

  async function run() {
    var query = input.value.trim();
    var ticket = ++latest;
    if (!query) { list.replaceChildren(); status.textContent = ""; return; }
    var pagefind = await load();
    var type = form.querySelector("input[name=type]:checked").value;
    var search = await pagefind.search(query, type ? { filters: { type: type } } : {});
    if (ticket !== latest) return;
    var results = await Promise.all(search.results.slice(0, 20).map(function (r) { return r.data(); }));
    if (ticket !== latest) return;
    list.replaceChildren.apply(list, results.map(item));
    status.textContent = results.length
      ? form.dataset.found.replace("{count}", search.results.length)
      : form.dataset.none.replace("{query}", query);
  }

  input.addEventListener("input", run);
  form.addEventListener("change", run);
  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  var asked = new URLSearchParams(location.search).get("q");
  if (asked) { input.value = asked; run(); }
})();
