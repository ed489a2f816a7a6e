export * from './environment';
export * from './development-defaults';
export * from './app-config';
export * from './config.module';
export { DevelopmentKeyWarning, developmentKeyWarnings } from './development-key-warning';
export * from './dot-env';
