import { useState } from 'react';
import { api, ApiError, type Introduction, type IntroSuggestion } from '../api';
import { CopyButton } from '../components/CopyButton';
import { ErrorNote, Loading } from '../components/Feedback';
import { Link } from '../router';
import { useApi } from '../use-api';

/** A step as a button says it: what happened, with who it happened with. */
function stepLabel(step: string, intro: Introduction): string {
  const a = intro.a.name.split(' ')[0] ?? intro.a.name;
  const b = intro.b.name.split(' ')[0] ?? intro.b.name;
  const labels: Record<string, string> = {
    'asked-a': `I asked ${a}`,
    'agreed-a': `${a} agreed`,
    'declined-a': `${a} declined`,
    'asked-b': `I asked ${b}`,
    'agreed-b': `${b} agreed`,
    'declined-b': `${b} declined`,
    introduced: 'I introduced them',
    outcome: 'Record how it went',
  };
  return labels[step] ?? step;
}

/** Suggested introductions with their reasons, and the double opt-in board: each step drafted. */
export function IntroductionsPage() {
  const suggestions = useApi<IntroSuggestion[]>('/api/introductions/suggestions');
  const board = useApi<Introduction[]>('/api/introductions');
  const [failure, setFailure] = useState<string | null>(null);
  const act = async (work: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await work();
      suggestions.reload();
      board.reload();
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : String(error));
    }
  };
  const error = suggestions.error ?? board.error;
  if (error) return <ErrorNote error={error} />;
  if (!suggestions.data || !board.data) return <Loading />;
  return (
    <section aria-labelledby="intros-title">
      <header className="page-header">
        <h1 id="intros-title">Introductions</h1>
        <p className="muted">Only between people you know well: ask each first, then introduce.</p>
      </header>
      {failure && (
        <p className="notice error" role="alert">
          {failure}
        </p>
      )}
      <h2>Under way</h2>
      {board.data.length === 0 ? (
        <p className="muted">None yet: start one from a suggestion below.</p>
      ) : (
        <ul className="items">
          {board.data.map((intro) => (
            <li
              key={intro.id}
              className={`card${intro.stalled ? ' stalled' : ''}`}
              data-introduction={intro.id}
            >
              <div className="card-head">
                <span className="who">
                  <Link to={`/people/${intro.a.id}`}>{intro.a.name}</Link> ↔{' '}
                  <Link to={`/people/${intro.b.id}`}>{intro.b.name}</Link>
                </span>
                <span className="state">{intro.state}</span>
                {intro.due && <span className={intro.stalled ? 'late' : 'muted'}>next by {intro.due}</span>}
              </div>
              {intro.why && <p className="reason">{intro.why}</p>}
              {intro.draft && (
                <div className="suggestion">
                  <p className="muted">To {intro.draft.to.join(' and ')}</p>
                  {intro.draft.subject && <p>Subject: {intro.draft.subject}</p>}
                  <p className="draft">{intro.draft.text}</p>
                  <CopyButton text={intro.draft.text} />
                </div>
              )}
              {intro.next.length > 0 && (
                <div className="actions" role="group" aria-label="Next step">
                  {intro.next.map((step) => (
                    <button
                      key={step}
                      type="button"
                      onClick={() =>
                        void act(() => api.post(`/api/introductions/${intro.id}/steps`, { step }))
                      }
                    >
                      {stepLabel(step, intro)}
                    </button>
                  ))}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <h2>Suggestions</h2>
      {suggestions.data.length === 0 ? (
        <p className="muted">No suggestions: add what people need and offer on their pages.</p>
      ) : (
        <ul className="items">
          {suggestions.data.map((suggestion) => (
            <li key={`${suggestion.a.id}-${suggestion.b.id}`} className="card">
              <div className="card-head">
                <span className="who">
                  <Link to={`/people/${suggestion.a.id}`}>{suggestion.a.name}</Link> ↔{' '}
                  <Link to={`/people/${suggestion.b.id}`}>{suggestion.b.name}</Link>
                </span>
                <span className="muted">fit {suggestion.score}</span>
              </div>
              <ul className="reasons">
                {suggestion.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
              <div className="actions">
                <button
                  type="button"
                  onClick={() =>
                    void act(() => api.post('/api/introductions', { a: suggestion.a.id, b: suggestion.b.id }))
                  }
                >
                  Start introduction
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
