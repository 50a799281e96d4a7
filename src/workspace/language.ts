/** Which language the staff UI speaks: the `language` setting, else the user's locale. */
import { type Language, toLanguage } from '../core/i18n';
import { SETTINGS_HEADERS, SHEET } from '../core/vocabulary';
import { lookUpSheet, sheetData } from './execution';

/**
 * Reads the `language` row of Settings in one block. Falls back to the user's locale where the
 * sheet cannot be read (no sheet yet, or an onOpen in AuthMode.NONE, which may not read data).
 */
export function staffLanguage(ss: GoogleAppsScript.Spreadsheet.Spreadsheet | null): Language {
  try {
    const sheet = ss ? lookUpSheet(ss, SHEET.settings) : null;
    if (ss && sheet) {
      // The same read as the action's own Settings read (once per execution).
      const { header, rows } = sheetData(ss, SHEET.settings, sheet);
      const keyCol = header.indexOf(SETTINGS_HEADERS[0]);
      const valueCol = header.indexOf(SETTINGS_HEADERS[1]);
      if (keyCol >= 0 && valueCol >= 0) {
        const row = rows.find((r) => String(r[keyCol]).trim() === 'language');
        if (row && String(row[valueCol]).trim() !== '') return toLanguage(row[valueCol]);
      }
    }
  } catch (_e) {
    // AuthMode.NONE: data is out of reach; the locale below still works.
  }
  try {
    return toLanguage(Session.getActiveUserLocale());
  } catch (_e) {
    return 'en';
  }
}

/**
 * The language of the user's account (its locale), whatever Settings say. Set up writes the sample
 * call in it: decided so, a Set up that stopped halfway (Settings written, with their default
 * `language`) and is run again writes the same sample as one that ran through.
 */
export function accountLanguage(): Language {
  try {
    return toLanguage(Session.getActiveUserLocale());
  } catch (_e) {
    return 'en';
  }
}
