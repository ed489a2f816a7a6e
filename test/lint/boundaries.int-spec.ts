import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

/** Runs the repo's boundary rules on a tree of fixture files; returns the rules that failed. */
function violations(files: Record<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'boundaries-'));
  try {
    copyFileSync(join(ROOT, '.dependency-cruiser.cjs'), join(dir, '.dependency-cruiser.cjs'));
    copyFileSync(join(ROOT, 'tsconfig.json'), join(dir, 'tsconfig.json'));
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    for (const [path, text] of Object.entries({ 'libs/domain/src/index.ts': '', ...files })) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const roots = ['apps', 'libs'].filter((root) =>
      Object.keys(files).some((f) => f.startsWith(root)),
    );
    const out = execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
        ...roots,
        '--config',
        '.dependency-cruiser.cjs',
        '--output-type',
        'json',
      ],
      { cwd: dir, encoding: 'utf8' },
    );
    const { summary } = JSON.parse(out) as {
      summary: { violations: { rule: { name: string } }[] };
    };
    return [...new Set(summary.violations.map((v) => v.rule.name))].sort();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('npm run lint: the boundary rules fail on a violating import', () => {
  it('the domain imports no framework and no Node built-in', () => {
    expect(
      violations({
        'libs/domain/src/notice/x.ts':
          "import { Injectable } from '@nestjs/common';\nexport const a = Injectable;\n",
        'libs/domain/src/award/y.ts':
          "import { createHash } from 'node:crypto';\nexport const b = createHash;\n",
      }),
    ).toEqual(expect.arrayContaining(['domain-is-pure']));
  });

  it('the domain imports no other lib', () => {
    expect(
      violations({
        'libs/event-store/src/index.ts': 'export const store = 1;\n',
        'libs/domain/src/notice/x.ts':
          "import { store } from '@fairtender/event-store';\nexport const a = store;\n",
      }),
    ).toContain('domain-imports-only-itself');
  });

  it('a lib never imports an app', () => {
    expect(
      violations({
        'apps/api/src/thing.ts': 'export const thing = 1;\n',
        'libs/legal/src/index.ts':
          "import { thing } from '../../../apps/api/src/thing';\nexport const a = thing;\n",
      }),
    ).toContain('libs-never-import-apps');
  });

  it('no deep import of a lib from an app or another lib; its testing/ entry is allowed', () => {
    const lib = {
      'libs/domain/src/shared/actor.ts': 'export const actor = 1;\n',
      'libs/domain/src/testing/fixtures.ts': 'export const fixture = 1;\n',
    };
    expect(
      violations({
        ...lib,
        'apps/api/src/a.ts':
          "import { actor } from '@fairtender/domain/shared/actor';\nexport const a = actor;\n",
        'libs/legal/src/b.ts':
          "import { actor } from '@fairtender/domain/shared/actor';\nexport const b = actor;\n",
      }),
    ).toEqual(['no-deep-import-between-libs', 'no-deep-import-from-apps']);
    expect(
      violations({
        ...lib,
        'apps/api/src/a.ts':
          "import { fixture } from '@fairtender/domain/testing/fixtures';\nexport const a = fixture;\n",
      }),
    ).toEqual([]);
  });

  it('stage folders meet only in tender/; tender/ and shared/ import no stage', () => {
    expect(
      violations({
        'libs/domain/src/award/rank.ts': 'export const rank = 1;\n',
        'libs/domain/src/notice/x.ts':
          "import { rank } from '../award/rank';\nexport const a = rank;\n",
        'libs/domain/src/tender/y.ts':
          "import { rank } from '../award/rank';\nexport const b = rank;\n",
        'libs/domain/src/shared/z.ts':
          "import { rank } from '../award/rank';\nexport const c = rank;\n",
      }),
    ).toEqual(['shared-imports-no-stage', 'stages-meet-only-in-tender', 'tender-imports-no-stage']);
  });

  it('no import cycle', () => {
    expect(
      violations({
        'libs/legal/src/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
        'libs/legal/src/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
      }),
    ).toEqual(['no-circular']);
  });

  it('the tree as it is passes', () => {
    const out = execFileSync('npm', ['run', 'lint:boundaries', '--silent'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(out).toContain('no dependency violations found');
  });
});
