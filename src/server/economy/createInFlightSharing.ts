import type { HttpAnswer } from '../../graphql/HttpAnswer'

/** An upstream answer being awaited, and whether this request started the call or joined it. */
export interface SharedCall {
  answer: Promise<HttpAnswer>
  joined: boolean
}

/** One upstream call for identical reads in flight at the same time; per customer, so a write can cut its own off. */
export interface InFlightSharing {
  /** Joins the call in flight for `customerId` and `key`, or starts one with `send(key)` (the key is the upstream body). */
  share(customerId: string, key: string, send: (key: string) => Promise<HttpAnswer>): SharedCall
  /** Reads of `customerId` from now on start new calls: a write changed what they would see. */
  forget(customerId: string): void
}

/**
 * Zero staleness: a request joins only a call still in flight, so it gets exactly the answer it
 * would have got had it been sent a moment earlier. Reads that arrive after a write of the same
 * customer completed never join a call that started before it (`forget`).
 */
export function createInFlightSharing(): InFlightSharing {
  const calls = new Map<string, Map<string, Promise<HttpAnswer>>>()
  return {
    share(customerId, key, send) {
      let mine = calls.get(customerId)
      const running = mine?.get(key)
      if (running !== undefined) return { answer: running, joined: true }
      const answer = send(key)
      if (mine === undefined) calls.set(customerId, (mine = new Map()))
      mine.set(key, answer)
      const owner = mine
      const settle = (): void => {
        // A forget() may have replaced this customer's map meanwhile: only remove what is still ours.
        if (owner.get(key) !== answer) return
        owner.delete(key)
        if (owner.size === 0 && calls.get(customerId) === owner) calls.delete(customerId)
      }
      answer.then(settle, settle)
      return { answer, joined: false }
    },
    forget(customerId) {
      calls.delete(customerId)
    },
  }
}
