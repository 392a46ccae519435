/** Who sends an activity: a Teams user in a tenant, in a one-to-one conversation with the bot. */
export interface Party {
  tenantId: string;
  userId: string;
  userName: string;
  conversationId: string;
}

export interface OutgoingActivity {
  type: 'message' | 'invoke';
  id: string;
  channelId: 'msteams';
  serviceUrl: string;
  timestamp: string;
  conversation: { id: string; tenantId: string; conversationType: 'personal' };
  from: { id: string; aadObjectId: string; name: string };
  recipient: { id: string; name: string };
  channelData: { tenant: { id: string } };
  text?: string;
  name?: string;
  value?: unknown;
}

let sequence = 0;
const nextId = (): string => {
  sequence += 1;
  return `bench-activity-${sequence}`;
};

function base(type: OutgoingActivity['type'], serviceUrl: string, party: Party): OutgoingActivity {
  return {
    type,
    id: nextId(),
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    conversation: {
      id: party.conversationId,
      tenantId: party.tenantId,
      conversationType: 'personal',
    },
    from: { id: `29:${party.userId}`, aadObjectId: party.userId, name: party.userName },
    recipient: { id: '28:bench-bot', name: 'Bench bot' },
    channelData: { tenant: { id: party.tenantId } },
  };
}

/** A typed message, as Teams posts it. */
export function messageActivity(serviceUrl: string, party: Party, text: string): OutgoingActivity {
  return { ...base('message', serviceUrl, party), text };
}

/** An Action.Execute press: the button's data merged with the card's input values. */
export function executeActivity(
  serviceUrl: string,
  party: Party,
  verb: string,
  data: Record<string, unknown>,
): OutgoingActivity {
  return {
    ...base('invoke', serviceUrl, party),
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data: { ...data, verb } } },
  };
}
