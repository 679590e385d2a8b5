/** Random, collision-safe ids for records created concurrently on many clients. */
export function newId(): string {
  return crypto.randomUUID()
}
