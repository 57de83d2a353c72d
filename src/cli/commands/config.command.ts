import type { Command } from 'commander';
import { prepareDataFolder } from '../../services/data-folder.js';
import { SETTINGS, createSettingsService, machineTimeZone } from '../../services/settings.service.js';
import { action, type Runtime } from '../command-runtime.js';
import { printJson, printLine, printNotice } from '../output.js';

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
        .map(([key, definition]) => `  ${key.padEnd(22)} ${definition.describe}`)
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
            else
              for (const [name, current] of Object.entries(all))
                printLine(context.io, `${name} = ${current}`);
            return;
          }
          if (options.unset) settings.unset(key);
          else if (value !== undefined) settings.set(key, value);
          const current = key === 'timezone' ? settings.timeZone() : (settings.get(key) ?? null);
          if (context.config.json) printJson(context.io, { [key]: current });
          else
            printLine(
              context.io,
              current === null
                ? `${key} is not set`
                : `${key} = ${current}${key === 'timezone' && !settings.list().timezone ? ` (this machine's zone, ${machineTimeZone()})` : ''}`,
            );
          return Promise.resolve();
        },
      ),
    );
}
