import { fail, ok, type Problem, type Result } from '../common/result.js';
import type { PolicyPack } from './schema.js';

/**
 * Every pack a deployment holds: one force's pack in one or more versions, or several forces'
 * packs where one deployment serves a regional collaboration or a shared service. `tenants`
 * says which tenant uses which pack id; with a single pack id it may be left empty.
 */
export interface PolicyLibrary {
  /** Each pack id's versions, earliest first. */
  readonly byId: ReadonlyMap<string, readonly PolicyPack[]>;
  readonly tenants: Readonly<Record<string, string>>;
}

/** Which version of which pack a record was assessed under, as the record stores it. */
export interface PackVersionRef {
  id: string;
  version: string;
}

/**
 * Builds the library and checks it as a whole: each version named once, the versions of a
 * pack dated apart, and every tenant mapped to a pack the deployment holds. Every problem is
 * listed at once, each with what to fix.
 */
export function buildLibrary(
  packs: readonly { pack: PolicyPack; from: string }[],
  tenants: Readonly<Record<string, string>>,
): Result<PolicyLibrary> {
  const problems: Problem[] = [];
  const byId = new Map<string, { pack: PolicyPack; from: string }[]>();
  for (const entry of packs) {
    const versions = byId.get(entry.pack.id) ?? [];
    const twin = versions.find((v) => v.pack.version === entry.pack.version);
    if (twin) {
      problems.push({
        path: entry.from,
        message: `holds version ${entry.pack.version} of pack ${entry.pack.id}, which ${twin.from} holds too: give each version its own version name`,
      });
      continue;
    }
    versions.push(entry);
    byId.set(entry.pack.id, versions);
  }
  for (const [id, versions] of byId) {
    if (versions.length < 2) continue;
    for (const entry of versions) {
      if (entry.pack.inForceFrom === undefined) {
        problems.push({
          path: `${entry.from} inForceFrom`,
          message: `is missing: pack ${id} has ${versions.length} versions, so each must say the day it takes effect (YYYY-MM-DD)`,
        });
      }
    }
    const dates = versions.map((v) => v.pack.inForceFrom).filter((d) => d !== undefined);
    for (const date of new Set(dates.filter((d, i) => dates.indexOf(d) !== i))) {
      problems.push({
        path: `pack ${id}`,
        message: `has two versions taking effect on ${date}: only one version can be in force on a day`,
      });
    }
  }
  const ids = [...byId.keys()];
  for (const [tenant, id] of Object.entries(tenants)) {
    if (!byId.has(id)) {
      problems.push({
        path: `tenant ${tenant}`,
        message: `is mapped to pack ${id}, which is not loaded (the packs loaded: ${ids.join(', ') || 'none'})`,
      });
    }
  }
  if (ids.length > 1 && Object.keys(tenants).length === 0) {
    problems.push({
      path: 'tenants',
      message: `are not mapped, yet ${ids.length} packs are loaded (${ids.join(', ')}): say which tenant uses which pack`,
    });
  }
  if (problems.length > 0) return fail(problems);
  const sorted = new Map<string, PolicyPack[]>();
  for (const [id, versions] of byId) {
    sorted.set(
      id,
      versions
        .map((v) => v.pack)
        .sort((a, b) => (a.inForceFrom ?? '').localeCompare(b.inForceFrom ?? '')),
    );
  }
  return ok({ byId: sorted, tenants: { ...tenants } });
}

/** A library of one pack in one version: the built-in pack, or a single POLICY_PACK_FILE. */
export function singlePackLibrary(pack: PolicyPack): PolicyLibrary {
  return { byId: new Map([[pack.id, [pack]]]), tenants: {} };
}

/**
 * The pack id a tenant works under: its mapping, or the only pack the deployment holds.
 * Undefined for a tenant left out of the mapping of a deployment with several packs, so that
 * it is never given another organisation's policy.
 */
export function packIdFor(library: PolicyLibrary, tenantId: string): string | undefined {
  const mapped = library.tenants[tenantId];
  if (mapped !== undefined) return mapped;
  if (library.byId.size !== 1) return undefined;
  return [...library.byId.keys()][0];
}

/** A pack's versions, earliest first; empty for a pack the library does not hold. */
export function versionsOf(library: PolicyLibrary, packId: string): readonly PolicyPack[] {
  return library.byId.get(packId) ?? [];
}

/**
 * The version of a pack in force on a day (YYYY-MM-DD): the latest that has taken effect, or
 * the earliest where none has yet.
 */
export function versionInForce(
  library: PolicyLibrary,
  packId: string,
  on: string,
): PolicyPack | undefined {
  const versions = versionsOf(library, packId);
  const started = versions.filter((v) => (v.inForceFrom ?? '') <= on);
  return started.at(-1) ?? versions[0];
}

/** The very version a record names, if the deployment still holds it. */
export function versionNamed(library: PolicyLibrary, ref: PackVersionRef): PolicyPack | undefined {
  return versionsOf(library, ref.id).find((v) => v.version === ref.version);
}

/**
 * A version newer than the one a record was assessed under, once it is in force; undefined
 * while the record's version is still the one in force (or is itself the newer one).
 */
export function newerVersionInForce(
  library: PolicyLibrary,
  ref: PackVersionRef,
  on: string,
): PolicyPack | undefined {
  const current = versionInForce(library, ref.id, on);
  if (!current || current.version === ref.version) return undefined;
  const own = versionNamed(library, ref);
  if (own && (own.inForceFrom ?? '') >= (current.inForceFrom ?? '')) return undefined;
  return current;
}
