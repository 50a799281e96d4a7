/**
 * Draws what the emulator recorded as a mock of the Google Sheets window, for the staff guide's
 * pictures: the Extensions menu, an alert with its buttons, an HTML dialog, the sidebar and a mail
 * as a mail program shows it. Each picture says under it that the emulator drew it, since it is a
 * likeness of Google's screen, not a capture of it.
 */
import type { SentMail } from '../../emulator/src/mail';
import type { RecordedAlert, RecordedDialog, RecordedMenu, RecordedSidebar } from '../../emulator/src/ui';
import { BUTTON_SET_BUTTONS } from '../../emulator/src/ui';
import type { GuideLanguage } from './guide-season';

const WORDS = {
  en: {
    caption: 'As drawn by the emulator: a likeness of Google Sheets made by the tests, not a screenshot of Google',
    menus: ['File', 'Edit', 'View', 'Insert', 'Format', 'Data', 'Tools', 'Extensions', 'Help'],
    extensions: ['Add-ons', 'Macros', 'Apps Script'],
    buttons: { OK: 'OK', CANCEL: 'Cancel', YES: 'Yes', NO: 'No', CLOSE: 'Close' },
    from: 'From',
    to: 'To',
    replyTo: 'Reply to',
    subject: 'Subject',
    attachments: 'Attachments',
  },
  sl: {
    caption:
      'Kot jo nariše emulator: ponazoritev Google Preglednic, ki jo izdelajo testi, ne posnetek Googlovega zaslona',
    menus: ['Datoteka', 'Urejanje', 'Pogled', 'Vstavljanje', 'Oblika', 'Podatki', 'Orodja', 'Razširitve', 'Pomoč'],
    extensions: ['Dodatki', 'Makri', 'Apps Script'],
    buttons: { OK: 'V redu', CANCEL: 'Prekliči', YES: 'Da', NO: 'Ne', CLOSE: 'Zapri' },
    from: 'Od',
    to: 'Za',
    replyTo: 'Odgovor na',
    subject: 'Zadeva',
    attachments: 'Priloge',
  },
} as const;

export const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `
  body { margin: 0; font: 14px Arial, Helvetica, sans-serif; color: #202124; background: #fff; }
  #frame { display: inline-block; border: 1px solid #9aa0a6; background: #f8f9fa; }
  .title { padding: 8px 12px 2px; font-size: 18px; }
  .menubar { padding: 2px 8px 6px; }
  .menubar span { padding: 4px 7px; border-radius: 4px; }
  .menubar span.open { background: #e8eaed; }
  .sheet { position: relative; background: #fff; border-top: 1px solid #dadce0; overflow: hidden; }
  .grid { position: absolute; inset: 0; background-image:
    linear-gradient(#e2e3e3 1px, transparent 1px), linear-gradient(90deg, #e2e3e3 1px, transparent 1px);
    background-size: 100px 21px; }
  .shade { position: absolute; inset: 0; background: rgba(32,33,36,0.45); }
  .dropdown { position: absolute; background: #fff; box-shadow: 0 2px 8px rgba(0,0,0,.3); padding: 6px 0;
    border-radius: 4px; min-width: 220px; }
  .dropdown div { padding: 6px 24px; white-space: nowrap; }
  .dropdown div.hover { background: #e8eaed; }
  .dropdown hr { border: 0; border-top: 1px solid #dadce0; margin: 6px 0; }
  .dropdown .arrow { float: right; margin-left: 24px; }
  .dialog { position: absolute; background: #fff; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.35);
    padding: 24px; }
  .dialog h1 { font-size: 20px; font-weight: normal; margin: 0 0 14px; }
  .dialog .prompt { white-space: pre-wrap; line-height: 1.45; }
  .dialog .buttons { text-align: right; margin-top: 22px; }
  .dialog button { font: 14px Arial, sans-serif; margin-left: 8px; padding: 8px 18px; border-radius: 4px;
    border: 1px solid #dadce0; background: #fff; color: #1a73e8; }
  .dialog button.default { background: #1a73e8; color: #fff; border-color: #1a73e8; }
  .dialog .close { position: absolute; right: 18px; top: 18px; color: #5f6368; font-size: 18px; }
  iframe { border: 0; display: block; background: #fff; }
  .sidebar { position: absolute; top: 0; right: 0; bottom: 0; background: #fff; border-left: 1px solid #dadce0; }
  .sidebar .head { padding: 12px 16px; font-size: 16px; border-bottom: 1px solid #dadce0; }
  .mail { background: #fff; padding: 16px 20px; }
  .mail table { border-collapse: collapse; margin-bottom: 12px; }
  .mail td { padding: 2px 12px 2px 0; vertical-align: top; }
  .mail td:first-child { color: #5f6368; }
  .mail .subject { font-size: 20px; margin-bottom: 10px; }
  .caption { font: italic 12px Arial, sans-serif; color: #5f6368; padding: 6px 10px; background: #fff;
    border-top: 1px solid #dadce0; }
`;

function page(lang: GuideLanguage, body: string): string {
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><style>${STYLE}</style></head>
<body><div id="frame">${body}<div class="caption" data-caption>${escapeHtml(WORDS[lang].caption)}</div></div></body></html>`;
}

/** The spreadsheet window: its name, the menu bar (one menu open), and the sheet area holding `inside`. */
function window(
  lang: GuideLanguage,
  o: { spreadsheet: string; width: number; height: number; openMenu?: string; inside: string },
): string {
  const menus = WORDS[lang].menus.map((m) => `<span${m === o.openMenu ? ' class="open"' : ''}>${escapeHtml(m)}</span>`);
  return `<div style="width:${o.width}px"><div class="title">${escapeHtml(o.spreadsheet)}</div>
<div class="menubar">${menus.join('')}</div>
<div class="sheet" style="height:${o.height}px"><div class="grid"></div>${o.inside}</div></div>`;
}

/** Extensions open, the add-on's entry under it open too: the recorded menu's items and separators. */
export function drawMenu(lang: GuideLanguage, spreadsheet: string, menu: RecordedMenu): string {
  const items = menu.items
    .map((e) => {
      if (e.kind === 'separator') return '<hr>';
      if (e.kind === 'submenu') return `<div>${escapeHtml(e.name)}<span class="arrow">▸</span></div>`;
      return `<div data-item>${escapeHtml(e.caption)}</div>`;
    })
    .join('');
  const extensions = WORDS[lang].extensions;
  const first = `<div>${escapeHtml(extensions[0])}<span class="arrow">▸</span></div><div>${escapeHtml(extensions[1])}<span class="arrow">▸</span></div><div>${escapeHtml(extensions[2])}</div><hr>`;
  const inside = `<div class="dropdown" style="left:470px;top:0">${first}<div class="hover">${escapeHtml(menu.name)}<span class="arrow">▸</span></div></div>
<div class="dropdown" style="left:694px;top:110px" data-menu>${items}</div>`;
  return page(lang, window(lang, { spreadsheet, width: 980, height: 440, openMenu: WORDS[lang].menus[7], inside }));
}

/** An alert or confirmation over the shaded sheet: its title, its text as written, its buttons. */
export function drawAlert(lang: GuideLanguage, spreadsheet: string, alert: RecordedAlert): string {
  const buttons = BUTTON_SET_BUTTONS[alert.buttons]
    .map((b, i) => `<button data-button="${b}"${i === 0 ? ' class="default"' : ''}>${WORDS[lang].buttons[b]}</button>`)
    .reverse()
    .join('');
  const lines = alert.prompt.split('\n').length + Math.ceil(alert.prompt.length / 70);
  const height = Math.max(260, 150 + lines * 21);
  const title = alert.title ? `<h1 data-title>${escapeHtml(alert.title)}</h1>` : '';
  const inside = `<div class="shade"></div><div class="dialog" style="left:140px;top:30px;width:620px">
${title}<div class="prompt" data-prompt>${escapeHtml(alert.prompt)}</div><div class="buttons">${buttons}</div></div>`;
  return page(lang, window(lang, { spreadsheet, width: 980, height, inside }));
}

/** A modal dialog of HTML (Set up's report, the preview): the bundle's page in a frame of its size. */
export function drawDialog(lang: GuideLanguage, spreadsheet: string, dialog: RecordedDialog): string {
  const width = dialog.width ?? 600;
  const height = dialog.height ?? 400;
  const inside = `<div class="shade"></div><div class="dialog" style="left:${Math.max(20, (980 - width - 48) / 2)}px;top:20px">
<h1 data-title>${escapeHtml(dialog.title)}</h1><span class="close">✕</span>
<iframe data-html style="width:${width}px;height:${height}px" srcdoc="${escapeHtml(dialog.html)}"></iframe></div>`;
  return page(lang, window(lang, { spreadsheet, width: 980, height: height + 120, inside }));
}

/** The sidebar at the right of the sheet, its page (the bundle's, with its data) in a frame 300 px wide. */
export function drawSidebar(lang: GuideLanguage, spreadsheet: string, sidebar: RecordedSidebar): string {
  const width = sidebar.width ?? 300;
  const inside = `<div class="sidebar" style="width:${width}px"><div class="head" data-title>${escapeHtml(sidebar.title)}<span style="float:right">✕</span></div>
<iframe id="sidebar" data-html style="width:${width}px;height:1000px" srcdoc="${escapeHtml(sidebar.html)}"></iframe></div>`;
  return page(lang, window(lang, { spreadsheet, width: 980, height: 1050, inside }));
}

/** A mail as a mail program shows it: sender, recipient, reply-to, subject, the HTML part, attachments. */
export function drawMail(lang: GuideLanguage, mail: SentMail): string {
  const w = WORDS[lang];
  const rows: [string, string][] = [
    [w.from, mail.name ? `${mail.name} <${mail.from}>` : mail.from],
    [w.to, mail.to.join(', ')],
  ];
  if (mail.replyTo) rows.push([w.replyTo, mail.replyTo]);
  if (mail.attachments.length > 0) rows.push([w.attachments, mail.attachments.map((a) => a.name).join(', ')]);
  const table = rows.map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td>${escapeHtml(v)}</td></tr>`).join('');
  return page(
    lang,
    `<div class="mail" style="width:760px"><div class="subject" data-subject>${escapeHtml(mail.subject)}</div>
<table>${table}</table><iframe id="mail" data-html style="width:760px;height:200px" srcdoc="${escapeHtml(mail.htmlBody ?? escapeHtml(mail.body))}"></iframe></div>`,
  );
}
