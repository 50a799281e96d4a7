/**
 * Every member name the fakes in emulator/src pass to env.calls.record, read from their source:
 * the literal names ('Spreadsheet.Range.getValues'), and the names a class builds from its class
 * name and a method (`Forms.${this.cls}.${method}` fed by this.rec('setTitle'), inherited helpers
 * included). Used by scopes.test.ts to require a scopes row for each.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SERVICES = 'Base|Cache|Charts|Document|Drive|Forms|Html|Lock|Mail|Properties|Script|Spreadsheet|Utilities';

interface ClassInfo {
  base?: string;
  cls?: string;
  prefix?: string;
  templatePrefix?: string;
  literals: string[];
}

/** The member names recorded by one source file. */
export function membersIn(src: string): Set<string> {
  const out = new Set<string>();
  for (const m of src.matchAll(new RegExp(`['\`]((?:${SERVICES})\\.[A-Z][A-Za-z]*\\.[a-z][A-Za-z0-9]*)['\`]`, 'g')))
    out.add(m[1]);
  const starts = [...src.matchAll(/^(?:export )?(?:abstract )?class (\w+)(?:<[^>{]*>)?(?:\s+extends\s+(\w+))?/gm)];
  const classes = new Map<string, ClassInfo>();
  const helpers = new Set<string>();
  // A file whose elements record through a context (`${this.cls}.${method}`) gives the service once.
  const contextPrefix = /record\(`(\w+)\.\$\{method\}`\)/.exec(src)?.[1];
  starts.forEach((m, i) => {
    const body = src.slice(m.index, i + 1 < starts.length ? starts[i + 1].index : src.length);
    const cls = (/readonly cls = '(\w+)'/.exec(body) ?? /super\(env,[^)']*'([A-Z]\w+)'/.exec(body))?.[1];
    const prefix =
      /`(\w+)\.\$\{this\.cls\}\./.exec(body)?.[1] ??
      (/ctx\.call\(`\$\{this\.cls\}\./.test(body) ? contextPrefix : undefined);
    for (const h of body.matchAll(/(\w+)(?:<[^>(]*>)?\(\s*method: string/g)) helpers.add(h[1]);
    const literals = [...body.matchAll(/`\w*\.?\$\{this\.cls\}\.(\w+)`/g)].map((x) => `\u0000${x[1]}`);
    for (const x of body.matchAll(/this\.(\w+)(?:<[^>(]*>)?\('([a-z]\w*)'/g)) literals.push(`${x[1]}\u0000${x[2]}`);
    const templatePrefix = /record\(`([\w.]+)\.\$\{method\}`\)/.exec(body)?.[1];
    classes.set(m[1], { base: m[2], cls, prefix, templatePrefix, literals });
  });
  for (const name of classes.keys()) {
    const chain: ClassInfo[] = [];
    for (let n: string | undefined = name; n && classes.has(n); n = classes.get(n)?.base) chain.push(classes.get(n)!);
    const cls = chain.find((c) => c.cls)?.cls;
    const prefix = chain.find((c) => c.prefix)?.prefix;
    const templatePrefix = chain.find((c) => c.templatePrefix)?.templatePrefix;
    const methods = chain
      .flatMap((c) => c.literals)
      .map((l) => l.split('\u0000'))
      .filter(([helper]) => helper === '' || helpers.has(helper))
      .map(([, method]) => method);
    for (const method of methods) {
      if (templatePrefix) out.add(`${templatePrefix}.${method}`);
      else if (cls && prefix) out.add(`${prefix}.${cls}.${method}`);
    }
  }
  return out;
}

/** The member names recorded by every fake in `dir`. */
export function recordedMembers(dir = join(__dirname, '../src')): string[] {
  const out = new Set<string>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts')))
    for (const m of membersIn(readFileSync(join(dir, f), 'utf8'))) out.add(m);
  return [...out].sort();
}
