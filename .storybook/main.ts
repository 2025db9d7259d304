import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  // Stories live beside their components.
  stories: [
    '../ui/**/*.stories.@(ts|tsx)',
    '../designer/**/*.stories.@(ts|tsx)',
    '../runtime/**/*.stories.@(ts|tsx)',
    '../start/**/*.stories.@(ts|tsx)',
  ],
  addons: ['@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: {
    // No network calls home, no update checks: the machines reach only the npm registry.
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
    enableCrashReports: false,
  },
};

export default config;
