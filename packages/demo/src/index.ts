export type { DemoOptions } from './options';
export { readDemoOptions } from './options';
export { Random } from './random';
export type { SyncServiceOptions } from './sync-service';
export { SyncService } from './sync-service';
export type { Item } from './systems';
export { SourceSystem, TargetSystem } from './systems';
