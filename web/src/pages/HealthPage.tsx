import type { Health } from '../api';
import { ErrorNote, Loading } from '../components/Feedback';
import { useApi } from '../use-api';

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

/** Network health: depth first (quality over quantity), then follow-up, bands, circles and give/ask. */
export function HealthPage() {
  const health = useApi<Health>('/api/health');
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
      <Bars title="Strength bands" counts={data.bands} />
      <Bars title="Circles" counts={data.circles} />
    </section>
  );
}
