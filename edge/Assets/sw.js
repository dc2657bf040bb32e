// MonaSpark service worker (scope /l/). It keeps the onboarding form working without the network:
// the static assets are cached when it installs (their names carry their content hash, so a copy
// never goes stale), and each form page is kept when it is loaded, so the form opens offline where
// it was. Answers are not handled here: the page keeps them on the device and sends them itself.
// It also shows the web pushes the artist opted into after signup.
'use strict';

const VERSION = '__VERSION__';
const ASSETS = __ASSETS__;
const STATIC = 'monaspark-static-' + VERSION;
const PAGES = 'monaspark-forms';
const FORM = /^\/l\/[^/]+\/form$/;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(STATIC).then((cache) => cache.addAll(ASSETS)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((key) => key.startsWith('monaspark-static-') && key !== STATIC).map((key) => caches.delete(key))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') {
    return;
  }

  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }

  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
    return;
  }

  if (request.mode === 'navigate' && FORM.test(url.pathname)) {
    event.respondWith(fetch(request)
      .then((response) => {
        if (response.status === 200 && !response.redirected) {
          const copy = response.clone();
          event.waitUntil(caches.open(PAGES).then((cache) => cache.put(url.pathname, copy)));
        }

        return response;
      })
      .catch(() => caches.open(PAGES).then((cache) => cache.match(url.pathname)).then((hit) => hit || Response.error())));
  }
});

self.addEventListener('push', (event) => {
  let push = {};
  try {
    push = event.data ? event.data.json() : {};
  } catch {
    push = {};
  }

  event.waitUntil(self.registration.showNotification(String(push.title || 'MonaSpark'), {
    body: String(push.body || ''),
    data: { url: typeof push.url === 'string' ? push.url : null },
  }));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = event.notification.data && event.notification.data.url;
  if (target && new URL(target, self.location.origin).origin === self.location.origin) {
    event.waitUntil(self.clients.openWindow(target));
  }
});
