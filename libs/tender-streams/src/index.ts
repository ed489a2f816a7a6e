export * from './read-events';
export * from './read-tender';
export * from './run-command';
export * from './folded-tender-streams';
