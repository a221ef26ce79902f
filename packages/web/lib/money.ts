/** Pence as people read it: 12345 → "£123.45". */
export function formatPence(pence: number): string {
  return new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" }).format(pence / 100);
}

/** "123.45", "£1,200" or "12" as whole pence; null when it is not an amount of money. */
export function parsePounds(text: string): number | null {
  const cleaned = text.trim().replace(/^£/, "").replaceAll(",", "");
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [pounds, pence = ""] = cleaned.split(".");
  return Number(pounds) * 100 + Number(pence.padEnd(2, "0"));
}

/** Pence as the pounds a form shows: 1250 → "12.50". */
export function penceToPounds(pence: number): string {
  return (pence / 100).toFixed(2);
}
