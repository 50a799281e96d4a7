/**
 * FormApp fake and FormResponder: each quirk of Google Forms the emulator copies has its own test,
 * with the reference it comes from.
 */
import { createEnv, type Env, InjectedFault, isDate } from '../src/env';
import { FakeFormApp, FormModel, FormRejection, FormResponder, formModel } from '../src/forms';
import { FakeScriptApp, TriggerStore } from '../src/script';
import { FORM_MIME, SPREADSHEET_MIME, SpreadsheetModel } from '../src/spreadsheet-model';

type Form = GoogleAppsScript.Forms.Form;
/** FormApp with create(title, isPublished), which @types/google-apps-script does not know yet. */
type FormAppT = Omit<GoogleAppsScript.Forms.FormApp, 'create'> & {
  create(title: string, isPublished?: boolean): Form;
};
type PublishableForm = Form & { isPublished(): boolean; setPublished(enabled: boolean): Form };

const COMMA_OPTION = 'Smart City governance, incl. data';

interface Invocation {
  fn: string;
  e: Record<string, unknown>;
}

function setup() {
  const env: Env = createEnv({ start: new Date('2026-03-02T09:05:07Z'), timeZone: 'Europe/Ljubljana' });
  const FormApp = new FakeFormApp(env) as unknown as FormAppT;
  const store = new TriggerStore();
  const ScriptApp = new FakeScriptApp(env, store) as unknown as GoogleAppsScript.Script.ScriptApp;
  const addSpreadsheet = (id: string) => {
    const model = new SpreadsheetModel(id, env.timeZone);
    model.insertSheet('Sheet1');
    env.drive.add({ id, name: `Desk ${id}`, mimeType: SPREADSHEET_MIME, content: model });
    return model;
  };
  const ss = addSpreadsheet('ss-1');
  const invoked: Invocation[] = [];
  env.invoke = (fn, e) => {
    invoked.push({ fn, e: e as Record<string, unknown> });
  };
  const responder = new FormResponder(
    env,
    store,
    (spreadsheetId, sheetName, row, numColumns) =>
      ({ spreadsheetId, sheetName, row, numColumns }) as unknown as GoogleAppsScript.Spreadsheet.Range,
    (id) => ({ getId: () => id }) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet,
  );
  return { env, FormApp, ScriptApp, store, ss, addSpreadsheet, invoked, responder };
}

/** A cut-down version of the SPEC §4 intake form. */
function buildForm(FormApp: FormAppT): Form {
  const form = FormApp.create('Excursion application', true);
  form.addTextItem().setTitle('Municipality').setRequired(true);
  form
    .addTextItem()
    .setTitle('Email address')
    .setRequired(true)
    .setValidation(FormApp.createTextValidation().requireTextIsEmail().setHelpText('An e-mail, please').build());
  form
    .addMultipleChoiceItem()
    .setTitle('English proficiency')
    .setChoiceValues(['Fluent', 'Good working knowledge', 'Basic', 'None']);
  form.addSectionHeaderItem().setTitle('Interests');
  form
    .addCheckboxItem()
    .setTitle('Areas of interest')
    .setChoiceValues(['Low energy districts', COMMA_OPTION, 'Sustainable urban mobility']);
  form
    .addGridItem()
    .setTitle('Excursion preferences')
    .setRows(['Ljubljana', 'Maribor', 'Kranj'])
    .setColumns(['1st choice', '2nd choice', '3rd choice', 'Interested'])
    .setValidation(FormApp.createGridValidation().requireLimitOneResponsePerColumn().build());
  form.addCheckboxItem().setTitle('Consent').setChoiceValues(['I agree']).setRequired(true);
  return form;
}

const GOOD = {
  Municipality: 'Občina Kranj',
  'Email address': 'ana@kranj.si',
  'English proficiency': 'Fluent',
  'Areas of interest': ['Sustainable urban mobility', COMMA_OPTION],
  'Excursion preferences': { Maribor: '1st choice', Ljubljana: '2nd choice' },
  Consent: ['I agree'],
};

const HEADER = [
  'Timestamp',
  'Municipality',
  'Email address',
  'English proficiency',
  'Areas of interest',
  'Excursion preferences [Ljubljana]',
  'Excursion preferences [Maribor]',
  'Excursion preferences [Kranj]',
  'Consent',
];

describe('FormApp', () => {
  // https://developers.google.com/apps-script/reference/forms/form-app#create(String)
  it('create() stores the form in Drive and throws for an empty title', () => {
    const { env, FormApp } = setup();
    const form = FormApp.create('Intake');
    const file = env.drive.get(form.getId());
    expect(file.mimeType).toBe(FORM_MIME);
    expect(file.name).toBe('Intake');
    expect(file.content).toBeInstanceOf(FormModel);
    expect(() => FormApp.create('')).toThrow(/title/);
  });

  // https://developers.google.com/apps-script/reference/forms/form-app#openById(String), #openByUrl(String)
  it('openById and openByUrl find the form; an unknown id throws', () => {
    const { FormApp } = setup();
    const form = FormApp.create('Intake');
    expect(FormApp.openById(form.getId()).getTitle()).toBe('Intake');
    expect(FormApp.openByUrl(form.getEditUrl()).getId()).toBe(form.getId());
    expect(FormApp.openByUrl(form.getPublishedUrl()).getId()).toBe(form.getId());
    expect(form.getPublishedUrl()).toBe(`https://docs.google.com/forms/d/e/${form.getId()}/viewform`);
    expect(() => FormApp.openById('nope')).toThrow();
    expect(FormApp.getActiveForm()).toBeNull();
  });

  // https://developers.google.com/apps-script/reference/forms/form#getItems()
  it('keeps items in order with their settings', () => {
    const { env, FormApp } = setup();
    const form = buildForm(FormApp);
    const model = formModel(env, form.getId());
    expect(model.items.map((i) => [i.type, i.title, i.required])).toEqual([
      ['TEXT', 'Municipality', true],
      ['TEXT', 'Email address', true],
      ['MULTIPLE_CHOICE', 'English proficiency', false],
      ['SECTION_HEADER', 'Interests', false],
      ['CHECKBOX', 'Areas of interest', false],
      ['GRID', 'Excursion preferences', false],
      ['CHECKBOX', 'Consent', true],
    ]);
    expect(model.items[1].validation).toEqual({
      target: 'TEXT',
      helpText: 'An e-mail, please',
      rule: { kind: 'email' },
    });
    expect(model.items[5].rows).toEqual(['Ljubljana', 'Maribor', 'Kranj']);
    expect(model.items[5].columns).toEqual(['1st choice', '2nd choice', '3rd choice', 'Interested']);
    expect(model.items[5].validation?.rule).toEqual({ kind: 'limitOnePerColumn' });
    expect(form.getItems().map((i) => i.getIndex())).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  // https://developers.google.com/apps-script/reference/forms/form#getItems(ItemType)
  it('getItems(type) filters, and as*Item casts only to the item type', () => {
    const { FormApp } = setup();
    const form = buildForm(FormApp);
    const grids = form.getItems(FormApp.ItemType.GRID);
    expect(grids).toHaveLength(1);
    expect(grids[0].getType()).toBe(FormApp.ItemType.GRID);
    expect(grids[0].asGridItem().getRows()).toEqual(['Ljubljana', 'Maribor', 'Kranj']);
    // https://developers.google.com/apps-script/reference/forms/item#asTextItem(): "throws if the item is not a TextItem"
    expect(() => grids[0].asTextItem()).toThrow(/GRID/);
    const byId = form.getItemById(grids[0].getId());
    expect(byId.getTitle()).toBe('Excursion preferences');
    expect(form.getItemById(42)).toBeNull();
  });

  // https://developers.google.com/apps-script/reference/forms/form#moveItem(Integer,Integer), #deleteItem(Integer)
  it('moveItem and deleteItem by index or by item', () => {
    const { FormApp } = setup();
    const form = buildForm(FormApp);
    form.moveItem(6, 0);
    expect(form.getItems()[0].getTitle()).toBe('Consent');
    form.deleteItem(form.getItems()[0]);
    form.deleteItem(0);
    expect(form.getItems()[0].getTitle()).toBe('Email address');
    expect(() => form.deleteItem(99)).toThrow();
  });

  // https://developers.google.com/apps-script/reference/forms/multiple-choice-item#setChoices(Choice)
  it('choices round-trip through createChoice/setChoices/getChoices', () => {
    const { FormApp } = setup();
    const form = FormApp.create('F');
    const item = form.addListItem().setTitle('Delegates');
    item.setChoices([item.createChoice('1'), item.createChoice('2')]);
    expect(item.getChoices().map((c) => c.getValue())).toEqual(['1', '2']);
  });
});

describe('linking and responses', () => {
  // https://support.google.com/docs/answer/2917686 (responses go to a new "Form Responses" sheet)
  it('setDestination inserts "Form Responses 1" as the first sheet with Timestamp and one column per question', () => {
    const { env, FormApp, ss } = setup();
    const form = buildForm(FormApp);
    form.setDestination(FormApp.DestinationType.SPREADSHEET, 'ss-1');
    expect(ss.sheets.map((s) => s.name)).toEqual(['Form Responses 1', 'Sheet1']);
    expect(ss.sheets[0].dataValues()).toEqual([HEADER]);
    expect(ss.formUrl).toBe(form.getPublishedUrl());
    expect(form.getDestinationId()).toBe('ss-1');
    expect(form.getDestinationType()).toBe(FormApp.DestinationType.SPREADSHEET);
    expect(env.drive.find('ss-1')).toBeDefined();
  });

  // SPEC §4: "Forms exports each row as a column `Excursion preferences [<Label>]`"
  it('a grid item gives one column per row titled "Title [Row]"', () => {
    const { FormApp, ss } = setup();
    const form = FormApp.create('G');
    form.setDestination(FormApp.DestinationType.SPREADSHEET, 'ss-1');
    form.addGridItem().setTitle('Rate').setRows(['A', 'B']).setColumns(['x', 'y']);
    expect(ss.sheets[0].dataValues()).toEqual([['Timestamp', 'Rate [A]', 'Rate [B]']]);
  });

  // https://support.google.com/docs/answer/2917686: each linked form gets its own sheet
  it('a second form linked to the same spreadsheet gets "Form Responses 2"', () => {
    const { FormApp, ss } = setup();
    buildForm(FormApp).setDestination(FormApp.DestinationType.SPREADSHEET, 'ss-1');
    FormApp.create('Other').setDestination(FormApp.DestinationType.SPREADSHEET, 'ss-1');
    expect(ss.sheets.map((s) => s.name)).toEqual(['Form Responses 2', 'Form Responses 1', 'Sheet1']);
  });

  // Forms help: a question added later gets a new column at the end; a deleted one keeps its column.
  it('a later question appends its column and a deleted question keeps its column', () => {
    const { FormApp, ss } = setup();
    const form = buildForm(FormApp);
    form.setDestination(FormApp.DestinationType.SPREADSHEET, 'ss-1');
    form.deleteItem(0);
    form.addParagraphTextItem().setTitle('Motivation');
    expect(ss.sheets[0].dataValues()[0]).toEqual([...HEADER, 'Motivation']);
  });

  // https://developers.google.com/apps-script/guides/triggers/events#form-submit (values arrive joined by ", ")
  it('submit writes a row with a Date timestamp, checkboxes joined by ", " in choice order', () => {
    const { env, FormApp, ss, responder } = setup();
    const form = buildForm(FormApp);
    form.setDestination(FormApp.DestinationType.SPREADSHEET, 'ss-1');
    const result = responder.submit(form.getId(), GOOD);
    expect(result.row).toBe(2);
    const row = ss.sheets[0].dataValues()[1];
    expect(isDate(row[0])).toBe(true);
    expect((row[0] as Date).getTime()).toBe(env.clock.nowMs());
    expect(ss.sheets[0].cell(1, 0).numberFormat).toBe('M/d/yyyy H:mm:ss');
    expect(row.slice(1)).toEqual([
      'Občina Kranj',
      'ana@kranj.si',
      'Fluent',
      `${COMMA_OPTION}, Sustainable urban mobility`,
      '2nd choice',
      '1st choice',
      '',
      'I agree',
    ]);
    const second = responder.submit(form.getId(), GOOD, { timestamp: new Date('2026-03-03T10:00:00Z') });
    expect(second.row).toBe(3);
  });

  // https://developers.google.com/apps-script/reference/forms/form-response
  it('records responses: getResponses, getItemResponses (answered only), getResponse', () => {
    const { FormApp, responder } = setup();
    const form = buildForm(FormApp);
    const { responseId } = responder.submit(form.getId(), { ...GOOD, 'English proficiency': '' });
    const [response] = form.getResponses();
    expect(response.getId()).toBe(responseId);
    expect(form.getResponse(responseId).getTimestamp()).toEqual(response.getTimestamp());
    const items = response.getItemResponses();
    expect(items.map((r) => r.getItem().getTitle())).toEqual([
      'Municipality',
      'Email address',
      'Areas of interest',
      'Excursion preferences',
      'Consent',
    ]);
    expect(items[2].getResponse()).toEqual([COMMA_OPTION, 'Sustainable urban mobility']);
    // GridItem responses: one entry per row, null for a row left empty
    expect(items[3].getResponse()).toEqual(['2nd choice', '1st choice', null]);
    expect(response.getRespondentEmail()).toBe('');
  });

  // https://support.google.com/docs/answer/2917686: linking copies the responses collected so far
  it('linking a form that already has responses copies them into the new sheet', () => {
    const { FormApp, ss, responder } = setup();
    const form = buildForm(FormApp);
    responder.submit(form.getId(), GOOD);
    form.setDestination(FormApp.DestinationType.SPREADSHEET, 'ss-1');
    expect(ss.sheets[0].dataValues()).toHaveLength(2);
    expect(ss.sheets[0].dataValues()[1][1]).toBe('Občina Kranj');
  });

  describe('validation (what Google Forms refuses)', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['a missing required answer', { Municipality: '' }, 'required'],
      ['a choice not in the list', { 'English proficiency': 'Native' }, 'choice'],
      ['a malformed e-mail', { 'Email address': 'ana(at)kranj.si' }, 'email'],
      [
        'two rows in the same grid column',
        { 'Excursion preferences': { Maribor: '1st choice', Kranj: '1st choice' } },
        'limitOnePerColumn',
      ],
      ['a checkbox option that does not exist', { 'Areas of interest': ['Space travel'] }, 'choice'],
      ['an unknown question', { Nonexistent: 'x' }, 'unknownItem'],
    ];
    for (const [name, patch, rule] of cases) {
      // https://support.google.com/docs/answer/3378864 (response validation) and required questions
      it(`refuses ${name}`, () => {
        const { FormApp, ss, responder } = setup();
        const form = buildForm(FormApp);
        form.setDestination(FormApp.DestinationType.SPREADSHEET, 'ss-1');
        let error: unknown = null;
        try {
          responder.submit(form.getId(), { ...GOOD, ...patch } as never);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(FormRejection);
        expect((error as FormRejection).rule).toBe(rule);
        expect(ss.sheets[0].lastRow()).toBe(1);
        expect(form.getResponses()).toHaveLength(0);
      });
    }

    // https://developers.google.com/apps-script/reference/forms/text-validation-builder#requireTextMatchesPattern(String)
    it('requireTextMatchesPattern matches the whole answer', () => {
      const { FormApp, responder } = setup();
      const form = FormApp.create('P', true);
      form
        .addTextItem()
        .setTitle('Code')
        .setValidation(FormApp.createTextValidation().requireTextMatchesPattern('[A-Z]{3}').build());
      expect(() => responder.submit(form.getId(), { Code: 'ABCD' })).toThrow(FormRejection);
      expect(responder.submit(form.getId(), { Code: 'ABC' }).responseId).toBeTruthy();
    });

    // https://developers.google.com/apps-script/reference/forms/checkbox-validation-builder#requireSelectAtMost(Integer)
    it('checkbox select limits', () => {
      const { FormApp, responder } = setup();
      const form = FormApp.create('C', true);
      form
        .addCheckboxItem()
        .setTitle('Pick')
        .setChoiceValues(['a', 'b', 'c'])
        .setValidation(FormApp.createCheckboxValidation().requireSelectAtMost(2).build());
      expect(() => responder.submit(form.getId(), { Pick: ['a', 'b', 'c'] })).toThrow(/at most 2/);
    });

    // https://developers.google.com/apps-script/reference/forms/form#setAcceptingResponses(Boolean)
    it('refuses every response once the form stops accepting responses', () => {
      const { FormApp, responder } = setup();
      const form = buildForm(FormApp);
      form.setAcceptingResponses(false);
      expect(() => responder.submit(form.getId(), GOOD)).toThrow(/no longer accepting/);
    });

    // https://developers.google.com/apps-script/reference/forms/multiple-choice-item#showOtherOption(Boolean)
    it('accepts a free answer when the question shows an "Other" option', () => {
      const { FormApp, responder } = setup();
      const form = buildForm(FormApp);
      form.getItems(FormApp.ItemType.MULTIPLE_CHOICE)[0].asMultipleChoiceItem().showOtherOption(true);
      expect(() => responder.submit(form.getId(), { ...GOOD, 'English proficiency': 'Native' })).not.toThrow();
    });

    it('validate: false stores what it is given (emulator option for malformed data)', () => {
      const { FormApp, ss, responder } = setup();
      const form = buildForm(FormApp);
      form.setDestination(FormApp.DestinationType.SPREADSHEET, 'ss-1');
      responder.submit(form.getId(), { 'Email address': 'not-an-email' }, { validate: false });
      expect(ss.sheets[0].dataValues()[1][2]).toBe('not-an-email');
    });
  });

  describe('form-submit triggers', () => {
    // https://developers.google.com/apps-script/guides/triggers/events#form-submit (Sheets: namedValues, range, values, triggerUid)
    it('a spreadsheet onFormSubmit trigger gets namedValues, values, range, source and triggerUid', () => {
      const { FormApp, ScriptApp, invoked, responder } = setup();
      const form = buildForm(FormApp);
      form.setDestination(FormApp.DestinationType.SPREADSHEET, 'ss-1');
      const trigger = ScriptApp.newTrigger('onIntake').forSpreadsheet('ss-1').onFormSubmit().create();
      const result = responder.submit(form.getId(), GOOD);
      expect(result.firedTriggers).toBe(1);
      expect(invoked).toHaveLength(1);
      const { fn, e } = invoked[0];
      expect(fn).toBe('onIntake');
      expect(e.authMode).toBe('FULL');
      expect(e.triggerUid).toBe(trigger.getUniqueId());
      // 09:05:07Z is 10:05:07 in Ljubljana (CET)
      const values = e.values as string[];
      expect(values[0]).toBe('3/2/2026 10:05:07');
      expect(values).toHaveLength(HEADER.length);
      const named = e.namedValues as Record<string, string[]>;
      expect(Object.keys(named)).toEqual(HEADER);
      expect(named['Areas of interest']).toEqual([`${COMMA_OPTION}, Sustainable urban mobility`]);
      expect(named['Excursion preferences [Kranj]']).toEqual(['']);
      expect(named.Timestamp).toEqual(['3/2/2026 10:05:07']);
      expect(e.range).toEqual({
        spreadsheetId: 'ss-1',
        sheetName: 'Form Responses 1',
        row: 2,
        numColumns: HEADER.length,
      });
      expect((e.source as { getId(): string }).getId()).toBe('ss-1');
    });

    // https://developers.google.com/apps-script/guides/triggers/events#form-submit_1 (Forms: response, source)
    it('a form onFormSubmit trigger gets response and source', () => {
      const { FormApp, ScriptApp, invoked, responder } = setup();
      const form = buildForm(FormApp);
      ScriptApp.newTrigger('onFormSide').forForm(form).onFormSubmit().create();
      const { responseId } = responder.submit(form.getId(), GOOD);
      const e = invoked[0].e as unknown as GoogleAppsScript.Events.FormsOnFormSubmit;
      expect(e.response.getId()).toBe(responseId);
      expect(e.source.getId()).toBe(form.getId());
    });

    // https://developers.google.com/apps-script/guides/triggers/installable: the response is stored before the trigger runs
    it('a handler that throws leaves the response row written and the error propagates', () => {
      const { env, FormApp, ScriptApp, ss, responder } = setup();
      const form = buildForm(FormApp);
      form.setDestination(FormApp.DestinationType.SPREADSHEET, 'ss-1');
      ScriptApp.newTrigger('boom').forSpreadsheet('ss-1').onFormSubmit().create();
      env.invoke = () => {
        throw new Error('handler failed');
      };
      expect(() => responder.submit(form.getId(), GOOD)).toThrow('handler failed');
      expect(ss.sheets[0].lastRow()).toBe(2);
      expect(form.getResponses()).toHaveLength(1);
    });

    it('triggers on another spreadsheet do not fire', () => {
      const { FormApp, ScriptApp, invoked, responder, addSpreadsheet } = setup();
      addSpreadsheet('ss-2');
      const form = buildForm(FormApp);
      form.setDestination(FormApp.DestinationType.SPREADSHEET, 'ss-1');
      ScriptApp.newTrigger('elsewhere').forSpreadsheet('ss-2').onFormSubmit().create();
      ScriptApp.newTrigger('onOpenOnly').forSpreadsheet('ss-1').onOpen().create();
      expect(responder.submit(form.getId(), GOOD).firedTriggers).toBe(0);
      expect(invoked).toHaveLength(0);
    });
  });
});

describe('call counting and fault injection', () => {
  it('counts Forms calls by class and method; FormResponder is not counted', () => {
    const { env, FormApp, responder } = setup();
    const form = buildForm(FormApp);
    expect(env.calls.count('Forms.FormApp.create')).toBe(1);
    expect(env.calls.count('Forms.Form.addTextItem')).toBe(2);
    expect(env.calls.count('Forms.GridItem.setRows')).toBe(1);
    expect(env.calls.count('Forms.TextValidationBuilder.requireTextIsEmail')).toBe(1);
    const id = form.getId();
    const before = env.calls.total('Forms.');
    responder.submit(id, GOOD);
    expect(env.calls.total('Forms.')).toBe(before);
  });

  it('failOn makes the chosen call throw an InjectedFault', () => {
    const { env, FormApp } = setup();
    env.calls.failOn('Forms.Form.addGridItem', 1);
    const form = FormApp.create('F');
    expect(() => form.addGridItem()).toThrow(InjectedFault);
    expect(formModel(env, form.getId()).items).toHaveLength(0);
    expect(() => form.addGridItem()).not.toThrow();
  });
});

describe('publish state (forms made through Apps Script after 30 June 2026)', () => {
  // https://developers.google.com/workspace/forms/api/guides/api-changes-to-google-forms: "forms created
  // by the API after June 30, 2026 will be created in an unpublished state"
  it('create(title) makes an unpublished form that accepts nothing', () => {
    const { FormApp } = setup();
    const form = FormApp.create('Intake') as PublishableForm;
    expect(form.isPublished()).toBe(false);
    expect(form.isAcceptingResponses()).toBe(false);
  });

  it('create(title, true) makes a published form that accepts responses', () => {
    const { FormApp } = setup();
    const form = FormApp.create('Intake', true) as PublishableForm;
    expect(form.isPublished()).toBe(true);
    expect(form.isAcceptingResponses()).toBe(true);
    expect(() => FormApp.create('Intake', 'yes' as unknown as boolean)).toThrow('Invalid argument: isPublished');
  });

  // https://developers.google.com/workspace/forms/api/guides/publish-form: "Publish the form. This also
  // enables accepting responses."; PublishState: an unpublished form's isAcceptingResponses is forced false
  it('setPublished(true) opens the form to responses; setPublished(false) closes it again', () => {
    const { FormApp } = setup();
    const form = FormApp.create('Intake') as PublishableForm;
    form.setAcceptingResponses(true);
    expect(form.isAcceptingResponses()).toBe(false);
    form.setPublished(true);
    expect([form.isPublished(), form.isAcceptingResponses()]).toEqual([true, true]);
    form.setPublished(false);
    expect([form.isPublished(), form.isAcceptingResponses()]).toEqual([false, false]);
  });

  it('a submission to an unpublished form is refused, even unvalidated, and nothing is stored', () => {
    const { FormApp, ss, responder } = setup();
    const form = buildForm(FormApp) as PublishableForm;
    form.setDestination(FormApp.DestinationType.SPREADSHEET, 'ss-1');
    form.setPublished(false);
    for (const validate of [true, false]) {
      let error: unknown;
      try {
        responder.submit(form.getId(), GOOD, { validate });
      } catch (e) {
        error = e;
      }
      expect((error as FormRejection).rule).toBe('notPublished');
      expect(String((error as Error).message)).toMatch(/not published, so it accepts no responses/);
    }
    expect(ss.sheets[0].lastRow()).toBe(1);
    expect(form.getResponses()).toHaveLength(0);
  });
});

describe('response sheet in the owner language', () => {
  function linkedIn(locale: string) {
    const env = createEnv({ start: new Date('2026-03-02T09:05:07Z'), timeZone: 'Europe/Ljubljana', locale });
    const FormApp = new FakeFormApp(env) as unknown as FormAppT;
    const model = new SpreadsheetModel('ss-1', env.timeZone);
    model.insertSheet('List1');
    env.drive.add({ id: 'ss-1', name: 'Desk', mimeType: SPREADSHEET_MIME, content: model });
    const form = buildForm(FormApp);
    form.setDestination(FormApp.DestinationType.SPREADSHEET, 'ss-1');
    return { env, model, form };
  }

  // SPEC section 3: Sheets names the sheet "Form Responses 1" only in English (see docs/forms-script.md
  // for the sources of the other names)
  it.each([
    ['sl', 'Odgovori obrazca 1', 'Časovni žig'],
    ['sl_SI', 'Odgovori obrazca 1', 'Časovni žig'],
    ['es', 'Respuestas de formulario 1', 'Marca temporal'],
    ['en_GB', 'Form Responses 1', 'Timestamp'],
    ['de', 'Form Responses 1', 'Timestamp'],
  ])('in a %s account the sheet is "%s" and its first column "%s"', (locale, sheetName, header) => {
    const { model } = linkedIn(locale);
    expect(model.sheets[0].name).toBe(sheetName);
    expect(model.sheets[0].valueAt(0, 0)).toBe(header);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#getFormUrl()
  it('the sheet knows its form under any name; unlinking clears it', () => {
    const { env, model, form } = linkedIn('sl');
    model.sheets[0].name = 'Prijave';
    expect(model.sheets[0].formUrl).toBe(form.getPublishedUrl());
    expect(model.sheets[1].formUrl).toBeNull();
    const app = new FakeFormApp(env);
    expect(app.openByUrl(model.sheets[0].formUrl!).getId()).toBe(form.getId());
    form.removeDestination();
    expect(model.sheets[0].formUrl).toBeNull();
  });
});

describe('grid rows and columns', () => {
  // The reference (grid-item#setRows) is silent on an empty array; a grid with no row cannot be answered.
  it.each(['addGridItem', 'addCheckboxGridItem'] as const)(
    '%s: setRows([]) and setColumns([]) throw and change nothing',
    (add) => {
      const { env, FormApp } = setup();
      const form = FormApp.create('G', true);
      const item = form[add]().setTitle('Rate').setRows(['A']).setColumns(['x']);
      expect(() => item.setRows([])).toThrow('Invalid argument: rows');
      expect(() => item.setColumns([])).toThrow('Invalid argument: columns');
      const model = formModel(env, form.getId()).items[0];
      expect([model.rows, model.columns]).toEqual([['A'], ['x']]);
    },
  );
});

describe('a blank duplicate form-submit event (public reports, markfguerra/google-forms-to-slack issues 6, 7)', () => {
  it('blankDuplicate fires the spreadsheet trigger again for the same row, every answer blank, a later timestamp', () => {
    const { FormApp, ScriptApp, ss, invoked, responder } = setup();
    const form = buildForm(FormApp);
    form.setDestination(FormApp.DestinationType.SPREADSHEET, 'ss-1');
    ScriptApp.newTrigger('onIntake').forSpreadsheet('ss-1').onFormSubmit().create();
    ScriptApp.newTrigger('onFormSide').forForm(form).onFormSubmit().create();
    const result = responder.submit(form.getId(), GOOD, { blankDuplicate: true });
    expect(result.firedTriggers).toBe(3);
    const sheetEvents = invoked.filter((i) => i.fn === 'onIntake').map((i) => i.e);
    expect(sheetEvents).toHaveLength(2);
    const [real, blank] = sheetEvents;
    expect(blank.range).toEqual(real.range);
    expect((blank.values as string[]).slice(1).every((v) => v === '')).toBe(true);
    expect((blank.values as string[])[0]).toBe('3/2/2026 10:05:10');
    expect(Object.keys(blank.namedValues as object)).toEqual(HEADER);
    expect(ss.sheets[0].lastRow()).toBe(2);
    expect(form.getResponses()).toHaveLength(1);
  });
});

describe('prefilled links (Form.createResponse, FormResponse.withItemResponse, toPrefilledUrl)', () => {
  /** A cut-down reply form: a text question, a choice, a paragraph. */
  function replyForm(FormApp: FormAppT): Form {
    const form = FormApp.create('Reply', true);
    form.addTextItem().setTitle('Reply code').setRequired(true);
    form
      .addMultipleChoiceItem()
      .setTitle('Your answer')
      .setChoiceValues(['We confirm', 'We decline'])
      .setRequired(true);
    form.addParagraphTextItem().setTitle('Delegates');
    return form;
  }

  // https://developers.google.com/apps-script/reference/forms/form-response#toPrefilledUrl()
  it('toPrefilledUrl gives …/viewform?usp=pp_url&entry.<id>=<value>, the entry id not the item id, values form-encoded', () => {
    const { env, FormApp } = setup();
    const form = replyForm(FormApp);
    const item = form.getItems(FormApp.ItemType.TEXT)[0];
    const url = form.createResponse().withItemResponse(item.asTextItem().createResponse('A.B 1&2=3')).toPrefilledUrl();
    const m = /^https:\/\/docs\.google\.com\/forms\/d\/e\/([^/]+)\/viewform\?usp=pp_url&entry\.(\d+)=(.*)$/.exec(url);
    expect(m?.[1]).toBe(form.getId());
    expect(Number(m?.[2])).not.toBe(item.getId());
    expect(m?.[3]).toBe('A.B+1%262%3D3');
    // Made, not submitted: nothing stored.
    expect(formModel(env, form.getId()).responses).toHaveLength(0);
  });

  // withItemResponse: "Adds the given item response to a form response"; a second answer to the same item replaces it.
  it('withItemResponse keeps one answer per item, in form order; refuses an item of another form', () => {
    const { FormApp } = setup();
    const form = replyForm(FormApp);
    const other = replyForm(FormApp);
    const [code] = form.getItems(FormApp.ItemType.TEXT);
    const [delegates] = form.getItems(FormApp.ItemType.PARAGRAPH_TEXT);
    const draft = form
      .createResponse()
      .withItemResponse(delegates.asParagraphTextItem().createResponse('Ana'))
      .withItemResponse(code.asTextItem().createResponse('first'))
      .withItemResponse(code.asTextItem().createResponse('second'));
    expect(draft.getItemResponses().map((r) => r.getResponse())).toEqual(['second', 'Ana']);
    const foreign = other.getItems(FormApp.ItemType.TEXT)[0].asTextItem().createResponse('x');
    expect(() => form.createResponse().withItemResponse(foreign)).toThrow(/another form/);
    expect(() => code.asTextItem().createResponse(7 as unknown as string)).toThrow('Invalid argument: response');
  });

  it('a respondent opening the prefilled URL finds the answers filled in, may change them, and submits', () => {
    const { FormApp, ScriptApp, ss, invoked, responder } = setup();
    const form = replyForm(FormApp);
    form.setDestination(FormApp.DestinationType.SPREADSHEET, 'ss-1');
    ScriptApp.newTrigger('onFormSubmit').forSpreadsheet('ss-1').onFormSubmit().create();
    const code = form.getItems(FormApp.ItemType.TEXT)[0].asTextItem();
    const url = form.createResponse().withItemResponse(code.createResponse('APP-1 x')).toPrefilledUrl();
    expect(responder.openPrefilled(url)).toEqual({ formId: form.getId(), answers: { 'Reply code': 'APP-1 x' } });
    // The prefilled answer alone does not satisfy the required choice: Forms refuses it.
    expect(() => responder.submitPrefilled(url)).toThrow(FormRejection);
    const result = responder.submitPrefilled(url, { 'Your answer': 'We decline', Delegates: 'Ana\nBor' });
    expect(ss.sheets[0].dataValues()[result.row - 1].slice(1)).toEqual(['APP-1 x', 'We decline', 'Ana\nBor']);
    expect(invoked.map((i) => i.fn)).toEqual(['onFormSubmit']);
    // The respondent may overwrite the prefilled code.
    const changed = responder.submitPrefilled(url, { 'Reply code': 'typed', 'Your answer': 'We confirm' });
    expect(ss.sheets[0].dataValues()[changed.row - 1][1]).toBe('typed');
    expect(() => responder.openPrefilled('https://example.org/form')).toThrow(/published URL/);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getFormUrl():
  // with several forms linked the URL returned is indeterminate; each sheet still names its own form.
  it('two forms linked: each sheet names its form; the spreadsheet names the last linked, another once it is unlinked', () => {
    const { FormApp, ss } = setup();
    const first = buildForm(FormApp);
    first.setDestination(FormApp.DestinationType.SPREADSHEET, 'ss-1');
    const second = replyForm(FormApp);
    second.setDestination(FormApp.DestinationType.SPREADSHEET, 'ss-1');
    expect(ss.sheetByName('Form Responses 1')?.formUrl).toBe(first.getPublishedUrl());
    expect(ss.sheetByName('Form Responses 2')?.formUrl).toBe(second.getPublishedUrl());
    expect(ss.formUrl).toBe(second.getPublishedUrl());
    second.removeDestination();
    expect(ss.formUrl).toBe(first.getPublishedUrl());
    first.removeDestination();
    expect(ss.formUrl).toBeNull();
  });
});
