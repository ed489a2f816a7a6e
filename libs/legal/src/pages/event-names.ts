/** "BidSubmitted" → "Bid submitted", "AccessRefusalsRepeated" → "Access refusals repeated". */
export function readableEventName(type: string): string {
  const words = type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(' ');
  return words.map((word, i) => (i === 0 ? word : word.toLowerCase())).join(' ');
}
