/**
 * The two installable apps and their Web App Manifests. Only the clerk's
 * runtime and the designer install: the start page is a door to them, and the
 * print view is a tab the designer opens (both still load offline, through the
 * same service worker).
 *
 * Every URL is relative to the manifest, which sits in the app's own folder,
 * so the site installs from whatever folder a server puts it in (the build
 * uses `base: './'` for the same reason). No `id`: it would have to be an
 * absolute path to stay stable, and without it the browser uses `start_url`.
 * A manifest speaks one language; the names are the Indonesian ones, the
 * interface's default.
 */
// The area file itself, not the whole catalogue: the Vite config imports this module, and its
// imports carry file extensions (what Vite's native config loader will require).
import { pwaMessagesId } from '../../core/i18n/areas/pwa.id.ts';
import { ICON_BLUE, type IconPurpose } from './appIcon.ts';

export interface AppIconFile {
  /** Path from the site root. */
  path: string;
  size: number;
  purpose: IconPurpose;
}

/** The PNG icons every installable app lists (drawn by appIcon.ts), beside the SVG favicon. */
export const APP_ICON_FILES: readonly AppIconFile[] = [
  { path: 'icons/sop-studio-192.png', size: 192, purpose: 'any' },
  { path: 'icons/sop-studio-512.png', size: 512, purpose: 'any' },
  { path: 'icons/sop-studio-maskable-512.png', size: 512, purpose: 'maskable' },
];

export const MANIFEST_FILE_NAME = 'manifest.webmanifest';
export const THEME_COLOR = ICON_BLUE;

export interface InstallableApp {
  /** The app's folder, which is also its page's folder and its manifest's scope. */
  folder: 'runtime' | 'designer';
  name: string;
  shortName: string;
  description: string;
}

export const INSTALLABLE_APPS: readonly InstallableApp[] = [
  {
    folder: 'runtime',
    name: pwaMessagesId['pwa.runtime.name'],
    shortName: pwaMessagesId['pwa.runtime.shortName'],
    description: pwaMessagesId['pwa.runtime.description'],
  },
  {
    folder: 'designer',
    name: pwaMessagesId['pwa.designer.name'],
    shortName: pwaMessagesId['pwa.designer.shortName'],
    description: pwaMessagesId['pwa.designer.description'],
  },
];

/** The manifest of one app, as the JSON text written next to its page. */
export function webAppManifest(app: InstallableApp): string {
  const manifest = {
    name: app.name,
    short_name: app.shortName,
    description: app.description,
    lang: 'id',
    dir: 'ltr',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: THEME_COLOR,
    icons: [
      { src: '../favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      ...APP_ICON_FILES.map((icon) => ({ src: `../${icon.path}`, sizes: `${icon.size}x${icon.size}`, type: 'image/png', purpose: icon.purpose })),
    ],
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** What an app page's <head> gains: its manifest and the colour of the installed window's title bar. */
export function manifestHeadTags(): string {
  return [`<link rel="manifest" href="./${MANIFEST_FILE_NAME}" />`, `<meta name="theme-color" content="${THEME_COLOR}" />`].join('\n    ');
}
