import type { Actor } from '@fairtender/domain';

/**
 * Told of every authenticated request refused for its role, before the 403 is sent, so that it can
 * be recorded (docs/rules.md#sealed-bids: acting outside one's role is detectable afterwards). Optional: register a
 * provider under ACCESS_REFUSAL_LISTENER to receive them.
 */
export interface AccessRefusalListener {
  refused(input: AccessRefusal): Promise<void>;
}

export interface AccessRefusal {
  actor: Actor;
  method: string;
  url: string;
  params: Record<string, string>;
  code: string;
  reason: string;
}

export const ACCESS_REFUSAL_LISTENER = Symbol('ACCESS_REFUSAL_LISTENER');
