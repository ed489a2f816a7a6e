/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are JSON that tests inspect freely */
import type { DemoUserId } from '@fairtender/auth';
import type { RunningApi } from '../support/http-api';
import { expectStatus } from '../award/award-fixtures';

/** The police-force case's plan: £50m, Acme ran the pilot and holds the current contract. */
export function procurementPlan(overrides: Record<string, unknown> = {}) {
  return {
    need: 'Body-worn video cameras and evidence management for every frontline officer',
    estimatedValue: { amount: 50_000_000, currency: 'GBP' },
    cpvCodes: ['35125300-2'],
    jurisdiction: 'uk-pa-2023',
    route: { kind: 'competitive', procedure: 'open' },
    optionsAppraisal: [
      {
        option: 'Replace the pilot cameras with Acme at scale',
        supplierId: 'acme',
        decision: 'kept',
        reason: 'The pilot showed the cameras meet the evidential standard in daily patrol use',
      },
      {
        option: 'Birch body-worn video with cloud evidence storage',
        supplierId: 'birch',
        decision: 'kept',
        reason: 'Meets the storage requirement and integrates with the existing case system',
      },
      {
        option: 'Build an in-house evidence store',
        decision: 'dropped',
        reason: 'No internal team could run and secure the storage at the volumes required',
      },
    ],
    incumbentSupplierId: 'acme',
    ...overrides,
  };
}

export const engagement = (
  engagementId: string,
  supplierId: string,
  kind: string,
  date: string,
  materials: { materialId: string; title: string }[] = [],
) => ({
  engagementId,
  kind,
  date,
  supplierId,
  peoplePresent: ['officer-alice', `${supplierId} account manager`],
  summary: `Walked ${supplierId} through the requirement and recorded its questions about evidence storage`,
  materials,
});

export const declared = (userId: DemoUserId, capacity: string) => ({
  userId,
  capacity,
  conflict: false,
  declaration: 'No financial or personal interest in any supplier of this market',
});

export async function openProcurement(api: RunningApi, overrides: Record<string, unknown> = {}) {
  const opened = expectStatus(
    await api.as('officer-alice').post('/procurements', procurementPlan(overrides)),
    201,
  );
  expect(opened).toMatchObject({ stage: 'planning', recorded: ['ProcurementOpened'] });
  return opened as { tenderId: string; position: string };
}

export const today = (api: RunningApi) => api.clock.now().toISOString().slice(0, 10);
export const codesOf = (body: any) =>
  (body.details?.violations ?? []).map((v: { code: string }) => v.code);
