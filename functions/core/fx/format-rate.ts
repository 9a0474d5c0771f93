/** How a rate reads in alert texts: "521.30", "6.52", "79.6871", "0.041". */
export function formatRate(rate: number): string {
  // Two decimals like the NBK publishes, more only where six significant digits need them.
  const text = Math.abs(rate) >= 1000 ? rate.toFixed(2) : rate.toPrecision(6);
  const [whole, frac = ""] = text.split(".");
  const trimmed = frac.replace(/0+$/, "");
  return `${whole}.${trimmed.length >= 2 ? trimmed : trimmed.padEnd(2, "0")}`;
}
