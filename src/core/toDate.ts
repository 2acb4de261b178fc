/** An ISO string as a Date; null for null and for anything that does not parse (never an Invalid Date). */
export function toDate(value: string | null): Date | null {
  const date = value === null ? null : new Date(value)
  return date && Number.isNaN(date.getTime()) ? null : date
}
