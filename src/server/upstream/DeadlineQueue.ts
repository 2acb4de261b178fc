/** A started deadline: give it back to {@link DeadlineQueue.cancel} once the work finished in time. */
export interface Deadline {
  readonly at: number
  onExpire: (() => void) | undefined
}

/**
 * One timer for every deadline of one length (the upstream `timeoutMs`, the body deadline). As
 * they all last as long, they expire in the order they started, so a queue replaces a
 * `setTimeout` and `clearTimeout` per request (a Timeout object, async-hook ids and a timer-list
 * update each, bench/profileProxy.ts); the one timer is re-armed only when it fires.
 */
export class DeadlineQueue {
  private entries: Deadline[] = []
  private head = 0
  private timer: ReturnType<typeof setTimeout> | undefined
  /** Deadlines neither cancelled nor expired: the timer keeps the process alive only while there are some. */
  private live = 0
  private expiring = false

  constructor(private readonly durationMs: number) {}

  /** Calls `onExpire` once `durationMs` has passed, unless the deadline is cancelled first. */
  start(onExpire: () => void): Deadline {
    const deadline: Deadline = { at: Date.now() + this.durationMs, onExpire }
    this.entries.push(deadline)
    if (this.live++ === 0) this.timer?.ref?.()
    if (this.timer === undefined) this.arm()
    return deadline
  }

  cancel(deadline: Deadline): void {
    if (deadline.onExpire === undefined) return
    deadline.onExpire = undefined
    this.settle()
    if (deadline === this.entries[this.head] && !this.expiring) this.compact()
  }

  private settle(): void {
    if (--this.live === 0) this.timer?.unref?.()
  }

  private arm(): void {
    const next = this.entries[this.head]
    if (next === undefined) return
    this.timer = setTimeout(() => this.expire(), Math.max(0, next.at - Date.now()))
    if (this.live === 0) this.timer.unref?.()
  }

  private expire(): void {
    this.timer = undefined
    this.expiring = true
    const now = Date.now()
    try {
      for (let entry = this.entries[this.head]; entry !== undefined && (entry.onExpire === undefined || entry.at <= now); entry = this.entries[++this.head]) {
        const onExpire = entry.onExpire
        if (onExpire === undefined) continue
        entry.onExpire = undefined
        this.settle()
        onExpire()
      }
    } finally {
      this.expiring = false
      this.compact()
      this.arm()
    }
  }

  /** Drops finished deadlines at the front; the array is replaced once most of it is spent. */
  private compact(): void {
    while (this.head < this.entries.length && this.entries[this.head]!.onExpire === undefined) this.head++
    if (this.head === this.entries.length) {
      this.entries = []
      this.head = 0
    } else if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head)
      this.head = 0
    }
  }
}
