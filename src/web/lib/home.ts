/** Where a signed-in person lands (after login, an invitation, or at '/'): the goals. */
export const HOME_PATH = '/goals';

/** Only same-site paths are accepted as a place to return to after login; anything else goes home. */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : HOME_PATH;
}
