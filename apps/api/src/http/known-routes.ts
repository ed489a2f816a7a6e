import type { FastifyInstance } from 'fastify';

interface KnownRoute {
  pattern: RegExp;
  method: string;
}

const ROUTES = new WeakMap<object, KnownRoute[]>();

function patternOf(url: string): RegExp {
  const escaped = url
    .split('/')
    .map((part) =>
      part.startsWith(':') || part === '*'
        ? '[^/]+'
        : part.replace(/[.*+?^${}()|[\]\\]/g, (c) => `\\${c}`),
    )
    .join('/');
  return new RegExp(`^${escaped}/?$`);
}

/** Remembers every route as it is registered (call before `init`), for `allowedMethods`. */
export function rememberRoutes(fastify: FastifyInstance): void {
  const routes: KnownRoute[] = [];
  ROUTES.set(fastify, routes);
  fastify.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) routes.push({ pattern: patternOf(route.url), method });
  });
}

/**
 * The methods a path answers to, sorted; empty for a path no route knows. What a 405's `Allow`
 * names (RFC 9110 §15.5.6).
 */
export function allowedMethods(fastify: object, url: string): string[] {
  const path = url.split('?')[0];
  const methods = new Set<string>();
  for (const route of ROUTES.get(fastify) ?? []) {
    if (route.pattern.test(path)) methods.add(route.method);
  }
  return [...methods].sort();
}
