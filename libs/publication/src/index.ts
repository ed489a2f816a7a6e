export * from './ocds-types';
export * from './codes';
export * from './publication-state';
export {
  evolvePublication,
  concernsPublication,
  type PublicationEvent,
  type PublicationStep,
} from './evolve-publication';
export { buildRelease, bidId } from './build-release';
export { compileRelease } from './merge';
export * from './packages';
export * from './publish-tender';
