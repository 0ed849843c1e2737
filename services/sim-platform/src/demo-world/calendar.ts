import type { Prng } from './prng.js';

/** Inclusive calendar dates, 'YYYY-MM-DD', in Western Indonesian Time (WIB). */
export interface DateWindow {
  from: string;
  to: string;
}

/** Everyday posting spans both 2024 campaigns and the months around them. */
export const everydayWindow: DateWindow = { from: '2023-10-02', to: '2024-12-20' };

const wibOffsetHours = 7;
const dayMs = 86_400_000;

/** A moment on a day in the window, between 06:00 and 22:59 WIB (people post while awake). */
/** An election's campaign period. */
export const campaignWindowOf = (election: { campaignStartsOn: string; campaignEndsOn: string }): DateWindow => ({ from: election.campaignStartsOn, to: election.campaignEndsOn });

export function momentIn(prng: Prng, window: DateWindow): Date {
  const from = Date.parse(`${window.from}T00:00:00Z`);
  const days = Math.round((Date.parse(`${window.to}T00:00:00Z`) - from) / dayMs);
  const day = from + prng.int(0, days) * dayMs;
  return new Date(day + (prng.int(6, 22) - wibOffsetHours) * 3_600_000 + prng.int(0, 59) * 60_000 + prng.int(0, 59) * 1000);
}

export function minutesAfter(prng: Prng, at: Date, minMinutes: number, maxMinutes: number): Date {
  return new Date(at.getTime() + prng.int(minMinutes * 60, maxMinutes * 60) * 1000);
}

const months = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** '2024-02-14' → '14 Februari', as people write a date in a post. */
export function spokenDate(isoDate: string): string {
  const [, month, day] = isoDate.split('-').map(Number);
  return `${day} ${months[(month ?? 1) - 1]}`;
}
