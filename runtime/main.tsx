import { mountApp } from '../ui/mountApp';
import { App } from './App';
import { isTrialUrl } from './trial';

// `?uji-coba` opens the trial sandbox (a draft tried from the designer), never the real cases.
mountApp(<App trial={isTrialUrl(window.location.search)} />);
