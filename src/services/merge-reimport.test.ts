import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { resolveConfig } from '../config.js';
import { tempDataDir } from '../../test/support/cli-harness.js';

/** docs/rules/identity-and-imports.md#merge-records: an import never splits what the user merged. */
const NOW = '2026-12-01T12:00:00Z';
const NAMES = ['John Doe', 'Johnny Doe', 'Aiko Tanabe', 'Bob Smith', 'Robert Smith'];

function book(cards: readonly { name: string; phone: boolean }[], note: string): string {
  return cards
    .map(
      (card, index) =>
        `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${card.name}\r\nEMAIL:p${index}@example.org\r\n` +
        `${card.phone ? `TEL:+4940555${index}\r\n` : ''}NOTE:${note}\r\nEND:VCARD\r\n`,
    )
    .join('');
}

describe('merges and later imports', () => {
  it('keeps every merge when the address book is read again, adding nobody', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ name: fc.constantFrom(...NAMES), phone: fc.boolean() }), {
          minLength: 2,
          maxLength: 5,
        }),
        fc.array(fc.tuple(fc.nat(4), fc.nat(4)), { minLength: 1, maxLength: 4 }),
        async (cards, merges) => {
          const config = resolveConfig({ data: tempDataDir(), now: NOW }, {});
          const app = await createApp(config);
          try {
            const file = join(config.dataDir, 'book.vcf');
            writeFileSync(file, book(cards, 'first'));
            await app.imports.importPaths([file]);
            const email = (index: number) => `p${index % cards.length}@example.org`;
            for (const [a, b] of merges) {
              const [keep, gone] = [
                await app.people.resolveRef(email(a)),
                await app.people.resolveRef(email(b)),
              ];
              if (keep.id !== gone.id) await app.merges.merge(email(a), email(b));
            }
            const whose = async () =>
              Promise.all(cards.map(async (_, index) => (await app.people.resolveRef(email(index))).id));
            const before = await whose();
            writeFileSync(file, book(cards, 'second'));
            const report = await app.imports.importPaths([file]);
            expect(report.files[0]?.unchanged).toBeUndefined();
            expect(report.totals.peopleAdded).toBe(0);
            expect(await whose()).toEqual(before);
          } finally {
            await app.close();
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});
