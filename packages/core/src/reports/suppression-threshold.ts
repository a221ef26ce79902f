/**
 * The smallest count the evaluation export publishes; a cell counting fewer episodes or children
 * is suppressed. The platform sets it (PATHFINDER_EVALUATION_MIN_COUNT), 10 unless set.
 *
 * Why 10: official statistics about children commonly suppress counts under 5 or under 10. The
 * export pairs each count with money per episode for a named authority and scheme, and a small
 * authority's scheme may help a handful of families a year, so a family could be recognised from
 * "3 episodes, £1,020 each" by anyone who knows them: we take the stricter of the usual two.
 * Lower it only with the evaluation's data protection impact assessment; 2 is the floor.
 */
export const DEFAULT_MIN_COUNT = 10;

export function evaluationMinCount(env: Record<string, string | undefined> = process.env): number {
  const raw = env.PATHFINDER_EVALUATION_MIN_COUNT;
  if (raw === undefined || raw === "") return DEFAULT_MIN_COUNT;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 2)
    throw new Error(`PATHFINDER_EVALUATION_MIN_COUNT must be a whole number of 2 or more; it is "${raw}".`);
  return value;
}
