import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError, type PeoplePage as Page, type PersonRow } from '../api';
import { BandBadge } from '../components/BandBadge';
import { ErrorNote } from '../components/Feedback';
import { Link, navigate, useLocation } from '../router';

type SortKey = 'name' | 'company' | 'strength' | 'band' | 'last';

const COLUMNS: Array<{ key: SortKey; label: string; className: string }> = [
  { key: 'name', label: 'Name', className: 'c-name' },
  { key: 'company', label: 'Company', className: 'c-company' },
  { key: 'strength', label: 'Score', className: 'c-strength' },
  { key: 'band', label: 'Band', className: 'c-band' },
  { key: 'last', label: 'Last contact', className: 'c-last' },
];

const BAND_ORDER: Record<string, number> = { strong: 4, medium: 3, weak: 2, dormant: 1, none: 0 };
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function compare(key: SortKey, a: PersonRow, b: PersonRow): number {
  switch (key) {
    case 'name':
      return collator.compare(a.name, b.name);
    case 'company':
      return collator.compare(a.company ?? '\uffff', b.company ?? '\uffff');
    case 'strength':
      return (a.strength ?? -1) - (b.strength ?? -1);
    case 'band':
      return (
        (BAND_ORDER[a.band ?? 'none'] ?? 0) - (BAND_ORDER[b.band ?? 'none'] ?? 0) ||
        (a.strength ?? 0) - (b.strength ?? 0)
      );
    case 'last':
      return (a.lastInteractionAt ?? '').localeCompare(b.lastInteractionAt ?? '');
  }
}

const ROW_HEIGHT = 52;
const FIRST_ROWS = 100;
const MORE_ROWS = 5_000;

interface Loaded {
  query: string;
  people: PersonRow[];
  total: number;
  complete: boolean;
}

/**
 * The query's people page by page: the first 100 on their own (they show at once), then the rest in pages of
 * 5,000 in the background (30,000 rows are 5 MB of JSON), each page shown as it comes.
 */
function usePeoplePages(query: string): { loaded: Loaded | null; error: ApiError | null } {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let current = true;
    const base = `/api/people?q=${encodeURIComponent(query)}`;
    void (async () => {
      let people: PersonRow[] = [];
      let cursor: string | null = null;
      do {
        const limit = cursor === null ? FIRST_ROWS : MORE_ROWS;
        const page: Page = await api.get<Page>(`${base}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
        if (!current) return;
        people = cursor === null ? page.people : people.concat(page.people);
        setLoaded({ query, people, total: page.total, complete: page.next === null });
        setError(null);
        cursor = page.next;
      } while (cursor !== null);
    })().catch((reason: unknown) => {
      if (current) setError(reason instanceof ApiError ? reason : new ApiError(0, 'network', String(reason)));
    });
    return () => {
      current = false;
    };
  }, [query]);
  return { loaded, error };
}

/**
 * Everyone, or those the query finds (the query language of `tend people`, answered by the same service),
 * sortable by each column; only the rows in view are in the page, so 30,000 scroll as smoothly as 30. Rows
 * still loading hold their place (the scrollbar is the whole list's) until their page arrives.
 */
export function PeoplePage() {
  const { search } = useLocation();
  const [text, setText] = useState(search.get('q') ?? '');
  const query = useDeferredValue(text.trim());
  const [debounced, setDebounced] = useState(query);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(query), 200);
    return () => clearTimeout(timer);
  }, [query]);
  useEffect(() => {
    history.replaceState(null, '', debounced ? `/people?q=${encodeURIComponent(debounced)}` : '/people');
  }, [debounced]);
  const { loaded, error } = usePeoplePages(debounced);
  // Until this query's rows are all in, the table says it is busy (the last query's rows may still show).
  const current = loaded?.query === debounced && loaded.complete;
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'name', descending: false });
  const rows = useMemo(() => {
    const list = [...(loaded?.people ?? [])];
    if (sort.key !== 'name' || sort.descending)
      list.sort((a, b) => (sort.descending ? -1 : 1) * compare(sort.key, a, b) || a.id - b.id);
    return list;
  }, [loaded, sort]);
  const total = loaded?.total ?? 0;

  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: Math.max(total, rows.length),
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });

  const sortBy = (key: SortKey) =>
    setSort((current) =>
      current.key === key
        ? { key, descending: !current.descending }
        : { key, descending: key === 'strength' || key === 'band' || key === 'last' },
    );

  return (
    <section aria-labelledby="people-title" className="people">
      <header className="page-header">
        <h1 id="people-title">People</h1>
        <form role="search" onSubmit={(event) => event.preventDefault()}>
          <input
            type="search"
            className="query"
            aria-label="Search people"
            placeholder='Search: name, company:acme, title:"product manager", strength:>40'
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </form>
        <p className="muted" aria-live="polite">
          {loaded ? `${total} ${total === 1 ? 'person' : 'people'}` : 'Loading…'}
        </p>
      </header>
      {error && <ErrorNote error={error} />}
      <div className="table" role="table" aria-label="People" aria-rowcount={total + 1} aria-busy={!current}>
        <div className="row head" role="row">
          {COLUMNS.map((column) => (
            <div
              key={column.key}
              role="columnheader"
              className={column.className}
              aria-sort={sort.key === column.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
            >
              <button type="button" className="sort" onClick={() => sortBy(column.key)}>
                {column.label}
                {sort.key === column.key ? (sort.descending ? ' ↓' : ' ↑') : ''}
              </button>
            </div>
          ))}
        </div>
        <div className="scroller" ref={scroller}>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((virtual) => {
              const person = rows[virtual.index];
              if (!person)
                return (
                  <div
                    key={`loading-${virtual.index}`}
                    aria-hidden="true"
                    className="row loading muted"
                    style={{ transform: `translateY(${virtual.start}px)`, height: ROW_HEIGHT }}
                  >
                    …
                  </div>
                );
              return (
                <div
                  key={person.id}
                  role="row"
                  className="row"
                  aria-rowindex={virtual.index + 2}
                  style={{ transform: `translateY(${virtual.start}px)`, height: ROW_HEIGHT }}
                  onClick={(event) => {
                    if ((event.target as HTMLElement).closest('a')) return;
                    navigate(`/people/${person.id}`);
                  }}
                >
                  <div role="cell" className="c-name">
                    <Link to={`/people/${person.id}`}>{person.name}</Link>
                    {person.position && <span className="sub">{person.position}</span>}
                  </div>
                  <div role="cell" className="c-company">
                    {person.company ?? ''}
                  </div>
                  <div role="cell" className="c-strength">
                    {person.strength ?? ''}
                  </div>
                  <div role="cell" className="c-band">
                    <BandBadge band={person.band} />
                  </div>
                  <div role="cell" className="c-last">
                    {person.lastInteractionAt?.slice(0, 10) ?? ''}
                  </div>
                </div>
              );
            })}
          </div>
        </div>
        {current && rows.length === 0 && (
          <p className="empty muted">{debounced ? `No one matches “${debounced}”.` : 'No people yet.'}</p>
        )}
      </div>
    </section>
  );
}
