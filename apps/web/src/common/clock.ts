// The browser's wall clock, read in this one place (tidy allows it here): default date ranges and
// "today" on screens. Business dates come from the API, never from this clock.
export function now(): Date {
  return new Date(Date.now());
}
