import { useEffect, useRef } from 'react';
import { DuplicatesPage } from './pages/DuplicatesPage';
import { HealthPage } from './pages/HealthPage';
import { ImportPage } from './pages/ImportPage';
import { IntroductionsPage } from './pages/IntroductionsPage';
import { InvitationsPage } from './pages/InvitationsPage';
import { PeoplePage } from './pages/PeoplePage';
import { PersonPage } from './pages/PersonPage';
import { SettingsPage } from './pages/SettingsPage';
import { TodayPage } from './pages/TodayPage';
import { Link, useLocation } from './router';

const NAV = [
  { to: '/', label: 'Today' },
  { to: '/people', label: 'People' },
  { to: '/invitations', label: 'Invitations' },
  { to: '/introductions', label: 'Introductions' },
  { to: '/health', label: 'Health' },
  { to: '/duplicates', label: 'Duplicates' },
  { to: '/import', label: 'Import' },
  { to: '/settings', label: 'Settings' },
];

function Page({ path }: { path: string }) {
  const person = /^\/people\/(\d+)$/.exec(path);
  if (person) return <PersonPage key={person[1]} id={Number(person[1])} />;
  switch (path) {
    case '/':
      return <TodayPage />;
    case '/people':
      return <PeoplePage />;
    case '/invitations':
      return <InvitationsPage />;
    case '/introductions':
      return <IntroductionsPage />;
    case '/health':
      return <HealthPage />;
    case '/duplicates':
      return <DuplicatesPage />;
    case '/import':
      return <ImportPage />;
    case '/settings':
      return <SettingsPage />;
    default:
      return (
        <div className="notice">
          No page here. <Link to="/">Back to today</Link>
        </div>
      );
  }
}

export function App() {
  const { path } = useLocation();
  const section = path === '/' ? '/' : `/${path.split('/')[1] ?? ''}`;
  const nav = useRef<HTMLElement>(null);
  // On a phone the links are one line that scrolls sideways: the current page's link is brought into view,
  // moving the line only, never the page.
  useEffect(() => {
    const line = nav.current;
    const current = line?.querySelector<HTMLElement>('a[aria-current="page"]');
    if (!line || !current || line.scrollWidth <= line.clientWidth) return;
    const offset = current.getBoundingClientRect().left - line.getBoundingClientRect().left;
    line.scrollLeft += offset - (line.clientWidth - current.offsetWidth) / 2;
  }, [section]);
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <nav className="top" aria-label="Pages" ref={nav}>
        <span className="brand">tend</span>
        <ul>
          {NAV.map((item) => (
            <li key={item.to}>
              <Link to={item.to} current={section === item.to}>
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        <Page path={path} />
      </main>
    </>
  );
}
