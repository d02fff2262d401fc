// @vitest-environment happy-dom
/** The popup while the preview on the router page waits: what was found, what is missing, and the same Apply / Cancel. */
import { describe, expect, it, vi } from 'vitest';
import type { ApplyJob } from '../../../extension/lib/apply/types';
import { renderApplySection, type ApplySectionActions } from '../../../extension/lib/popup/apply-section';
import { makeJob, rule } from '../../support/happy-router';

function render(job: ApplyJob) {
  const root = document.createElement('div');
  const actions: ApplySectionActions = { apply: vi.fn(), stop: vi.fn(), exportOutline: vi.fn(), openForwarding: vi.fn(), review: vi.fn() };
  const detection = { kind: 'form' as const, origin: 'http://192.168.1.1', reason: '' };
  renderApplySection(root, { detection, job, rules: [], deviceChosen: true, routerOrigins: [] }, actions);
  return { root, actions };
}

describe('the popup during the preview', () => {
  it('says it waits, lists what PortPilot found, and answers with Apply or Cancel', () => {
    const job = makeJob([rule()], { review: { state: 'asked', ready: true, found: ['External port: Text box “Port Range”', 'Device IP: Text box “Local IP”', 'Protocol: List “Protocol”'], missing: [] } });
    const { root, actions } = render(job);
    expect(root.querySelector('[role=status]')!.textContent).toBe('Waiting for you: check the fields PortPilot outlined on the router page.');
    expect(Array.from(root.querySelectorAll('#review-found li')).map((li) => li.textContent)).toEqual(job.review!.found);
    (root.querySelector('#review-apply') as HTMLButtonElement).dispatchEvent(new MouseEvent('click'));
    expect(actions.review).toHaveBeenCalledWith('apply');
    (root.querySelector('#review-cancel') as HTMLButtonElement).dispatchEvent(new MouseEvent('click'));
    expect(actions.review).toHaveBeenCalledWith('cancel');
  });

  it('cannot apply before the person showed the missing fields, and says which', () => {
    const { root } = render(makeJob([rule()], { review: { state: 'asked', ready: false, found: [], missing: ['External port', 'Device IP', 'Protocol'] } }));
    expect((root.querySelector('#review-apply') as HTMLButtonElement).disabled).toBe(true);
    expect(root.querySelector('#review-missing')!.textContent).toBe('Not found yet: External port, Device IP, Protocol.');
    expect(root.textContent).toMatch(/Show it on the router page: click a field and choose what it holds/);
  });

  it('shows nothing of it once answered', () => {
    const { root } = render(makeJob([rule()], { review: { state: 'confirmed', by: 'person' } }));
    expect(root.querySelector('#review')).toBeNull();
  });
});
