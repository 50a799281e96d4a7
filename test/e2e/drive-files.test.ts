/**
 * The add-on's Drive work under drive.file: the templates folder and its Docs are made, checked and
 * tidied through the Advanced Drive service (Drive API v3), never DriveApp (which needs the full
 * drive scope); a file in the trash counts as gone.
 */
import { DOCUMENT_MIME, FOLDER_MIME } from '../../emulator/src/spreadsheet-model';
import { freshWorkspace, records, setUpWorkspace } from './harness';

const templateIds = (e: ReturnType<typeof setUpWorkspace>) =>
  records(e, 'Settings')
    .filter((s) => String(s.Key).startsWith('template.'))
    .map((s) => String(s.Value));
const live = (e: ReturnType<typeof setUpWorkspace>, mime: string) =>
  e.files(mime).filter((f) => !f.trashed && f.id !== e.env.drive.rootId);

describe('Drive under drive.file', () => {
  it('Set up makes the folder and the 28 Docs (one per notice type and language) in it through the Drive API, and calls no DriveApp', () => {
    const emulator = freshWorkspace();
    emulator.run('setupWorkspace');
    expect(emulator.env.calls.total('Drive.Files.create')).toBe(29);
    expect(emulator.env.calls.total('Drive.DriveApp.')).toBe(0);
    expect(emulator.env.calls.total('Drive.File.')).toBe(0);
    expect(emulator.env.calls.total('Drive.Folder.')).toBe(0);
    const [folder] = live(emulator, FOLDER_MIME);
    expect(live(emulator, DOCUMENT_MIME).every((d) => d.parents[0] === folder.id)).toBe(true);
  });

  it('makes anew a template Doc that staff put in the trash, and keeps the others', () => {
    const emulator = setUpWorkspace();
    const ids = templateIds(emulator);
    emulator.env.drive.find(ids[3])!.trashed = true;
    emulator.run('setupWorkspace');
    const after = templateIds(emulator);
    expect(after.filter((id, i) => id !== ids[i])).toHaveLength(1);
    expect(after[3]).not.toBe(ids[3]);
    expect(
      live(emulator, DOCUMENT_MIME)
        .map((d) => d.id)
        .sort(),
    ).toEqual([...after].sort());
  });

  it('makes a new templates folder, and the templates in it, when the folder went to the trash', () => {
    const emulator = setUpWorkspace();
    const [old] = live(emulator, FOLDER_MIME);
    // Trashing a folder in Drive trashes what it holds.
    for (const f of emulator.env.drive.all()) if (f.id === old.id || f.parents.includes(old.id)) f.trashed = true;
    emulator.run('setupWorkspace');
    const folders = live(emulator, FOLDER_MIME);
    expect(folders).toHaveLength(1);
    expect(folders[0].id).not.toBe(old.id);
    expect(records(emulator, 'Settings').find((s) => s.Key === 'templateFolderId')?.Value).toBe(folders[0].id);
    expect(live(emulator, DOCUMENT_MIME).filter((d) => d.parents[0] === folders[0].id)).toHaveLength(28);
  });

  it('puts a template Doc it could not finish in the trash, through the Drive API', () => {
    const emulator = freshWorkspace();
    emulator.env.calls.failOn('Document.DocumentApp.openById', 1);
    emulator.run('setupWorkspace');
    const trashed = emulator.files(DOCUMENT_MIME).filter((d) => d.trashed);
    expect(trashed).toHaveLength(1);
    expect(emulator.env.calls.count('Drive.Files.update')).toBe(1);
    expect(templateIds(emulator)).not.toContain(trashed[0].id);
  });
});
