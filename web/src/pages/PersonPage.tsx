import { useState } from 'react';
import { api, ApiError, markAgendaItem, type PersonEdit, type Profile, type TimelineEntry } from '../api';
import { BandBadge } from '../components/BandBadge';
import { AgendaCard, type Mark } from '../components/AgendaCard';
import { EditableList, EditableText } from '../components/EditableList';
import { ErrorNote, Loading } from '../components/Feedback';
import { useApi } from '../use-api';
import {
  CompanyPaths,
  KnownTieForm,
  PersonActions,
  PersonIntroductions,
  PersonLedger,
} from './PersonNetwork';

const CIRCLES = ['inner', 'close', 'active', 'wide'] as const;
const CADENCES: Record<string, string> = {
  inner: '14 days',
  close: '30 days',
  active: '90 days',
  wide: '365 days',
};

const arrow = (direction: TimelineEntry['direction']) =>
  direction === 'out' ? '→' : direction === 'in' ? '←' : '↔';

function Reason({ reason }: { reason: Profile['strengthReasons'][number] }) {
  return (
    <li>
      <span className={reason.points >= 0 ? 'plus' : 'minus'}>
        {reason.points >= 0 ? '+' : ''}
        {reason.points}
      </span>{' '}
      <strong>{reason.component}</strong>: {reason.text}
    </li>
  );
}

/** One person: strength with its reasons, what is open, what you know of them (editable) and the timeline. */
export function PersonPage({ id }: { id: number }) {
  const profile = useApi<Profile>(`/api/people/${id}`);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [snoozing, setSnoozing] = useState<string | null>(null);
  // A tie recorded or removed here may open or close a warm path: the paths are asked for again.
  const [ties, setTies] = useState(0);

  if (profile.error) return <ErrorNote error={profile.error} />;
  if (!profile.data) return <Loading />;
  const person = profile.data;

  const edit = async (changes: PersonEdit) => {
    try {
      const answer = await api.patch<PersonEdit & { changes: string[] }>(`/api/people/${id}`, changes);
      profile.set({ ...person, ...answer });
      setStatus({
        text: answer.changes.length ? `Saved: ${answer.changes.join('; ')}` : 'Nothing changed',
        error: false,
      });
      if (changes.circle !== undefined) profile.reload();
    } catch (error) {
      setStatus({ text: error instanceof ApiError ? error.message : String(error), error: true });
      throw error;
    }
  };
  // What moved the score first; the components that added nothing behind one line (a new tie has nine).
  const counted = person.strengthReasons.filter((reason) => reason.points !== 0);
  const zero = person.strengthReasons.filter((reason) => reason.points === 0);
  const quietly = (changes: PersonEdit) => edit(changes).catch(() => undefined);
  const mark = async (item: string, how: Mark, until?: string) => {
    try {
      await markAgendaItem(item, how, until);
      setSnoozing(null);
      setStatus({
        text: how === 'done' ? 'Done' : how === 'snooze' ? `Snoozed (${until})` : 'Dismissed',
        error: false,
      });
      profile.reload();
    } catch (error) {
      setStatus({ text: error instanceof ApiError ? error.message : String(error), error: true });
    }
  };

  return (
    <article aria-labelledby="person-name" className="person">
      <header className="person-header">
        <div>
          <h1 id="person-name">{person.name}</h1>
          <p className="muted">{[person.position, person.company].filter(Boolean).join(' at ')}</p>
          {person.location && <p className="muted">{person.location}</p>}
        </div>
        <div className="strength">
          <span className="score" aria-label={`strength ${person.strength}`}>
            {person.strength}
          </span>
          <BandBadge band={person.band} />
          <span className="muted">{person.state}</span>
        </div>
      </header>
      {status && (
        <p className={`notice${status.error ? ' error' : ''}`} role={status.error ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
      {(person.doNotContact || person.archived) && (
        <p className="notice">
          {person.doNotContact ? 'Do not contact. ' : ''}
          {person.archived ? 'Archived: Unarchive below brings them back.' : ''}
        </p>
      )}

      <section aria-labelledby="why-strength">
        <h2 id="why-strength">Why {person.strength}</h2>
        <ul className="reasons">
          {counted.map((reason) => (
            <Reason key={`${reason.component}-${reason.text}`} reason={reason} />
          ))}
        </ul>
        {zero.length > 0 && (
          <details>
            <summary className="muted">
              {zero.length} more at 0 ({zero.map((reason) => reason.component).join(', ')})
            </summary>
            <ul className="reasons">
              {zero.map((reason) => (
                <Reason key={`${reason.component}-${reason.text}`} reason={reason} />
              ))}
            </ul>
          </details>
        )}
      </section>

      {person.agenda.length > 0 && (
        <section aria-labelledby="open-items">
          <h2 id="open-items">On the agenda</h2>
          <ul className="items">
            {person.agenda.map((item) => (
              <AgendaCard
                key={item.id}
                item={item}
                today={person.today}
                selected={false}
                snoozing={snoozing === item.id}
                onSelect={() => undefined}
                onSnoozeMenu={(open) => setSnoozing(open ? item.id : null)}
                onMark={(how, until) => void mark(item.id, how, until)}
              />
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="what-you-know" className="know">
        <h2 id="what-you-know">What you know</h2>
        <div className="fields">
          <label className="field">
            <span>Circle</span>
            <select
              value={person.circle ?? 'none'}
              onChange={(event) =>
                void quietly({ circle: event.target.value === 'none' ? null : event.target.value })
              }
            >
              <option value="none">no circle</option>
              {CIRCLES.map((circle) => (
                <option key={circle} value={circle}>
                  {circle} (every {CADENCES[circle]})
                </option>
              ))}
            </select>
          </label>
          {person.keepInTouchDue && <p className="muted">Keep in touch by {person.keepInTouchDue}</p>}
          <label className="field inline">
            <input
              type="checkbox"
              checked={person.doNotContact}
              onChange={(event) => void quietly({ doNotContact: event.target.checked })}
            />
            <span>Do not contact</span>
          </label>
        </div>
        <h3>Needs</h3>
        <EditableList
          label="Needs"
          values={person.needs}
          placeholder="looking for…"
          onChange={(needs) => edit({ needs })}
        />
        <h3>Offers</h3>
        <EditableList
          label="Offers"
          values={person.offers}
          placeholder="can help with…"
          onChange={(offers) => edit({ offers })}
        />
        <h3>Goals</h3>
        <EditableList
          label="Goals"
          values={person.goals}
          placeholder="a goal"
          onChange={(goals) => edit({ goals })}
        />
        <h3>Tags</h3>
        <EditableList
          label="Tags"
          values={person.tags}
          placeholder="a tag"
          onChange={(tags) => edit({ tags })}
        />
        <EditableText
          key={`how-${person.howMet ?? ''}`}
          label="How you met"
          value={person.howMet}
          rows={2}
          onSave={(howMet) => edit({ howMet })}
        />
        <EditableText
          key={`notes-${person.notes ?? ''}`}
          label="Notes"
          value={person.notes}
          rows={4}
          onSave={(notes) => edit({ notes })}
        />
        {person.importedNotes && !person.notes && (
          <p className="muted">Imported notes: {person.importedNotes}</p>
        )}
      </section>

      {person.company && <CompanyPaths key={ties} company={person.company} />}
      <PersonIntroductions id={id} />
      <PersonLedger id={id} />
      <KnownTieForm
        id={id}
        name={person.name}
        onChanged={(text, error) => {
          setStatus({ text, error });
          if (error) return;
          setTies((count) => count + 1);
          // A recorded tie is part of the strength (its structural component): the score is asked for again.
          profile.reload();
        }}
      />
      <PersonActions
        id={id}
        archived={person.archived}
        connected={person.connectionState === 'connected'}
        onChanged={(text, error) => {
          setStatus({ text, error });
          if (!error) profile.reload();
        }}
      />

      <section aria-labelledby="contact">
        <h2 id="contact">Contact</h2>
        <ul className="plain">
          {person.urls.map((url) => (
            <li key={url}>
              <a href={url} rel="noreferrer noopener" target="_blank">
                {url}
              </a>
            </li>
          ))}
          {person.emails.map((email) => (
            <li key={email}>{email}</li>
          ))}
          {person.connectedAt && <li className="muted">connected on {person.connectedAt.slice(0, 10)}</li>}
        </ul>
      </section>

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">
          Timeline{' '}
          <span className="muted">
            {person.timelineTotal > person.timeline.length
              ? `(newest ${person.timeline.length} of ${person.timelineTotal})`
              : `(${person.timelineTotal})`}
          </span>
        </h2>
        {person.timeline.length === 0 ? (
          <p className="muted">No interactions yet.</p>
        ) : (
          <ol className="timeline">
            {person.timeline.map((entry) => (
              <li key={entry.id} className={entry.skipped ? 'skipped' : ''}>
                <time dateTime={entry.at}>{entry.at.slice(0, 10)}</time>
                <span className="dir" aria-label={entry.direction}>
                  {arrow(entry.direction)}
                </span>
                <span className="kind-name">
                  {entry.kind}
                  {entry.groupSize > 2 ? ` · group of ${entry.groupSize}` : ''}
                </span>
                <span className="summary">{entry.summary ?? ''}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
