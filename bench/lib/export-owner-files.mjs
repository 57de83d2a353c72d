// The owner's own files: Profile.csv, Positions.csv and Education.csv (tend reads them), and Skills.csv and
// Learning.csv (tend ignores them, so the import report has ignored files to list, as with a real export).
import { openCsvFile } from './csv-file-writer.mjs';
import { DAY_MS, EXPORT_END, formatLearningDate, formatMonthYear } from './export-dates.mjs';
import { OWNER, OWNER_POSITIONS } from './export-people.mjs';
import { SCHOOLS, SKILLS } from './export-vocabulary.mjs';

function writeFile(path, header, rows) {
  const file = openCsvFile(path);
  file.writeRow(header);
  for (const row of rows) file.writeRow(row);
  return file.close();
}

export function writeProfileFile(path) {
  return writeFile(
    path,
    [
      'First Name',
      'Last Name',
      'Maiden Name',
      'Address',
      'Birth Date',
      'Headline',
      'Summary',
      'Industry',
      'Zip Code',
      'Geo Location',
      'Twitter Handles',
      'Websites',
      'Instant Messengers',
    ],
    [
      [
        OWNER.firstName,
        OWNER.lastName,
        '',
        '',
        '',
        'Head of Product at Northwind Health · discovery, pricing and products for regulated care',
        'I build products for patients and clinicians. Before Northwind Health I led pricing at Brightloop, and I co-organise the Stockholm Product Breakfast.',
        'Software Development',
        '',
        'Stockholm, Stockholm County, Sweden',
        '',
        '[PORTFOLIO:alexowner.example.com]',
        '',
      ],
    ],
  );
}

export function writePositionsFile(path) {
  return writeFile(
    path,
    ['Company Name', 'Title', 'Description', 'Location', 'Started On', 'Finished On'],
    OWNER_POSITIONS.map((position) => [
      position.company,
      position.title,
      `${position.title} at ${position.company}: discovery, roadmaps and launches.`,
      'Stockholm, Sweden',
      formatMonthYear(...position.from),
      position.to ? formatMonthYear(...position.to) : '',
    ]),
  );
}

export function writeEducationFile(path) {
  return writeFile(
    path,
    ['School Name', 'Start Date', 'End Date', 'Notes', 'Degree Name', 'Activities'],
    [
      [SCHOOLS[1], 'Sep 2019', 'Nov 2019', '', 'Executive Education, Pricing Strategy', ''],
      [
        SCHOOLS[0],
        '2007',
        '2012',
        '',
        'Master of Science, Industrial Engineering and Management',
        'Product Society; orienteering club',
      ],
    ],
  );
}

export function writeSkillsFile(path) {
  return writeFile(
    path,
    ['Name'],
    SKILLS.map((skill) => [skill]),
  );
}

/** Learning.csv has a trailing comma in its header and rows (an empty 8th column), and CRLF in one field. */
export function writeLearningFile(path) {
  const file = openCsvFile(path);
  file.writeLine(
    'Content Title,Content Description,Content Type,Content Last Watched Date (if viewed),Content Completed At (if completed),Content Saved,Notes taken on videos (if taken),',
  );
  const courses = [
    [
      'Pricing Strategy for SaaS',
      'Value metrics, packaging and price tests.\r\nIncludes a worksheet.',
      'Course',
    ],
    ['Product Discovery Fundamentals', 'Interviews, assumptions and experiments.', 'Course'],
    ['Leading Without Authority', 'Influence, alignment and stakeholder maps.', 'Video'],
    ['SQL for Product Managers', 'Queries for funnels, cohorts and retention.', 'Course'],
    ['Healthcare Regulation Basics', 'MDR, HIPAA and GDPR for product teams.', 'Course'],
  ];
  courses.forEach(([title, description, type], index) => {
    const watched = EXPORT_END - (40 + index * 97) * DAY_MS;
    file.writeRow([
      title,
      description,
      type,
      formatLearningDate(watched),
      index % 2 === 0 ? formatLearningDate(watched + 3 * DAY_MS) : 'N/A',
      index === 3 ? 'true' : 'false',
      '',
      '',
    ]);
  });
  return file.close();
}
