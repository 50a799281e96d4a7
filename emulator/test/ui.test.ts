/** The emulated editor Ui: menus, scripted alerts and prompts, sidebars and dialogs. */
import { createEnv, type Env, InjectedFault } from '../src/env';
import { FakeSpreadsheetApp } from '../src/spreadsheet';
import { FakeUi } from '../src/ui';

function setup(): { env: Env; ui: FakeUi; app: FakeSpreadsheetApp } {
  const env = createEnv();
  const ui = new FakeUi(env);
  return { env, ui, app: new FakeSpreadsheetApp(env, ui) };
}

function html(content: string, extra: { title?: string; width?: number; height?: number } = {}) {
  return {
    getContent: () => content,
    getTitle: () => extra.title ?? '',
    getWidth: () => extra.width ?? 0,
    getHeight: () => extra.height ?? 0,
  } as unknown as GoogleAppsScript.HTML.HtmlOutput;
}

describe('Ui', () => {
  // https://developers.google.com/apps-script/reference/base/menu
  it('records menus with items, separators and sub-menus', () => {
    const { app, ui } = setup();
    const u = app.getUi();
    u.createMenu('Desk')
      .addItem('Score', 'scoreApplicants')
      .addSeparator()
      .addSubMenu(u.createMenu('More').addItem('Help', 'showHelp'))
      .addToUi();
    expect(ui.menus).toEqual([
      {
        name: 'Desk',
        items: [
          { kind: 'item', caption: 'Score', functionName: 'scoreApplicants' },
          { kind: 'separator' },
          { kind: 'submenu', name: 'More', items: [{ kind: 'item', caption: 'Help', functionName: 'showHelp' }] },
        ],
      },
    ]);
    expect(ui.menuFunction('Help')).toBe('showHelp');
  });

  // https://developers.google.com/apps-script/reference/base/ui#createAddonMenu()
  it('createAddonMenu is recorded as "Add-on"; addToUi replaces a menu of the same name', () => {
    const { ui } = setup();
    ui.createAddonMenu().addItem('Old', 'old').addToUi();
    ui.createAddonMenu().addItem('New', 'fresh').addToUi();
    expect(ui.menus).toHaveLength(1);
    expect(ui.menus[0]).toEqual({ name: 'Add-on', items: [{ kind: 'item', caption: 'New', functionName: 'fresh' }] });
  });

  // https://developers.google.com/apps-script/reference/base/ui#alert(String,ButtonSet)
  it('alert answers the first button of its set when nothing is scripted', () => {
    const { ui } = setup();
    expect(ui.alert('Hello')).toBe(ui.Button.OK);
    expect(ui.alert('Sure?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    expect(ui.alerts).toEqual([
      { title: '', prompt: 'Hello', buttons: 'OK', answer: 'OK' },
      { title: '', prompt: 'Sure?', buttons: 'YES_NO', answer: 'YES' },
    ]);
  });

  // https://developers.google.com/apps-script/reference/base/ui#alert(String,String,ButtonSet)
  it('alert takes scripted answers in order, with all three overloads', () => {
    const { ui } = setup();
    ui.answers.push('NO', 'CANCEL');
    expect(ui.alert('Send', 'Send 40 e-mails?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(ui.alert('Continue?', ui.ButtonSet.OK_CANCEL)).toBe(ui.Button.CANCEL);
    expect(ui.alerts[0]).toEqual({ title: 'Send', prompt: 'Send 40 e-mails?', buttons: 'YES_NO', answer: 'NO' });
    ui.answers.push('YES');
    expect(() => ui.alert('Only OK')).toThrow('is not a button of ButtonSet.OK');
  });

  // https://developers.google.com/apps-script/reference/base/prompt-response
  it('prompt returns a PromptResponse with the scripted text and button', () => {
    const { ui } = setup();
    ui.answers.push({ button: 'OK', text: 'Ljubljana trip' });
    const r = ui.prompt('Name', 'Call name?', ui.ButtonSet.OK_CANCEL);
    expect(r.getResponseText()).toBe('Ljubljana trip');
    expect(r.getSelectedButton()).toBe(ui.Button.OK);
    ui.answers.push({ button: 'CLOSE' });
    expect(ui.prompt('Again?').getSelectedButton()).toBe(ui.Button.CLOSE);
    expect(ui.prompts.map((p) => p.text)).toEqual(['Ljubljana trip', '']);
  });

  // https://developers.google.com/apps-script/reference/base/ui#showSidebar(Object)
  it('records sidebars and dialogs from HtmlOutput-like objects', () => {
    const { ui } = setup();
    ui.showSidebar(html('<p>Dash</p>', { title: 'Dashboard', width: 300 }));
    ui.showModalDialog(html('<p>Preview</p>', { width: 600, height: 400 }), 'Preview');
    ui.showModelessDialog(html('<p>Log</p>'), 'Log');
    expect(ui.sidebars).toEqual([{ title: 'Dashboard', html: '<p>Dash</p>', width: 300 }]);
    expect(ui.dialogs).toEqual([
      { title: 'Preview', html: '<p>Preview</p>', width: 600, height: 400, modal: true },
      { title: 'Log', html: '<p>Log</p>', width: 0, height: 0, modal: false },
    ]);
  });

  // Emulator contract: reset() forgets everything recorded.
  it('reset clears records and scripted answers', () => {
    const { ui, env } = setup();
    ui.answers.push('CLOSE');
    expect(ui.alert('x')).toBe(ui.Button.CLOSE);
    ui.answers.push('YES');
    ui.reset();
    expect([ui.alerts, ui.answers, ui.menus, ui.toasts]).toEqual([[], [], [], []]);
    expect(env.calls.count('Spreadsheet.Ui.alert')).toBe(1);
  });

  // Emulator contract: Ui calls are counted and can fail on purpose.
  it('counts Ui calls and injects faults', () => {
    const { ui, env } = setup();
    env.calls.failOn('Spreadsheet.Ui.alert', 1);
    expect(() => ui.alert('boom')).toThrow(InjectedFault);
    expect(ui.alerts).toHaveLength(0);
    ui.alert('fine');
    expect(env.calls.count('Spreadsheet.Ui.alert')).toBe(2);
  });
});
