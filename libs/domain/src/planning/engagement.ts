import { DomainError } from '../shared/domain-error';
import {
  ENGAGEMENT_KINDS,
  type EngagementMaterialShared,
  type EngagementNoticePublished,
  type SupplierEngagementRecorded,
} from '../tender/events/planning';
import type { TenderState } from '../tender/state';
import type { Command } from './commands';
import { requirePlanning } from './guards';
import { invalid, requireDate, requireSubstantive } from './validate-plan';

/** The UK2 preliminary market engagement notice (PA 2023 s.17(1)(a); Procurement Regulations 2024 reg. 17). */
export function publishEngagementNotice(
  command: Command<'PublishEngagementNotice'>,
  state: TenderState,
): [EngagementNoticePublished] {
  requirePlanning(state, command.actor, 'publish a preliminary market engagement notice');
  return [
    {
      type: 'EngagementNoticePublished',
      data: {
        description: requireSubstantive(command.description, 'description'),
        closesOn: requireDate(command.closesOn, 'closesOn'),
        publishedBy: command.actor.userId,
        publishedAt: command.now.toISOString(),
      },
    },
  ];
}

/**
 * One contact with one supplier (PA 2023 s.16(1)): date, supplier, people present, summary and the
 * material shown. The same id with the same content is a retry; with other content, refused.
 */
export function recordSupplierEngagement(
  command: Command<'RecordSupplierEngagement'>,
  state: TenderState,
): SupplierEngagementRecorded[] {
  const tender = requirePlanning(state, command.actor, 'record a supplier engagement');
  const { engagementId, kind, supplierId, peoplePresent, materials } = command;
  if (typeof engagementId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(engagementId)) {
    throw invalid('engagementId', 'engagementId may hold only letters, digits, - and _');
  }
  if (!(ENGAGEMENT_KINDS as readonly string[]).includes(kind)) {
    throw invalid('kind', `kind must be one of ${ENGAGEMENT_KINDS.join(', ')}`);
  }
  if (typeof supplierId !== 'string' || supplierId.trim() === '') {
    throw invalid('supplierId', 'an engagement names its supplier');
  }
  if (
    !Array.isArray(peoplePresent) ||
    peoplePresent.length === 0 ||
    !peoplePresent.every((person) => typeof person === 'string' && person.trim() !== '')
  ) {
    throw invalid('peoplePresent', 'name everyone present');
  }
  const date = requireDate(command.date, 'date');
  if (date > command.now.toISOString().slice(0, 10)) {
    throw invalid('date', 'an engagement is recorded once it has taken place');
  }
  const summary = requireSubstantive(command.summary, 'summary');
  const checkedMaterials = (materials ?? []).map((material, index) => {
    if (
      typeof material?.materialId !== 'string' ||
      !/^[A-Za-z0-9_-]{1,64}$/.test(material.materialId)
    ) {
      throw invalid(
        `materials[${index}].materialId`,
        'materialId may hold only letters, digits, - and _',
      );
    }
    if (typeof material.title !== 'string' || material.title.trim() === '') {
      throw invalid(`materials[${index}].title`, 'each material has a title');
    }
    return { materialId: material.materialId, title: material.title.trim() };
  });
  const data = {
    engagementId,
    kind,
    date,
    supplierId,
    peoplePresent: peoplePresent.map((person) => person.trim()),
    summary,
    materials: checkedMaterials,
  };
  const earlier = tender.planning.engagements.find((e) => e.engagementId === engagementId);
  if (earlier) {
    const { recordedBy: _by, recordedAt: _at, ...content } = earlier;
    if (JSON.stringify(content) === JSON.stringify(data)) return [];
    throw new DomainError(
      'ENGAGEMENT_ID_REUSED',
      `Engagement ${engagementId} is already recorded`,
      {
        engagementId,
      },
    );
  }
  return [
    {
      type: 'SupplierEngagementRecorded',
      data: { ...data, recordedBy: command.actor.userId, recordedAt: command.now.toISOString() },
    },
  ];
}

/** Material shown in engagement made available to every supplier (PA 2023 s.16(3); equal treatment s.12(2)). */
export function shareEngagementMaterial(
  command: Command<'ShareEngagementMaterial'>,
  state: TenderState,
): EngagementMaterialShared[] {
  const tender = requirePlanning(state, command.actor, 'share engagement material');
  const { materialId } = command;
  const shown = tender.planning.engagements.some((e) =>
    e.materials.some((m) => m.materialId === materialId),
  );
  if (!shown) {
    throw new DomainError('MATERIAL_NOT_FOUND', `No engagement showed material ${materialId}`, {
      materialId,
    });
  }
  if (Object.hasOwn(tender.planning.sharedMaterials, materialId)) return [];
  return [
    {
      type: 'EngagementMaterialShared',
      data: {
        materialId,
        how: requireSubstantive(command.how, 'how'),
        sharedBy: command.actor.userId,
        sharedAt: command.now.toISOString(),
      },
    },
  ];
}
