/** A user-facing refusal: every problem is listed, and nothing was written. */
export class UserDataError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'UserDataError';
  }
}
