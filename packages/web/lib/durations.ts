/** A time to decision as people say it: 5400 → "1 hour 30 minutes", 200000 → "2 days 7 hours". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return "Not yet known";
  const units: [number, string][] = [
    [86_400, "day"],
    [3_600, "hour"],
    [60, "minute"],
  ];
  const parts: string[] = [];
  let left = Math.round(seconds);
  for (const [size, name] of units) {
    const count = Math.floor(left / size);
    left -= count * size;
    if (count > 0 && parts.length < 2) parts.push(`${count} ${name}${count === 1 ? "" : "s"}`);
  }
  return parts.length ? parts.join(" ") : "Under a minute";
}
