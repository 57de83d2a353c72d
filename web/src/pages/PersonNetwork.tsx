import { useState } from 'react';
import {
  api,
  ApiError,
  type Introduction,
  type InvitationNote,
  type KnownTies,
  type LedgerRow,
  type WarmPaths,
} from '../api';
import { CopyButton } from '../components/CopyButton';
import { Link } from '../router';
import { useApi } from '../use-api';

const LEDGER_WORDS: Record<LedgerRow['entries'][number]['kind'], string> = {
  'help-given': 'you helped',
  'help-received': 'they helped you',
  'introduction-made': 'introduction made',
};

/** Warm paths to the person's company (`tend path company:NAME`): who could introduce you there. */
export function CompanyPaths({ company }: { company: string }) {
  const found = useApi<WarmPaths>(`/api/paths?target=${encodeURIComponent(`company:${company}`)}`);
  return (
    <section aria-labelledby="paths-title">
      <h2 id="paths-title">Warm paths to {company}</h2>
      {found.error ? (
        <p className="muted">{found.error.message}</p>
      ) : !found.data ? (
        <p className="muted">Looking…</p>
      ) : found.data.paths.length === 0 ? (
        <p className="muted">{found.data.notes[0] ?? 'No warm path found.'}</p>
      ) : (
        <ol className="paths">
          {found.data.paths.slice(0, 5).map((path) => (
            <li key={path.hops.map((hop) => hop.id).join('-')}>
              <span className={`verdict verdict-${path.verdict}`}>{path.verdict}</span> You
              {path.hops.map((hop) => (
                <span key={hop.id}>
                  {' → '}
                  <Link to={`/people/${hop.id}`}>{hop.name}</Link>
                </span>
              ))}
              {path.warnings.length > 0 && <span className="muted"> ({path.warnings.join('; ')})</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The introductions this person is part of (`tend intro list`), each with the other person and its step. */
export function PersonIntroductions({ id }: { id: number }) {
  const board = useApi<Introduction[]>('/api/introductions');
  const theirs = (board.data ?? []).filter((entry) => entry.a.id === id || entry.b.id === id);
  if (theirs.length === 0) return null;
  return (
    <section aria-labelledby="person-intros-title">
      <h2 id="person-intros-title">Introductions</h2>
      <ul className="plain">
        {theirs.map((entry) => {
          const other = entry.a.id === id ? entry.b : entry.a;
          return (
            <li key={entry.id}>
              with <Link to={`/people/${other.id}`}>{other.name}</Link>:{' '}
              <Link to="/introductions">{entry.state}</Link>
              {entry.stalled ? <span className="late"> stalled</span> : null}
              {entry.why ? <span className="muted"> ({entry.why})</span> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** What you gave and received with this person (`tend intro ledger REF`). */
export function PersonLedger({ id }: { id: number }) {
  const ledger = useApi<LedgerRow[]>(`/api/ledger?person=${id}`);
  const row = ledger.data?.[0];
  return (
    <section aria-labelledby="ledger-title">
      <h2 id="ledger-title">Give and ask</h2>
      {!row || row.entries.length === 0 ? (
        <p className="muted">Nothing given or received recorded yet (log help or an introduction).</p>
      ) : (
        <>
          <p>
            You gave {row.given.help} help and {row.given.introductions} introductions; received{' '}
            {row.received.help}.
          </p>
          <ul className="plain">
            {row.entries.map((entry) => (
              <li key={`${entry.at}-${entry.kind}`}>
                <time dateTime={entry.at}>{entry.at.slice(0, 10)}</time> {LEDGER_WORDS[entry.kind]}
                {entry.summary ? `: ${entry.summary}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Archive (reversible) or bring back, and my invitation note to someone I am not connected to. */
export function PersonActions(props: {
  id: number;
  archived: boolean;
  connected: boolean;
  onChanged: (text: string, error: boolean) => void;
}) {
  const [note, setNote] = useState<InvitationNote | null>(null);
  // Someone who is no prune candidate is archived only when asked again (the CLI's --force).
  const [refusal, setRefusal] = useState<string | null>(null);
  const archive = (force: boolean) =>
    act(async () => {
      try {
        await api.post(`/api/people/${props.id}/archive`, { force });
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 409)) throw error;
        setRefusal(error.message.replace(/;\s*add --force to archive anyway\.?$/, '.'));
        return 'Not archived yet: see why below.';
      }
      setRefusal(null);
      return 'Archived: out of lists and the agenda; Unarchive brings them back.';
    });
  const act = async (work: () => Promise<string>) => {
    try {
      props.onChanged(await work(), false);
    } catch (error) {
      props.onChanged(error instanceof ApiError ? error.message : String(error), true);
    }
  };
  return (
    <section aria-labelledby="actions-title">
      <h2 id="actions-title">Keep or let go</h2>
      <div className="actions">
        {props.archived ? (
          <button
            type="button"
            onClick={() =>
              void act(async () => {
                await api.post(`/api/people/${props.id}/unarchive`);
                return 'Back from the archive: in lists, the agenda and warm paths again.';
              })
            }
          >
            Unarchive
          </button>
        ) : (
          <button type="button" onClick={() => void archive(false)}>
            Archive
          </button>
        )}
        {!props.connected && (
          <button
            type="button"
            onClick={() =>
              void act(async () => {
                setNote(await api.post<InvitationNote>('/api/invitation-notes', { ref: String(props.id) }));
                return 'Invitation note drafted below.';
              })
            }
          >
            Draft an invitation note
          </button>
        )}
      </div>
      {refusal && !props.archived && (
        <div className="notice">
          <p>{refusal}</p>
          <button type="button" onClick={() => void archive(true)}>
            Archive anyway
          </button>
        </div>
      )}
      {note && (
        <div className="suggestion">
          <p>
            {note.text}{' '}
            <span className="muted">
              ({note.length} of {note.limit} characters)
            </span>
          </p>
          <CopyButton text={note.text} />
          {note.warnings.length > 0 && (
            <ul className="reasons">
              {note.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

/**
 * Who else knows this person (`tend knows A B`): a warm path may go through them. The ties recorded are
 * listed, each with Remove (`tend knows A B --remove`); a name is looked up with the same search as People,
 * and picking one records the tie.
 */
export function KnownTieForm(props: {
  id: number;
  name: string;
  onChanged: (text: string, error: boolean) => void;
}) {
  const [query, setQuery] = useState('');
  const recorded = useApi<KnownTies>(`/api/known-ties?person=${props.id}`);
  const found = useApi<{ people: Array<{ id: number; name: string; company: string | null }> }>(
    query.trim().length >= 2 ? `/api/people?q=${encodeURIComponent(query.trim())}&limit=5` : null,
  );
  const change = async (work: () => Promise<string>) => {
    try {
      const text = await work();
      recorded.reload();
      props.onChanged(text, false);
    } catch (error) {
      props.onChanged(error instanceof ApiError ? error.message : String(error), true);
    }
  };
  const record = (other: { id: number; name: string }) =>
    change(async () => {
      await api.post('/api/known-ties', { a: props.id, b: other.id });
      setQuery('');
      return `Recorded: ${other.name} knows ${props.name}.`;
    });
  const remove = (other: { id: number; name: string }) =>
    change(async () => {
      await api.delete(`/api/known-ties/${props.id}/${other.id}`);
      return `Removed the tie you recorded between ${props.name} and ${other.name}.`;
    });
  const ties = recorded.data?.ties ?? [];
  const known = new Set(ties.map((tie) => tie.person.id));
  const first = props.name.split(/\s+/)[0];
  return (
    <section aria-labelledby="knows-title">
      {/* The first name only: the page's one heading with the full name is the person's own. */}
      <h2 id="knows-title">Who else knows {first}?</h2>
      {recorded.error ? (
        <p className="muted">{recorded.error.message}</p>
      ) : ties.length > 0 ? (
        <ul className="plain prune" aria-label={`Who knows ${first}`}>
          {ties.map((tie) => (
            <li key={tie.person.id}>
              <span>
                <Link to={`/people/${tie.person.id}`}>{tie.person.name}</Link>{' '}
                <span className="muted">
                  {[tie.person.company, tie.how, `strength ${tie.strength}`].filter(Boolean).join(' · ')}
                </span>
              </span>
              <button
                type="button"
                className="small"
                aria-label={`Remove the tie with ${tie.person.name}`}
                onClick={() => void remove(tie.person)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        recorded.data && <p className="muted">No one recorded yet.</p>
      )}
      <input
        type="search"
        value={query}
        placeholder="a name from your people"
        aria-label={`Someone who knows ${props.name}`}
        onChange={(event) => setQuery(event.target.value)}
      />
      {query.trim().length >= 2 && found.data && (
        <ul className="plain prune">
          {found.data.people
            .filter((person) => person.id !== props.id && !known.has(person.id))
            .map((person) => (
              <li key={person.id}>
                <span>
                  {person.name} <span className="muted">{person.company ?? ''}</span>
                </span>
                <button type="button" className="small" onClick={() => void record(person)}>
                  Knows them
                </button>
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
