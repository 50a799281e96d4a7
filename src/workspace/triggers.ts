/**
 * The triggers Excursion Desk made, found through the user's triggers of one spreadsheet
 * (ScriptApp.getUserTriggers), never through the whole project's: as an add-on, the project's
 * triggers are the user's triggers of every document that installed it. Each trigger made is
 * remembered by id in the spreadsheet's document properties and in the user's properties, which
 * also say which spreadsheet it serves: an add-on's time-driven run has no active spreadsheet and
 * no document properties, and opens the spreadsheet by id from there. A trigger that is not
 * remembered is never deleted here.
 */

/** What SpreadsheetApp.openById throws for a spreadsheet that was deleted or is no longer shared. */
const SPREADSHEET_GONE =
  /Unexpected error while getting the method or property openById|could not be found|do not have permission to access the requested document/i;

/** User property per trigger made: `excursionDesk.trigger.<uid>` = JSON MadeTrigger. */
const USER_PREFIX = 'excursionDesk.trigger.';
/** Document property: JSON array of the ids of the triggers made for this spreadsheet. */
const DOCUMENT_KEY = 'excursionDesk.triggers';

export interface MadeTrigger {
  spreadsheetId: string;
  handler: string;
  /** An hourly trigger (carries on until nothing is left) rather than a one-off. */
  hourly: boolean;
}

export interface OurTrigger {
  trigger: GoogleAppsScript.Script.Trigger;
  made: MadeTrigger;
}

function parse(json: string | null | undefined): unknown {
  try {
    return json ? JSON.parse(json) : null;
  } catch (_e) {
    return null;
  }
}

function documentIds(props: GoogleAppsScript.Properties.Properties | null): string[] {
  const ids = parse(props?.getProperty(DOCUMENT_KEY));
  return Array.isArray(ids) ? ids.map(String) : [];
}

/** Remembers a trigger this code made for `ss` (document properties when there are any, and user properties). */
export function rememberTrigger(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  trigger: GoogleAppsScript.Script.Trigger,
  made: Omit<MadeTrigger, 'spreadsheetId'>,
): void {
  const uid = trigger.getUniqueId();
  const record: MadeTrigger = { spreadsheetId: ss.getId(), ...made };
  PropertiesService.getUserProperties().setProperty(USER_PREFIX + uid, JSON.stringify(record));
  const docProps = PropertiesService.getDocumentProperties();
  if (docProps) docProps.setProperty(DOCUMENT_KEY, JSON.stringify([...documentIds(docProps), uid]));
}

/** Forgets triggers by id (after deleting them, or when they are gone). */
function forget(uids: string[]): void {
  if (uids.length === 0) return;
  const userProps = PropertiesService.getUserProperties();
  for (const uid of uids) userProps.deleteProperty(USER_PREFIX + uid);
  const docProps = PropertiesService.getDocumentProperties();
  if (docProps) {
    const left = documentIds(docProps).filter((id) => !uids.includes(id));
    docProps.setProperty(DOCUMENT_KEY, JSON.stringify(left));
  }
}

/** The spreadsheet a remembered trigger serves, or null (read from user properties: works without a document). */
export function spreadsheetServedBy(triggerUid: string): string | null {
  const made = parse(PropertiesService.getUserProperties().getProperty(USER_PREFIX + triggerUid)) as MadeTrigger | null;
  return made && typeof made.spreadsheetId === 'string' ? made.spreadsheetId : null;
}

/**
 * The live triggers with `handler` this user made for `ss`. Found among the user's triggers of
 * this document; a remembered one not there (a trigger made in a run with no active document is
 * tied to none) is looked up by its exact id, so no other document's trigger is ever matched.
 * Remembered ids whose trigger is gone are forgotten.
 */
export function ourTriggers(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, handler: string): OurTrigger[] {
  const ssId = ss.getId();
  const remembered = new Map<string, MadeTrigger>();
  for (const [key, value] of Object.entries(PropertiesService.getUserProperties().getProperties())) {
    if (!key.startsWith(USER_PREFIX)) continue;
    const made = parse(value) as MadeTrigger | null;
    if (made && made.spreadsheetId === ssId && made.handler === handler)
      remembered.set(key.slice(USER_PREFIX.length), made);
  }
  if (remembered.size === 0) return [];
  const found: OurTrigger[] = [];
  for (const trigger of ScriptApp.getUserTriggers(ss)) {
    const made = remembered.get(trigger.getUniqueId());
    if (made && trigger.getHandlerFunction() === handler) found.push({ trigger, made });
  }
  const missing = [...remembered.keys()].filter((uid) => !found.some((f) => f.trigger.getUniqueId() === uid));
  if (missing.length > 0) {
    // A trigger made in a run with no active document (an add-on's hourly run that must schedule
    // more) is tied to no document, so getUserTriggers cannot list it: it is looked up across the
    // project, by the exact ids this user's own properties remember, and nothing else is matched.
    const elsewhere = ScriptApp.getProjectTriggers().filter((t) => missing.includes(t.getUniqueId()));
    for (const trigger of elsewhere)
      found.push({ trigger, made: remembered.get(trigger.getUniqueId()) as MadeTrigger });
    forget(missing.filter((uid) => !elsewhere.some((t) => t.getUniqueId() === uid)));
  }
  return found;
}

/** Deletes triggers this code made and forgets them. */
export function deleteOurTriggers(found: OurTrigger[]): void {
  for (const f of found) ScriptApp.deleteTrigger(f.trigger);
  forget(found.map((f) => f.trigger.getUniqueId()));
}

/**
 * The spreadsheet a scheduled run works on: the active one (a bound script's time-driven trigger
 * has it), else the one the firing trigger was made for (an add-on's time-driven trigger runs
 * with no active document), opened by id. A trigger of ours whose spreadsheet cannot be found or
 * opened any more is removed, so it stops firing; null then.
 */
export function scheduledSpreadsheet(triggerUid: string | undefined): GoogleAppsScript.Spreadsheet.Spreadsheet | null {
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active) return active;
  const id = triggerUid ? spreadsheetServedBy(triggerUid) : null;
  if (id) {
    try {
      return SpreadsheetApp.openById(id);
    } catch (e) {
      // Only a spreadsheet that is gone (deleted, or no longer shared with this user) ends its
      // trigger; any other failure (an outage, a refused scope) leaves it to fire again.
      if (!SPREADSHEET_GONE.test(String(e))) throw e;
      console.log(`Scheduled work for spreadsheet ${id} stopped: it cannot be opened (${String(e)})`);
    }
  }
  if (triggerUid) {
    // The spreadsheet is gone, so getUserTriggers has no document to ask: only the trigger that
    // fired this very run is deleted, by its id.
    for (const t of ScriptApp.getProjectTriggers()) if (t.getUniqueId() === triggerUid) ScriptApp.deleteTrigger(t);
    forget([triggerUid]);
  }
  return null;
}
