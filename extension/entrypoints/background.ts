import '../lib/zod-jitless';
import { registerApplyHandlers } from '../lib/apply/background';
import { recordApply } from '../lib/store/history';

// Wiring only: the apply messages live in lib/apply, the history in lib/store.
export default defineBackground(() => {
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
        outcomes: job.rules,
      }).then(() => undefined),
  });
});
