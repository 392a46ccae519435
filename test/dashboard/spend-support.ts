/**
 * A small payment file made by hand, for the spend API and browser tests, and what its figures
 * are, worked out by hand below. Requests to the spend routes, as the page makes them.
 */
import assert from 'node:assert/strict';
import type { App } from '../../bot/app.js';

/**
 * 2024-25 (the baseline, all twelve months): each month Fellside Catering (S1) £100 and
 * Northern Fleet (S2) £300: £4,800 in all.
 * 2025-26 (all twelve months): each month Fellside £250 and Northern £150 (£3,000 and £1,800),
 * Lakeland Uniforms (no id) £1,000 on 10 June 2025 and a redacted £200 on 20 July 2025:
 * £6,000 in all.
 * Two bad rows: line 4 (a date that does not exist) and line 9 (no amount).
 */
export function spendCsv(): string {
  const lines = ['Transaction Date,Supplier Name,Supplier ID,Amount,Department'];
  for (let i = 0; i < 12; i += 1) {
    const month = String(((i + 3) % 12) + 1).padStart(2, '0');
    const first = Number(month) >= 4 ? 2024 : 2025;
    lines.push(`15/${month}/${first},Fellside Catering Ltd,S1,£100.00,Estates`);
    lines.push(`15/${month}/${first},Northern Fleet Services,S2,300,Fleet`);
  }
  for (let i = 0; i < 12; i += 1) {
    const month = String(((i + 3) % 12) + 1).padStart(2, '0');
    const second = Number(month) >= 4 ? 2025 : 2026;
    lines.push(`15/${month}/${second},Fellside Catering Ltd,S1,250,Estates`);
    lines.push(`15/${month}/${second},Northern Fleet Services,S2,"£150.00",Fleet`);
  }
  lines.push('10/06/2025,Lakeland Uniforms,,"£1,000.00",Uniforms');
  lines.push('20/07/2025,REDACTED - personal data,,200,Personnel');
  // Bad rows go in at lines 4 and 9 (the header is line 1).
  lines.splice(3, 0, '31/02/2025,Fellside Catering Ltd,S1,10,Estates');
  lines.splice(8, 0, '12/05/2024,Northern Fleet Services,S2,,Fleet');
  return `${lines.join('\r\n')}\r\n`;
}

/** The same payments, its bad rows gone: a corrected file. */
export const correctedCsv = (): string =>
  spendCsv()
    .split('\r\n')
    .filter((line) => !line.startsWith('31/02/2025') && !line.endsWith(',S2,,Fleet'))
    .join('\r\n');

/** Fellside is a local SME (20 staff, in CA1); Northern is large and not local. */
export const SUPPLIER_LIST = [
  'Supplier name,Supplier ID,Employees,Postcode,VCSE',
  'Fellside Catering Ltd,S1,20,CA1 1AA,No',
  'Northern Fleet Services,S2,400,M1 1AE,No',
].join('\r\n');

export interface Sent {
  status: number;
  body: Record<string, unknown>;
}

/** Uploads a file as the page does: its bytes as the body, its name and choices in the address. */
export async function upload(
  app: App,
  path: string,
  token: string,
  name: string,
  body: string | Buffer,
  params: Record<string, string> = {},
): Promise<Sent> {
  const query = new URLSearchParams({ name, ...params });
  const response = await fetch(`${app.url}${path}?${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

/** A JSON write (a supplier, a target), as the page sends it. */
export async function write(
  app: App,
  method: string,
  path: string,
  token: string,
  body: unknown,
): Promise<Sent> {
  const response = await fetch(`${app.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

/** A local sign-in token for a person of the local data. */
export async function signIn(app: App, tenantId: string, userId: string): Promise<string> {
  const response = await fetch(`${app.url}/dashboard/local/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenantId, userId }),
  });
  assert.equal(response.status, 200);
  return ((await response.json()) as { token: string }).token;
}

/** A table's row by its first cell, from a view's answer. */
export function rowOf(body: { tables: unknown }, tableId: string, first: string): unknown[] {
  const tables = body.tables as { id: string; rows: unknown[][] }[];
  const row = tables.find((t) => t.id === tableId)?.rows.find((r) => r[0] === first);
  assert.ok(
    row,
    `no row "${first}" in ${tableId}: ${JSON.stringify(tables.find((t) => t.id === tableId)?.rows)}`,
  );
  return row;
}
