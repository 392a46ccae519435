import type { CloudAdapter, TurnContext } from 'botbuilder';
import type restify from 'restify';
import { refuse } from './http-answers.js';
import { checkActivity } from './inbound-activity.js';
import { errorMessage, type Logger } from './log.js';

export interface MessagesDeps {
  adapter: CloudAdapter;
  handleTurn(context: TurnContext): Promise<void>;
  logger: Logger;
}

interface Answer {
  status: number;
  body?: unknown;
}

/**
 * Stands in for the HTTP response while the adapter handles an activity (the shape
 * botbuilder's CloudAdapter writes to), so that its answer can be looked at before it is
 * sent: its error bodies carry the SDK's own messages (a token that did not validate, an
 * OpenID metadata fetch that failed), which belong in the log.
 */
function capture(socket: unknown) {
  const answer: Answer = { status: 200 };
  const response = {
    socket,
    status: (code: number) => {
      answer.status = code;
    },
    header: () => undefined,
    send: (body: unknown) => {
      answer.body = body;
    },
    end: () => undefined,
  };
  return { answer, response };
}

/** An invoke's own answer in the protocol's shape (a card, or an error the card shows). */
const isInvokeBody = (body: unknown): boolean =>
  typeof body === 'object' &&
  body !== null &&
  typeof (body as { statusCode?: unknown }).statusCode === 'number' &&
  typeof (body as { type?: unknown }).type === 'string';

/**
 * POST /api/messages: the activity's shape is checked at the boundary (a bad one is a 4xx
 * that never reaches the SDK), then the adapter authenticates it and runs the turn. Its
 * answer is passed on, unless it is an error: that is answered in plain words, with the
 * details in the log.
 */
export async function receiveActivity(
  deps: MessagesDeps,
  req: restify.Request,
  res: restify.Response,
): Promise<void> {
  const { logger } = deps;
  if (!req.is('json')) {
    logger.warn('activity.refused', { status: 415, contentType: req.contentType() });
    refuse(res, 415);
    return;
  }
  const check = checkActivity(req.body);
  if (!check.ok) {
    // The field names only: the values may be personal data.
    logger.warn('activity.refused', { status: 400, fields: check.fields.join(', ') });
    refuse(res, 400, 'The request is not a valid Bot Framework activity.');
    return;
  }
  const { answer, response } = capture(req.socket);
  try {
    await deps.adapter.process(req, response, (context) => deps.handleTurn(context));
  } catch (error) {
    logger.error('activity.failed', { error: errorMessage(error) });
    refuse(res, 500);
    return;
  }
  const { status, body } = answer;
  if (status < 400 || isInvokeBody(body)) {
    res.status(status);
    if (body === undefined) res.end();
    else res.json(body);
    return;
  }
  logger.warn('activity.answered_error', {
    status,
    error: typeof body === 'string' ? body : JSON.stringify(body),
  });
  refuse(res, status);
}
