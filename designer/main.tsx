import { requestedEvaluationId } from '../device/evaluationLinks';
import { requestedSopId, withoutSopRequest } from '../ui/appLinks';
import { mountApp } from '../ui/mountApp';
import { startOfflineSupport } from '../ui/pwa/startOfflineSupport';
import { App } from './App';

// `designer/?sop=<id>` opens that SOP. The request is taken out of the address
// at once, so a later reload restores wherever the drafter went from there.
// `designer/?evaluasi=<id>` (the runtime's evaluation page) opens that evaluation's revision draft, likewise once.
const openRequest = requestedSopId(window.location.search);
const evaluationRequest = requestedEvaluationId(window.location.search);
if (openRequest || evaluationRequest) window.history.replaceState(window.history.state, '', withoutSopRequest(window.location.href));

mountApp(<App openRequest={openRequest} evaluationRequest={evaluationRequest} />);
// The site root, as the page's links reach it: one service worker serves every page offline.
startOfflineSupport('../');
