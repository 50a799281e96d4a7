/**
 * The Municipalities sheet, read once and kept in the document cache for ten minutes, so a form
 * submission does not read 212 rows each time. Set up clears the cache; an edit to the sheet
 * takes effect within ten minutes. The document cache, not the script cache: as an add-on, the
 * script cache is common to every spreadsheet that installed it, and one customer's list would
 * be used in another's matching. Where there is no document cache (a run with no active
 * document) the sheet is read each time.
 */
import { bundledMunicipalities, type Municipality } from '../core/municipalities';
import { MUNICIPALITY_HEADERS, SHEET } from '../core/vocabulary';
import { readTable, type Spreadsheet, text } from './sheets';

const CACHE_KEY = 'excursionDesk.municipalities.v1';
const CACHE_SECONDS = 600;

export function clearMunicipalityCache(): void {
  CacheService.getDocumentCache()?.remove(CACHE_KEY);
}

/** The staff's list (or the bundled one when the sheet is missing or empty). */
export function loadMunicipalities(ss: Spreadsheet): Municipality[] {
  const cache = CacheService.getDocumentCache();
  const cached = cache?.get(CACHE_KEY);
  if (cached) {
    try {
      return JSON.parse(cached) as Municipality[];
    } catch (_e) {
      // A damaged entry: read the sheet again.
    }
  }
  let list: Municipality[] = [];
  const sheet = ss.getSheetByName(SHEET.municipalities);
  if (sheet) {
    const table = readTable(sheet, MUNICIPALITY_HEADERS, SHEET.municipalities);
    const c = table.cols;
    list = table.rows
      .filter((r) => text(r[c.Name]) !== '')
      .map((r) => ({
        name: text(r[c.Name]),
        population:
          Number.isFinite(Number(r[c.Population])) && text(r[c.Population]) !== '' ? Number(r[c.Population]) : null,
        region: text(r[c.Region]),
        urban: r[c.Urban] === true || /^(true|yes|da|1)$/i.test(text(r[c.Urban])),
        aliases: text(r[c.Aliases])
          .split(/[;\n]/)
          .map((a) => a.trim())
          .filter(Boolean),
      }));
  }
  if (list.length === 0) list = bundledMunicipalities();
  try {
    cache?.put(CACHE_KEY, JSON.stringify(list), CACHE_SECONDS);
  } catch (_e) {
    // Too large for one cache entry (a very long pasted list): read the sheet each time.
  }
  return list;
}
