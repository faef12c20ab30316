import type { ClientBase } from 'pg';
import { DomainError, ErrorKind } from '@shopstream/service-defaults';
import { isUniqueViolation } from './pg-errors.js';

export interface User {
  readonly id: string;
  readonly tenantId: string;
  /** As typed at sign-up (domain lower-cased). Personal data: never log it. */
  readonly email: string;
  readonly roles: readonly string[];
  readonly admin: boolean;
  /** Epoch milliseconds. */
  readonly createdAt: number;
}

export interface NewUser {
  readonly id: string;
  readonly email: string;
  readonly roles: readonly string[];
  readonly admin: boolean;
  readonly createdAt: number;
}

/** Users of the transaction's tenant (row-level security); deleted users are invisible. */
export interface UserRepository {
  /** Throws `DomainError(Conflict, 'Identity.EmailTaken')` when the email (case-folded) is already used. */
  insert(user: NewUser): Promise<void>;
  findById(id: string): Promise<User | undefined>;
  /** Case-insensitive on the whole address. */
  findByEmail(email: string): Promise<User | undefined>;
  /** Replaces the user's roles and admin flag; false when there is no such (live) user. */
  setRoles(id: string, roles: readonly string[], admin: boolean): Promise<boolean>;
  /**
   * Deletes the account: the row stays as a tombstone (id, tenant, deleted_at) so events and references
   * resolve, but the email is replaced by `<id>@deleted.invalid` (no personal data left, the address is
   * free for a new sign-up) and roles are cleared. False when there is no such (live) user.
   */
  markDeleted(id: string, now: number): Promise<boolean>;
}

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

export function emailTaken(): DomainError {
  return new DomainError(
    ErrorKind.Conflict,
    'Identity.EmailTaken',
    'An account with this email address already exists.',
    { fields: [{ field: 'email', detail: 'is already registered' }] },
  );
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
