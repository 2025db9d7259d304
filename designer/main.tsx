import { requestedSopId, withoutSopRequest } from '../ui/appLinks';
import { mountApp } from '../ui/mountApp';
import { App } from './App';

// `designer/?sop=<id>` opens that SOP. The request is taken out of the address
// at once, so a later reload restores wherever the drafter went from there.
const openRequest = requestedSopId(window.location.search);
if (openRequest) window.history.replaceState(window.history.state, '', withoutSopRequest(window.location.href));

mountApp(<App openRequest={openRequest} />);
