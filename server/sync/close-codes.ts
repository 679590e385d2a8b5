/** Close codes sent to clients; README.md lists them. Each closes only that connection. */
export const CloseCode = {
  goingAway: 1001,
  tooBig: 1009,
  /** Something failed on the server's side (a room that cannot be loaded, a commit the store refused). */
  internalError: 1011,
  malformed: 4400,
  missingKey: 4401,
  forbidden: 4403,
  notFound: 4404,
  /** The key this connection was opened with has been replaced by the facilitator. */
  keyRotated: 4410,
  rateLimited: 4429,
} as const
