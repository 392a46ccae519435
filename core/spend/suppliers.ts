import { z } from 'zod';
import type { LocalArea, PolicyPack, SizeBandId } from '../policy/schema.js';
import { sizeBand } from '../rules/size-band.js';

/**
 * The longest a supplier's name and id may be, on a list or typed: as long as any name an
 * officer types, and short enough that a supplier's key stays a sane size to store.
 */
export const SUPPLIER_NAME_MAX = 200;
export const SUPPLIER_ID_MAX = 100;
/** Larger than any employer's head count: a bigger number is a typing slip. */
export const HEADCOUNT_MAX = 10_000_000;

/** A supplier's size and place, from a supplier list or entered by hand. */
export const supplierSchema = z.object({
  id: z.string().trim().min(1).optional(),
  name: z.string().trim().min(1, 'a supplier needs a name'),
  headcount: z.number().int().min(0).optional(),
  /** Where only the band is known (a head count, when given, decides instead). */
  band: z.string().trim().min(1).optional(),
  postcode: z.string().trim().min(1).optional(),
  vcse: z.boolean().optional(),
  /**
   * What a list says when it gives SME yes/no and no band (as Contracts Finder data does):
   * true is fewer staff than the pack's SME limit, band not known; false is large. A head
   * count or a band, when given, decides instead.
   */
  sme: z.boolean().optional(),
});

export type Supplier = z.infer<typeof supplierSchema>;

/**
 * A name as payment files and supplier lists both write it: "ACME Ltd.", "Acme Limited" and
 * "acme" are one supplier.
 */
export function normaliseSupplierName(name: string): string {
  const words = name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '' && word !== 'ltd' && word !== 'limited');
  return words.join(' ');
}

/**
 * The key a supplier is filed under: its id when it has one, else its normalised name. One
 * formula for the store, the supplier list and the figures, so a view finds a listed supplier
 * by the key the figures carry, never again by its name.
 */
export function supplierKeyOf(supplier: Pick<Supplier, 'id' | 'name'>): string {
  return supplier.id === undefined
    ? `name:${normaliseSupplierName(supplier.name)}`
    : `id:${supplier.id.trim().toLowerCase()}`;
}

/** Finds the listed supplier a payment was made to: by id, else by normalised name. */
export function supplierMatcher(
  suppliers: readonly Supplier[],
): (row: { supplierName: string; supplierId?: string }) => Supplier | undefined {
  const byId = new Map<string, Supplier>();
  const byName = new Map<string, Supplier>();
  for (const supplier of suppliers) {
    if (supplier.id !== undefined) byId.set(supplier.id.trim().toLowerCase(), supplier);
    byName.set(normaliseSupplierName(supplier.name), supplier);
  }
  return (row) =>
    (row.supplierId === undefined ? undefined : byId.get(row.supplierId.trim().toLowerCase())) ??
    byName.get(normaliseSupplierName(row.supplierName));
}

/** The size band of a supplier, by head count where known; undefined when unknown. */
export function supplierBand(
  pack: PolicyPack,
  supplier: Supplier | undefined,
): SizeBandId | undefined {
  if (supplier?.headcount !== undefined) {
    const band = sizeBand(pack, supplier.headcount);
    return band.ok ? band.value.band : undefined;
  }
  const given = supplier?.band?.toLowerCase();
  const named = pack.sizeBands.bands.find(
    (band) => band.id === given || band.label.toLowerCase() === given,
  )?.id;
  if (named !== undefined) return named;
  // "Not an SME" and nothing more is the band at or above the SME limit.
  if (supplier?.sme === false) return largeBand(pack);
  return undefined;
}

/** The pack's first band not SME: the one an explicit "not SME" falls in. */
function largeBand(pack: PolicyPack): SizeBandId | undefined {
  return pack.sizeBands.bands.find((band) => !isSmeBand(pack, band.id))?.id;
}

/** An SME: in an SME band, or listed as SME with its band not known. */
export function isSmeSupplier(pack: PolicyPack, supplier: Supplier | undefined): boolean {
  const band = supplierBand(pack, supplier);
  return band === undefined ? supplier?.sme === true : isSmeBand(pack, band);
}

/** An SME has fewer staff than the pack's `smeBelow`: a band is SME when its top is under it. */
export function isSmeBand(pack: PolicyPack, id: SizeBandId): boolean {
  const band = pack.sizeBands.bands.find((b) => b.id === id);
  return band?.max !== undefined && band.max < pack.sizeBands.smeBelow;
}

const INWARD = /^\d[A-Z]{2}$/;
const DISTRICT = /^[A-Z]{1,2}\d[A-Z\d]?$/;

/** The district of a postcode however written ("ca1 1aa", "CA11AA", "CA1"); undefined if not one. */
export function postcodeDistrict(postcode: string): string | undefined {
  const compact = postcode.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const outward =
    compact.length >= 5 && INWARD.test(compact.slice(-3)) ? compact.slice(0, -3) : compact;
  return DISTRICT.test(outward) ? outward : undefined;
}

/** The local area's entry for a postcode's district (a partial one included); undefined when not local. */
export function localDistrictOf(
  area: LocalArea | undefined,
  postcode: string | undefined,
): LocalArea['districts'][number] | undefined {
  if (area === undefined || postcode === undefined) return undefined;
  const district = postcodeDistrict(postcode);
  return district === undefined ? undefined : area.districts.find((d) => d.district === district);
}

/** A postcode is local when its district is in the pack's local area (a partial one counts). */
export const isLocalPostcode = (
  area: LocalArea | undefined,
  postcode: string | undefined,
): boolean => localDistrictOf(area, postcode) !== undefined;
