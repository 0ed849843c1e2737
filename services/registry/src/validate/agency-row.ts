import type { OutboundPolicy } from '@netra/core';
import type { Fields } from '../csv-table.js';
import { email, optional, required, webhookUrl } from './fields.js';

export const agencyColumns = ['code', 'name', 'region_code', 'webhook_url', 'contact_email'] as const;

export interface AgencyRow {
  code: string;
  name: string;
  regionCode: string;
  webhookUrl: string | null;
  contactEmail: string | null;
}

export function parseAgencyRow(fields: Fields<(typeof agencyColumns)[number]>, outbound: OutboundPolicy): AgencyRow {
  const webhook = optional(fields, 'webhook_url');
  const contactEmail = optional(fields, 'contact_email');
  return {
    code: required(fields, 'code'),
    name: required(fields, 'name'),
    regionCode: required(fields, 'region_code'),
    webhookUrl: webhook === null ? null : webhookUrl('webhook_url', webhook, outbound),
    contactEmail: contactEmail === null ? null : email('contact_email', contactEmail),
  };
}
