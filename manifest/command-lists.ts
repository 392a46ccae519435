/**
 * The command menus Teams shows above the compose box, made from the bot's own COMMANDS
 * (cards/commands.ts) so that nothing is typed twice. Teams shows at most ten commands a menu;
 * the bot has more, so each menu leaves some out, on purpose and for a stated reason. Every
 * command left out still works when typed, and `help` lists them all.
 */
import { COMMANDS, type CommandName } from '../cards/commands.js';

/** The most commands Teams allows in one command list. */
export const MAX_MENU_COMMANDS = 10;

export type MenuScope = 'personal' | 'team' | 'groupChat';

export interface Menu {
  scopes: MenuScope[];
  /** The commands this menu leaves out, each with the reason. */
  leftOut: Partial<Record<CommandName, string>>;
}

export const MENUS: Menu[] = [
  {
    scopes: ['personal'],
    leftOut: {
      share:
        'it needs a colleague @mentioned, and no colleague can be @mentioned in a one-to-one chat with the bot',
      reminders: 'a setting changed once in a while, not a task done day to day',
      policy: 'reference, looked up less often than themes; the welcome card names the policy',
      discard:
        'needed now and then: `new` offers it beside an unfinished draft, and it can be typed',
      kpis: 'only for the few contracts with KPIs: the stages card and the summary open them',
      progress:
        'opened where delivery is due: the review reminder and the stages card carry a button for it',
      performance:
        'needed once a year per contract: its reminder and the stages card open it, and it can be typed',
      themes:
        'reference: the outcomes step of every record lists the themes with their measures, and it can be typed',
      spend:
        'for procurement leads alone, a few times a year: the Dashboard tab has the same figures, and it can be typed',
    },
  },
  {
    scopes: ['team', 'groupChat'],
    leftOut: {
      rate: "a supplier's rating is commercially sensitive: better given in a one-to-one chat than posted where everyone in the chat sees it",
      suppliers:
        'every supplier with its tier is commercially sensitive: better read in a one-to-one chat',
      reminders: "a personal setting: it changes one person's reminders, not the chat's",
      discard: "a change to one person's own draft, made in the one-to-one chat",
      kpis: 'only for the few contracts with KPIs: the stages card and the summary open them',
      progress:
        "a supplier's delivery against its commitments is commercially sensitive: better read in a one-to-one chat",
      performance:
        "a supplier's performance ratings are commercially sensitive until published: better given in a one-to-one chat",
      report:
        'it sums up the records one person sees, and the Dashboard tab it opens is a personal tab',
      spend:
        "the organisation's spend by supplier is for procurement leads: better read in a one-to-one chat",
    },
  },
];

export interface CommandListItem {
  title: string;
  description: string;
}

type Command = { name: CommandName; description: string };

/** A menu's commands, in the order of COMMANDS, without those it leaves out. */
export const menuCommands = (
  menu: Menu,
  commands: readonly Command[] = COMMANDS,
): CommandListItem[] =>
  commands
    .filter((command) => menu.leftOut[command.name] === undefined)
    .map((command) => ({ title: command.name, description: command.description }));

/**
 * The manifest's command lists. Throws when a menu would exceed the Teams limit, so that a new
 * command is placed on purpose (shown, or left out with a reason) before the app can be packaged.
 */
export function commandLists(
  menus: readonly Menu[] = MENUS,
  all: readonly Command[] = COMMANDS,
): { scopes: MenuScope[]; commands: CommandListItem[] }[] {
  return menus.map((menu) => {
    const commands = menuCommands(menu, all);
    if (commands.length > MAX_MENU_COMMANDS) {
      throw new Error(
        `The ${menu.scopes.join('/')} command menu would list ${commands.length} commands; Teams allows ${MAX_MENU_COMMANDS}. Leave ${commands.length - MAX_MENU_COMMANDS} more out in manifest/command-lists.ts, with the reason.`,
      );
    }
    return { scopes: menu.scopes, commands };
  });
}
