/**
 * The entry points Apps Script calls (SPEC section 2). Each export becomes a top-level function
 * of build/Code.js. They only wire the workspace adapters to the core: no decisions here.
 */
import { describeError } from './core/errors';
import { t } from './core/i18n';
import { QUESTION } from './core/vocabulary';
import { buildMenu } from './ui/menu';
import { notYetAvailable, runAction, showReport } from './workspace/actions';
import { describeCounts, describeSeats, planAllocation } from './workspace/allocation';
import { openExcursionLabels } from './workspace/excursions';
import { findForm, setGridRows } from './workspace/form';
import { pendingAnswers, type TakenIn, takeIn } from './workspace/intake';
import { staffLanguage } from './workspace/language';
import { writeLog } from './workspace/log';
import { runScoring } from './workspace/scoring';
import { runSetup } from './workspace/setup';

/** Simple trigger: adds the Excursion Desk menu in the staff's language. */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const authNone = e?.authMode === ScriptApp.AuthMode.NONE;
  buildMenu(SpreadsheetApp.getUi(), staffLanguage(authNone ? null : SpreadsheetApp.getActiveSpreadsheet()));
}

/** Runs when the add-on is installed: the menu at once, without reopening the file. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/**
 * Installable trigger: one Applications row per answer, and any earlier answer a failed run left
 * behind. Never throws: a failure goes to Log, and the answer stays in "Form Responses 1" to be
 * taken in by the next run.
 */
export function onFormSubmit(e: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  let ss: GoogleAppsScript.Spreadsheet.Spreadsheet | null = null;
  let responseRow = '?';
  const lock = LockService.getScriptLock();
  let locked = false;
  try {
    ss = SpreadsheetApp.getActiveSpreadsheet();
    const row = e.range.getRow();
    responseRow = String(row);
    lock.waitLock(30000);
    locked = true;
    const taken = takeIn(ss, pendingAnswers(ss, { event: e, row }));
    writeLog(ss, 'onFormSubmit', taken.map(describeTaken));
  } catch (err) {
    writeLog(
      ss,
      'onFormSubmit',
      `The answer in "Form Responses 1" row ${responseRow} is not taken in yet: ${describeError(err)}. It stays in that sheet and the next submission or Set up takes it in.`,
    );
  } finally {
    if (locked) lock.releaseLock();
  }
}

function describeTaken(r: TakenIn): string {
  return `${r.applicationId} from "Form Responses 1" row ${r.responseRow}: ${r.status}${r.replaced.length ? `, replaces ${r.replaced.join(', ')}` : ''}`;
}

/** Menu: creates or repairs the sheets, the form, the trigger and the templates. */
export function setupWorkspace(): void {
  runAction('setupWorkspace', ({ ss, lang, ui }) => {
    const report = runSetup(ss, lang);
    const caughtUp = takeIn(ss, pendingAnswers(ss, null));
    writeLog(ss, 'setupWorkspace', [
      ...report.created.map((c) => `Created ${c}`),
      ...report.repaired.map((c) => `Repaired ${c}`),
      ...caughtUp.map(describeTaken),
      `Form: ${report.formUrl}`,
    ]);
    showReport(
      ui,
      t(lang, 'setup.title'),
      [
        { heading: t(lang, 'setup.created'), items: report.created },
        { heading: t(lang, 'setup.repaired'), items: report.repaired },
        { heading: t(lang, 'setup.unchanged'), items: report.unchanged },
      ],
      [
        { label: t(lang, 'setup.formLink'), url: report.formUrl },
        { label: t(lang, 'setup.formEdit'), url: report.formEditUrl },
      ],
    );
  });
}

/** Menu: rewrites the form's excursion rows from the Open excursions; nothing else changes. */
export function refreshForm(): void {
  runAction('refreshForm', ({ ss, lang, ui }) => {
    const form = findForm(ss);
    const labels = openExcursionLabels(ss);
    let message: string;
    if (!form) message = t(lang, 'refresh.noForm');
    else if (labels.length === 0) message = t(lang, 'refresh.none');
    else {
      const outcome = setGridRows(form, labels);
      message =
        outcome === 'missing'
          ? t(lang, 'refresh.noGrid', { title: QUESTION.preferences })
          : outcome === 'changed'
            ? t(lang, 'refresh.changed', { count: labels.length, labels: labels.join('; ') })
            : t(lang, 'refresh.unchanged', { count: labels.length });
    }
    writeLog(ss, 'refreshForm', message);
    ui.alert(t(lang, 'refresh.title'), message, ui.ButtonSet.OK);
  });
}

/** Menu: computes Score and Score Breakdown of every application (staff columns untouched). */
export function scoreApplicants(): void {
  runAction('scoreApplicants', ({ ss, lang, ui }) => {
    const count = runScoring(ss, lang);
    writeLog(ss, 'scoreApplicants', `Scored ${count} applications`);
    ui.alert(t(lang, 'score.title'), t(lang, 'score.done', { count }), ui.ButtonSet.OK);
  });
}
/** Menu: shows what the allocation would change, and on Yes writes Allocations and queues the notices. */
export function allocatePlaces(): void {
  runAction('allocatePlaces', ({ ss, lang, ui }) => {
    const plan = planAllocation(ss, lang);
    const noticeCounts: Record<string, number> = {};
    for (const n of plan.notices) noticeCounts[n.type] = (noticeCounts[n.type] ?? 0) + 1;
    const question = t(lang, 'allocate.confirm', {
      applicants: plan.applicants,
      excursions: plan.excursions.length,
      seats: describeSeats(plan),
      decisions: describeCounts(plan.decisions, lang),
      changed: plan.changed,
      notices: describeCounts(noticeCounts, lang),
    });
    if (ui.alert(t(lang, 'allocate.title'), question, ui.ButtonSet.YES_NO) !== ui.Button.YES) {
      writeLog(ss, 'allocatePlaces', 'Cancelled at the confirmation; nothing written');
      ui.alert(t(lang, 'allocate.title'), t(lang, 'allocate.cancelled'), ui.ButtonSet.OK);
      return;
    }
    const queued = plan.apply();
    writeLog(
      ss,
      'allocatePlaces',
      `${plan.applicants} applications, ${plan.excursions.length} excursions; ${describeCounts(plan.decisions, 'en')}; ${plan.changed} changed; ${queued} notices queued; seats ${describeSeats(plan)}; input digest ${plan.digest}`,
    );
    ui.alert(
      t(lang, 'allocate.title'),
      t(lang, 'allocate.done', { changed: plan.changed, notices: queued }),
      ui.ButtonSet.OK,
    );
  });
}
export function previewNotices(): void {
  notYetAvailable('menu.preview');
}
export function sendNotices(): void {
  notYetAvailable('menu.send');
}
/** Time-driven trigger of the sending work; nothing to resume in this version. */
export function resumeSending(): void {
  writeLog(
    SpreadsheetApp.getActiveSpreadsheet(),
    'resumeSending',
    'Nothing to resume: sending is not part of this version yet.',
  );
}
export function showDashboard(): void {
  notYetAvailable('menu.dashboard');
}
/** The dashboard's data; not part of this version yet, so there is none. */
export function getDashboardData(): null {
  return null;
}
