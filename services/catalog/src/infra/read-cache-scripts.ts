/**
 * Lua scripts of the Redis read cache (adr/0017), each atomic. Keys share the `{<tenant>}` hash tag, so a
 * script's keys live in one slot of a Redis Cluster.
 *
 * entry  `catalog:{t}:product:v2:<id>`  hash { seq, json }, expires after the entry TTL
 * floor  `catalog:{t}:floor:<id>`    the highest change sequence known to be committed
 * lists  `catalog:{t}:lists`         the list generation (INCR on every content change)
 * inbox  `catalog:{t}:inbox:<event>` event ids already applied (consumer deduplication)
 */

/** KEYS entry, floor; ARGV minSequence → {'hit', json} | {'stale'} | {'miss'}. */
export const GET_PRODUCT = `
local e = redis.call('HMGET', KEYS[1], 'seq', 'json')
if not e[1] then return {'miss'} end
local seq = tonumber(e[1])
local floor = tonumber(redis.call('GET', KEYS[2]) or '0')
if seq < floor or seq < tonumber(ARGV[1]) then return {'stale'} end
return {'hit', e[2]}`;

/** KEYS entry, floor; ARGV sequence, json, ttlMs → 1 stored | 0 refused (older than the floor or the entry). */
export const PUT_PRODUCT = `
local seq = tonumber(ARGV[1])
if seq < tonumber(redis.call('GET', KEYS[2]) or '0') then return 0 end
local cur = redis.call('HGET', KEYS[1], 'seq')
if cur and tonumber(cur) >= seq then return 0 end
redis.call('HSET', KEYS[1], 'seq', ARGV[1], 'json', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1`;

/**
 * KEYS entry, floor, lists, inbox; ARGV sequence, listsChanged (1/0), floorTtlMs, inboxTtlMs, useInbox (1/0)
 * → 'duplicate' (event id seen) | 'already-applied' (floor ≥ sequence) | 'applied' (floor raised, older
 * entry dropped, list generation bumped when asked).
 */
export const APPLY_CHANGE = `
if ARGV[5] == '1' then
  if not redis.call('SET', KEYS[4], '1', 'NX', 'PX', ARGV[4]) then return 'duplicate' end
end
local seq = tonumber(ARGV[1])
if seq <= tonumber(redis.call('GET', KEYS[2]) or '0') then return 'already-applied' end
redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[3])
local cur = redis.call('HGET', KEYS[1], 'seq')
if cur and tonumber(cur) < seq then redis.call('DEL', KEYS[1]) end
if ARGV[2] == '1' then redis.call('INCR', KEYS[3]) end
return 'applied'`;
