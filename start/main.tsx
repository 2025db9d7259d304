import { mountApp } from '../ui/mountApp';
import { startOfflineSupport } from '../ui/pwa/startOfflineSupport';
import { StartPage } from './StartPage';

mountApp(<StartPage />);
// The site root, as the page's links reach it: one service worker serves every page offline.
startOfflineSupport('./');
