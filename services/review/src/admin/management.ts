import { z } from 'zod';
import { MIN_PASSWORD_LENGTH, outboundUrlProblem, roles, type OutboundPolicy } from '@netra/core';
import { AgencySettingsRepository, createUser, emailOfUser, listUsers, SecondFactorRepository, updateUser, type Db, type SignInThrottle } from '@netra/db';

/**
 * User and agency management shared by the admin API and the CLI, so both validate the same way.
 * Form posts send strings, so booleans and ids also accept their text forms.
 */
const booleanish = z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]);
const optionalId = z.union([z.number().int().positive(), z.string().regex(/^[0-9]+$/).transform(Number), z.literal('').transform(() => null), z.null()]);
const optionalText = <T extends z.ZodType<string>>(schema: T) => z.union([schema, z.literal('').transform(() => null), z.null()]);

export const newUserSchema = z.strictObject({
  email: z.email().max(320),
  display_name: z.string().trim().min(1).max(200),
  role: z.enum(roles),
  agency_id: optionalId.optional(),
  password: z.string().min(MIN_PASSWORD_LENGTH).max(1024),
});

export const userChangeSchema = z.strictObject({
  display_name: z.string().trim().min(1).max(200).optional(),
  role: z.enum(roles).optional(),
  agency_id: optionalId.optional(),
  disabled: booleanish.optional(),
  password: z.string().min(MIN_PASSWORD_LENGTH).max(1024).optional(),
  /** Clears a sign-in lockout of the user's address. */
  unlock: booleanish.optional(),
  /** Removes the user's authenticator and recovery codes (a lost phone): they enrol again at next sign-in. */
  reset_second_factor: booleanish.optional(),
});

/** A webhook must be one the forwarder may reach: refused here, not after a case was confirmed. */
const webhookUrl = (outbound: OutboundPolicy) =>
  z.url({ protocol: /^https?$/ }).max(2000).superRefine((value, context) => {
    const problem = outboundUrlProblem(value, outbound);
    if (problem) context.addIssue({ code: 'custom', message: `webhook_url ${problem}` });
  });

export const agencyChangeSchema = (outbound: OutboundPolicy) =>
  z.strictObject({
    requires_four_eyes: booleanish.optional(),
    email_cases: booleanish.optional(),
    webhook_url: optionalText(webhookUrl(outbound)).optional(),
    contact_email: optionalText(z.email().max(320)).optional(),
  });

export async function addUser(db: Db, input: z.output<typeof newUserSchema>) {
  return createUser(db, {
    email: input.email,
    displayName: input.display_name,
    role: input.role,
    agencyId: input.agency_id ?? null,
    password: input.password,
  });
}

/** Applies a change; false when there is no such user. */
export async function changeUser(db: Db, throttle: SignInThrottle, userId: number, input: z.output<typeof userChangeSchema>): Promise<boolean> {
  const changed = await updateUser(db, userId, {
    ...(input.display_name !== undefined ? { displayName: input.display_name } : {}),
    ...(input.role !== undefined ? { role: input.role } : {}),
    ...(input.agency_id !== undefined ? { agencyId: input.agency_id } : {}),
    ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
    ...(input.password !== undefined ? { password: input.password } : {}),
  });
  if (changed && input.reset_second_factor) await new SecondFactorRepository(db).reset(userId);
  if (changed && input.unlock) {
    await throttle.clear(await emailOfUser(db, userId));
  }
  return changed;
}

export async function changeAgency(db: Db, agencyId: number, input: z.output<ReturnType<typeof agencyChangeSchema>>): Promise<boolean> {
  return new AgencySettingsRepository(db).update(agencyId, {
    ...(input.requires_four_eyes !== undefined ? { requiresFourEyes: input.requires_four_eyes } : {}),
    ...(input.email_cases !== undefined ? { emailCases: input.email_cases } : {}),
    ...(input.webhook_url !== undefined ? { webhookUrl: input.webhook_url } : {}),
    ...(input.contact_email !== undefined ? { contactEmail: input.contact_email } : {}),
  });
}

export { listUsers };
