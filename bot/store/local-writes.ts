import type { IncomingMessage, ServerResponse } from 'node:http';
import { containerDefinition, type JournalEntry, type StoredDocument } from './local-data.js';

/**
 * The writes the embedded server answers, read from its requests and answers: what each one
 * changed, as journal lines, and the hold that lets an answer through only once they are on
 * disk.
 */

/** A request that changes data, with what the answer's body must be read with. */
export type Write =
  | { kind: 'database' }
  | { kind: 'drop-database'; db: string }
  | { kind: 'container'; db: string }
  | { kind: 'drop-container'; db: string; coll: string }
  | { kind: 'put'; db: string; coll: string }
  | { kind: 'delete'; db: string; coll: string; id: string; partitionKey: unknown }
  | { kind: 'bulk'; db: string; coll: string };

/** What the request changes, judged as the server's router does (method, path, headers). */
export function writeOf(request: IncomingMessage): Write | undefined {
  const method = request.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') return undefined;
  const header = (name: string) => String(request.headers[name] ?? '').toLowerCase();
  if (header('x-ms-documentdb-isquery') === 'true') return undefined;
  if (header('content-type').startsWith('application/query+json')) return undefined;
  // Not new URL(): @azure/cosmos may send a path starting with `//`, which a URL reads as a host.
  const path = (request.url ?? '/').split('?')[0] ?? '/';
  const parts = path
    .split('/')
    .filter((part) => part !== '')
    .map((part) => decodeURIComponent(part));
  const [dbs, db, colls, coll, docs, id] = parts;
  if (dbs !== 'dbs') return undefined;
  if (db === undefined) return method === 'POST' ? { kind: 'database' } : undefined;
  if (colls === undefined) return method === 'DELETE' ? { kind: 'drop-database', db } : undefined;
  if (colls !== 'colls') return undefined;
  if (coll === undefined) return method === 'POST' ? { kind: 'container', db } : undefined;
  if (docs === undefined) {
    if (method === 'DELETE') return { kind: 'drop-container', db, coll };
    return method === 'PUT' ? { kind: 'container', db } : undefined;
  }
  if (docs !== 'docs' || parts.length > 6) return undefined;
  if (id === undefined) {
    if (method !== 'POST') return undefined;
    return header('x-ms-cosmos-is-batch-request') === 'true' &&
      header('x-ms-documentdb-is-upsert') !== 'true'
      ? { kind: 'bulk', db, coll }
      : { kind: 'put', db, coll };
  }
  if (method === 'DELETE')
    return {
      kind: 'delete',
      db,
      coll,
      id,
      partitionKey: request.headers['x-ms-documentdb-partitionkey'],
    };
  return method === 'PUT' || method === 'PATCH' ? { kind: 'put', db, coll } : undefined;
}

const isObject = (value: unknown): value is StoredDocument =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** The changes a successful answer reports, as journal lines. */
function entriesOf(write: Write, answer: unknown, requestBody: () => unknown): JournalEntry[] {
  switch (write.kind) {
    case 'database':
      return isObject(answer) && typeof answer.id === 'string'
        ? [{ op: 'database', db: answer.id }]
        : [];
    case 'drop-database':
      return [{ op: 'drop-database', db: write.db }];
    case 'container': {
      const container = isObject(answer) ? containerDefinition(answer) : undefined;
      return container ? [{ op: 'container', db: write.db, container }] : [];
    }
    case 'drop-container':
      return [{ op: 'drop-container', db: write.db, coll: write.coll }];
    case 'put':
      return isObject(answer) ? [{ op: 'put', db: write.db, coll: write.coll, doc: answer }] : [];
    case 'delete':
      return [
        {
          op: 'delete',
          db: write.db,
          coll: write.coll,
          id: write.id,
          partitionKey: write.partitionKey,
        },
      ];
    case 'bulk': {
      // Each result answers the operation at its index; a delete's result has no body.
      const results = Array.isArray(answer) ? answer : [];
      const operations = requestBody();
      const inputs = Array.isArray(operations) ? operations : [];
      const entries: JournalEntry[] = [];
      for (const [index, result] of results.entries()) {
        if (!isObject(result) || typeof result.statusCode !== 'number') continue;
        if (result.statusCode >= 300) continue;
        const input: unknown = inputs[index];
        const operation = isObject(input) ? String(input.operationType ?? '') : '';
        if (operation === 'Delete' && isObject(input) && typeof input.id === 'string') {
          entries.push({
            op: 'delete',
            db: write.db,
            coll: write.coll,
            id: input.id,
            partitionKey: input.partitionKey,
          });
        } else if (operation !== 'Read' && isObject(result.resourceBody)) {
          entries.push({ op: 'put', db: write.db, coll: write.coll, doc: result.resourceBody });
        }
      }
      return entries;
    }
  }
}

/**
 * Lets the server's answer to a write through only once its changes are in the journal on
 * disk. The server writes each answer with one `end(body)` and no headers before it, so the
 * answer is held there; a journal that cannot be written turns it into a 500.
 */
export function holdUntilDurable(
  durable: { record(entries: JournalEntry[]): Promise<void> },
  write: Write,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  const chunks: Buffer[] = [];
  if (write.kind === 'bulk') request.on('data', (chunk: Buffer) => chunks.push(chunk));
  const requestBody = () => parseJson(Buffer.concat(chunks).toString('utf8'));
  const end = response.end.bind(response) as (body?: string) => ServerResponse;
  const held = (body?: string): ServerResponse => {
    if (response.statusCode >= 300) return end(body);
    const answer = typeof body === 'string' ? parseJson(body) : undefined;
    const entries = entriesOf(write, answer, requestBody);
    if (entries.length === 0) return end(body);
    durable.record(entries).then(
      () => end(body),
      (error: unknown) => {
        response.statusCode = 500;
        end(
          JSON.stringify({ message: `the local data file could not be written: ${String(error)}` }),
        );
      },
    );
    return response;
  };
  (response as { end: typeof held }).end = held;
}
