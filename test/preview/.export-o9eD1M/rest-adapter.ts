// Types generated from rest-adapter.schema.json by credential-designer. Do not edit: change the schema and export again.

/**
 * REST API
 *
 * A REST API reached over https, with a choice of authentication method.
 */
export interface RESTAPI {
  /**
   * Base URL
   *
   * The URL that every request path is appended to.
   */
  baseUrl: string;
  auth: Authentication;
  /**
   * Timeout (seconds)
   *
   * How long to wait for a response before giving up.
   *
   * @default 30
   */
  timeoutSeconds?: number;
}

/**
 * Authentication
 *
 * How the connector proves its identity to the API.
 */
export type Authentication = None | Basic | OAuth10A | OAuth20;

/**
 * None
 */
export interface None {
  /**
   * None
   */
  type: "none";
}

/**
 * Basic
 */
export interface Basic {
  /**
   * Basic
   */
  type: "basic";
  /**
   * Username
   *
   * The account to sign in as. It cannot contain a colon.
   */
  username: string;
  /**
   * Password
   *
   * The password of that account.
   *
   * Secret: write-only; never log or persist it.
   */
  password: string;
}

/**
 * OAuth 1.0a
 */
export interface OAuth10A {
  /**
   * OAuth 1.0a
   */
  type: "oauth1";
  /**
   * Consumer key
   *
   * Identifies the app; issued with the consumer secret.
   *
   * Secret: write-only; never log or persist it.
   */
  consumerKey: string;
  /**
   * Consumer secret
   *
   * The secret issued with the consumer key.
   *
   * Secret: write-only; never log or persist it.
   */
  consumerSecret: string;
  /**
   * Access token
   *
   * The access token of the user. Leave empty for two-legged OAuth.
   *
   * Secret: write-only; never log or persist it.
   */
  token?: string;
  /**
   * Access token secret
   *
   * The secret issued with the access token.
   *
   * Secret: write-only; never log or persist it.
   */
  tokenSecret?: string;
  /**
   * Signature method
   *
   * How requests are signed.
   *
   * Choices: "HMAC-SHA1" (HMAC-SHA1), "HMAC-SHA256" (HMAC-SHA256), "PLAINTEXT" (Plain text)
   *
   * @default "HMAC-SHA1"
   */
  signatureMethod: "HMAC-SHA1" | "HMAC-SHA256" | "PLAINTEXT";
}

/**
 * OAuth 2.0
 */
export interface OAuth20 {
  /**
   * OAuth 2.0
   */
  type: "oauth2";
  /**
   * Grant type
   *
   * Authorization code when a user signs in and grants access; client credentials when the connector acts as an app.
   *
   * Choices: "authorization_code" (Authorization code), "client_credentials" (Client credentials)
   *
   * @default "authorization_code"
   */
  grantType: "authorization_code" | "client_credentials";
  /**
   * Authorization URL
   *
   * Where the user is sent to sign in (authorization code only).
   */
  authorizationUrl?: string;
  /**
   * Token URL
   *
   * Where codes and client credentials are exchanged for access tokens.
   */
  tokenUrl: string;
  /**
   * Client ID
   *
   * The identifier of the app registered with the service.
   */
  clientId: string;
  /**
   * Client secret
   *
   * The secret of the registered app.
   *
   * Secret: write-only; never log or persist it.
   */
  clientSecret?: string;
  /**
   * Scopes
   *
   * The permissions to request.
   *
   * Items: Scope
   */
  scopes?: string[];
  /**
   * Use PKCE
   *
   * Protect the authorization code with PKCE (S256). Leave on unless the service rejects it.
   *
   * @default true
   */
  pkce?: boolean;
}
