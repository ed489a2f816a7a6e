#!/usr/bin/env node
import { loadDevelopmentEnvFile } from '@fairtender/config';
import type { Command } from 'commander';
import { exitFor } from './exit-codes';
import { buildProgram } from './program';

/** Every command reports its errors by throwing, so main alone picks the exit code. */
function throwInsteadOfExiting(command: Command): void {
  command.exitOverride();
  for (const sub of command.commands) throwInsteadOfExiting(sub);
}

loadDevelopmentEnvFile(process.env);
const program = buildProgram();
throwInsteadOfExiting(program);
program.parseAsync(process.argv).catch((error: unknown) => {
  const { code, message } = exitFor(error);
  if (message) console.error(message);
  process.exitCode = code;
});
