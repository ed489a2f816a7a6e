import * as prettier from 'prettier';
import { renderErrorReference } from '../apps/api/src/http/error-reference';

/** docs/errors.md as `prettier --check` wants it, so the generated file passes lint unchanged. */
export async function formattedErrorReference(path: string): Promise<string> {
  const options = (await prettier.resolveConfig(path)) ?? {};
  return prettier.format(renderErrorReference(), { ...options, filepath: path });
}
