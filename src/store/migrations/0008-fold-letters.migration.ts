import { sql, type Kysely, type RawBuilder } from 'kysely';

/**
 * The text fold learnt the letters NFKD leaves whole (ø, æ, œ, ß, ł, đ, ð, þ, ı: domain/text-normalization.ts),
 * so "Bjorn" finds and matches "Bjørn". Values folded before keep them: name keys, the search column and the
 * conversation keys of URL-less exports (`name:` + a name key) are folded again where they are stored. They
 * are lower case, so the lower-case letters suffice; the table is this migration's own, as it stood.
 */
const LETTERS: ReadonlyArray<readonly [string, string]> = [
  ['ø', 'o'],
  ['æ', 'ae'],
  ['œ', 'oe'],
  ['ß', 'ss'],
  ['ł', 'l'],
  ['đ', 'd'],
  ['ð', 'd'],
  ['þ', 'th'],
  ['ı', 'i'],
];

function folded(column: string): RawBuilder<string> {
  return LETTERS.reduce<RawBuilder<string>>(
    (value, [letter, plain]) => sql<string>`replace(${value}, ${sql.lit(letter)}, ${sql.lit(plain)})`,
    sql<string>`${sql.ref(column)}`,
  );
}

export function foldLettersData() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql`update people set name_key = ${folded('name_key')}, search_text = ${folded('search_text')}
        where name_key <> ${folded('name_key')} or search_text <> ${folded('search_text')}`.execute(db);
      await sql`update interactions set conversation_key = ${folded('conversation_key')}
        where conversation_key like 'name:%' and conversation_key <> ${folded('conversation_key')}`.execute(
        db,
      );
      // Members are unique per conversation: a folded key may already be there (both spellings were seen).
      await sql`insert into conversation_members (workspace_id, conversation_key, person_id)
        select workspace_id, ${folded('conversation_key')}, person_id from conversation_members
        where conversation_key like 'name:%' and conversation_key <> ${folded('conversation_key')}
        on conflict do nothing`.execute(db);
      await sql`delete from conversation_members
        where conversation_key like 'name:%' and conversation_key <> ${folded('conversation_key')}`.execute(
        db,
      );
    },
  };
}
