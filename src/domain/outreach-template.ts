import { AppError } from './errors.js';

/**
 * Compose templates (docs/rules/segments.md#compose): the message's text with fields in double braces —
 * `{{first-name}}`, `{{company|your team}}` (a fallback after `|`) — and `{{personal}}`, where the line the
 * user writes for each recipient goes. An optional first line `Subject: …` is the e-mail's subject.
 */
export const TEMPLATE_FIELDS = [
  'first-name',
  'last-name',
  'name',
  'company',
  'position',
  'headline',
  'location',
  'how-met',
  'last-topic',
  'needs',
  'offers',
  'goals',
  'personal',
] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

export type TemplatePart = { text: string } | { field: TemplateField; fallback: string | null };

export interface OutreachTemplate {
  subject: TemplatePart[] | null;
  body: TemplatePart[];
  /** The fields used without a fallback: a recipient without one of them is an error naming them. */
  required: TemplateField[];
}

const FIELD = /\{\{\s*([^{}|]*?)\s*(?:\|([^{}]*))?\}\}/g;

function partsOf(text: string, file: string, firstLine: number): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of text.matchAll(FIELD)) {
    const index = match.index;
    if (index > last) parts.push({ text: text.slice(last, index) });
    const name = (match[1] ?? '').toLowerCase();
    if (!(TEMPLATE_FIELDS as readonly string[]).includes(name)) {
      const line = firstLine + text.slice(0, index).split('\n').length - 1;
      throw new AppError(
        'bad-input',
        `${file} line ${line}: unknown field {{${match[1] ?? ''}}}: use one of ${TEMPLATE_FIELDS.map((field) => `{{${field}}}`).join(' ')}`,
      );
    }
    parts.push({ field: name as TemplateField, fallback: match[2] === undefined ? null : match[2].trim() });
    last = index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** Reads a template; `file` names it in errors (its line numbers are the file's). */
export function parseOutreachTemplate(source: string, file: string): OutreachTemplate {
  const text = source.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const subjectMatch = /^subject:[ \t]*(.*)\n/i.exec(text);
  const bodyText = (subjectMatch ? text.slice(subjectMatch[0].length) : text).replace(/^\n+/, '').trimEnd();
  const bodyLine = subjectMatch ? 1 + text.slice(subjectMatch[0].length).match(/^\n*/)![0].length + 1 : 1;
  if (bodyText.trim().length === 0)
    throw new AppError('bad-input', `${file}: the template has no message text`);
  const subject = subjectMatch ? partsOf(subjectMatch[1] ?? '', file, 1) : null;
  const body = partsOf(bodyText, file, bodyLine);
  if (!body.some((part) => 'field' in part && part.field === 'personal'))
    throw new AppError(
      'bad-input',
      `${file}: the template has no {{personal}}: put it where the line you write for each person goes (a message the same for everyone is refused)`,
    );
  const required = new Set<TemplateField>();
  for (const part of [...(subject ?? []), ...body])
    if ('field' in part && part.fallback === null && part.field !== 'personal') required.add(part.field);
  return { subject, body, required: [...required] };
}

export type FieldValues = Partial<Record<Exclude<TemplateField, 'personal'>, string | null>>;

/** The fields of `template` this recipient has no value for (and no fallback covers). */
export function missingFields(template: OutreachTemplate, values: FieldValues): TemplateField[] {
  return template.required.filter((field) => {
    const value = field === 'personal' ? null : values[field];
    return value === null || value === undefined || value.trim() === '';
  });
}

function renderParts(parts: readonly TemplatePart[], values: FieldValues, personal: string): string {
  return parts
    .map((part) => {
      if ('text' in part) return part.text;
      if (part.field === 'personal') return personal.trim();
      const value = values[part.field]?.trim();
      return value ? value : (part.fallback ?? '');
    })
    .join('');
}

export function renderOutreach(
  template: OutreachTemplate,
  values: FieldValues,
  personal: string,
): { subject: string | null; body: string } {
  return {
    subject: template.subject ? renderParts(template.subject, values, personal).trim() : null,
    body: renderParts(template.body, values, personal),
  };
}
