/** The Excursions sheet read in one block. */
import type { ExcursionRef } from '../core/intake';
import { EXCURSION_HEADERS, SHEET } from '../core/vocabulary';
import { isDateCell, readSheet, type Spreadsheet, type Table, text } from './sheets';

export interface ExcursionRow extends ExcursionRef {
  city: string;
  end: Date | null;
  places: number;
  maxPerMunicipality: number;
  themes: string;
  status: string;
  /** Data row index in the table. */
  row: number;
}

export function readExcursions(ss: Spreadsheet): {
  table: Table<(typeof EXCURSION_HEADERS)[number]>;
  excursions: ExcursionRow[];
} {
  const table = readSheet(ss, SHEET.excursions, EXCURSION_HEADERS);
  const c = table.cols;
  const excursions: ExcursionRow[] = [];
  table.rows.forEach((r, row) => {
    const id = text(r[c['Excursion ID']]);
    if (id === '') return;
    const start = r[c['Start Date']];
    const end = r[c['End Date']];
    excursions.push({
      id,
      city: text(r[c.City]),
      label: text(r[c.Label]) || id,
      start: isDateCell(start) ? start : null,
      end: isDateCell(end) ? end : null,
      places: Number(r[c.Places]) || 0,
      maxPerMunicipality: Number(r[c['Max Per Municipality']]) || 0,
      themes: text(r[c.Themes]),
      status: text(r[c.Status]),
      row,
    });
  });
  return { table, excursions };
}

/** Open excursions by start date then label, one per label (the form's grid rows). */
export function openExcursions(excursions: readonly ExcursionRow[]): ExcursionRow[] {
  const seen = new Set<string>();
  return excursions
    .filter((e) => e.status === 'Open')
    .sort(
      (a, b) =>
        (a.start?.getTime() ?? Number.POSITIVE_INFINITY) - (b.start?.getTime() ?? Number.POSITIVE_INFINITY) ||
        a.label.localeCompare(b.label),
    )
    .filter((e) => {
      if (seen.has(e.label)) return false;
      seen.add(e.label);
      return true;
    });
}

export function openExcursionLabels(ss: Spreadsheet): string[] {
  return openExcursions(readExcursions(ss).excursions).map((e) => e.label);
}
