// Generates the demo's sample call in sample/: excursions.csv, settings.csv and a seeded
// responses.csv as Google Forms exports it, from a realistic share of the 212 municipalities and
// with the mistakes real people make (spellings, typos, a second submission, a bad e-mail, a late
// answer, text that looks like a formula, HTML). Run: npx tsx scripts/make-sample.ts
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { bundledMunicipalities, type Municipality } from '../src/core/municipalities';
import { sampleExcursions } from '../src/core/sample';
import { AREAS, EXCURSION_HEADERS, preferenceColumn, QUESTION, SOLUTIONS } from '../src/core/vocabulary';

// The demo's call is Slovenian: its excursions carry the Slovenian names and labels.
const SAMPLE_EXCURSIONS = sampleExcursions('sl');

const root = resolve(__dirname, '..');
const municipalities = bundledMunicipalities();

let seed = 20170206;
function random() {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
function sample<T>(list: readonly T[], n: number): T[] {
  const copy = [...list];
  const out = [];
  while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(random() * copy.length), 1)[0]);
  return out;
}

const excursions = SAMPLE_EXCURSIONS.map((e) => [
  e.id,
  e.city,
  e.label,
  e.start,
  e.end,
  e.places,
  e.maxPerMunicipality,
  e.themes,
  'Open',
]);
writeFileSync(join(root, 'sample/excursions.csv'), stringify([[...EXCURSION_HEADERS], ...excursions]));
writeFileSync(
  join(root, 'sample/settings.csv'),
  stringify([
    ['Key', 'Value'],
    ['applicationDeadline', '2017-02-22'],
    ['language', 'sl'],
    ['acceptLate', 'FALSE'],
    ['minEnglishLevel', 'Good working knowledge'],
    ['senderName', 'Skupnost občin Slovenije'],
    ['replyTo', 'growsmarter@sos.example'],
  ]),
);

const first = [
  'Ana',
  'Maja',
  'Nina',
  'Špela',
  'Mojca',
  'Katja',
  'Tina',
  'Urška',
  'Barbara',
  'Tjaša',
  'Marko',
  'Luka',
  'Matej',
  'Andraž',
  'Jože',
  'Boštjan',
  'Gregor',
  'Primož',
  'Žiga',
  'Aleš',
  'Rok',
  'Tomaž',
];
const last = [
  'Novak',
  'Horvat',
  'Kovačič',
  'Krajnc',
  'Zupančič',
  'Potočnik',
  'Kovač',
  'Mlakar',
  'Vidmar',
  'Kos',
  'Golob',
  'Turk',
  'Božič',
  'Kralj',
  'Žagar',
  'Zupan',
  'Bizjak',
  'Hribar',
  'Kavčič',
  'Rozman',
  'Petek',
  'Šinkovec',
];
const positions = [
  'direktor občinske uprave',
  'višja svetovalka za razvoj',
  'župan',
  'podžupanja',
  'svetovalec za okolje in prostor',
  'vodja oddelka za gospodarstvo',
];
const englishWeights: [string, number][] = [
  ['Fluent', 0.3],
  ['Good working knowledge', 0.55],
  ['Basic', 0.12],
  ['None', 0.03],
];
const areas = AREAS;
const solutions = SOLUTIONS;
const motivations = [
  'Občina pripravlja celovito energetsko prenovo javnih stavb in želi spoznati dobre prakse.',
  'Zanimajo nas rešitve za trajnostno mobilnost v manjših mestih.',
  'Smo majhna občina in bi radi izkušnje prenesli v lokalno okolje in regijo.',
  'V pripravi je celostna prometna strategija; izmenjava izkušenj bi nam zelo koristila.',
  'Uvajamo pametno javno razsvetljavo in zbiranje odpadkov.',
];
const projects = [
  'Energetska prenova OŠ',
  'Pametna javna razsvetljava',
  'Polnilnice za e-vozila',
  'Sistem izposoje koles',
  '',
];

function weighted<T>(pairs: readonly (readonly [T, number])[]): T {
  let r = random();
  for (const [v, w] of pairs) {
    r -= w;
    if (r < 0) return v;
  }
  return pairs[0][0];
}
function strip(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}
function slug(s: string): string {
  return strip(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
function typo(s: string): string {
  const i = 1 + Math.floor(random() * (s.length - 2));
  return s.slice(0, i) + s.slice(i + 1);
}
function spelling(m: Municipality): string {
  const name = m.name;
  const urban = m.urban;
  return weighted([
    [name, 0.45],
    [urban ? `Mestna občina ${name}` : `Občina ${name}`, 0.25],
    [strip(name), 0.1],
    [name.toUpperCase(), 0.05],
    [`Municipality of ${name}`, 0.05],
    [name.length > 6 ? typo(name) : name, 0.1],
  ]);
}
function formsTime(date: Date): string {
  // Forms export: 2017/02/20 10:15:32 AM GMT+1 (February in Ljubljana is GMT+1)
  const local = new Date(date.getTime() + 3600 * 1000);
  const h = local.getUTCHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.getUTCFullYear()}/${pad(local.getUTCMonth() + 1)}/${pad(local.getUTCDate())} ${h12}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'} GMT+1`;
}

const labels = SAMPLE_EXCURSIONS.map((e) => e.label);
const header = [
  QUESTION.timestamp,
  QUESTION.municipality,
  QUESTION.contact,
  QUESTION.position,
  QUESTION.email,
  QUESTION.phone,
  QUESTION.english,
  QUESTION.areas,
  QUESTION.solutions,
  QUESTION.stream,
  ...labels.map(preferenceColumn),
  QUESTION.delegates,
  QUESTION.motivation,
  QUESTION.projects,
  QUESTION.sharing,
  QUESTION.consent,
  'Content Score',
];
const chosen = sample(municipalities, 58);
const start = Date.UTC(2017, 1, 6, 8, 0, 0);
const end = Date.UTC(2017, 1, 21, 22, 0, 0);
const rows: { at: Date; cells: string[] }[] = [];
for (const m of chosen) {
  const at = new Date(start + random() * (end - start));
  const contactFirst = pick(first);
  const contactLast = pick(last);
  const prefs = sample(labels, 3 + Math.floor(random() * 3));
  const grid = labels.map((l) => {
    const i = prefs.indexOf(l);
    return i < 0 ? '' : i === 0 ? '1st choice' : i === 1 ? '2nd choice' : i === 2 ? '3rd choice' : 'Interested';
  });
  rows.push({
    at,
    cells: [
      formsTime(at),
      spelling(m),
      `${contactFirst} ${contactLast}`,
      pick(positions),
      `${slug(contactFirst)}.${slug(contactLast)}@${slug(m.name)}.si.example`,
      `+386 ${1 + Math.floor(random() * 7)} ${100 + Math.floor(random() * 900)} ${10 + Math.floor(random() * 90)} ${10 + Math.floor(random() * 90)}`,
      weighted(englishWeights),
      sample(areas, 1 + Math.floor(random() * 3))
        .sort((a, b) => areas.indexOf(a) - areas.indexOf(b))
        .join(', '),
      sample(solutions, 1 + Math.floor(random() * 6))
        .sort((a, b) => solutions.indexOf(a) - solutions.indexOf(b))
        .join(', '),
      pick(['Smart City governance', 'Smart City themes']),
      ...grid,
      pick(['1', '1', '2', '2', '3']),
      pick(motivations),
      pick(projects),
      weighted([
        ['Yes', 0.85],
        ['No', 0.15],
      ]),
      'I agree',
      String(Math.floor(random() * 11)),
    ],
  });
}
// The mistakes real people make, one each, on rows chosen by the seed.
const col = (name: string) => header.indexOf(name);
rows[3].cells[col('Email address')] = 'tajnistvo@obcina,si';
rows[7].cells[col('Consent')] = '';
rows[11].cells[col('Motivation')] = '=HYPERLINK("http://example.org","klikni")';
rows[12].cells[col('Motivation')] = '- energetska prenova\n- pametna razsvetljava\n+ izmenjava izkušenj';
rows[13].cells[col('Motivation')] = '<b>Zelo</b> nas zanima <script>alert(1)</script> Köln & Stockholm';
rows[14].cells[col('Contact person')] =
  `${rows[14].cells[col('Contact person')]} <${rows[14].cells[col('Email address')]}>`;
rows[17].cells[col('Municipality')] = 'Ljubljna';
rows[19].cells[col('Municipality')] = 'Občina Nekje';
for (const l of labels) rows[23].cells[col(preferenceColumn(l))] = '';
rows[29].cells[col('Email address')] = '@info';
// A second submission by the same municipality, a few days later, with a different spelling.
const again = { at: new Date(rows[5].at.getTime() + 3 * 86400000), cells: [...rows[5].cells] };
again.cells[col('Municipality')] = strip(chosen[5].name).toLowerCase();
again.cells[col('Number of delegates')] = '2';
rows.push(again);
// Late answers, after the deadline (22 February 2017).
for (const i of [40, 41]) {
  rows[i].at = new Date(Date.UTC(2017, 1, 23, 9 + i - 40, 30, 0));
}
rows.sort((a, b) => a.at.getTime() - b.at.getTime());
for (const r of rows) r.cells[0] = formsTime(r.at);
writeFileSync(join(root, 'sample/responses.csv'), stringify([header, ...rows.map((r) => r.cells)]));
console.log(`sample/: ${excursions.length} excursions, ${rows.length} responses from ${chosen.length} municipalities`);
