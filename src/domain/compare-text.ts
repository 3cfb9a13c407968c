/**
 * Code-unit order of two strings, for the ASCII keys the program sorts (dates, instants, PDL numbers,
 * table names), where it is the order `localeCompare` gives. `localeCompare` would load ICU's collation
 * data on first use: about 3 MiB of memory for the life of the process (README, performance).
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
