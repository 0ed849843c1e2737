import { html } from '../html.js';
import type { Dictionary } from '../i18n.js';
import { layout } from './layout.js';

export function signInPage(dict: Dictionary): string {
  const { t } = dict;
  return layout(
    { dict },
    t.signIn,
    html`<h1>${t.signIn}</h1>
<form method="post" action="/api/session" data-api="/api/session" data-next="/" class="sign-in">
<label>${t.email} <input type="email" name="email" autocomplete="username" required></label>
<label>${t.password} <input type="password" name="password" autocomplete="current-password" required></label>
<label>${t.secondFactorCode} <input type="text" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="64"></label>
<button>${t.signIn}</button>
<p class="error" data-error></p>
</form>`,
  );
}
