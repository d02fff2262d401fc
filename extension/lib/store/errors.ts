import type { PathProblem } from './issue-words';

/**
 * A user-facing refusal: every problem is listed, and nothing was written. `details` holds the
 * same problems with their JSON paths when they are about a preset, so a form can show each one
 * next to its field.
 */
export class UserDataError extends Error {
  constructor(
    readonly problems: string[],
    readonly details: readonly PathProblem[] = [],
  ) {
    super(problems.join('\n'));
    this.name = 'UserDataError';
  }
}
