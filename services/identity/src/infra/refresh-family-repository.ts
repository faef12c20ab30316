import type { ClientBase } from 'pg';
import type { RefreshFamily, RevocationReason } from '../domain/refresh-family.js';
import type { RefreshFamilyRepository } from '../app/ports.js';

interface FamilyRow {
  tenant_id: string;
  family_id: string;
  user_id: string;
  session_id: string;
  generation: number;
  current_hash: string;
  previous_hash: string | null;
  previous_rotated_at: Date | null;
  previous_sealed_successor: string | null;
  used_hashes: string[];
  revoked: boolean;
  revoked_at: Date | null;
  revoked_reason: RevocationReason | null;
  created_at: Date;
  last_used_at: Date;
  expires_at: Date;
}

// Revocation drops the sealed successor, as revokeRefreshFamily does.
const REVOKE_SET = `revoked = true, revoked_at = $2, revoked_reason = $3,
  previous_hash = NULL, previous_rotated_at = NULL, previous_sealed_successor = NULL`;

export function refreshFamilyRepository(client: ClientBase): RefreshFamilyRepository {
  return {
    async insert(family, device = {}) {
      await client.query(
        `INSERT INTO refresh_families (family_id, user_id, session_id, generation, current_hash,
           previous_hash, previous_rotated_at, previous_sealed_successor, used_hashes, revoked, revoked_at,
           revoked_reason, device_label, user_agent_hash, created_at, last_used_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
        [
          family.familyId,
          family.userId,
          family.sessionId,
          ...mutableColumns(family),
          device.deviceLabel ?? null,
          device.userAgentHash ?? null,
          new Date(family.createdAt),
          new Date(family.lastUsedAt),
          new Date(family.expiresAt),
        ],
      );
    },
    async find(familyId) {
      const result = await client.query<FamilyRow>('SELECT * FROM refresh_families WHERE family_id = $1', [
        familyId,
      ]);
      return result.rows[0] && toFamily(result.rows[0]);
    },
    async compareAndSet(familyId, expectedGeneration, next) {
      if (next.familyId !== familyId) throw new Error('compareAndSet: the next state is of another family');
      const result = await client.query(
        `UPDATE refresh_families SET generation = $3, current_hash = $4, previous_hash = $5,
           previous_rotated_at = $6, previous_sealed_successor = $7, used_hashes = $8, revoked = $9,
           revoked_at = $10, revoked_reason = $11, last_used_at = $12
         WHERE family_id = $1 AND generation = $2 AND NOT revoked`,
        [familyId, expectedGeneration, ...mutableColumns(next), new Date(next.lastUsedAt)],
      );
      return result.rowCount === 1;
    },
    async revoke(familyId, reason, now) {
      const result = await client.query(
        `UPDATE refresh_families SET ${REVOKE_SET} WHERE family_id = $1 AND NOT revoked`,
        [familyId, new Date(now), reason],
      );
      return result.rowCount === 1;
    },
    async revokeSession(userId, sessionId, reason, now) {
      const result = await client.query(
        `UPDATE refresh_families SET ${REVOKE_SET}
         WHERE user_id = $4 AND session_id = $1 AND NOT revoked`,
        [sessionId, new Date(now), reason, userId],
      );
      return (result.rowCount ?? 0) > 0;
    },
    async revokeAllOfUser(userId, reason, now, keepSessionId) {
      const result = await client.query<{ family_id: string }>(
        `UPDATE refresh_families SET ${REVOKE_SET}
         WHERE user_id = $1 AND NOT revoked AND session_id IS DISTINCT FROM $4
         RETURNING family_id`,
        [userId, new Date(now), reason, keepSessionId ?? null],
      );
      return result.rows.map((row) => row.family_id);
    },
    async listLive(userId, now) {
      const result = await client.query<{ family_id: string }>(
        `SELECT family_id FROM refresh_families
         WHERE user_id = $1 AND NOT revoked AND expires_at > $2 ORDER BY created_at, family_id`,
        [userId, new Date(now)],
      );
      return result.rows.map((row) => row.family_id);
    },
  };
}

/** generation … revoked_reason, in column order. */
function mutableColumns(family: RefreshFamily): unknown[] {
  return [
    family.generation,
    family.currentHash,
    family.previous?.hash ?? null,
    family.previous === undefined ? null : new Date(family.previous.rotatedAt),
    family.previous?.sealedSuccessor ?? null,
    [...family.usedHashes],
    family.revoked,
    family.revokedAt === undefined ? null : new Date(family.revokedAt),
    family.revokedReason ?? null,
  ];
}

function toFamily(row: FamilyRow): RefreshFamily {
  return {
    familyId: row.family_id,
    userId: row.user_id,
    tenantId: row.tenant_id,
    sessionId: row.session_id,
    generation: row.generation,
    currentHash: row.current_hash,
    ...(row.previous_hash !== null &&
    row.previous_rotated_at !== null &&
    row.previous_sealed_successor !== null
      ? {
          previous: {
            hash: row.previous_hash,
            rotatedAt: row.previous_rotated_at.getTime(),
            sealedSuccessor: row.previous_sealed_successor,
          },
        }
      : {}),
    usedHashes: row.used_hashes,
    revoked: row.revoked,
    ...(row.revoked_at === null ? {} : { revokedAt: row.revoked_at.getTime() }),
    ...(row.revoked_reason === null ? {} : { revokedReason: row.revoked_reason }),
    createdAt: row.created_at.getTime(),
    lastUsedAt: row.last_used_at.getTime(),
    expiresAt: row.expires_at.getTime(),
  };
}
