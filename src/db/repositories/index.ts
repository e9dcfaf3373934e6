import type { Kysely } from 'kysely';
import type { Repositories } from '../../app/ports.ts';
import type { Database } from '../schema/index.ts';
import { createApiTokenRepository } from './api-tokens.ts';
import { createAuditRepository } from './audit.ts';
import { createCompanyRepository } from './companies.ts';
import { createInvitationRepository } from './invitations.ts';
import { createMarketRepository } from './market.ts';
import { createProfileRepository } from './profiles.ts';
import { createSessionRepository } from './sessions.ts';
import { createThrottleRepository } from './throttle.ts';
import { createUserRepository } from './users.ts';

export function createRepositories(db: Kysely<Database>): Repositories {
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
  };
}
