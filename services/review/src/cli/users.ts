import { randomBytes } from 'node:crypto';
import { InvalidInputError, loadConfig, parseCommandLine, runMain, type OutboundPolicy } from '@netra/core';
import { AgencySettingsRepository, connectDb, normaliseEmail, ReviewItemRepository, SignInThrottle, userIdByEmail, type Db } from '@netra/db';
import { addUser, agencyChangeSchema, changeAgency, changeUser, listUsers, newUserSchema, userChangeSchema } from '../admin/management.js';

const usage = `usage: npm run -s users -- <command>
  list                                          users, roles, agencies, locks
  add --email E --name N --role R [--agency CODE]
                                                password from NETRA_PASSWORD, else generated and printed
  set-role EMAIL ROLE [--agency CODE]
  set-password EMAIL                            from NETRA_PASSWORD, else generated and printed
  disable EMAIL | enable EMAIL | unlock EMAIL
  reset-second-factor EMAIL                     a lost phone: the user sets up an authenticator again at next sign-in
  agencies                                      each agency's case settings
  agency CODE [--four-eyes on|off] [--email-cases on|off] [--webhook URL|''] [--contact EMAIL|'']
  rebuild-status                                recompute every item's status from its event log
roles: reviewer, supervisor, central_reviewer, analyst, admin`;

/**
 * Users, roles and agencies' case settings from the command line (the admin page does the same),
 * and the status rebuild. Passwords never go on the command line, where `ps` would show them.
 */
runMain(async () => {
  const { positionals, values } = parseCommandLine(usage, {
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      agency: { type: 'string' },
      'four-eyes': { type: 'string' },
      'email-cases': { type: 'string' },
      webhook: { type: 'string' },
      contact: { type: 'string' },
    },
  });
  const [command, ...args] = positionals;
  if (!command || command === 'help') {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const { DATABASE_URL, OUTBOUND_ALLOWED_ADDRESSES } = loadConfig(['DATABASE_URL', 'OUTBOUND_ALLOWED_ADDRESSES']);
  const db = await connectDb(DATABASE_URL, { max: 2 });
  try {
    await run(db, command, args, values, { allowed: OUTBOUND_ALLOWED_ADDRESSES });
  } finally {
    await db.destroy();
  }
});

type Flags = Record<string, string | undefined>;

async function run(db: Db, command: string, args: string[], flags: Flags, outbound: OutboundPolicy): Promise<void> {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  switch (command) {
    case 'list':
      for (const u of await listUsers(db)) {
        const state = [u.disabled_at ? 'disabled' : '', u.locked_until && u.locked_until > new Date() ? `locked until ${u.locked_until.toISOString()}` : '']
          .filter(Boolean)
          .join(', ');
        out(`${String(u.id).padStart(4)}  ${u.email.padEnd(44)} ${u.role.padEnd(17)} ${(u.agency_code ?? '-').padEnd(20)} ${state}`);
      }
      return;
    case 'add': {
      const password = passwordFromEnv();
      const input = newUserSchema.parse({
        email: flags.email,
        display_name: flags.name,
        role: flags.role,
        agency_id: flags.agency ? await agencyId(db, flags.agency) : null,
        password: password.value,
      });
      const { id } = await addUser(db, input);
      out(`added user ${id} ${normaliseEmail(input.email)} (${input.role})`);
      if (password.generated) out(`password (generated): ${password.value}`);
      return;
    }
    case 'set-role': {
      const [email, role] = args;
      await change(db, email, { role, ...(flags.agency !== undefined ? { agency_id: flags.agency ? await agencyId(db, flags.agency) : null } : {}) });
      out(`${email}: role ${role}`);
      return;
    }
    case 'set-password': {
      const password = passwordFromEnv();
      await change(db, args[0], { password: password.value });
      out(`${args[0]}: password changed${password.generated ? ` (generated): ${password.value}` : ''}`);
      return;
    }
    case 'disable':
    case 'enable':
      await change(db, args[0], { disabled: command === 'disable' });
      out(`${args[0]}: ${command}d`);
      return;
    case 'unlock':
      await new SignInThrottle(db).clear(required(args[0], 'EMAIL'));
      out(`${args[0]}: unlocked`);
      return;
    case 'reset-second-factor':
      await change(db, args[0], { reset_second_factor: true });
      out(`${args[0]}: second factor reset; they set it up again at their next sign-in`);
      return;
    case 'agencies':
      for (const a of await new AgencySettingsRepository(db).list()) {
        out(`${a.code.padEnd(22)} four-eyes=${a.requires_four_eyes ? 'on' : 'off'} email-cases=${a.email_cases ? 'on' : 'off'} webhook=${a.webhook_url ?? '-'} contact=${a.contact_email ?? '-'}`);
      }
      return;
    case 'agency': {
      const code = required(args[0], 'CODE');
      const onOff = (value: string | undefined) => (value === undefined ? undefined : value === 'on' ? 'true' : value === 'off' ? 'false' : value);
      const input = agencyChangeSchema(outbound).parse({
        requires_four_eyes: onOff(flags['four-eyes']),
        email_cases: onOff(flags['email-cases']),
        webhook_url: flags.webhook,
        contact_email: flags.contact,
      });
      await changeAgency(db, await agencyId(db, code), input);
      out(`${code}: updated`);
      return;
    }
    case 'rebuild-status': {
      const result = await new ReviewItemRepository(db).rebuildProjections();
      out(JSON.stringify(result));
      if (result.brokenChains.length > 0) process.exitCode = 2;
      return;
    }
    default:
      throw new InvalidInputError(`unknown command '${command}'\n${usage}`);
  }
}

async function change(db: Db, email: string | undefined, input: Record<string, unknown>): Promise<void> {
  const userId = await userIdByEmail(db, required(email, 'EMAIL'));
  if (userId === undefined) throw new InvalidInputError(`no user with e-mail ${email}`);
  await changeUser(db, new SignInThrottle(db), userId, userChangeSchema.parse(input));
}

async function agencyId(db: Db, code: string): Promise<number> {
  const id = await new AgencySettingsRepository(db).idByCode(code);
  if (id === undefined) throw new InvalidInputError(`no agency with code ${code}`);
  return id;
}

function passwordFromEnv(): { value: string; generated: boolean } {
  const given = process.env.NETRA_PASSWORD;
  return given ? { value: given, generated: false } : { value: randomBytes(12).toString('base64url'), generated: true };
}

function required(value: string | undefined, what: string): string {
  if (!value) throw new InvalidInputError(`${what} is missing\n${usage}`);
  return value;
}
