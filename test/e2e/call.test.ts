import { records, setMunicipalityEmails, setUpWorkspace } from './harness';

describe('Send the call', () => {
  it('explores', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    setMunicipalityEmails(emulator, {
      Kobilje: 'obcina@kobilje.example',
      Celje: 'mestna.obcina@celje.example',
      Ajdovščina: 'not an address',
    });
    const result = emulator.run('sendInvitations');
    console.log(
      result,
      emulator.ui.alerts.map((a) => a.prompt),
    );
    console.log(records(emulator, 'Notices'));
    for (const m of emulator.mailApp.outbox) console.log(m.to, m.subject, m.body);
  });
});
