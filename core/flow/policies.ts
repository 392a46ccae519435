import {
  newerVersionInForce,
  type PackVersionRef,
  type PolicyLibrary,
  packIdFor,
  versionInForce,
  versionNamed,
  versionsOf,
} from '../policy/library.js';
import type { PolicyPack } from '../policy/schema.js';
import { buildQuestionnaire } from './questionnaire.js';
import type { Questionnaire } from './questions.js';

/**
 * The questionnaires of every pack version a deployment holds, each built once: a tenant's
 * version in force for a new record, and for an existing record the very version it names.
 */
export class Policies {
  readonly #flows = new Map<PolicyPack, Questionnaire>();

  constructor(readonly library: PolicyLibrary) {}

  /** The questionnaire of one pack version, built on first use. */
  flowOf(pack: PolicyPack): Questionnaire {
    let flow = this.#flows.get(pack);
    if (!flow) {
      flow = buildQuestionnaire(pack);
      this.#flows.set(pack, flow);
    }
    return flow;
  }

  /**
   * The questionnaire a tenant works under on a day: its pack's version in force. Undefined
   * for a tenant the deployment has no pack for, so that it never gets another's policy.
   */
  forTenant(tenantId: string, on: string): Questionnaire | undefined {
    const id = packIdFor(this.library, tenantId);
    const pack = id === undefined ? undefined : versionInForce(this.library, id, on);
    return pack ? this.flowOf(pack) : undefined;
  }

  /**
   * The questionnaire a record was assessed under: the version it names. Where the
   * deployment no longer holds that version, the pack's version in force stands in (the
   * record still names its own, and its owner is offered a reassessment). A record of a
   * tenant the deployment has no pack for throws: the bot refuses such a tenant's turns first.
   */
  forRecord(record: { tenantId: string; policy: PackVersionRef }, on: string): Questionnaire {
    const own = versionNamed(this.library, record.policy);
    if (own) return this.flowOf(own);
    const stand = versionInForce(this.library, record.policy.id, on);
    const flow = stand ? this.flowOf(stand) : this.forTenant(record.tenantId, on);
    if (!flow) throw new Error(`no policy pack is loaded for record policy ${record.policy.id}`);
    return flow;
  }

  /** The version now in force where it is newer than the record's own. */
  newerFor(record: { policy: PackVersionRef }, on: string): PolicyPack | undefined {
    return newerVersionInForce(this.library, record.policy, on);
  }

  /** A tenant's pack versions, earliest first: what the `policy` command lists. */
  versionsFor(tenantId: string): readonly PolicyPack[] {
    const id = packIdFor(this.library, tenantId);
    return id === undefined ? [] : versionsOf(this.library, id);
  }
}
