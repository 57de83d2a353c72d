export interface TrendSeries {
  name: string;
  /** A class from styles.css (`series-strong`, `series-depth`…): colours follow light and dark. */
  className: string;
  values: Array<number | null>;
}

interface TrendChartProps {
  title: string;
  /** YYYY-MM-DD, oldest first, one per value of each series. */
  days: string[];
  series: TrendSeries[];
  format: (value: number) => string;
  /** Columns stacked per day (counts that add up: bands); otherwise one line per series. */
  stacked?: boolean;
  /** The top of the scale (1 for rates); otherwise the largest value. */
  max?: number;
}

const WIDTH = 600;
const HEIGHT = 160;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/**
 * A small chart of the daily health snapshots, drawn as SVG (no chart library: the page's JS budget,
 * docs/PERFORMANCE.md). Days are placed by date, so a gap in the snapshots shows as one; the same figures
 * are in a table for screen readers.
 */
export function TrendChart({ title, days, series, format, stacked = false, max }: TrendChartProps) {
  const first = dayNumber(days[0] ?? '1970-01-01');
  const span = Math.max(1, dayNumber(days.at(-1) ?? '1970-01-01') - first);
  const totals = days.map((_, index) => series.reduce((sum, entry) => sum + (entry.values[index] ?? 0), 0));
  const largest = stacked
    ? Math.max(1, ...totals)
    : Math.max(max ?? 1, ...series.flatMap((entry) => entry.values.map((value) => value ?? 0)));
  const top = max ?? largest;
  const column = Math.max(3, Math.min(24, (WIDTH / Math.max(1, days.length)) * 0.6));
  const x = (index: number) =>
    days.length === 1
      ? WIDTH / 2
      : column / 2 + ((dayNumber(days[index]!) - first) / span) * (WIDTH - column);
  const y = (value: number) => HEIGHT - (value / top) * HEIGHT;
  return (
    <figure className="trend">
      <figcaption>{title}</figcaption>
      <div className="trend-plot">
        <span className="trend-top muted" aria-hidden="true">
          {format(top)}
        </span>
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          preserveAspectRatio="none"
          role="img"
          aria-label={`${title}, ${days.length} days from ${days[0]} to ${days.at(-1)}`}
        >
          <line className="trend-axis" x1={0} x2={WIDTH} y1={HEIGHT} y2={HEIGHT} />
          {stacked
            ? days.map((day, index) => {
                let base = 0;
                return series.map((entry) => {
                  const value = entry.values[index] ?? 0;
                  const rect = (
                    <rect
                      key={`${day}-${entry.name}`}
                      className={entry.className}
                      x={x(index) - column / 2}
                      width={column}
                      y={y(base + value)}
                      height={HEIGHT - y(value)}
                    />
                  );
                  base += value;
                  return rect;
                });
              })
            : series.map((entry) => {
                const points = entry.values
                  .map((value, index) => (value === null ? null : `${x(index)},${y(value)}`))
                  .filter((point): point is string => point !== null);
                return points.length === 1 ? (
                  <circle
                    key={entry.name}
                    className={`${entry.className} dot`}
                    cx={points[0]!.split(',')[0]}
                    cy={points[0]!.split(',')[1]}
                    r={4}
                  />
                ) : (
                  <polyline
                    key={entry.name}
                    className={`${entry.className} line`}
                    points={points.join(' ')}
                    vectorEffect="non-scaling-stroke"
                  />
                );
              })}
        </svg>
        <div className="trend-days muted" aria-hidden="true">
          <span>{days[0]}</span>
          <span>{days.at(-1)}</span>
        </div>
      </div>
      <ul className="legend" aria-hidden="true">
        {series.map((entry) => {
          const last = entry.values.at(-1);
          return (
            <li key={entry.name}>
              <span className={`swatch ${entry.className}`} />
              {entry.name}
              {last !== null && last !== undefined ? `: ${format(last)}` : ''}
            </li>
          );
        })}
      </ul>
      {/* In a box of its own: a table is never narrower than its cells, so it cannot be the 1 px box. */}
      <div className="visually-hidden">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">day</th>
              {series.map((entry) => (
                <th key={entry.name} scope="col">
                  {entry.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((day, index) => (
              <tr key={day}>
                <th scope="row">{day}</th>
                {series.map((entry) => {
                  const value = entry.values[index];
                  return (
                    <td key={entry.name}>{value === null || value === undefined ? '—' : format(value)}</td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
