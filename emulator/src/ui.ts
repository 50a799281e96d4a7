/**
 * The emulated user interface of the spreadsheet editor (SpreadsheetApp.getUi()): menus, alerts,
 * prompts, toasts, sidebars and dialogs. Nothing is shown; everything is recorded in public arrays
 * so tests can read it, and alerts/prompts answer from a scripted queue. Never bundled.
 */
import type { Env } from './env';

type GButton = GoogleAppsScript.Base.Button;
type GButtonSet = GoogleAppsScript.Base.ButtonSet;
type GMenu = GoogleAppsScript.Base.Menu;
type GHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

/** Button names, as the real Button enum prints them. */
export type ButtonName = 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';
export type ButtonSetName = 'OK' | 'OK_CANCEL' | 'YES_NO' | 'YES_NO_CANCEL';

const BUTTON_NAMES: readonly ButtonName[] = ['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'];

/** The buttons each ButtonSet shows, in order (the first one is the default scripted answer). */
export const BUTTON_SET_BUTTONS: Readonly<Record<ButtonSetName, readonly ButtonName[]>> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

/** https://developers.google.com/apps-script/reference/base/button */
export const Button = Object.freeze({ CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' });
/** https://developers.google.com/apps-script/reference/base/button-set */
export const ButtonSet = Object.freeze({
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
});

/** One entry of a recorded menu. */
export type MenuEntry =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; name: string; items: MenuEntry[] };

/**
 * Whose screen a recorded item appeared on: the user and document of the execution that showed it
 * (the Ui belongs to the open document of the user who runs the script, Ui reference). Kept beside
 * the records (FakeUi.shownTo) so the records themselves stay plain.
 */
export interface Shown {
  user: string;
  documentId: string | null;
}

const shownOn = new WeakMap<object, Shown>();

function stamp<T extends object>(record: T, where: Shown): T {
  shownOn.set(record, where);
  return record;
}

export interface RecordedMenu {
  name: string;
  items: MenuEntry[];
}

export interface RecordedAlert {
  title: string;
  prompt: string;
  buttons: ButtonSetName;
  answer: ButtonName;
}

export interface RecordedPrompt extends RecordedAlert {
  text: string;
}

export interface RecordedToast {
  message: string;
  title: string;
  timeoutSeconds: number | null;
}

export interface RecordedSidebar {
  title: string;
  html: string;
  width: number | null;
}

export interface RecordedDialog {
  title: string;
  html: string;
  width: number | null;
  height: number | null;
  modal: boolean;
}

/** A scripted answer: a button name, or for a prompt the button and the typed text. */
export type ScriptedAnswer = string | { button: string; text?: string };

function isButtonName(s: string): s is ButtonName {
  return (BUTTON_NAMES as readonly string[]).includes(s);
}

function buttonSetName(v: unknown): ButtonSetName {
  const s = String(v);
  if (s in BUTTON_SET_BUTTONS) return s as ButtonSetName;
  throw new Error(`Invalid argument: buttons (${s})`);
}

/** Reads an HtmlOutput-like object (duck-typed: HtmlService is another file's job). */
function readHtml(ui: unknown): { html: string; title: string | null; width: number | null; height: number | null } {
  const o = (ui ?? {}) as Record<string, unknown>;
  const call = (name: string): unknown => (typeof o[name] === 'function' ? (o[name] as () => unknown).call(ui) : null);
  const content = call('getContent');
  const title = call('getTitle');
  const width = call('getWidth');
  const height = call('getHeight');
  return {
    html: typeof content === 'string' ? content : String(content ?? ''),
    title: title === null || title === undefined || title === '' ? null : String(title),
    width: typeof width === 'number' ? width : null,
    height: typeof height === 'number' ? height : null,
  };
}

// https://developers.google.com/apps-script/reference/base/prompt-response
export class FakePromptResponse
  implements Pick<GoogleAppsScript.Base.PromptResponse, 'getResponseText' | 'getSelectedButton'>
{
  constructor(
    private readonly env: Env,
    private readonly text: string,
    private readonly button: ButtonName,
  ) {}

  getResponseText(): string {
    this.env.calls.record('Spreadsheet.PromptResponse.getResponseText');
    return this.text;
  }

  getSelectedButton(): GButton {
    this.env.calls.record('Spreadsheet.PromptResponse.getSelectedButton');
    return this.button as unknown as GButton;
  }
}

// https://developers.google.com/apps-script/reference/base/menu
export class FakeMenu implements Pick<GMenu, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'> {
  readonly items: MenuEntry[] = [];

  constructor(
    private readonly env: Env,
    private readonly ui: FakeUi,
    readonly name: string,
  ) {}

  addItem(caption: string, functionName: string): GMenu {
    this.env.calls.record('Spreadsheet.Menu.addItem');
    this.items.push({ kind: 'item', caption: String(caption), functionName: String(functionName) });
    return this as unknown as GMenu;
  }

  addSeparator(): GMenu {
    this.env.calls.record('Spreadsheet.Menu.addSeparator');
    this.items.push({ kind: 'separator' });
    return this as unknown as GMenu;
  }

  addSubMenu(menu: GMenu): GMenu {
    this.env.calls.record('Spreadsheet.Menu.addSubMenu');
    if (!(menu instanceof FakeMenu)) throw new Error('Invalid argument: menu');
    this.items.push({ kind: 'submenu', name: menu.name, items: copyEntries(menu.items) });
    return this as unknown as GMenu;
  }

  addToUi(): void {
    this.env.calls.record('Spreadsheet.Menu.addToUi');
    const where = this.ui.where();
    const recorded = stamp<RecordedMenu>({ name: this.name, items: copyEntries(this.items) }, where);
    const i = this.ui.menus.findIndex((m) => {
      const w = shownOn.get(m);
      return m.name === this.name && (!w || (w.user === where.user && w.documentId === where.documentId));
    });
    if (i >= 0) this.ui.menus[i] = recorded;
    else this.ui.menus.push(recorded);
  }
}

function copyEntries(items: MenuEntry[]): MenuEntry[] {
  return items.map((e) => (e.kind === 'submenu' ? { ...e, items: copyEntries(e.items) } : { ...e }));
}

// https://developers.google.com/apps-script/reference/base/ui
export class FakeUi
  implements
    Pick<
      GoogleAppsScript.Base.Ui,
      | 'Button'
      | 'ButtonSet'
      | 'alert'
      | 'prompt'
      | 'createMenu'
      | 'createAddonMenu'
      | 'showSidebar'
      | 'showModalDialog'
      | 'showModelessDialog'
    >
{
  readonly Button = Button as unknown as typeof GoogleAppsScript.Base.Button;
  readonly ButtonSet = ButtonSet as unknown as typeof GoogleAppsScript.Base.ButtonSet;

  /** Menus added with addToUi(), by name (a later addToUi of the same name replaces it). */
  menus: RecordedMenu[] = [];
  alerts: RecordedAlert[] = [];
  prompts: RecordedPrompt[] = [];
  toasts: RecordedToast[] = [];
  sidebars: RecordedSidebar[] = [];
  dialogs: RecordedDialog[] = [];
  /** Scripted answers, used first in first out by alert() and prompt(). */
  answers: ScriptedAnswer[] = [];
  /** Name shown for createAddonMenu() (the add-on's name in the Extensions menu). */
  addonMenuName = 'Add-on';

  constructor(private readonly env: Env) {}

  /** Forgets everything recorded and every scripted answer. */
  reset(): void {
    this.menus = [];
    this.alerts = [];
    this.prompts = [];
    this.toasts = [];
    this.sidebars = [];
    this.dialogs = [];
    this.answers = [];
  }

  /** The user and document of the execution in progress (or of the context), stamped on what is recorded. */
  where(): Shown {
    return { user: this.env.user.email, documentId: this.env.activeSpreadsheetId };
  }

  /** What `user` saw in `documentId` (uncounted): the recorded menus, alerts, prompts, sidebars and dialogs there (not toasts). */
  shownTo(user: string, documentId: string | null) {
    const here = (r: object) => shownOn.get(r)?.user === user && shownOn.get(r)?.documentId === documentId;
    return {
      menus: this.menus.filter(here),
      alerts: this.alerts.filter(here),
      prompts: this.prompts.filter(here),
      sidebars: this.sidebars.filter(here),
      dialogs: this.dialogs.filter(here),
    };
  }

  /** The function name behind a menu item (uncounted helper for tests and the CLI). */
  menuFunction(caption: string, menuName?: string): string | null {
    const search = (items: MenuEntry[]): string | null => {
      for (const e of items) {
        if (e.kind === 'item' && e.caption === caption) return e.functionName;
        if (e.kind === 'submenu') {
          const found = search(e.items);
          if (found) return found;
        }
      }
      return null;
    };
    for (const m of this.menus) {
      if (menuName !== undefined && m.name !== menuName) continue;
      const found = search(m.items);
      if (found) return found;
    }
    return null;
  }

  createMenu(caption: string): GMenu {
    this.env.calls.record('Spreadsheet.Ui.createMenu');
    return new FakeMenu(this.env, this, String(caption)) as unknown as GMenu;
  }

  createAddonMenu(): GMenu {
    this.env.calls.record('Spreadsheet.Ui.createAddonMenu');
    return new FakeMenu(this.env, this, this.addonMenuName) as unknown as GMenu;
  }

  alert(prompt: string): GButton;
  alert(prompt: string, buttons: GButtonSet): GButton;
  alert(title: string, prompt: string, buttons: GButtonSet): GButton;
  alert(a: string, b?: string | GButtonSet, c?: GButtonSet): GButton {
    this.env.calls.record('Spreadsheet.Ui.alert');
    const { title, prompt, buttons } = dialogArgs(a, b, c);
    const { button } = this.nextAnswer(buttons, false);
    this.alerts.push(stamp({ title, prompt, buttons, answer: button }, this.where()));
    return button as unknown as GButton;
  }

  prompt(prompt: string): GoogleAppsScript.Base.PromptResponse;
  prompt(prompt: string, buttons: GButtonSet): GoogleAppsScript.Base.PromptResponse;
  prompt(title: string, prompt: string, buttons: GButtonSet): GoogleAppsScript.Base.PromptResponse;
  prompt(a: string, b?: string | GButtonSet, c?: GButtonSet): GoogleAppsScript.Base.PromptResponse {
    this.env.calls.record('Spreadsheet.Ui.prompt');
    const { title, prompt, buttons } = dialogArgs(a, b, c);
    const { button, text } = this.nextAnswer(buttons, true);
    this.prompts.push(stamp({ title, prompt, buttons, answer: button, text }, this.where()));
    return new FakePromptResponse(this.env, text, button) as unknown as GoogleAppsScript.Base.PromptResponse;
  }

  showSidebar(userInterface: GHtmlOutput): void {
    this.env.calls.record('Spreadsheet.Ui.showSidebar');
    const h = readHtml(userInterface);
    this.sidebars.push(stamp({ title: h.title ?? '', html: h.html, width: h.width }, this.where()));
  }

  showModalDialog(userInterface: GHtmlOutput, title: string): void {
    this.env.calls.record('Spreadsheet.Ui.showModalDialog');
    this.recordDialog(userInterface, title, true);
  }

  showModelessDialog(userInterface: GHtmlOutput, title: string): void {
    this.env.calls.record('Spreadsheet.Ui.showModelessDialog');
    this.recordDialog(userInterface, title, false);
  }

  private recordDialog(userInterface: GHtmlOutput, title: string, modal: boolean): void {
    const h = readHtml(userInterface);
    this.dialogs.push(
      stamp({ title: String(title), html: h.html, width: h.width, height: h.height, modal }, this.where()),
    );
  }

  /** Takes the next scripted answer; with none queued, the first button of the set and no text. */
  private nextAnswer(buttons: ButtonSetName, isPrompt: boolean): { button: ButtonName; text: string } {
    const allowed = BUTTON_SET_BUTTONS[buttons];
    if (this.answers.length === 0) return { button: allowed[0], text: '' };
    const next = this.answers.shift() as ScriptedAnswer;
    let button: string;
    let text = '';
    if (typeof next === 'string') {
      if (isButtonName(next) || !isPrompt) button = next;
      else {
        // A prompt answered with plain text: the text, confirmed with the set's first button.
        button = allowed[0];
        text = next;
      }
    } else {
      button = next.button;
      text = next.text ?? '';
    }
    if (!isButtonName(button) || (button !== 'CLOSE' && !allowed.includes(button))) {
      throw new Error(`Emulator: scripted answer "${button}" is not a button of ButtonSet.${buttons}`);
    }
    return { button, text };
  }
}

function dialogArgs(a: string, b: unknown, c: unknown): { title: string; prompt: string; buttons: ButtonSetName } {
  const count = c !== undefined ? 3 : b !== undefined ? 2 : 1;
  if (count === 3) return { title: String(a), prompt: String(b), buttons: buttonSetName(c) };
  if (count === 2) return { title: '', prompt: String(a), buttons: buttonSetName(b) };
  return { title: '', prompt: String(a), buttons: 'OK' };
}
