import type { ClientBase } from 'pg';
import { isUniqueViolation } from './pg-errors.js';
import type { UserRepository } from '../app/ports.js';
import { emailTaken } from '../domain/identity-errors.js';
import type { User } from '../domain/user.js';

/** The unique index that decides a duplicate sign-up (migration 0001). */
export const USERS_EMAIL_INDEX = 'users_email_key';

interface UserRow {
  id: string;
  tenant_id: string;
  email: string;
  roles: string[];
  admin: boolean;
  created_at: Date;
}

const COLUMNS = 'id, tenant_id, email, roles, admin, created_at';

/** The repository on `client`, inside a `withTenant` transaction. */
export function userRepository(client: ClientBase): UserRepository {
  return {
    async insert(user) {
      try {
        await client.query(
          'INSERT INTO users (id, email, roles, admin, created_at) VALUES ($1, $2, $3, $4, $5)',
          [user.id, user.email, [...user.roles], user.admin, new Date(user.createdAt)],
        );
      } catch (error) {
        if (isUniqueViolation(error, USERS_EMAIL_INDEX)) throw emailTaken();
        throw error;
      }
    },
    async findById(id) {
      const result = await client.query<UserRow>(
        `SELECT ${COLUMNS} FROM users WHERE id = $1 AND deleted_at IS NULL`,
        [id],
      );
      return result.rows[0] && toUser(result.rows[0]);
    },
    async findByEmail(email) {
      const result = await client.query<UserRow>(
        `SELECT ${COLUMNS} FROM users WHERE email_key = lower($1) AND deleted_at IS NULL`,
        [email],
      );
      return result.rows[0] && toUser(result.rows[0]);
    },
    async setRoles(id, roles, admin) {
      const result = await client.query(
        'UPDATE users SET roles = $2, admin = $3 WHERE id = $1 AND deleted_at IS NULL',
        [id, [...roles], admin],
      );
      return result.rowCount === 1;
    },
    async markDeleted(id, now) {
      const result = await client.query(
        `UPDATE users SET deleted_at = $2, email = id::text || '@deleted.invalid', roles = '{}', admin = false
         WHERE id = $1 AND deleted_at IS NULL`,
        [id, new Date(now)],
      );
      return result.rowCount === 1;
    },
  };
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    email: row.email,
    roles: row.roles,
    admin: row.admin,
    createdAt: row.created_at.getTime(),
  };
}
