import type { Health, HealthHistory } from '../api';
import { ErrorNote, Loading } from '../components/Feedback';
import { TrendChart } from '../components/TrendChart';
import { useApi } from '../use-api';
import { PruneSection } from './PruneSection';

const percent = (value: number | null) => (value === null ? 'n/a' : `${Math.round(value * 100)}%`);

function Bars({ title, counts }: { title: string; counts: Record<string, number> }) {
  const entries = Object.entries(counts);
  const largest = Math.max(1, ...entries.map(([, count]) => count));
  return (
    <figure className="bars">
      <figcaption>{title}</figcaption>
      {entries.length === 0 ? (
        <p className="muted">none yet</p>
      ) : (
        <dl>
          {entries.map(([name, count]) => (
            <div key={name} className="bar-row">
              <dt>{name}</dt>
              <dd>
                <meter min={0} max={largest} value={count} aria-label={`${name}: ${count}`} />
                <span>{count}</span>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </figure>
  );
}

const BANDS = ['strong', 'medium', 'weak', 'dormant', 'none'] as const;
const count = (value: number) => String(Math.round(value));

/** The figures over the days tend ran (one snapshot a day): depth and follow-up, bands, give/ask. */
function History({ history }: { history: HealthHistory }) {
  const points = history.points;
  if (points.length < 2)
    return (
      <p className="muted">
        Charts over time appear from the second day you use tend: each day keeps a snapshot of these figures.
      </p>
    );
  const days = points.map((point) => point.day);
  const of = (pick: (figures: Health) => number | null) => points.map((point) => pick(point.figures));
  return (
    <section aria-labelledby="history-title" className="history">
      <h2 id="history-title">Over time</h2>
      <div className="trends">
        <TrendChart
          title="Depth and follow-up rate"
          days={days}
          max={1}
          format={percent}
          series={[
            { name: 'depth', className: 'series-depth', values: of((f) => f.depth) },
            { name: 'follow-up rate', className: 'series-follow-up', values: of((f) => f.followUpRate) },
          ]}
        />
        <TrendChart
          title="Strength bands of your connections"
          days={days}
          stacked
          format={count}
          series={BANDS.map((band) => ({
            name: band,
            className: `series-${band}`,
            values: of((f) => f.bands[band] ?? 0),
          }))}
        />
        <TrendChart
          title="Given and received"
          days={days}
          format={count}
          series={[
            { name: 'given', className: 'series-given', values: of((f) => f.giveAsk.given) },
            { name: 'received', className: 'series-received', values: of((f) => f.giveAsk.received) },
          ]}
        />
        <TrendChart
          title="Connections and conversations"
          days={days}
          format={count}
          series={[
            { name: 'connections', className: 'series-connections', values: of((f) => f.connections) },
            { name: 'conversed', className: 'series-conversed', values: of((f) => f.conversed) },
          ]}
        />
      </div>
    </section>
  );
}

/** Network health: depth first (quality over quantity), then follow-up, bands, circles and give/ask. */
export function HealthPage() {
  const health = useApi<Health>('/api/health');
  const history = useApi<HealthHistory>('/api/health/history?days=365');
  if (health.error) return <ErrorNote error={health.error} />;
  if (!health.data) return <Loading />;
  const data = health.data;
  return (
    <section aria-labelledby="health-title">
      <header className="page-header">
        <h1 id="health-title">Health</h1>
        {data.dataAsOf && <p className="muted">data as of {data.dataAsOf.slice(0, 10)}</p>}
      </header>
      <div className="figures">
        <div className="figure">
          <span className="big">{percent(data.depth)}</span>
          <span>
            depth: {data.conversed} of {data.connections} connections had a two-way conversation with you
          </span>
        </div>
        <div className="figure">
          <span className="big">{percent(data.followUpRate)}</span>
          <span>
            follow-up rate: {data.followedUp} of {data.newConnections} new connections got a message within 7
            days
          </span>
        </div>
        <div className="figure">
          <span className="big">
            {data.giveAsk.given}:{data.giveAsk.received}
          </span>
          <span>given : received ({data.giveAsk.introductions} introductions made)</span>
        </div>
        <div className="figure">
          <span className="big">{data.pendingInvitations}</span>
          <span>invitations waiting</span>
        </div>
      </div>
      <Bars title={`Strength bands of your ${data.connections} connections`} counts={data.bands} />
      <Bars title="Circles" counts={data.circles} />
      {history.error ? (
        <ErrorNote error={history.error} />
      ) : (
        history.data && <History history={history.data} />
      )}
      <PruneSection />
    </section>
  );
}
