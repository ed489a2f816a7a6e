export { ProjectorModule } from './projector.module';
export { ProjectorAppModule } from './projector-app.module';
