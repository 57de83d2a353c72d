// Word lists for the synthetic LinkedIn export: names (some accented, a few with a comma-free suffix or a
// quoted nickname), companies (some with commas, which forces CSV quoting), titles, skills, schools and the
// vocabulary messages are made of. Synthetic: no real person's data.

/** Lists are written as `a | b | c` text so they stay a few lines long (names may contain spaces). */
function list(text) {
  return text.split('|').map((item) => item.trim());
}

export const FIRST_NAMES = list(
  'Aaliyah | Aaron | Abdul | Ada | Adele | Adrian | Agnieszka | Ahmed | Aiko | Aisha | Akira | ' +
    'Alba | Aleksander | Alice | Amara | Amelia | Amir | Ana | Anders | Andrea | Andrés | Aneta | ' +
    'Anika | Anna | Antoine | Arjun | Astrid | Aurora | Ayşe | Beatriz | Ben | Benedikt | Bianca | ' +
    'Björn | Blessing | Bogdan | Bruno | Camila | Carlos | Carmen | Caroline | Chen | Chidi | ' +
    'Chloé | Chris | Clara | Daan | Dagny | Daniel | Daniela | Dario | David | Deepa | Diego | ' +
    'Dmitri | Dušan | Eamon | Elena | Elif | Elin | Eliza | Emeka | Emil | Emma | Enzo | Erik | ' +
    'Esther | Fatima | Felix | Fernando | Fiona | François | Freya | Gabriel | Gemma | Giulia | ' +
    'Grace | Gustav | Hana | Hannah | Hassan | Helena | Henrik | Hiroshi | Hugo | Ida | Ifeoma | ' +
    'Ilse | Imran | Ines | Ingrid | Isabel | Ivan | Jakob | James | Jana | Javier | Jens | Ji-woo | ' +
    'Joana | Johan | Jonas | José | Julia | Julien | Kai | Karin | Kasia | Kenji | Khalid | Kofi | ' +
    'Lars | Laura | Léa | Leila | Leon | Liam | Lina | Linnea | Lior | Lucas | Lucía | Luis | ' +
    'Łukasz | Maja | Malik | Małgorzata | Marco | María | Marie | Mark | Marta | Mateo | Matteo | ' +
    'Maya | Mehmet | Mei | Mia | Miguel | Mikael | Mira | Mohammed | Nadia | Naomi | Nathan | Nia | ' +
    'Nikolai | Nils | Noah | Nora | Olga | Oliver | Omar | Oscar | Paolo | Patricia | Paul | Pedro | ' +
    'Petra | Pia | Priya | Rafael | Rahul | Ravi | Rebecca | Renée | Ricardo | Rosa | Ruth | Sadia | ' +
    'Samuel | Sana | Sara | Sebastian | Selin | Sergio | Shira | Simone | Sofia | Søren | Stefan | ' +
    'Sven | Tamar | Tariq | Tereza | Thomas | Tobias | Tomás | Uma | Valentina | Vera | Viktor | ' +
    'Wei | Wiktoria | Xavier | Yara | Yusuf | Zainab | Zara | Zoë | Zofia',
);

export const LAST_NAMES = list(
  'Abbott | Adeyemi | Ahmed | Alvarez | Andersen | Bakker | Banerjee | Barros | Becker | Berg | ' +
    'Bianchi | Blom | Brandt | Brennan | Carter | Castillo | Chen | Choi | Costa | Dahl | de Jong | ' +
    'de la Cruz | Dubois | Eklund | Engström | Eze | Fernández | Fischer | Fontaine | García | ' +
    'Gomez | Gonçalves | Graham | Gupta | Haddad | Hansen | Hartmann | Hernández | Holm | Hughes | ' +
    'Ibrahim | Ito | Jansen | Jensen | Johansson | Kaya | Keller | Khan | Kim | Kowalski | Kumar | ' +
    'Larsen | Laurent | Lee | Lehmann | Lindqvist | Lopez | Lund | Madsen | Mahlangu | Martin | ' +
    'Martínez | Meyer | Mendes | Menon | Moreau | Morris | Müller | Murphy | Nakamura | Nguyen | ' +
    "Nielsen | Novak | Núñez | Nowak | O'Brien | Okafor | Olsen | Owusu | Özdemir | Park | Patel | " +
    'Pereira | Petersen | Popescu | Quinn | Rahman | Ramos | Reddy | Richter | Rossi | Ruiz | ' +
    'Saarinen | Sánchez | Santos | Sato | Schmidt | Schneider | Shah | Silva | Singh | Sørensen | ' +
    'Strand | Suzuki | Svensson | Takahashi | Tan | Taylor | Torres | Tran | Van den Berg | ' +
    'van Dijk | Vasquez | Virtanen | Vogel | Wagner | Walker | Wang | Weber | Wiśniewska | Wolf | ' +
    'Wong | Yamamoto | Yilmaz | Young | Zhang | Zimmermann | Østergaard | Åberg | Nakashima | ' +
    'Haugen | Kovačević | Dimitrov | Papadopoulos | Ivanova | Horváth | Moretti | Lindgren | ' +
    'Fagerlund | Obi | Mensah | Achterberg | Brouwer | Claes | Desai | Farouk | Galli | Herrera | ' +
    'Iyer | Jovanović | Karlsson | Lam | Mishra | Nair | Ortega | Pham | Qureshi | Rasmussen | ' +
    'Salo | Toivonen | Urbanek | Vidal | Webb | Xu | Yadav | Zielinski | Bauer | Coleman | Diaz | ' +
    'Ekström | Foster | Gallagher | Hoffmann | Ibáñez | Jaramillo | Kruger | Lombardi | Marsh | ' +
    'Novotná | Ong | Price',
);

/** Comma-free suffixes as people type them into the last-name field. */
export const NAME_SUFFIXES = ['Jr.', 'Sr.', 'III', 'PhD', 'MBA', 'CPA'];

/** First names written with a quoted nickname (CSV escapes the quotes as `""`). */
export const NICKNAMED_FIRST_NAMES = [
  'Robert "Bob"',
  'Katherine "Kate"',
  'Alexander "Sasha"',
  'Jonathan "Jon"',
  'Margaret "Peggy"',
  'Wilhelmina "Mina"',
];

const COMPANY_STEMS = list(
  'Acme | Alpine | Amberly | Arcadia | Aster | Bluebay | Boreal | Brightloop | Cedar | Cobalt | ' +
    'Contoso | Coho | Copperline | Corvid | Driftwood | Ember | Evergreen | Fabrikam | Fjord | ' +
    'Globex | Granite | Harbor | Helix | Heron | Initech | Ironbridge | Juniper | Kelda | Kestrel | ' +
    'Lakeside | Litware | Lumen | Maple | Meridian | Northwind | Nova | Oakridge | Orbital | ' +
    'Parallax | Pinecrest | Polaris | Proseware | Quartz | Redwood | Riverbend | Saltmarsh | ' +
    'Sapphire | Silverline | Solstice | Summit | Tailspin | Tidewater | Trellis | Umbra | Vantage | ' +
    'Verdant | Wingtip | Woodgrove | Zephyr | Carevia | Mediq',
);
const COMPANY_KINDS = list(
  'Health | Analytics | Labs | Systems | Logistics | Bank | Capital | Studio | Software | ' +
    'Robotics | Energy | Foods | Insurance | Consulting | Group | Partners | Media | Games | ' +
    'Mobility | Bio | Clinics | Retail | Security | Cloud | AI',
);
/** Legal forms and partnerships written with a comma, as LinkedIn shows them: quoted in the CSV. */
const COMMA_COMPANIES = [
  'Acme, Inc.',
  'Globex, LLC',
  'Initech, Ltd.',
  'Harper, Vance & Co.',
  'Smith, Lund & Partners',
  'Brightloop, Inc.',
  'Okafor, Mensah & Associates',
  'Umbra Software, Inc.',
  'Meridian Capital, L.P.',
  'Fjord Analytics, AB',
];
const ODD_COMPANIES = [
  'Self-employed',
  'Freelance',
  'Stealth Startup',
  'Johnson & Johansson',
  'AT&T-ish Telecom',
];

/** A few hundred companies: a fixed sample of stem × kind, plus the comma and ampersand ones. */
export function companyNames(random) {
  const combos = [];
  for (const stem of COMPANY_STEMS) for (const kind of COMPANY_KINDS) combos.push(`${stem} ${kind}`);
  return [...random.shuffle(combos).slice(0, 320), ...COMMA_COMPANIES, ...ODD_COMPANIES];
}

export const TITLES = list(
  'Software Engineer | Senior Software Engineer | Staff Engineer | Principal Engineer | ' +
    'Engineering Manager | Director of Engineering | VP Engineering | CTO | Product Manager | ' +
    'Senior Product Manager | Group Product Manager | Head of Product | Product Designer | ' +
    'UX Researcher | Design Lead | Data Scientist | Data Engineer | Machine Learning Engineer | ' +
    'Analytics Lead | Business Analyst | Account Executive | Sales Director | ' +
    'Customer Success Manager | Solutions Architect | Sales Engineer | Marketing Manager | ' +
    'Growth Lead | Content Strategist | Brand Manager | Head of Marketing | Recruiter | ' +
    'Technical Recruiter | Talent Acquisition Partner | People Partner | HR Business Partner | ' +
    'Chief Executive Officer | Co-Founder | Founder & CEO | Chief Operating Officer | ' +
    'General Manager | Operations Manager | Program Manager | Project Manager | Scrum Master | ' +
    'Agile Coach | Finance Manager | Controller | Investment Associate | Partner | Venture Partner | ' +
    'Consultant | Senior Consultant | Management Consultant | Strategy Lead | Policy Advisor | ' +
    'Researcher | Professor | PhD Candidate | Student | Intern | Clinician | ' +
    'Head of Clinician Experience | Nurse Practitioner | Pharmacist | Lawyer | Legal Counsel | ' +
    'Security Engineer | Site Reliability Engineer | DevOps Engineer | QA Engineer | ' +
    'Mobile Developer | Frontend Developer | Backend Developer | Technical Writer | ' +
    'Developer Advocate | Community Manager | Board Member | Advisor | Director, Product Marketing | ' +
    'Manager, Partnerships & Alliances',
);

export const SKILLS = list(
  'Product Management | Product Discovery | Pricing Strategy | User Research | Roadmapping | SQL | ' +
    'Data Analysis | A/B Testing | Stakeholder Management | Agile Methodologies | Scrum | ' +
    'Leadership | Team Building | Public Speaking | Go-to-Market Strategy | ' +
    'Healthcare Information Technology | UX Design | Python | Analytics | Strategy | Negotiation | ' +
    'Mentoring | Cross-functional Team Leadership | Business Strategy | Customer Development | ' +
    'Lean Startup | OKRs | Market Research | SaaS | B2B',
);

export const SCHOOLS = [
  'KTH Royal Institute of Technology',
  'Stockholm School of Economics',
  'University of Amsterdam',
  'ETH Zürich',
  'Universidad de Buenos Aires',
  'University of Lagos',
];

export const EVENTS = [
  'Product Breakfast',
  'the Nordic Product Summit',
  'SaaStock',
  'the Health Tech Forum',
  'Mind the Product',
  'the Data Council meetup',
  'Web Summit',
  'the Founders Dinner',
];

/** Words messages are built from: everyday work chat, with a few longer and accented ones. */
export const WORDS = (
  'the a to and of for in on with at about from this that it we you I our your is are was were be been will ' +
  'can could would should let me us them they my call chat meeting week next tomorrow today Monday Tuesday ' +
  'Wednesday Thursday Friday morning afternoon evening quick time slot calendar invite coffee lunch catch up ' +
  'follow up thanks thank great good nice awesome really much appreciate help idea project product team ' +
  'role job opportunity position company startup customers users feedback roadmap launch release pricing ' +
  'discovery research interview design prototype metrics dashboard data report deck slides draft review ' +
  'comments notes plan budget quarter goals OKRs hiring candidate referral intro introduction connect ' +
  'network event talk panel conference meetup workshop keynote podcast article post congrats congratulations ' +
  'new promotion move Stockholm Berlin Amsterdam London Lisbon remote office travel flight hotel back soon ' +
  'sure absolutely definitely maybe perhaps probably happy glad excited curious interested busy sorry late ' +
  'reply answer question questions detail details share send sent shared link doc document contract proposal ' +
  'partnership pilot trial demo onboarding clinicians patients clinics routing dispatch carriers analytics ' +
  'retention cohorts churn growth revenue funnel experiment results learnings insight insights strategy ' +
  'vision mission culture process hire hired joined leaving left startup scale-up café naïve résumé déjà vu ' +
  'approach framework template workshop sprint backlog priority priorities deadline timeline scope risk ' +
  'stakeholders leadership board investors funding round seed Series A valuation market competitors'
).split(' ');

export const GREETINGS = ['Hi', 'Hey', 'Hello', 'Dear', 'Good morning', 'Hej'];
export const SIGN_OFFS = ['Best', 'Cheers', 'Thanks', 'Talk soon', 'Warm regards', 'All the best'];
