import type { ClientBase } from 'pg';
import type { CredentialRepository } from '../app/ports.js';

interface CredentialRow {
  user_id: string;
  password_hash: string;
  updated_at: Date;
}

export function credentialRepository(client: ClientBase): CredentialRepository {
  return {
    async insert({ userId, passwordHash, updatedAt }) {
      await client.query('INSERT INTO credentials (user_id, password_hash, updated_at) VALUES ($1, $2, $3)', [
        userId,
        passwordHash,
        new Date(updatedAt),
      ]);
    },
    async find(userId) {
      const result = await client.query<CredentialRow>(
        'SELECT user_id, password_hash, updated_at FROM credentials WHERE user_id = $1',
        [userId],
      );
      const row = result.rows[0];
      return (
        row && { userId: row.user_id, passwordHash: row.password_hash, updatedAt: row.updated_at.getTime() }
      );
    },
    async update({ userId, passwordHash, updatedAt }) {
      const result = await client.query(
        'UPDATE credentials SET password_hash = $2, updated_at = $3 WHERE user_id = $1',
        [userId, passwordHash, new Date(updatedAt)],
      );
      return result.rowCount === 1;
    },
    async remove(userId) {
      const result = await client.query('DELETE FROM credentials WHERE user_id = $1', [userId]);
      return result.rowCount === 1;
    },
  };
}
