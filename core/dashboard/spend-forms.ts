import { fail, ok, type Problem, type Result } from '../common/result.js';
import type { PolicyPack } from '../policy/schema.js';
import { sizeBand } from '../rules/size-band.js';
import {
  HEADCOUNT_MAX,
  SUPPLIER_ID_MAX as ID_MAX,
  SUPPLIER_NAME_MAX as NAME_MAX,
  postcodeDistrict,
  type Supplier,
} from '../spend/suppliers.js';
import { SPEND_TARGET_MEASURES, type TargetInput } from '../spend/targets.js';

/** The value the band list sends for "SME, band not known". */
export const SME_BAND_VALUE = 'sme';

const text = (value: unknown): string | undefined => {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const trimmed = String(value).trim();
  return trimmed === '' ? undefined : trimmed;
};

/**
 * A supplier as a lead filled it in on the page: each field checked, each problem said in
 * words beside its field. A head count decides the band; a band that disagrees is refused
 * rather than quietly dropped.
 */
export function readSupplierForm(body: unknown, pack: PolicyPack): Result<Supplier> {
  const form = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const problems: Problem[] = [];
  const name = text(form.name);
  if (name === undefined) problems.push({ path: 'name', message: 'Give the supplier’s name.' });
  else if (name.length > NAME_MAX)
    problems.push({
      path: 'name',
      message: `Shorten the name to ${NAME_MAX} characters or fewer.`,
    });
  const id = text(form.id);
  if (id !== undefined && id.length > ID_MAX)
    problems.push({
      path: 'id',
      message: `Shorten the supplier id to ${ID_MAX} characters or fewer.`,
    });
  const headcountText = text(form.headcount);
  let headcount: number | undefined;
  if (headcountText !== undefined) {
    const n = Number(headcountText.replaceAll(',', ''));
    if (!Number.isInteger(n) || n < 0 || n > HEADCOUNT_MAX)
      problems.push({
        path: 'headcount',
        message: 'Enter the head count as a whole number of staff, such as 35, or leave it empty.',
      });
    else headcount = n;
  }
  const bandText = text(form.band)?.toLowerCase();
  const sme = bandText === SME_BAND_VALUE;
  const band = sme ? undefined : bandText;
  if (band !== undefined && !pack.sizeBands.bands.some((b) => b.id === band))
    problems.push({ path: 'band', message: 'Choose a size from the list.' });
  if (headcount !== undefined && (band !== undefined || sme)) {
    const byCount = sizeBand(pack, headcount);
    const countBand = byCount.ok ? byCount.value.band : undefined;
    const agrees = sme
      ? countBand !== undefined && headcount < pack.sizeBands.smeBelow
      : countBand === band;
    if (!agrees)
      problems.push({
        path: 'band',
        message: `A head count of ${headcount.toLocaleString('en-GB')} is not this size: clear the size or the head count (the head count decides).`,
      });
  }
  const postcode = text(form.postcode)?.toUpperCase();
  if (postcode !== undefined && postcodeDistrict(postcode) === undefined)
    problems.push({
      path: 'postcode',
      message: 'Enter a UK postcode, such as CA1 1AA, or its district alone, such as CA1.',
    });
  const vcse =
    form.vcse === true || form.vcse === 'yes'
      ? true
      : form.vcse === false || form.vcse === 'no'
        ? false
        : undefined;
  if (problems.length > 0 || name === undefined) return fail(problems);
  return ok({
    name,
    ...(id === undefined ? {} : { id }),
    ...(headcount === undefined ? {} : { headcount }),
    ...(band === undefined ? {} : { band }),
    ...(sme ? { sme: true } : {}),
    ...(postcode === undefined ? {} : { postcode }),
    ...(vcse === undefined ? {} : { vcse }),
  });
}

/** A target as the Action Plan's form sends it; the percentage itself is checked by setTarget. */
export function readTargetForm(body: unknown): Result<TargetInput> {
  const form = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const problems: Problem[] = [];
  const measure = SPEND_TARGET_MEASURES.find((m) => m === form.measure);
  if (measure === undefined)
    problems.push({ path: 'measure', message: 'Choose the SME share or the local share.' });
  const year = Number(text(form.year));
  const percentText = text(form.percent)?.replace(/%$/, '').trim();
  const percent = percentText === undefined ? Number.NaN : Number(percentText);
  const note = text(form.note);
  if (note !== undefined && note.length > 500)
    problems.push({ path: 'note', message: 'Shorten the note to 500 characters or fewer.' });
  if (problems.length > 0 || measure === undefined) return fail(problems);
  return ok({ year, measure, percent, ...(note === undefined ? {} : { note }) });
}
