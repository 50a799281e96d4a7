/**
 * The emulator's kernel: what every fake service shares. A call log with fault injection, a
 * virtual clock, an id generator, the Drive store that holds every file (spreadsheets, forms,
 * documents, blobs), the current execution, and the hook that lets a fake fire a trigger into the
 * loaded bundle. Never bundled into build/Code.js.
 */
import { costOf } from './cost';

/** An error thrown on purpose by fault injection, so tests can tell it from a real one. */
export class InjectedFault extends Error {
  constructor(
    readonly method: string,
    readonly call: number,
  ) {
    super(`Injected fault: ${method} call #${call}`);
    this.name = 'InjectedFault';
  }
}

/**
 * The end of an execution that Apps Script kills (the 6-minute limit, or a kill injected at a
 * call): every later service call of that execution throws it again, so no catch or finally of
 * the script reaches a service, and Emulator.run drops the writes not yet flushed.
 */
export class ExecutionKilled extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExecutionKilled';
  }
}

interface Fault {
  method: string;
  onCall: number;
  error?: () => Error;
  kill?: boolean;
}

/**
 * Counts every service call per method ("Spreadsheet.Range.getValues") and fails the k-th call
 * of a method on request. Names are "<Service>.<Class>.<method>".
 */
export class CallLog {
  private readonly counts = new Map<string, number>();
  private faults: Fault[] = [];
  /** Runs before every call; the emulator uses it to end an execution past its time limit. */
  beforeCall: ((method: string) => void) | null = null;
  /**
   * Runs before every call; Emulator.load() installs the scopes check (emulator/src/scopes.ts), so
   * a call the manifest does not authorize throws as Apps Script does. Fakes built without an
   * Emulator run with every scope granted.
   */
  authorize: ((method: string) => void) | null = null;
  /** Runs when an injected kill fires; the emulator ends the execution (Emulator.run). */
  onKill: ((error: ExecutionKilled) => void) | null = null;
  /** Runs with the estimated seconds of each call (the emulator can move the clock by them). */
  onCharge: ((seconds: number) => void) | null = null;
  private spent = 0;

  /** Records one call; throws if a fault was injected for this call. */
  record(method: string): void {
    this.beforeCall?.(method);
    this.authorize?.(method);
    const n = (this.counts.get(method) ?? 0) + 1;
    this.counts.set(method, n);
    const i = this.faults.findIndex((f) => f.method === method && f.onCall === n);
    if (i >= 0) {
      const [fault] = this.faults.splice(i, 1);
      if (fault.kill) {
        const killed = new ExecutionKilled(`Injected kill: ${method} call #${n}`);
        this.onKill?.(killed);
        throw killed;
      }
      throw fault.error ? fault.error() : new InjectedFault(method, n);
    }
    this.charge(costOf(method));
  }

  /** Every block of cells read (getValues, getDisplayValues, getFormulas), in order; reset() clears it. */
  readonly reads: CellsRead[] = [];

  /** Notes a block of cells read, for the execution's report (which columns a run read, and how many cells). */
  read(entry: CellsRead): void {
    this.reads.push(entry);
  }

  /** Adds the per-cell part of a read or write that moved `count` cells (emulator/src/cost.ts). */
  cells(method: string, count: number): void {
    this.charge(costOf(method, count) - costOf(method));
  }

  /** Adds estimated seconds (opening a run, or a call's per-cell part). */
  charge(seconds: number): void {
    if (seconds <= 0) return;
    this.spent += seconds;
    this.onCharge?.(seconds);
  }

  /** Estimated Apps Script seconds of every call so far (emulator/src/cost.ts). */
  seconds(): number {
    return this.spent;
  }

  /** Ends the execution at the k-th call of `method` (1-based, counted from the start), as Apps Script kills a run. */
  killOn(method: string, onCall: number): void {
    this.faults.push({ method, onCall, kill: true });
  }

  /** Makes the k-th call (1-based, counted from the start of the log) of `method` throw. */
  failOn(method: string, onCall: number, error?: () => Error): void {
    this.faults.push({ method, onCall, error });
  }

  /** Makes the next call of `method` throw. */
  failNext(method: string, error?: () => Error): void {
    this.failOn(method, this.count(method) + 1, error);
  }

  clearFaults(): void {
    this.faults = [];
  }

  count(method: string): number {
    return this.counts.get(method) ?? 0;
  }

  /** Sum of the calls whose name starts with `prefix` ("Spreadsheet." for all of SpreadsheetApp). */
  total(prefix = ''): number {
    let sum = 0;
    for (const [name, n] of this.counts) if (name.startsWith(prefix)) sum += n;
    return sum;
  }

  /** Sum of the Spreadsheet calls that read or write data (see isSheetsIo). */
  ioTotal(): number {
    let sum = 0;
    for (const [name, n] of this.counts) if (isSheetsIo(name)) sum += n;
    return sum;
  }

  /** A copy of the counts, for a before/after comparison. */
  snapshot(prefix = ''): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [name, n] of [...this.counts].sort()) if (name.startsWith(prefix)) out[name] = n;
    return out;
  }

  reset(): void {
    this.counts.clear();
    this.spent = 0;
    this.reads.length = 0;
  }
}

/** A block of cells read: the sheet, its first row and column (1-based) and its size. */
export interface CellsRead {
  method: string;
  sheet: string;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/**
 * Whether a counted call carries data to or from Sheets: it reads or writes cells (values,
 * formulas, notes, formats, rules), the sheet's structure (rows, columns, sheets, charts,
 * protections), or flushes. Lookups are not: the active spreadsheet, a sheet by name, a Range
 * object, a size (getLastRow, getMaxRows), the time zone, getters of an object already fetched (a
 * chart's options, a rule's criteria), builders (charts, validation rules) before they are used,
 * and the Ui. The benchmark and the call-count tests report both.
 */
export function isSheetsIo(method: string): boolean {
  const [service, cls = '', name = ''] = method.split('.');
  if (service !== 'Spreadsheet') return false;
  if (cls === 'SpreadsheetApp') return name === 'flush';
  if (!['Spreadsheet', 'Sheet', 'Range', 'RangeList', 'EmbeddedChart', 'Protection'].includes(cls)) return false;
  if (cls === 'EmbeddedChart' || cls === 'Protection') return !/^(get|is|can)/.test(name);
  if (/^(get|is|can|new|offset)/.test(name))
    return /^get(Values?|DisplayValues?|Formulas?|FormulasR1C1|RichTextValues?|Notes?|Backgrounds?|FontWeights?|NumberFormats?|DataValidations?|Charts|Protections)$/.test(
      name,
    );
  return !/^(activate|setActive)/.test(name);
}

/** Virtual time: real time plus an offset tests can move forward. */
export class Clock {
  private offsetMs = 0;
  private fixedMs: number | null = null;

  constructor(start?: Date) {
    if (start) this.set(start);
  }

  nowMs(): number {
    return this.fixedMs ?? Date.now() + this.offsetMs;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  /** Freezes time at `at` (time then moves only by advance()). */
  set(at: Date): void {
    this.fixedMs = at.getTime();
  }

  advance(ms: number): void {
    if (this.fixedMs !== null) this.fixedMs += ms;
    else this.offsetMs += ms;
  }
}

/** Content of a Drive file that knows how to copy itself (DriveApp.File.makeCopy). */
export interface FileContent {
  clone(newId: string): FileContent;
}

/** A file of the emulated Drive; Google files carry their model as `content`. */
export interface StoredFile {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  owner: string;
  createdAt: Date;
  updatedAt: Date;
  trashed: boolean;
  content: FileContent | null;
  /** Bytes of a non-Google file (a PDF export, an upload). */
  bytes?: Uint8Array;
  description?: string;
  /**
   * Made by the script (any service, during an execution), so drive.file reaches it; files made
   * outside an execution (the user's own, the bound spreadsheet) are not the app's.
   */
  byScript: boolean;
}

/** All files of the emulated Drive, by id. SpreadsheetApp, FormApp, DocumentApp and DriveApp share it. */
export class DriveStore {
  private readonly files = new Map<string, StoredFile>();
  readonly rootId: string;

  constructor(private readonly env: Pick<Env, 'newId' | 'clock' | 'user' | 'execution'>) {
    this.rootId = env.newId('root');
    this.files.set(this.rootId, this.makeRecord(this.rootId, 'My Drive', 'application/vnd.google-apps.folder', []));
  }

  private makeRecord(id: string, name: string, mimeType: string, parents: string[]): StoredFile {
    const at = this.env.clock.now();
    return {
      id,
      name,
      mimeType,
      parents,
      owner: this.env.user.email,
      createdAt: at,
      updatedAt: at,
      trashed: false,
      content: null,
      byScript: this.env.execution !== null,
    };
  }

  /** Adds a file; `parents` defaults to the root folder. */
  add(init: {
    id?: string;
    name: string;
    mimeType: string;
    parents?: string[];
    content?: FileContent | null;
    bytes?: Uint8Array;
  }): StoredFile {
    let id = init.id ?? this.env.newId('file');
    // A file carried in from another emulator (emulator/src/carry.ts) may hold an id this one would make.
    while (init.id === undefined && this.files.has(id)) id = this.env.newId('file');
    if (init.id !== undefined && this.files.has(id)) throw new Error(`The emulated Drive already holds a file ${id}`);
    const rec = this.makeRecord(id, init.name, init.mimeType, init.parents ?? [this.rootId]);
    rec.content = init.content ?? null;
    if (init.bytes) rec.bytes = init.bytes;
    this.files.set(id, rec);
    return rec;
  }

  /** The file, or undefined if there is none or it was removed for good. */
  find(id: string): StoredFile | undefined {
    return this.files.get(id);
  }

  /** The file; throws as Apps Script does for an id it cannot open. */
  get(id: string, service = 'Drive'): StoredFile {
    const f = this.files.get(id);
    if (!f)
      throw new Error(
        `No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it. (${service}: ${id})`,
      );
    return f;
  }

  remove(id: string): void {
    this.files.delete(id);
  }

  all(): StoredFile[] {
    return [...this.files.values()];
  }

  touch(id: string): void {
    const f = this.files.get(id);
    if (f) f.updatedAt = this.env.clock.now();
  }
}

/** Who a user is to the emulator: an e-mail and a locale (Session.getActiveUser, getActiveUserLocale). */
export interface EmulatedUser {
  email: string;
  locale: string;
}

/** One run of a script function: when it started and which locks it holds. */
export interface Execution {
  id: number;
  startedAt: number;
  functionName: string;
  authMode: 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';
  /** True when a trigger started it (no user interface: getUi() throws). */
  fromTrigger: boolean;
  /** Who runs it: Session.getActiveUser, the user properties, cache and lock, the triggers it sees (default: the context's). */
  user?: EmulatedUser;
  /**
   * The document it runs in (getActiveSpreadsheet, document properties, cache and lock), or null
   * where there is none: an add-on's time-driven trigger (default: the context's).
   */
  documentId?: string | null;
  /** Set when Apps Script ends it (the time limit, an injected kill): every later call throws it. */
  killed?: ExecutionKilled;
}

/** A function of the loaded bundle that a trigger or a menu can call. */
export type Invoker = (functionName: string, event?: unknown) => unknown;

/** Where the next execution runs when the emulator is not told otherwise (Emulator.as switches it). */
export interface RunContext {
  user: EmulatedUser;
  documentId: string | null;
}

/** The kernel every fake gets in its constructor. */
export interface Env {
  calls: CallLog;
  clock: Clock;
  newId(prefix: string): string;
  /** The user of the execution in progress, else of the context (the default staff user). */
  user: EmulatedUser;
  timeZone: string;
  drive: DriveStore;
  /** The execution in progress; set by Emulator.run(). */
  execution: Execution | null;
  /** Calls a global function of the loaded bundle (set once the bundle is loaded). */
  invoke: Invoker;
  /**
   * Id of the spreadsheet the execution in progress runs in (getActiveSpreadsheet), else of the
   * context; null outside a document. Setting it moves the execution's document, or the context's.
   */
  activeSpreadsheetId: string | null;
  /** Who and where the next execution runs. */
  context: RunContext;
  /** 'bound' (one spreadsheet the script is bound to) or 'addon' (an editor add-on; Emulator sets it). */
  deployment: 'bound' | 'addon';
}

/** Creates a kernel. `seed` makes ids repeatable across runs. */
export function createEnv(options: { start?: Date; userEmail?: string; locale?: string; timeZone?: string } = {}): Env {
  let counter = 0;
  const context: RunContext = {
    user: { email: options.userEmail ?? 'staff@example.org', locale: options.locale ?? 'en' },
    documentId: null,
  };
  const env: Env = {
    calls: new CallLog(),
    clock: new Clock(options.start),
    newId: (prefix: string) => `${prefix}-${(++counter).toString(36).padStart(6, '0')}`,
    get user() {
      return this.execution?.user ?? this.context.user;
    },
    set user(u: EmulatedUser) {
      if (this.execution) this.execution.user = u;
      else this.context.user = u;
    },
    timeZone: options.timeZone ?? 'Europe/Ljubljana',
    drive: undefined as unknown as DriveStore,
    execution: null,
    invoke: () => {
      throw new Error('No bundle is loaded into this emulator');
    },
    get activeSpreadsheetId() {
      const ex = this.execution;
      return ex && ex.documentId !== undefined ? ex.documentId : this.context.documentId;
    },
    set activeSpreadsheetId(id: string | null) {
      if (this.execution) this.execution.documentId = id;
      else this.context.documentId = id;
    },
    context,
    deployment: 'bound',
  };
  env.drive = new DriveStore(env);
  return env;
}

/** True for a Date from any realm (the bundle runs in its own vm context). */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/**
 * Runs every handler through env.invoke, as the service fires every trigger of an event even when
 * one fails; the first error is rethrown afterwards.
 */
export function invokeAll(env: Pick<Env, 'invoke'>, calls: readonly { handler: string; event: unknown }[]): void {
  let failed = false;
  let firstError: unknown = null;
  for (const c of calls) {
    try {
      env.invoke(c.handler, c.event);
    } catch (e) {
      if (!failed) {
        failed = true;
        firstError = e;
      }
    }
  }
  if (failed) throw firstError;
}
