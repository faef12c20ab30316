import {
  createDaprGrpcClient,
  DomainError,
  ErrorKind,
  isDomainError,
  type BaseConfig,
} from '@shopstream/service-defaults';
import {
  CatalogServiceClient,
  StockOperation,
  type UpdateStockRequest,
  type UpdateStockResponse,
} from '@shopstream/proto/catalog/v1/catalog_service.js';
import type { ServiceCredentials, StockReservations } from '../app/ports.js';
import type { CheckoutLine } from '../domain/checkout.js';
import { callUnary, withServiceToken } from './grpc-unary.js';

/** UpdateStock's advised deadline (2 s), with room for the sidecar hops on a busy machine. */
const DEADLINE_MS = 4_000;

/** Catalog's business answers, in the orders service's words (the saga does not retry them). */
const TRANSLATED: Readonly<Record<string, string>> = {
  'Catalog.InsufficientStock': 'Orders.InsufficientStock',
  'Catalog.ReservationReleased': 'Orders.ReservationReleased',
};

function translated(error: unknown): unknown {
  if (!isDomainError(error)) return error;
  const code = TRANSLATED[error.code];
  if (code === undefined) return error;
  return new DomainError(ErrorKind.Conflict, code, error.message, { cause: error });
}

/** Stock reservations (reserve, release, sell) through catalog `UpdateStock` on the local sidecar, with this service's identity. */
export function catalogStock(
  config: Pick<BaseConfig, 'DAPR_GRPC_PORT' | 'DAPR_API_TOKEN'>,
  credentials: ServiceCredentials,
): { stock: StockReservations; close: () => void } {
  const client = createDaprGrpcClient(CatalogServiceClient, 'catalog', config);
  const update = async (tenantId: string, key: string, line: CheckoutLine, operation: StockOperation) => {
    const request: UpdateStockRequest = {
      idempotencyKey: key,
      operation,
      skuId: line.skuId,
      region: line.region,
      quantity: String(line.quantity),
    };
    try {
      await withServiceToken(credentials, tenantId, (token) =>
        callUnary<UpdateStockRequest, UpdateStockResponse>(
          'Catalog',
          client.updateStock.bind(client),
          request,
          token,
          DEADLINE_MS,
        ),
      );
    } catch (error) {
      throw translated(error);
    }
  };
  return {
    stock: {
      reserve: (tenantId, key, line) => update(tenantId, key, line, StockOperation.STOCK_OPERATION_RESERVE),
      release: (tenantId, key, line) => update(tenantId, key, line, StockOperation.STOCK_OPERATION_RELEASE),
      sell: (tenantId, key, line) => update(tenantId, key, line, StockOperation.STOCK_OPERATION_SELL),
    },
    close: () => client.close(),
  };
}
