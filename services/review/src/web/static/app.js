// Netra review pages: sends forms marked data-api to the JSON API with the session's CSRF token,
// keeps a held claim alive while its page is open, and offers single-key shortcuts that open a
// form but never send it: a decision is only ever made by its button (or Enter in the form).
// Served as a file so the Content-Security-Policy can forbid inline scripts.
'use strict';

const csrfToken = document.querySelector('meta[name="netra-csrf"]')?.getAttribute('content') ?? '';

function callApi(url, method, fields, background = false) {
  // A background call does not count as the person acting, so an unattended tab still times out.
  const headers = background ? { 'x-netra-csrf': csrfToken, 'x-netra-background': '1' } : { 'x-netra-csrf': csrfToken };
  const init = method === 'DELETE' ? { method, headers } : { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(fields ?? {}) };
  return fetch(url, { ...init, credentials: 'same-origin' });
}

/** Form fields as JSON: empty ones left out, names ending in [] collected into arrays. */
function fieldsOf(form) {
  const fields = {};
  for (const [name, value] of new FormData(form)) {
    if (name.endsWith('[]')) (fields[name.slice(0, -2)] ??= []).push(value);
    else if (value !== '') fields[name] = value;
  }
  return fields;
}

function showError(form, message) {
  const box = form.querySelector('[data-error]') ?? document.querySelector('[data-error]');
  if (box) box.textContent = message;
}

document.addEventListener('submit', async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.dataset.api) return;
  event.preventDefault();
  const response = await callApi(form.dataset.api, form.dataset.method ?? 'POST', fieldsOf(form));
  if (response.ok) {
    if (form.hasAttribute('data-show-result')) {
      const out = document.querySelector('[data-result]');
      if (out) out.textContent = JSON.stringify(await response.json(), null, 2);
      return;
    }
    location.assign(form.dataset.next ?? location.href);
    return;
  }
  const problem = await response.json().catch(() => ({ message: response.statusText }));
  showError(form, describeProblem(problem));
});

/** The API's message and, for invalid input, which field and why (the API names each one). */
function describeProblem(problem) {
  const details = Array.isArray(problem.details)
    ? problem.details.map((d) => (d.path ? `${[].concat(d.path).join('.')}: ${d.message}` : d.message)).filter(Boolean)
    : [];
  return [problem.message ?? 'Gagal', ...details].join(' — ');
}

// Select every item of the page for a bulk action.
document.querySelector('[data-select-all]')?.addEventListener('change', (event) => {
  for (const box of document.querySelectorAll('input[name="ids[]"]')) box.checked = event.target.checked;
});

// Heartbeat: renew a claim this person holds while the page is visible, so a long look at a
// case does not lose it; an abandoned tab stops renewing and the lease runs out.
const heartbeat = document.querySelector('[data-heartbeat]');
if (heartbeat) {
  const every = Number(heartbeat.getAttribute('data-heartbeat-seconds')) * 1000;
  setInterval(() => {
    if (document.visibilityState === 'visible') callApi(heartbeat.getAttribute('data-heartbeat'), 'POST', {}, true);
  }, every);
}

// Shortcuts, ignored while typing in a field.
const rows = [...document.querySelectorAll('[data-item-row]')];
let current = -1;
function moveTo(index) {
  if (rows.length === 0) return;
  rows[current]?.classList.remove('current');
  current = Math.max(0, Math.min(rows.length - 1, index));
  rows[current].classList.add('current');
  rows[current].scrollIntoView({ block: 'nearest' });
}

document.addEventListener('keydown', (event) => {
  const target = event.target;
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement) return;
  const severity = { 1: 'ringan', 2: 'sedang', 3: 'berat' }[event.key];
  if (severity) {
    const select = document.querySelector('[data-severity]');
    if (select) select.value = severity;
    return;
  }
  if (event.key === 'j') return moveTo(current + 1);
  if (event.key === 'k') return moveTo(current - 1);
  if ((event.key === 'o' || event.key === 'Enter') && current >= 0) {
    rows[current].querySelector('[data-item-link]')?.click();
    return;
  }
  if (event.key === 'n') {
    document.querySelector('[data-next-item]')?.click();
    return;
  }
  const form = document.querySelector(`form[data-shortcut="${CSS.escape(event.key)}"]`);
  if (!form) return;
  event.preventDefault();
  // Open, never send: the form is marked and its first field (or its button) takes the focus.
  for (const open of document.querySelectorAll('form.opened')) open.classList.remove('opened');
  form.classList.add('opened');
  form.scrollIntoView({ block: 'center' });
  const first = form.querySelector('select, input:not([type=hidden]), button');
  first?.focus();
});
