import { beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { LANG_STORAGE_KEY } from '../../core/i18n';
import { App as DesignerApp } from '../../designer/App';
import { App as RuntimeApp } from '../../runtime/App';
import { I18nProvider } from './I18nProvider';

function renderDesigner() {
  return render(
    <I18nProvider>
      <DesignerApp />
    </I18nProvider>,
  );
}

describe('language switcher in the designer (real Chromium)', () => {
  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = 'id';
  });

  it('speaks Indonesian by default', async () => {
    const screen = await renderDesigner();
    await expect.element(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Perancang SOP');
    await expect.element(screen.getByLabelText('Bahasa')).toHaveValue('id');
    expect(document.documentElement.lang).toBe('id');
    expect(document.title).toBe('Perancang SOP · SOP Studio');
  });

  it('switches the header and body to English and updates <html lang>', async () => {
    const screen = await renderDesigner();
    await screen.getByLabelText('Bahasa').selectOptions('en');

    await expect.element(screen.getByRole('heading', { level: 1 })).toHaveTextContent('SOP Designer');
    await expect.element(screen.getByRole('heading', { name: 'SOP library' })).toBeVisible();
    await expect.element(screen.getByLabelText('Language')).toHaveValue('en');
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('SOP Designer · SOP Studio');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('en');
  });

  it('remembers the choice after a reload', async () => {
    const first = await renderDesigner();
    await first.getByLabelText('Bahasa').selectOptions('en');
    await expect.element(first.getByRole('heading', { level: 1 })).toHaveTextContent('SOP Designer');
    await first.unmount();
    document.documentElement.lang = 'id';

    // A fresh provider is what a page reload gives: it must read the saved choice.
    const reloaded = await renderDesigner();
    await expect.element(reloaded.getByRole('heading', { level: 1 })).toHaveTextContent('SOP Designer');
    expect(document.documentElement.lang).toBe('en');
  });

  it('shares the choice with the runtime app', async () => {
    localStorage.setItem(LANG_STORAGE_KEY, 'en');
    const screen = await render(
      <I18nProvider>
        <RuntimeApp />
      </I18nProvider>,
    );
    await expect.element(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Case Runner');
  });

  it('ignores a corrupt saved value and falls back to Indonesian', async () => {
    localStorage.setItem(LANG_STORAGE_KEY, 'klingon');
    const screen = await renderDesigner();
    await expect.element(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Perancang SOP');
  });

  it('can be switched back to Indonesian with the keyboard', async () => {
    localStorage.setItem(LANG_STORAGE_KEY, 'en');
    const screen = await renderDesigner();
    const select = screen.getByLabelText('Language');
    (select.element() as HTMLSelectElement).focus();
    await userEvent.keyboard('{ArrowUp}');
    await expect.element(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Perancang SOP');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('id');
  });
});
