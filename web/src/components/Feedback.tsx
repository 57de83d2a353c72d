import type { ApiError } from '../api';

/** What went wrong, said plainly; a missing session says how to sign in. */
export function ErrorNote({ error }: { error: ApiError }) {
  if (error.status === 401)
    return (
      <div className="notice" role="alert">
        <h2>Not signed in</h2>
        <p>
          Open the link that <code>tend serve</code> printed in your terminal. Each link signs in once; stop
          the server with Ctrl-C and start it again for a new one.
        </p>
      </div>
    );
  return (
    <div className="notice error" role="alert">
      {error.message}
    </div>
  );
}

export function Loading() {
  return (
    <p className="muted" aria-live="polite">
      Loading…
    </p>
  );
}
