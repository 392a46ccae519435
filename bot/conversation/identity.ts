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
}

interface TenantChannelData {
  tenant?: { id?: string };
}

export function tenantOf(context: TurnContext): string | undefined {
  const { activity } = context;
  const channelData = activity.channelData as TenantChannelData | undefined;
  return activity.conversation?.tenantId ?? channelData?.tenant?.id ?? undefined;
}

export function identify(context: TurnContext): Identity | undefined {
  const tenantId = tenantOf(context);
  const from = context.activity.from;
  const userId = from?.aadObjectId ?? from?.id;
  if (!tenantId || !userId) return undefined;
  const otherIds = from.aadObjectId && from.id && from.id !== userId ? [from.id] : [];
  return { tenantId, userId, userName: from.name ?? userId, otherIds };
}
