import { AppShell } from '../ui/AppShell';
import { useT } from '../ui/i18n';

/** The drafting app. For now a shell that says what it will do. */
export function App() {
  const t = useT();
  return (
    <AppShell title={t('designer.title')} startHref="../">
      <section className="placeholder" aria-labelledby="designer-placeholder-heading">
        <h2 id="designer-placeholder-heading">{t('designer.placeholder.heading')}</h2>
        <p>{t('designer.placeholder.body')}</p>
        <p className="placeholder__status">{t('designer.placeholder.status')}</p>
      </section>
    </AppShell>
  );
}
