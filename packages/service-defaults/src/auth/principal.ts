/** The authenticated caller of a request, taken from a verified access token. */
export interface Principal {
  readonly userId: string;
  readonly tenantId: string;
  readonly roles: readonly string[];
  readonly admin: boolean;
  /** The session (refresh family) the token was issued for, when it belongs to one. */
  readonly sessionId?: string;
  /**
   * Set on service tokens only: the service client (e.g. `orders`) that obtained the token with its client
   * credentials; `userId` is then `service:<clientId>` (adr/0065).
   */
  readonly clientId?: string;
  /** The token's `jti`: lets a service log or deny-list one token without its contents. */
  readonly tokenId: string;
}
