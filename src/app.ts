import type { AppConfig } from './config.js';
import { createAgendaActionsService } from './services/agenda-actions.service.js';
import { createAgendaService } from './services/agenda.service.js';
import { isReadOnlyDatabase, prepareDataFolder } from './services/data-folder.js';
import { createHealthService } from './services/health.service.js';
import { createHealthHistoryService } from './services/health-history.service.js';
import { createFeedKeys } from './services/feed-key.js';
import { createImportService } from './services/import.service.js';
import { createKnownTiesService } from './services/known-ties.service.js';
import { createPathService } from './services/path.service.js';
import { createIntroductionService } from './services/introduction.service.js';
import { createPersonEditingService } from './services/person-editing.service.js';
import { createPersonMergeService } from './services/person-merge.service.js';
import { createDataExportService } from './services/data-export.service.js';
import { createPruneService } from './services/prune.service.js';
import { createRelationshipService } from './services/relationship.service.js';
import { createTriageService } from './services/triage.service.js';
import { createPeopleService } from './services/people.service.js';
import { createPeopleQuery } from './services/people-query.js';
import { createSegmentService } from './services/segment.service.js';
import { createOutreachSendService } from './services/outreach-send.service.js';
import { createOutreachService } from './services/outreach.service.js';
import { createInvitationNoteService } from './services/invitation-note.service.js';
import { createPersonProfileService } from './services/person-profile.service.js';
import { createSampleNetworkService } from './services/sample-network.service.js';
import { createSettingsService } from './services/settings.service.js';
import { createUploadInbox } from './services/upload-inbox.js';
import { readDataVersion } from './store/data-version.js';
import { openStore } from './store/store.js';

/**
 * The one composition root: CLI commands, HTTP routes and tests all get their services from here, so they
 * cannot drift apart. Opening makes the data folder private and runs the migrations.
 */
export async function createApp(
  config: AppConfig,
  hooks: { notice?: (line: string) => void; clock?: () => number; keepPeople?: boolean } = {},
) {
  prepareDataFolder(config.dataDir, hooks.notice);
  const settings = createSettingsService(config.dataDir);
  const location = config.store;
  const readOnly = location.dialect === 'sqlite' && isReadOnlyDatabase(location.file);
  const store = await openStore(readOnly ? { ...location, readOnly } : location);
  // The CLI answers as of one instant; `tend serve` runs for days, so it passes the real clock (unless --now).
  const clock = hooks.clock ?? (() => config.now);
  const relationships = createRelationshipService({ store, settings, recompute: config.recompute });
  const people = createPeopleService(store, {
    query: createPeopleQuery({ store, relationships, settings, keep: hooks.keepPeople }),
    clock,
    phoneRegion: () => settings.list()['phone-region'] ?? null,
  });
  const triage = createTriageService({ store, relationships, clock });
  const imports = createImportService({
    store,
    settings,
    clock,
    dataDir: config.dataDir,
    relationships,
    parserThread: config.parserThread,
  });
  const introductions = createIntroductionService({ store, people, relationships, settings, clock });
  const agenda = createAgendaService({
    store,
    relationships,
    settings,
    contributions: () => ({
      verdicts: async (view, invitations, facts) =>
        new Map(
          (await triage.pending(view.now, { view, invitations, facts })).map((entry) => [
            entry.invitation.id,
            { verdict: entry.result.verdict, reason: entry.result.reasons.at(-1) ?? '' },
          ]),
        ),
      items: (now) => introductions.agendaItems(now),
    }),
  });
  const health = createHealthService({ store, relationships });
  const healthHistory = createHealthHistoryService({ store, health, settings, readOnly });
  return {
    config,
    clock,
    store,
    settings,
    people,
    segments: createSegmentService({ store }),
    outreach: createOutreachService({ store, people, relationships, settings }),
    outreachSend: createOutreachSendService({
      store,
      settings,
      relationships,
      clock,
      password: config.smtpPassword,
    }),
    profiles: createPersonProfileService({ people, relationships, agenda }),
    imports,
    uploads: createUploadInbox(config.dataDir),
    feedKeys: createFeedKeys(config.dataDir),
    relationships,
    agenda,
    agendaActions: createAgendaActionsService({ store, agenda, relationships, settings, clock }),
    editing: createPersonEditingService({ store, people, relationships, settings, clock }),
    prune: createPruneService({ store, people, relationships, clock }),
    merges: createPersonMergeService({ store, people, relationships, clock }),
    exports: createDataExportService({ store, relationships, clock }),
    health,
    healthHistory,
    triage,
    invitationNotes: createInvitationNoteService({ store, people, settings, clock }),
    introductions,
    paths: createPathService({ store, people, relationships, settings }),
    knownTies: createKnownTiesService({ store, people, relationships, clock }),
    sample: createSampleNetworkService({ store, imports, relationships, clock, healthHistory }),
    /** Changes whenever the stored data may have (any connection's commit); null: no such signal. */
    dataVersion: () => readDataVersion(store),
    close: () => store.close(),
  };
}

export type App = Awaited<ReturnType<typeof createApp>>;
