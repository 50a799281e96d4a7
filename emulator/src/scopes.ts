/**
 * The scopes table: for every member the fakes record ("Spreadsheet.Range.getValues"), the OAuth
 * scopes its reference page lists under "Authorization" ("Scripts that use this method require
 * authorization with one or more of the following scopes"), as an any-of list, and the page. A
 * member whose page has no Authorization section needs none: its row has an empty list. Rows are
 * grouped by class: the class's scopes, then the methods whose page lists others.
 *
 * Emulator.load() installs `scopeCheck(granted)` as CallLog.authorize, so every recorded call is
 * checked against the manifest's oauthScopes and refused in Apps Script's words; a member with no
 * row is refused too (a defect of the emulator, named in the error). Never bundled.
 *
 * Where the reference could not be confirmed (TriggerBuilder.timeBased, Trigger's getters: see
 * emulator/README.md, "Scopes"), the stricter choice is made: they need the scope of the service.
 */

const AUTH = 'https://www.googleapis.com/auth/';
const REF = 'https://developers.google.com/apps-script/reference/';
const DRIVE_API = 'https://developers.google.com/workspace/drive/api/reference/rest/v3/files/';

/** Scope URLs by their short name. */
export const SCOPE = {
  spreadsheets: `${AUTH}spreadsheets`,
  spreadsheetsCurrentOnly: `${AUTH}spreadsheets.currentonly`,
  forms: `${AUTH}forms`,
  formsCurrentOnly: `${AUTH}forms.currentonly`,
  documents: `${AUTH}documents`,
  documentsCurrentOnly: `${AUTH}documents.currentonly`,
  drive: `${AUTH}drive`,
  driveReadonly: `${AUTH}drive.readonly`,
  driveFile: `${AUTH}drive.file`,
  driveAppdata: `${AUTH}drive.appdata`,
  driveMetadata: `${AUTH}drive.metadata`,
  driveMetadataReadonly: `${AUTH}drive.metadata.readonly`,
  drivePhotosReadonly: `${AUTH}drive.photos.readonly`,
  driveMeetReadonly: `${AUTH}drive.meet.readonly`,
  driveScripts: `${AUTH}drive.scripts`,
  sendMail: `${AUTH}script.send_mail`,
  scriptApp: `${AUTH}script.scriptapp`,
  containerUi: `${AUTH}script.container.ui`,
  userinfoEmail: `${AUTH}userinfo.email`,
} as const;

const NONE: readonly string[] = [];
const SHEETS_ANY = [SCOPE.spreadsheetsCurrentOnly, SCOPE.spreadsheets];
const SHEETS = [SCOPE.spreadsheets];
const FORMS_ANY = [SCOPE.formsCurrentOnly, SCOPE.forms];
const FORMS = [SCOPE.forms];
const DOCS_ANY = [SCOPE.documentsCurrentOnly, SCOPE.documents];
const DOCS = [SCOPE.documents];
const DRIVE = [SCOPE.drive];
const DRIVE_READ = [SCOPE.driveReadonly, SCOPE.drive];

/** One member: the scopes any one of which lets it run, and the page that lists them. */
export interface ScopeRow {
  /** "<Service>.<Class>.<method>", as the fakes record it. */
  member: string;
  scopes: readonly string[];
  page: string;
  /** For an advanced service: the REST method ("drive.files.create") its errors name. */
  api?: string;
}

/** The rows of one class: `scopes` for each of `methods` unless `except` gives a method its own. */
function cls(
  name: string,
  page: string,
  scopes: readonly string[],
  methods: string,
  except: Record<string, readonly string[]> = {},
): ScopeRow[] {
  const names = methods.split(/\s+/).filter(Boolean);
  for (const m of Object.keys(except)) if (!names.includes(m)) names.push(m);
  return names.map((m) => ({ member: `${name}.${m}`, scopes: except[m] ?? scopes, page }));
}

/** DriveApp, File and Folder: reading needs drive.readonly or drive, anything else drive. */
function driveCls(name: string, page: string, methods: string): ScopeRow[] {
  return methods
    .split(/\s+/)
    .filter(Boolean)
    .map((m) => ({
      member: `${name}.${m}`,
      scopes: /^(get|is|has|next|search|continue)/.test(m) ? DRIVE_READ : DRIVE,
      page,
    }));
}

/** A Drive API v3 method of the Advanced Drive service. */
function api(member: string, rest: string, page: string, scopes: readonly string[]): ScopeRow {
  return { member, scopes, page, api: rest };
}

const ITEM = 'getHelpText getId getIndex getTitle getType setHelpText setTitle duplicate';
const QUESTION = `${ITEM} isRequired setRequired`;
const CHOICES = 'createChoice getChoices setChoiceValues setChoices';
const ELEMENT =
  'asBody asHorizontalRule asListItem asParagraph asText copy getAttributes getNextSibling getParent getPreviousSibling getType isAtDocumentEnd removeFromParent setAttributes';
const CONTAINER =
  'appendHorizontalRule appendText clear editAsText findElement findText getChild getChildIndex getNumChildren getText insertText removeChild replaceText setText getLinkUrl setLinkUrl getAlignment setAlignment getHeading setHeading';

export const SCOPE_ROWS: readonly ScopeRow[] = [
  // Spreadsheet service: the bound spreadsheet needs spreadsheets.currentonly or spreadsheets;
  // opening or creating another one needs spreadsheets.
  ...cls(
    'Spreadsheet.SpreadsheetApp',
    `${REF}spreadsheet/spreadsheet-app`,
    SHEETS_ANY,
    'flush getActive getActiveSheet getActiveSpreadsheet getActiveRange setActiveSheet',
    { create: SHEETS, openById: SHEETS, openByUrl: SHEETS, open: SHEETS, getUi: NONE, newDataValidation: NONE },
  ),
  ...cls(
    'Spreadsheet.Spreadsheet',
    `${REF}spreadsheet/spreadsheet`,
    SHEETS_ANY,
    'deleteSheet getActiveRange getActiveSheet getFormUrl getId getName getNumSheets getProtections getRange getSheetById getSheetByName getSheets getSpreadsheetLocale getSpreadsheetTimeZone getUrl insertSheet rename setActiveSheet setSpreadsheetLocale setSpreadsheetTimeZone toast getRangeByName addDeveloperMetadata getDeveloperMetadata',
  ),
  ...cls(
    'Spreadsheet.DeveloperMetadata',
    `${REF}spreadsheet/developer-metadata`,
    SHEETS_ANY,
    'getId getKey getValue remove setValue',
  ),
  ...cls(
    'Spreadsheet.Sheet',
    `${REF}spreadsheet/sheet`,
    SHEETS_ANY,
    'activate appendRow autoResizeColumn autoResizeColumns clear clearContents deleteColumn deleteColumns deleteRow deleteRows getCharts getColumnWidth getDataRange getFormUrl getFrozenColumns getFrozenRows getIndex getLastColumn getLastRow getMaxColumns getMaxRows getName getParent getProtections getRange getSheetId hideSheet insertChart insertColumnAfter insertColumnBefore insertColumnsAfter insertColumnsBefore insertRowAfter insertRowBefore insertRowsAfter insertRowsBefore isSheetHidden newChart protect removeChart setColumnWidth setFrozenColumns setFrozenRows setName setTabColor showSheet updateChart getRangeList',
  ),
  ...cls(
    'Spreadsheet.Range',
    `${REF}spreadsheet/range`,
    SHEETS_ANY,
    'activate clear clearContent clearDataValidations clearFormat clearNote getA1Notation getBackground getBackgrounds getCell getColumn getDataValidation getDataValidations getDisplayValue getDisplayValues getFontWeight getFontWeights getFormula getFormulas getLastColumn getLastRow getNote getNotes getNumColumns getNumRows getNumberFormat getNumberFormats getRow getSheet getValue getValues insertCheckboxes offset protect setBackground setBackgrounds setDataValidation setDataValidations setFontWeight setFontWeights setFormula setFormulas setHorizontalAlignment setNote setNotes setNumberFormat setNumberFormats setValue setValues setWrap setRichTextValue setRichTextValues getRichTextValue getRichTextValues',
  ),
  ...cls(
    'Spreadsheet.Protection',
    `${REF}spreadsheet/protection`,
    SHEETS_ANY,
    'addEditor addEditors canDomainEdit canEdit getDescription getEditors getProtectionType getRange isWarningOnly remove removeEditor removeEditors setDescription setDomainEdit setWarningOnly',
  ),
  ...cls(
    'Spreadsheet.EmbeddedChart',
    `${REF}spreadsheet/embedded-chart`,
    SHEETS_ANY,
    'getChartId getContainerInfo getOptions getRanges modify',
  ),
  // Builders and value objects: their pages have no Authorization section.
  ...cls(
    'Spreadsheet.EmbeddedChartBuilder',
    `${REF}spreadsheet/embedded-chart-builder`,
    NONE,
    'addRange asBarChart asColumnChart asLineChart asPieChart asAreaChart build clearRanges getChartType getContainer getRanges removeRange set3D setBackgroundColor setChartType setColors setLegendPosition setNumHeaders setOption setPosition setStacked setTitle setXAxisTitle setYAxisTitle',
  ),
  ...cls(
    'Spreadsheet.ContainerInfo',
    `${REF}spreadsheet/container-info`,
    NONE,
    'getAnchorColumn getAnchorRow getOffsetX getOffsetY',
  ),
  ...cls('Charts.ChartOptions', `${REF}charts/chart-options`, NONE, 'get'),
  ...cls(
    'Spreadsheet.DataValidation',
    `${REF}spreadsheet/data-validation`,
    NONE,
    'copy getAllowInvalid getCriteriaType getCriteriaValues getHelpText',
  ),
  ...cls(
    'Spreadsheet.DataValidationBuilder',
    `${REF}spreadsheet/data-validation-builder`,
    NONE,
    'build copy getAllowInvalid getCriteriaType getCriteriaValues getHelpText requireCheckbox requireDate requireFormulaSatisfied requireNumberBetween requireNumberEqualTo requireNumberGreaterThan requireNumberGreaterThanOrEqualTo requireNumberLessThan requireNumberLessThanOrEqualTo requireTextIsEmail requireTextIsUrl requireValueInList requireValueInRange setAllowInvalid setHelpText withCriteria',
  ),
  // Ui: menus, alerts and prompts need no scope; dialogs and sidebars need script.container.ui.
  ...cls('Spreadsheet.Ui', `${REF}base/ui`, NONE, 'alert createAddonMenu createMenu prompt', {
    showModalDialog: [SCOPE.containerUi],
    showModelessDialog: [SCOPE.containerUi],
    showSidebar: [SCOPE.containerUi],
  }),
  ...cls('Spreadsheet.Menu', `${REF}base/menu`, NONE, 'addItem addSeparator addSubMenu addToUi'),
  ...cls('Spreadsheet.PromptResponse', `${REF}base/prompt-response`, NONE, 'getResponseText getSelectedButton'),

  // Forms service.
  ...cls('Forms.FormApp', `${REF}forms/form-app`, FORMS_ANY, 'getActiveForm', {
    create: FORMS,
    openById: FORMS,
    openByUrl: FORMS,
    createCheckboxGridValidation: NONE,
    createCheckboxValidation: NONE,
    createGridValidation: NONE,
    createParagraphTextValidation: NONE,
    createTextValidation: NONE,
  }),
  ...cls(
    'Forms.Form',
    `${REF}forms/form`,
    FORMS_ANY,
    'addCheckboxGridItem addCheckboxItem addGridItem addListItem addMultipleChoiceItem addParagraphTextItem addSectionHeaderItem addTextItem canEditResponse collectsEmail deleteAllResponses deleteItem getConfirmationMessage getDescription getDestinationId getDestinationType getEditUrl getId getItemById getItems getPublishedUrl getResponse getResponses getTitle hasLimitOneResponsePerUser hasProgressBar hasRespondAgainLink isAcceptingResponses isPublished moveItem removeDestination setAcceptingResponses setAllowResponseEdits setCollectEmail setConfirmationMessage setDescription setDestination setLimitOneResponsePerUser setProgressBar setPublished setShowLinkToRespondAgain setTitle shortenFormUrl supportsAdvancedResponderPermissions createResponse getSummaryUrl',
  ),
  ...cls(
    'Forms.Item',
    `${REF}forms/item`,
    FORMS_ANY,
    `${ITEM} asCheckboxGridItem asCheckboxItem asGridItem asListItem asMultipleChoiceItem asParagraphTextItem asSectionHeaderItem asTextItem`,
  ),
  ...cls(
    'Forms.TextItem',
    `${REF}forms/text-item`,
    FORMS_ANY,
    `${QUESTION} clearValidation setValidation createResponse`,
  ),
  ...cls(
    'Forms.ParagraphTextItem',
    `${REF}forms/paragraph-text-item`,
    FORMS_ANY,
    `${QUESTION} clearValidation setValidation createResponse`,
  ),
  ...cls(
    'Forms.MultipleChoiceItem',
    `${REF}forms/multiple-choice-item`,
    FORMS_ANY,
    `${QUESTION} ${CHOICES} hasOtherOption showOtherOption`,
  ),
  ...cls(
    'Forms.CheckboxItem',
    `${REF}forms/checkbox-item`,
    FORMS_ANY,
    `${QUESTION} ${CHOICES} hasOtherOption showOtherOption clearValidation setValidation`,
  ),
  ...cls('Forms.ListItem', `${REF}forms/list-item`, FORMS_ANY, `${QUESTION} ${CHOICES}`),
  ...cls(
    'Forms.GridItem',
    `${REF}forms/grid-item`,
    FORMS_ANY,
    `${QUESTION} getColumns getRows setColumns setRows clearValidation setValidation`,
  ),
  ...cls(
    'Forms.CheckboxGridItem',
    `${REF}forms/checkbox-grid-item`,
    FORMS_ANY,
    `${QUESTION} getColumns getRows setColumns setRows clearValidation setValidation`,
  ),
  ...cls('Forms.SectionHeaderItem', `${REF}forms/section-header-item`, FORMS_ANY, ITEM),
  ...cls('Forms.Choice', `${REF}forms/choice`, FORMS_ANY, 'getValue isCorrectAnswer'),
  ...cls(
    'Forms.FormResponse',
    `${REF}forms/form-response`,
    FORMS_ANY,
    'getEditResponseUrl getId getItemResponses getRespondentEmail getResponseForItem getTimestamp withItemResponse toPrefilledUrl',
  ),
  ...cls('Forms.ItemResponse', `${REF}forms/item-response`, FORMS_ANY, 'getItem getResponse'),
  ...cls(
    'Forms.TextValidationBuilder',
    `${REF}forms/text-validation-builder`,
    NONE,
    'build setHelpText requireNumber requireNumberBetween requireNumberEqualTo requireNumberGreaterThan requireNumberGreaterThanOrEqualTo requireNumberLessThan requireNumberLessThanOrEqualTo requireNumberNotBetween requireNumberNotEqualTo requireTextContainsPattern requireTextDoesNotContainPattern requireTextDoesNotMatchPattern requireTextIsEmail requireTextIsUrl requireTextLengthGreaterThanOrEqualTo requireTextLengthLessThanOrEqualTo requireTextMatchesPattern requireWholeNumber',
  ),
  ...cls(
    'Forms.ParagraphTextValidationBuilder',
    `${REF}forms/paragraph-text-validation-builder`,
    NONE,
    'build setHelpText requireTextContainsPattern requireTextDoesNotContainPattern requireTextDoesNotMatchPattern requireTextLengthGreaterThanOrEqualTo requireTextLengthLessThanOrEqualTo requireTextMatchesPattern',
  ),
  ...cls(
    'Forms.CheckboxValidationBuilder',
    `${REF}forms/checkbox-validation-builder`,
    NONE,
    'build setHelpText requireSelectAtLeast requireSelectAtMost requireSelectExactly',
  ),
  ...cls(
    'Forms.GridValidationBuilder',
    `${REF}forms/grid-validation-builder`,
    NONE,
    'build setHelpText requireLimitOneResponsePerColumn',
  ),
  ...cls(
    'Forms.CheckboxGridValidationBuilder',
    `${REF}forms/checkbox-grid-validation-builder`,
    NONE,
    'build setHelpText requireLimitOneResponsePerColumn',
  ),

  // Document service: the active document needs documents.currentonly or documents; opening or
  // creating another needs documents.
  ...cls('Document.DocumentApp', `${REF}document/document-app`, DOCS_ANY, 'getActiveDocument', {
    create: DOCS,
    openById: DOCS,
    openByUrl: DOCS,
  }),
  ...cls(
    'Document.Document',
    `${REF}document/document`,
    DOCS_ANY,
    'getAs getBlob getBody getId getName getUrl saveAndClose setName',
  ),
  ...cls(
    'Document.Body',
    `${REF}document/body`,
    DOCS_ANY,
    `${ELEMENT} ${CONTAINER} appendListItem appendParagraph getListItems getParagraphs insertHorizontalRule insertListItem insertParagraph`,
  ),
  ...cls('Document.Paragraph', `${REF}document/paragraph`, DOCS_ANY, `${ELEMENT} ${CONTAINER}`),
  ...cls(
    'Document.ListItem',
    `${REF}document/list-item`,
    DOCS_ANY,
    `${ELEMENT} ${CONTAINER} getGlyphType getListId getNestingLevel setGlyphType setListId setNestingLevel`,
  ),
  ...cls(
    'Document.Text',
    `${REF}document/text`,
    DOCS_ANY,
    `${ELEMENT} appendText deleteText editAsText findText getLinkUrl getText getTextAttributeIndices insertText isBold isItalic isUnderline replaceText setBold setItalic setLinkUrl setText setUnderline`,
  ),
  ...cls('Document.HorizontalRule', `${REF}document/horizontal-rule`, DOCS_ANY, ELEMENT),
  ...cls(
    'Document.RangeElement',
    `${REF}document/range-element`,
    DOCS_ANY,
    'getElement getEndOffsetInclusive getStartOffset isPartial',
  ),

  // Drive service (DriveApp): every method needs the full drive scope; reading ones accept
  // drive.readonly too. No DriveApp member works under drive.file.
  ...driveCls(
    'Drive.DriveApp',
    `${REF}drive/drive-app`,
    'addFile continueFileIterator continueFolderIterator createFile createFolder getFileById getFiles getFilesByName getFilesByType getFolderById getFolders getFoldersByName getRootFolder getTrashedFiles getTrashedFolders removeFile searchFiles searchFolders',
  ),
  ...driveCls(
    'Drive.File',
    `${REF}drive/file`,
    'getAs getBlob getDateCreated getDescription getDownloadUrl getId getLastUpdated getMimeType getName getOwner getParents getSize getUrl isTrashed makeCopy moveTo setContent setDescription setName setTrashed',
  ),
  ...driveCls(
    'Drive.Folder',
    `${REF}drive/folder`,
    'addFile addFolder createFile createFolder getDateCreated getDescription getFiles getFilesByName getFilesByType getFolders getFoldersByName getId getLastUpdated getName getOwner getParents getSize getUrl isTrashed moveTo removeFile removeFolder setDescription setName setTrashed',
  ),
  ...driveCls('Drive.FileIterator', `${REF}drive/file-iterator`, 'getContinuationToken hasNext next'),
  ...driveCls('Drive.FolderIterator', `${REF}drive/folder-iterator`, 'getContinuationToken hasNext next'),
  ...driveCls('Drive.User', `${REF}drive/user`, 'getDomain getEmail getName getPhotoUrl'),

  // Advanced Drive service (Drive API v3): each method's "Authorization scopes" section.
  api('Drive.Files.create', 'drive.files.create', `${DRIVE_API}create`, [
    SCOPE.drive,
    SCOPE.driveAppdata,
    SCOPE.driveFile,
  ]),
  api('Drive.Files.get', 'drive.files.get', `${DRIVE_API}get`, [
    SCOPE.drive,
    SCOPE.driveAppdata,
    SCOPE.driveFile,
    SCOPE.driveMeetReadonly,
    SCOPE.driveMetadata,
    SCOPE.driveMetadataReadonly,
    SCOPE.drivePhotosReadonly,
    SCOPE.driveReadonly,
  ]),
  api('Drive.Files.update', 'drive.files.update', `${DRIVE_API}update`, [
    SCOPE.drive,
    SCOPE.driveAppdata,
    SCOPE.driveFile,
    SCOPE.driveMetadata,
    SCOPE.driveScripts,
  ]),

  // Mail service.
  ...cls('Mail.MailApp', `${REF}mail/mail-app`, [SCOPE.sendMail], 'getRemainingDailyQuota sendEmail'),

  // Script service: ScriptApp's trigger methods need script.scriptapp, so every trigger is made
  // under it. TriggerBuilder.forDocument lists documents.currentonly or documents; forSpreadsheet and
  // forForm are read the same way for their files. The Spreadsheet and Form trigger builders' pages
  // have no Authorization section. Not confirmed (stricter choice): timeBased and Trigger's getters
  // need script.scriptapp.
  ...cls(
    'Script.ScriptApp',
    `${REF}script/script-app`,
    [SCOPE.scriptApp],
    'deleteTrigger getProjectTriggers getUserTriggers newTrigger getScriptTriggers',
    { getScriptId: NONE, getOAuthToken: NONE, getAuthorizationInfo: NONE, getService: NONE },
  ),
  ...cls('Script.TriggerBuilder', `${REF}script/trigger-builder`, [SCOPE.scriptApp], 'timeBased', {
    forSpreadsheet: SHEETS_ANY,
    forForm: FORMS_ANY,
    forDocument: DOCS_ANY,
  }),
  ...cls(
    'Script.ClockTriggerBuilder',
    `${REF}script/clock-trigger-builder`,
    NONE,
    'after at atDate atHour create everyDays everyHours everyMinutes everyWeeks inTimezone nearMinute onMonthDay onWeekDay',
  ),
  ...cls(
    'Script.SpreadsheetTriggerBuilder',
    `${REF}script/spreadsheet-trigger-builder`,
    NONE,
    'create onChange onEdit onFormSubmit onOpen',
  ),
  ...cls('Script.FormTriggerBuilder', `${REF}script/form-trigger-builder`, NONE, 'create onFormSubmit onOpen'),
  ...cls(
    'Script.Trigger',
    `${REF}script/trigger`,
    [SCOPE.scriptApp],
    'getEventType getHandlerFunction getTriggerSource getTriggerSourceId getUniqueId',
  ),

  // Base: the user's identity needs userinfo.email; the rest needs nothing.
  ...cls(
    'Base.Session',
    `${REF}base/session`,
    NONE,
    'getActiveUserLocale getScriptTimeZone getTemporaryActiveUserKey',
    {
      getActiveUser: [SCOPE.userinfoEmail],
      getEffectiveUser: [SCOPE.userinfoEmail],
    },
  ),
  ...cls('Base.User', `${REF}base/user`, [SCOPE.userinfoEmail], 'getEmail'),
  ...cls('Base.Logger', `${REF}base/logger`, NONE, 'clear getLog log'),
  ...cls(
    'Base.Blob',
    `${REF}base/blob`,
    NONE,
    'copyBlob getAs getBlob getBytes getContentType getDataAsString getName isGoogleType setBytes setContentType setContentTypeFromExtension setDataFromString setName',
  ),

  // HTML, Lock, Properties, Cache and Utilities services: no Authorization section.
  ...cls(
    'Html.HtmlService',
    `${REF}html/html-service`,
    NONE,
    'createHtmlOutput createHtmlOutputFromFile createTemplate createTemplateFromFile',
  ),
  ...cls(
    'Html.HtmlOutput',
    `${REF}html/html-output`,
    NONE,
    'addMetaTag append appendUntrusted asTemplate clear getAs getBlob getContent getFaviconUrl getHeight getMetaTags getTitle getWidth setContent setFaviconUrl setHeight setSandboxMode setTitle setWidth setXFrameOptionsMode',
  ),
  ...cls('Html.HtmlOutputMetaTag', `${REF}html/html-output-meta-tag`, NONE, 'getContent getName'),
  ...cls('Html.HtmlTemplate', `${REF}html/html-template`, NONE, 'evaluate getCode getCodeWithComments getRawContent'),
  ...cls('Lock.LockService', `${REF}lock/lock-service`, NONE, 'getDocumentLock getScriptLock getUserLock'),
  ...cls('Lock.Lock', `${REF}lock/lock`, NONE, 'hasLock releaseLock tryLock waitLock'),
  ...cls(
    'Properties.PropertiesService',
    `${REF}properties/properties-service`,
    NONE,
    'getDocumentProperties getScriptProperties getUserProperties',
  ),
  ...cls(
    'Properties.Properties',
    `${REF}properties/properties`,
    NONE,
    'deleteAllProperties deleteProperty getKeys getProperties getProperty setProperties setProperty',
  ),
  ...cls('Cache.CacheService', `${REF}cache/cache-service`, NONE, 'getDocumentCache getScriptCache getUserCache'),
  ...cls('Cache.Cache', `${REF}cache/cache`, NONE, 'get getAll put putAll remove removeAll'),
  ...cls(
    'Utilities.Utilities',
    `${REF}utilities/utilities`,
    NONE,
    'base64Decode base64DecodeWebSafe base64Encode base64EncodeWebSafe computeDigest computeHmacSha256Signature computeHmacSignature formatDate formatString getUuid newBlob parseCsv sleep',
  ),
];

/** The table by member. */
export const SCOPES_TABLE: ReadonlyMap<string, ScopeRow> = new Map(SCOPE_ROWS.map((r) => [r.member, r]));

/** The global service objects the table covers (what a script names: SpreadsheetApp, Drive, ...). */
export const SERVICE_GLOBALS: readonly string[] = [
  'SpreadsheetApp',
  'FormApp',
  'DocumentApp',
  'DriveApp',
  'Drive',
  'MailApp',
  'ScriptApp',
  'Session',
  'Logger',
  'HtmlService',
  'LockService',
  'PropertiesService',
  'CacheService',
  'Utilities',
];

/**
 * The error Apps Script throws when the manifest grants none of a member's scopes. Built-in
 * services: "Specified permissions are not sufficient to call Ui.showModalDialog. Required
 * permissions: https://www.googleapis.com/auth/script.container.ui", alternatives written
 * "(A || B)" (public reports quoting the runtime; the reference does not give the text). Advanced
 * services reach the REST API, which answers 403 "Request had insufficient authentication scopes.".
 */
export function permissionError(row: ScopeRow): Error {
  if (row.api) {
    const e = new Error(`API call to ${row.api} failed with error: Request had insufficient authentication scopes.`);
    e.name = 'GoogleJsonResponseException';
    return e;
  }
  const callee = row.member.split('.').slice(1).join('.');
  const required = row.scopes.length === 1 ? row.scopes[0] : `(${row.scopes.join(' || ')})`;
  const e = new Error(`Specified permissions are not sufficient to call ${callee}. Required permissions: ${required}`);
  e.name = 'Exception';
  return e;
}

/** The error for a member the table lacks: a defect of the emulator, not of the script. */
export function unknownMemberError(member: string): Error {
  return new Error(
    `The emulator has no scopes row for ${member}: add the scopes its reference page lists under "Authorization" to emulator/src/scopes.ts`,
  );
}

/** Whether the granted scopes let `row` run. */
export function allows(granted: ReadonlySet<string> | 'all', row: ScopeRow): boolean {
  return granted === 'all' || row.scopes.length === 0 || row.scopes.some((s) => granted.has(s));
}

/** The CallLog hook: refuses a member with no row, or one whose scopes none is granted. */
export function scopeCheck(granted: ReadonlySet<string> | 'all'): (member: string) => void {
  return (member) => {
    const row = SCOPES_TABLE.get(member);
    if (!row) throw unknownMemberError(member);
    if (!allows(granted, row)) throw permissionError(row);
  };
}
