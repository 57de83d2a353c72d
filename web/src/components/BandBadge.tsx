import type { Band } from '../api';

export function BandBadge({ band, strength }: { band: Band | null; strength?: number | null }) {
  if (band === null) return null;
  return (
    <span className={`band band-${band}`} title={`tie strength ${strength ?? ''} (${band})`}>
      {strength !== undefined && strength !== null ? `${strength} ` : ''}
      {band}
    </span>
  );
}
