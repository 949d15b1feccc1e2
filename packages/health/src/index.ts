export { CHECK_DEFAULTS } from './check/registry';
export type {
  CheckFunction,
  CheckKind,
  CheckOptions,
  CheckOutcome,
  CheckResult,
  CheckStatus,
} from './check/types';
export type { DiskSpaceCheckOptions } from './checks/disk';
export { diskSpaceCheck } from './checks/disk';
export type { DnsCheckOptions } from './checks/dns';
export { dnsCheck } from './checks/dns';
export type { EventLoopDelayCheckOptions } from './checks/event-loop';
export { eventLoopDelayCheck } from './checks/event-loop';
export type { HeapCheckOptions } from './checks/heap';
export { heapCheck } from './checks/heap';
export type { HttpCheckOptions } from './checks/http';
export { httpCheck } from './checks/http';
export type { LastSuccessCheckOptions } from './checks/last-success';
export { lastSuccessCheck } from './checks/last-success';
export type { ReconfigurableCheck } from './checks/reconfigurable';
export { isReconfigurable } from './checks/reconfigurable';
export type { TcpCheckOptions } from './checks/tcp';
export { tcpCheck } from './checks/tcp';
export type { Health } from './health';
export { startHealth } from './health';
export type { LifecycleState } from './lifecycle/lifecycle';
export type { ShutdownHook, ShutdownResult } from './lifecycle/shutdown';
export type { HealthOptions } from './options';
export type { HealthJsonBody, HealthJsonCheck } from './report/health-json';
export type { HealthReport, ProbeName } from './report/report';
export type { StatusCheck, StatusModel, StatusSection } from './status/status-service';
