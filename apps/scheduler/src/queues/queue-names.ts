/** BullMQ queues of the scheduler. Their keys live under SCHEDULER_QUEUE_PREFIX in Redis. */
export const DEADLINES_QUEUE = 'deadlines';
export const NOTIFICATIONS_QUEUE = 'notifications';
export const DOCUMENT_CLEANUP_QUEUE = 'document-cleanup';

/**
 * Job ids may hold a colon only as BullMQ's own `a:b:c` shape, so every part we did not make ourselves
 * is percent-encoded (a tender or organisation id could contain one).
 */
export const idPart = (value: string) => encodeURIComponent(value);
