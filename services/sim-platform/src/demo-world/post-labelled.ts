import type { SimStatus } from '../world/types.js';
import type { World } from '../world/world.js';
import type { LabelledText } from './texts/types.js';

/** Posts an ASN's text with its ground truth attached. */
export function postLabelled(world: World, acct: string, post: LabelledText, at: Date, inReplyToId?: string): SimStatus {
  return world.post({
    acct,
    text: post.text,
    createdAt: at,
    inReplyToId,
    mediaDescriptions: post.media,
    label: { codes: post.codes, ...(post.note ? { note: post.note } : {}) },
  });
}
