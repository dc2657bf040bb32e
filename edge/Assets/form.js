// MonaSpark onboarding form, enhanced. Without this script the form is plain HTML (POST, then a
// redirect to the next question). With it:
// - a step is swapped in place (no page load), and focus moves to the new question;
// - every answer is first kept on the device (localStorage), with an id, then sent; it leaves the
//   device only once the server has answered. The server takes an id once, so an answer sent again
//   (a lost response, a retry, a reload) arrives exactly once;
// - without the network, the next questions are asked from the form's own description (the JSON in
//   #form-data: questions, branches, texts), and the kept answers are sent in order when the network
//   is back; the server checks each one again;
// - the service worker keeps the form's pages and assets so the form opens offline;
// - once signed up, the artist may opt into web push.
// Nothing here writes HTML from strings: elements are built and text is set as text.
(() => {
  'use strict';

  const readData = (root) => {
    const element = root.getElementById('form-data');
    try {
      return element ? JSON.parse(element.textContent) : null;
    } catch {
      return null;
    }
  };

  let data = readData(document);
  if (!data || !window.fetch || !window.localStorage || !window.DOMParser) {
    return;
  }

  const storeKey = 'monaspark:form:' + data.action;
  const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
  const text = () => data.text;

  const load = () => {
    try {
      const stored = JSON.parse(localStorage.getItem(storeKey));
      if (stored && Array.isArray(stored.queue)) {
        return stored;
      }
    } catch {
      // An unreadable copy is no copy.
    }

    return { queue: [] };
  };

  let state = load();
  const save = () => {
    try {
      localStorage.setItem(storeKey, JSON.stringify(state));
    } catch {
      // Storage full or refused: the answers still go when the network is there.
    }
  };

  const newId = () => (window.crypto && crypto.randomUUID
    ? crypto.randomUUID()
    : Date.now().toString(36) + '-' + Math.random().toString(36).slice(2));

  const status = (message) => {
    const region = document.getElementById('form-status');
    if (region) {
      region.textContent = message || '';
    }
  };

  // The form's rules, as the server applies them (OnboardingQuestions).
  const applicable = (answers) => data.questions.filter((q) => !q.when || answers[q.when.id] === q.when.value);

  const apply = (answers, item) => {
    const next = Object.assign({}, answers);
    if (item.back) {
      const answered = applicable(next).filter((q) => has(next, q.id));
      if (answered.length > 0) {
        delete next[answered[answered.length - 1].id];
      }

      return next;
    }

    next[item.question] = item.answer;
    for (const q of data.questions) {
      if (q.when && q.when.id === item.question && q.when.value !== item.answer) {
        delete next[q.id];
      }
    }

    return next;
  };

  const localAnswers = () => state.queue.reduce(apply, Object.assign({}, data.answers));

  const validate = (q, raw) => {
    const value = (raw || '').trim();
    if (value.length === 0) {
      return [null, 'required'];
    }

    if (value.length > q.maxLength) {
      return [null, 'too-long'];
    }

    if (/[\u0000-\u001f\u007f-\u009f]/.test(value)) {
      return [null, 'characters'];
    }

    switch (q.kind) {
      case 'choice':
        return q.options.some((o) => o.value === value) ? [value, null] : [null, 'choice'];
      case 'number':
        return /^[0-9]+$/.test(value) && Number(value) >= q.min && Number(value) <= q.max ? [String(Number(value)), null] : [null, 'number'];
      case 'email':
        return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? [value, null] : [null, 'email'];
      case 'country':
        return /^[A-Za-z]{2}$/.test(value) ? [value.toUpperCase(), null] : [null, 'country'];
      default:
        return [value, null];
    }
  };

  const element = (name, attributes, children) => {
    const node = document.createElement(name);
    for (const [key, value] of Object.entries(attributes || {})) {
      if (value === true) {
        node.setAttribute(key, '');
      } else if (value !== null && value !== undefined && value !== false) {
        node.setAttribute(key, String(value));
      }
    }

    for (const child of children || []) {
      node.append(child);
    }

    return node;
  };

  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (all, key) => (has(values, key) ? String(values[key]) : all));

  // The same markup as the server's page (OnboardingFormPage), built from the form's description.
  const renderQuestion = (q, value, error, number, count) => {
    const t = text();
    const described = [];
    if (error) {
      described.push('answer-error');
    }

    const known = data.known[q.id];
    const showKnown = q.kind !== 'choice' && known !== undefined && (value === undefined || value === null);
    if (showKnown) {
      described.push('answer-known');
    }

    const current = value !== undefined && value !== null ? value : (known !== undefined ? known : '');
    const invalid = error ? { 'aria-invalid': 'true' } : {};
    const form = element('form', { method: 'post', action: data.action, novalidate: true }, [
      element('input', { type: 'hidden', name: 'csrf', value: data.csrf }),
      element('input', { type: 'hidden', name: 'question', value: q.id }),
    ]);
    if (q.kind === 'choice') {
      const fieldset = element('fieldset', Object.assign({}, invalid, { 'aria-describedby': described.join(' ') || null }), [element('legend', {}, [q.label])]);
      for (const option of q.options) {
        fieldset.append(element('label', { class: 'choice' }, [
          element('input', { type: 'radio', name: 'answer', value: option.value, checked: option.value === current }),
          ' ' + option.text,
        ]));
      }

      form.append(fieldset);
    } else {
      form.append(element('label', { class: 'q', for: 'answer' }, [q.label]));
      if (showKnown) {
        form.append(element('p', { class: 'known', id: 'answer-known' }, [fill(t.known, { value: known })]));
      }

      form.append(element('input', Object.assign({
        id: 'answer', name: 'answer', type: q.type, autocomplete: q.autocomplete, maxlength: q.maxLength, required: true, value: current,
        min: q.kind === 'number' ? q.min : null, max: q.kind === 'number' ? q.max : null, inputmode: q.kind === 'number' ? 'numeric' : null,
        'aria-describedby': described.join(' ') || null,
      }, invalid)));
    }

    if (error) {
      form.append(element('p', { class: 'error', id: 'answer-error', role: 'alert' }, [q.errors[error] || q.errors.other]));
    }

    const actions = element('div', { class: 'actions' }, [element('button', { class: 'next', type: 'submit' }, [t.next])]);
    if (number > 1) {
      actions.append(element('button', { class: 'back', type: 'submit', name: 'back', value: '1', formnovalidate: true }, [t.back]));
    }

    form.append(actions);
    return [
      element('p', { class: 'lede' }, [data.name + ' · ' + fill(t.question, { number, count })]),
      element('progress', { max: count, value: number - 1 }),
      form,
    ];
  };

  const replaceMain = (children) => {
    const main = element('main', {}, children);
    document.querySelector('main').replaceWith(main);
    return main;
  };

  const focusQuestion = () => {
    const target = document.querySelector('main input[name=answer]:checked, main input[name=answer], main h1');
    if (target) {
      if (target.tagName === 'H1') {
        target.setAttribute('tabindex', '-1');
      }

      target.focus();
    }
  };

  // The next question from what is kept on the device (or, when all is answered, the note that the
  // answers wait for the network).
  const renderLocal = (error, typed) => {
    const answers = localAnswers();
    const questions = applicable(answers);
    const next = questions.find((q) => !has(answers, q.id));
    if (!next) {
      replaceMain([element('h1', {}, [text().savedTitle]), element('p', { class: 'lede' }, [text().savedBody])]);
    } else {
      replaceMain(renderQuestion(next, error ? typed : undefined, error, questions.indexOf(next) + 1, questions.length));
    }

    focusQuestion();
  };

  const cacheShell = (html, response) => {
    if (!window.caches) {
      return;
    }

    const headers = { 'Content-Type': 'text/html; charset=utf-8' };
    const policy = response.headers.get('Content-Security-Policy');
    if (policy) {
      headers['Content-Security-Policy'] = policy;
    }

    caches.open('monaspark-forms').then((cache) => cache.put(data.action, new Response(html, { headers }))).catch(() => {});
  };

  const swap = (html, response) => {
    const page = new DOMParser().parseFromString(html, 'text/html');
    const main = page.querySelector('main');
    if (!main) {
      status(text().failed);
      return;
    }

    document.querySelector('main').replaceWith(document.adoptNode(main));
    const fresh = readData(page);
    const holder = document.getElementById('form-data');
    if (fresh && holder) {
      holder.textContent = page.getElementById('form-data').textContent;
      data = fresh;
    }

    document.title = page.title;
    if (response.status === 200) {
      cacheShell(html, response);
    }

    focusQuestion();
    offerPush();
  };

  const bodyOf = (item) => {
    const body = new URLSearchParams();
    body.set('csrf', data.csrf);
    body.set('question', item.question);
    body.set('op', item.op);
    if (item.back) {
      body.set('back', '1');
    } else {
      body.set('answer', item.answer);
    }

    return body;
  };

  let sending = false;
  let retry = 0;
  let wasOffline = false;

  const later = () => {
    wasOffline = true;
    window.clearTimeout(retry);
    retry = window.setTimeout(() => send(), 5000);
  };

  // Sends the kept answers in order, one at a time; each leaves the device only once the server has
  // answered. Without the network (or when the server cannot answer now) they stay, and the form
  // carries on from them.
  async function send() {
    if (sending) {
      return;
    }

    sending = true;
    try {
      let last = null;
      while (state.queue.length > 0) {
        const item = state.queue[0];
        let response;
        let html;
        try {
          response = await fetch(data.action, { method: 'POST', body: bodyOf(item), credentials: 'same-origin', headers: { Accept: 'text/html' } });
          html = await response.text();
        } catch {
          renderLocal();
          status(text().offline);
          later();
          return;
        }

        if (response.status === 200) {
          state.queue.shift();
          save();
          last = { html, response };
          continue;
        }

        if (response.status === 400 || response.status === 404 || response.status === 410) {
          // Refused (the reason is on the page), or the link is gone: what was built on it goes too.
          state.queue = [];
          save();
          last = { html, response };
          break;
        }

        if (response.status === 403) {
          state.queue = [];
          save();
          status(text().stale);
          return;
        }

        // Busy or failing (429, 5xx): keep the answers and try again.
        renderLocal();
        status(text().retrying);
        later();
        return;
      }

      if (last) {
        swap(last.html, last.response);
      }

      status(wasOffline ? text().synced : '');
      wasOffline = false;
    } finally {
      sending = false;
    }
  }

  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.getAttribute('action') !== data.action) {
      return;
    }

    event.preventDefault();
    const fields = new FormData(form);
    const back = Boolean(event.submitter && event.submitter.name === 'back');
    const question = String(fields.get('question') || '');
    const item = { op: newId(), question, answer: '', back };
    if (!back) {
      const q = data.questions.find((x) => x.id === question);
      const typed = fields.get('answer') === null ? '' : String(fields.get('answer'));
      if (q) {
        const [clean, error] = validate(q, typed);
        if (error) {
          renderLocal(error, typed);
          return;
        }

        item.answer = clean;
      } else {
        item.answer = typed;
      }
    }

    state.queue.push(item);
    save();
    if (sending) {
      renderLocal();
    }

    send();
  });

  const keyBytes = (base64url) => {
    const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
    const raw = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    return Uint8Array.from(raw, (c) => c.charCodeAt(0));
  };

  // After signup: web push, if the browser can and the person has not refused it.
  function offerPush() {
    const box = document.getElementById('push');
    if (!box || !data.push || !('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)
      || Notification.permission === 'denied') {
      return;
    }

    box.hidden = false;
    const button = box.querySelector('button');
    const note = box.querySelector('.push-status');
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        if (await Notification.requestPermission() !== 'granted') {
          note.textContent = text().pushDenied;
          return;
        }

        const registration = await navigator.serviceWorker.ready;
        const subscription = await registration.pushManager.getSubscription()
          || await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(data.push.key) });
        const response = await fetch(data.push.url, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ csrf: data.csrf, subscription }),
        });
        note.textContent = response.ok ? text().pushDone : text().pushFailed;
      } catch {
        note.textContent = text().pushFailed;
        button.disabled = false;
      }
    });
  }

  if ('serviceWorker' in navigator && data.worker) {
    // After the page has loaded: the worker's install (fetching the assets) never competes with the first paint.
    const register = () => navigator.serviceWorker.register(data.worker, { scope: '/l/' }).catch(() => {});
    if (document.readyState === 'complete') {
      register();
    } else {
      window.addEventListener('load', register, { once: true });
    }
  }

  window.addEventListener('online', () => send());
  if (state.queue.length > 0) {
    // Answers kept from before (offline, or the tab closed before they went): carry on from them, and send them.
    renderLocal();
    send();
  } else {
    offerPush();
  }
})();
