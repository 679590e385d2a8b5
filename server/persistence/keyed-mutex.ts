/**
 * One holder at a time per key, in this process: what the others ask for waits its turn in
 * order. A key nobody holds or waits for takes no memory.
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<void>>()

  async run<T>(key: string, critical: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve()
    let done!: () => void
    const mine = new Promise<void>((resolve) => {
      done = resolve
    })
    const tail = before.then(() => mine)
    this.tails.set(key, tail)
    await before
    try {
      return await critical()
    } finally {
      done()
      if (this.tails.get(key) === tail) this.tails.delete(key)
    }
  }
}
