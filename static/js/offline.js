/* Reading without a connection, where the browser can (progressive enhancement: the
   guide works the same without this file). It registers the service worker that keeps
   the pages a reader opens (/sw.js, guide/service_worker.py), asks it to keep this page
   and this language's offline page, and runs "Save this guide for offline use" and the
   list of saved pages on the offline page. No cookies, nothing sent anywhere else. */
"use strict";

(function () {
  const script = document.currentScript;
  if (!("serviceWorker" in navigator) || !script || !script.dataset.serviceWorker) return;

  // Asks the service worker something; resolves with its answer.
  async function ask(message) {
    const registration = await navigator.serviceWorker.ready;
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (event) => resolve(event.data);
      registration.active.postMessage(message, [channel.port2]);
    });
  }

  function show(section, state) {
    for (const element of section.querySelectorAll("[data-offline-state]")) {
      element.hidden = element.dataset.offlineState !== state;
    }
  }

  // "Save this guide for offline use": first say how much it takes, then keep it.
  function saving(section) {
    const manifest = new URL(section.dataset.offlinePages, location.href);
    let pages = [];
    section.hidden = false;
    section.querySelector("[data-offline-action=measure]").addEventListener("click", async () => {
      try {
        const list = await (await fetch(manifest, { cache: "no-cache" })).json();
        pages = list.pages.map((page) => new URL(page, manifest).href);
        let bytes = 0;
        for (const page of pages) {
          const response = await fetch(page, { method: "HEAD", cache: "no-cache" });
          bytes += Number(response.headers.get("Content-Length") || 0);
        }
        section.querySelector("[data-offline-size]").textContent = String(
          Math.max(1, Math.round(bytes / 1024)),
        );
        show(section, "measured");
      } catch (error) {
        show(section, "failed");
      }
    });
    section.querySelector("[data-offline-action=save]").addEventListener("click", async () => {
      show(section, "saving");
      const reply = await ask({ keep: pages });
      show(section, reply.failed ? "failed" : "saved");
    });
    section.querySelector("[data-offline-action=remove]").addEventListener("click", async () => {
      const reply = await ask({ forget: true });
      show(section, reply.failed ? "failed" : "removed");
    });
  }

  // The offline page: which pages of this language are saved on this phone.
  async function listing(section) {
    const reply = await ask({ list: section.dataset.offlineList });
    if (!reply.pages || !reply.pages.length) return;
    const list = section.querySelector("ul");
    for (const page of reply.pages) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = page.url;
      // The page's title, without the name of the site after it.
      const title = new DOMParser().parseFromString(page.title, "text/html").body.textContent;
      link.textContent = title.split(" · ")[0];
      item.append(link);
      list.append(item);
    }
    section.hidden = false;
  }

  navigator.serviceWorker
    .register(script.dataset.serviceWorker)
    .then(() => {
      // This page and the files it needs (the worker keeps what it serves itself, but
      // this page came before it), and where to go offline in this language.
      const files = document.querySelectorAll("link[rel=stylesheet], link[rel=icon], script[src]");
      const keep = [
        location.pathname + location.search,
        ...Array.from(files, (file) => file.href || file.src),
        script.dataset.offlinePage,
      ];
      return ask({ keep: keep.filter(Boolean), missing: true });
    })
    .catch(() => undefined);

  document.addEventListener("DOMContentLoaded", () => {
    const save = document.querySelector("[data-offline-pages]");
    if (save) saving(save);
    const saved = document.querySelector("[data-offline-list]");
    if (saved) listing(saved).catch(() => undefined);
  });
})();
