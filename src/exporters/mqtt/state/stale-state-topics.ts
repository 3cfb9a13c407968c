/**
 * State topics published by an earlier run and not by this one (a PDL gone from the account,
 * production stopped, prices removed): they are cleared with an empty retained payload, whether
 * discovery is on or off. The list of published topics is kept in the store between runs. Pure.
 */
export function staleStateTopics(previous: readonly string[], current: readonly string[]): string[] {
  const live = new Set(current);
  return [...new Set(previous)].filter((t) => !live.has(t));
}

export function parseTopicList(raw: string | null): string[] {
  if (!raw) return [];
  try {
    const parsed = JSON.parse(raw) as unknown;
    return Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}
