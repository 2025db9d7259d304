import type { StorybookConfig } from '@storybook/react-vite';
import type { PluginOption } from 'vite';

/**
 * Storybook builds with the app's vite.config.ts. The offline install (service worker, manifests)
 * belongs to the app's pages only: a `build-storybook` must not write a worker precaching the
 * story iframe. The stories of the update prompt drive its state directly.
 */
function withoutOfflineInstall(plugins: PluginOption[] | undefined): PluginOption[] {
  const isOfflineInstall = (plugin: PluginOption): boolean => {
    const name = plugin && typeof plugin === 'object' && 'name' in plugin ? plugin.name : '';
    return name.startsWith('vite-plugin-pwa') || name === 'sop-studio:installable-apps';
  };
  return (plugins ?? []).map((plugin) => (Array.isArray(plugin) ? withoutOfflineInstall(plugin) : plugin)).filter((plugin) => !isOfflineInstall(plugin));
}

const config: StorybookConfig = {
  // Stories live beside their components.
  stories: [
    '../ui/**/*.stories.@(ts|tsx)',
    '../designer/**/*.stories.@(ts|tsx)',
    '../runtime/**/*.stories.@(ts|tsx)',
    '../start/**/*.stories.@(ts|tsx)',
    '../print/**/*.stories.@(ts|tsx)',
  ],
  addons: ['@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  viteFinal: (config) => ({ ...config, plugins: withoutOfflineInstall(config.plugins) }),
  core: {
    // No network calls home, no update checks: the machines reach only the npm registry.
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
    enableCrashReports: false,
  },
};

export default config;
