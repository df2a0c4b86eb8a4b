// Types generated from sftp.schema.json by credential-designer. Do not edit: change the schema and export again.

/**
 * SFTP
 *
 * A server reached over SSH File Transfer Protocol, signing in with a password or a private key.
 */
export interface SFTP {
  /**
   * Host
   *
   * The server's host name.
   */
  host: string;
  /**
   * Port
   *
   * The SSH port of the server.
   *
   * @default 22
   */
  port: number;
  /**
   * Username
   *
   * The account to sign in as.
   */
  username: string;
  auth: Authentication;
  /**
   * Host key fingerprint
   *
   * The SHA-256 fingerprint of the server's host key, as printed by ssh-keygen -lf. When set, the connection is refused if the server presents another key.
   */
  hostKeyFingerprint?: string;
  /**
   * Directory
   *
   * The directory to work in, as an absolute path on the server.
   *
   * @default "/"
   */
  directory?: string;
}

/**
 * Authentication
 *
 * How to prove the identity of the account.
 */
export type Authentication = Password | PrivateKey;

/**
 * Password
 */
export interface Password {
  /**
   * Password
   */
  type: "password";
  /**
   * Password
   *
   * The password of the account.
   *
   * Secret: write-only; never log or persist it.
   */
  password: string;
}

/**
 * Private key
 */
export interface PrivateKey {
  /**
   * Private key
   */
  type: "privateKey";
  /**
   * Private key (PEM)
   *
   * The SSH private key in PEM or OpenSSH format, including the BEGIN and END lines.
   *
   * Secret: write-only; never log or persist it.
   */
  privateKey: string;
  /**
   * Passphrase
   *
   * The passphrase that decrypts the private key. Leave empty if the key is not encrypted.
   *
   * Secret: write-only; never log or persist it.
   */
  passphrase?: string;
}
