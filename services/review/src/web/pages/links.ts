import type { QueueOrder } from '@netra/db';

/** Where an item's page is, remembering the queue order the reviewer works in (priority is the default). */
export const itemHref = (itemId: string, order: QueueOrder) => `/items/${itemId}${order === 'oldest' ? '?sort=oldest' : ''}`;

/** The item to take after this one, in the same order. */
export const nextItemHref = (afterItemId: string, order: QueueOrder) => `/items/next?after=${afterItemId}${order === 'oldest' ? '&sort=oldest' : ''}`;
