import { useState } from 'react';
import type { PlanItem } from '../api';
import { Link } from '../router';
import { CopyButton } from './CopyButton';
import { pageText, WithPageLinks } from './PageLinks';

export const SNOOZE_PRESETS = [
  { until: '3d', label: '3 days' },
  { until: '1w', label: '1 week' },
  { until: '2w', label: '2 weeks' },
  { until: 'next-month', label: 'Next month' },
];

export type Mark = 'done' | 'snooze' | 'dismiss';

/** An agenda item as Today and a person's page show it: who, why, the next step, and the marks. */
export type CardItem = Pick<PlanItem, 'id' | 'kind' | 'due' | 'reason' | 'suggestion'> &
  Partial<Pick<PlanItem, 'person' | 'subject'>>;

export function AgendaCard(props: {
  item: CardItem;
  today: string;
  selected: boolean;
  snoozing: boolean;
  onSelect: () => void;
  onMark: (how: Mark, until?: string) => void;
  onSnoozeMenu: (open: boolean) => void;
}) {
  const { item } = props;
  const [date, setDate] = useState('');
  const late = item.due < props.today;
  return (
    <li
      id={`item-${item.id}`}
      className={`card${props.selected ? ' selected' : ''}`}
      data-item={item.id}
      onClick={props.onSelect}
    >
      <div className="card-head">
        {item.subject === undefined ? (
          <span className={`kind kind-${item.kind}`}>{item.kind}</span>
        ) : item.person ? (
          <Link to={`/people/${item.person.id}`} className="who">
            {item.subject}
          </Link>
        ) : (
          <span className="who">{item.subject}</span>
        )}
        {late && <span className="late">due {item.due}</span>}
      </div>
      <p className="reason">
        <WithPageLinks text={item.reason} />
      </p>
      <div className="suggestion">
        <p>
          <WithPageLinks text={item.suggestion} />
        </p>
        <CopyButton text={pageText(item.suggestion)} />
      </div>
      <div className="actions">
        <button type="button" onClick={() => props.onMark('done')} title="Done (d)">
          Done
        </button>
        <button
          type="button"
          onClick={() => props.onSnoozeMenu(!props.snoozing)}
          aria-expanded={props.snoozing}
          title="Snooze (s)"
        >
          Snooze
        </button>
        <button type="button" onClick={() => props.onMark('dismiss')} title="Dismiss (x)">
          Dismiss
        </button>
      </div>
      {props.snoozing && (
        <div className="snooze" role="group" aria-label="Snooze until">
          {SNOOZE_PRESETS.map((preset, index) => (
            <button
              key={preset.until}
              type="button"
              className="small"
              autoFocus={index === 0}
              onClick={() => props.onMark('snooze', preset.until)}
            >
              {preset.label}
            </button>
          ))}
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (date) props.onMark('snooze', date);
            }}
          >
            <input
              type="date"
              aria-label="Snooze until a date"
              min={props.today}
              value={date}
              onChange={(event) => setDate(event.target.value)}
            />
            <button type="submit" className="small" disabled={!date}>
              Until then
            </button>
          </form>
        </div>
      )}
    </li>
  );
}
