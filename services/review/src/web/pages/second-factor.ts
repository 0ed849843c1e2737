import { html } from '../html.js';
import type { Dictionary } from '../i18n.js';
import { layout, type PageSession } from './layout.js';

/**
 * Enrolling the authenticator: the key and its otpauth link to add to the app, and the form
 * that confirms the first code; the recovery codes come back in the answer, shown once.
 */
export function secondFactorPage(dict: Dictionary, session: PageSession, enrolment: { secret: string; uri: string }): string {
  const { t } = dict;
  return layout(
    { dict, session },
    t.secondFactorTitle,
    html`<h1>${t.secondFactorTitle}</h1>
<p>${t.secondFactorIntro}</p>
<dl class="second-factor">
<dt>${t.secondFactorSecret}</dt><dd><code data-totp-secret>${enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}</code></dd>
<dt>${t.secondFactorUri}</dt><dd><code>${enrolment.uri}</code></dd>
</dl>
<form data-api="/api/me/totp" data-show-result class="sign-in">
<label>${t.secondFactorCode} <input type="text" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" required></label>
<button>${t.secondFactorConfirm}</button>
<p class="error" data-error></p>
</form>
<p class="muted">${t.secondFactorDone}</p>
<pre data-result></pre>
<p><a href="/">${t.secondFactorContinue}</a></p>`,
  );
}
