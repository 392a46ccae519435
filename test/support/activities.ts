import type { Activity } from 'botbuilder';

/** Someone in Teams: the tenant they sign in to, their Entra object id and display name. */
export interface Person {
  tenantId: string;
  userId: string;
  name: string;
}

export const BOT = { id: '28:social-value-bot', name: 'Social Value' } as const;

export interface BuilderOptions {
  /** Where replies go: a CaptureConnector's url. */
  serviceUrl: string;
  channelId?: string;
}

/**
 * Activities as Teams sends them to the bot, in a person's one-to-one chat unless a
 * channel conversation is given. Ids are unique per builder.
 */
/** Activity ids are unique across builders, so that replies to one test never match another's. */
let nextId = 0;

export class ActivityBuilder {
  constructor(private readonly options: BuilderOptions) {}

  /** The personal chat of a person with the bot. */
  static personalChat(person: Person): string {
    return `a:personal-${person.tenantId}-${person.userId}`;
  }

  base(from: Person, conversationId = ActivityBuilder.personalChat(from)): Partial<Activity> {
    nextId += 1;
    return {
      id: `in-${process.pid}-${nextId}`,
      channelId: this.options.channelId ?? 'msteams',
      serviceUrl: this.options.serviceUrl,
      timestamp: new Date(),
      from: { id: `29:${from.userId}`, aadObjectId: from.userId, name: from.name },
      recipient: { id: BOT.id, name: BOT.name },
      conversation: {
        id: conversationId,
        tenantId: from.tenantId,
        isGroup: conversationId !== ActivityBuilder.personalChat(from),
        name: '',
        conversationType:
          conversationId === ActivityBuilder.personalChat(from) ? 'personal' : 'channel',
      },
      channelData: { tenant: { id: from.tenantId } },
    };
  }

  /** A typed message. */
  message(from: Person, text: string): Partial<Activity> {
    return { ...this.base(from), type: 'message', text, textFormat: 'plain' };
  }

  /** A message in a channel that @mentions the bot first, as Teams sends it. */
  channelMention(
    from: Person,
    text: string,
    channelId = '19:general@thread.tacv2',
  ): Partial<Activity> {
    const mention = `<at>${BOT.name}</at>`;
    return {
      ...this.base(from, `${channelId};messageid=1`),
      type: 'message',
      text: `${mention} ${text}`,
      textFormat: 'plain',
      entities: [{ type: 'mention', text: mention, mentioned: { id: BOT.id, name: BOT.name } }],
    };
  }

  /** The app was added (or removed) for this person. */
  installationUpdate(from: Person, action: 'add' | 'remove' = 'add'): Partial<Activity> {
    return { ...this.base(from), type: 'installationUpdate', action };
  }

  /** A card button pressed as Action.Execute: an invoke answered in the HTTP response. */
  execute(from: Person, verb: string, data: Record<string, unknown>): Partial<Activity> {
    return {
      ...this.base(from),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data } },
    };
  }

  /** A card button pressed as Action.Submit (older clients): a message with the card's data. */
  submit(from: Person, data: Record<string, unknown>, replyToId?: string): Partial<Activity> {
    return {
      ...this.base(from),
      type: 'message',
      value: data,
      ...(replyToId === undefined ? {} : { replyToId }),
    };
  }
}
