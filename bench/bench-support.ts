/** Runs `perWriter` operations on each of `writers` concurrent loops; returns operations per second. */
export async function rate(
  writers: number,
  perWriter: number,
  op: (writer: number, i: number) => Promise<unknown>,
): Promise<number> {
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let i = 0; i < perWriter; i += 1) await op(writer, i);
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return (writers * perWriter) / seconds;
}

export function sampleData(i: number): Record<string, unknown> {
  return {
    supplierId: `supplier-${i}`,
    price: { amount: 125_000 + i, currency: 'GBP' },
    note: 'x'.repeat(200),
  };
}

export function formatRate(perSecond: number): string {
  return Math.round(perSecond).toLocaleString('en-GB').padStart(9);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** A target line: `met` or `not met`, with the figure that decides it. */
export function target(text: string, met: boolean, figure: string): void {
  console.log(`target  ${text.padEnd(50)} ${(met ? 'met' : 'not met').padEnd(8)} ${figure}`);
}
