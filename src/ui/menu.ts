/** The add-on menu (SPEC section 2): captions by language, callbacks by entry-point name. */
import { type Language, type MessageKey, t } from '../core/i18n';

export interface MenuEntry {
  caption: MessageKey;
  functionName: string;
}

/** The menu items in order; a `null` is a separator. */
export const MENU: readonly (MenuEntry | null)[] = [
  { caption: 'menu.setup', functionName: 'setupWorkspace' },
  { caption: 'menu.refreshForm', functionName: 'refreshForm' },
  { caption: 'menu.sendInvitations', functionName: 'sendInvitations' },
  null,
  { caption: 'menu.score', functionName: 'scoreApplicants' },
  { caption: 'menu.allocate', functionName: 'allocatePlaces' },
  null,
  { caption: 'menu.preview', functionName: 'previewNotices' },
  { caption: 'menu.send', functionName: 'sendNotices' },
  null,
  { caption: 'menu.dashboard', functionName: 'showDashboard' },
];

/** Builds the add-on menu in `lang` (createAddonMenu works bound and as an editor add-on). */
export function buildMenu(ui: GoogleAppsScript.Base.Ui, lang: Language): void {
  const menu = ui.createAddonMenu();
  for (const entry of MENU) {
    if (entry) menu.addItem(t(lang, entry.caption), entry.functionName);
    else menu.addSeparator();
  }
  menu.addToUi();
}
