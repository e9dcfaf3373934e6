import type { SessionRepository, ThrottleRepository, UserRepository } from './auth/ports.ts';
import type { CompanyRepository, MarketRepository, ProfileRepository } from './company/ports.ts';
import type { CatalogStore, ExportSource } from './data/ports.ts';
import type { GoalRepository } from './goals/ports.ts';
import type { FileReader, ImportJobQueue, ImportStore, UploadStore } from './import/ports.ts';
import type { KpiRepository } from './kpi/ports.ts';
import type { PlanRepository } from './plan/ports.ts';
import type { ApiTokenRepository, AuditRepository, InvitationRepository } from './team/ports.ts';

/**
 * What every use case may touch: the repositories, the files of imports and the clock. Each area
 * declares its own ports (auth/, company/, team/, goals/, import/, kpi/, data/ports.ts); db/runtime.ts
 * builds the one AppContext that the server and the CLI share.
 */

export interface Clock {
  now(): Date;
}

export interface Repositories {
  users: UserRepository;
  companies: CompanyRepository;
  profiles: ProfileRepository;
  market: MarketRepository;
  invitations: InvitationRepository;
  sessions: SessionRepository;
  apiTokens: ApiTokenRepository;
  throttle: ThrottleRepository;
  audit: AuditRepository;
  imports: ImportStore;
  kpi: KpiRepository;
  catalog: CatalogStore;
  exports: ExportSource;
  goals: GoalRepository;
  plans: PlanRepository;
}

/** Files of imports: the reader, uploads waiting on disk, and the background jobs that import them. */
export interface ImportFiles {
  reader: FileReader;
  uploads: UploadStore;
  jobs: ImportJobQueue;
  /** Largest file accepted, in bytes. */
  maxUploadBytes: number;
}

/** Everything a use case may touch. */
export interface AppContext {
  repos: Repositories;
  files: ImportFiles;
  clock: Clock;
}
