export { CounterActor } from './counter.actor.js';
export { COUNTER_ACTOR_TYPE, type CounterActorContract, type CounterSnapshot } from './counter.contract.js';
export { CounterSchedules, CounterStateKeys } from './counter.state.js';
