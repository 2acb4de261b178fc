// The Request toNodeHandler gives `identify` is built lazily; it must still behave as a Request.
import { describe, expect, it } from 'vitest'
import { lazyRequest } from '../../src/server/node/lazyRequest'

const url = 'http://app.test/api/stigg?x=1'

describe('lazyRequest', () => {
  it('answers method, URL and headers like the Request it stands for', () => {
    const request = lazyRequest(url, 'POST', { cookie: 'sid=customer-1', 'content-type': 'application/json' })
    expect(request).toBeInstanceOf(Request)
    expect(request.method).toBe('POST')
    expect(request.url).toBe(url)
    expect(request.headers).toBeInstanceOf(Headers)
    expect(request.headers.get('cookie')).toBe('sid=customer-1')
    expect(request.body).toBeNull()
    expect(request.bodyUsed).toBe(false)
  })

  it('its headers answer get/has from the record and behave as real Headers for everything else', () => {
    const headers = lazyRequest(url, 'POST', { cookie: 'sid=c', 'content-type': 'application/json' }).headers
    expect(headers).toBeInstanceOf(Headers)
    expect(headers.get('Content-Type')).toBe('application/json')
    expect(headers.get('x-missing')).toBeNull()
    expect(headers.has('COOKIE')).toBe(true)
    expect(headers.has('constructor')).toBe(false)
    expect(() => headers.get('bad name')).toThrow(TypeError)
    expect([...headers]).toEqual([
      ['content-type', 'application/json'],
      ['cookie', 'sid=c'],
    ])
    headers.set('cookie', 'sid=d')
    expect(headers.get('cookie')).toBe('sid=d')
    expect(Object.prototype.toString.call(headers)).toBe('[object Headers]')
  })

  it('keeps repeated values given as pairs', () => {
    const request = lazyRequest(url, 'POST', [
      ['set-cookie', 'a=1'],
      ['set-cookie', 'b=2'],
    ])
    expect(request.headers.getSetCookie()).toEqual(['a=1', 'b=2'])
  })

  it('builds the real Request for anything else, with the same headers', async () => {
    const request = lazyRequest(url, 'POST', { cookie: 'sid=customer-2' })
    expect(request.signal).toBeInstanceOf(AbortSignal)
    expect(request.signal.aborted).toBe(false)
    const copy = request.clone()
    expect(copy).toBeInstanceOf(Request)
    expect(copy.headers.get('cookie')).toBe('sid=customer-2')
    expect(request.headers.get('cookie')).toBe('sid=customer-2')
    expect(await request.text()).toBe('')
    expect(Object.prototype.toString.call(request)).toBe('[object Request]')
    expect('signal' in request).toBe(true)
  })

  it('can be handed to new Request and keeps its URL, method and headers', () => {
    const request = lazyRequest(url, 'POST', { cookie: 'sid=customer-3' })
    const rebuilt = new Request(request)
    expect(rebuilt.url).toBe(url)
    expect(rebuilt.method).toBe('POST')
    expect(rebuilt.headers.get('cookie')).toBe('sid=customer-3')
  })
})
