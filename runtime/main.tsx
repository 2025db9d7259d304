import { mountApp } from '../ui/mountApp';
import { startOfflineSupport } from '../ui/pwa/startOfflineSupport';
import { App } from './App';
import { isTrialUrl } from './trial';
import { isDemoUrl } from './monev/demoNames';

// `?uji-coba` opens the trial sandbox (a draft tried from the designer), never the real cases.
// `?contoh-monev` opens the monev demo database (made-up case histories), never the real cases either.
mountApp(<App trial={isTrialUrl(window.location.search)} demo={isDemoUrl(window.location.search)} />);
// The site root, as the page's links reach it: one service worker serves every page offline.
startOfflineSupport('../');
