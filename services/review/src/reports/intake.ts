import { z } from 'zod';
import { accountOfUrl } from '@netra/core';
import { ReportRepository } from '@netra/db';
import { defaultImageLimits, inspectImage, UnacceptableImage } from '@netra/media';
import type { ReviewContext } from '../context.js';
import { httpError } from '../errors.js';
import { isUnstorable } from '../input-hygiene.js';

/** The largest screenshot a reporter may upload. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

// Form fields are not JSON, so the app's input-hygiene hook does not see them: checked here.
const storable = (field: string) => [(v: string) => !isUnstorable(v), { message: `${field} memuat karakter yang tidak sah` }] as const;
const text = (field: string, min: number, max: number, what: string) =>
  z
    .string({ error: `${field} wajib diisi` })
    .trim()
    .min(min, `${field}: ${what}, paling sedikit ${min} karakter`)
    .max(max, `${field}: paling banyak ${max} karakter`)
    .refine(...storable(field));

export const reportSchema = z.strictObject({
  url: text('url', 8, 2048, 'alamat postingan')
    .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), { message: 'url: harus alamat http(s) postingan yang dilaporkan' }),
  description: text('description', 10, 4000, 'apa yang terlihat di postingan'),
  contact: z
    .string()
    .trim()
    .max(300, 'contact: paling banyak 300 karakter')
    .refine(...storable('contact'))
    .optional()
    .transform((v) => (v === '' ? undefined : v)),
});
export type ReportInput = z.output<typeof reportSchema>;

/**
 * Takes a report: the link, what was seen, an optional contact and screenshot. Everything is
 * checked before anything is kept: a screenshot that is not an image we accept (or too large)
 * refuses the whole report with the reason, nothing stored. The capture worker opens the link
 * later (the scheduler queues every report still 'received').
 */
export async function receiveReport(
  ctx: ReviewContext,
  input: ReportInput,
  from: { source: 'public' } | { source: 'staff'; userId: number },
  upload: Buffer | null,
): Promise<{ id: string; status: 'received' }> {
  let uploadSha256: string | null = null;
  if (upload) {
    try {
      const facts = await inspectImage(upload, { ...defaultImageLimits, maxBytes: MAX_UPLOAD_BYTES });
      uploadSha256 = facts.sha256;
    } catch (error) {
      if (error instanceof UnacceptableImage) throw httpError('invalidUpload', { reason: error.message });
      throw error;
    }
    await ctx.mediaStore.put(uploadSha256, upload);
  }
  const account = accountOfUrl(input.url);
  const id = await new ReportRepository(ctx.db).create({
    source: from.source,
    submittedBy: from.source === 'staff' ? from.userId : null,
    url: input.url,
    platform: account?.platform ?? null,
    handle: account?.handle ?? null,
    description: input.description,
    contact: input.contact ?? null,
    uploadSha256,
  });
  return { id, status: 'received' };
}
