/**
 * Send the call (SPEC section 11): the `invitation` notice to every `Municipalities` row with an
 * `Email`, each with the application form prefilled with its name. Reading and counting come first
 * and write nothing, so a cancelled confirmation leaves every sheet as it was; the invitations are
 * then queued in one append (a malformed address as `Skipped` with the reason) and sent by the
 * same at-most-once machinery as every notice (sending.ts), which `runScheduledWork` carries on
 * across days when the quota stops it.
 */
import { chooseInvitees, INVITATION, type Invitees, planQuota, type QuotaPlan } from '../core/call';
import { type Language, t } from '../core/i18n';
import { isValidEmail } from '../core/intake';
import { placeholdersOf } from '../core/templates';
import { asText } from '../core/text';
import { NOTICE_HEADERS, type NoticeType, SHEET } from '../core/vocabulary';
import { timeZoneOf } from './execution';
import { linkMaker } from './links';
import { loadTemplates, reconcile } from './sending';
import { loadSettings } from './settings';
import { appendRows, readSheet, rowFrom, type Spreadsheet, text } from './sheets';

/** Names a confirmation lists of each group before it says how many more there are. */
const NAMES_SHOWN = 12;

/** What Send the call would do, read without writing anything. */
export interface CallPlan {
  invitees: Invitees;
  quota: QuotaPlan;
}

/** Reads Settings (strictly: a wrong setting stops before anything), Municipalities and Notices once. */
export function planInvitations(ss: Spreadsheet): CallPlan {
  const { settings } = loadSettings(ss, timeZoneOf(ss), true);
  const register = readSheet(ss, SHEET.municipalities, ['Name', 'Email']);
  const m = register.cols;
  const notices = readSheet(ss, SHEET.notices, NOTICE_HEADERS);
  // A block a killed run left is settled first, so what it sent counts as sent and the rest as waiting.
  const props = PropertiesService.getDocumentProperties();
  if (props) reconcile(ss, notices, props);
  const c = notices.cols;
  const invitees = chooseInvitees(
    register.rows.map((r) => ({ name: text(r[m.Name]), email: text(r[m.Email]) })),
    notices.rows.map((r) => [text(r[c['Notice Key']]), text(r[c.Status]), text(r[c.To])] as const),
    isValidEmail,
  );
  // A template problem (or a form link that cannot be made) stops here, before anything is written.
  const templates = loadTemplates([INVITATION as NoticeType], settings, settings.language);
  const first = invitees.send[0] ?? invitees.waiting[0];
  if (first) checkFormLink(ss, first.municipality, templates);
  const count = invitees.send.length + invitees.waiting.length;
  const quota = planQuota(count, MailApp.getRemainingDailyQuota(), settings.quotaReserve);
  return { invitees, quota };
}

/** The confirmation's text: how many go, what the quota allows today, the days the rest needs, who is left out. */
export function describePlan(plan: CallPlan, lang: Language): string {
  const { invitees, quota } = plan;
  // A dialog lists a few names: the sheet holds the rest.
  const names = (list: readonly string[]) =>
    list.length <= NAMES_SHOWN
      ? list.join(', ')
      : `${list.slice(0, NAMES_SHOWN).join(', ')}${t(lang, 'call.more', { count: list.length - NAMES_SHOWN })}`;
  const noAddress =
    invitees.noAddress.length > 0
      ? t(lang, 'call.noAddress', { count: invitees.noAddress.length, names: names(invitees.noAddress) })
      : '';
  const malformed =
    invitees.malformed.length > 0
      ? t(lang, 'call.malformed', {
          count: invitees.malformed.length,
          names: names(invitees.malformed.map((n) => `${n.municipality} ("${n.to}")`)),
        })
      : '';
  if (quota.count === 0) return t(lang, 'call.nothing', { noAddress, malformed });
  return t(lang, 'call.confirm', {
    count: quota.count,
    quota: t(lang, 'call.quota', { today: quota.today, remaining: quota.remaining, reserve: quota.reserve }),
    left:
      quota.rest === 0
        ? ''
        : Number.isFinite(quota.restDays)
          ? t(lang, 'call.rest', { rest: quota.rest, days: quota.restDays })
          : t(lang, 'call.restNever', { rest: quota.rest }),
    noAddress,
    malformed,
    already: invitees.already.length > 0 ? t(lang, 'call.already', { count: invitees.already.length }) : '',
  });
}

/**
 * Queues the plan's invitations in one append: `Queued` for a valid address, `Skipped` with the
 * reason for a malformed one. Returns the keys queued to send.
 */
export function queueInvitations(ss: Spreadsheet, plan: CallPlan, lang: Language): Set<string> {
  const notices = readSheet(ss, SHEET.notices, NOTICE_HEADERS);
  const type: NoticeType = 'invitation';
  const rows = [
    ...plan.invitees.send.map((n) =>
      rowFrom(notices, { 'Notice Key': asText(n.key), Type: type, To: asText(n.to), Status: 'Queued' }),
    ),
    ...plan.invitees.malformed.map((n) =>
      rowFrom(notices, {
        'Notice Key': asText(n.key),
        Type: type,
        To: asText(n.to),
        Status: 'Skipped',
        Error: asText(t(lang, 'call.badAddress', { to: n.to })),
      }),
    ),
  ];
  appendRows(notices, rows);
  return new Set([...plan.invitees.send, ...plan.invitees.waiting].map((n) => n.key));
}

/** Makes one prefilled form link where the invitation asks for one: a form that cannot be found stops Send the call before it writes. */
function checkFormLink(ss: Spreadsheet, municipality: string, templates: ReturnType<typeof loadTemplates>): void {
  const template = templates.get(INVITATION as NoticeType);
  if (template && placeholdersOf(template).known.includes('FormLink')) linkMaker(ss).application(municipality);
}
