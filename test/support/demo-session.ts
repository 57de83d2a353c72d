import { createApp } from '../../src/app.js';
import { resolveConfig } from '../../src/config.js';
import { tempDataDir } from './cli-harness.js';
import { tendSession, type TendSession } from './linkedin-fixtures.js';

/**
 * The sample network (`tend demo`'s) loaded into a fresh data folder as of `today`, with the CLI bound to
 * it and its clock at 09:00 UTC that day, as the demo's owner would use it.
 */
export async function demoSession(today = '2026-01-15'): Promise<TendSession> {
  const data = tempDataDir();
  const now = `${today}T09:00:00Z`;
  const app = await createApp(resolveConfig({ data, now }, {}));
  try {
    app.settings.set('timezone', 'UTC');
    await app.sample.load(data, today);
  } finally {
    await app.close();
  }
  return tendSession(now, data);
}
