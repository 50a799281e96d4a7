/**
 * Which sheet each of our forms writes its answers to, remembered by the URL the sheet gives
 * (Sheet.getFormUrl). Telling the forms apart otherwise opens every linked form (FormApp.openByUrl
 * and Form.getId) on every submission: the URL a sheet gives is not the form's published URL, so
 * only the form's id tells which form it is. An entry is written only after the form behind the
 * URL was opened and its id compared, and is looked up only under that id, so a form made anew (a
 * new id) is looked for again. One form has one URL, whatever staff call its sheet.
 */
export const FORM_SHEETS_PROPERTY = 'excursionDesk.formSheets';
/** A handful: the application form and the reply form, and those Set up made before them. */
const MOST_REMEMBERED = 6;

/** Form id → the URL its response sheet gives, from the property's value (anything unreadable is none). */
export function rememberedSheetUrls(raw: string | null | undefined): Record<string, string> {
  if (!raw) return {};
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed as Record<string, unknown>).filter(
        (e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '',
      ),
    );
  } catch (_e) {
    return {};
  }
}

/**
 * Remembers that the form `formId` writes to the sheet that gives `url`. Only a saving of time: a
 * failure to write it is ignored, and the next run opens the forms again.
 */
export function rememberSheetUrl(
  props: GoogleAppsScript.Properties.Properties | null,
  known: Record<string, string>,
  formId: string,
  url: string,
): void {
  if (!props || !formId || known[formId] === url) return;
  const entries = Object.entries(known).filter(([id]) => id !== formId);
  entries.push([formId, url]);
  try {
    props.setProperty(FORM_SHEETS_PROPERTY, JSON.stringify(Object.fromEntries(entries.slice(-MOST_REMEMBERED))));
  } catch (_e) {
    // Not kept: the forms are opened again next time.
  }
}
