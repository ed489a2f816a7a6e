import { ConfigurationError } from '@fairtender/config';
import { ReplayError } from '@fairtender/legal';
import { CliError } from './cli-io';
import { buildProgram } from './program';

buildProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    const explained =
      error instanceof ConfigurationError ||
      error instanceof CliError ||
      error instanceof ReplayError;
    console.error(explained ? error.message : error);
    process.exitCode = 1;
  });
