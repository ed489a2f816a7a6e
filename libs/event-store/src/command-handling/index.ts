export { derivedEventId } from './derived-event-id';
export {
  handleCommand,
  type CommandDecider,
  type CommandHandling,
  type CommandOutcome,
  type UnstoredEvent,
} from './handle-command';
