import { AppShell } from '../ui/AppShell';
import { useT } from '../ui/i18n';

/** The clerk's app. For now a shell that says what it will do. */
export function App() {
  const t = useT();
  return (
    <AppShell title={t('runtime.title')} startHref="../">
      <section className="placeholder" aria-labelledby="runtime-placeholder-heading">
        <h2 id="runtime-placeholder-heading">{t('runtime.placeholder.heading')}</h2>
        <p>{t('runtime.placeholder.body')}</p>
        <p className="placeholder__status">{t('runtime.placeholder.status')}</p>
      </section>
    </AppShell>
  );
}
