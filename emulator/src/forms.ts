/**
 * FormApp for the emulator: forms kept in the Drive store as a FormModel, their items and
 * validations, the link to a responses spreadsheet, and FormResponder, the emulator-only stand-in
 * for a person submitting the form (it validates as Google Forms would, writes the row to the
 * linked "Form Responses N" sheet and fires the installable form-submit triggers). Every public
 * Apps Script method records "Forms.<Class>.<method>" in env.calls. Never bundled into build/Code.js.
 */
import type { Env, FileContent } from './env';
import { invokeAll, isDate } from './env';
import type { TriggerStore } from './script';
import { formatTimestamp } from './script';
import { FORM_MIME, type SheetModel, SPREADSHEET_MIME, type SpreadsheetModel } from './spreadsheet-model';

type Forms = typeof GoogleAppsScript.Forms;
type F = GoogleAppsScript.Forms.Form;

export type ItemTypeName =
  | 'TEXT'
  | 'PARAGRAPH_TEXT'
  | 'MULTIPLE_CHOICE'
  | 'CHECKBOX'
  | 'LIST'
  | 'GRID'
  | 'CHECKBOX_GRID'
  | 'SECTION_HEADER';

/** One validation rule; a question carries at most one (each require*() call replaces the last). */
export type ValidationRule =
  | { kind: 'email' }
  | { kind: 'url' }
  | { kind: 'number' }
  | { kind: 'wholeNumber' }
  | { kind: 'numberCompare'; op: 'gt' | 'gte' | 'lt' | 'lte' | 'eq' | 'ne'; value: number }
  | { kind: 'numberBetween'; start: number; end: number; not: boolean }
  | { kind: 'pattern'; mode: 'matches' | 'doesNotMatch' | 'contains' | 'doesNotContain'; pattern: string }
  | { kind: 'length'; op: 'lte' | 'gte'; value: number }
  | { kind: 'select'; op: 'atLeast' | 'atMost' | 'exactly'; value: number }
  | { kind: 'limitOnePerColumn' };

export type ValidationTarget = 'TEXT' | 'PARAGRAPH_TEXT' | 'CHECKBOX' | 'GRID' | 'CHECKBOX_GRID';

export interface ValidationModel {
  target: ValidationTarget;
  helpText: string;
  rule: ValidationRule | null;
}

/** Everything the emulator keeps about one item; tests read it through FormModel.items. */
export interface ItemModel {
  id: number;
  type: ItemTypeName;
  title: string;
  helpText: string;
  required: boolean;
  choices: string[];
  otherOption: boolean;
  rows: string[];
  columns: string[];
  validation: ValidationModel | null;
}

/** A column of the responses sheet fed by an item (a grid item feeds one per row). 0-based `col`. */
export interface ResponseColumn {
  itemId: number;
  row: string | null;
  col: number;
}

export interface DestinationModel {
  type: 'SPREADSHEET';
  spreadsheetId: string;
  sheetId: number;
  columns: ResponseColumn[];
  /** Column of "Email Address" when the form collects e-mails, else null. */
  emailCol: number | null;
  /** Next free column (0 is Timestamp). */
  nextCol: number;
  /** How the Timestamp column shows its date, in the owner's locale. */
  dateTimeFormat?: string;
}

export type StoredAnswer = string | string[] | (string | null)[] | (string[] | null)[];

export interface ResponseModel {
  id: string;
  timestamp: Date;
  email: string;
  /** Answered items only, in form order. */
  items: { itemId: number; value: StoredAnswer }[];
}

/** A form file's content in the Drive store. */
export class FormModel implements FileContent {
  title: string;
  description = '';
  items: ItemModel[] = [];
  nextItemId = 1_000_001;
  collectEmail = false;
  /**
   * Forms created through the API after 30 June 2026 start unpublished and take no responses
   * (https://developers.google.com/workspace/forms/api/guides/api-changes-to-google-forms); the
   * emulator treats every script-made form so unless it is created published.
   */
  published = false;
  /** The owner's "accepting responses" switch; it counts only while the form is published. */
  acceptingResponses = true;
  confirmationMessage = '';
  allowResponseEdits = false;
  limitOneResponsePerUser = false;
  showLinkToRespondAgain = true;
  progressBar = false;
  destination: DestinationModel | null = null;
  responses: ResponseModel[] = [];

  constructor(
    readonly id: string,
    title: string,
  ) {
    this.title = title;
  }

  /** A copy of the questions and settings; responses and the destination are not copied (Drive makeCopy). */
  clone(newId: string): FormModel {
    const copy = new FormModel(newId, this.title);
    copy.description = this.description;
    copy.items = this.items.map((it) => ({
      ...it,
      choices: [...it.choices],
      rows: [...it.rows],
      columns: [...it.columns],
      validation: it.validation ? { ...it.validation } : null,
    }));
    copy.nextItemId = this.nextItemId;
    copy.collectEmail = this.collectEmail;
    copy.published = this.published;
    copy.acceptingResponses = this.acceptingResponses;
    copy.confirmationMessage = this.confirmationMessage;
    copy.allowResponseEdits = this.allowResponseEdits;
    copy.limitOneResponsePerUser = this.limitOneResponsePerUser;
    copy.showLinkToRespondAgain = this.showLinkToRespondAgain;
    copy.progressBar = this.progressBar;
    return copy;
  }

  itemById(id: number): ItemModel | undefined {
    return this.items.find((i) => i.id === id);
  }
}

const NON_QUESTIONS: ItemTypeName[] = ['SECTION_HEADER'];

function isQuestion(item: ItemModel): boolean {
  return !NON_QUESTIONS.includes(item.type);
}

function isGrid(item: ItemModel): boolean {
  return item.type === 'GRID' || item.type === 'CHECKBOX_GRID';
}

export function publishedUrl(formId: string): string {
  return `https://docs.google.com/forms/d/e/${formId}/viewform`;
}

/** The id a question has in its form's URLs (`entry.<id>`): never its getId(), as in Forms. */
export function entryId(item: ItemModel): number {
  return item.id + 918_273_645;
}

/** application/x-www-form-urlencoded, as a form's URLs carry values (a space is `+`). */
function formEncode(v: string): string {
  return encodeURIComponent(v).replace(/%20/g, '+');
}

function formDecode(v: string): string {
  return decodeURIComponent(v.replace(/\+/g, ' '));
}

/** The ItemResponse of a text or paragraph question; the answer is checked only when submitted. */
function textResponse(
  env: Env,
  formId: string,
  item: ItemModel,
  response: unknown,
): GoogleAppsScript.Forms.ItemResponse {
  if (typeof response !== 'string') throw new Error('Invalid argument: response');
  return new FakeItemResponse(env, formId, item.id, response) as unknown as GoogleAppsScript.Forms.ItemResponse;
}

export function editUrl(formId: string): string {
  return `https://docs.google.com/forms/d/${formId}/edit`;
}

/** The form's model; throws as openById does for a missing id or a file that is not a form. */
export function formModel(env: Env, formId: string): FormModel {
  const file = env.drive.get(formId, 'FormApp');
  if (file.mimeType !== FORM_MIME || !(file.content instanceof FormModel)) {
    throw new Error(
      `No item with the given ID could be found, or you do not have permission to access it. (FormApp: ${formId})`,
    );
  }
  return file.content;
}

function spreadsheetModel(env: Env, id: string): SpreadsheetModel {
  const file = env.drive.get(id, 'FormApp');
  if (file.mimeType !== SPREADSHEET_MIME || !file.content) {
    throw new Error(
      `No item with the given ID could be found, or you do not have permission to access it. (SpreadsheetApp: ${id})`,
    );
  }
  return file.content as SpreadsheetModel;
}

function destinationSheet(
  env: Env,
  form: FormModel,
): { ss: SpreadsheetModel; sheet: SheetModel; dest: DestinationModel } | null {
  const dest = form.destination;
  if (!dest) return null;
  const file = env.drive.find(dest.spreadsheetId);
  if (!file || file.trashed || !file.content) return null;
  const ss = file.content as SpreadsheetModel;
  const sheet = ss.sheetById(dest.sheetId);
  if (!sheet) return null;
  return { ss, sheet, dest };
}

/**
 * Keeps the responses sheet's header in step with the form: a new question (or a new grid row)
 * gets a column appended at the right; a deleted question keeps its column; a renamed question's
 * header follows its title. Columns never move when items are moved.
 */
export function syncResponseColumns(env: Env, form: FormModel): void {
  const linked = destinationSheet(env, form);
  if (!linked) return;
  const { sheet, dest } = linked;
  if (form.collectEmail && dest.emailCol === null) {
    dest.emailCol = dest.nextCol++;
  }
  if (dest.emailCol !== null) sheet.setValue(0, dest.emailCol, 'Email Address');
  for (const item of form.items) {
    if (!isQuestion(item)) continue;
    const slots: (string | null)[] = isGrid(item) ? item.rows : [null];
    for (const slot of slots) {
      let column = dest.columns.find((c) => c.itemId === item.id && c.row === slot);
      if (!column) {
        column = { itemId: item.id, row: slot, col: dest.nextCol++ };
        dest.columns.push(column);
      }
      sheet.setValue(0, column.col, slot === null ? item.title : `${item.title} [${slot}]`);
    }
  }
}

function cellValue(item: ItemModel | undefined, answer: StoredAnswer | undefined, row: string | null): string {
  if (answer === undefined || !item) return '';
  if (row !== null) {
    const i = item.rows.indexOf(row);
    const v = i >= 0 ? (answer as (string | string[] | null)[])[i] : null;
    if (v === null || v === undefined) return '';
    return Array.isArray(v) ? v.join(', ') : v;
  }
  return Array.isArray(answer) ? (answer as string[]).join(', ') : answer;
}

/**
 * What Sheets calls a form's response sheet and its first column in the owner's language. Only the
 * English names are Google's for certain; the Spanish ones are those public scripts look up
 * ("Respuestas de formulario 1", "Marca temporal"); the Slovenian ones are the most likely
 * translation, not confirmed by any public source (see docs/forms-script.md).
 */
export const RESPONSE_SHEET_NAMES: Record<string, { stem: string; timestamp: string; dateTime: string }> = {
  en: { stem: 'Form Responses', timestamp: 'Timestamp', dateTime: 'M/d/yyyy H:mm:ss' },
  sl: { stem: 'Odgovori obrazca', timestamp: 'Časovni žig', dateTime: 'd. M. yyyy H:mm:ss' },
  es: { stem: 'Respuestas de formulario', timestamp: 'Marca temporal', dateTime: 'd/M/yyyy H:mm:ss' },
};

/** The names for a locale such as "sl", "sl_SI" or "en-GB"; English when the language is not known. */
export function responseSheetNames(locale: string): (typeof RESPONSE_SHEET_NAMES)[string] {
  const language = String(locale).toLowerCase().split(/[_-]/)[0];
  return RESPONSE_SHEET_NAMES[language] ?? RESPONSE_SHEET_NAMES.en;
}

/** Writes one response as a row of the linked sheet; returns its 1-based row number (0 if not linked). */
function writeResponseRow(env: Env, form: FormModel, response: ResponseModel): number {
  syncResponseColumns(env, form);
  const linked = destinationSheet(env, form);
  if (!linked) return 0;
  const { sheet, dest } = linked;
  const r = Math.max(1, sheet.lastRow());
  for (let c = 0; c < dest.nextCol; c++) sheet.setValue(r, c, '');
  sheet.setValue(r, 0, response.timestamp);
  sheet.cell(r, 0).numberFormat = dest.dateTimeFormat ?? 'M/d/yyyy H:mm:ss';
  if (dest.emailCol !== null) sheet.setValue(r, dest.emailCol, response.email);
  for (const column of dest.columns) {
    const item = form.itemById(column.itemId);
    const answer = response.items.find((a) => a.itemId === column.itemId)?.value;
    sheet.setValue(r, column.col, cellValue(item, answer, column.row));
  }
  env.drive.touch(dest.spreadsheetId);
  return r + 1;
}

function enumOf<T>(names: string[]): T {
  const out: Record<string, string> = {};
  for (const n of names) out[n] = n;
  return Object.freeze(out) as unknown as T;
}

const ITEM_TYPES = [
  'CHECKBOX',
  'CHECKBOX_GRID',
  'DATE',
  'DATETIME',
  'DURATION',
  'GRID',
  'IMAGE',
  'LIST',
  'MULTIPLE_CHOICE',
  'PAGE_BREAK',
  'PARAGRAPH_TEXT',
  'SCALE',
  'SECTION_HEADER',
  'TEXT',
  'TIME',
  'VIDEO',
  'FILE_UPLOAD',
];

/** An object from the script's realm (or a wrapper) that has getId(). */
function hasGetId(v: unknown): v is { getId: () => unknown } {
  return !!v && typeof (v as { getId?: unknown }).getId === 'function';
}

function strArray(values: unknown, what: string): string[] {
  if (!Array.isArray(values)) throw new Error(`Invalid argument: ${what}`);
  return values.map((v) => String(v));
}

// ---------------------------------------------------------------------------------------------
// Choices and validations

// https://developers.google.com/apps-script/reference/forms/choice
export class FakeChoice implements Pick<GoogleAppsScript.Forms.Choice, 'getValue'> {
  constructor(
    private readonly env: Env,
    readonly value: string,
  ) {}

  getValue(): string {
    this.env.calls.record('Forms.Choice.getValue');
    return this.value;
  }
}

/**
 * A built validation (TextValidation, ParagraphTextValidation, CheckboxValidation, GridValidation,
 * CheckboxGridValidation: none has a method of its own, so one class carries them all).
 */
export class FakeValidation {
  constructor(readonly model: ValidationModel) {}
}

abstract class ValidationBuilderBase<T> {
  protected rule: ValidationRule | null = null;
  protected help = '';

  constructor(
    protected readonly env: Env,
    private readonly cls: string,
    private readonly target: ValidationTarget,
  ) {}

  protected set(method: string, rule: ValidationRule): T {
    this.env.calls.record(`Forms.${this.cls}.${method}`);
    this.rule = rule;
    return this as unknown as T;
  }

  protected num(n: unknown, what: string): number {
    if (typeof n !== 'number' || Number.isNaN(n)) throw new Error(`Invalid argument: ${what}`);
    return n;
  }

  setHelpText(text: string): T {
    this.env.calls.record(`Forms.${this.cls}.setHelpText`);
    this.help = String(text);
    return this as unknown as T;
  }

  protected buildModel(): FakeValidation {
    this.env.calls.record(`Forms.${this.cls}.build`);
    return new FakeValidation({ target: this.target, helpText: this.help, rule: this.rule ? { ...this.rule } : null });
  }
}

abstract class TextRulesBuilder<T> extends ValidationBuilderBase<T> {
  requireTextContainsPattern(pattern: string): T {
    return this.set('requireTextContainsPattern', { kind: 'pattern', mode: 'contains', pattern: String(pattern) });
  }

  requireTextDoesNotContainPattern(pattern: string): T {
    return this.set('requireTextDoesNotContainPattern', {
      kind: 'pattern',
      mode: 'doesNotContain',
      pattern: String(pattern),
    });
  }

  requireTextMatchesPattern(pattern: string): T {
    return this.set('requireTextMatchesPattern', { kind: 'pattern', mode: 'matches', pattern: String(pattern) });
  }

  requireTextDoesNotMatchPattern(pattern: string): T {
    return this.set('requireTextDoesNotMatchPattern', {
      kind: 'pattern',
      mode: 'doesNotMatch',
      pattern: String(pattern),
    });
  }

  requireTextLengthLessThanOrEqualTo(number: number): T {
    return this.set('requireTextLengthLessThanOrEqualTo', {
      kind: 'length',
      op: 'lte',
      value: this.num(number, 'number'),
    });
  }

  requireTextLengthGreaterThanOrEqualTo(number: number): T {
    return this.set('requireTextLengthGreaterThanOrEqualTo', {
      kind: 'length',
      op: 'gte',
      value: this.num(number, 'number'),
    });
  }
}

// https://developers.google.com/apps-script/reference/forms/text-validation-builder
export class FakeTextValidationBuilder
  extends TextRulesBuilder<GoogleAppsScript.Forms.TextValidationBuilder>
  implements
    Pick<
      GoogleAppsScript.Forms.TextValidationBuilder,
      | 'requireTextIsEmail'
      | 'requireTextIsUrl'
      | 'requireNumber'
      | 'requireWholeNumber'
      | 'requireNumberGreaterThan'
      | 'requireNumberGreaterThanOrEqualTo'
      | 'requireNumberLessThan'
      | 'requireNumberLessThanOrEqualTo'
      | 'requireNumberEqualTo'
      | 'requireNumberNotEqualTo'
      | 'requireNumberBetween'
      | 'requireNumberNotBetween'
      | 'requireTextContainsPattern'
      | 'requireTextDoesNotContainPattern'
      | 'requireTextMatchesPattern'
      | 'requireTextDoesNotMatchPattern'
      | 'requireTextLengthLessThanOrEqualTo'
      | 'requireTextLengthGreaterThanOrEqualTo'
      | 'setHelpText'
      | 'build'
    >
{
  constructor(env: Env) {
    super(env, 'TextValidationBuilder', 'TEXT');
  }

  requireTextIsEmail(): GoogleAppsScript.Forms.TextValidationBuilder {
    return this.set('requireTextIsEmail', { kind: 'email' });
  }

  requireTextIsUrl(): GoogleAppsScript.Forms.TextValidationBuilder {
    return this.set('requireTextIsUrl', { kind: 'url' });
  }

  requireNumber(): GoogleAppsScript.Forms.TextValidationBuilder {
    return this.set('requireNumber', { kind: 'number' });
  }

  requireWholeNumber(): GoogleAppsScript.Forms.TextValidationBuilder {
    return this.set('requireWholeNumber', { kind: 'wholeNumber' });
  }

  requireNumberGreaterThan(number: number): GoogleAppsScript.Forms.TextValidationBuilder {
    return this.set('requireNumberGreaterThan', { kind: 'numberCompare', op: 'gt', value: this.num(number, 'number') });
  }

  requireNumberGreaterThanOrEqualTo(number: number): GoogleAppsScript.Forms.TextValidationBuilder {
    return this.set('requireNumberGreaterThanOrEqualTo', {
      kind: 'numberCompare',
      op: 'gte',
      value: this.num(number, 'number'),
    });
  }

  requireNumberLessThan(number: number): GoogleAppsScript.Forms.TextValidationBuilder {
    return this.set('requireNumberLessThan', { kind: 'numberCompare', op: 'lt', value: this.num(number, 'number') });
  }

  requireNumberLessThanOrEqualTo(number: number): GoogleAppsScript.Forms.TextValidationBuilder {
    return this.set('requireNumberLessThanOrEqualTo', {
      kind: 'numberCompare',
      op: 'lte',
      value: this.num(number, 'number'),
    });
  }

  requireNumberEqualTo(number: number): GoogleAppsScript.Forms.TextValidationBuilder {
    return this.set('requireNumberEqualTo', { kind: 'numberCompare', op: 'eq', value: this.num(number, 'number') });
  }

  requireNumberNotEqualTo(number: number): GoogleAppsScript.Forms.TextValidationBuilder {
    return this.set('requireNumberNotEqualTo', { kind: 'numberCompare', op: 'ne', value: this.num(number, 'number') });
  }

  requireNumberBetween(start: number, end: number): GoogleAppsScript.Forms.TextValidationBuilder {
    return this.set('requireNumberBetween', {
      kind: 'numberBetween',
      start: this.num(start, 'start'),
      end: this.num(end, 'end'),
      not: false,
    });
  }

  requireNumberNotBetween(start: number, end: number): GoogleAppsScript.Forms.TextValidationBuilder {
    return this.set('requireNumberNotBetween', {
      kind: 'numberBetween',
      start: this.num(start, 'start'),
      end: this.num(end, 'end'),
      not: true,
    });
  }

  build(): GoogleAppsScript.Forms.TextValidation {
    return this.buildModel() as unknown as GoogleAppsScript.Forms.TextValidation;
  }
}

// https://developers.google.com/apps-script/reference/forms/paragraph-text-validation-builder
export class FakeParagraphTextValidationBuilder
  extends TextRulesBuilder<GoogleAppsScript.Forms.ParagraphTextValidationBuilder>
  implements
    Pick<
      GoogleAppsScript.Forms.ParagraphTextValidationBuilder,
      | 'requireTextContainsPattern'
      | 'requireTextDoesNotContainPattern'
      | 'requireTextMatchesPattern'
      | 'requireTextDoesNotMatchPattern'
      | 'requireTextLengthLessThanOrEqualTo'
      | 'requireTextLengthGreaterThanOrEqualTo'
      | 'setHelpText'
      | 'build'
    >
{
  constructor(env: Env) {
    super(env, 'ParagraphTextValidationBuilder', 'PARAGRAPH_TEXT');
  }

  build(): GoogleAppsScript.Forms.ParagraphTextValidation {
    return this.buildModel() as unknown as GoogleAppsScript.Forms.ParagraphTextValidation;
  }
}

// https://developers.google.com/apps-script/reference/forms/checkbox-validation-builder
export class FakeCheckboxValidationBuilder
  extends ValidationBuilderBase<GoogleAppsScript.Forms.CheckboxValidationBuilder>
  implements
    Pick<
      GoogleAppsScript.Forms.CheckboxValidationBuilder,
      'requireSelectAtLeast' | 'requireSelectAtMost' | 'requireSelectExactly' | 'setHelpText' | 'build'
    >
{
  constructor(env: Env) {
    super(env, 'CheckboxValidationBuilder', 'CHECKBOX');
  }

  requireSelectAtLeast(number: number): GoogleAppsScript.Forms.CheckboxValidationBuilder {
    return this.set('requireSelectAtLeast', { kind: 'select', op: 'atLeast', value: this.num(number, 'number') });
  }

  requireSelectAtMost(number: number): GoogleAppsScript.Forms.CheckboxValidationBuilder {
    return this.set('requireSelectAtMost', { kind: 'select', op: 'atMost', value: this.num(number, 'number') });
  }

  requireSelectExactly(number: number): GoogleAppsScript.Forms.CheckboxValidationBuilder {
    return this.set('requireSelectExactly', { kind: 'select', op: 'exactly', value: this.num(number, 'number') });
  }

  build(): GoogleAppsScript.Forms.CheckboxValidation {
    return this.buildModel() as unknown as GoogleAppsScript.Forms.CheckboxValidation;
  }
}

// https://developers.google.com/apps-script/reference/forms/grid-validation-builder
export class FakeGridValidationBuilder
  extends ValidationBuilderBase<GoogleAppsScript.Forms.GridValidationBuilder>
  implements
    Pick<GoogleAppsScript.Forms.GridValidationBuilder, 'requireLimitOneResponsePerColumn' | 'setHelpText' | 'build'>
{
  constructor(env: Env) {
    super(env, 'GridValidationBuilder', 'GRID');
  }

  requireLimitOneResponsePerColumn(): GoogleAppsScript.Forms.GridValidationBuilder {
    return this.set('requireLimitOneResponsePerColumn', { kind: 'limitOnePerColumn' });
  }

  build(): GoogleAppsScript.Forms.GridValidation {
    return this.buildModel() as unknown as GoogleAppsScript.Forms.GridValidation;
  }
}

// https://developers.google.com/apps-script/reference/forms/checkbox-grid-validation-builder
export class FakeCheckboxGridValidationBuilder
  extends ValidationBuilderBase<GoogleAppsScript.Forms.CheckboxGridValidationBuilder>
  implements
    Pick<
      GoogleAppsScript.Forms.CheckboxGridValidationBuilder,
      'requireLimitOneResponsePerColumn' | 'setHelpText' | 'build'
    >
{
  constructor(env: Env) {
    super(env, 'CheckboxGridValidationBuilder', 'CHECKBOX_GRID');
  }

  requireLimitOneResponsePerColumn(): GoogleAppsScript.Forms.CheckboxGridValidationBuilder {
    return this.set('requireLimitOneResponsePerColumn', { kind: 'limitOnePerColumn' });
  }

  build(): GoogleAppsScript.Forms.CheckboxGridValidation {
    return this.buildModel() as unknown as GoogleAppsScript.Forms.CheckboxGridValidation;
  }
}

// ---------------------------------------------------------------------------------------------
// Items

abstract class ItemBase<T> {
  constructor(
    protected readonly env: Env,
    readonly formId: string,
    readonly itemId: number,
    private readonly cls: string,
  ) {}

  protected rec(method: string): void {
    this.env.calls.record(`Forms.${this.cls}.${method}`);
  }

  protected form(): FormModel {
    return formModel(this.env, this.formId);
  }

  protected model(): ItemModel {
    const item = this.form().itemById(this.itemId);
    if (!item) throw new Error('The item has been deleted from the form.');
    return item;
  }

  protected changed(): void {
    syncResponseColumns(this.env, this.form());
  }

  protected self(): T {
    return this as unknown as T;
  }

  getId(): number {
    this.rec('getId');
    return this.itemId;
  }

  getIndex(): number {
    this.rec('getIndex');
    this.model();
    return this.form().items.findIndex((i) => i.id === this.itemId);
  }

  getTitle(): string {
    this.rec('getTitle');
    return this.model().title;
  }

  getHelpText(): string {
    this.rec('getHelpText');
    return this.model().helpText;
  }

  getType(): GoogleAppsScript.Forms.ItemType {
    this.rec('getType');
    return this.model().type as unknown as GoogleAppsScript.Forms.ItemType;
  }

  setTitle(title: string): T {
    this.rec('setTitle');
    this.model().title = String(title);
    this.changed();
    return this.self();
  }

  setHelpText(text: string): T {
    this.rec('setHelpText');
    this.model().helpText = String(text);
    return this.self();
  }
}

abstract class QuestionBase<T> extends ItemBase<T> {
  isRequired(): boolean {
    this.rec('isRequired');
    return this.model().required;
  }

  setRequired(enabled: boolean): T {
    this.rec('setRequired');
    this.model().required = !!enabled;
    return this.self();
  }

  protected applyValidation(validation: unknown, target: ValidationTarget): void {
    if (!(validation instanceof FakeValidation) || validation.model.target !== target) {
      throw new Error('Invalid argument: validation');
    }
    this.model().validation = { ...validation.model };
  }

  protected removeValidation(): void {
    this.model().validation = null;
  }
}

abstract class ChoiceItemBase<T> extends QuestionBase<T> {
  getChoices(): GoogleAppsScript.Forms.Choice[] {
    this.rec('getChoices');
    return this.model().choices.map((v) => new FakeChoice(this.env, v) as unknown as GoogleAppsScript.Forms.Choice);
  }

  createChoice(value: string): GoogleAppsScript.Forms.Choice {
    this.rec('createChoice');
    return new FakeChoice(this.env, String(value)) as unknown as GoogleAppsScript.Forms.Choice;
  }

  setChoiceValues(values: string[]): T {
    this.rec('setChoiceValues');
    const list = strArray(values, 'values');
    if (list.some((v) => v === '')) throw new Error('Invalid data updating form.');
    this.model().choices = list;
    return this.self();
  }

  setChoices(choices: GoogleAppsScript.Forms.Choice[]): T {
    this.rec('setChoices');
    if (!Array.isArray(choices)) throw new Error('Invalid argument: choices');
    const list = choices.map((c: unknown) => {
      if (c instanceof FakeChoice) return c.value;
      if (c && typeof (c as { getValue?: unknown }).getValue === 'function')
        return String((c as { getValue: () => unknown }).getValue());
      throw new Error('Invalid argument: choices');
    });
    this.model().choices = list;
    return this.self();
  }
}

abstract class GridBase<T> extends QuestionBase<T> {
  getRows(): string[] {
    this.rec('getRows');
    return [...this.model().rows];
  }

  /**
   * The reference (grid-item#setRows) does not say what an empty array does; a grid question
   * without rows cannot be answered, so the emulator refuses it (the stricter choice).
   */
  setRows(rows: string[]): T {
    this.rec('setRows');
    const list = strArray(rows, 'rows');
    if (list.length === 0) throw new Error('Invalid argument: rows (a grid needs at least one row)');
    this.model().rows = list;
    this.changed();
    return this.self();
  }

  getColumns(): string[] {
    this.rec('getColumns');
    return [...this.model().columns];
  }

  setColumns(columns: string[]): T {
    this.rec('setColumns');
    const list = strArray(columns, 'columns');
    if (list.length === 0) throw new Error('Invalid argument: columns (a grid needs at least one column)');
    this.model().columns = list;
    return this.self();
  }
}

// https://developers.google.com/apps-script/reference/forms/text-item
export class FakeTextItem
  extends QuestionBase<GoogleAppsScript.Forms.TextItem>
  implements
    Pick<
      GoogleAppsScript.Forms.TextItem,
      | 'getId'
      | 'getIndex'
      | 'getType'
      | 'getTitle'
      | 'setTitle'
      | 'getHelpText'
      | 'setHelpText'
      | 'isRequired'
      | 'setRequired'
      | 'setValidation'
      | 'clearValidation'
      | 'createResponse'
    >
{
  constructor(env: Env, formId: string, itemId: number) {
    super(env, formId, itemId, 'TextItem');
  }

  /**
   * An ItemResponse for this question, not yet part of any response
   * (https://developers.google.com/apps-script/reference/forms/text-item#createResponse(String)).
   * The page names no check; the emulator refuses a non-string (the stricter reading) and, like
   * Forms, checks the answer against the question only when a response is submitted.
   */
  createResponse(response: string): GoogleAppsScript.Forms.ItemResponse {
    this.rec('createResponse');
    return textResponse(this.env, this.formId, this.model(), response);
  }

  setValidation(validation: GoogleAppsScript.Forms.TextValidation): GoogleAppsScript.Forms.TextItem {
    this.rec('setValidation');
    this.applyValidation(validation, 'TEXT');
    return this.self();
  }

  clearValidation(): GoogleAppsScript.Forms.TextItem {
    this.rec('clearValidation');
    this.removeValidation();
    return this.self();
  }
}

// https://developers.google.com/apps-script/reference/forms/paragraph-text-item
export class FakeParagraphTextItem
  extends QuestionBase<GoogleAppsScript.Forms.ParagraphTextItem>
  implements
    Pick<
      GoogleAppsScript.Forms.ParagraphTextItem,
      | 'getId'
      | 'getIndex'
      | 'getType'
      | 'getTitle'
      | 'setTitle'
      | 'getHelpText'
      | 'setHelpText'
      | 'isRequired'
      | 'setRequired'
      | 'setValidation'
      | 'clearValidation'
      | 'createResponse'
    >
{
  constructor(env: Env, formId: string, itemId: number) {
    super(env, formId, itemId, 'ParagraphTextItem');
  }

  /** As TextItem.createResponse (https://developers.google.com/apps-script/reference/forms/paragraph-text-item#createResponse(String)). */
  createResponse(response: string): GoogleAppsScript.Forms.ItemResponse {
    this.rec('createResponse');
    return textResponse(this.env, this.formId, this.model(), response);
  }

  setValidation(validation: GoogleAppsScript.Forms.ParagraphTextValidation): GoogleAppsScript.Forms.ParagraphTextItem {
    this.rec('setValidation');
    this.applyValidation(validation, 'PARAGRAPH_TEXT');
    return this.self();
  }

  clearValidation(): GoogleAppsScript.Forms.ParagraphTextItem {
    this.rec('clearValidation');
    this.removeValidation();
    return this.self();
  }
}

// https://developers.google.com/apps-script/reference/forms/multiple-choice-item
export class FakeMultipleChoiceItem
  extends ChoiceItemBase<GoogleAppsScript.Forms.MultipleChoiceItem>
  implements
    Pick<
      GoogleAppsScript.Forms.MultipleChoiceItem,
      | 'getId'
      | 'getIndex'
      | 'getType'
      | 'getTitle'
      | 'setTitle'
      | 'getHelpText'
      | 'setHelpText'
      | 'isRequired'
      | 'setRequired'
      | 'getChoices'
      | 'createChoice'
      | 'setChoiceValues'
      | 'setChoices'
      | 'showOtherOption'
      | 'hasOtherOption'
    >
{
  constructor(env: Env, formId: string, itemId: number) {
    super(env, formId, itemId, 'MultipleChoiceItem');
  }

  showOtherOption(enabled: boolean): GoogleAppsScript.Forms.MultipleChoiceItem {
    this.rec('showOtherOption');
    this.model().otherOption = !!enabled;
    return this.self();
  }

  hasOtherOption(): boolean {
    this.rec('hasOtherOption');
    return this.model().otherOption;
  }
}

// https://developers.google.com/apps-script/reference/forms/checkbox-item
export class FakeCheckboxItem
  extends ChoiceItemBase<GoogleAppsScript.Forms.CheckboxItem>
  implements
    Pick<
      GoogleAppsScript.Forms.CheckboxItem,
      | 'getId'
      | 'getIndex'
      | 'getType'
      | 'getTitle'
      | 'setTitle'
      | 'getHelpText'
      | 'setHelpText'
      | 'isRequired'
      | 'setRequired'
      | 'getChoices'
      | 'createChoice'
      | 'setChoiceValues'
      | 'setChoices'
      | 'showOtherOption'
      | 'hasOtherOption'
      | 'setValidation'
      | 'clearValidation'
    >
{
  constructor(env: Env, formId: string, itemId: number) {
    super(env, formId, itemId, 'CheckboxItem');
  }

  showOtherOption(enabled: boolean): GoogleAppsScript.Forms.CheckboxItem {
    this.rec('showOtherOption');
    this.model().otherOption = !!enabled;
    return this.self();
  }

  hasOtherOption(): boolean {
    this.rec('hasOtherOption');
    return this.model().otherOption;
  }

  setValidation(validation: GoogleAppsScript.Forms.CheckboxValidation): GoogleAppsScript.Forms.CheckboxItem {
    this.rec('setValidation');
    this.applyValidation(validation, 'CHECKBOX');
    return this.self();
  }

  clearValidation(): GoogleAppsScript.Forms.CheckboxItem {
    this.rec('clearValidation');
    this.removeValidation();
    return this.self();
  }
}

// https://developers.google.com/apps-script/reference/forms/list-item
export class FakeListItem
  extends ChoiceItemBase<GoogleAppsScript.Forms.ListItem>
  implements
    Pick<
      GoogleAppsScript.Forms.ListItem,
      | 'getId'
      | 'getIndex'
      | 'getType'
      | 'getTitle'
      | 'setTitle'
      | 'getHelpText'
      | 'setHelpText'
      | 'isRequired'
      | 'setRequired'
      | 'getChoices'
      | 'createChoice'
      | 'setChoiceValues'
      | 'setChoices'
    >
{
  constructor(env: Env, formId: string, itemId: number) {
    super(env, formId, itemId, 'ListItem');
  }
}

// https://developers.google.com/apps-script/reference/forms/grid-item
export class FakeGridItem
  extends GridBase<GoogleAppsScript.Forms.GridItem>
  implements
    Pick<
      GoogleAppsScript.Forms.GridItem,
      | 'getId'
      | 'getIndex'
      | 'getType'
      | 'getTitle'
      | 'setTitle'
      | 'getHelpText'
      | 'setHelpText'
      | 'isRequired'
      | 'setRequired'
      | 'getRows'
      | 'setRows'
      | 'getColumns'
      | 'setColumns'
      | 'setValidation'
      | 'clearValidation'
    >
{
  constructor(env: Env, formId: string, itemId: number) {
    super(env, formId, itemId, 'GridItem');
  }

  setValidation(validation: GoogleAppsScript.Forms.GridValidation): GoogleAppsScript.Forms.GridItem {
    this.rec('setValidation');
    this.applyValidation(validation, 'GRID');
    return this.self();
  }

  clearValidation(): GoogleAppsScript.Forms.GridItem {
    this.rec('clearValidation');
    this.removeValidation();
    return this.self();
  }
}

// https://developers.google.com/apps-script/reference/forms/checkbox-grid-item
export class FakeCheckboxGridItem
  extends GridBase<GoogleAppsScript.Forms.CheckboxGridItem>
  implements
    Pick<
      GoogleAppsScript.Forms.CheckboxGridItem,
      | 'getId'
      | 'getIndex'
      | 'getType'
      | 'getTitle'
      | 'setTitle'
      | 'getHelpText'
      | 'setHelpText'
      | 'isRequired'
      | 'setRequired'
      | 'getRows'
      | 'setRows'
      | 'getColumns'
      | 'setColumns'
      | 'setValidation'
      | 'clearValidation'
    >
{
  constructor(env: Env, formId: string, itemId: number) {
    super(env, formId, itemId, 'CheckboxGridItem');
  }

  setValidation(validation: GoogleAppsScript.Forms.CheckboxGridValidation): GoogleAppsScript.Forms.CheckboxGridItem {
    this.rec('setValidation');
    this.applyValidation(validation, 'CHECKBOX_GRID');
    return this.self();
  }

  clearValidation(): GoogleAppsScript.Forms.CheckboxGridItem {
    this.rec('clearValidation');
    this.removeValidation();
    return this.self();
  }
}

// https://developers.google.com/apps-script/reference/forms/section-header-item
export class FakeSectionHeaderItem
  extends ItemBase<GoogleAppsScript.Forms.SectionHeaderItem>
  implements
    Pick<
      GoogleAppsScript.Forms.SectionHeaderItem,
      'getId' | 'getIndex' | 'getType' | 'getTitle' | 'setTitle' | 'getHelpText' | 'setHelpText'
    >
{
  constructor(env: Env, formId: string, itemId: number) {
    super(env, formId, itemId, 'SectionHeaderItem');
  }
}

function typedItem(env: Env, formId: string, item: ItemModel): unknown {
  switch (item.type) {
    case 'TEXT':
      return new FakeTextItem(env, formId, item.id);
    case 'PARAGRAPH_TEXT':
      return new FakeParagraphTextItem(env, formId, item.id);
    case 'MULTIPLE_CHOICE':
      return new FakeMultipleChoiceItem(env, formId, item.id);
    case 'CHECKBOX':
      return new FakeCheckboxItem(env, formId, item.id);
    case 'LIST':
      return new FakeListItem(env, formId, item.id);
    case 'GRID':
      return new FakeGridItem(env, formId, item.id);
    case 'CHECKBOX_GRID':
      return new FakeCheckboxGridItem(env, formId, item.id);
    case 'SECTION_HEADER':
      return new FakeSectionHeaderItem(env, formId, item.id);
  }
}

// https://developers.google.com/apps-script/reference/forms/item
export class FakeItem
  extends ItemBase<GoogleAppsScript.Forms.Item>
  implements
    Pick<
      GoogleAppsScript.Forms.Item,
      | 'getId'
      | 'getIndex'
      | 'getType'
      | 'getTitle'
      | 'setTitle'
      | 'getHelpText'
      | 'setHelpText'
      | 'asTextItem'
      | 'asParagraphTextItem'
      | 'asMultipleChoiceItem'
      | 'asCheckboxItem'
      | 'asListItem'
      | 'asGridItem'
      | 'asCheckboxGridItem'
      | 'asSectionHeaderItem'
    >
{
  constructor(env: Env, formId: string, itemId: number) {
    super(env, formId, itemId, 'Item');
  }

  /** Casting to another type throws, as the real Item.asXItem() does. */
  private as<R>(method: string, wanted: ItemTypeName): R {
    this.rec(method);
    const item = this.model();
    if (item.type !== wanted) {
      throw new Error(`Item ${item.id} is of type ${item.type} and cannot be cast to ${wanted}.`);
    }
    return typedItem(this.env, this.formId, item) as R;
  }

  asTextItem(): GoogleAppsScript.Forms.TextItem {
    return this.as('asTextItem', 'TEXT');
  }

  asParagraphTextItem(): GoogleAppsScript.Forms.ParagraphTextItem {
    return this.as('asParagraphTextItem', 'PARAGRAPH_TEXT');
  }

  asMultipleChoiceItem(): GoogleAppsScript.Forms.MultipleChoiceItem {
    return this.as('asMultipleChoiceItem', 'MULTIPLE_CHOICE');
  }

  asCheckboxItem(): GoogleAppsScript.Forms.CheckboxItem {
    return this.as('asCheckboxItem', 'CHECKBOX');
  }

  asListItem(): GoogleAppsScript.Forms.ListItem {
    return this.as('asListItem', 'LIST');
  }

  asGridItem(): GoogleAppsScript.Forms.GridItem {
    return this.as('asGridItem', 'GRID');
  }

  asCheckboxGridItem(): GoogleAppsScript.Forms.CheckboxGridItem {
    return this.as('asCheckboxGridItem', 'CHECKBOX_GRID');
  }

  asSectionHeaderItem(): GoogleAppsScript.Forms.SectionHeaderItem {
    return this.as('asSectionHeaderItem', 'SECTION_HEADER');
  }
}

// ---------------------------------------------------------------------------------------------
// Responses

// https://developers.google.com/apps-script/reference/forms/item-response
export class FakeItemResponse implements Pick<GoogleAppsScript.Forms.ItemResponse, 'getItem' | 'getResponse'> {
  constructor(
    private readonly env: Env,
    readonly formId: string,
    readonly itemId: number,
    readonly value: StoredAnswer,
  ) {}

  getItem(): GoogleAppsScript.Forms.Item {
    this.env.calls.record('Forms.ItemResponse.getItem');
    return new FakeItem(this.env, this.formId, this.itemId) as unknown as GoogleAppsScript.Forms.Item;
  }

  /** A string (text, choice, list), a string[] (checkbox; grid: one per row) or string[][] (checkbox grid). */
  getResponse(): string[][] | string[] | string {
    this.env.calls.record('Forms.ItemResponse.getResponse');
    const v = this.value;
    if (!Array.isArray(v)) return v;
    return v.map((x) => (Array.isArray(x) ? [...x] : x)) as string[][] | string[];
  }
}

// https://developers.google.com/apps-script/reference/forms/form-response
export class FakeFormResponse
  implements
    Pick<
      GoogleAppsScript.Forms.FormResponse,
      | 'getId'
      | 'getTimestamp'
      | 'getItemResponses'
      | 'getRespondentEmail'
      | 'getResponseForItem'
      | 'getEditResponseUrl'
      | 'withItemResponse'
      | 'toPrefilledUrl'
    >
{
  /**
   * `draft` is a response made by Form.createResponse() and not submitted: it lives only in this
   * object (https://developers.google.com/apps-script/reference/forms/form#createResponse()).
   */
  constructor(
    private readonly env: Env,
    readonly formId: string,
    readonly responseId: string,
    private readonly draft: ResponseModel | null = null,
  ) {}

  private model(): ResponseModel {
    if (this.draft) return this.draft;
    const r = formModel(this.env, this.formId).responses.find((x) => x.id === this.responseId);
    if (!r) throw new Error(`No response with ID ${this.responseId} exists for this form.`);
    return r;
  }

  getId(): string {
    this.env.calls.record('Forms.FormResponse.getId');
    return this.responseId;
  }

  getTimestamp(): GoogleAppsScript.Base.Date {
    this.env.calls.record('Forms.FormResponse.getTimestamp');
    return new Date(this.model().timestamp.getTime());
  }

  /** Answered items only, in form order. */
  getItemResponses(): GoogleAppsScript.Forms.ItemResponse[] {
    this.env.calls.record('Forms.FormResponse.getItemResponses');
    return this.model().items.map(
      (a) =>
        new FakeItemResponse(
          this.env,
          this.formId,
          a.itemId,
          a.value,
        ) as unknown as GoogleAppsScript.Forms.ItemResponse,
    );
  }

  getResponseForItem(item: GoogleAppsScript.Forms.Item): GoogleAppsScript.Forms.ItemResponse {
    this.env.calls.record('Forms.FormResponse.getResponseForItem');
    const it: unknown = item;
    const id = it instanceof ItemBase ? it.itemId : hasGetId(it) ? Number(it.getId()) : null;
    const a = this.model().items.find((x) => x.itemId === id);
    return (a
      ? new FakeItemResponse(this.env, this.formId, a.itemId, a.value)
      : null) as unknown as GoogleAppsScript.Forms.ItemResponse;
  }

  getRespondentEmail(): string {
    this.env.calls.record('Forms.FormResponse.getRespondentEmail');
    return this.model().email;
  }

  /**
   * Adds `response` to this response; a second answer to the same item replaces the first
   * (https://developers.google.com/apps-script/reference/forms/form-response#withItemResponse(ItemResponse):
   * "Adds the given item response to a form response"). The page is silent on an ItemResponse of
   * another form and on a response already submitted: the emulator refuses both (stricter).
   */
  withItemResponse(response: GoogleAppsScript.Forms.ItemResponse): GoogleAppsScript.Forms.FormResponse {
    this.env.calls.record('Forms.FormResponse.withItemResponse');
    const given: unknown = response;
    if (!(given instanceof FakeItemResponse)) throw new Error('Invalid argument: response');
    if (!this.draft)
      throw new Error('Emulator: this response was already submitted; build a new one with Form.createResponse()');
    if (given.formId !== this.formId) throw new Error('Invalid argument: response (an item of another form)');
    const form = formModel(this.env, this.formId);
    const items = this.draft.items.filter((a) => a.itemId !== given.itemId);
    items.push({ itemId: given.itemId, value: given.value });
    // Kept in form order, as getItemResponses() gives them.
    const order = (id: number) => form.items.findIndex((i) => i.id === id);
    this.draft.items = items.sort((a, b) => order(a.itemId) - order(b.itemId));
    return this as unknown as GoogleAppsScript.Forms.FormResponse;
  }

  /**
   * The form's published URL with the answers of this response filled in
   * (https://developers.google.com/apps-script/reference/forms/form-response#toPrefilledUrl()):
   * `…/viewform?usp=pp_url&entry.<entry id>=<value>`, the shape of the links Forms' "Get
   * pre-filled link" makes. An entry id is not the item's getId() (as in Forms, where the URL's
   * entry ids are the questions' ids): code that builds such URLs by hand from item ids fails here.
   */
  toPrefilledUrl(): string {
    this.env.calls.record('Forms.FormResponse.toPrefilledUrl');
    const form = formModel(this.env, this.formId);
    const params = ['usp=pp_url'];
    for (const a of this.model().items) {
      const item = form.itemById(a.itemId);
      if (!item) continue;
      const values = Array.isArray(a.value) ? (a.value as unknown[]).flat() : [a.value];
      for (const v of values) if (typeof v === 'string') params.push(`entry.${entryId(item)}=${formEncode(v)}`);
    }
    return `${publishedUrl(this.formId)}?${params.join('&')}`;
  }

  getEditResponseUrl(): string {
    this.env.calls.record('Forms.FormResponse.getEditResponseUrl');
    return `https://docs.google.com/forms/d/e/${this.formId}/viewform?edit2=${encodeURIComponent(this.responseId)}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Form and FormApp

// https://developers.google.com/apps-script/reference/forms/form
export class FakeForm
  implements
    Pick<
      F,
      | 'getId'
      | 'getTitle'
      | 'setTitle'
      | 'getDescription'
      | 'setDescription'
      | 'getPublishedUrl'
      | 'getEditUrl'
      | 'shortenFormUrl'
      | 'addTextItem'
      | 'addParagraphTextItem'
      | 'addMultipleChoiceItem'
      | 'addCheckboxItem'
      | 'addListItem'
      | 'addGridItem'
      | 'addCheckboxGridItem'
      | 'addSectionHeaderItem'
      | 'getItems'
      | 'getItemById'
      | 'deleteItem'
      | 'moveItem'
      | 'setDestination'
      | 'getDestinationId'
      | 'getDestinationType'
      | 'removeDestination'
      | 'setCollectEmail'
      | 'collectsEmail'
      | 'setAcceptingResponses'
      | 'isAcceptingResponses'
      | 'setConfirmationMessage'
      | 'getConfirmationMessage'
      | 'setAllowResponseEdits'
      | 'canEditResponse'
      | 'setLimitOneResponsePerUser'
      | 'hasLimitOneResponsePerUser'
      | 'setShowLinkToRespondAgain'
      | 'hasRespondAgainLink'
      | 'setProgressBar'
      | 'hasProgressBar'
      | 'getResponses'
      | 'getResponse'
      | 'createResponse'
      | 'deleteAllResponses'
    >
{
  constructor(
    private readonly env: Env,
    readonly formId: string,
  ) {}

  private rec(method: string): void {
    this.env.calls.record(`Forms.Form.${method}`);
  }

  private model(): FormModel {
    return formModel(this.env, this.formId);
  }

  private self(): F {
    return this as unknown as F;
  }

  getId(): string {
    this.rec('getId');
    return this.model().id;
  }

  getTitle(): string {
    this.rec('getTitle');
    return this.model().title;
  }

  /** Changes the form's title; the Drive file keeps its name. */
  setTitle(title: string): F {
    this.rec('setTitle');
    this.model().title = String(title);
    return this.self();
  }

  getDescription(): string {
    this.rec('getDescription');
    return this.model().description;
  }

  setDescription(description: string): F {
    this.rec('setDescription');
    this.model().description = String(description);
    return this.self();
  }

  getPublishedUrl(): string {
    this.rec('getPublishedUrl');
    return publishedUrl(this.model().id);
  }

  getEditUrl(): string {
    this.rec('getEditUrl');
    return editUrl(this.model().id);
  }

  shortenFormUrl(url: string): string {
    this.rec('shortenFormUrl');
    if (!/^https:\/\/docs\.google\.com\/forms\//.test(String(url))) throw new Error('Invalid argument: url');
    let h = 0;
    for (const ch of String(url)) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
    return `https://forms.gle/${h.toString(36)}`;
  }

  private add<R>(method: string, type: ItemTypeName): R {
    this.rec(method);
    const form = this.model();
    const item: ItemModel = {
      id: form.nextItemId++,
      type,
      title: '',
      helpText: '',
      required: false,
      choices: [],
      otherOption: false,
      rows: [],
      columns: [],
      validation: null,
    };
    form.items.push(item);
    syncResponseColumns(this.env, form);
    return typedItem(this.env, this.formId, item) as R;
  }

  addTextItem(): GoogleAppsScript.Forms.TextItem {
    return this.add('addTextItem', 'TEXT');
  }

  addParagraphTextItem(): GoogleAppsScript.Forms.ParagraphTextItem {
    return this.add('addParagraphTextItem', 'PARAGRAPH_TEXT');
  }

  addMultipleChoiceItem(): GoogleAppsScript.Forms.MultipleChoiceItem {
    return this.add('addMultipleChoiceItem', 'MULTIPLE_CHOICE');
  }

  addCheckboxItem(): GoogleAppsScript.Forms.CheckboxItem {
    return this.add('addCheckboxItem', 'CHECKBOX');
  }

  addListItem(): GoogleAppsScript.Forms.ListItem {
    return this.add('addListItem', 'LIST');
  }

  addGridItem(): GoogleAppsScript.Forms.GridItem {
    return this.add('addGridItem', 'GRID');
  }

  addCheckboxGridItem(): GoogleAppsScript.Forms.CheckboxGridItem {
    return this.add('addCheckboxGridItem', 'CHECKBOX_GRID');
  }

  addSectionHeaderItem(): GoogleAppsScript.Forms.SectionHeaderItem {
    return this.add('addSectionHeaderItem', 'SECTION_HEADER');
  }

  private asItem(item: ItemModel): GoogleAppsScript.Forms.Item {
    return new FakeItem(this.env, this.formId, item.id) as unknown as GoogleAppsScript.Forms.Item;
  }

  /** All items in order, or only those of `itemType`. */
  getItems(itemType?: GoogleAppsScript.Forms.ItemType): GoogleAppsScript.Forms.Item[] {
    this.rec('getItems');
    const wanted = itemType === undefined ? null : String(itemType);
    return this.model()
      .items.filter((i) => wanted === null || i.type === wanted)
      .map((i) => this.asItem(i));
  }

  /** The item, or null if there is none with this id. */
  getItemById(id: number): GoogleAppsScript.Forms.Item {
    this.rec('getItemById');
    const item = this.model().itemById(Number(id));
    return (item ? this.asItem(item) : null) as GoogleAppsScript.Forms.Item;
  }

  private indexOf(indexOrItem: unknown, what: string): number {
    const items = this.model().items;
    let index: number;
    if (typeof indexOrItem === 'number') index = indexOrItem;
    else if (indexOrItem instanceof ItemBase) index = items.findIndex((i) => i.id === indexOrItem.itemId);
    else if (hasGetId(indexOrItem)) {
      const id = Number(indexOrItem.getId());
      index = items.findIndex((i) => i.id === id);
    } else throw new Error(`Invalid argument: ${what}`);
    if (!Number.isInteger(index) || index < 0 || index >= items.length) {
      throw new Error(`Invalid argument: ${what}`);
    }
    return index;
  }

  /** Removes the item; its column in the responses sheet stays. */
  deleteItem(indexOrItem: number | GoogleAppsScript.Forms.Item): void {
    this.rec('deleteItem');
    const i = this.indexOf(indexOrItem, 'index');
    this.model().items.splice(i, 1);
  }

  /** Moves an item; the responses sheet's columns do not move. */
  moveItem(from: number | GoogleAppsScript.Forms.Item, toIndex: number): GoogleAppsScript.Forms.Item {
    this.rec('moveItem');
    const items = this.model().items;
    const i = this.indexOf(from, 'from');
    if (!Number.isInteger(toIndex) || toIndex < 0 || toIndex >= items.length) throw new Error('Invalid argument: to');
    const [item] = items.splice(i, 1);
    items.splice(toIndex, 0, item);
    return this.asItem(item);
  }

  /**
   * Links the form to a spreadsheet: a sheet "Form Responses N" (first free N; named in the owner's
   * language) is inserted as the first tab, with Timestamp and one column per question, and the
   * responses so far are copied in.
   */
  setDestination(type: GoogleAppsScript.Forms.DestinationType, id: string): F {
    this.rec('setDestination');
    if (String(type) !== 'SPREADSHEET') throw new Error('Invalid argument: type');
    const form = this.model();
    const ss = spreadsheetModel(this.env, String(id));
    this.unlink(form);
    // Sheets names the sheet and its first column in the owner's language ("Form Responses 1" in English only).
    const names = responseSheetNames(this.env.user.locale);
    const sheet = ss.insertSheet(ss.freeName(names.stem), 0);
    sheet.setValue(0, 0, names.timestamp);
    form.destination = {
      type: 'SPREADSHEET',
      spreadsheetId: ss.id,
      sheetId: sheet.sheetId,
      columns: [],
      emailCol: null,
      nextCol: 1,
      dateTimeFormat: names.dateTime,
    };
    ss.formUrl = publishedUrl(form.id);
    sheet.formUrl = publishedUrl(form.id);
    syncResponseColumns(this.env, form);
    for (const r of form.responses) writeResponseRow(this.env, form, r);
    return this.self();
  }

  private unlink(form: FormModel): void {
    const dest = form.destination;
    if (!dest) return;
    const file = this.env.drive.find(dest.spreadsheetId);
    const ss = file?.content as SpreadsheetModel | undefined;
    const sheet = ss?.sheetById(dest.sheetId);
    if (sheet && sheet.formUrl === publishedUrl(form.id)) sheet.formUrl = null;
    // With another form still linked, the spreadsheet names that one (see Spreadsheet.getFormUrl).
    if (ss && ss.formUrl === publishedUrl(form.id)) ss.formUrl = ss.sheets.find((s) => s.formUrl)?.formUrl ?? null;
    form.destination = null;
  }

  getDestinationId(): string {
    this.rec('getDestinationId');
    const dest = this.model().destination;
    if (!dest) throw new Error('The form currently has no response destination.');
    return dest.spreadsheetId;
  }

  getDestinationType(): GoogleAppsScript.Forms.DestinationType {
    this.rec('getDestinationType');
    const dest = this.model().destination;
    if (!dest) throw new Error('The form currently has no response destination.');
    return dest.type as unknown as GoogleAppsScript.Forms.DestinationType;
  }

  /** Unlinks; the responses sheet and its rows stay in the spreadsheet. */
  removeDestination(): F {
    this.rec('removeDestination');
    this.unlink(this.model());
    return this.self();
  }

  setCollectEmail(collect: boolean): F {
    this.rec('setCollectEmail');
    const form = this.model();
    form.collectEmail = !!collect;
    syncResponseColumns(this.env, form);
    return this.self();
  }

  collectsEmail(): boolean {
    this.rec('collectsEmail');
    return this.model().collectEmail;
  }

  setAcceptingResponses(enabled: boolean): F {
    this.rec('setAcceptingResponses');
    this.model().acceptingResponses = !!enabled;
    return this.self();
  }

  /** An unpublished form accepts nothing, whatever the switch says (PublishState.isAcceptingResponses). */
  isAcceptingResponses(): boolean {
    this.rec('isAcceptingResponses');
    const form = this.model();
    return form.published && form.acceptingResponses;
  }

  // https://developers.google.com/workspace/forms/api/guides/publish-form ("Publish the form. This
  // also enables accepting responses."); unpublishing stops responses too.
  setPublished(enabled: boolean): F {
    this.rec('setPublished');
    const form = this.model();
    form.published = !!enabled;
    form.acceptingResponses = !!enabled;
    return this.self();
  }

  isPublished(): boolean {
    this.rec('isPublished');
    return this.model().published;
  }

  setConfirmationMessage(message: string): F {
    this.rec('setConfirmationMessage');
    this.model().confirmationMessage = String(message);
    return this.self();
  }

  getConfirmationMessage(): string {
    this.rec('getConfirmationMessage');
    return this.model().confirmationMessage;
  }

  setAllowResponseEdits(enabled: boolean): F {
    this.rec('setAllowResponseEdits');
    this.model().allowResponseEdits = !!enabled;
    return this.self();
  }

  canEditResponse(): boolean {
    this.rec('canEditResponse');
    return this.model().allowResponseEdits;
  }

  setLimitOneResponsePerUser(enabled: boolean): F {
    this.rec('setLimitOneResponsePerUser');
    this.model().limitOneResponsePerUser = !!enabled;
    return this.self();
  }

  hasLimitOneResponsePerUser(): boolean {
    this.rec('hasLimitOneResponsePerUser');
    return this.model().limitOneResponsePerUser;
  }

  setShowLinkToRespondAgain(enabled: boolean): F {
    this.rec('setShowLinkToRespondAgain');
    this.model().showLinkToRespondAgain = !!enabled;
    return this.self();
  }

  hasRespondAgainLink(): boolean {
    this.rec('hasRespondAgainLink');
    return this.model().showLinkToRespondAgain;
  }

  setProgressBar(enabled: boolean): F {
    this.rec('setProgressBar');
    this.model().progressBar = !!enabled;
    return this.self();
  }

  hasProgressBar(): boolean {
    this.rec('hasProgressBar');
    return this.model().progressBar;
  }

  /** All responses, or those submitted at or after `timestamp`. */
  getResponses(timestamp?: GoogleAppsScript.Base.Date): GoogleAppsScript.Forms.FormResponse[] {
    this.rec('getResponses');
    const from = timestamp !== undefined && isDate(timestamp) ? (timestamp as Date).getTime() : null;
    return this.model()
      .responses.filter((r) => from === null || r.timestamp.getTime() >= from)
      .map((r) => new FakeFormResponse(this.env, this.formId, r.id) as unknown as GoogleAppsScript.Forms.FormResponse);
  }

  getResponse(responseId: string): GoogleAppsScript.Forms.FormResponse {
    this.rec('getResponse');
    const r = this.model().responses.find((x) => x.id === responseId);
    if (!r) throw new Error(`No response with ID ${responseId} exists for this form.`);
    return new FakeFormResponse(this.env, this.formId, r.id) as unknown as GoogleAppsScript.Forms.FormResponse;
  }

  /**
   * A new, empty response to fill with withItemResponse() and turn into a prefilled URL
   * (https://developers.google.com/apps-script/reference/forms/form#createResponse()). It is not
   * stored: getResponses() does not list it and no sheet row is written.
   */
  createResponse(): GoogleAppsScript.Forms.FormResponse {
    this.rec('createResponse');
    this.model();
    const draft: ResponseModel = { id: '', timestamp: new Date(this.env.clock.nowMs()), email: '', items: [] };
    return new FakeFormResponse(this.env, this.formId, '', draft) as unknown as GoogleAppsScript.Forms.FormResponse;
  }

  /** Clears the form's response store; rows already in the responses sheet stay. */
  deleteAllResponses(): F {
    this.rec('deleteAllResponses');
    this.model().responses = [];
    return this.self();
  }
}

// https://developers.google.com/apps-script/reference/forms/form-app
export class FakeFormApp
  implements
    Pick<
      GoogleAppsScript.Forms.FormApp,
      | 'DestinationType'
      | 'ItemType'
      | 'create'
      | 'openById'
      | 'openByUrl'
      | 'getActiveForm'
      | 'createTextValidation'
      | 'createParagraphTextValidation'
      | 'createCheckboxValidation'
      | 'createGridValidation'
      | 'createCheckboxGridValidation'
    >
{
  readonly DestinationType = enumOf<Forms['DestinationType']>(['SPREADSHEET']);
  readonly ItemType = enumOf<Forms['ItemType']>(ITEM_TYPES);

  constructor(private readonly env: Env) {}

  /**
   * Creates a form (and its Drive file); throws for a null or empty title. Unpublished unless
   * `isPublished` is true: forms made through the API after 30 June 2026 start unpublished
   * (https://developers.google.com/workspace/forms/api/guides/api-changes-to-google-forms).
   */
  create(title: string, isPublished?: boolean): F {
    this.env.calls.record('Forms.FormApp.create');
    if (title === null || title === undefined || String(title) === '') throw new Error('Invalid argument: title');
    if (isPublished !== undefined && typeof isPublished !== 'boolean') throw new Error('Invalid argument: isPublished');
    let id = this.env.newId('form');
    // A form carried in from another emulator (emulator/src/carry.ts) may hold the id this one would make.
    while (this.env.drive.find(id)) id = this.env.newId('form');
    const model = new FormModel(id, String(title));
    model.published = isPublished === true;
    this.env.drive.add({ id, name: String(title), mimeType: FORM_MIME, content: model });
    return new FakeForm(this.env, id) as unknown as F;
  }

  openById(id: string): F {
    this.env.calls.record('Forms.FormApp.openById');
    formModel(this.env, String(id));
    return new FakeForm(this.env, String(id)) as unknown as F;
  }

  /** Accepts the edit URL, the published (viewform) URL and Spreadsheet.getFormUrl()'s URL. */
  openByUrl(url: string): F {
    this.env.calls.record('Forms.FormApp.openByUrl');
    const m = /\/forms\/d\/(?:e\/)?([^/?#]+)/.exec(String(url));
    if (!m) throw new Error('Invalid argument: url');
    formModel(this.env, m[1]);
    return new FakeForm(this.env, m[1]) as unknown as F;
  }

  /** The script is not bound to a form: null. */
  getActiveForm(): F {
    this.env.calls.record('Forms.FormApp.getActiveForm');
    return null as unknown as F;
  }

  createTextValidation(): GoogleAppsScript.Forms.TextValidationBuilder {
    this.env.calls.record('Forms.FormApp.createTextValidation');
    return new FakeTextValidationBuilder(this.env) as unknown as GoogleAppsScript.Forms.TextValidationBuilder;
  }

  createParagraphTextValidation(): GoogleAppsScript.Forms.ParagraphTextValidationBuilder {
    this.env.calls.record('Forms.FormApp.createParagraphTextValidation');
    return new FakeParagraphTextValidationBuilder(
      this.env,
    ) as unknown as GoogleAppsScript.Forms.ParagraphTextValidationBuilder;
  }

  createCheckboxValidation(): GoogleAppsScript.Forms.CheckboxValidationBuilder {
    this.env.calls.record('Forms.FormApp.createCheckboxValidation');
    return new FakeCheckboxValidationBuilder(this.env) as unknown as GoogleAppsScript.Forms.CheckboxValidationBuilder;
  }

  createGridValidation(): GoogleAppsScript.Forms.GridValidationBuilder {
    this.env.calls.record('Forms.FormApp.createGridValidation');
    return new FakeGridValidationBuilder(this.env) as unknown as GoogleAppsScript.Forms.GridValidationBuilder;
  }

  createCheckboxGridValidation(): GoogleAppsScript.Forms.CheckboxGridValidationBuilder {
    this.env.calls.record('Forms.FormApp.createCheckboxGridValidation');
    return new FakeCheckboxGridValidationBuilder(
      this.env,
    ) as unknown as GoogleAppsScript.Forms.CheckboxGridValidationBuilder;
  }
}

// ---------------------------------------------------------------------------------------------
// Emulator-only: a respondent submitting the form.

/** What Google Forms would refuse to accept; `item` is the question's title (null for the form). */
export class FormRejection extends Error {
  constructor(
    readonly item: string | null,
    readonly rule: string,
    detail: string,
  ) {
    super(
      item === null
        ? `Form rejected the response (${rule}): ${detail}`
        : `Form rejected "${item}" (${rule}): ${detail}`,
    );
    this.name = 'FormRejection';
  }
}

export type SubmittedAnswer = string | string[] | Record<string, string | string[]>;
export type SubmittedAnswers = Record<string, SubmittedAnswer>;

export interface SubmitOptions {
  /** When the response arrives (default: env.clock.now()). */
  timestamp?: Date;
  /** Refuse what Google Forms would refuse (default true). */
  validate?: boolean;
  /** Respondent e-mail (needed when the form collects e-mails). */
  email?: string;
  /**
   * Deliver, after the real event, a second blank form-submit event for the same row a few seconds
   * later, as public reports describe (markfguerra/google-forms-to-slack issues 6 and 7): every
   * answer blank, only the timestamp filled in (a later one), nothing new in the sheet.
   */
  blankDuplicate?: boolean;
}

export interface SubmitResult {
  /** 1-based row in the responses sheet; 0 when the form has no destination. */
  row: number;
  responseId: string;
  firedTriggers: number;
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_RE = /^(https?:\/\/)?[^\s/.]+(\.[^\s/.]+)+(\/\S*)?$/i;

function ruleFails(rule: ValidationRule, text: string): string | null {
  const n = Number(text);
  const isNum = text.trim() !== '' && Number.isFinite(n);
  switch (rule.kind) {
    case 'email':
      return EMAIL_RE.test(text) ? null : 'must be an e-mail address';
    case 'url':
      return URL_RE.test(text) ? null : 'must be a URL';
    case 'number':
      return isNum ? null : 'must be a number';
    case 'wholeNumber':
      return isNum && Number.isInteger(n) ? null : 'must be a whole number';
    case 'numberCompare': {
      if (!isNum) return 'must be a number';
      const ok = {
        gt: n > rule.value,
        gte: n >= rule.value,
        lt: n < rule.value,
        lte: n <= rule.value,
        eq: n === rule.value,
        ne: n !== rule.value,
      }[rule.op];
      return ok ? null : `must be a number ${rule.op} ${rule.value}`;
    }
    case 'numberBetween': {
      if (!isNum) return 'must be a number';
      const inside = n >= rule.start && n <= rule.end;
      return inside !== rule.not
        ? null
        : `must be a number ${rule.not ? 'not ' : ''}between ${rule.start} and ${rule.end}`;
    }
    case 'pattern': {
      const full = new RegExp(`^(?:${rule.pattern})$`).test(text);
      const part = new RegExp(rule.pattern).test(text);
      const ok = { matches: full, doesNotMatch: !full, contains: part, doesNotContain: !part }[rule.mode];
      return ok ? null : `must ${rule.mode} pattern ${rule.pattern}`;
    }
    case 'length':
      return (rule.op === 'lte' ? text.length <= rule.value : text.length >= rule.value)
        ? null
        : `length must be ${rule.op === 'lte' ? 'at most' : 'at least'} ${rule.value}`;
    default:
      return null;
  }
}

/**
 * Emulator-only: answers a form as a respondent would. Validates as Google Forms does, stores the
 * response, writes the row to the linked sheet and fires the installable form-submit triggers
 * (spreadsheet ones with namedValues/values/range, form ones with response/source).
 */
export class FormResponder {
  constructor(
    private readonly env: Env,
    private readonly triggers: TriggerStore,
    private readonly rangeFor: (
      spreadsheetId: string,
      sheetName: string,
      row: number,
      numColumns: number,
    ) => GoogleAppsScript.Spreadsheet.Range,
    private readonly spreadsheetFor: (id: string) => GoogleAppsScript.Spreadsheet.Spreadsheet,
  ) {}

  /**
   * Submits `answers` keyed by question title: text, multiple choice and list take a string;
   * checkboxes a string[]; a grid { row: column }; a checkbox grid { row: column[] }. Throws
   * FormRejection for what Forms would refuse (unless validate is false); an unknown title or an
   * answer of the wrong shape is always refused. Errors thrown by trigger handlers propagate after
   * every trigger ran; the response and its row are kept.
   */
  submit(formId: string, answers: SubmittedAnswers, options: SubmitOptions = {}): SubmitResult {
    const env = this.env;
    const form = formModel(env, formId);
    const validate = options.validate ?? true;
    // Even an unvalidated import is refused: nobody can answer a form that takes no responses.
    if (!form.published) {
      throw new FormRejection(null, 'notPublished', 'the form is not published, so it accepts no responses');
    }
    if (!form.acceptingResponses) {
      throw new FormRejection(null, 'notAcceptingResponses', 'the form is no longer accepting responses');
    }
    const questions = form.items.filter(isQuestion);
    for (const title of Object.keys(answers)) {
      if (!questions.some((q) => q.title === title))
        throw new FormRejection(title, 'unknownItem', 'no question has this title');
    }
    const email = options.email ?? '';
    if (validate && form.collectEmail && !EMAIL_RE.test(email)) {
      throw new FormRejection(null, 'emailRequired', 'the form collects e-mail addresses: a valid e-mail is required');
    }
    const stored: ResponseModel['items'] = [];
    const used = new Set<string>();
    for (const item of questions) {
      if (used.has(item.title)) continue; // a duplicate title: the answer goes to the first question
      used.add(item.title);
      const value = this.normalize(
        item,
        Object.hasOwn(answers, item.title) ? answers[item.title] : undefined,
        validate,
      );
      if (value !== null) stored.push({ itemId: item.id, value });
    }
    const timestamp = options.timestamp ?? env.clock.now();
    const response: ResponseModel = {
      id: env.newId('response'),
      timestamp: new Date(timestamp.getTime()),
      email,
      items: stored,
    };
    form.responses.push(response);
    const row = writeResponseRow(env, form, response);
    let fired = this.fire(form, response, row);
    if (options.blankDuplicate && row > 0) {
      env.clock.advance(3000);
      fired += this.fire(form, response, row, new Date(env.clock.nowMs()));
    }
    return { row, responseId: response.id, firedTriggers: fired };
  }

  /**
   * Opens a prefilled URL (FormResponse.toPrefilledUrl()) as a respondent's browser would: the
   * form it names and the answers it fills in, keyed by question title. Entry ids the form does not
   * have are ignored, as Forms ignores them; a URL of no form of the emulator is refused.
   */
  openPrefilled(url: string): { formId: string; answers: SubmittedAnswers } {
    const m = /^https:\/\/docs\.google\.com\/forms\/d\/e\/([^/?#]+)\/viewform(?:\?([^#]*))?$/.exec(String(url));
    if (!m) throw new Error(`Not a form's published URL: ${url}`);
    const form = formModel(this.env, m[1]);
    const answers: SubmittedAnswers = {};
    for (const pair of (m[2] ?? '').split('&')) {
      const eq = pair.indexOf('=');
      const key = eq < 0 ? pair : pair.slice(0, eq);
      const id = /^entry\.(\d+)$/.exec(key);
      if (!id) continue;
      const item = form.items.find((i) => entryId(i) === Number(id[1]));
      if (!item || !isQuestion(item) || isGrid(item)) continue;
      const value = formDecode(eq < 0 ? '' : pair.slice(eq + 1));
      if (item.type === 'CHECKBOX') {
        const list = (answers[item.title] as string[] | undefined) ?? [];
        answers[item.title] = [...list, value];
      } else answers[item.title] = value;
    }
    return { formId: form.id, answers };
  }

  /**
   * A respondent opens `url` (a prefilled link), may change or add answers (`changes`, by question
   * title; a title set to '' clears the prefilled answer), and submits: as submit() from there.
   */
  submitPrefilled(url: string, changes: SubmittedAnswers = {}, options: SubmitOptions = {}): SubmitResult {
    const opened = this.openPrefilled(url);
    const answers: SubmittedAnswers = { ...opened.answers, ...changes };
    return this.submit(opened.formId, answers, options);
  }

  /** The stored answer (null when unanswered), after checking it as Forms would. */
  private normalize(item: ItemModel, raw: SubmittedAnswer | undefined, validate: boolean): StoredAnswer | null {
    const reject = (rule: string, detail: string): never => {
      throw new FormRejection(item.title, rule, detail);
    };
    const rule = item.validation?.rule ?? null;
    switch (item.type) {
      case 'TEXT':
      case 'PARAGRAPH_TEXT':
      case 'MULTIPLE_CHOICE':
      case 'LIST': {
        if (raw !== undefined && typeof raw !== 'string') return reject('answerType', 'expected a string');
        const text = raw ?? '';
        if (text.trim() === '') {
          if (validate && item.required) reject('required', 'this is a required question');
          return null;
        }
        if (validate && (item.type === 'MULTIPLE_CHOICE' || item.type === 'LIST')) {
          const other = item.type === 'MULTIPLE_CHOICE' && item.otherOption;
          if (!item.choices.includes(text) && !other) reject('choice', `"${text}" is not one of the choices`);
        }
        if (validate && rule) {
          const why = ruleFails(rule, text);
          if (why) reject(rule.kind, why);
        }
        return text;
      }
      case 'CHECKBOX': {
        // Unvalidated (an import of exported answers): a string is the cell as Forms wrote it.
        if (!validate && typeof raw === 'string') return raw.trim() === '' ? null : [raw];
        if (raw !== undefined && !Array.isArray(raw)) return reject('answerType', 'expected a string[]');
        const picked = (raw ?? []).map(String).filter((v) => v !== '');
        if (picked.length === 0) {
          if (validate && item.required) reject('required', 'this is a required question');
          return null;
        }
        const known = item.choices.filter((c) => picked.includes(c));
        const others = picked.filter((v) => !item.choices.includes(v));
        if (validate) {
          if (others.length > (item.otherOption ? 1 : 0))
            reject('choice', `"${others.join('", "')}" is not one of the choices`);
          if (rule?.kind === 'select') {
            const n = picked.length;
            const ok =
              rule.op === 'atLeast' ? n >= rule.value : rule.op === 'atMost' ? n <= rule.value : n === rule.value;
            if (!ok)
              reject(
                'select',
                `select ${rule.op === 'atLeast' ? 'at least' : rule.op === 'atMost' ? 'at most' : 'exactly'} ${rule.value}`,
              );
          }
        }
        // Checked choices in the order of the item's choices, then the "Other" answer.
        return [...known, ...others];
      }
      case 'GRID':
      case 'CHECKBOX_GRID': {
        if (raw !== undefined && (typeof raw !== 'object' || raw === null || Array.isArray(raw))) {
          return reject('answerType', 'expected an object { row: column }');
        }
        const given = (raw ?? {}) as Record<string, string | string[]>;
        const multi = item.type === 'CHECKBOX_GRID';
        for (const key of Object.keys(given))
          if (!item.rows.includes(key)) reject('row', `"${key}" is not one of the rows`);
        const perRow: (string | string[] | null)[] = item.rows.map((row) => {
          const v = given[row];
          if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return null;
          if (multi) {
            const list = (Array.isArray(v) ? v : [v]).map(String);
            if (validate)
              for (const c of list) if (!item.columns.includes(c)) reject('column', `"${c}" is not one of the columns`);
            return item.columns
              .filter((c) => list.includes(c))
              .concat(validate ? [] : list.filter((c) => !item.columns.includes(c)));
          }
          if (typeof v !== 'string') return reject('answerType', `row "${row}" expects one column label`);
          if (validate && !item.columns.includes(v)) reject('column', `"${v}" is not one of the columns`);
          return v;
        });
        const answered = perRow.filter((v) => v !== null);
        if (validate && item.required && answered.length < item.rows.length) {
          reject('required', 'this question requires one response per row');
        }
        if (validate && rule?.kind === 'limitOnePerColumn') {
          const seen = new Set<string>();
          for (const v of answered) {
            for (const c of Array.isArray(v) ? v : [v as string]) {
              if (seen.has(c))
                reject('limitOnePerColumn', `please don't select more than one response per column ("${c}")`);
              seen.add(c);
            }
          }
        }
        if (answered.length === 0) return null;
        return perRow as StoredAnswer;
      }
      default:
        return null;
    }
  }

  /** Fires the triggers; `blankAt` makes it the blank duplicate: no answers, that timestamp, spreadsheet triggers only. */
  private fire(form: FormModel, response: ResponseModel, row: number, blankAt?: Date): number {
    const env = this.env;
    const calls: { handler: string; event: unknown }[] = [];
    const linked = row > 0 ? destinationSheet(env, form) : null;
    if (linked) {
      const { ss, sheet, dest } = linked;
      const width = dest.nextCol;
      const namedValues: Record<string, string[]> = {};
      const values: string[] = [];
      for (let c = 0; c < width; c++) {
        const header = String(sheet.valueAt(0, c));
        const v = blankAt ? (c === 0 ? blankAt : '') : sheet.valueAt(row - 1, c);
        const text = isDate(v) ? formatTimestamp(v.getTime(), ss.timeZone) : String(v);
        values.push(text);
        if (Object.hasOwn(namedValues, header)) namedValues[header].push(text);
        else namedValues[header] = [text];
      }
      for (const t of this.triggers.forSource(ss.id, 'ON_FORM_SUBMIT')) {
        if (t.source !== 'SPREADSHEETS') continue;
        calls.push({
          handler: t.handlerFunction,
          event: {
            authMode: 'FULL',
            namedValues: cloneNamed(namedValues),
            values: [...values],
            range: this.rangeFor(ss.id, sheet.name, row, width),
            source: this.spreadsheetFor(ss.id),
            triggerUid: t.uid,
          },
        });
      }
    }
    for (const t of blankAt ? [] : this.triggers.forSource(form.id, 'ON_FORM_SUBMIT')) {
      if (t.source !== 'FORMS') continue;
      calls.push({
        handler: t.handlerFunction,
        event: {
          authMode: 'FULL',
          response: new FakeFormResponse(env, form.id, response.id),
          source: new FakeForm(env, form.id),
          triggerUid: t.uid,
        },
      });
    }
    invokeAll(env, calls);
    return calls.length;
  }
}

function cloneNamed(named: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(named)) out[k] = [...v];
  return out;
}
