/* The site's service worker (written to /sw.js by plugins/offline, after the lines that
   give VERSION, PRECACHE and OFFLINE_PAGES). After one visit, the fair's practical pages
   open without a network: the current edition and its programme, the venue and its map,
   the catalogue, every product of the edition, the booths and the visiting information.

   - Pages are asked of the network first, past the browser's own cache (a changed programme
     is never hidden behind an old copy); after TIMEOUT, or without a network, the copy kept
     is shown, marked as such. Other files are asked of the network too, unless they are the
     version's own kept files; a kept copy is only ever used when the network fails.
   - Every cache belongs to one site (its scope: sites may share an origin) and to one
     version (one per publish that changes a kept file). On activation every other cache of
     this site is deleted, and a lookup never leaves this site's current caches: no old copy
     ever wins over a new version's. What is kept is fetched past the browser's HTTP cache.
   - A kept response keeps its own type: only HTML is ever shown as a page. */
const SITE = "otop|" + self.registration.scope + "|";
const KEPT = SITE + "kept|" + VERSION; /* what the first visit stores */
const READ = SITE + "read|" + VERSION; /* pages and photos as they were read since */
const OURS = [KEPT, READ];
const READ_LIMIT = 300;
const TIMEOUT = 4000;
const LEGACY = /^otop-/; /* names of the first workers, shared by every site of an origin */

self.addEventListener("install", (event) => {
  const fresh = PRECACHE.map((url) => new Request(url, { cache: "reload" }));
  event.waitUntil(caches.open(KEPT).then((cache) => cache.addAll(fresh)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(
        names.filter((name) => (name.startsWith(SITE) && !OURS.includes(name)) || LEGACY.test(name))
          .map((name) => caches.delete(name))))
      .then(() => self.clients.claim())
      .then(keepOpenPages)
  );
});

/* The page of the first visit was loaded before this worker: keep it too, as it was read. */
async function keepOpenPages() {
  const windows = await self.clients.matchAll({ type: "window" });
  await Promise.all(windows.map(async (client) => {
    if (!client.url.startsWith(self.registration.scope) || await ours(client.url)) return;
    try {
      const response = await fetch(new Request(client.url, { cache: "no-cache" }));
      if (response.ok) await keep(READ, new Request(client.url), response);
    } catch (error) { /* offline already: nothing to keep */ }
  }));
}

/* This site's own copy of a request, in its current caches only. */
async function ours(request, options) {
  for (const name of OURS) {
    const found = await (await caches.open(name)).match(request, options);
    if (found) return found;
  }
  return undefined;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") event.respondWith(page(request));
  else event.respondWith(file(request));
});

function withTimeout(promise) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("slow")), TIMEOUT);
    promise.then((value) => { clearTimeout(timer); resolve(value); },
                 (error) => { clearTimeout(timer); reject(error); });
  });
}

async function page(request) {
  const fromNetwork = fetch(new Request(request, { cache: "no-cache" }));
  try {
    const response = await withTimeout(fromNetwork);
    if (response.ok) keep(READ, request, response.clone());
    return response;
  } catch (error) {
    const kept = await ours(request, { ignoreSearch: true });
    if (kept) return isPage(kept) ? marked(kept) : kept;
    try {
      return await fromNetwork; /* slow, and nothing kept: wait for it after all */
    } catch (stillNothing) {
      return marked(await ours(offlinePage(request.url)));
    }
  }
}

function isPage(response) {
  return (response.headers.get("content-type") || "").startsWith("text/html");
}

function offlinePage(url) {
  const path = new URL(url).pathname;
  const roots = Object.entries(LANGUAGE_ROOTS).sort((a, b) => b[1].length - a[1].length);
  const found = roots.find(([, root]) => path === root || path.startsWith(root + "/"));
  return OFFLINE_PAGES[found ? found[0] : MAIN_LANG];
}

/* A kept page, with the time it was kept on <html>: offline.js shows "offline copy from". */
async function marked(response) {
  const text = await response.text();
  const time = response.headers.get("x-kept-at") || response.headers.get("date") || "";
  const stamp = time ? new Date(time).toISOString() : "";
  const html = text.replace("<html ", `<html data-offline-copy="${stamp}" `);
  return new Response(html, { headers: { "content-type": "text/html; charset=utf-8" } });
}

async function keep(name, request, response) {
  const headers = new Headers(response.headers); /* its own type, whatever it is */
  headers.set("x-kept-at", new Date().toUTCString());
  const body = await response.blob();
  const cache = await caches.open(name);
  await cache.put(request, new Response(body, { status: response.status, headers }));
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - READ_LIMIT))) await cache.delete(old);
}

async function file(request) {
  const own = await (await caches.open(KEPT)).match(request); /* this version's bytes */
  if (own) return own;
  try {
    const response = await fetch(request);
    const type = response.headers.get("content-type") || "";
    if (response.ok && /^(image|font)\/|css|javascript/.test(type)) keep(READ, request, response.clone());
    return response;
  } catch (error) {
    const read = await (await caches.open(READ)).match(request);
    if (read) return read;
    const other = request.destination === "image" ? await anotherWidth(request.url) : null;
    if (other) return other;
    throw error;
  }
}

/* The same photo kept at another width (the catalogue's thumbnail, say): better than none. */
async function anotherWidth(url) {
  const width = /-\d+\.(webp|jpg)$/;
  if (!width.test(url)) return null;
  const stem = url.replace(width, "-");
  for (const name of OURS) {
    const cache = await caches.open(name);
    const key = (await cache.keys()).find((k) => k.url.startsWith(stem) && width.test(k.url));
    if (key) return cache.match(key);
  }
  return null;
}
