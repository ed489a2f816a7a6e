export * from './auth-errors';
export * from './access-refusal';
export * from './decorators';
export * from './demo-users';
export * from './token-verifier';
export * from './token-issuer';
export * from './auth.guard';
export * from './auth.module';
