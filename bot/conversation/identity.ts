import type { TurnContext } from 'botbuilder';

/** Who is speaking and from which organisation: the ids every record check is made on. */
export interface Identity {
  tenantId: string;
  /** The Entra ID object id where Teams gives one (stable across chats), else the channel id. */
  userId: string;
  /** Shown on the record's history; never logged. */
  userName: string;
  /** The channel id too, when the Entra id is the main one: @mentions carry the channel id. */
  otherIds: string[];
  /** The Entra ID object id, when Teams gave one: the only id a procurement lead is known by. */
  entraId?: string;
}

interface TenantChannelData {
  tenant?: { id?: string };
}

/** A non-empty string, or nothing: ids arrive from the wire and may be anything. */
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

export function tenantOf(context: TurnContext): string | undefined {
  const { activity } = context;
  const channelData = activity.channelData as TenantChannelData | undefined;
  return text(activity.conversation?.tenantId) ?? text(channelData?.tenant?.id);
}

export function identify(context: TurnContext): Identity | undefined {
  const tenantId = tenantOf(context);
  const from = context.activity.from;
  const entraId = text(from?.aadObjectId);
  const channelId = text(from?.id);
  const userId = entraId ?? channelId;
  if (!tenantId || !userId) return undefined;
  const otherIds = entraId && channelId && channelId !== userId ? [channelId] : [];
  const name = text(from?.name) ?? userId;
  return { tenantId, userId, userName: name, otherIds, ...(entraId ? { entraId } : {}) };
}

/**
 * Whether the activity comes from a one-to-one chat with the bot, where only the person
 * sees what the bot answers. A channel or group chat is shared with everyone in it.
 */
export function inPersonalChat(context: TurnContext): boolean {
  const conversation = context.activity.conversation;
  const type: unknown = conversation?.conversationType;
  if (type !== undefined) return type === 'personal';
  return conversation?.isGroup !== true;
}
