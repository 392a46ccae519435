import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';

/** One call the bot made to the Bot Framework connector. */
export interface Captured {
  method: string;
  /** The conversation the call was for, decoded. */
  conversationId: string;
  /** The activity id in the path: the one replied to (POST) or updated (PUT). */
  pathActivityId?: string;
  /** The id this fake connector gave the activity, as Teams gives the card's message an id. */
  assignedId: string;
  activity: Partial<Activity>;
}

export interface WaitOptions {
  /** Only calls captured after this mark (from `mark()`) count. */
  after?: number;
  timeoutMs?: number;
  /** Named in the failure, to say what never arrived. */
  description?: string;
}

/** How the connector answers a call instead of accepting it: a status, perhaps late. */
export interface Refusal {
  status: number;
  /** Milliseconds before the answer is sent. */
  delayMs?: number;
}

export interface CaptureOptions {
  /** Answers the calls it returns a refusal for with that status (captured all the same). */
  refuse?: (activity: Partial<Activity>) => Refusal | undefined;
}

const ACTIVITIES_PATH = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?\/?(?:\?.*)?$/;

/**
 * A stand-in for the Bot Framework connector (Teams' side of the conversation) on
 * 127.0.0.1: point an activity's `serviceUrl` at `url` and every reply (POST
 * /v3/conversations/{id}/activities/{replyToId}) and card update (PUT
 * /v3/conversations/{id}/activities/{activityId}) the bot makes is captured here.
 */
export class CaptureConnector {
  readonly received: Captured[] = [];
  private readonly waiters = new Set<() => void>();
  private nextId = 0;

  private constructor(
    private readonly server: Server,
    /** The serviceUrl to give activities, with its trailing slash. */
    readonly url: string,
    private readonly options: CaptureOptions = {},
  ) {}

  static async start(options: CaptureOptions = {}): Promise<CaptureConnector> {
    let connector: CaptureConnector | undefined;
    const server = createServer((request, response) => {
      connector?.handle(request, response);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    connector = new CaptureConnector(server, `http://127.0.0.1:${port}/`, options);
    return connector;
  }

  /** The position to wait after: calls captured from now on. */
  mark(): number {
    return this.received.length;
  }

  /** The calls captured since a mark. */
  since(mark: number): Captured[] {
    return this.received.slice(mark);
  }

  /** Waits (bounded) for a call matching the predicate. */
  async waitFor(
    predicate: (captured: Captured) => boolean,
    options: WaitOptions = {},
  ): Promise<Captured> {
    const { after = 0, timeoutMs = 5_000, description = 'the expected call' } = options;
    const find = () => this.received.slice(after).find(predicate);
    const found = find();
    if (found) return found;
    return new Promise<Captured>((resolve, reject) => {
      const check = () => {
        const match = find();
        if (!match) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(match);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(
          new Error(
            `the connector never received ${description} within ${timeoutMs} ms; it received: ${JSON.stringify(
              this.since(after).map((c) => ({
                method: c.method,
                type: c.activity.type,
                text: c.activity.text,
              })),
            )}`,
          ),
        );
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const match = ACTIVITIES_PATH.exec(request.url ?? '');
      if (!match) {
        response.writeHead(404, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { code: 'NotFound', message: request.url } }));
        return;
      }
      const text = Buffer.concat(chunks).toString('utf8');
      const activity = (text === '' ? {} : JSON.parse(text)) as Partial<Activity>;
      this.nextId += 1;
      const assignedId =
        request.method === 'PUT' && match[2] ? decodeURIComponent(match[2]) : `sent-${this.nextId}`;
      this.received.push({
        method: request.method ?? '',
        conversationId: decodeURIComponent(match[1] ?? ''),
        ...(match[2] ? { pathActivityId: decodeURIComponent(match[2]) } : {}),
        assignedId,
        activity,
      });
      const refusal = this.options.refuse?.(activity);
      if (refusal) {
        const answer = () => {
          response.writeHead(refusal.status, { 'content-type': 'application/json' });
          response.end(
            JSON.stringify({ error: { code: 'Refused', message: 'refused on purpose' } }),
          );
        };
        if (refusal.delayMs) setTimeout(answer, refusal.delayMs);
        else answer();
      } else {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ id: assignedId }));
      }
      for (const waiter of [...this.waiters]) waiter();
    });
  }
}
