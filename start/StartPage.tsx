import { AppShell } from '../ui/AppShell';
import { useT } from '../ui/i18n';
import type { MessageKey } from '../core/i18n';
import { loadSamples } from '../samples';
import { SampleCatalogue, type SampleFile } from './SampleCatalogue';

interface AppLink {
  href: string;
  title: MessageKey;
  description: MessageKey;
}

// Relative links, so the built site works from any folder it is served from.
const APPS: readonly AppLink[] = [
  { href: './designer/', title: 'designer.title', description: 'start.designer.description' },
  { href: './runtime/', title: 'runtime.title', description: 'start.runtime.description' },
];

const SAMPLE_FILES: readonly SampleFile[] = loadSamples().map((doc) => ({ fileName: `${doc.id}.sop.json`, value: doc }));

/** The landing page: one card per app, then the sample SOPs checked live. */
export function StartPage() {
  const t = useT();
  return (
    <AppShell>
      <h1>{t('start.title')}</h1>
      <p>{t('app.tagline')}</p>
      <p>{t('start.intro')}</p>
      <ul className="app-cards">
        {APPS.map((app) => (
          <li key={app.href} className="app-card">
            <h2>{t(app.title)}</h2>
            <p>{t(app.description)}</p>
            <a href={app.href}>{t('start.open', { app: t(app.title) })}</a>
          </li>
        ))}
      </ul>
      <SampleCatalogue samples={SAMPLE_FILES} />
    </AppShell>
  );
}
