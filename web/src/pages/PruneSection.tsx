import { useState } from 'react';
import { api, ApiError } from '../api';
import { Link } from '../router';
import { useApi } from '../use-api';

interface Candidate {
  person: { id: number; name: string; company: string | null };
  connectedAt: string | null;
  reason: string;
}

interface Archived {
  person: { id: number; name: string; company: string | null };
  archivedAt: string | null;
}

/**
 * Connections that never were (`tend prune`): archive them one by one, reversibly, and bring back who
 * was archived (`tend unarchive`).
 */
export function PruneSection() {
  const candidates = useApi<Candidate[]>('/api/prune/candidates');
  const archived = useApi<Archived[]>('/api/archived');
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const act = async (path: string, text: string) => {
    try {
      await api.post(path);
      setStatus({ text, error: false });
      candidates.reload();
      archived.reload();
    } catch (error) {
      setStatus({ text: error instanceof ApiError ? error.message : String(error), error: true });
    }
  };
  return (
    <section aria-labelledby="prune-title">
      <h2 id="prune-title">Connections that never were</h2>
      <p className="muted">
        Connected over a year ago, and nothing since: no message, note or introduction. Archiving hides them
        from lists and the agenda; nothing is deleted.
      </p>
      {status && (
        <p className={`notice${status.error ? ' error' : ''}`} role={status.error ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
      {candidates.data && candidates.data.length === 0 && <p className="muted">None.</p>}
      <ul className="plain prune">
        {candidates.data?.map((candidate) => (
          <li key={candidate.person.id}>
            <span>
              <Link to={`/people/${candidate.person.id}`}>{candidate.person.name}</Link>{' '}
              <span className="muted">{candidate.reason}</span>
            </span>
            <button
              type="button"
              className="small"
              onClick={() =>
                void act(`/api/people/${candidate.person.id}/archive`, `Archived ${candidate.person.name}.`)
              }
            >
              Archive
            </button>
          </li>
        ))}
      </ul>
      {archived.data && archived.data.length > 0 && (
        <>
          <h3>Archived</h3>
          <ul className="plain prune">
            {archived.data.map((entry) => (
              <li key={entry.person.id}>
                <span>
                  <Link to={`/people/${entry.person.id}`}>{entry.person.name}</Link>{' '}
                  <span className="muted">
                    {entry.archivedAt ? `since ${entry.archivedAt.slice(0, 10)}` : ''}
                  </span>
                </span>
                <button
                  type="button"
                  className="small"
                  onClick={() =>
                    void act(`/api/people/${entry.person.id}/unarchive`, `${entry.person.name} is back.`)
                  }
                >
                  Unarchive
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
