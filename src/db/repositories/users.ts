import type { Kysely } from 'kysely';
import type { UserRecord, UserRepository } from '../../app/auth/ports.ts';
import type { Database } from '../schema/index.ts';

type UserRow = Database['users'];
const toUser = (r: UserRow): UserRecord => ({
  id: r.id,
  email: r.email,
  name: r.name,
  passwordHash: r.password_hash,
  locale: r.locale === 'en' ? 'en' : 'zh-TW',
  disabledAt: r.disabled_at,
  createdAt: r.created_at,
});

export function createUserRepository(db: Kysely<Database>): UserRepository {
  return {
    async findByEmail(email) {
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', email.toLowerCase())
        .executeTakeFirst();
      return row ? toUser(row) : null;
    },
    async findById(id) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toUser(row) : null;
    },
    async create(u) {
      await db
        .insertInto('users')
        .values({
          id: u.id,
          email: u.email.toLowerCase(),
          name: u.name,
          password_hash: u.passwordHash,
          locale: u.locale,
          disabled_at: u.disabledAt,
          created_at: u.createdAt,
        })
        .execute();
    },
    async updatePasswordHash(id, hash) {
      await db.updateTable('users').set({ password_hash: hash }).where('id', '=', id).execute();
    },
    async update(id, patch) {
      const set: Partial<Pick<UserRow, 'name' | 'locale'>> = {};
      if (patch.name !== undefined) set.name = patch.name;
      if (patch.locale !== undefined) set.locale = patch.locale;
      if (Object.keys(set).length === 0) return;
      await db.updateTable('users').set(set).where('id', '=', id).execute();
    },
  };
}
