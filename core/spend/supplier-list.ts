import { fail, ok, type Result } from '../common/result.js';
import { SIZE_BAND_IDS } from '../policy/schema.js';
import { columnsRefused, findColumns } from './columns.js';
import type { CsvRecord } from './csv.js';
import { type BadRow, badRowProblems } from './rows.js';
import {
  HEADCOUNT_MAX,
  SUPPLIER_ID_MAX,
  SUPPLIER_NAME_MAX,
  type Supplier,
  supplierKeyOf,
} from './suppliers.js';
import { BAD_ROWS_LISTED } from './totals.js';
import type { Read } from './values.js';

/** The fields a supplier list is read into. */
export const SUPPLIER_FIELDS = [
  'name',
  'id',
  'headcount',
  'band',
  'sme',
  'postcode',
  'vcse',
] as const;

export type SupplierField = (typeof SUPPLIER_FIELDS)[number];

export const SUPPLIER_FIELD_NAMES: Record<SupplierField, string> = {
  name: 'the supplier name',
  id: 'the supplier id',
  headcount: 'the head count',
  band: 'the size band',
  sme: 'whether it is an SME',
  postcode: 'the postcode',
  vcse: 'whether it is a VCSE',
};

/** Column names of supplier lists (finance systems' vendor lists, Contracts Finder exports), normalised. */
const KNOWN_SUPPLIER_HEADERS: Record<SupplierField, readonly string[]> = {
  name: [
    'suppliername',
    'supplier',
    'name',
    'vendorname',
    'vendor',
    'companyname',
    'organisationname',
    'beneficiary',
    'payee',
  ],
  id: [
    'supplierid',
    'suppliercode',
    'suppliernumber',
    'supplierref',
    'vendorid',
    'vendornumber',
    'id',
  ],
  headcount: [
    'employees',
    'headcount',
    'numberofemployees',
    'staff',
    'staffcount',
    'noofemployees',
  ],
  band: ['size', 'sizeband', 'businesssize', 'suppliersize', 'companysize'],
  sme: ['sme', 'issme', 'smeyesno'],
  postcode: ['postcode', 'postalcode', 'supplierpostcode', 'zip'],
  vcse: ['vcse', 'isvcse', 'vcseyesno', 'socialenterprise'],
};

export type SupplierColumnMapping = Partial<Record<SupplierField, string>>;

export interface SupplierColumnTaken {
  field: SupplierField;
  header: string;
  index: number;
}

export interface CheckedSupplierList {
  columns: SupplierColumnTaken[];
  suppliers: Supplier[];
  /** At most the first BAD_ROWS_LISTED. */
  badRows: BadRow[];
  badRowCount: number;
}

const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);

/**
 * Reads a supplier list one record at a time, as a stream delivers them. A supplier listed
 * twice (by id, else by normalised name) is taken from its last row, as the list's latest word.
 */
export class SupplierListAccumulator {
  private readonly suppliers = new Map<string, Supplier>();
  private readonly badRows: BadRow[] = [];
  private badRowCount = 0;
  private read = 0;

  private constructor(
    private readonly index: Partial<Record<SupplierField, number>>,
    private readonly taken: SupplierColumnTaken[],
  ) {}

  /** Starts from the header row; refused when no column names the supplier. */
  static start(
    header: CsvRecord,
    mapping?: SupplierColumnMapping,
  ): Result<SupplierListAccumulator> {
    const found = findColumns(
      header.cells,
      SUPPLIER_FIELDS,
      KNOWN_SUPPLIER_HEADERS,
      SUPPLIER_FIELD_NAMES,
      mapping,
    );
    if (found.index.name === undefined && mapping?.name === undefined)
      found.problems.push(`no column was recognised for ${SUPPLIER_FIELD_NAMES.name}`);
    if (found.problems.length > 0) return fail([columnsRefused(header.cells, found.problems)]);
    return ok(new SupplierListAccumulator(found.index, found.taken));
  }

  get recordsRead(): number {
    return this.read;
  }

  add(record: CsvRecord): void {
    this.read += 1;
    const supplier = this.readRow(record);
    if (!supplier.ok) {
      this.badRowCount += 1;
      if (this.badRows.length < BAD_ROWS_LISTED)
        this.badRows.push({ line: record.line, reason: supplier.reason });
      return;
    }
    this.suppliers.set(supplierKeyOf(supplier.value), supplier.value);
  }

  /** The suppliers, or the refusal: an empty list, or bad rows not to be skipped. */
  finish(options: { skipBadRows?: boolean } = {}): Result<CheckedSupplierList> {
    if (this.read === 0)
      return fail([
        { path: 'file', message: 'The file has a header row but no suppliers under it.' },
      ]);
    if (this.badRowCount > 0 && !options.skipBadRows)
      return fail(badRowProblems(this.badRows, this.badRowCount));
    return ok({
      columns: this.taken,
      suppliers: [...this.suppliers.values()],
      badRows: [...this.badRows],
      badRowCount: this.badRowCount,
    });
  }

  private readRow(record: CsvRecord): Read<Supplier> {
    const cell = (field: SupplierField): string | undefined => {
      const at = this.index[field];
      if (at === undefined) return undefined;
      const text = record.cells[at]?.trim() ?? '';
      return text === '' ? undefined : text;
    };
    const reasons: string[] = [];
    const name = cell('name');
    if (name === undefined) reasons.push('there is no supplier name');
    else if (name.length > SUPPLIER_NAME_MAX)
      reasons.push(`the supplier name is longer than ${SUPPLIER_NAME_MAX} characters`);
    const id = cell('id');
    if (id !== undefined && id.length > SUPPLIER_ID_MAX)
      reasons.push(`the supplier id is longer than ${SUPPLIER_ID_MAX} characters`);
    const headcountText = cell('headcount');
    let headcount: number | undefined;
    if (headcountText !== undefined) {
      const compact = headcountText.replaceAll(',', '');
      if (!/^\d+$/.test(compact))
        reasons.push(`the head count "${headcountText}" is not a whole number of staff`);
      else if (Number(compact) > HEADCOUNT_MAX)
        reasons.push(`the head count "${headcountText}" is more staff than any employer has`);
      else headcount = Number(compact);
    }
    const size = readSize(cell('band'), cell('sme'));
    if (!size.ok) reasons.push(size.reason);
    const vcseText = cell('vcse');
    const vcse = vcseText === undefined ? undefined : yesNo(vcseText);
    if (vcseText !== undefined && vcse === undefined)
      reasons.push(`the VCSE column says "${vcseText}": write yes or no`);
    const postcode = cell('postcode');
    if (name === undefined || reasons.length > 0) return { ok: false, reason: reasons.join('; ') };
    return {
      ok: true,
      value: {
        name,
        ...(id === undefined ? {} : { id }),
        ...(headcount === undefined ? {} : { headcount }),
        ...(size.ok ? size.value : {}),
        ...(postcode === undefined ? {} : { postcode }),
        ...(vcse === undefined ? {} : { vcse }),
      },
    };
  }
}

function yesNo(text: string): boolean | undefined {
  const word = text.trim().toLowerCase();
  return YES.has(word) ? true : NO.has(word) ? false : undefined;
}

/** A size band column (micro to large, or SME yes/no, "SME", "Non-SME") and an SME column. */
function readSize(
  bandText: string | undefined,
  smeText: string | undefined,
): Read<{ band?: string; sme?: boolean }> {
  const reasons: string[] = [];
  let band: string | undefined;
  let sme: boolean | undefined;
  if (bandText !== undefined) {
    const word = bandText.toLowerCase();
    const compact = word.replace(/[^a-z]/g, '');
    if ((SIZE_BAND_IDS as readonly string[]).includes(word)) band = word;
    else if (compact === 'sme') sme = true;
    else if (compact === 'nonsme' || compact === 'notsme' || compact === 'notansme') sme = false;
    else if (yesNo(word) !== undefined) sme = yesNo(word);
    else
      reasons.push(
        `the size "${bandText}" is not one of micro, small, medium or large (or SME yes or no)`,
      );
  }
  if (smeText !== undefined) {
    const said = yesNo(smeText);
    if (said === undefined) reasons.push(`the SME column says "${smeText}": write yes or no`);
    else sme ??= said;
  }
  if (reasons.length > 0) return { ok: false, reason: reasons.join('; ') };
  return {
    ok: true,
    value: { ...(band === undefined ? {} : { band }), ...(sme === undefined ? {} : { sme }) },
  };
}
