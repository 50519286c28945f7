/* The guide's service worker (guide/service_worker.py): keeps the pages a reader
   opens, so that they open again without a connection, and refreshes them whenever
   there is one. Nothing here is needed to read the guide. */
"use strict";

// The release this worker belongs to: a new release's worker replaces this one.
const RELEASE = {{ release|tojson }};
// Pages and files, kept across releases (a new name only when what is kept changes).
const CACHE = "guide-v1";
// Where the guide is served from: "/" or a prefix such as "/guide/".
const ROOT = new URL("./", self.location).pathname;
// Never kept: the admin, previews, search results, health checks, this worker.
const NEVER = [{% for pattern in never %}new RegExp("^" + ROOT + {{ pattern|tojson }}){% if not loop.last %}, {% endif %}{% endfor %}];
const LANGUAGES = {{ languages|tojson }};

self.addEventListener("install", (event) => {
  event.waitUntil(self.skipWaiting());
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

function storable(url) {
  return url.origin === self.location.origin && !NEVER.some((never) => never.test(url.pathname));
}

function worthKeeping(response) {
  const control = response.headers.get("Cache-Control") || "";
  return response.ok && response.type === "basic" && !/no-store|private/.test(control);
}

// Asks the server again (through the browser's cache, which sends the page's ETag:
// an unchanged page costs a few bytes) and keeps what it answers.
async function refresh(url) {
  const response = await fetch(url, { cache: "no-cache" });
  if (worthKeeping(response)) {
    const cache = await caches.open(CACHE);
    await cache.put(url, response.clone());
  }
  return response;
}

function languageOf(url) {
  const first = url.pathname.slice(ROOT.length).split("/")[0];
  return LANGUAGES.includes(first) ? first : null;
}

async function offline(url) {
  const language = languageOf(url) || "en";
  const page = await caches.match(ROOT + language + "/offline/", { ignoreVary: true });
  return (
    page ||
    new Response("You are offline. In an emergency, call 112.", {
      status: 503,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    })
  );
}

// Stale-while-revalidate: a kept page answers at once and is refreshed behind it, so
// an editor's correction is read on the next visit; a new page comes from the server.
async function page(event, url) {
  const kept = await caches.match(url.href, { ignoreVary: true });
  const fresh = refresh(url.href);
  if (kept) {
    event.waitUntil(fresh.catch(() => undefined));
    return kept;
  }
  try {
    return await fresh;
  } catch (error) {
    return offline(url);
  }
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || !storable(url)) return;
  event.respondWith(page(event, url));
});

// From a page (static/js/offline.js): keep these addresses (only those not kept yet,
// with "missing"), list the kept pages of a language, or forget everything.
async function answer(message) {
  if (message.keep) {
    for (const address of message.keep) {
      const url = new URL(address, self.location);
      if (!storable(url)) continue;
      if (message.missing && (await caches.match(url.href, { ignoreVary: true }))) continue;
      await refresh(url.href);
    }
    return { kept: message.keep.length };
  }
  if (message.list) {
    const cache = await caches.open(CACHE);
    const pages = [];
    for (const request of await cache.keys()) {
      const url = new URL(request.url);
      if (languageOf(url) !== message.list || url.pathname.endsWith("/offline/")) continue;
      const response = await cache.match(request);
      if (!(response.headers.get("Content-Type") || "").startsWith("text/html")) continue;
      const title = (await response.text()).match(/<title>([^<]*)<\/title>/);
      pages.push({ url: url.pathname + url.search, title: title ? title[1] : url.pathname });
    }
    return { pages };
  }
  if (message.forget) {
    await caches.delete(CACHE);
    return { forgotten: true };
  }
  return {};
}

// One message at a time, in the order they came: "forget" after a "keep" forgets what
// that kept.
let queue = Promise.resolve();

self.addEventListener("message", (event) => {
  const port = event.ports[0];
  queue = queue
    .then(() => answer(event.data || {}))
    .then(
      (reply) => port && port.postMessage(reply),
      () => port && port.postMessage({ failed: true }),
    );
  event.waitUntil(queue);
});
