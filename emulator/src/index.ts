/**
 * The offline Workspace: every fake service wired to one kernel, a bundle loaded through
 * gas-local with a fresh globals object, and executions with Apps Script's limits (6 minutes,
 * 30 seconds for a simple trigger, no UI from a trigger, locks released at the end).
 */
import { resolve } from 'node:path';
import { FakeAdvancedDrive } from './advanced-drive';
import { FakeBlob } from './blob';
import { FakeCacheService } from './cache';
import { FakeDocumentApp } from './document';
import { FakeDriveApp } from './drive';
import { createEnv, type Env } from './env';
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
import { type CellValue, FORM_MIME, SPREADSHEET_MIME, type SpreadsheetModel } from './spreadsheet-model';
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
}

/** Apps Script's limits for one execution, in milliseconds. */
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;
export const SIMPLE_TRIGGER_LIMIT_MS = 30 * 1000;
const SIMPLE_TRIGGERS = new Set(['onOpen', 'onEdit', 'onInstall', 'onSelectionChange']);

export interface RunOptions {
  /** Started by an installable trigger: no UI, authMode FULL. */
  trigger?: boolean;
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
  readonly bundleDir: string;
  /** The manifest the loaded bundle runs under (its scopes and advanced services). */
  manifest: Manifest | null;
  private context: Record<string, unknown> | null = null;
  private executions = 0;
  private readonly echoConsole: boolean;

  constructor(options: EmulatorOptions = {}) {
    this.env = createEnv(options);
    this.bundleDir = resolve(options.bundleDir ?? 'build');
    this.echoConsole = options.echoConsole ?? false;
    this.manifest = options.manifest ?? null;
    const env = this.env;
    this.ui = new FakeUi(env);
    this.spreadsheetApp = new FakeSpreadsheetApp(env, this.ui);
    this.triggers = new TriggerStore();
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
    env.calls.beforeCall = () => {
      const ex = env.execution;
      if (!ex) return;
      const limit = SIMPLE_TRIGGERS.has(ex.functionName) ? SIMPLE_TRIGGER_LIMIT_MS : EXECUTION_LIMIT_MS;
      if (env.clock.nowMs() - ex.startedAt > limit) throw new Error('Exceeded maximum execution time');
    };
    env.invoke = (functionName, event) => this.run(functionName, event, { trigger: true });
  }

  /** A new spreadsheet the script is bound to (SpreadsheetApp.getActiveSpreadsheet returns it). */
  createBoundSpreadsheet(name = 'Excursion Desk'): SpreadsheetModel {
    const ss = this.spreadsheetApp.create(name);
    this.env.activeSpreadsheetId = ss.getId();
    return this.spreadsheetApp.model(ss.getId());
  }

  /** The bound spreadsheet's data (uncounted). */
  workbook(): SpreadsheetModel {
    const id = this.env.activeSpreadsheetId;
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

  /** Runs a global function of the bundle as one execution (menu click or trigger). */
  run(functionName: string, event?: unknown, options: RunOptions = {}): unknown {
    const fn = this.requireContext()[functionName];
    if (typeof fn !== 'function') throw new Error(`Script function not found: ${functionName}`);
    const outer = this.env.execution;
    const id = ++this.executions;
    this.env.execution = {
      id,
      startedAt: this.env.clock.nowMs(),
      functionName,
      authMode: options.trigger ? 'FULL' : SIMPLE_TRIGGERS.has(functionName) ? 'LIMITED' : 'FULL',
      fromTrigger: options.trigger ?? false,
    };
    try {
      return (fn as (e?: unknown) => unknown)(event);
    } finally {
      this.locks.releaseAll(id);
      this.env.execution = outer;
    }
  }

  /** Opens the spreadsheet as a user would: the onOpen simple trigger runs. */
  open(): void {
    this.run('onOpen', { authMode: 'LIMITED', source: this.spreadsheetApp.getActiveSpreadsheet(), user: null });
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

export { InjectedFault, isSheetsIo } from './env';
