import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useT } from '../../ui/i18n';
import { hrefs } from '../router';

interface BoundaryProps {
  /** What to show instead of children once they threw: gets the error and a way to try again. */
  fallback: (error: unknown, retry: () => void) => ReactNode;
  children: ReactNode;
}

/**
 * Catches a render error below it so one damaged record never blanks more
 * than its own page or row. Data in IndexedDB can be anything (an old
 * version, another tab, a hand-edited backup), and the clerk must always be
 * able to reach the other screens.
 */
export class Boundary extends Component<BoundaryProps, { error: unknown; failed: boolean }> {
  override state = { error: undefined as unknown, failed: false };

  static getDerivedStateFromError(error: unknown) {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Kept in the console for whoever diagnoses the device; the screen shows a plain message.
    console.warn('SOP Studio: a screen part failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.failed) return this.props.fallback(this.state.error, () => this.setState({ error: undefined, failed: false }));
    return this.props.children;
  }
}

const detailOf = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 300);

/** The message of a failed page or app: what failed, the error, a first action, and "Coba lagi". */
function Failure({ id, heading, error, retry, action }: { id: string; heading: string; error: unknown; retry: () => void; action: ReactNode }) {
  const t = useT();
  return (
    <section className="rt-section" aria-labelledby={id}>
      <div role="alert" className="rt-alert rt-alert--error">
        <h2 id={id}>{heading}</h2>
        <p className="rt-muted">{t('trust.guard.detail', { detail: detailOf(error) })}</p>
        <p>
          {action}{' '}
          <button type="button" className="rt-button rt-button--secondary" onClick={retry}>
            {t('trust.guard.retry')}
          </button>
        </p>
      </div>
    </section>
  );
}

function PageFailure({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useT();
  const back = (
    <a className="rt-button" href={hrefs.catalogue()}>
      {t('trust.guard.back')}
    </a>
  );
  return <Failure id="rt-page-failure" heading={t('trust.guard.page')} error={error} retry={retry} action={back} />;
}

function AppFailure({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useT();
  const reload = (
    <button type="button" className="rt-button" onClick={() => window.location.reload()}>
      {t('trust.guard.reload')}
    </button>
  );
  return <Failure id="rt-app-failure" heading={t('trust.guard.app')} error={error} retry={retry} action={reload} />;
}

/**
 * Around the databases, the navigation and every page: a read that fails while the app opens (the profile, the
 * server link, the sync counts; their live queries throw while rendering) shows a message with a way to try
 * again, under the app's header. Without it React removed the whole app and the clerk saw an empty page.
 */
export function AppBoundary({ children }: { children: ReactNode }) {
  return <Boundary fallback={(error, retry) => <AppFailure error={error} retry={retry} />}>{children}</Boundary>;
}

/** One page of the runtime: a failure shows a bilingual message with a way back, and the navigation stays usable. */
export function PageBoundary({ children }: { children: ReactNode }) {
  return <Boundary fallback={(error, retry) => <PageFailure error={error} retry={retry} />}>{children}</Boundary>;
}

function RowFailure({ id, as: Tag, colSpan }: { id: string; as: 'li' | 'tr' | 'div'; colSpan?: number }) {
  const t = useT();
  const text = <span className="rt-row-damaged">{t('trust.guard.row', { id: String(id).slice(0, 80) })}</span>;
  if (Tag === 'tr') {
    return (
      <tr className="rt-row--damaged">
        <td colSpan={colSpan ?? 1}>{text}</td>
      </tr>
    );
  }
  return <Tag className="rt-row--damaged">{text}</Tag>;
}

/** One row of a list: a row whose data cannot be shown is flagged in place; the rest of the list renders. */
export function RowBoundary({ id, as = 'li', colSpan, children }: { id: string; as?: 'li' | 'tr' | 'div'; colSpan?: number; children: ReactNode }) {
  return <Boundary fallback={() => <RowFailure id={id} as={as} {...(colSpan ? { colSpan } : {})} />}>{children}</Boundary>;
}

/** Text for display from a stored value that should be a string but may not be. */
export function textOf(value: unknown, fallback = ''): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return fallback;
}

/** A comparator for stored text that may be anything: never throws. */
export function compareText(a: unknown, b: unknown): number {
  return textOf(a).localeCompare(textOf(b), 'id');
}
