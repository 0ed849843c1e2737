import type { Fields } from '../csv-table.js';
import { reject } from '../rejection.js';
import { optional, required } from './fields.js';

export const regionColumns = ['code', 'name', 'parent_code'] as const;

export interface RegionRow {
  code: string;
  name: string;
  parentCode: string | null;
}

export function parseRegionRow(fields: Fields<(typeof regionColumns)[number]>): RegionRow {
  const row = { code: required(fields, 'code'), name: required(fields, 'name'), parentCode: optional(fields, 'parent_code') };
  if (row.parentCode === row.code) reject(`region ${row.code} cannot be its own parent`);
  return row;
}
