import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import type { AppConfig } from '../../config.js';
import { prepareDataFolder } from '../../services/data-folder.js';
import { detectedOwner, type DetectedOwner } from '../../services/owner-addresses.js';
import { SETTINGS, createSettingsService, machineTimeZone } from '../../services/settings.service.js';
import { action, type Runtime } from '../command-runtime.js';
import { printJson, printLine, printNotice } from '../output.js';

/** Settings whose default imports detect (docs/rules/identity-and-imports.md#owner). */
const OWNER_KEYS: ReadonlySet<string> = new Set(['owner-url', 'owner-email']);

/** The help's key column: as wide as the longest key, so every description starts in one column. */
const KEY_WIDTH = Math.max(...Object.keys(SETTINGS).map((key) => key.length)) + 1;

/** Whether there is a database to read: settings work before the first import, without creating one. */
function databaseExists(store: AppConfig['store']): boolean {
  return store.dialect === 'postgres' || existsSync(store.file);
}

/** What imports detected for an owner setting, in words and as JSON; null when nothing was. */
function detectedValue(
  key: string,
  owner: DetectedOwner,
): { text: string; json: Record<string, unknown> } | null {
  if (key === 'owner-url')
    return owner.url
      ? {
          text: `detected ${owner.url}${owner.name ? ` (${owner.name})` : ''} from your LinkedIn messages`,
          json: { url: owner.url, name: owner.name, from: 'linkedin-messages' },
        }
      : null;
  return owner.emails.length > 0
    ? {
        text: `inferred ${owner.emails.join(', ')} from your mail or calendar files`,
        json: { emails: owner.emails, from: 'mail-or-calendar' },
      }
    : null;
}

export function registerConfigCommand(program: Command, runtime: Runtime): void {
  program
    .command('config')
    .description('show or change a setting kept in the data folder (timezone, owner-url, …)')
    .argument('[key]', `one of: ${Object.keys(SETTINGS).join(', ')}`)
    .argument('[value]', 'the new value; leave out to show the current one')
    .option('--unset', 'remove the setting, going back to the default')
    .addHelpText(
      'after',
      `\nSettings:\n${Object.entries(SETTINGS)
        .map(([key, definition]) => `  ${key.padEnd(KEY_WIDTH)} ${definition.describe}`)
        .join('\n')}`,
    )
    .action(
      action(
        runtime,
        async (context, key: string | undefined, value: string | undefined, options: { unset?: boolean }) => {
          // Settings live in the data folder: no database is opened, so this works before the first import.
          prepareDataFolder(context.config.dataDir, (line) => printNotice(context.io, line));
          const settings = createSettingsService(context.config.dataDir);
          if (!key) {
            const all = { timezone: settings.timeZone(), ...settings.list() };
            if (context.config.json) printJson(context.io, all);
            else {
              for (const [name, current] of Object.entries(all))
                printLine(context.io, `${name} = ${current}`);
              // The settings left at their default are named too: listing only the set ones hid that they exist.
              const unset = Object.keys(SETTINGS).filter((name) => !(name in all));
              if (unset.length > 0)
                printLine(
                  context.io,
                  `not set, at their defaults (see tend config --help): ${unset.join(', ')}`,
                );
            }
            return;
          }
          if (options.unset) settings.unset(key);
          else if (value !== undefined) settings.set(key, value);
          const current = key === 'timezone' ? settings.timeZone() : (settings.get(key) ?? null);
          // Unset, the owner is what imports detected: said with where it came from (docs/rules/identity-and-imports.md#owner).
          const detected =
            current === null && OWNER_KEYS.has(key) && databaseExists(context.config.store)
              ? detectedValue(key, await detectedOwner((await context.app()).store))
              : null;
          if (context.config.json)
            printJson(context.io, { [key]: current, ...(detected ? { detected: detected.json } : {}) });
          else
            printLine(
              context.io,
              current === null
                ? detected
                  ? `${key} is not set: ${detected.text} (tend config ${key} VALUE overrides it)`
                  : `${key} is not set${key === 'owner-url' ? ': nothing detected yet (import your LinkedIn messages, or set it)' : key === 'owner-email' ? ': nothing inferred yet (import your mail or calendar files, or set it)' : ''}`
                : `${key} = ${current}${key === 'timezone' && !settings.list().timezone ? ` (this machine's zone, ${machineTimeZone()})` : OWNER_KEYS.has(key) ? ' (set by you; it overrides what imports detect)' : ''}`,
            );
        },
      ),
    );
}
