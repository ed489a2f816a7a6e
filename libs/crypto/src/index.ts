export * from './canonical-json';
export * from './hash-chain';
export * from './sealing';
export * from './receipts';
export * from './document-sealing';
