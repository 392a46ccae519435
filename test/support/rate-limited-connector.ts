import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** At most `limit` sends in any span of `ms` milliseconds. */
export interface Limit {
  limit: number;
  ms: number;
}

/** The Teams limits for one bot (ENVIRONMENT.md): per conversation, and per app per tenant. */
export const TEAMS_LIMITS = {
  conversation: [
    { limit: 7, ms: 1_000 },
    { limit: 8, ms: 2_000 },
    { limit: 60, ms: 30_000 },
    { limit: 1_800, ms: 3_600_000 },
  ] as Limit[],
  tenant: [{ limit: 30, ms: 1_000 }] as Limit[],
};

export interface Delivery {
  conversationId: string;
  tenantId: string;
  at: number;
  /** The activity as the bot sent it. */
  activity: Record<string, unknown>;
}

export interface ConnectorOptions {
  conversation?: Limit[];
  tenant?: Limit[];
  /** Answers 403 for these conversations: the user removed or blocked the app. */
  forbidden?: Set<string>;
  /** Fails the first N sends with this status (412, 502 or 504), then delivers. */
  faults?: { status: number; count: number };
  now?: () => number;
}

/**
 * A local Bot Framework connector that enforces the Teams rate limits as Teams does: a send
 * past any window is answered 429 (with Retry-After) and not delivered. Typing and other
 * activities count like messages. Listens on 127.0.0.1 only.
 */
export class RateLimitedConnector {
  readonly delivered: Delivery[] = [];
  /** Every answer given, by status. */
  readonly answers = new Map<number, number>();
  private readonly sent = new Map<string, number[]>();
  private faultsLeft: number;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly options: ConnectorOptions,
  ) {
    this.faultsLeft = options.faults?.count ?? 0;
  }

  static async start(options: ConnectorOptions = {}): Promise<RateLimitedConnector> {
    let connector: RateLimitedConnector | undefined;
    const server = createServer((request, response) => {
      void connector?.handle(request, response);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    connector = new RateLimitedConnector(server, `http://127.0.0.1:${port}/`, options);
    return connector;
  }

  /** How many sends were answered with this status. */
  count(status: number): number {
    return this.answers.get(status) ?? 0;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private answer(
    response: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void {
    this.answers.set(status, (this.answers.get(status) ?? 0) + 1);
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  }

  /** Milliseconds until a send under these limits is allowed again; 0 when it is now. */
  private wait(key: string, limits: Limit[], at: number): number {
    const times = this.sent.get(key) ?? [];
    let wait = 0;
    for (const { limit, ms } of limits) {
      const inWindow = times.filter((t) => t > at - ms);
      if (inWindow.length >= limit)
        wait = Math.max(wait, (inWindow[inWindow.length - limit] ?? at) + ms - at);
    }
    return wait;
  }

  private record(key: string, at: number, longest: number): void {
    const times = (this.sent.get(key) ?? []).filter((t) => t > at - longest);
    times.push(at);
    this.sent.set(key, times);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const match = /\/v3\/conversations\/([^/]+)\/activities/.exec(request.url ?? '');
    if (!match || (request.method !== 'POST' && request.method !== 'PUT')) {
      this.answer(response, 404, { error: { code: 'NotFound', message: 'no such route' } });
      return;
    }
    const conversationId = decodeURIComponent(match[1] ?? '');
    const activity = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<
      string,
      unknown
    >;
    const conversation = (activity.conversation ?? {}) as { tenantId?: string };
    const channelData = (activity.channelData ?? {}) as { tenant?: { id?: string } };
    const tenantId = conversation.tenantId ?? channelData.tenant?.id ?? 'unknown-tenant';
    if (this.options.forbidden?.has(conversationId)) {
      this.answer(response, 403, {
        error: {
          code: 'BotDisabledByAdmin',
          message: 'The bot is not part of the conversation roster.',
        },
      });
      return;
    }
    if (this.faultsLeft > 0 && this.options.faults) {
      this.faultsLeft -= 1;
      this.answer(response, this.options.faults.status, {
        error: { code: 'Fault', message: 'injected fault' },
      });
      return;
    }
    const at = this.now();
    const conversationLimits = this.options.conversation ?? TEAMS_LIMITS.conversation;
    const tenantLimits = this.options.tenant ?? TEAMS_LIMITS.tenant;
    const wait = Math.max(
      this.wait(`c:${conversationId}`, conversationLimits, at),
      this.wait(`t:${tenantId}`, tenantLimits, at),
    );
    if (wait > 0) {
      this.answer(
        response,
        429,
        { error: { code: 'TooManyRequests', message: 'Too many requests' } },
        { 'retry-after': String(Math.ceil(wait / 1_000)) },
      );
      return;
    }
    const longest = (limits: Limit[]) => Math.max(...limits.map((l) => l.ms));
    this.record(`c:${conversationId}`, at, longest(conversationLimits));
    this.record(`t:${tenantId}`, at, longest(tenantLimits));
    if (activity.type === 'message')
      this.delivered.push({ conversationId, tenantId, at, activity });
    this.answer(response, 200, { id: `delivered-${this.delivered.length}` });
  }
}
