/**
 * What the bot says about where and how it answers, rather than what: long messages,
 * record answers moved out of shared chats, and buttons that are not the presser's to use.
 */
import { messageCard } from './info-cards.js';
import type { AdaptiveCard } from './render.js';

const thousands = (count: number): string => count.toLocaleString('en-GB');

export function tooLongCard(limit: number): AdaptiveCard {
  return messageCard(
    'That message is too long',
    `I read messages of up to ${thousands(limit)} characters. Type a command, such as **help**, and put long answers in the boxes on a card.`,
  );
}

/** The answer to a command button: its card stays as it was and the answer comes below. */
export const ANSWERED_BELOW = 'Answered below.';

/** In a channel or group chat, after the answer went to the person's one-to-one chat. */
export const ANSWERED_PRIVATELY =
  'I have answered you in our one-to-one chat, so that only you can see your records there.';

/** In a channel or group chat, when the person has no one-to-one chat with the bot yet. */
export const OPEN_PERSONAL_CHAT =
  'I show records only in a one-to-one chat, where colleagues cannot see them. To start one, select my name (or find me under Apps) and choose Chat, say hello, then type your command there.';

/** Said to the presser alone: a card in a shared chat that belongs to someone else's record. */
export const notYourCard = (reference: string): string =>
  `Only the people working on ${reference} can use the buttons on its card. Type **list** in our one-to-one chat to see your own records.`;

/** A button payload that is not one of the bot's (old, edited or forged). */
export function unreadableButtonCard(): AdaptiveCard {
  return messageCard(
    'I could not read that button',
    'It may be from an older version of this app. Type **help** to see what I can do.',
  );
}

/** To someone from an organisation outside the allow-list: nothing about them is stored. */
export const TENANT_REFUSAL =
  'Sorry, this assistant is not available to your organisation. Ask your IT team if you think it should be.';

/**
 * To someone from an organisation this deployment serves no policy pack for (one deployment
 * may serve several organisations, each with its own): nothing is read or stored.
 */
export const NO_PACK_REFUSAL =
  'Sorry, this assistant has no policy pack for your organisation yet, so I cannot guide an exercise. Ask whoever runs it for your organisation to add your organisation’s policy.';

/** An activity with no tenant or sender the bot can check access by. */
export const NO_IDENTITY =
  'Sorry, I could not tell who you are or which organisation you are in, so I cannot show any records.';

/**
 * The answer to a message whose turn failed before the bot answered it. It claims nothing
 * about what was saved: the turn may have failed after a write (sending the card, say).
 */
export const TURN_FAILED =
  'Sorry, something went wrong before I could answer. If you asked me to change something, check whether it was done before you try again.';

export const noIdentityCard = (): AdaptiveCard => messageCard('Something went wrong', NO_IDENTITY);

/** The refusal of a button on someone else's record, in the presser's own chat. */
export const notYourRecordCard = (reference: string): AdaptiveCard =>
  messageCard('Not your record', notYourCard(reference));

/** A refusal answered to a card's button (the tenant allow-list). */
export const notAvailableCard = (text: string): AdaptiveCard =>
  messageCard('Not available', text, 'attention');
