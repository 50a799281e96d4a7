/**
 * The cost model: what each kind of service call is estimated to cost on real Apps Script, in
 * seconds. The emulator runs a call in microseconds, so its wall time says nothing about what a
 * staff member waits for; this table does. Every figure is a single published community
 * measurement (2013–2022), so it is an estimate: recalibrate it from a real account with the
 * paste-in script of docs/calibrate.md, which prints a new COSTS table in this shape.
 *
 * Sources (emulator/docs/cost-model.md lists them with each figure):
 *  S1 a Stack Overflow answer on SpreadsheetApp speed: one setValues of 4,000 cells < 50 ms; the
 *     same followed by flush() ≈ 610 ms; flush() after each of 400 rows ≈ 12 s (164 ms without).
 *  S2 moseskim/google-app-scripts-3rd 16/16-02.gs: 1,000 cells in one getValues + one setValues ≈
 *     333 ms; cell by cell, interleaved ≈ 318 s.
 *  S3 bugbugnow.net, GoogleAppsScript speed-up (2019): 1,000 getValue calls ≈ 3 s.
 *  S4 an add-on vendor's FAQ: one e-mail of about 100 KB ≈ 1.2 s; the range 0.6–1.2 s.
 *  S5 ziritione.org, apps_script_performance: PropertiesService set ≈ 62 ms, get ≈ 30 ms;
 *     CacheService put ≈ 93 ms, get ≈ 3 ms.
 *  S6 issue 16 (from the same sources): opening a run ≈ 0.3 s.
 *  E  the emulator's own estimate where nothing is published (kept deliberately coarse).
 */

export interface CallCost {
  /** Seconds per call. */
  perCall: number;
  /** Seconds per cell read or written by the call (reads and writes of values only). */
  perCell?: number;
  /** Which source the figure follows (see above). */
  source: string;
}

/**
 * One row per kind of call, matched by the longest prefix of the call's name
 * ("Spreadsheet.Range.getValues" before "Spreadsheet.Range." before "Spreadsheet."). A person
 * recalibrates the model by changing these numbers only.
 */
export const COSTS: Record<string, CallCost> = {
  // A batched read or write: a fixed part plus a part per cell. S1: 4,000 cells written < 50 ms;
  // S2: 1,000 cells read and written ≈ 333 ms. 0.03 s + 0.05 ms a cell puts 4,000 cells at 0.23 s
  // and 1,000 read + 1,000 written at 0.16 s: within the 0.05–0.5 s for a few thousand.
  'Spreadsheet.Range.getValues': { perCall: 0.03, perCell: 0.00005, source: 'S1, S2' },
  'Spreadsheet.Range.getDisplayValues': { perCall: 0.03, perCell: 0.00005, source: 'S1, S2' },
  'Spreadsheet.Range.getFormulas': { perCall: 0.03, perCell: 0.00005, source: 'S1, S2' },
  'Spreadsheet.Range.setValues': { perCall: 0.03, perCell: 0.00005, source: 'S1, S2' },
  'Spreadsheet.Range.setFormulas': { perCall: 0.03, perCell: 0.00005, source: 'S1, S2' },
  // A single cell: S3, 1,000 getValue ≈ 3 s.
  'Spreadsheet.Range.getValue': { perCall: 0.003, source: 'S3' },
  'Spreadsheet.Range.setValue': { perCall: 0.003, source: 'S3 (as getValue)' },
  'Spreadsheet.Sheet.appendRow': { perCall: 0.03, source: 'E (as a small setValues, S1)' },
  // S1: setValues + flush ≈ 610 ms with the write < 50 ms, so a flush ≈ 0.56–0.6 s.
  'Spreadsheet.SpreadsheetApp.flush': { perCall: 0.6, source: 'S1' },
  // Opening the spreadsheet is part of opening a run (S6).
  'Spreadsheet.SpreadsheetApp.getActiveSpreadsheet': { perCall: 0.15, source: 'S6 (half of opening a run)' },
  'Spreadsheet.SpreadsheetApp.openById': { perCall: 0.3, source: 'S6' },
  // A dialog waits for the person, not for Apps Script: not charged.
  'Spreadsheet.Ui.': { perCall: 0, source: "E (the wait is the user's)" },
  // Any other Spreadsheet call (a sheet by name, a range object, a size, formats, structure).
  'Spreadsheet.': { perCall: 0.002, source: 'E (S3: a round trip ≈ 3 ms)' },
  'Mail.MailApp.sendEmail': { perCall: 1.0, source: 'S4 (0.6–1.2 s; 1.2 s for 100 KB)' },
  'Mail.': { perCall: 0.03, source: 'E (as a property get, S5)' },
  'Properties.Properties.setProperty': { perCall: 0.062, source: 'S5' },
  'Properties.Properties.setProperties': { perCall: 0.062, source: 'S5' },
  'Properties.Properties.deleteProperty': { perCall: 0.062, source: 'S5 (as a set)' },
  'Properties.Properties.deleteAllProperties': { perCall: 0.062, source: 'S5 (as a set)' },
  'Properties.Properties.': { perCall: 0.03, source: 'S5' },
  'Properties.': { perCall: 0, source: 'E (getting the store is local)' },
  'Cache.Cache.put': { perCall: 0.093, source: 'S5' },
  'Cache.Cache.putAll': { perCall: 0.093, source: 'S5' },
  'Cache.Cache.': { perCall: 0.003, source: 'S5' },
  'Cache.': { perCall: 0, source: 'E' },
  'Document.DocumentApp.openById': { perCall: 0.3, source: 'E (as openById, S6)' },
  'Document.': { perCall: 0.002, source: 'E (as a Spreadsheet lookup)' },
  'Drive.': { perCall: 0.1, source: 'E' },
  'Forms.': { perCall: 0.05, source: 'E' },
  'Script.': { perCall: 0.05, source: 'E' },
  'Lock.': { perCall: 0.03, source: 'E (as a property get, S5)' },
  'Base.Blob.getAs': { perCall: 0.5, source: 'E (a PDF conversion)' },
  '': { perCall: 0.001, source: 'E (Session, Logger, Utilities: local)' },
};

/** Opening a run (loading the project, the first service handshake), charged once per execution: S6. */
export const RUN_OPEN_SECONDS = 0.3;

const cache = new Map<string, CallCost>();

/** The row that prices `method`: the longest matching prefix in COSTS. */
export function costRow(method: string): CallCost {
  let row = cache.get(method);
  if (!row) {
    let best = '';
    for (const key of Object.keys(COSTS)) if (method.startsWith(key) && key.length >= best.length) best = key;
    row = COSTS[best];
    cache.set(method, row);
  }
  return row;
}

/** Estimated seconds of one call of `method` that moved `cells` cells. */
export function costOf(method: string, cells = 0): number {
  const row = costRow(method);
  return row.perCall + (row.perCell ?? 0) * cells;
}
