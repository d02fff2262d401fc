import '../lib/zod-jitless';
import { historyOutcomes, registerApplyHandlers } from '../lib/apply/background';
import { recordApply } from '../lib/store/history';
import { registerTeachHandlers } from '../lib/teach/background';

// Wiring only: the apply messages live in lib/apply, teaching in lib/teach, the history in lib/store.
export default defineBackground(() => {
  // Firefox's remote protocol may not open extension pages, so the Firefox test build opens
  // the popup as a tab by itself for the end-to-end tests to drive. Absent from shipped builds.
  if (__PORTPILOT_E2E__ && import.meta.env.FIREFOX) void browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
  registerTeachHandlers();
  registerApplyHandlers({
    onJobFinished: (job) =>
      recordApply({
        at: job.finishedAt ?? Date.now(),
        routerOrigin: job.origin,
        adapterId: job.adapterId,
        presetId: job.presetId,
        presetName: job.presetName,
        platform: job.platform,
        deviceIp: job.deviceIp,
        mode: job.mode,
        outcomes: historyOutcomes(job),
        state: job.state,
        message: job.message,
      }).then(() => undefined),
  });
});
