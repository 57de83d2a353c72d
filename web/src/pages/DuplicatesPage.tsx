import { useState } from 'react';
import { api, ApiError, type Duplicates, type MergeDone, type PersonBrief } from '../api';
import { ErrorNote, Loading } from '../components/Feedback';
import { Link } from '../router';
import { useApi } from '../use-api';

function Named({ person }: { person: PersonBrief }) {
  return (
    <>
      <Link to={`/people/${person.id}`} className="who">
        {person.name}
      </Link>
      {/* Two of one name are told apart by their ids, as `tend dupes` prints them. */}
      <span className="muted">
        {person.company ? ` · ${person.company}` : ''} · id {person.id}
      </span>
    </>
  );
}

/**
 * `tend dupes` in the browser: the pairs that may be one person with tend's reasons, merged (B into A, as
 * `tend merge A B`) or kept apart (`tend dupes --dismiss A B`) here, and every merge undone in one click
 * (`tend unmerge`). Nothing is merged without the user (docs/rules/identity-and-imports.md#duplicate-proposals).
 */
export function DuplicatesPage() {
  const loaded = useApi<Duplicates>('/api/duplicates');
  const [failure, setFailure] = useState<string | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const act = async (work: () => Promise<string>) => {
    setFailure(null);
    try {
      setSaid(await work());
      loaded.reload();
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : String(error));
    }
  };
  if (loaded.error) return <ErrorNote error={loaded.error} />;
  if (!loaded.data) return <Loading />;
  const { proposals, merges } = loaded.data;
  const merge = (a: PersonBrief, b: PersonBrief) =>
    act(async () => {
      await api.post<MergeDone>('/api/duplicates/merge', { a: a.id, b: b.id });
      return `Merged ${b.name} into ${a.name}.`;
    });
  const dismiss = (a: PersonBrief, b: PersonBrief) =>
    act(async () => {
      await api.post('/api/duplicates/dismiss', { a: a.id, b: b.id });
      return `${a.name} and ${b.name} are kept apart.`;
    });
  const undo = (done: MergeDone) =>
    act(async () => {
      await api.post<MergeDone>(`/api/merges/${done.merge}/undo`);
      return `${done.merged.name} is apart from ${done.kept.name} again.`;
    });
  return (
    <section aria-labelledby="duplicates-title">
      <header className="page-header">
        <h1 id="duplicates-title">Duplicates</h1>
        <p className="muted">
          {proposals.length === 0
            ? 'tend proposes people who may be one person here; it never merges them without you.'
            : `${proposals.length === 1 ? '1 pair' : `${proposals.length} pairs`} that may be one person. Merge keeps the first and everything of both, and can be undone.`}
        </p>
      </header>
      {failure && (
        <p className="notice error" role="alert">
          {failure}
        </p>
      )}
      {said && (
        <p className="notice" role="status">
          {said}
        </p>
      )}
      {proposals.length === 0 ? (
        <div className="empty">
          <h2>No possible duplicates</h2>
        </div>
      ) : (
        <ul className="items" aria-label="Possible duplicates">
          {proposals.map(({ a, b, reasons }) => (
            <li key={`${a.id}-${b.id}`} className="card" data-pair={`${a.id}-${b.id}`}>
              <div className="card-head pair">
                <span>
                  <Named person={a} />
                </span>
                <span>
                  <span aria-hidden="true">↔ </span>
                  <Named person={b} />
                </span>
              </div>
              <ul className="reasons">
                {reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
              <div className="actions" role="group" aria-label={`${a.name} and ${b.name}`}>
                <button
                  type="button"
                  className="primary"
                  onClick={() => void merge(a, b)}
                  title={`Merge id ${b.id} into id ${a.id}`}
                >
                  Merge
                </button>
                <button type="button" onClick={() => void dismiss(a, b)}>
                  Different people
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <h2>Merges</h2>
      {merges.length === 0 ? (
        <p className="muted">No merges to undo.</p>
      ) : (
        <ul className="items" aria-label="Merges">
          {merges.map((done) => (
            <li key={done.merge} className="card" data-merge={done.merge}>
              <div className="card-head">
                <span>
                  {done.merged.name} into <Named person={done.kept} />
                </span>
                <span className="muted">
                  {done.at.slice(0, 10)}
                  {done.source === 'import' ? ' · by an import' : ''}
                </span>
              </div>
              <div className="actions">
                <button
                  type="button"
                  onClick={() => void undo(done)}
                  aria-label={`Undo merging ${done.merged.name} into ${done.kept.name}`}
                >
                  Undo
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
