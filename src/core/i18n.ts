/**
 * Staff-facing text in English and Slovenian. Every message a member of staff reads comes from
 * here; `{name}` placeholders are filled by `t`.
 */

export const LANGUAGES = ['en', 'sl'] as const;
export type Language = (typeof LANGUAGES)[number];

const en = {
  'menu.setup': 'Set up',
  'menu.refreshForm': 'Refresh form from Excursions',
  'menu.score': 'Score applicants',
  'menu.allocate': 'Allocate places',
  'menu.preview': 'Preview notices',
  'menu.send': 'Send notices',
  'menu.dashboard': 'Dashboard',
  'app.title': 'Excursion Desk',
  'error.title': 'Excursion Desk could not finish',
  'error.generic': 'Something went wrong: {message}\nNothing was lost; the details are in the Log sheet.',
  'error.busy': 'Another Excursion Desk action is running right now. Please try again in a minute.',
  'error.missingHeader':
    'Sheet "{sheet}" has no column "{header}". Add it back (row 1) and try again; nothing was written.',
  'error.duplicateHeader':
    'Sheet "{sheet}" has the column "{header}" twice. Rename one of them and try again; nothing was written.',
  'error.missingSheet': 'There is no sheet "{sheet}". Run Set up to create it; nothing was written.',
  'setting.applicationDeadline': 'Last day to apply. A date means the end of that day in the spreadsheet time zone.',
  'setting.language': 'Language of the menu, the messages and the notices: sl or en.',
  'setting.acceptLate': 'TRUE to let late applications take part in the allocation.',
  'setting.minEnglishLevel': 'Lowest English level that may take part: {levels}.',
  'setting.requireSignedForm': 'TRUE to allocate only applications whose "Signed Form Received" box is ticked.',
  'setting.senderName': 'Name shown as the sender of every notice.',
  'setting.replyTo': 'Address that receives replies to the notices (blank: your own).',
  'setting.quotaReserve': 'E-mails of the daily quota to keep unused, so that staff can still send their own.',
  'setting.maxExcursionsPerMunicipality': 'How many excursions one municipality may get in total (allocation rounds).',
  'setting.prioritizeNewcomers': 'TRUE to put municipalities that have not attended an excursion yet first.',
  'setting.attachPdf': 'TRUE to attach the acceptance letter as a PDF.',
  'setting.templateFolderId': 'Drive folder of the notice templates (written by Set up).',
  'setting.template': 'Google Doc id of the "{type}" notice in {language} (written by Set up).',
  'language.en': 'English',
  'language.sl': 'Slovenian',
  'error.unknownCriterion':
    'Scoring cell {cell} names the criterion "{value}", which Excursion Desk does not know. Use one of: {known}. Nothing was written.',
  'error.badWeight': 'Scoring cell {cell} holds "{value}", which is not a number. Nothing was written.',
  'error.badNumber': 'Cell {cell} holds "{value}", which is not a number{range}. Nothing was written.',
  'score.line': '{criterion} ({shown}): {value} × {weight} = {points}',
  'score.manual': 'Manual adjustment: {points}',
  'score.total': 'Total: {total}',
  'score.notGiven': 'not given',
  'score.unknownPopulation': 'population unknown',
  'score.yes': 'yes',
  'score.no': 'no',
  'score.done': 'Scored {count} applications.',
  'score.title': 'Scores written',
  'criterion.English level': 'English level',
  'criterion.Knowledge sharing': 'Knowledge sharing',
  'criterion.Content score': 'Content score',
  'criterion.Smaller municipality': 'Smaller municipality',
  'criterion.Solutions of interest': 'Solutions of interest',
  'criterion.First-time participant': 'First-time participant',
  'reason.granted':
    '{rank} choice; priority {priority} of {competitors} at {label}; {granted} of {requested} places granted',
  'reason.kept': '{rank} choice; kept by staff ({mark}); {granted} places',
  'reason.full':
    '{rank} choice; priority {priority} of {competitors} at {label}; {taken} of {places} seats taken by higher priority',
  'reason.rejected': '{rank} choice; locked as Rejected by staff',
  'reason.declined': '{rank} choice; declined by the municipality',
  'reason.gone': 'No longer allocated: the application is {status}',
  'reason.better': 'No longer needed: the municipality holds an excursion it ranked higher',
  'rank.1': '1st',
  'rank.2': '2nd',
  'rank.3': '3rd',
  'rank.n': '{n}th',
  'error.noScore':
    '{count} applications that take part have no Score yet (first: {first}). Run Score applicants first; nothing was written.',
  'error.badPlaces':
    'Excursions cell {cell} holds "{value}"; {what} must be a whole number of at least {min}. Nothing was written.',
  'error.noExcursions':
    'No excursion has Status "Open" or "Allocated", so there is nothing to allocate. Nothing was written.',
  'allocate.title': 'Allocate places',
  'allocate.confirm':
    'Allocate {applicants} applications over {excursions} excursions?\n\nSeats: {seats}\nDecisions: {decisions}\nChanged since the last run: {changed}\nNotices to queue: {notices}',
  'allocate.none': 'none',
  'allocate.done': 'Places allocated. {changed} decisions changed; {notices} notices queued.',
  'allocate.cancelled': 'Nothing was changed.',
  'setup.title': 'Excursion Desk is set up',
  'setup.created': 'Created',
  'setup.repaired': 'Repaired',
  'setup.unchanged': 'Already in place',
  'setup.formLink': 'Link to send to the municipalities',
  'setup.formEdit': 'Edit the form',
  'setup.sheet': 'sheet "{name}"',
  'setup.columns':
    'columns {columns} added to "{sheet}" (if you renamed a column, give it back its name and delete the new one)',
  'setup.settings': '{count} settings added to Settings',
  'setup.scoring': 'default scoring criteria',
  'setup.municipalities': 'list of {count} municipalities',
  'setup.excursions': '{count} sample excursions (check dates and places)',
  'setup.form': 'the application form',
  'setup.formRows': 'excursion rows of the form ({count} open)',
  'setup.trigger': 'form-submit trigger',
  'setup.triggerDuplicates': 'form-submit trigger (extra copies removed)',
  'setup.templates': '{count} notice templates in Drive folder "{folder}"',
  'refresh.title': 'Form refreshed',
  'refresh.changed': 'The form now lists {count} open excursions: {labels}.',
  'refresh.unchanged': 'The form already lists the {count} open excursions.',
  'refresh.none': 'No excursion has Status "Open", so the form was left as it was.',
  'refresh.noForm': 'There is no form yet. Run Set up first.',
  'refresh.noGrid': 'The form has no question "{title}" any more, so it was left as it was.',
  'issue.municipalityUnknown': 'Municipality "{entered}" is not in the Municipalities list',
  'issue.municipalityAmbiguous': 'Municipality "{entered}" could be {candidates}',
  'issue.municipalityTypo': 'Municipality "{entered}" read as {name}',
  'issue.municipalityMissing': 'No municipality given',
  'issue.emailMissing': 'No e-mail address given',
  'issue.emailInvalid': 'E-mail address "{email}" is not valid',
  'issue.consentMissing': 'Consent to the processing of the data not given',
  'issue.noExcursion': 'No excursion chosen',
  'issue.englishMissing': 'English proficiency not given',
  'issue.englishUnknown': 'English proficiency "{value}" is not one of the options',
  'issue.englishBelow': 'English proficiency "{value}" is below the required "{min}"',
  'issue.late': 'Submitted after the deadline ({deadline})',
  'issue.unknownOption': '{question}: "{value}" is not one of the options',
  'issue.unknownExcursion': 'Excursion "{label}" is not open for applications',
  'issue.rankTwice': '{rank} given to more than one excursion; kept {label}',
  'issue.delegatesInvalid': 'Number of delegates "{value}" is not 1, 2 or 3; counted as 1',
  'issue.contactMissing': 'No contact person given',
  'issue.duplicateOlder': 'Replaced by {id}, a later application from the same municipality',
  'issue.duplicateNewer': 'Replaces {ids}',
  'issue.cut': '{question} was longer than a cell holds and was shortened',
  notAvailable: '"{action}" is not part of this version of Excursion Desk yet. Nothing was changed.',
} as const;

export type MessageKey = keyof typeof en;

const sl: Record<MessageKey, string> = {
  'menu.setup': 'Nastavitev',
  'menu.refreshForm': 'Osveži obrazec iz ekskurzij',
  'menu.score': 'Točkuj prijavitelje',
  'menu.allocate': 'Razporedi mesta',
  'menu.preview': 'Predogled obvestil',
  'menu.send': 'Pošlji obvestila',
  'menu.dashboard': 'Nadzorna plošča',
  'app.title': 'Excursion Desk',
  'error.title': 'Excursion Desk ni mogel dokončati',
  'error.generic': 'Prišlo je do napake: {message}\nNič ni izgubljeno; podrobnosti so na listu Log.',
  'error.busy': 'Trenutno teče drugo dejanje Excursion Desk. Poskusite znova čez minuto.',
  'error.missingHeader':
    'List "{sheet}" nima stolpca "{header}". Dodajte ga nazaj (1. vrstica) in poskusite znova; nič ni bilo zapisano.',
  'error.duplicateHeader':
    'List "{sheet}" ima stolpec "{header}" dvakrat. Preimenujte enega in poskusite znova; nič ni bilo zapisano.',
  'error.missingSheet': 'Lista "{sheet}" ni. Zaženite Nastavitev, da ga ustvari; nič ni bilo zapisano.',
  'setting.applicationDeadline': 'Zadnji dan za prijave. Datum pomeni konec tega dne v časovnem pasu preglednice.',
  'setting.language': 'Jezik menija, sporočil in obvestil: sl ali en.',
  'setting.acceptLate': 'TRUE, če naj pri razporejanju sodelujejo tudi zamujene prijave.',
  'setting.minEnglishLevel': 'Najnižja raven angleščine za sodelovanje: {levels}.',
  'setting.requireSignedForm': 'TRUE, če naj se razporedijo le prijave z obkljukanim "Signed Form Received".',
  'setting.senderName': 'Ime pošiljatelja vseh obvestil.',
  'setting.replyTo': 'Naslov za odgovore na obvestila (prazno: vaš naslov).',
  'setting.quotaReserve': 'Koliko e-sporočil dnevne kvote ostane neporabljenih za lastno pošto.',
  'setting.maxExcursionsPerMunicipality': 'Na koliko ekskurzij gre lahko ena občina (kroga razporejanja).',
  'setting.prioritizeNewcomers': 'TRUE, če imajo prednost občine, ki še niso bile na ekskurziji.',
  'setting.attachPdf': 'TRUE, če naj bo potrdilu priloženo pismo v PDF.',
  'setting.templateFolderId': 'Mapa v Drive s predlogami obvestil (zapiše jo Nastavitev).',
  'setting.template': 'Id Google Doca za obvestilo "{type}" v jeziku {language} (zapiše ga Nastavitev).',
  'language.en': 'angleščina',
  'language.sl': 'slovenščina',
  'error.unknownCriterion':
    'Celica {cell} na listu Scoring navaja merilo "{value}", ki ga Excursion Desk ne pozna. Uporabite eno od: {known}. Nič ni bilo zapisano.',
  'error.badWeight': 'Celica {cell} na listu Scoring vsebuje "{value}", kar ni število. Nič ni bilo zapisano.',
  'error.badNumber': 'Celica {cell} vsebuje "{value}", kar ni število{range}. Nič ni bilo zapisano.',
  'score.line': '{criterion} ({shown}): {value} × {weight} = {points}',
  'score.manual': 'Ročni popravek: {points}',
  'score.total': 'Skupaj: {total}',
  'score.notGiven': 'ni podana',
  'score.unknownPopulation': 'število prebivalcev ni znano',
  'score.yes': 'da',
  'score.no': 'ne',
  'score.done': 'Točkovanih prijav: {count}.',
  'score.title': 'Točke zapisane',
  'criterion.English level': 'Znanje angleščine',
  'criterion.Knowledge sharing': 'Deljenje znanja',
  'criterion.Content score': 'Vsebinska ocena',
  'criterion.Smaller municipality': 'Manjša občina',
  'criterion.Solutions of interest': 'Zanimive rešitve',
  'criterion.First-time participant': 'Prvič udeležena',
  'reason.granted':
    '{rank} izbira; prednost {priority} od {competitors} pri {label}; dodeljenih mest: {granted} od {requested}',
  'reason.kept': '{rank} izbira; ohranjeno po odločitvi osebja ({mark}); mest: {granted}',
  'reason.full':
    '{rank} izbira; prednost {priority} od {competitors} pri {label}; {taken} od {places} mest zasedajo prijavitelji z večjo prednostjo',
  'reason.rejected': '{rank} izbira; osebje je zaklenilo kot Rejected',
  'reason.declined': '{rank} izbira; občina je odklonila',
  'reason.gone': 'Ni več razporejeno: prijava ima status {status}',
  'reason.better': 'Ni več potrebno: občina ima mesto na ekskurziji, ki jo je uvrstila višje',
  'rank.1': '1.',
  'rank.2': '2.',
  'rank.3': '3.',
  'rank.n': '{n}.',
  'error.noScore':
    '{count} prijav, ki sodelujejo, še nima točk (prva: {first}). Najprej zaženite Točkuj prijavitelje; nič ni bilo zapisano.',
  'error.badPlaces':
    'Celica {cell} na listu Excursions vsebuje "{value}"; {what} mora biti celo število, vsaj {min}. Nič ni bilo zapisano.',
  'error.noExcursions':
    'Nobena ekskurzija nima statusa "Open" ali "Allocated", zato ni kaj razporediti. Nič ni bilo zapisano.',
  'allocate.title': 'Razporedi mesta',
  'allocate.confirm':
    'Razporedim {applicants} prijav na {excursions} ekskurzij?\n\nMesta: {seats}\nOdločitve: {decisions}\nSpremenjeno od zadnjega razporejanja: {changed}\nObvestila v čakalno vrsto: {notices}',
  'allocate.none': 'nobeno',
  'allocate.done': 'Mesta razporejena. Spremenjenih odločitev: {changed}; obvestil v čakalni vrsti: {notices}.',
  'allocate.cancelled': 'Nič ni bilo spremenjeno.',
  'setup.title': 'Excursion Desk je nastavljen',
  'setup.created': 'Ustvarjeno',
  'setup.repaired': 'Popravljeno',
  'setup.unchanged': 'Že obstaja',
  'setup.formLink': 'Povezava, ki jo pošljete občinam',
  'setup.formEdit': 'Uredi obrazec',
  'setup.sheet': 'list "{name}"',
  'setup.columns':
    'stolpci {columns} dodani na list "{sheet}" (če ste stolpec preimenovali, mu vrnite ime in izbrišite novega)',
  'setup.settings': '{count} nastavitev dodanih na list Settings',
  'setup.scoring': 'privzeta merila točkovanja',
  'setup.municipalities': 'seznam {count} občin',
  'setup.excursions': '{count} vzorčnih ekskurzij (preverite datume in število mest)',
  'setup.form': 'prijavni obrazec',
  'setup.formRows': 'vrstice ekskurzij v obrazcu ({count} odprtih)',
  'setup.trigger': 'sprožilec ob oddaji obrazca',
  'setup.triggerDuplicates': 'sprožilec ob oddaji obrazca (odvečne kopije odstranjene)',
  'setup.templates': '{count} predlog obvestil v mapi "{folder}"',
  'refresh.title': 'Obrazec osvežen',
  'refresh.changed': 'Obrazec zdaj navaja {count} odprtih ekskurzij: {labels}.',
  'refresh.unchanged': 'Obrazec že navaja vseh {count} odprtih ekskurzij.',
  'refresh.none': 'Nobena ekskurzija nima statusa "Open", zato obrazec ni bil spremenjen.',
  'refresh.noForm': 'Obrazca še ni. Najprej zaženite Nastavitev.',
  'refresh.noGrid': 'Obrazec nima več vprašanja "{title}", zato ni bil spremenjen.',
  'issue.municipalityUnknown': 'Občine "{entered}" ni na seznamu Municipalities',
  'issue.municipalityAmbiguous': 'Občina "{entered}" je lahko {candidates}',
  'issue.municipalityTypo': 'Občina "{entered}" prebrana kot {name}',
  'issue.municipalityMissing': 'Občina ni navedena',
  'issue.emailMissing': 'E-naslov ni naveden',
  'issue.emailInvalid': 'E-naslov "{email}" ni veljaven',
  'issue.consentMissing': 'Ni soglasja za obdelavo podatkov',
  'issue.noExcursion': 'Nobena ekskurzija ni izbrana',
  'issue.englishMissing': 'Znanje angleščine ni navedeno',
  'issue.englishUnknown': 'Znanje angleščine "{value}" ni med možnostmi',
  'issue.englishBelow': 'Znanje angleščine "{value}" je pod zahtevano ravnjo "{min}"',
  'issue.late': 'Oddano po roku ({deadline})',
  'issue.unknownOption': '{question}: "{value}" ni med možnostmi',
  'issue.unknownExcursion': 'Ekskurzija "{label}" ni odprta za prijave',
  'issue.rankTwice': '{rank} je dana več ekskurzijam; obdržana je {label}',
  'issue.delegatesInvalid': 'Število delegatov "{value}" ni 1, 2 ali 3; šteje se 1',
  'issue.contactMissing': 'Kontaktna oseba ni navedena',
  'issue.duplicateOlder': 'Nadomeščena z {id}, poznejšo prijavo iste občine',
  'issue.duplicateNewer': 'Nadomešča {ids}',
  'issue.cut': '{question} je bil daljši, kot ga sprejme celica, in je bil skrajšan',
  notAvailable: '"{action}" v tej različici Excursion Desk še ni na voljo. Nič ni bilo spremenjeno.',
};

const catalogues: Record<Language, Record<MessageKey, string>> = { en, sl };

/** The message `key` in `lang` with `{name}` placeholders filled from `params`. */
export function t(lang: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  return catalogues[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** `en` or `sl` from a setting or a locale such as "sl_SI"; English when unknown. */
export function toLanguage(value: unknown): Language {
  const s = String(value ?? '')
    .trim()
    .toLowerCase();
  return s.startsWith('sl') || s === 'slovenščina' || s === 'slovenian' ? 'sl' : 'en';
}

/** Every catalogue, for tests that check both languages hold the same keys. */
export function catalogue(lang: Language): Readonly<Record<MessageKey, string>> {
  return catalogues[lang];
}
