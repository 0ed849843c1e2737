import type { Fields } from '../csv-table.js';
import { email, httpUrl, optional, required } from './fields.js';

export const agencyColumns = ['code', 'name', 'region_code', 'webhook_url', 'contact_email'] as const;

export interface AgencyRow {
  code: string;
  name: string;
  regionCode: string;
  webhookUrl: string | null;
  contactEmail: string | null;
}

export function parseAgencyRow(fields: Fields<(typeof agencyColumns)[number]>): AgencyRow {
  const webhookUrl = optional(fields, 'webhook_url');
  const contactEmail = optional(fields, 'contact_email');
  return {
    code: required(fields, 'code'),
    name: required(fields, 'name'),
    regionCode: required(fields, 'region_code'),
    webhookUrl: webhookUrl === null ? null : httpUrl('webhook_url', webhookUrl),
    contactEmail: contactEmail === null ? null : email('contact_email', contactEmail),
  };
}
