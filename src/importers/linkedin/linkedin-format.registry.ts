/**
 * Recognises LinkedIn export files by their header row, not their name
 * (docs/rules/linkedin-export.md#header-detection): names changed across eras. The name only tells apart
 * files that share a header (Recommendations Given vs Received; the coach/guide message siblings of
 * messages.csv).
 */

export const LINKEDIN_FORMATS = [
  'linkedin-profile',
  'linkedin-connections',
  'linkedin-notes',
  'linkedin-contacts',
  'linkedin-invitations',
  'linkedin-messages',
  'linkedin-positions',
  'linkedin-education',
  'linkedin-events',
  'linkedin-recommendations-given',
  'linkedin-recommendations-received',
  'linkedin-endorsements-given',
  'linkedin-endorsements-received',
] as const;
export type LinkedInFormat = (typeof LINKEDIN_FORMATS)[number];

/**
 * Import order (docs/rules/identity-and-imports.md#import-order): what later files resolve against comes
 * first.
 */
export const FORMAT_ORDER: Readonly<Record<LinkedInFormat, number>> = Object.fromEntries(
  LINKEDIN_FORMATS.map((format, index) => [format, index]),
) as Record<LinkedInFormat, number>;

/** Header cells and file names compare trimmed, case-insensitive, spaces and underscores ignored. */
export function normalizeHeaderCell(cell: string): string {
  return cell
    .replace(/^\ufeff/, '')
    .trim()
    .replace(/^"|"$/g, '')
    .replace(/[\s_]+/g, '')
    .toLowerCase();
}

/** The names LinkedIn gives the files tend reads, across eras (normalised as header cells are). */
const LINKEDIN_FILE_NAMES = new Set(
  [
    'Connections',
    'messages',
    'Invitations',
    'Profile',
    'Positions',
    'Education',
    'Notes',
    'Contacts',
    'Imported Contacts',
    'Events',
    'Recommendations_Given',
    'Recommendations_Received',
    'Endorsement_Given_Info',
    'Endorsement_Received_Info',
  ].map(normalizeHeaderCell),
);

/** Whether a file's name is that of a file tend reads (`Basic › Connections.csv`): for files without a header. */
export function isLinkedInFileName(path: string): boolean {
  const name = path.split('/').at(-1) ?? '';
  return LINKEDIN_FILE_NAMES.has(normalizeHeaderCell(name.replace(/\.(csv|tsv|txt)$/i, '')));
}

interface FormatRule {
  format: LinkedInFormat | ((fileName: string) => LinkedInFormat | 'ignored');
  requires: readonly string[];
}

const MESSAGE_SIBLINGS = /(coach|guide|learning|roleplay)/;

function messagesByName(fileName: string): LinkedInFormat | 'ignored' {
  return MESSAGE_SIBLINGS.test(fileName) ? 'ignored' : 'linkedin-messages';
}

const RULES: readonly FormatRule[] = [
  { format: 'linkedin-connections', requires: ['firstname', 'lastname', 'connectedon'] },
  { format: messagesByName, requires: ['conversationid', 'from', 'date', 'content'] },
  { format: messagesByName, requires: ['from', 'to', 'date', 'subject', 'content', 'direction'] },
  { format: 'linkedin-invitations', requires: ['from', 'to', 'sentat', 'direction'] },
  { format: 'linkedin-profile', requires: ['firstname', 'lastname', 'headline'] },
  { format: 'linkedin-positions', requires: ['companyname', 'title', 'startedon'] },
  { format: 'linkedin-education', requires: ['schoolname', 'startdate'] },
  { format: 'linkedin-notes', requires: ['connectionfirstname', 'connectionlastname', 'note'] },
  { format: 'linkedin-contacts', requires: ['firstname', 'lastname', 'emails', 'companies'] },
  { format: 'linkedin-contacts', requires: ['firstname', 'lastname', 'emailaddress', 'companies'] },
  { format: 'linkedin-events', requires: ['eventname', 'eventtime'] },
  {
    format: (name) =>
      name.includes('given') ? 'linkedin-recommendations-given' : 'linkedin-recommendations-received',
    requires: ['firstname', 'lastname', 'jobtitle', 'text', 'creationdate'],
  },
  {
    format: 'linkedin-endorsements-received',
    requires: ['endorsementdate', 'skillname', 'endorserfirstname'],
  },
  { format: 'linkedin-endorsements-given', requires: ['endorsementdate', 'skillname', 'endorseefirstname'] },
];

export interface DetectedFormat {
  format: LinkedInFormat | 'ignored';
  /** Index of the header row among the rows given (Connections has a preamble before it). */
  headerIndex: number;
  header: string[];
}

/** Looks at the first rows of a file; null when no known header is among them. */
export function detectLinkedInFormat(
  rows: ReadonlyArray<readonly string[]>,
  fileName: string,
): DetectedFormat | null {
  const name = normalizeHeaderCell(fileName.replace(/^.*[\\/]/, ''));
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index] ?? [];
    const cells = new Set(row.map(normalizeHeaderCell));
    for (const rule of RULES) {
      if (rule.requires.every((column) => cells.has(column))) {
        const format = typeof rule.format === 'function' ? rule.format(name) : rule.format;
        return { format, headerIndex: index, header: row.map(normalizeHeaderCell) };
      }
    }
  }
  return null;
}
