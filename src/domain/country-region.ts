import { phoneRegions } from './identity.js';

/**
 * The region (ISO 3166 alpha-2) a postal address's country names, for reading its card's national phone
 * numbers (docs/rules/identity-and-imports.md#phones): `Sweden`, `Sverige`, `Schweden`, `SE`, `SWE`,
 * `Deutschland`, `U.S.A.` → `SE`, `SE`, `SE`, `SE`, `SE`, `DE`, `US`. Names are those ICU gives in the
 * languages address books are most often kept in and in each country's own language; null when none match.
 */
export function regionOfCountry(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const key = countryKey(raw);
  if (!key) return null;
  return (namesToRegions ??= buildNames()).get(key) ?? null;
}

const LANGUAGES = [
  'en',
  'de',
  'fr',
  'es',
  'it',
  'nl',
  'pt',
  'sv',
  'da',
  'nb',
  'fi',
  'pl',
  'cs',
  'tr',
  'ru',
  'ja',
  'zh',
];

/** Names ICU lacks or words differently from what people write. */
const ALIASES: Record<string, string> = {
  usa: 'US',
  'united states of america': 'US',
  america: 'US',
  uk: 'GB',
  'great britain': 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  holland: 'NL',
  'the netherlands': 'NL',
  brd: 'DE',
  'czech republic': 'CZ',
  'republic of korea': 'KR',
  'south korea': 'KR',
  uae: 'AE',
};

/** Lower case, accents and punctuation removed, spaces collapsed: `U.S.A.` → `usa`, `Österreich` → `osterreich`. */
function countryKey(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

let namesToRegions: Map<string, string> | undefined;

function buildNames(): Map<string, string> {
  const names = new Map<string, string>();
  const add = (name: string | undefined, region: string) => {
    const key = name ? countryKey(name) : '';
    if (key && !names.has(key)) names.set(key, region);
  };
  const regions = phoneRegions();
  for (const region of regions) add(region, region);
  for (const language of LANGUAGES) {
    const display = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
    for (const region of regions) add(display.of(region), region);
  }
  for (const region of regions) {
    const own = new Intl.Locale('und', { region }).maximize().language;
    add(new Intl.DisplayNames([own], { type: 'region', fallback: 'none' }).of(region), region);
  }
  for (const [alias, region] of Object.entries(ALIASES)) names.set(alias, region);
  for (const [alpha3, region] of Object.entries(ALPHA3)) add(alpha3, region);
  return names;
}

/** ISO 3166 alpha-3 codes some address books write (Outlook exports, company CRMs). */
const ALPHA3: Record<string, string> = {
  SWE: 'SE',
  DEU: 'DE',
  AUT: 'AT',
  CHE: 'CH',
  FRA: 'FR',
  GBR: 'GB',
  NLD: 'NL',
  BEL: 'BE',
  DNK: 'DK',
  NOR: 'NO',
  FIN: 'FI',
  ESP: 'ES',
  ITA: 'IT',
  PRT: 'PT',
  POL: 'PL',
  IRL: 'IE',
  IND: 'IN',
  NGA: 'NG',
  CAN: 'CA',
  AUS: 'AU',
};
