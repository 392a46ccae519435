import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An activity the bot sent to the connector, as far as the benchmark reads it. */
export interface CapturedActivity {
  type?: string;
  text?: string;
  replyToId?: string;
  attachments?: { contentType?: string; content?: unknown }[];
}

export interface CaptureCounts {
  /** POSTs of new activities (replies, typing indicators). */
  posts: number;
  /** PUTs (updates of an activity). */
  puts: number;
  /** Anything else the bot asked the connector for. */
  other: number;
  /** Activities received, by activity type. */
  byType: Record<string, number>;
}

/**
 * A local stand-in for the Bot Framework connector (the activity's serviceUrl): it answers
 * 200 to every POST or PUT of an activity, counts what it receives and keeps each reply
 * under the id of the activity it answers until a driver takes it.
 */
export interface CaptureServer {
  url: string;
  counts(): CaptureCounts;
  /** Removes and returns the activities sent in reply to an activity id. */
  take(replyToId: string): CapturedActivity[];
  close(): Promise<void>;
}

const ACTIVITY_PATH = /^\/v3\/conversations\/[^/]+\/activities(?:\/([^/?]+))?/;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseActivity(text: string): CapturedActivity {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as CapturedActivity) : {};
  } catch {
    return {};
  }
}

/** Separate calls: restify, loaded in this process, patches writeHead so that it no longer chains. */
function reply(response: ServerResponse, status: number, body: string): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json');
  response.end(body);
}

export async function startCaptureServer(): Promise<CaptureServer> {
  const counts: CaptureCounts = { posts: 0, puts: 0, other: 0, byType: {} };
  const replies = new Map<string, CapturedActivity[]>();
  let sequence = 0;

  const server: Server = createServer((request, response) => {
    readBody(request).then(
      (text) => {
        const match = ACTIVITY_PATH.exec(request.url ?? '');
        if (!match || (request.method !== 'POST' && request.method !== 'PUT')) {
          counts.other += 1;
          reply(response, 200, '{}');
          return;
        }
        if (request.method === 'POST') counts.posts += 1;
        else counts.puts += 1;
        const activity = parseActivity(text);
        const type = activity.type ?? 'unknown';
        counts.byType[type] = (counts.byType[type] ?? 0) + 1;
        const replyToId = match[1] ? decodeURIComponent(match[1]) : activity.replyToId;
        // Only messages are kept for a driver to read; typing indicators are only counted.
        if (replyToId && type === 'message') {
          const list = replies.get(replyToId) ?? [];
          list.push(activity);
          replies.set(replyToId, list);
        }
        sequence += 1;
        reply(response, 200, JSON.stringify({ id: `captured-${sequence}` }));
      },
      () => {
        reply(response, 400, '{}');
      },
    );
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts: () => ({ ...counts, byType: { ...counts.byType } }),
    take: (replyToId) => {
      const list = replies.get(replyToId) ?? [];
      replies.delete(replyToId);
      return list;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
