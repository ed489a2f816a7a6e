export * from './recorded-events';
export * from './load-tender-view';
export * from './execute-on-tender';
export * from './folded-tender-streams';
