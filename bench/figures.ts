/** The middle value (the lower of the two middle ones for an even count). */
export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
};
export const f1 = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "–");
export const f2 = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : "–");
