import type { EditableSupplier } from '../../core/dashboard/api.js';
import { SME_BAND_VALUE } from '../../core/dashboard/spend-forms.js';
import type { SpendSupplier, SpendView } from '../../core/dashboard/spend-view.js';
import type { Table } from '../../core/dashboard/table.js';
import type { PolicyPack } from '../../core/policy/index.js';
import { listInWords } from '../../core/spend/columns.js';
import {
  type MissingData,
  type SupplierSpend,
  spendFigures,
  supplierKeyOf,
  suppliersMissingData,
} from '../../core/spend/index.js';
import { ALL_SUPPLIERS, localWords, sizeWords } from './spend.js';
import { percentText, pounds, poundsText, SPEND_WORDS } from './spend-words.js';

/** The bands a lead chooses from, then SME with no band (as Contracts Finder data says). */
export function bandChoices(pack: PolicyPack): { value: string; label: string }[] {
  return [
    ...pack.sizeBands.bands.map((band) => ({
      value: band.id,
      label:
        band.max === undefined
          ? `${band.label} (${band.min}+ staff)`
          : `${band.label} (${band.min} to ${band.max} staff)`,
    })),
    { value: SME_BAND_VALUE, label: SPEND_WORDS.smeNoBand },
  ];
}

interface Line {
  name: string;
  pence: number;
  missing: MissingData['missing'];
  listed: SpendSupplier | undefined;
  id: string | undefined;
}

/** Suppliers paid with no size or postcode, largest spend first; or every supplier, paid or listed. */
export const spendSuppliersView: SpendView = {
  id: 'spend-suppliers',
  title: 'Suppliers to fill in',
  summary:
    'Suppliers paid whose size or postcode is not known, largest spend first. Fill them in here, or upload a supplier list.',
  needs: ['months', 'suppliers'],
  build({ months, suppliers }, { pack, filters }) {
    // The figures say who each line is (two suppliers may share a name): the listed supplier
    // by its key; its id, else the one its payments carry, which a save keeps to match by id.
    const byKey = new Map(suppliers.map((supplier) => [supplierKeyOf(supplier), supplier]));
    const listedOf = (spent: SupplierSpend) =>
      spent.listedKey === undefined ? undefined : byKey.get(spent.listedKey);
    const idOf = (spent: SupplierSpend, listed: SpendSupplier | undefined) =>
      listed?.id ?? spent.supplierId;
    const missing = suppliersMissingData(pack, { months, suppliers });
    const all = spendFigures(pack, { months, suppliers }, ALL_SUPPLIERS);
    let lines: Line[];
    if (filters.show === 'all') {
      const paid = new Set(all.topSuppliers.map(listedOf));
      const missingOf = new Map(missing.map((m) => [m.key, m.missing]));
      const unpaid = suppliers.filter((s) => !paid.has(s));
      lines = [
        ...all.topSuppliers.map((spent) => {
          const listed = listedOf(spent);
          return {
            name: spent.name,
            pence: spent.pence,
            missing: missingOf.get(spent.key) ?? [],
            listed,
            id: idOf(spent, listed),
          };
        }),
        ...unpaid
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((listed) => ({ name: listed.name, pence: 0, missing: [], listed, id: listed.id })),
      ];
    } else {
      lines = missing.map((entry) => {
        const listed = listedOf(entry);
        return {
          name: entry.name,
          pence: entry.pence,
          missing: entry.missing,
          listed,
          id: idOf(entry, listed),
        };
      });
    }
    const missingWords = (line: Line) =>
      listInWords(line.missing.map((what) => SPEND_WORDS.missing[what]));
    const editable: EditableSupplier[] = lines.map((line) => ({
      name: line.listed?.name ?? line.name,
      spend: poundsText(line.pence),
      missing: missingWords(line),
      ...(line.listed ? { key: line.listed.key } : {}),
      ...(line.listed?.etag ? { etag: line.listed.etag } : {}),
      ...(line.id ? { id: line.id } : {}),
      ...(line.listed?.headcount === undefined ? {} : { headcount: line.listed.headcount }),
      ...(line.listed?.band
        ? { band: line.listed.band }
        : line.listed?.sme === true
          ? { band: SME_BAND_VALUE }
          : {}),
      ...(line.listed?.postcode ? { postcode: line.listed.postcode } : {}),
      ...(line.listed?.vcse === undefined ? {} : { vcse: line.listed.vcse }),
    }));
    const table: Table = {
      id: 'suppliers',
      title:
        filters.show === 'all'
          ? 'Every supplier, largest spend first'
          : 'Suppliers to fill in, largest spend first',
      columns: [
        { label: 'Supplier', kind: 'text' },
        { label: 'Supplier id', kind: 'text' },
        { label: 'Spend (£)', kind: 'number' },
        { label: 'Missing', kind: 'text' },
        { label: 'Head count', kind: 'number' },
        { label: 'Size', kind: 'text' },
        { label: 'Postcode', kind: 'text' },
        { label: 'Local', kind: 'text' },
        { label: 'VCSE', kind: 'text' },
      ],
      rows: lines.map((line) => [
        line.listed?.name ?? line.name,
        line.id ?? null,
        pounds(line.pence),
        missingWords(line),
        line.listed?.headcount ?? null,
        sizeWords(pack, line.listed),
        line.listed?.postcode ?? null,
        localWords(pack, line.listed),
        line.listed?.vcse === undefined ? 'Not known' : line.listed.vcse ? 'Yes' : 'No',
      ]),
    };
    const noSize = missing.filter((m) => m.missing.includes('size'));
    const noSizePence = noSize.reduce((sum, m) => sum + m.pence, 0);
    const noPostcode = missing.filter((m) => m.missing.includes('postcode')).length;
    const notes =
      filters.show === 'all'
        ? [SPEND_WORDS.everySupplier(lines.length)]
        : missing.length === 0
          ? [months.length === 0 ? SPEND_WORDS.noSpend : SPEND_WORDS.nothingMissing]
          : [
              `${SPEND_WORDS.missingSize(
                noSize.length,
                poundsText(noSizePence),
                percentText(all.totalPence === 0 ? undefined : noSizePence / all.totalPence),
              )} ${SPEND_WORDS.missingPostcode(noPostcode)}`,
              SPEND_WORDS.fillInFirst,
            ];
    return {
      charts: [],
      tables: [table],
      detail: 'suppliers',
      pageSize: 10,
      part: {
        kind: 'suppliers',
        notes,
        suppliers: editable,
        show: filters.show,
        bands: bandChoices(pack),
        upload: 'suppliers',
      },
    };
  },
};
