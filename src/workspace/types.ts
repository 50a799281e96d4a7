/** The Apps Script types every workspace adapter shares (one place, so no adapter imports another for them). */
export type Cell = string | number | boolean | Date;
export type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
export type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
