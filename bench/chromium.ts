// The browser is found by cli/chromium, the one discovery shared by the tests, the benchmarks and
// `sop print`. This re-export keeps code written against bench/chromium working; new code imports cli/chromium.
import { chromiumPath } from '../cli/chromium';

export { CHROMIUM_ARGS, chromiumPath, launchChromium } from '../cli/chromium';
export const CHROMIUM_PATH = chromiumPath();
