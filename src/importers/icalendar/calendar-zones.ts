/**
 * A calendar's TZID → how its wall-clock times become instants (docs/rules/calendar.md#time-zones). Tried
 * in this order: an IANA name the runtime knows; a Windows zone id (`W. Europe Standard Time`, through
 * CLDR's table in windows-iana); an Exchange display name (`(UTC-05:00) Eastern Time (US & Canada)`); the
 * file's own VTIMEZONE, read by ical.js (Exchange's "Customized Time Zone"); the `(UTC±hh:mm)` prefix as a
 * fixed offset. ical.js ships no zone data, so the first three come from the runtime's Intl.
 */
import ICAL from 'ical.js';
import { findIana } from 'windows-iana';
import { isValidTimeZone, zonedTimeToInstant, type WallClock } from '../../domain/time.js';

export interface ZoneReading {
  toInstant(local: WallClock): number;
  /** What the TZID was read as, for the report when it was not a plain IANA name. */
  readAs: string;
  /** True when the TZID was not understood and the import's zone was used instead. */
  guessed: boolean;
}

/**
 * Exchange 2010 writes the display names of Windows zones; these are the ones whose names are not just the
 * Windows id with its words rearranged, from Windows' own list (the common zones of mail users).
 */
const DISPLAY_NAMES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^eastern time \(us (&|and) canada\)/, 'America/New_York'],
  [/^central time \(us (&|and) canada\)/, 'America/Chicago'],
  [/^mountain time \(us (&|and) canada\)/, 'America/Denver'],
  [/^pacific time \(us (&|and) canada\)/, 'America/Los_Angeles'],
  [/^arizona/, 'America/Phoenix'],
  [/^alaska/, 'America/Anchorage'],
  [/^hawaii/, 'Pacific/Honolulu'],
  [/^atlantic time \(canada\)/, 'America/Halifax'],
  [/^brasilia/, 'America/Sao_Paulo'],
  [/^dublin, edinburgh, lisbon, london/, 'Europe/London'],
  [/^(coordinated universal time|utc$)/, 'UTC'],
  [/^amsterdam, berlin, bern, rome, stockholm, vienna/, 'Europe/Berlin'],
  [/^amsterdam, belgrade, berlin/, 'Europe/Berlin'],
  [/^belgrade, bratislava, budapest, ljubljana, prague/, 'Europe/Budapest'],
  [/^brussels, copenhagen, madrid, paris/, 'Europe/Paris'],
  [/^sarajevo, skopje, warsaw, zagreb/, 'Europe/Warsaw'],
  [/^athens, bucharest/, 'Europe/Bucharest'],
  [/^helsinki, kyiv|^helsinki, kiev/, 'Europe/Helsinki'],
  [/^jerusalem/, 'Asia/Jerusalem'],
  [/^moscow, st\. petersburg/, 'Europe/Moscow'],
  [/^istanbul/, 'Europe/Istanbul'],
  [/^abu dhabi, muscat/, 'Asia/Dubai'],
  [/^chennai, kolkata, mumbai, new delhi/, 'Asia/Kolkata'],
  [/^bangkok, hanoi, jakarta/, 'Asia/Bangkok'],
  [/^beijing, chongqing, hong kong, urumqi/, 'Asia/Shanghai'],
  [/^kuala lumpur, singapore/, 'Asia/Singapore'],
  [/^osaka, sapporo, tokyo/, 'Asia/Tokyo'],
  [/^seoul/, 'Asia/Seoul'],
  [/^canberra, melbourne, sydney/, 'Australia/Sydney'],
  [/^brisbane/, 'Australia/Brisbane'],
  [/^auckland, wellington/, 'Pacific/Auckland'],
];

const OFFSET_PREFIX = /^\((?:utc|gmt)\s*(?:([+-])(\d{1,2}):?(\d{2}))?\)\s*/i;

function ianaOfWindows(tzid: string): string | null {
  try {
    const found = findIana(tzid)[0];
    return found && isValidTimeZone(found) ? found : null;
  } catch {
    return null;
  }
}

function ianaOfDisplayName(name: string): string | null {
  const folded = name.toLowerCase().replaceAll('\\', '').trim();
  for (const [pattern, zone] of DISPLAY_NAMES) if (pattern.test(folded)) return zone;
  return null;
}

function viaIana(zone: string, readAs: string): ZoneReading {
  return { toInstant: (local) => zonedTimeToInstant(local, zone), readAs, guessed: false };
}

/** Reads TZIDs of one file; `vtimezones` are the file's own definitions by TZID. */
export function createZoneReader(
  vtimezones: ReadonlyMap<string, InstanceType<typeof ICAL.Component>>,
  importZone: string,
) {
  const cache = new Map<string, ZoneReading>();

  function read(tzid: string): ZoneReading {
    const name = tzid.trim().replace(/^"|"$/g, '');
    if (name === '' || /^(z|utc|gmt|etc\/utc)$/i.test(name)) return viaIana('UTC', 'UTC');
    if (isValidTimeZone(name)) return viaIana(name, name);
    const windows = ianaOfWindows(name);
    if (windows) return viaIana(windows, `${name} = ${windows}`);
    const prefix = OFFSET_PREFIX.exec(name);
    const display = ianaOfDisplayName(prefix ? name.slice(prefix[0].length) : name);
    if (display) return viaIana(display, `${name} = ${display}`);
    const definition = vtimezones.get(name);
    if (definition) {
      const zone = new ICAL.Timezone({ component: definition, tzid: name });
      return {
        toInstant: (local) => {
          const time = ICAL.Time.fromData({
            year: local.year,
            month: local.month,
            day: local.day,
            hour: local.hour,
            minute: local.minute,
            second: local.second,
          });
          const utc = Date.UTC(
            local.year,
            local.month - 1,
            local.day,
            local.hour,
            local.minute,
            local.second,
          );
          return utc - zone.utcOffset(time) * 1000;
        },
        readAs: `${name} (its VTIMEZONE in the file)`,
        guessed: false,
      };
    }
    if (prefix) {
      const sign = prefix[1] === '-' ? -1 : 1;
      const offsetMs = sign * (Number(prefix[2] ?? 0) * 60 + Number(prefix[3] ?? 0)) * 60_000;
      return {
        toInstant: (local) =>
          Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second) - offsetMs,
        readAs: `${name} (a fixed offset: no daylight saving known)`,
        guessed: false,
      };
    }
    return { ...viaIana(importZone, `${name} = ${importZone}`), guessed: true };
  }

  return {
    read(tzid: string): ZoneReading {
      let reading = cache.get(tzid);
      if (!reading) cache.set(tzid, (reading = read(tzid)));
      return reading;
    },
  };
}

export type ZoneReader = ReturnType<typeof createZoneReader>;
