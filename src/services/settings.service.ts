import { chmodSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../domain/errors.js';
import { normalizeEmail, normalizeProfileUrl, phoneRegionCode } from '../domain/identity.js';
import { isValidTimeZone } from '../domain/time.js';

/** Settings kept in the data folder (`settings.json`), readable and editable by hand. */
interface SettingDefinition {
  describe: string;
  validate: (value: string) => string;
}

function positiveInteger(name: string) {
  return (value: string) => {
    if (!/^\d+$/.test(value) || Number(value) <= 0)
      throw new AppError('usage', `${name} must be a whole number above 0`);
    return value;
  };
}

export const SETTINGS: Readonly<Record<string, SettingDefinition>> = {
  timezone: {
    describe: "time zone for dates written without one (default: this machine's zone)",
    validate: (value) => {
      if (!isValidTimeZone(value))
        throw new AppError('usage', `"${value}" is not a time zone: use an IANA name such as Europe/Berlin`);
      return value;
    },
  },
  'owner-url': {
    describe: 'your own LinkedIn profile URL (default: detected from your messages)',
    validate: (value) => {
      const normalized = normalizeProfileUrl(value);
      if (!normalized?.startsWith('linkedin.com/in/')) {
        throw new AppError(
          'usage',
          `"${value}" is not a LinkedIn profile URL: use https://www.linkedin.com/in/your-name`,
        );
      }
      return value;
    },
  },
  'owner-email': {
    describe: 'your own e-mail addresses, comma-separated (default: inferred from your mail or calendar)',
    validate: (value) => {
      const addresses = value.split(/[,;\s]+/).filter(Boolean);
      const bad = addresses.find((address) => !normalizeEmail(address));
      if (addresses.length === 0 || bad !== undefined)
        throw new AppError('usage', `"${bad ?? value}" is not an e-mail address: use you@example.com`);
      return addresses.join(',');
    },
  },
  'phone-region': {
    describe:
      'the country of phone numbers written without +, as ISO 3166 alpha-2 (SE, DE, US): they match as E.164 (default: none, kept as written)',
    validate: (value) => {
      const code = phoneRegionCode(value);
      if (!code)
        throw new AppError('usage', `"${value}" is not a country code: use two letters such as SE or US`);
      return code;
    },
  },
  'daily-budget': {
    describe: 'care items the daily plan of tend today shows at most (default 12)',
    validate: positiveInteger('daily-budget'),
  },
  'outreach-daily-cap': {
    describe: 'recipients tend compose drafts for in one day at most (default 25)',
    validate: positiveInteger('outreach-daily-cap'),
  },
  'linkedin-weekly-invitations': {
    describe: 'LinkedIn invitations and notes in 7 days that compose stays under (default 100)',
    validate: positiveInteger('linkedin-weekly-invitations'),
  },
  'invitation-note-limit': {
    describe: 'characters allowed in an invitation note (default 200; 300 with Premium)',
    validate: positiveInteger('invitation-note-limit'),
  },
  // Sending compose's drafts (docs/rules/segments.md#send): the password is never a setting.
  'smtp-url': {
    describe:
      'your SMTP server for compose --send: smtp://USER@HOST:PORT (STARTTLS) or smtps://USER@HOST:465; the password comes from TEND_SMTP_PASSWORD or smtp-password-file',
    validate: (value) => {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        throw new AppError('usage', `smtp-url "${value}" is not a URL: use smtp://USER@HOST:587`);
      }
      if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
        throw new AppError('usage', 'smtp-url must start with smtp:// or smtps://');
      if (url.password !== '')
        throw new AppError(
          'usage',
          'smtp-url must not hold the password (settings.json is plain text): put it in TEND_SMTP_PASSWORD or a file named by smtp-password-file',
        );
      return value;
    },
  },
  'smtp-password-file': {
    describe: 'a file holding the SMTP password (only its first line is read)',
    validate: (value) => value,
  },
  'smtp-from': {
    describe: 'the From address of messages compose --send sends, e.g. "Maya Lind <maya@example.com>"',
    validate: (value) => value,
  },
  'smtp-per-minute': {
    describe: 'messages compose --send sends in a minute at most (default 20)',
    validate: positiveInteger('smtp-per-minute'),
  },
};

export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function createSettingsService(dataDir: string) {
  const file = join(dataDir, 'settings.json');

  /** The file as last read, with its size and change time: read again only when they differ. */
  let last: { stamp: string; all: Record<string, string> } | null = null;

  /** A copy of the settings: `tend serve` asks several times a request, a stat each time, not a read. */
  function readAll(): Record<string, string> {
    let stamp: string;
    try {
      const stats = statSync(file, { bigint: true });
      stamp = `${stats.size} ${stats.mtimeNs} ${stats.ctimeNs} ${stats.ino}`;
    } catch {
      return {};
    }
    if (last?.stamp !== stamp) last = { stamp, all: readFile() };
    return { ...last.all };
  }

  function readFile(): Record<string, string> {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return {};
    }
    try {
      const parsed: unknown = JSON.parse(text);
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
    } catch {
      throw new AppError('bad-input', `${file} is not valid JSON: fix it by hand or delete it to start over`);
    }
  }

  /** Written then renamed, so a crash never leaves a half-written file; readable by its owner only. */
  function writeAll(all: Record<string, string>): void {
    try {
      mkdirSync(dataDir, { recursive: true, mode: 0o700 });
      writeFileSync(`${file}.tmp`, `${JSON.stringify(all, null, 2)}\n`, { mode: 0o600 });
      chmodSync(`${file}.tmp`, 0o600);
      renameSync(`${file}.tmp`, file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (['EACCES', 'EPERM', 'EROFS'].includes(code))
        throw new AppError(
          'bad-input',
          `cannot save the setting: ${dataDir} is not writable (${code}); use --data to choose a folder you can write to`,
        );
      throw error;
    }
  }

  function requireKnown(key: string): SettingDefinition {
    const definition = SETTINGS[key];
    if (!definition) {
      throw new AppError(
        'usage',
        `unknown setting "${key}": known settings are ${Object.keys(SETTINGS).join(', ')}`,
      );
    }
    return definition;
  }

  return {
    file,
    list(): Record<string, string> {
      return readAll();
    },
    get(key: string): string | undefined {
      requireKnown(key);
      return readAll()[key];
    },
    set(key: string, value: string): void {
      const clean = requireKnown(key).validate(value.trim());
      writeAll({ ...readAll(), [key]: clean });
    },
    unset(key: string): void {
      requireKnown(key);
      const all = readAll();
      delete all[key];
      writeAll(all);
    },
    timeZone(): string {
      return readAll().timezone ?? machineTimeZone();
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
