/**
 * The offline Workspace: every fake service wired to one kernel, a bundle loaded through
 * gas-local with a fresh globals object, and executions with Apps Script's limits (6 minutes,
 * 30 seconds for a simple trigger, no UI from a trigger, locks released at the end). It runs the
 * bundle in either deployment: bound to one spreadsheet, or as an editor add-on that several
 * users install in several spreadsheets (README "Deployments").
 */
import { resolve } from 'node:path';
import { FakeAdvancedDrive } from './advanced-drive';
import { FakeBlob } from './blob';
import { FakeCacheService } from './cache';
import { RUN_OPEN_SECONDS } from './cost';
import { FakeDocumentApp } from './document';
import { FakeDriveApp } from './drive';
import { type CellsRead, createEnv, type EmulatedUser, type Env, type Execution, ExecutionKilled } from './env';
import { FakeFormApp, type FormModel, FormResponder, type SubmitOptions } from './forms';
import { FakeHtmlService } from './html';
import { FakeLockService, LockRegistry } from './lock';
import { FakeMailApp } from './mail';
import { advancedService, grantedScopes, type Manifest, readManifest } from './manifest';
import { FakePropertiesService } from './properties';
import { scopeCheck } from './scopes';
import { FakeScriptApp, TriggerStore } from './script';
import { FakeLogger, FakeSession } from './session';
import { FakeSpreadsheetApp } from './spreadsheet';
import {
  applyPendingWrites,
  type CellValue,
  dropPendingWrites,
  FORM_MIME,
  SPREADSHEET_MIME,
  type SpreadsheetModel,
  trackPendingWrites,
} from './spreadsheet-model';
import { FakeUi } from './ui';
import { FakeUtilities } from './utilities';

export interface EmulatorOptions {
  /** Virtual time at the start (frozen; moves with advance()). Default: the real time, running. */
  start?: Date;
  userEmail?: string;
  locale?: string;
  timeZone?: string;
  /** MailApp recipients per day (100 on a consumer account, 1,500 on Workspace). */
  mailQuota?: number;
  /** Folder of the built bundle (Code.js and the HTML files). */
  bundleDir?: string;
  /** Where the bundle's console output goes; collected in `logs` either way. */
  echoConsole?: boolean;
  /** The manifest to run under; default: the bundle folder's appsscript.json, read by load(). */
  manifest?: Manifest;
  /**
   * 'bound' (default): a script bound to one spreadsheet (createBoundSpreadsheet). 'addon': an
   * editor add-on, one script project that users install (installAddon) and run in their
   * spreadsheets (as(user, spreadsheetId)).
   */
  deployment?: Deployment;
  /**
   * Moves the virtual clock by each call's estimated Apps Script seconds (emulator/src/cost.ts),
   * so Date.now() in the script, its time budget and the 6-minute limit see the time a real run
   * would take. Off by default: tests keep a clock that moves only when they say.
   */
  costClock?: boolean;
}

/** What one execution did: its calls, and the Apps Script seconds they are estimated to take. */
export interface ExecutionReport {
  id: number;
  functionName: string;
  /** Calls per method ("Spreadsheet.Range.getValues": 3). */
  calls: Record<string, number>;
  /** Estimated seconds on real Apps Script (emulator/src/cost.ts), opening the run included. */
  seconds: number;
  /** Why Apps Script ended it early ("Exceeded maximum execution time", an injected kill), or null. */
  killed: string | null;
  /** The blocks of cells it read, in order (which sheet, rows and columns). */
  reads: CellsRead[];
}

export type Deployment = 'bound' | 'addon';

/** Apps Script's limits for one execution, in milliseconds. */
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;
export const SIMPLE_TRIGGER_LIMIT_MS = 30 * 1000;
const SIMPLE_TRIGGERS = new Set(['onOpen', 'onEdit', 'onInstall', 'onSelectionChange']);

export interface RunOptions {
  /** Started by an installable trigger: no UI, authMode FULL. */
  trigger?: boolean;
  /** Who runs it (default: the context's user, see as()). */
  user?: string;
  /** The document it runs in; null for none (default: the context's document). */
  documentId?: string | null;
  /** Overrides the authorization mode the emulator works out. */
  authMode?: Execution['authMode'];
}

/**
 * Calls Apps Script allows in AuthMode.NONE: only building the add-on menu (AuthMode reference:
 * NONE "does not allow access to any services that require authorization"; the editor add-on
 * authorization guide: in NONE, onOpen can only add menu items).
 */
const ALLOWED_WITHOUT_AUTHORIZATION = new Set([
  'Spreadsheet.SpreadsheetApp.getUi',
  'Spreadsheet.Ui.createAddonMenu',
  'Spreadsheet.Ui.createMenu',
  'Spreadsheet.Menu.addItem',
  'Spreadsheet.Menu.addSeparator',
  'Spreadsheet.Menu.addSubMenu',
  'Spreadsheet.Menu.addToUi',
]);

/** The message for a call that needs authorization in AuthMode.NONE ("Class.method", as public reports show it). */
export function notPermittedInNone(method: string): string {
  const [, cls, name] = method.split('.');
  return `You do not have permission to call ${cls}.${name}`;
}

export class Emulator {
  readonly env: Env;
  readonly ui: FakeUi;
  readonly spreadsheetApp: FakeSpreadsheetApp;
  readonly triggers: TriggerStore;
  readonly scriptApp: FakeScriptApp;
  readonly formApp: FakeFormApp;
  readonly responder: FormResponder;
  readonly documentApp: FakeDocumentApp;
  readonly driveApp: FakeDriveApp;
  readonly htmlService: FakeHtmlService;
  readonly mailApp: FakeMailApp;
  readonly locks: LockRegistry;
  readonly lockService: FakeLockService;
  readonly propertiesService: FakePropertiesService;
  readonly cacheService: FakeCacheService;
  readonly session: FakeSession;
  readonly logger: FakeLogger;
  readonly utilities: FakeUtilities;
  /** Lines the bundle wrote with console.*. */
  readonly logs: string[] = [];
  /** Every execution so far, newest last: its calls and estimated Apps Script seconds. */
  readonly executionLog: ExecutionReport[] = [];
  readonly bundleDir: string;
  /** The manifest the loaded bundle runs under (its scopes and advanced services). */
  manifest: Manifest | null;
  readonly deployment: Deployment;
  private context: Record<string, unknown> | null = null;
  private executions = 0;
  private readonly echoConsole: boolean;
  /** Add-on: the users who installed it. */
  private readonly installedBy = new Set<string>();
  /** Add-on: the documents it is enabled in (someone installed or used it there). */
  private readonly enabledIn = new Set<string>();
  /** Who else (besides its owner) may open each spreadsheet. */
  private readonly sharedWith = new Map<string, Set<string>>();
  private readonly users = new Map<string, EmulatedUser>();

  constructor(options: EmulatorOptions = {}) {
    this.env = createEnv(options);
    this.deployment = options.deployment ?? 'bound';
    this.env.deployment = this.deployment;
    this.users.set(this.env.context.user.email, this.env.context.user);
    this.bundleDir = resolve(options.bundleDir ?? 'build');
    this.echoConsole = options.echoConsole ?? false;
    this.manifest = options.manifest ?? null;
    const env = this.env;
    this.ui = new FakeUi(env);
    this.spreadsheetApp = new FakeSpreadsheetApp(env, this.ui);
    this.triggers = new TriggerStore();
    this.triggers.deployment = this.deployment;
    this.scriptApp = new FakeScriptApp(env, this.triggers);
    this.formApp = new FakeFormApp(env);
    this.responder = new FormResponder(
      env,
      this.triggers,
      (id, sheetName, row, numColumns) => {
        const model = this.spreadsheetApp.model(id);
        const sheet = model.sheetByName(sheetName);
        if (!sheet) throw new Error(`No sheet "${sheetName}" in ${id}`);
        return this.spreadsheetApp
          .sheetFacade(model, sheet)
          .range(row, 1, 1, numColumns) as unknown as GoogleAppsScript.Spreadsheet.Range;
      },
      (id) =>
        this.spreadsheetApp.wrap(this.spreadsheetApp.model(id)) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet,
    );
    this.documentApp = new FakeDocumentApp(env);
    this.driveApp = new FakeDriveApp(env);
    this.htmlService = new FakeHtmlService(env, this.bundleDir);
    this.mailApp = new FakeMailApp(env, { dailyQuota: options.mailQuota });
    this.locks = new LockRegistry();
    this.lockService = new FakeLockService(env, this.locks);
    this.propertiesService = new FakePropertiesService(env);
    this.cacheService = new FakeCacheService(env);
    this.session = new FakeSession(env);
    this.logger = new FakeLogger(env);
    this.utilities = new FakeUtilities(env, {
      makeBlob: (bytes, contentType, name) => new FakeBlob(env, bytes, contentType, name),
    });
    if (this.deployment === 'addon') {
      this.spreadsheetApp.canOpen = (id, email) =>
        env.drive.find(id)?.owner === email || (this.sharedWith.get(id)?.has(email) ?? false);
    }
    env.calls.beforeCall = (method) => {
      const ex = env.execution;
      if (!ex) return;
      // A killed execution has ended: nothing it still tries (a catch, a finally) reaches a service.
      if (ex.killed) throw ex.killed;
      if (ex.authMode === 'NONE' && !ALLOWED_WITHOUT_AUTHORIZATION.has(method)) {
        throw new Error(notPermittedInNone(method));
      }
      const limit = SIMPLE_TRIGGERS.has(ex.functionName) ? SIMPLE_TRIGGER_LIMIT_MS : EXECUTION_LIMIT_MS;
      if (env.clock.nowMs() - ex.startedAt > limit) {
        // Quotas page: "Script runtime 6 min / execution"; Apps Script stops the run there.
        ex.killed = new ExecutionKilled('Exceeded maximum execution time');
        throw ex.killed;
      }
    };
    env.calls.onKill = (killed) => {
      if (env.execution) env.execution.killed = killed;
    };
    if (options.costClock) {
      env.calls.onCharge = (seconds) => {
        if (env.execution) env.clock.advance(Math.round(seconds * 1000));
      };
    }
    env.invoke = (functionName, event) => this.fire(functionName, event);
  }

  /** A user of the emulated domain (created on first mention; `locale` sets their locale). */
  user(email: string, locale?: string): EmulatedUser {
    let u = this.users.get(email);
    if (!u) {
      u = { email, locale: locale ?? this.env.context.user.locale };
      this.users.set(email, u);
    } else if (locale) u.locale = locale;
    return u;
  }

  /** Runs `body` with `user` in `documentId` as the context (who and where the next executions run). */
  within<T>(user: string, documentId: string | null, body: () => T): T {
    const saved = this.env.context;
    this.env.context = { user: this.user(user), documentId };
    try {
      return body();
    } finally {
      this.env.context = saved;
    }
  }

  /** Makes `user` in `documentId` the context of every following execution (until the next enter or within). */
  enter(user: string, documentId: string | null): void {
    this.env.context = { user: this.user(user), documentId };
  }

  /**
   * A user in a spreadsheet: runs entry points, opens the file, submits its form, reads its sheets
   * as that user there. The add-on deployment's way to act; works bound too.
   */
  as(user: string, spreadsheetId: string | null): UserInDocument {
    return new UserInDocument(this, user, spreadsheetId);
  }

  /** A new spreadsheet in `owner`'s Drive (any deployment); returns its model. */
  createSpreadsheet(owner: string, name = 'Excursion Desk'): SpreadsheetModel {
    const id = this.within(owner, null, () => this.spreadsheetApp.create(name).getId());
    return this.spreadsheetApp.model(id);
  }

  /** Lets `user` open a spreadsheet they do not own (SpreadsheetApp.openById). */
  share(spreadsheetId: string, user: string): void {
    let set = this.sharedWith.get(spreadsheetId);
    if (!set) {
      set = new Set();
      this.sharedWith.set(spreadsheetId, set);
    }
    set.add(user);
  }

  /**
   * Add-on: `user` gets the add-on from the store while in `spreadsheetId`: it is installed for
   * them and enabled in that document, and onInstall runs there in AuthMode.FULL (editor add-on
   * authorization guide) when a bundle is loaded.
   */
  installAddon(user: string, spreadsheetId: string): void {
    if (this.deployment !== 'addon') throw new Error('Emulator: installAddon needs the add-on deployment');
    this.installedBy.add(user);
    this.enabledIn.add(spreadsheetId);
    if (this.context) {
      const source = this.within(user, spreadsheetId, () => this.spreadsheetApp.getActiveSpreadsheet());
      this.run('onInstall', { authMode: 'FULL', source }, { user, documentId: spreadsheetId, authMode: 'FULL' });
    }
  }

  /** Add-on: whether it is enabled in the document (installed or used there by someone). */
  isEnabledIn(spreadsheetId: string): boolean {
    return this.enabledIn.has(spreadsheetId);
  }

  /**
   * The mode a simple trigger runs in. AuthMode reference: NONE when "the user has installed an
   * add-on in a different document but the add-on has not been used in the current document";
   * LIMITED for a bound script or an add-on enabled in the document; onInstall runs in FULL.
   */
  private simpleTriggerAuthMode(functionName: string, user: string, documentId: string | null): Execution['authMode'] {
    if (functionName === 'onInstall') return 'FULL';
    if (this.deployment === 'bound') return 'LIMITED';
    return documentId !== null && this.enabledIn.has(documentId)
      ? 'LIMITED'
      : this.installedBy.has(user)
        ? 'NONE'
        : 'LIMITED';
  }

  /**
   * Fires an installable trigger's handler (FormResponder, TriggerStore.fireDue): as the trigger's
   * owner, in the document it was made for; an add-on's time-driven trigger runs in no document
   * (research note 4: practitioners see getActiveSpreadsheet() return null there; the reference
   * does not say, so the emulator keeps the stricter behaviour).
   */
  private fire(functionName: string, event?: unknown): unknown {
    const uid = (event as { triggerUid?: unknown } | undefined)?.triggerUid;
    const rec = typeof uid === 'string' ? this.triggers.get(uid) : undefined;
    if (!rec) return this.run(functionName, event, { trigger: true });
    const documentId =
      rec.eventType === 'CLOCK'
        ? this.deployment === 'addon'
          ? null
          : (rec.documentId ?? this.env.context.documentId)
        : rec.source === 'SPREADSHEETS'
          ? rec.sourceId
          : rec.documentId;
    return this.run(functionName, event, { trigger: true, user: rec.owner, documentId });
  }

  /** A new spreadsheet the script is bound to (SpreadsheetApp.getActiveSpreadsheet returns it). */
  createBoundSpreadsheet(name = 'Excursion Desk'): SpreadsheetModel {
    if (this.deployment !== 'bound') throw new Error('Emulator: an add-on is not bound; use createSpreadsheet()');
    const ss = this.spreadsheetApp.create(name);
    this.env.activeSpreadsheetId = ss.getId();
    return this.spreadsheetApp.model(ss.getId());
  }

  /** The bound spreadsheet's data, or the context's document's (uncounted; also from inside a running execution). */
  workbook(): SpreadsheetModel {
    const id = this.env.context.documentId;
    if (!id) throw new Error('No spreadsheet is bound: call createBoundSpreadsheet() first');
    return this.spreadsheetApp.model(id);
  }

  /** The values of a sheet of the bound spreadsheet (uncounted), or null when there is no such sheet. */
  sheetValues(name: string): CellValue[][] | null {
    return this.workbook().sheetByName(name)?.dataValues() ?? null;
  }

  /** The globals a fresh load of the bundle sees: one object per load, as gas-local needs. */
  globals(): Record<string, unknown> {
    const env = this.env;
    const logs = this.logs;
    const echo = this.echoConsole;
    const write =
      (level: string) =>
      (...args: unknown[]) => {
        const line = args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
        logs.push(level === 'log' ? line : `[${level}] ${line}`);
        if (echo) process.stderr.write(`${line}\n`);
      };
    // The bundle's clock is the emulator's: `new Date()` and `Date.now()` read virtual time.
    class EmulatedDate extends Date {
      constructor(...args: unknown[]) {
        if (args.length === 0) super(env.clock.nowMs());
        else super(...(args as [string]));
      }
      static now(): number {
        return env.clock.nowMs();
      }
    }
    const drive = advancedService(this.manifest, 'drive');
    return {
      // The Advanced Drive service exists only where the manifest enables it, under its userSymbol.
      ...(drive ? { [drive.userSymbol]: new FakeAdvancedDrive(env, () => grantedScopes(this.manifest)) } : {}),
      console: { log: write('log'), info: write('info'), warn: write('warn'), error: write('error') },
      Date: EmulatedDate,
      SpreadsheetApp: this.spreadsheetApp,
      FormApp: this.formApp,
      ScriptApp: this.scriptApp,
      DocumentApp: this.documentApp,
      DriveApp: this.driveApp,
      HtmlService: this.htmlService,
      MailApp: this.mailApp,
      LockService: this.lockService,
      PropertiesService: this.propertiesService,
      CacheService: this.cacheService,
      Session: this.session,
      Logger: this.logger,
      Utilities: this.utilities,
      MimeType: {
        PDF: 'application/pdf',
        GOOGLE_DOCS: 'application/vnd.google-apps.document',
        HTML: 'text/html',
        PLAIN_TEXT: 'text/plain',
      },
    };
  }

  /** Loads the built bundle (build/Code.js) into a fresh vm context through gas-local. */
  load(dir = this.bundleDir): this {
    this.manifest ??= readManifest(resolve(dir));
    this.env.calls.authorize = scopeCheck(grantedScopes(this.manifest));
    // gas-local is CommonJS without types.
    const gas = require('gas-local') as {
      require: (folder: string, globals: object, options?: object) => Record<string, unknown>;
    };
    this.context = gas.require(resolve(dir), this.globals(), { filter: (f: string) => f.endsWith('.js') });
    // Scriptlets of HTML templates see the script's global functions, as on Apps Script.
    this.htmlService.globals = this.context;
    return this;
  }

  /** Names of the top-level functions the loaded bundle declares. */
  globalFunctions(): string[] {
    const ctx = this.requireContext();
    return Object.keys(ctx).filter((k) => typeof ctx[k] === 'function' && !(k in this.globals()));
  }

  private requireContext(): Record<string, unknown> {
    if (!this.context) throw new Error('No bundle is loaded: call load() first');
    return this.context;
  }

  /**
   * Runs a global function of the bundle as one execution (menu click or trigger), as the
   * context's user in the context's document unless `options` say otherwise. In the add-on, a
   * menu item run in a document enables the add-on there (later opens run in LIMITED).
   */
  run(functionName: string, event?: unknown, options: RunOptions = {}): unknown {
    const fn = this.requireContext()[functionName];
    if (typeof fn !== 'function') throw new Error(`Script function not found: ${functionName}`);
    const outer = this.env.execution;
    const id = ++this.executions;
    const user = options.user !== undefined ? this.user(options.user) : this.env.context.user;
    const documentId = options.documentId !== undefined ? options.documentId : this.env.context.documentId;
    const simple = SIMPLE_TRIGGERS.has(functionName);
    const authMode =
      options.authMode ??
      (options.trigger ? 'FULL' : simple ? this.simpleTriggerAuthMode(functionName, user.email, documentId) : 'FULL');
    if (this.deployment === 'addon' && !options.trigger && !simple && documentId !== null) {
      this.installedBy.add(user.email);
      this.enabledIn.add(documentId);
    }
    const execution: Execution = {
      id,
      startedAt: this.env.clock.nowMs(),
      functionName,
      authMode,
      fromTrigger: options.trigger ?? false,
      user,
      documentId,
    };
    this.env.execution = execution;
    trackPendingWrites(true);
    const countsBefore = this.env.calls.snapshot();
    const secondsBefore = this.env.calls.seconds();
    const readsBefore = this.env.calls.reads.length;
    this.env.calls.charge(RUN_OPEN_SECONDS);
    let result: unknown;
    let failure: { error: unknown } | null = null;
    try {
      result = (fn as (e?: unknown) => unknown)(event);
    } catch (error) {
      failure = { error };
    } finally {
      this.locks.releaseAll(id);
      this.env.execution = outer;
      // A normal end applies the run's writes; a killed run loses those not flushed.
      if (execution.killed) dropPendingWrites();
      else applyPendingWrites();
      trackPendingWrites(outer !== null);
      this.report(execution, countsBefore, secondsBefore, readsBefore);
    }
    if (execution.killed) throw execution.killed;
    if (failure) throw failure.error;
    return result;
  }

  private report(execution: Execution, before: Record<string, number>, secondsBefore: number, readsBefore = 0): void {
    const calls: Record<string, number> = {};
    for (const [m, n] of Object.entries(this.env.calls.snapshot()))
      if (n > (before[m] ?? 0)) calls[m] = n - (before[m] ?? 0);
    this.executionLog.push({
      id: execution.id,
      functionName: execution.functionName,
      calls,
      seconds: this.env.calls.seconds() - secondsBefore,
      killed: execution.killed?.message ?? null,
      reads: this.env.calls.reads.slice(readsBefore),
    });
  }

  /** The last execution's report (its calls and estimated Apps Script seconds). */
  lastExecution(): ExecutionReport | undefined {
    return this.executionLog.at(-1);
  }

  /** Opens the context's spreadsheet as its user would: the onOpen simple trigger runs, in the mode that applies. */
  open(): void {
    const documentId = this.env.context.documentId;
    const authMode = this.simpleTriggerAuthMode('onOpen', this.env.context.user.email, documentId);
    const source = authMode === 'NONE' ? null : this.spreadsheetApp.getActiveSpreadsheet();
    this.run('onOpen', { authMode, source, user: null }, { authMode });
  }

  /** The form whose responses go to the bound spreadsheet (read from the models, uncounted). */
  linkedFormId(): string {
    const ssId = this.workbook().id;
    const file = this.env.drive
      .all()
      .find(
        (f) =>
          f.mimeType === FORM_MIME &&
          !f.trashed &&
          (f.content as FormModel | null)?.destination?.spreadsheetId === ssId,
      );
    if (!file) throw new Error('No form is linked to the spreadsheet: run setupWorkspace first');
    return file.id;
  }

  /** Submits an answer to the linked form as a respondent would; the form-submit trigger fires. */
  submit(
    answers: Record<string, string | string[] | Record<string, string>>,
    options: Pick<SubmitOptions, 'timestamp' | 'validate' | 'blankDuplicate'> = {},
  ): ReturnType<FormResponder['submit']> {
    return this.responder.submit(this.linkedFormId(), answers, options);
  }

  /**
   * A respondent opens a prefilled link (FormResponse.toPrefilledUrl(), e.g. the one a mail
   * carries), may change answers (`changes`, by question title), and submits: the form it names
   * stores the response, writes its sheet row and fires the form-submit triggers.
   */
  submitPrefilled(
    url: string,
    changes: Record<string, string | string[] | Record<string, string>> = {},
    options: Pick<SubmitOptions, 'timestamp' | 'validate' | 'blankDuplicate'> = {},
  ): ReturnType<FormResponder['submit']> {
    return this.responder.submitPrefilled(url, changes, options);
  }

  /** Moves virtual time forward and fires the time-driven triggers that came due. */
  advance(ms: number): number {
    this.env.clock.advance(ms);
    return this.triggers.fireDue(this.env);
  }

  /** All Drive files of a MIME type (uncounted). */
  files(mimeType = SPREADSHEET_MIME) {
    return this.env.drive.all().filter((f) => f.mimeType === mimeType);
  }
}

/** A user in a document (Emulator.as): everything runs as them, there. */
export class UserInDocument {
  constructor(
    readonly emulator: Emulator,
    readonly user: string,
    readonly spreadsheetId: string | null,
  ) {}

  private here<T>(body: () => T): T {
    return this.emulator.within(this.user, this.spreadsheetId, body);
  }

  /** Runs an entry point (a menu item, or with `trigger` as a trigger would) as this user here. */
  run(functionName: string, event?: unknown, options: RunOptions = {}): unknown {
    return this.here(() => this.emulator.run(functionName, event, options));
  }

  /** This user opens the spreadsheet: onOpen runs in the mode that applies. */
  open(): void {
    this.here(() => this.emulator.open());
  }

  /** A respondent answers this spreadsheet's linked form; the form-submit trigger runs as its owner. */
  submit(...args: Parameters<Emulator['submit']>): ReturnType<Emulator['submit']> {
    return this.here(() => this.emulator.submit(...args));
  }

  /** A respondent submits through a prefilled link; the form-submit trigger runs as its owner. */
  submitPrefilled(...args: Parameters<Emulator['submitPrefilled']>): ReturnType<Emulator['submit']> {
    return this.here(() => this.emulator.submitPrefilled(...args));
  }

  /** The spreadsheet's data (uncounted). */
  workbook(): SpreadsheetModel {
    return this.here(() => this.emulator.workbook());
  }

  /** The values of a sheet of this spreadsheet (uncounted), or null. */
  sheetValues(name: string): CellValue[][] | null {
    return this.here(() => this.emulator.sheetValues(name));
  }
}

export { COSTS, costOf, RUN_OPEN_SECONDS } from './cost';
export { type CellsRead, ExecutionKilled, InjectedFault, isSheetsIo } from './env';
