/**
 * Offline install for the production build: one service worker for the whole
 * site (vite-plugin-pwa's `generateSW`, i.e. Workbox), plus the two apps'
 * manifests and icons.
 *
 * One worker, not one per app: the start page, the designer, the runtime and
 * the print view share most of their code (React, the compiled validators, the
 * samples), so a single precache holds each file once, and the print tab the
 * designer opens works offline without registering anything itself.
 *
 * The worker is registered by our own bundled module (ui/pwa/), never by an
 * injected inline snippet (`injectRegister: null`), so the pages keep a CSP
 * without inline scripts. vite-plugin-pwa's `virtual:pwa-register` is not used:
 * it bakes one worker URL relative to the page, which with `base: './'` is right
 * for the start page only (from /runtime/ it would ask for /runtime/sw.js).
 *
 * Nothing happens in `vite` dev: the plugin is build-only unless
 * `devOptions.enabled`, which stays off, so `npm start` never meets a worker.
 */
import type { Plugin, PluginOption } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { relative, sep } from 'node:path';
import { drawAppIcon } from './appIcon.ts';
import { APP_ICON_FILES, INSTALLABLE_APPS, MANIFEST_FILE_NAME, manifestHeadTags, webAppManifest } from './appManifests.ts';
import { encodePng } from './png.ts';

/** The worker's file, at the site root so that its scope can be the whole site. */
export const SERVICE_WORKER_FILE = 'sw.js';

/** The cache that keeps the JSON editor once it has been opened online. */
export const LAZY_EDITOR_CACHE = 'sop-studio-editor-json';

/**
 * Monaco, the designer's JSON editor: its chunk (named after
 * designer/json/MonacoJsonEditor.tsx), the JSON language it loads lazily, its
 * two workers and its stylesheet (its icon font is precached, see below). About 5 MB, against about
 * 1.5 MB for everything else, and needed only by drafters who open the JSON
 * view, so it is cached when first used rather than downloaded by every clerk
 * at install. tests/e2e/pwa.test.ts fails if a file of Monaco slips into the
 * precache (size budget) or out of this pattern (the editor would not open offline).
 */
export const LAZY_EDITOR_FILES = /\/assets\/(?:MonacoJsonEditor|jsonMode|editor\.worker|json\.worker)-[\w-]+\.(?:js|css)$/;

export interface OfflineSupportOptions {
  root: string;
}

export function offlineSupport(options: OfflineSupportOptions): PluginOption[] {
  return [
    installableApps(options),
    VitePWA({
      strategies: 'generateSW',
      filename: SERVICE_WORKER_FILE,
      // A new version waits until the user agrees (see ui/pwa/UpdatePrompt.tsx).
      registerType: 'prompt',
      injectRegister: null,
      // Two apps, two manifests: written by installableApps below.
      manifest: false,
      devOptions: { enabled: false },
      workbox: {
        // The icon font (150 KB) is precached although only Monaco uses it: served from the run-time cache, it failed
        // to load offline in about one run in four of tests/e2e/pwa.test.ts, and a JSON view without icons is broken.
        globPatterns: ['**/*.{html,js,css,svg,png,webmanifest}', '**/assets/codicon-*.ttf'],
        globIgnores: ['**/node_modules/**', `**/${SERVICE_WORKER_FILE}`, '**/workbox-*.js', '**/assets/{MonacoJsonEditor,jsonMode,editor.worker,json.worker}-*'],
        // `designer/?sop=…` and `runtime/?uji-coba` are the same page as `designer/` and `runtime/`:
        // the apps route by hash, and a query only tells the page what to open.
        ignoreURLParametersMatching: [/.*/],
        // Any other navigation inside the site (offline, a mistyped folder) gets the start page,
        // which links to both apps; a path naming a file (…/x.json) is left to the network.
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/\/[^/?]+\.(?!html?(?:$|\?))[^/?]+(?:\?.*)?$/],
        // The first worker takes the open page at once, so it works offline without a second load.
        // An update never does: it waits for the user's "Muat ulang" (skipWaiting stays off).
        clientsClaim: true,
        skipWaiting: false,
        cleanupOutdatedCaches: true,
        runtimeCaching: [
          {
            urlPattern: LAZY_EDITOR_FILES,
            // Hashed file names never change content: the first copy is the right one forever.
            handler: 'CacheFirst',
            options: {
              cacheName: LAZY_EDITOR_CACHE,
              // Five files per version; keeps the current and the previous one or two.
              expiration: { maxEntries: 18, purgeOnQuotaError: true },
            },
          },
        ],
      },
    }),
  ];
}

/** The manifests and icons of the runtime and the designer, and the <link rel="manifest"> on their pages. */
function installableApps({ root }: OfflineSupportOptions): Plugin {
  const appPages = new Map(INSTALLABLE_APPS.map((app) => [`${app.folder}${sep}index.html`, app]));
  return {
    name: 'sop-studio:installable-apps',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (!appPages.has(relative(root, context.filename))) return html;
        return html.replace(/<\/title>/i, (tag) => `${tag}\n    ${manifestHeadTags()}`);
      },
    },
    generateBundle() {
      for (const app of INSTALLABLE_APPS) {
        this.emitFile({ type: 'asset', fileName: `${app.folder}/${MANIFEST_FILE_NAME}`, source: webAppManifest(app) });
      }
      for (const icon of APP_ICON_FILES) {
        this.emitFile({ type: 'asset', fileName: icon.path, source: encodePng(icon.size, icon.size, drawAppIcon(icon.size, icon.purpose)) });
      }
    },
  };
}
