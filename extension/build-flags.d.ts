/** Set by wxt.config.ts: true only in the test builds (PORTPILOT_E2E=1). */
declare const __PORTPILOT_E2E__: boolean;
