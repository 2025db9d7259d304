export { chromiumCandidates, currentHost, findChromium, type ChromiumCandidate, type ChromiumHost } from './findChromium';
export { CHROMIUM_ARGS, ChromiumNotFoundError, chromiumPath, launchChromium } from './launchChromium';
export { currentSetupHost, missingChromiumMessage, setUpChromium, type SetupHost } from './setUpChromium';
