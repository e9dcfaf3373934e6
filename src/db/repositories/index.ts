import type { Kysely } from 'kysely';
import type { Repositories } from '../../app/ports.ts';
import { createCatalogStore } from '../imports/catalog-store.ts';
import { createExportSource } from '../imports/export-source.ts';
import { createKpiRepository } from '../kpi/kpi-repository.ts';
import type { Database } from '../schema/index.ts';
import { createApiTokenRepository } from './api-tokens.ts';
import { createAuditRepository } from './audit.ts';
import { createCompanyRepository } from './companies.ts';
import { createGoalRepository } from './goals.ts';
import { createInvitationRepository } from './invitations.ts';
import { createMarketRepository } from './market.ts';
import { createPlanRepository } from './plans.ts';
import { createProfileRepository } from './profiles.ts';
import { createSessionRepository } from './sessions.ts';
import { createThrottleRepository } from './throttle.ts';
import { createUserRepository } from './users.ts';

/** The repositories over one database; `imports` needs the dialect's own connection, so the runtime passes it. */
export function createRepositories(db: Kysely<Database>, extra: Pick<Repositories, 'imports'>): Repositories {
  return {
    users: createUserRepository(db),
    companies: createCompanyRepository(db),
    profiles: createProfileRepository(db),
    market: createMarketRepository(db),
    invitations: createInvitationRepository(db),
    sessions: createSessionRepository(db),
    apiTokens: createApiTokenRepository(db),
    throttle: createThrottleRepository(db),
    audit: createAuditRepository(db),
    kpi: createKpiRepository(db),
    catalog: createCatalogStore(db),
    exports: createExportSource(db),
    goals: createGoalRepository(db),
    plans: createPlanRepository(db),
    ...extra,
  };
}
