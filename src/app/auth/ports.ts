/** Ports of accounts and sessions: users, sessions and the login throttle. db/repositories implements them. */

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  locale: 'zh-TW' | 'en';
  disabledAt: string | null;
  createdAt: string;
}

export interface UserRepository {
  findByEmail(email: string): Promise<UserRecord | null>;
  findById(id: string): Promise<UserRecord | null>;
  create(user: UserRecord): Promise<void>;
  updatePasswordHash(id: string, hash: string): Promise<void>;
  update(id: string, patch: { name?: string; locale?: 'zh-TW' | 'en' }): Promise<void>;
}

export interface SessionRecord {
  idHash: string;
  userId: string;
  currentCompanyId: string | null;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

export interface SessionRepository {
  create(session: SessionRecord): Promise<void>;
  findByHash(idHash: string): Promise<SessionRecord | null>;
  touch(idHash: string, at: string): Promise<void>;
  setCurrentCompany(idHash: string, companyId: string | null): Promise<void>;
  delete(idHash: string): Promise<void>;
  deleteAllForUser(userId: string, exceptHash?: string): Promise<void>;
  deleteExpired(now: string): Promise<number>;
}

export interface ThrottleRecord {
  failures: number;
  windowStart: string;
  lockedUntil: string | null;
}
export interface ThrottleRepository {
  get(key: string): Promise<ThrottleRecord | null>;
  put(key: string, record: ThrottleRecord): Promise<void>;
  clear(key: string): Promise<void>;
}
