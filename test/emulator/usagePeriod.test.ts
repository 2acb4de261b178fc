// Unit test of an internal pure function: calendar arithmetic is easiest to pin down directly.
import { describe, expect, it } from 'vitest'
import { addMonths, usagePeriod } from '../../src/emulator/store/usagePeriod'

const iso = (period: { start: Date; end: Date }) => [period.start.toISOString(), period.end.toISOString()]

describe('addMonths', () => {
  it('clamps the day to the target month and keeps the time of day', () => {
    const jan31 = new Date('2024-01-31T08:30:00.000Z')
    expect(addMonths(jan31, 1).toISOString()).toBe('2024-02-29T08:30:00.000Z')
    expect(addMonths(jan31, 2).toISOString()).toBe('2024-03-31T08:30:00.000Z')
    expect(addMonths(jan31, 13).toISOString()).toBe('2025-02-28T08:30:00.000Z')
    expect(addMonths(new Date('2024-02-29T00:00:00Z'), 12).toISOString()).toBe('2025-02-28T00:00:00.000Z')
  })
})

describe('usagePeriod', () => {
  const anchor = new Date('2025-01-31T12:00:00.000Z')

  it('counts monthly periods from the anchor, not from the previous boundary', () => {
    expect(iso(usagePeriod('MONTHLY', anchor, new Date('2025-03-15T00:00:00Z')))).toEqual(['2025-02-28T12:00:00.000Z', '2025-03-31T12:00:00.000Z'])
    expect(iso(usagePeriod('MONTHLY', anchor, new Date('2025-03-31T12:00:00Z')))).toEqual(['2025-03-31T12:00:00.000Z', '2025-04-30T12:00:00.000Z'])
    expect(iso(usagePeriod('MONTHLY', anchor, new Date('2025-03-31T11:59:59.999Z')))).toEqual(['2025-02-28T12:00:00.000Z', '2025-03-31T12:00:00.000Z'])
  })

  it('handles years, weeks, days and hours', () => {
    expect(iso(usagePeriod('YEARLY', anchor, new Date('2027-01-31T11:00:00Z')))).toEqual(['2026-01-31T12:00:00.000Z', '2027-01-31T12:00:00.000Z'])
    expect(iso(usagePeriod('WEEKLY', anchor, new Date('2025-02-14T13:00:00Z')))).toEqual(['2025-02-14T12:00:00.000Z', '2025-02-21T12:00:00.000Z'])
    expect(iso(usagePeriod('DAILY', anchor, new Date('2025-02-01T11:59:59Z')))).toEqual(['2025-01-31T12:00:00.000Z', '2025-02-01T12:00:00.000Z'])
    expect(iso(usagePeriod('HOURLY', anchor, new Date('2025-01-31T14:30:00Z')))).toEqual(['2025-01-31T14:00:00.000Z', '2025-01-31T15:00:00.000Z'])
  })

  it('uses the first period before the anchor', () => {
    expect(iso(usagePeriod('MONTHLY', anchor, new Date('2024-12-01T00:00:00Z')))).toEqual(['2025-01-31T12:00:00.000Z', '2025-02-28T12:00:00.000Z'])
    expect(iso(usagePeriod('DAILY', anchor, new Date('2024-12-01T00:00:00Z')))).toEqual(['2025-01-31T12:00:00.000Z', '2025-02-01T12:00:00.000Z'])
  })

  it('always returns a period that contains now, across ten years of month ends', () => {
    for (let day = 0; day < 3650; day += 7) {
      const now = new Date(anchor.getTime() + day * 86_400_000 + 3_600_000)
      const period = usagePeriod('MONTHLY', anchor, now)
      expect(period.start.getTime()).toBeLessThanOrEqual(now.getTime())
      expect(period.end.getTime()).toBeGreaterThan(now.getTime())
    }
  })
})
