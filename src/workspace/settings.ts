/** Reads the Settings sheet into typed settings, in one block. */
import { StaffError } from '../core/errors';
import { readSettings, type SettingProblem, type Settings } from '../core/settings';
import { cellName } from '../core/table';
import { SETTINGS_HEADERS, SHEET } from '../core/vocabulary';
import { timeZoneOf } from './execution';
import { readSheet, type Spreadsheet, type Table, text } from './sheets';

export interface LoadedSettings {
  settings: Settings;
  problems: SettingProblem[];
  table: Table<(typeof SETTINGS_HEADERS)[number]>;
  /** Data row index of each key. */
  rowOf: Map<string, number>;
}

/** The end of the day a date-only value names, in the spreadsheet's time zone. */
export function endOfDayIn(timeZone: string): (d: Date) => Date {
  return (d: Date) =>
    Utilities.formatDate(d, timeZone, 'HH:mm:ss') === '00:00:00' ? new Date(d.getTime() + 24 * 3600 * 1000) : d;
}

/**
 * Reads Settings. A value that is wrong (text where a number or TRUE/FALSE belongs, an unknown
 * language) falls back to its default, or, with `strict`, stops the action with a message naming the
 * cell: staff actions are strict, the form-submit trigger is not (an answer must never wait).
 */
export function loadSettings(ss: Spreadsheet, timeZone?: string, strict = false): LoadedSettings {
  const table = readSheet(ss, SHEET.settings, SETTINGS_HEADERS);
  const pairs = new Map<string, unknown>();
  const rowOf = new Map<string, number>();
  table.rows.forEach((row, i) => {
    const key = text(row[table.cols.Key]);
    if (key === '' || pairs.has(key)) return;
    pairs.set(key, row[table.cols.Value]);
    rowOf.set(key, i);
  });
  const { settings, problems } = readSettings(pairs, endOfDayIn(timeZone ?? timeZoneOf(ss)));
  const first = problems[0];
  if (strict && first) {
    const row = rowOf.get(first.key) ?? 0;
    throw new StaffError('error.badSetting', {
      cell: cellName(SHEET.settings, row, table.cols.Value),
      key: first.key,
      problem: { key: first.problem, params: first.params },
    });
  }
  return { settings, problems, table, rowOf };
}
