// Netra review pages: sends forms marked data-api to the JSON API with the session's CSRF token.
// Served as a file so the Content-Security-Policy can forbid inline scripts.
'use strict';

const csrfToken = document.querySelector('meta[name="netra-csrf"]')?.getAttribute('content');

document.addEventListener('submit', async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.dataset.api) return;
  event.preventDefault();
  const method = form.dataset.method ?? 'POST';
  const fields = Object.fromEntries([...new FormData(form)].filter(([, value]) => value !== ''));
  const headers = { 'x-netra-csrf': csrfToken ?? '' };
  const init = method === 'DELETE' ? { method, headers } : { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(fields) };
  const response = await fetch(form.dataset.api, { ...init, credentials: 'same-origin' });
  if (response.ok) {
    location.assign(form.dataset.next ?? location.href);
    return;
  }
  const problem = await response.json().catch(() => ({ message: response.statusText }));
  const errorBox = document.querySelector('[data-error]');
  if (errorBox) errorBox.textContent = problem.message ?? 'Gagal';
});
