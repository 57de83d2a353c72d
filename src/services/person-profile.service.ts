import { CADENCE_DAYS, relationshipState } from '../domain/cadence.js';
import { addDays, calendarDaysBetween, toLocalDate } from '../domain/time.js';
import type { AgendaService } from './agenda.service.js';
import type { PeopleService } from './people.service.js';
import type { RelationshipService } from './relationship.service.js';

/**
 * `tend show`: one person as of `now` — details, strength with reasons, state, the keep-in-touch due date and
 * the timeline, and their open agenda items.
 */
export function createPersonProfileService(deps: {
  people: PeopleService;
  relationships: RelationshipService;
  agenda: AgendaService;
}) {
  return {
    async profile(ref: string, now: number) {
      const details = await deps.people.details(ref);
      const { person } = details;
      const view = await deps.relationships.view(now);
      const zone = view.zone;
      const facts = (await view.facts([person.id])).get(person.id);
      const strength = view.score(person, facts);
      const lastExchange = facts?.lastExchangeAt ?? null;
      const state = relationshipState({
        circle: person.circle,
        archived: person.archivedAt !== null,
        daysSinceExchange: lastExchange === null ? null : calendarDaysBetween(lastExchange, now, zone),
        daysSinceConnected:
          person.connectedAt === null ? null : calendarDaysBetween(person.connectedAt, now, zone),
      });
      const cadence = person.circle ? CADENCE_DAYS[person.circle] : null;
      const base = lastExchange ?? person.connectedAt;
      const keepInTouchDue =
        cadence !== null && base !== null ? addDays(toLocalDate(base, zone), cadence) : null;
      const timeline = details.timeline.filter((interaction) => interaction.at <= now);
      const last = timeline.find((interaction) => !interaction.skippedReason);
      // What now: their open items (due or not), with the ids `done`, `snooze` and `dismiss` take.
      const agenda = await deps.agenda.forPerson(person.id, now);
      return { details, strength, state, keepInTouchDue, timeline, last, zone, agenda };
    },
  };
}

export type PersonProfileService = ReturnType<typeof createPersonProfileService>;
