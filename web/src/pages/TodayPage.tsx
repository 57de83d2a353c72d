import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError, markAgendaItem, type AgendaKind, type Plan, type PlanItem } from '../api';
import { AgendaCard, type Mark } from '../components/AgendaCard';
import { ErrorNote, Loading } from '../components/Feedback';
import { useApi } from '../use-api';

const KIND_ORDER: AgendaKind[] = [
  'reply',
  'follow-up',
  'keep-in-touch',
  'revive',
  'let-go',
  'triage',
  'introduce',
];

const KIND_TITLES: Record<AgendaKind, string> = {
  reply: 'Reply',
  'follow-up': 'Follow up',
  'keep-in-touch': 'Keep in touch',
  revive: 'Revive',
  'let-go': 'Let go',
  triage: 'Invitations',
  introduce: 'Introduce',
};

interface Toast {
  text: string;
  undo: boolean;
}

function groupByKind(items: readonly PlanItem[]) {
  return KIND_ORDER.map((kind) => ({ kind, items: items.filter((item) => item.kind === kind) })).filter(
    (group) => group.items.length > 0,
  );
}

/** The daily plan, grouped by kind; done / snooze / dismiss in place, by mouse or by keyboard. */
export function TodayPage() {
  const [all, setAll] = useState(false);
  const plan = useApi<Plan>(all ? '/api/today?all=1' : '/api/today');
  const [gone, setGone] = useState<Set<string>>(new Set());
  const [selected, setSelected] = useState(0);
  const [snoozing, setSnoozing] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  const [toast, setToast] = useState<Toast | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const groups = useMemo(
    () => groupByKind((plan.data?.items ?? []).filter((item) => !gone.has(item.id))),
    [plan.data, gone],
  );
  const flat = useMemo(() => groups.flatMap((group) => group.items), [groups]);
  const current = flat[Math.min(selected, flat.length - 1)];

  const mark = useCallback(async (item: PlanItem, how: Mark, until?: string) => {
    setFailure(null);
    try {
      await markAgendaItem(item.id, how, until);
      setGone((previous) => new Set(previous).add(item.id));
      setSnoozing(null);
      const verb = how === 'done' ? 'Done' : how === 'snooze' ? `Snoozed (${until})` : 'Dismissed';
      setToast({ text: `${verb}: ${item.subject}`, undo: true });
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : String(error));
    }
  }, []);

  const undo = async () => {
    try {
      const answer = await api.post<{ undone: string | null }>('/api/undo');
      setToast({ text: answer.undone ? `Undone: ${answer.undone}` : 'Nothing to undo', undo: false });
      setGone(new Set());
      plan.reload();
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : String(error));
    }
  };

  const keys = useRef({ flat, current, mark });
  keys.current = { flat, current, mark };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      const { flat: list, current: item, mark: act } = keys.current;
      if (event.key === '?') setHelp((open) => !open);
      else if (event.key === 'Escape') {
        setHelp(false);
        setSnoozing(null);
      } else if (event.key === 'j') setSelected((index) => Math.min(index + 1, Math.max(list.length - 1, 0)));
      else if (event.key === 'k') setSelected((index) => Math.max(index - 1, 0));
      else if (item && event.key === 'd') void act(item, 'done');
      else if (item && event.key === 'x') void act(item, 'dismiss');
      else if (item && event.key === 's') setSnoozing((open) => (open === item.id ? null : item.id));
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (current) document.getElementById(`item-${current.id}`)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  if (plan.error) return <ErrorNote error={plan.error} />;
  if (!plan.data) return <Loading />;
  const data = plan.data;
  const more = Object.entries(data.more).filter(([, count]) => count > 0);
  const moreTotal = more.reduce((sum, [, count]) => sum + count, 0);

  return (
    <section aria-labelledby="today-title">
      <header className="page-header">
        <h1 id="today-title">Today</h1>
        <p className="muted">
          {data.today}
          {flat.length > 0 ? ` · ${flat.length} ${flat.length === 1 ? 'thing' : 'things'} to do` : ''}
          <button
            type="button"
            className="link"
            onClick={() => setHelp(true)}
            aria-label="Keyboard shortcuts"
          >
            Keys: ?
          </button>
        </p>
      </header>
      {failure && (
        <div className="notice error" role="alert">
          {failure}
        </div>
      )}
      {data.nothingImported ? (
        <div className="notice">
          Nothing imported yet: run <code>tend import PATH</code> with your LinkedIn export, or{' '}
          <code>tend demo --serve</code> to look around.
        </div>
      ) : flat.length === 0 ? (
        <div className="empty" role="status">
          <h2>All caught up</h2>
          <p className="muted">Nothing needs you today.</p>
        </div>
      ) : (
        groups.map((group) => (
          <section key={group.kind} className="group" aria-label={KIND_TITLES[group.kind]}>
            <h2 className={`kind kind-${group.kind}`}>
              {KIND_TITLES[group.kind]} <span className="count">{group.items.length}</span>
            </h2>
            <ul className="items">
              {group.items.map((item) => (
                <AgendaCard
                  key={item.id}
                  item={item}
                  today={data.today}
                  selected={current?.id === item.id}
                  snoozing={snoozing === item.id}
                  onSelect={() => setSelected(flat.indexOf(item))}
                  onMark={(how, until) => void mark(item, how, until)}
                  onSnoozeMenu={(open) => setSnoozing(open ? item.id : null)}
                />
              ))}
            </ul>
          </section>
        ))
      )}
      {!all && moreTotal > 0 && (
        <p className="more">
          and {moreTotal} more ({more.map(([kind, count]) => `${count} ${kind}`).join(', ')}){' '}
          <button type="button" className="link" onClick={() => setAll(true)}>
            Show more
          </button>
        </p>
      )}
      {toast && (
        <div className="toast" role="status">
          <span>{toast.text}</span>
          {toast.undo && (
            <button type="button" className="small" onClick={() => void undo()}>
              Undo
            </button>
          )}
          <button type="button" className="small" aria-label="Close" onClick={() => setToast(null)}>
            ×
          </button>
        </div>
      )}
      {help && <KeyboardHelp onClose={() => setHelp(false)} />}
    </section>
  );
}

function KeyboardHelp({ onClose }: { onClose: () => void }) {
  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="keys-title"
        onClick={(event) => event.stopPropagation()}
      >
        <h2 id="keys-title">Keyboard</h2>
        <dl className="keys">
          <dt>j / k</dt>
          <dd>next / previous item</dd>
          <dt>d</dt>
          <dd>done (logs a message)</dd>
          <dt>s</dt>
          <dd>snooze: pick when, Enter</dd>
          <dt>x</dt>
          <dd>dismiss</dd>
          <dt>?</dt>
          <dd>this help</dd>
          <dt>Esc</dt>
          <dd>close</dd>
        </dl>
        <button type="button" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </div>
  );
}
