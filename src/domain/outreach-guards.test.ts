import { describe, expect, it } from 'vitest';
import { nearDuplicateBodies, NEAR_DUPLICATE_THRESHOLD, personalLineProblems } from './outreach-guards.js';
import { missingFields, parseOutreachTemplate, renderOutreach } from './outreach-template.js';

const TEMPLATE =
  'Hi {{first-name}}, we are gathering product and clinical people from health companies across the Nordics ' +
  'for a small pricing roundtable in Stockholm on the second Thursday of next month, hosted at our office near ' +
  'Slussen, with a short talk on willingness to pay, an open discussion and dinner afterwards. Places are ' +
  'limited to twelve so that everyone gets to speak. {{personal}} Best, Alex';

describe('compose templates and guards', () => {
  it('render fields with fallbacks, and name the fields a recipient lacks', () => {
    const template = parseOutreachTemplate(
      'Subject: For {{company|your team}}\n\nHi {{first-name}}, {{personal}}',
      't',
    );
    expect(template.required).toEqual(['first-name']);
    expect(missingFields(template, { 'first-name': ' ' })).toEqual(['first-name']);
    expect(renderOutreach(template, { 'first-name': 'Ada', company: null }, ' Loved the talk. ')).toEqual({
      subject: 'For your team',
      body: 'Hi Ada, Loved the talk.',
    });
  });

  it('flag empty lines and lines the same as another recipient’s, whatever their case and accents', () => {
    expect(
      personalLineProblems([
        { personId: 1, name: 'A', line: 'Loved your talk at Café Nord!' },
        { personId: 2, name: 'B', line: '  ' },
        { personId: 3, name: 'C', line: 'loved your talk at cafe nord' },
      ]),
    ).toEqual([
      { kind: 'empty', personId: 2, name: 'B' },
      { kind: 'same', personId: 3, name: 'C', sameAs: { personId: 1, name: 'A' } },
    ]);
  });

  it(`call bodies near-duplicates at ${NEAR_DUPLICATE_THRESHOLD}: three-word lines are, real sentences are not`, () => {
    const template = parseOutreachTemplate(TEMPLATE, 't');
    const body = (name: string, line: string) => renderOutreach(template, { 'first-name': name }, line).body;
    const short = nearDuplicateBodies([body('Ada', 'Hope you can come!'), body('Bo', 'Would be great!')]);
    expect(short).toHaveLength(1);
    expect(short[0]?.similarity).toBeGreaterThan(0.7);
    const own = nearDuplicateBodies([
      body(
        'Ada',
        'Your question at the Oslo meetup about annual plans for clinics is exactly what we will discuss.',
      ),
      body(
        'Bo',
        'After your pilot with the three regions in Skåne you know pricing to public buyers better than anyone.',
      ),
    ]);
    expect(own).toEqual([]);
  });
});
