import { ORDER_STATE, type OrderStateName } from '../../lib/order-enums';

/**
 * The back office's order filters from the query string: a state (one of orders' names, lower case),
 * a date range (`from`, `to`: YYYY-MM-DD, UTC, `to` inclusive) and orders' page token. Invalid values
 * get a message and are left out of the request.
 */
export interface AdminOrdersQuery {
  readonly state: Lowercase<OrderStateName> | '';
  readonly from: string;
  readonly to: string;
  readonly pageToken: string;
  readonly errors: Partial<Record<'state' | 'from' | 'to', string>>;
  /** The ListOrders filter. */
  readonly states: number[];
  readonly createdAfter?: Date;
  readonly createdBefore?: Date;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const single = (v: string | string[] | undefined) => (typeof v === 'string' ? v.slice(0, 2_000) : '');

function day(value: string): Date | undefined {
  if (!DATE.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? undefined : date;
}

export function parseAdminOrdersQuery(
  params: Record<string, string | string[] | undefined>,
): AdminOrdersQuery {
  const errors: AdminOrdersQuery['errors'] = {};
  const rawState = single(params.state);
  const stateName = rawState.toUpperCase() as OrderStateName;
  const stateOk = rawState === '' || (stateName in ORDER_STATE && stateName !== 'UNSPECIFIED');
  if (!stateOk) errors.state = 'Choose a state from the list.';
  const from = single(params.from);
  const to = single(params.to);
  const after = from === '' ? undefined : day(from);
  const until = to === '' ? undefined : day(to);
  if (from !== '' && !after) errors.from = 'Enter a date as YYYY-MM-DD.';
  if (to !== '' && !until) errors.to = 'Enter a date as YYYY-MM-DD.';
  if (after && until && until < after) errors.to = 'The end date is before the start date.';
  const before = until ? new Date(until.getTime() + 24 * 60 * 60 * 1000) : undefined;
  return {
    state: stateOk ? (rawState.toLowerCase() as AdminOrdersQuery['state']) : '',
    from,
    to,
    pageToken: single(params.page),
    errors,
    states: stateOk && rawState !== '' ? [ORDER_STATE[stateName]] : [],
    ...(after && !errors.from ? { createdAfter: after } : {}),
    ...(before && !errors.to ? { createdBefore: before } : {}),
  };
}
