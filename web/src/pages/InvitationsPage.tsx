import { useState } from 'react';
import { api, ApiError, type TriagedInvitation } from '../api';
import { CopyButton } from '../components/CopyButton';
import { ErrorNote, Loading } from '../components/Feedback';
import { Link } from '../router';
import { useApi } from '../use-api';

const VERDICTS = ['accept', 'ask', 'decline'] as const;

/** Incoming invitations with tend's verdict, its reasons and a drafted reply; the decision in place. */
export function InvitationsPage() {
  const pending = useApi<TriagedInvitation[]>('/api/invitations');
  const [decided, setDecided] = useState<Record<number, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  if (pending.error) return <ErrorNote error={pending.error} />;
  if (!pending.data) return <Loading />;
  const decide = async (id: number, verdict: string) => {
    try {
      await api.post(`/api/invitations/${id}/decision`, { verdict });
      setDecided((previous) => ({ ...previous, [id]: verdict }));
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : String(error));
    }
  };
  const open = pending.data.filter((entry) => decided[entry.id] === undefined);
  return (
    <section aria-labelledby="invitations-title">
      <header className="page-header">
        <h1 id="invitations-title">Invitations</h1>
        <p className="muted">
          {open.length} waiting for a decision. tend drafts; you decide and send on LinkedIn.
        </p>
      </header>
      {failure && (
        <p className="notice error" role="alert">
          {failure}
        </p>
      )}
      {Object.keys(decided).length > 0 && (
        <p className="notice" role="status">
          Recorded:{' '}
          {Object.entries(decided)
            .map(([id, verdict]) => `${id} ${verdict}`)
            .join(', ')}
        </p>
      )}
      {open.length === 0 ? (
        <div className="empty">
          <h2>No invitations waiting</h2>
        </div>
      ) : (
        <ul className="items">
          {open.map((entry) => (
            <li key={entry.id} className="card" data-invitation={entry.id}>
              <div className="card-head">
                {entry.person ? (
                  <Link to={`/people/${entry.person.id}`} className="who">
                    {entry.invitation.from}
                  </Link>
                ) : (
                  <span className="who">{entry.invitation.from}</span>
                )}
                <span className={`verdict verdict-${entry.verdict}`}>{entry.verdict}</span>
                <span className="muted">{entry.invitation.sentAt.slice(0, 10)}</span>
              </div>
              {entry.invitation.message && <blockquote>{entry.invitation.message}</blockquote>}
              <ul className="reasons">
                {entry.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
              {entry.reply && (
                <div className="suggestion">
                  <p>{entry.reply}</p>
                  <CopyButton text={entry.reply} label="Copy reply" />
                </div>
              )}
              <div className="actions" role="group" aria-label={`Decide on ${entry.invitation.from}`}>
                {VERDICTS.map((verdict) => (
                  <button
                    key={verdict}
                    type="button"
                    className={verdict === entry.verdict ? 'primary' : ''}
                    onClick={() => void decide(entry.id, verdict)}
                  >
                    {verdict[0]!.toUpperCase() + verdict.slice(1)}
                  </button>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
