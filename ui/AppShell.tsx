import { useEffect, type ReactNode } from 'react';
import { LanguageSwitcher, useT } from './i18n';
import { UpdateNotice } from './pwa/UpdateNotice';

export interface AppShellProps {
  /** Localised name of the app, shown in the header and the window title; omitted on the start page. */
  title?: string;
  /** Where the header's "back" link points; omitted on the start page itself. */
  startHref?: string;
  /** App-specific controls in the header (the designer's server account). */
  actions?: ReactNode;
  children: ReactNode;
}

/** The frame shared by every page: product name, app title, language switcher, and the offer of a new version. */
export function AppShell({ title, startHref, actions, children }: AppShellProps) {
  const t = useT();
  const productName = t('app.name');

  useEffect(() => {
    document.title = title ? `${title} · ${productName}` : productName;
  }, [title, productName]);

  return (
    <div className="app-shell">
      <header className="app-header">
        <div className="app-header__brand">
          <span className="app-header__product">{productName}</span>
          {title && <h1 className="app-header__title">{title}</h1>}
        </div>
        <nav className="app-header__nav" aria-label={productName}>
          {actions}
          {startHref !== undefined && <a href={startHref}>{t('app.backToStart')}</a>}
          <LanguageSwitcher />
        </nav>
      </header>
      <UpdateNotice />
      <main className="app-main">{children}</main>
    </div>
  );
}
