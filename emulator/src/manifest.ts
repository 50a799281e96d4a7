/**
 * The project manifest (appsscript.json) the emulator runs a bundle under. Apps Script grants a
 * script the scopes its manifest lists in `oauthScopes` (when the list is absent, it infers them
 * from the code: the emulator then grants every scope) and exposes an advanced service only when
 * `dependencies.enabledAdvancedServices` names it.
 * Reference: https://developers.google.com/apps-script/manifest (Manifest structure, Dependencies,
 * EnabledAdvancedService) and https://developers.google.com/apps-script/concepts/scopes (Setting
 * explicit scopes).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface EnabledAdvancedService {
  userSymbol: string;
  serviceId: string;
  version: string;
}

export interface Manifest {
  timeZone?: string;
  runtimeVersion?: string;
  exceptionLogging?: string;
  oauthScopes?: string[];
  dependencies?: { enabledAdvancedServices?: EnabledAdvancedService[] };
  addOns?: unknown;
  [key: string]: unknown;
}

/** Reads DIR/appsscript.json; throws, naming the file, when it is missing or not JSON. */
export function readManifest(dir: string): Manifest {
  const file = join(dir, 'appsscript.json');
  if (!existsSync(file)) throw new Error(`No manifest: ${file} does not exist`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch (e) {
    throw new Error(`The manifest ${file} is not valid JSON: ${(e as Error).message}`);
  }
}

/** The scopes the manifest grants, or 'all' when it lists none (Apps Script then infers them). */
export function grantedScopes(manifest: Manifest | null): ReadonlySet<string> | 'all' {
  if (!manifest?.oauthScopes) return 'all';
  return new Set(manifest.oauthScopes);
}

/** The advanced service the manifest enables under `userSymbol`'s service id, or undefined. */
export function advancedService(manifest: Manifest | null, serviceId: string): EnabledAdvancedService | undefined {
  return manifest?.dependencies?.enabledAdvancedServices?.find((s) => s.serviceId === serviceId);
}
