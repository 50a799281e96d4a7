/**
 * The dashboard sidebar's page script (bundled by scripts/build.mjs into build/Sidebar.html). It
 * asks the server for the figures through google.script.run, draws them with the same renderer as
 * report.html, and runs the menu actions from buttons, showing each outcome or failure in the page.
 */
import type { DashboardData } from '../../core/dashboard';
import { type Language, type MessageKey, t } from '../../core/i18n';
import { renderDashboard } from '../dashboard-view';

/** Server functions the page calls (global functions of build/Code.js). */
type ServerFunction =
  | 'getDashboardData'
  | 'setupWorkspace'
  | 'refreshForm'
  | 'scoreApplicants'
  | 'allocatePlaces'
  | 'previewNotices'
  | 'sendNotices';

/** google.script.run as HtmlService provides it: handlers first, then the call, which returns at once. */
interface ScriptRun extends Record<ServerFunction, () => void> {
  withSuccessHandler<T>(handler: (result: T) => void): ScriptRun;
  withFailureHandler(handler: (error: Error) => void): ScriptRun;
}

declare const google: { script: { run: ScriptRun } };

interface Action {
  id: string;
  caption: MessageKey;
  run: ServerFunction;
}

/** The buttons, in the order staff work through a season. */
const ACTIONS: readonly Action[] = [
  { id: 'refresh', caption: 'dash.refreshFigures', run: 'getDashboardData' },
  { id: 'setup', caption: 'menu.setup', run: 'setupWorkspace' },
  { id: 'refreshForm', caption: 'menu.refreshForm', run: 'refreshForm' },
  { id: 'score', caption: 'menu.score', run: 'scoreApplicants' },
  { id: 'allocate', caption: 'menu.allocate', run: 'allocatePlaces' },
  { id: 'preview', caption: 'menu.preview', run: 'previewNotices' },
  { id: 'send', caption: 'menu.send', run: 'sendNotices' },
];

// English until the figures say which language the call uses.
let lang: Language = 'en';

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`Sidebar.html has no element #${id}`);
  return found;
}

function caption(action: Action): string {
  return t(lang, action.caption);
}

function drawButtons(): void {
  const box = element('actions');
  box.setAttribute('aria-label', t(lang, 'dash.actions'));
  if (box.children.length === 0) {
    for (const action of ACTIONS) {
      const button = document.createElement('button');
      button.type = 'button';
      button.id = `action-${action.id}`;
      if (action.id === 'refresh') button.className = 'primary';
      button.addEventListener('click', () => (action.id === 'refresh' ? refreshFigures() : runAction(action)));
      box.appendChild(button);
    }
  }
  ACTIONS.forEach((action, i) => {
    (box.children[i] as HTMLButtonElement).textContent = caption(action);
  });
}

function setBusy(busy: boolean): void {
  for (const button of Array.from(element('actions').querySelectorAll('button'))) button.disabled = busy;
  element('status').classList.toggle('busy', busy);
}

function showStatus(text: string): void {
  element('status').textContent = text;
}

function clearError(): void {
  const box = element('error');
  box.textContent = '';
  box.hidden = true;
}

/** A failure stays on screen until the next action: staff must see it, never a silent nothing. */
function showError(text: string): void {
  const box = element('error');
  box.textContent = text;
  box.hidden = false;
}

function messageOf(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error && String(error.message)) return String(error.message);
  return String(error);
}

function render(data: DashboardData): void {
  lang = data.language;
  document.documentElement.lang = lang;
  drawButtons();
  // The spreadsheet's clock, as the server read it: the browser's own zone may be another.
  element('as-of').textContent = t(lang, 'dash.asOf', { time: data.generatedAtText });
  element('dashboard').innerHTML = renderDashboard(data);
}

/** Asks the server for the figures; `after` runs once they are drawn (or have failed). */
function loadFigures(action: Action, after: () => void = () => {}): void {
  setBusy(true);
  google.script.run
    .withSuccessHandler((data: DashboardData) => {
      render(data);
      setBusy(false);
      after();
    })
    .withFailureHandler((error: Error) => {
      showError(t(lang, 'dash.failed', { action: caption(action), message: messageOf(error) }));
      setBusy(false);
      after();
    })
    .getDashboardData();
}

function refreshFigures(): void {
  const action = ACTIONS[0];
  clearError();
  showStatus(t(lang, 'dash.running', { action: caption(action) }));
  loadFigures(action, () => showStatus(''));
}

function runAction(action: Action): void {
  clearError();
  setBusy(true);
  showStatus(t(lang, 'dash.running', { action: caption(action) }));
  google.script.run
    .withSuccessHandler((outcome: string | null | undefined) => {
      // The outcome stays on screen while the figures, which the action may have changed, are read again.
      showStatus(outcome || t(lang, 'dash.done', { action: caption(action) }));
      loadFigures(ACTIONS[0]);
    })
    .withFailureHandler((error: Error) => {
      showStatus('');
      showError(t(lang, 'dash.failed', { action: caption(action), message: messageOf(error) }));
      setBusy(false);
    })
    [action.run]();
}

drawButtons();
showStatus(t(lang, 'dash.loading'));
loadFigures(ACTIONS[0], () => showStatus(''));
