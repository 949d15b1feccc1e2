export { SyncService } from './sync-service';
export type { SyncServiceOptions } from './sync-service';
export { SourceSystem, TargetSystem } from './systems';
export type { Item } from './systems';
export { Random } from './random';
export { readDemoOptions } from './options';
export type { DemoOptions } from './options';
