import { Agent, request } from 'node:http';

/** One HTTP exchange as a client sees it: the status, the body (parsed when JSON) and the time taken. */
export interface Exchange {
  status: number;
  body: unknown;
  ms: number;
}

/**
 * A small keep-alive JSON client over node:http, the same for the echo bot and the wizard so
 * that the client's own cost is the same on both sides of a ratio.
 */
export class JsonClient {
  private readonly agent: Agent;

  constructor(maxSockets: number) {
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  post(url: string, payload: unknown, timeoutMs = 10_000): Promise<Exchange> {
    const body = Buffer.from(JSON.stringify(payload));
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        {
          method: 'POST',
          agent: this.agent,
          headers: { 'content-type': 'application/json', 'content-length': body.length },
          timeout: timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            if (text !== '' && String(res.headers['content-type'] ?? '').includes('json')) {
              try {
                parsed = JSON.parse(text);
              } catch {
                parsed = text;
              }
            }
            resolve({ status: res.statusCode ?? 0, body: parsed, ms: performance.now() - started });
          });
        },
      );
      req.on('timeout', () =>
        req.destroy(new Error(`POST ${url} timed out after ${timeoutMs} ms`)),
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
