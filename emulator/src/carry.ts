/**
 * Carrying a spreadsheet's forms from one emulator to another (emulator-only, uncounted): the
 * offline runner's `--from` continues a season in a new emulator, and on Google the forms of the
 * season would still be there, with the same ids, linked to the same response sheets, keeping their
 * questions (a grid row for an excursion that has since been allocated included). Nothing here is
 * an Apps Script behaviour: it stands in for "the same files, a week later".
 */
import type { Env } from './env';
import { FormModel, publishedUrl } from './forms';
import { FORM_MIME, type SpreadsheetModel } from './spreadsheet-model';

/** A form as JSON: its file name, its model's fields, and the name of the sheet its answers go to. */
export interface CarriedForm {
  id: string;
  fileName: string;
  fields: Record<string, unknown>;
  responseSheet: string | null;
}

/** The forms whose answers go to `ss`, as JSON. */
export function exportForms(env: Env, ss: SpreadsheetModel): CarriedForm[] {
  return env.drive
    .all()
    .filter((f) => f.mimeType === FORM_MIME && !f.trashed && f.content instanceof FormModel)
    .filter((f) => (f.content as FormModel).destination?.spreadsheetId === ss.id)
    .map((f) => {
      const model = f.content as FormModel;
      const sheet = ss.sheets.find((s) => s.sheetId === model.destination?.sheetId) ?? null;
      return {
        id: f.id,
        fileName: f.name,
        fields: JSON.parse(JSON.stringify(model)) as Record<string, unknown>,
        responseSheet: sheet?.name ?? null,
      };
    });
}

/**
 * Puts `forms` back into this emulator's Drive under their ids, made by the script (so drive.file
 * reaches them), linked to the sheets of `ss` with their response sheets' names.
 */
export function importForms(env: Env, ss: SpreadsheetModel, forms: readonly CarriedForm[]): void {
  for (const carried of forms) {
    const fields = { ...carried.fields };
    const model = Object.assign(new FormModel(carried.id, String(fields.title ?? '')), fields) as FormModel;
    model.responses = (model.responses ?? []).map((r) => ({ ...r, timestamp: new Date(r.timestamp) }));
    const sheet = carried.responseSheet ? ss.sheetByName(carried.responseSheet) : null;
    if (model.destination && sheet) {
      model.destination = { ...model.destination, spreadsheetId: ss.id, sheetId: sheet.sheetId };
      sheet.formUrl = publishedUrl(carried.id);
      ss.formUrl = publishedUrl(carried.id);
    } else model.destination = null;
    const file = env.drive.add({ id: carried.id, name: carried.fileName, mimeType: FORM_MIME, content: model });
    file.byScript = true;
  }
}
