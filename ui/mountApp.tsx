import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from './i18n';
import './theme.css';

/** Renders a page's root component into `#root`, inside the shared providers. */
export function mountApp(app: ReactNode, container = document.getElementById('root')): void {
  if (!container) throw new Error('SOP Studio: the page has no #root element to render into.');
  createRoot(container).render(
    <StrictMode>
      <I18nProvider>{app}</I18nProvider>
    </StrictMode>,
  );
}
