/**
 * The entry points Apps Script calls (SPEC section 2). Each export becomes a top-level function
 * of build/Code.js. They only wire the workspace adapters to the core: no decisions here.
 */

import type { DashboardData } from './core/dashboard';
import { describeError, isStaffError } from './core/errors';
import { type Language, t, vocabularyLabel } from './core/i18n';
import { escapeHtml } from './core/text';
import { QUESTION } from './core/vocabulary';
import { buildMenu } from './ui/menu';
import { documentLock, runAction, showReport } from './workspace/actions';
import { describeChanges, describeCounts, describeSeats, planAllocation } from './workspace/allocation';
import { buildDashboardData, writeSummary } from './workspace/dashboard';
import { scheduledWork, scheduleNext, sendThenSchedule } from './workspace/deadlines';
import { openExcursionLabels } from './workspace/excursions';
import { commit, openExecution } from './workspace/execution';
import { findForm, setGridRows } from './workspace/form';
import { isBlankSubmission, markTakenIn, pendingAnswers, type TakenIn, takeIn } from './workspace/intake';
import { describePlan, planInvitations, queueInvitations } from './workspace/invitations';
import { staffLanguage } from './workspace/language';
import { whileSending } from './workspace/lease';
import { writeLog } from './workspace/log';
import { isReplySheet, takeInReplies } from './workspace/replies';
import { runScoring } from './workspace/scoring';
import {
  describeLeft,
  pendingCounts,
  previewMails,
  RESUME_AFTER_TIME_MS,
  releaseUnsent,
  type SendOutcome,
  scheduleResume,
  sendPending,
} from './workspace/sending';
import { runSetup } from './workspace/setup';
import { scheduledSpreadsheet } from './workspace/triggers';

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
 * Installable trigger of both forms: an application answer becomes one Applications row, a reply
 * form answer is taken in by reply intake (src/workspace/replies.ts); each with any earlier answer
 * of its form a failed run left behind. Never throws: a failure goes to Log, and the answer stays in the form's response sheet
 * to be taken in by the next run. A blank duplicate event is ignored.
 */
export function onFormSubmit(e: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  if (isBlankSubmission(e)) {
    console.info('onFormSubmit: a blank form-submit event (no answers) ignored');
    return;
  }
  const startedAt = Date.now();
  let ss: GoogleAppsScript.Spreadsheet.Spreadsheet | null = null;
  let responseRow = '?';
  let sheetName = '';
  let lock: GoogleAppsScript.Lock.Lock | null = null;
  let locked = false;
  let close = () => {};
  let reply = false;
  let lang: Language = 'en';
  try {
    lock = documentLock();
    ss = SpreadsheetApp.getActiveSpreadsheet();
    close = openExecution(ss, { undoable: false });
    lang = staffLanguage(ss);
    const row = e.range.getRow();
    responseRow = String(row);
    const answerSheet = e.range.getSheet();
    sheetName = answerSheet.getName();
    // Both forms answer here: the sheet the answer landed in says which one it was.
    reply = isReplySheet(answerSheet);
    lock.waitLock(30000);
    locked = true;
    let lines: string[];
    let keys: Set<string>;
    let mark = (_flushed: boolean) => {};
    if (reply) {
      // Its acknowledgement is queued Sending: it goes at once (released to Queued if it cannot).
      const replies = takeInReplies(ss, answerSheet, row, true);
      lines = replies.lines;
      keys = new Set(replies.keys);
    } else {
      const answers = pendingAnswers(ss, { event: e, row });
      // Its confirmation is queued Sending: the sending lease's flush makes that durable before the
      // mail, so a run without document properties never sends it too (released if it cannot go).
      const taken = takeIn(ss, answers, false, true);
      mark = (flushed) => markTakenIn(answers, flushed);
      lines = taken.map((r) => describeTaken(r, lang));
      keys = new Set(taken.map((r) => `${r.notice}:${r.applicationId}`));
    }
    // The confirmation (or a reply's acknowledgement) goes at once; a template problem or the
    // quota leaves it Queued for Send notices.
    const what = { key: reply ? 'log.acknowledgement' : 'log.confirmation' } as const;
    // The sending lease flushes whenever whileSending returns (src/workspace/lease.ts): the intake's
    // rows are kept by then, and its mark of progress needs no flush of its own (intake.ts, markTakenIn).
    let flushed = false;
    try {
      const sheet = ss;
      const outcome =
        reply && keys.size === 0 ? null : whileSending(sheet, () => sendPending(sheet, startedAt, keys), true);
      flushed = !(reply && keys.size === 0);
      if (!outcome) {
        if (keys.size > 0) lines.push(t(lang, 'log.queuedBusy', { notice: what }));
      } else if (outcome.sent + outcome.failed + outcome.skipped > 0) lines.push(describeOutcome(outcome, lang));
    } catch (err) {
      lines.push(t(lang, 'log.queuedProblem', { notice: what, problem: describeProblem(err, lang) }));
    }
    mark(flushed);
    // One Log write for the whole run (after the mail, so a Log problem never holds an answer up).
    writeLog(ss, 'onFormSubmit', lines);
  } catch (err) {
    writeLog(
      ss,
      'onFormSubmit',
      t(lang, sheetName ? 'log.notTaken' : 'log.notTakenUnknown', {
        sheet: sheetName,
        row: responseRow,
        problem: describeError(err),
        next: { key: reply ? 'log.next.reply' : 'log.next.application' },
      }),
    );
  } finally {
    // What it marked Sending and did not mail goes back to Queued (written at the run's end).
    try {
      if (ss) releaseUnsent(ss);
    } catch (_e) {
      // Left Sending: staff see it (the guide says what to do), and it is never sent twice.
    }
    close();
    releaseQuietly(locked ? lock : null);
  }
}

function describeTaken(r: TakenIn, lang: Language): string {
  const params = {
    id: r.applicationId,
    sheet: r.sheetName,
    row: r.responseRow,
    status: vocabularyLabel(lang, r.status),
    ids: r.replaced.join(', '),
  };
  return t(lang, r.replaced.length ? 'log.takenReplacing' : 'log.taken', params);
}

/** A failure in the staff's words: a staff error's own message, else what Apps Script said. */
function describeProblem(err: unknown, lang: Language): string {
  return isStaffError(err) ? t(lang, err.key, err.params) : describeError(err);
}

/** Menu: creates or repairs the sheets, the form, the trigger and the templates. */
export function setupWorkspace(): string | undefined {
  return runAction(
    'setupWorkspace',
    ({ ss, lang, ui }) => {
      const report = runSetup(ss, lang);
      const caughtUp = takeIn(ss, pendingAnswers(ss, null));
      writeLog(ss, 'setupWorkspace', [
        ...report.created.map((what) => t(lang, 'log.created', { what })),
        ...report.repaired.map((what) => t(lang, 'log.repaired', { what })),
        ...report.removed.map((what) => t(lang, 'log.removed', { what })),
        ...caughtUp.map((r) => describeTaken(r, lang)),
        t(lang, 'log.form', { url: report.formUrl }),
      ]);
      commit(ss);
      showReport(
        ui,
        t(lang, 'setup.title'),
        [
          { heading: t(lang, 'setup.created'), items: report.created },
          { heading: t(lang, 'setup.repaired'), items: report.repaired },
          { heading: t(lang, 'setup.removed'), items: report.removed },
          { heading: t(lang, 'setup.unchanged'), items: report.unchanged },
        ],
        [
          { label: t(lang, 'setup.formLink'), url: report.formUrl },
          { label: t(lang, 'setup.formEdit'), url: report.formEditUrl },
        ],
      );
      return t(lang, 'setup.title');
    },
    'setup',
  );
}

/** Menu: rewrites the form's excursion rows from the Open excursions; nothing else changes. */
export function refreshForm(): string | undefined {
  return runAction('refreshForm', ({ ss, lang, ui }) => {
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
    return message;
  });
}

/** Menu: computes Score and Score Breakdown of every application (staff columns untouched). */
export function scoreApplicants(): string | undefined {
  return runAction('scoreApplicants', ({ ss, lang, ui }) => {
    const count = runScoring(ss, lang);
    commit(ss);
    writeLog(ss, 'scoreApplicants', t(lang, 'log.scored', { count }));
    const message = t(lang, 'score.done', { count });
    ui.alert(t(lang, 'score.title'), message, ui.ButtonSet.OK);
    return message;
  });
}
/** Menu: shows what the allocation would change, and on Yes writes Allocations and queues the notices. */
export function allocatePlaces(): string | undefined {
  return runAction('allocatePlaces', ({ ss, lang, ui }) => {
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
      details: describeChanges(plan, lang),
    });
    if (ui.alert(t(lang, 'allocate.title'), question, ui.ButtonSet.YES_NO) !== ui.Button.YES) {
      writeLog(ss, 'allocatePlaces', t(lang, 'log.cancelled'));
      ui.alert(t(lang, 'allocate.title'), t(lang, 'action.cancelled'), ui.ButtonSet.OK);
      return t(lang, 'action.cancelled');
    }
    const queued = plan.apply();
    writeSummary(ss, buildDashboardData(ss), lang);
    commit(ss);
    writeLog(
      ss,
      'allocatePlaces',
      t(lang, 'log.allocated', {
        applications: plan.applicants,
        excursions: plan.excursions.length,
        decisions: describeCounts(plan.decisions, lang),
        changed: plan.changed,
        queued,
        seats: describeSeats(plan),
        digest: plan.digest,
      }),
    );
    const message = t(lang, 'allocate.done', { changed: plan.changed, notices: queued });
    ui.alert(t(lang, 'allocate.title'), message, ui.ButtonSet.OK);
    return message;
  });
}
/** Menu: shows the merged mails of the selected Notices rows (or the first waiting ones) without sending. */
export function previewNotices(): void {
  runAction('previewNotices', ({ ss, lang, ui }) => {
    const mails = previewMails(ss);
    if (mails.length === 0) {
      ui.alert(t(lang, 'preview.title'), t(lang, 'preview.none'), ui.ButtonSet.OK);
      return;
    }
    const html = mails
      .map(
        (m) =>
          `<p><b>${escapeHtml(t(lang, 'preview.to'))}:</b> ${escapeHtml(m.to)}<br><b>${escapeHtml(t(lang, 'preview.subject'))}:</b> ${escapeHtml(m.subject)}</p>` +
          `<iframe sandbox="" style="width:100%;height:320px;border:1px solid #ccc" srcdoc="${escapeHtml(m.html)}"></iframe>`,
      )
      .join('<hr>');
    ui.showModalDialog(
      HtmlService.createHtmlOutput(`<div style="font-family:Arial,sans-serif;font-size:13px">${html}</div>`)
        .setWidth(640)
        .setHeight(560),
      t(lang, 'preview.title'),
    );
  });
}

/** Menu: says how many notices of each type will go and the quota left, then sends them. */
export function sendNotices(): string | undefined {
  const startedAt = Date.now();
  return runAction(
    'sendNotices',
    ({ ss, lang, ui }) => {
      const counts = pendingCounts(ss);
      if (counts.total === 0) {
        ui.alert(t(lang, 'send.title'), t(lang, 'send.nothing'), ui.ButtonSet.OK);
        return t(lang, 'send.nothing');
      }
      const question = t(lang, 'send.confirm', {
        count: counts.total,
        types: describeCounts(counts.byType, lang),
        quota: counts.quota,
        reserve: counts.reserve,
      });
      if (ui.alert(t(lang, 'send.title'), question, ui.ButtonSet.YES_NO) !== ui.Button.YES)
        return t(lang, 'action.cancelled');
      // Sending the first offers leaves the trigger that reminds and lapses them (workspace/deadlines.ts).
      const outcome = whileSending(ss, () => sendThenSchedule(ss, startedAt));
      if (!outcome) {
        writeLog(ss, 'sendNotices', t(lang, 'log.sendBusy'));
        ui.alert(t(lang, 'app.title'), t(lang, 'error.busy'), ui.ButtonSet.OK);
        return t(lang, 'error.busy');
      }
      writeLog(ss, 'sendNotices', describeOutcome(outcome, lang));
      const message = t(lang, 'send.done', {
        sent: outcome.sent,
        failed: outcome.failed,
        skipped: outcome.skipped,
        left: describeLeft(outcome, lang),
      });
      ui.alert(t(lang, 'send.title'), message, ui.ButtonSet.OK);
      return message;
    },
    'sending',
  );
}

/**
 * The one time-driven trigger: queues reply reminders, lapses offers whose Reply By day has ended
 * (and, with autoReallocate, offers the freed places), carries on sending where the quota or the
 * time budget stopped it, and stays while notices or open offers are left (workspace/deadlines.ts).
 * Bound, it runs in its spreadsheet under the document lock; as an add-on it has no active
 * spreadsheet and no document lock, so it opens the spreadsheet its trigger was made for and
 * relies on the sending lease alone, which it holds for all of its work.
 */
export function runScheduledWork(e?: GoogleAppsScript.Events.TimeDriven): void {
  const startedAt = Date.now();
  let ss: GoogleAppsScript.Spreadsheet.Spreadsheet | null = null;
  let lock: GoogleAppsScript.Lock.Lock | null = null;
  let close = () => {};
  let lang: Language = 'en';
  try {
    ss = scheduledSpreadsheet(e?.triggerUid);
    if (!ss) return;
    const sheet = ss;
    close = openExecution(sheet, { undoable: false });
    lang = staffLanguage(sheet);
    lock = LockService.getDocumentLock();
    if (lock && !lock.tryLock(10000)) {
      lock = null;
      writeLog(sheet, 'runScheduledWork', t(lang, 'log.scheduledLocked'));
      scheduleResume(sheet, RESUME_AFTER_TIME_MS);
      return;
    }
    const work = whileSending(sheet, () => scheduledWork(sheet, startedAt));
    if (!work) {
      writeLog(sheet, 'runScheduledWork', t(lang, 'log.scheduledBusy'));
      scheduleResume(sheet, RESUME_AFTER_TIME_MS);
      return;
    }
    writeLog(sheet, 'runScheduledWork', [
      ...work.lines,
      ...(work.outcome ? [describeOutcome(work.outcome, lang)] : []),
    ]);
  } catch (err) {
    // Each notice's Status says what became of it; a Queued or Failed one goes with the next run.
    writeLog(ss, 'runScheduledWork', t(lang, 'log.stopped', { problem: describeProblem(err, lang) }));
  } finally {
    close();
    releaseQuietly(lock);
  }
}

/** Releases the lock; a failure to release is harmless (the lock ends with the execution). */
function releaseQuietly(lock: GoogleAppsScript.Lock.Lock | null): void {
  try {
    lock?.releaseLock();
  } catch (_e) {
    // Apps Script releases it when the execution ends.
  }
}

function describeOutcome(o: SendOutcome, lang: Language): string {
  const counts = { sent: o.sent, failed: o.failed, skipped: o.skipped, left: o.left };
  return o.stoppedBy
    ? t(lang, 'log.sentStopped', { ...counts, by: { key: o.stoppedBy === 'quota' ? 'log.by.quota' : 'log.by.time' } })
    : t(lang, 'log.sent', counts);
}
/** Menu: opens the dashboard sidebar (its page asks getDashboardData for the figures). */
export function showDashboard(): void {
  runAction('showDashboard', ({ lang, ui }) => {
    ui.showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(t(lang, 'dash.title')));
  });
}

/** Called by the sidebar page through google.script.run: the dashboard's figures. A problem is thrown as a message for the page to show. */
export function getDashboardData(): DashboardData {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const close = openExecution(ss, { undoable: false });
  try {
    return buildDashboardData(ss);
  } catch (e) {
    throw new Error(isStaffError(e) ? t(staffLanguage(ss), e.key, e.params) : describeError(e));
  } finally {
    close();
  }
}

/**
 * Menu: Send the call (SPEC section 11). Says how many invitations go, what today's quota allows
 * and how many days the rest needs, and who is left out; on Yes queues them and sends through the
 * at-most-once machinery, leaving the trigger that carries the rest on and sends the call reminder.
 */
export function sendInvitations(): string | undefined {
  const startedAt = Date.now();
  return runAction(
    'sendInvitations',
    ({ ss, lang, ui }) => {
      const plan = planInvitations(ss);
      const question = describePlan(plan, lang);
      if (plan.quota.count === 0) {
        if (plan.invitees.malformed.length > 0) queueInvitations(ss, plan, lang);
        ui.alert(t(lang, 'call.title'), question, ui.ButtonSet.OK);
        return question;
      }
      if (ui.alert(t(lang, 'call.title'), question, ui.ButtonSet.YES_NO) !== ui.Button.YES)
        return t(lang, 'action.cancelled');
      const outcome = whileSending(ss, () => {
        const keys = queueInvitations(ss, plan, lang);
        const sent = sendPending(ss, startedAt, keys);
        scheduleNext(ss, sent, true);
        return sent;
      });
      if (!outcome) {
        writeLog(ss, 'sendInvitations', t(lang, 'log.sendBusy'));
        ui.alert(t(lang, 'app.title'), t(lang, 'error.busy'), ui.ButtonSet.OK);
        return t(lang, 'error.busy');
      }
      writeLog(ss, 'sendInvitations', [
        t(lang, 'log.invitationsQueued', {
          count: plan.quota.count,
          malformed: plan.invitees.malformed.length,
          noAddress: plan.invitees.noAddress.length,
          already: plan.invitees.already.length,
        }),
        describeOutcome(outcome, lang),
      ]);
      const message = t(lang, 'call.done', {
        sent: outcome.sent,
        failed: outcome.failed,
        skipped: outcome.skipped + plan.invitees.malformed.length,
        left: describeLeft(outcome, lang),
      });
      ui.alert(t(lang, 'call.title'), message, ui.ButtonSet.OK);
      return message;
    },
    'sending',
  );
}
