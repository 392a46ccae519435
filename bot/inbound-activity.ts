import { z } from 'zod';

/** Text the channel may leave out (or send as null); when present it must be text. */
const optionalText = z.string().nullish();

const httpUrl = z.string().refine((value) => {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}, 'must be an http or https address');

/**
 * The shape of an activity at the boundary, before the SDK or the bot reads it: the fields
 * they rely on, each with the type they rely on. Anything else the channel sends passes
 * through untouched. An activity that fails this is answered 400 and never reaches a turn:
 * before this, an activity without `type` was answered 500 with the SDK's error text, and
 * one whose `conversation.id` was a number was stored as the user's conversation reference,
 * which no later read could use.
 */
const inboundActivitySchema = z
  .looseObject({
    type: z.string().min(1),
    id: optionalText,
    name: optionalText,
    text: optionalText,
    channelId: optionalText,
    replyToId: optionalText,
    serviceUrl: httpUrl,
    conversation: z.looseObject({
      id: z.string().min(1),
      tenantId: optionalText,
      conversationType: optionalText,
    }),
    from: z.looseObject({
      id: z.string().min(1),
      aadObjectId: optionalText,
      name: optionalText,
    }),
    recipient: z.looseObject({ id: z.string() }).nullish(),
    channelData: z.looseObject({ tenant: z.looseObject({ id: optionalText }).nullish() }).nullish(),
    entities: z.array(z.unknown()).nullish(),
    attachments: z.array(z.unknown()).nullish(),
    value: z.unknown().optional(),
  })
  .superRefine((activity, context) => {
    // A card's Action.Execute: the SDK reads `value.action.type` and, on a string value
    // (501) or a value without an action (500), threw.
    if (activity.type !== 'invoke' || activity.name !== 'adaptiveCard/action') return;
    if (!isObject(activity.value)) {
      context.addIssue({ code: 'custom', path: ['value'], message: 'must be an object' });
    } else if (!isObject(activity.value.action)) {
      context.addIssue({ code: 'custom', path: ['value', 'action'], message: 'must be an object' });
    }
  });

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type InboundCheck = { ok: true } | { ok: false; fields: string[] };

/** Whether a request body is an activity the bot can take; if not, which fields are wrong. */
export function checkActivity(body: unknown): InboundCheck {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, fields: ['(the body is not an object)'] };
  }
  const parsed = inboundActivitySchema.safeParse(body);
  if (parsed.success) return { ok: true };
  const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(the body)');
  return { ok: false, fields: [...new Set(fields)] };
}
