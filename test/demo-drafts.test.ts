import { describe, expect, it } from 'vitest';
import { demoSession } from './support/demo-session.js';

/**
 * Every draft tend writes on the demo network, as the user reads it: real line breaks, first names in
 * greetings, sentences a thoughtful person would send (docs/rules/invitations.md#reply,
 * docs/rules/invitations.md#note-draft, docs/rules/introductions-and-paths.md#drafts). A change to any text
 * shows here as a diff to read, not only as a broken assertion.
 */
describe('the drafts on the demo network', () => {
  it('triage: the replies and the agenda lines that suggest them', async () => {
    const tend = await demoSession();
    const triage = await tend.run('triage');
    expect(triage.stdout).not.toContain(' / ');
    expect(triage.stdout).toContain('  draft reply:\n    Hi Michael,\n\n    Thank you for the invitation!');
    const pending = (await tend.run('--json', 'triage')).json<
      Array<{ verdict: string; invitation: { from: string }; reply: string | null }>
    >();
    const replies = pending.flatMap((entry) =>
      entry.reply ? [`${entry.verdict} ${entry.invitation.from}:\n${entry.reply}`] : [],
    );
    expect(replies.join('\n\n---\n\n')).toMatchSnapshot();
    // every invitation's agenda line: the plan shows three, --all shows them all (docs/rules/agenda.md)
    const today = await tend.run('--json', 'today', '--all');
    const items = today.json<{ items: Array<{ kind: string; suggestion: string }> }>().items;
    expect(items.filter((item) => item.kind === 'triage').map((item) => item.suggestion)).toMatchSnapshot();
  });

  it('invitation notes: how we met in a sentence that reads, greeting by first name', async () => {
    const tend = await demoSession();
    const notes: string[] = [];
    for (const howMet of [
      'met at the Berlin payments meetup',
      'We worked together on the checkout redesign',
      'through Anna Lindqvist',
      'the Stockholm product breakfast',
    ]) {
      // Grace wrote but is no connection: a connection needs no invitation note.
      const result = await tend.run(
        '--json',
        'invite-note',
        'Grace Liu',
        '--company',
        'Lyra Santé',
        '--how-met',
        howMet,
      );
      notes.push(result.json<{ note: string }>().note);
    }
    expect(notes[0]).toContain('Hi Grace, we met at the Berlin payments meetup.');
    expect(notes.join('\n')).not.toContain('from met');
    expect(notes).toMatchSnapshot();
  });

  it('introductions: every step, my reason speaking to the person it describes', async () => {
    const tend = await demoSession();
    const started = await tend.run(
      '--json',
      'intro',
      'start',
      'Sofia Reyes',
      'Daniel Okafor',
      '--why',
      "Sofia's launch is in March and Daniel has shipped three apps like it",
    );
    const { id } = started.json<{ id: number }>();
    const drafts: string[] = [];
    // A step that waits for an answer has no draft until it stalls: only what I send next is listed.
    const draftOf = (result: { json<T>(): T }) => {
      const draft = result.json<{ draft: { to: string[]; subject: string | null; text: string } | null }>()
        .draft;
      return draft === null
        ? null
        : `to ${draft.to.join(', ')}${draft.subject ? ` · ${draft.subject}` : ''}\n${draft.text}`;
    };
    const add = (draft: string | null) => {
      if (draft !== null) drafts.push(draft);
    };
    add(draftOf(started));
    for (const step of ['asked-a', 'agreed-a', 'asked-b', 'agreed-b', 'introduced'])
      add(draftOf(await tend.run('--json', 'intro', 'advance', String(id), step)));
    expect(drafts).toHaveLength(3);
    expect(drafts[0]).toContain('Your launch is in March and Daniel has shipped three apps like it.');
    // To Daniel, and in the mail to both, Sofia is spoken of in the third person, as a person would.
    expect(drafts[1]).toContain("Sofia's launch is in March");
    expect(drafts.join('\n\n---\n\n')).toMatchSnapshot();
  });
});
