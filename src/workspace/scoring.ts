/** Score applicants: reads Applications and Scoring once, writes Score and Score Breakdown in one block. */
import { StaffError } from '../core/errors';
import type { Language } from '../core/i18n';
import { municipalityKey } from '../core/municipalities';
import { parseNumber, readCriteria, scoreApplication } from '../core/scoring';
import { cellName } from '../core/table';
import { asText } from '../core/text';
import { ALLOCATION_HEADERS, APPLICATION_HEADERS, SCORING_HEADERS, SHEET } from '../core/vocabulary';
import { readExcursions } from './excursions';
import { type Cell, readSheet, type Spreadsheet, text, writeColumns } from './sheets';

/** Municipalities (by key) that took part in an excursion that is Done: they are no longer first-timers. */
export function attendedMunicipalities(ss: Spreadsheet): Set<string> {
  const done = new Set(
    readExcursions(ss)
      .excursions.filter((e) => e.status === 'Done')
      .map((e) => e.id),
  );
  const attended = new Set<string>();
  if (done.size === 0) return attended;
  const alloc = readSheet(ss, SHEET.allocations, ALLOCATION_HEADERS);
  const c = alloc.cols;
  for (const r of alloc.rows) {
    if (
      done.has(text(r[c['Excursion ID']])) &&
      text(r[c.Decision]) === 'Accepted' &&
      text(r[c.Response]) !== 'Declined'
    )
      attended.add(municipalityKey(text(r[c.Municipality])));
  }
  return attended;
}

/** A number a member of staff typed into an Applications cell, or a message naming the cell. */
function staffNumber(value: Cell, cell: string, min: number | null, max: number | null): number | null {
  if (text(value) === '') return null;
  const n = parseNumber(value);
  if (n === null || (min !== null && n < min) || (max !== null && n > max)) {
    throw new StaffError('error.badNumber', {
      cell,
      value: text(value),
      range: min !== null && max !== null ? ` ${min}–${max}` : '',
    });
  }
  return n;
}

/** Scores every application; nothing is written if any input is wrong. Returns how many were scored. */
export function runScoring(ss: Spreadsheet, lang: Language): number {
  const scoring = readSheet(ss, SHEET.scoring, SCORING_HEADERS);
  const criteria = readCriteria(
    scoring.rows.map((r) => ({ criterion: r[scoring.cols.Criterion], weight: r[scoring.cols.Weight] })),
    (i, header) => cellName(SHEET.scoring, i, scoring.cols[header]),
  );
  const apps = readSheet(ss, SHEET.applications, APPLICATION_HEADERS);
  const c = apps.cols;
  const attended = attendedMunicipalities(ss);
  const results = apps.rows.map((r, i) => {
    if (text(r[c['Application ID']]) === '') return null;
    const population = parseNumber(r[c.Population]);
    return scoreApplication(
      {
        englishLevel: text(r[c['English Level']]),
        sharesKnowledge: text(r[c['Shares Knowledge']]),
        contentScore: staffNumber(r[c['Content Score']], cellName(SHEET.applications, i, c['Content Score']), 0, 10),
        population,
        solutions: text(r[c.Solutions]).split('\n').filter(Boolean).length,
        firstTime: !attended.has(municipalityKey(text(r[c.Municipality]))),
        manualAdjustment:
          staffNumber(r[c['Manual Adjustment']], cellName(SHEET.applications, i, c['Manual Adjustment']), null, null) ??
          0,
      },
      criteria,
      lang,
    );
  });
  writeColumns(apps, ['Score', 'Score Breakdown'], (i, header) => {
    const result = results[i];
    if (!result) {
      const kept = apps.rows[i][c[header]];
      return typeof kept === 'string' ? asText(kept) : kept;
    }
    return header === 'Score' ? result.score : asText(result.breakdown);
  });
  return results.filter(Boolean).length;
}
