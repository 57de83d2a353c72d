import type { AppConfig } from './config.js';
import { createImportService } from './services/import.service.js';
import { createPeopleService } from './services/people.service.js';
import { createSampleNetworkService } from './services/sample-network.service.js';
import { createSettingsService } from './services/settings.service.js';
import { openStore } from './store/store.js';

/**
 * The one composition root: CLI commands, HTTP routes and tests all get their services from here, so they
 * cannot drift apart. Opening runs the migrations.
 */
export async function createApp(config: AppConfig) {
  const settings = createSettingsService(config.dataDir);
  const store = await openStore(config.store);
  const clock = () => config.now;
  const imports = createImportService({ store, settings, clock, dataDir: config.dataDir });
  return {
    config,
    store,
    settings,
    people: createPeopleService(store),
    imports,
    sample: createSampleNetworkService({ store, imports, clock }),
    close: () => store.close(),
  };
}

export type App = Awaited<ReturnType<typeof createApp>>;
