import { MIN_PASSWORD_LENGTH, roles } from '@netra/core';
import type { UserListing } from '@netra/db';
import { html } from '../html.js';
import type { Dictionary } from '../i18n.js';
import { layout, type PageSession } from './layout.js';
import { when } from '../time.js';

export interface AdminView {
  users: UserListing[];
  agencies: {
    id: number;
    code: string;
    name: string;
    webhook_url: string | null;
    contact_email: string | null;
    requires_four_eyes: boolean;
    email_cases: boolean;
  }[];
  now: Date;
}

export function adminPage(dict: Dictionary, session: PageSession, view: AdminView): string {
  const { t, labels } = dict;
  const yesNo = (name: string, value: boolean) =>
    html`<select name="${name}"><option value="true"${value ? html` selected` : ''}>${t.yes}</option><option value="false"${value ? '' : html` selected`}>${t.no}</option></select>`;
  const agencyOptions = (selectedId: number | null) =>
    html`<option value="">—</option>${view.agencies.map((a) => html`<option value="${a.id}"${a.id === selectedId ? html` selected` : ''}>${a.code}</option>`)}`;
  const roleOptions = (selectedRole: string) =>
    roles.map((role) => html`<option value="${role}"${role === selectedRole ? html` selected` : ''}>${labels.role[role]}</option>`);
  return layout(
    { dict, session },
    t.admin,
    html`<h1>${t.admin}</h1>
<p class="error" data-error></p>
<section>
<h2>${t.users}</h2>
<table>
<thead><tr><th>${t.email}</th><th>${t.displayName}</th><th>${t.role} / ${t.agency}</th><th>${t.disabled}</th><th>${t.lockedUntil}</th><th></th></tr></thead>
<tbody>${view.users.map(
      (u) => html`<tr data-user="${u.email}">
<td>${u.email}</td><td>${u.display_name}</td>
<td><form data-api="/api/admin/users/${u.id}" data-method="PATCH"><select name="role">${roleOptions(u.role)}</select>
<select name="agency_id">${agencyOptions(u.agency_id)}</select><button>${t.save}</button></form></td>
<td>${u.disabled_at ? when(u.disabled_at) : '—'}</td>
<td>${u.locked_until && u.locked_until > view.now ? when(u.locked_until) : '—'}</td>
<td><form data-api="/api/admin/users/${u.id}" data-method="PATCH"><input type="hidden" name="disabled" value="${u.disabled_at ? 'false' : 'true'}"><button>${u.disabled_at ? t.enable : t.disable}</button></form>
${u.locked_until && u.locked_until > view.now ? html`<form data-api="/api/admin/users/${u.id}" data-method="PATCH"><input type="hidden" name="unlock" value="true"><button>${t.unlock}</button></form>` : ''}</td>
</tr>`,
    )}</tbody>
</table>
<h3>${t.addUser}</h3>
<form data-api="/api/admin/users" class="add-user">
<label>${t.email} <input type="email" name="email" required></label>
<label>${t.displayName} <input name="display_name" required></label>
<label>${t.role} <select name="role">${roleOptions('reviewer')}</select></label>
<label>${t.agency} <select name="agency_id">${agencyOptions(null)}</select></label>
<label>${t.password} <input type="password" name="password" minlength="${MIN_PASSWORD_LENGTH}" autocomplete="new-password" required></label>
<button>${t.addUser}</button>
</form>
</section>
<section>
<h2>${t.agencies}</h2>
<table>
<thead><tr><th>${t.agency}</th><th>${t.fourEyes}</th><th>${t.emailCases}</th><th>${t.webhookUrl}</th><th>${t.contactEmail}</th><th></th></tr></thead>
<tbody>${view.agencies.map(
      (a) => html`<tr data-agency="${a.code}"><td>${a.name} (${a.code})</td>
<td colspan="5"><form data-api="/api/admin/agencies/${a.id}" data-method="PATCH" class="inline">
${yesNo('requires_four_eyes', a.requires_four_eyes)} ${yesNo('email_cases', a.email_cases)}
<input name="webhook_url" type="url" value="${a.webhook_url ?? ''}" aria-label="${t.webhookUrl}">
<input name="contact_email" type="email" value="${a.contact_email ?? ''}" aria-label="${t.contactEmail}">
<button>${t.save}</button></form></td></tr>`,
    )}</tbody>
</table>
</section>
<section>
<h2>${t.rebuild}</h2>
<p>${t.rebuildHelp}</p>
<form data-api="/api/admin/rebuild-status" data-show-result><button>${t.rebuild}</button></form>
<pre data-result></pre>
</section>`,
  );
}
