import type { DashboardFilters } from './filters.js';
import type { TablePage } from './table.js';

/** A choice of a filter's list: the value sent back, and the words shown. */
export interface Choice {
  value: string;
  label: string;
}

/** One supplier of the suppliers page, as its inline form shows it. */
export interface EditableSupplier {
  /** The store's key; absent for a payee not in the supplier list yet (a save adds it). */
  key?: string;
  etag?: string;
  name: string;
  /** The supplier id payments name it by, when known. */
  id?: string;
  /** Spend with it, in words ("£12,500.00"). */
  spend: string;
  /** What is missing, in words ("size and postcode"); empty when nothing is. */
  missing: string;
  headcount?: number;
  band?: string;
  postcode?: string;
  vcse?: boolean;
}

/** What a spend view shows besides its tables (leads only). */
export interface SpendPart {
  kind: 'figures' | 'suppliers' | 'plan' | 'imports';
  /** Lines under the summary: the baseline, a year not complete, redacted spend. */
  notes: string[];
  /** The financial years to choose from, latest first, and the one shown. */
  years?: Choice[];
  year?: string;
  /** The suppliers page: each one editable, the ones shown, and the bands to choose from. */
  suppliers?: EditableSupplier[];
  show?: 'missing' | 'all';
  bands?: Choice[];
  /** The Action Plan: the years and measures a target can be set for, and the plan's ETag. */
  targetYears?: Choice[];
  measures?: Choice[];
  planEtag?: string;
  /** The upload the page offers on this view. */
  upload?: 'spend' | 'suppliers';
}

/** What `GET /api/dashboard/<view>` answers: the page renders this and nothing else. */
export interface ViewAnswer {
  view: { id: string; title: string; summary: string };
  views: { id: string; title: string }[];
  viewer: { name: string; isProcurementLead: boolean };
  filters: DashboardFilters;
  choices: { statuses: Choice[]; themes: Choice[]; owners: Choice[]; records: Choice[] };
  charts: { title: string; tableId: string; svg: string }[];
  /** Every table: the figure tables whole, the detail table one page of it. */
  tables: TablePage[];
  detail: string;
  today: string;
  /** Set on a spend view. */
  spend?: SpendPart;
}

/** An uploaded file checked, before anything is stored: what the lead confirms or cancels. */
export interface ImportCheck {
  kind: 'spend' | 'suppliers';
  /** The file's content hash: a confirmation of a different file is refused. */
  id: string;
  fileName: string;
  title: string;
  /** The file's figures, each a label and its value in words. */
  facts: { label: string; value: string }[];
  /** The column taken for each field. */
  columns: { label: string; header: string }[];
  badRowCount: number;
  /** "Line N: reason", the first few. */
  badRows: string[];
  /** "and 12 more", when more bad rows than listed. */
  moreBadRows?: string;
  /** Already imported, what it would replace, other imports over the same months. */
  notes: string[];
  alreadyImported: boolean;
  /** The buttons' words: import (or import, skipping the bad rows), cancel. */
  actions: { import?: string; skip?: string; cancel: string };
}

/** A column to choose for a field, when a file's columns are not recognised. */
export interface MappingChoice {
  fields: { field: string; label: string; required: boolean }[];
  seen: string[];
  intro: string;
  action: string;
}

/** What an upload is answered with: the check, the import done, or the refusal in words. */
export interface ImportAnswer {
  check?: ImportCheck;
  done?: string;
  error?: string;
  problems?: string[];
  mapping?: MappingChoice;
}
