import { localZones, type LocalZone } from '@netra/core';

const formats = new Map<LocalZone, Intl.DateTimeFormat>();

function formatIn(zone: LocalZone): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD: the unambiguous order evidence needs, in either language.
    format = new Intl.DateTimeFormat('en-CA', { timeZone: localZones[zone], year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formats.set(zone, format);
  }
  return format;
}

/** A time as a reviewer reads it: to the minute, in a named Indonesian zone (WIB by default). */
export function when(date: Date | string | null | undefined, zone: LocalZone = 'WIB'): string {
  if (!date) return '—';
  const parts = Object.fromEntries(formatIn(zone).formatToParts(new Date(date)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} ${zone}`;
}
