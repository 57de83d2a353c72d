import { Fragment } from 'react';
import { Link } from '../router';

/**
 * Texts the services share with the CLI name a command where the page has a page for it ("The draft and the
 * decision: tend triage."): on the page, that command is a link to the page that does the same.
 */
const COMMAND_PAGES: ReadonlyArray<[command: string, to: string, label: string]> = [
  ['tend triage', '/invitations', 'Invitations'],
  ['tend intro list', '/introductions', 'Introductions'],
  ['tend health', '/health', 'Health'],
  ['tend import', '/import', 'Import'],
];

const PATTERN = new RegExp(COMMAND_PAGES.map(([command]) => `\\b${command}\\b`).join('|'), 'g');

/** The text as the page says it: each command a page does the same as becomes that page's name. */
export function pageText(text: string): string {
  return text.replace(PATTERN, (command) => COMMAND_PAGES.find(([name]) => name === command)?.[2] ?? command);
}

/** The text with each such command as a link to its page; everything else stays text. */
export function WithPageLinks({ text }: { text: string }) {
  const parts: Array<string | { to: string; label: string }> = [];
  let at = 0;
  for (const match of text.matchAll(PATTERN)) {
    const page = COMMAND_PAGES.find(([command]) => command === match[0]);
    if (!page) continue;
    parts.push(text.slice(at, match.index), { to: page[1], label: page[2] });
    at = match.index + match[0].length;
  }
  parts.push(text.slice(at));
  return (
    <>
      {parts.map((part, index) =>
        typeof part === 'string' ? (
          <Fragment key={index}>{part}</Fragment>
        ) : (
          <Link key={index} to={part.to}>
            {part.label}
          </Link>
        ),
      )}
    </>
  );
}
