import apiKey from "../../../schemas/api-key.json";
import basic from "../../../schemas/basic-auth.json";
import bearer from "../../../schemas/bearer-token.json";
import connectionString from "../../../schemas/database-connection-string.json";
import oauth1 from "../../../schemas/oauth1.json";
import oauth2Code from "../../../schemas/oauth2-authorization-code.json";
import oauth2Client from "../../../schemas/oauth2-client-credentials.json";
import restAdapter from "../../../schemas/rest-adapter.json";
import sftp from "../../../schemas/sftp.json";
import type { JsonObject } from "../../json/value.ts";

/** The empty credential window a new blank design starts from. */
export const BLANK_SCHEMA: JsonObject = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "Credentials",
  type: "object",
  properties: {},
};

export interface DesignTemplate {
  /** The file's base name in schemas/. */
  readonly id: string;
  /** The template's title, which also names a design made from it. */
  readonly name: string;
  readonly schema: JsonObject;
}

const template = (id: string, schema: unknown): DesignTemplate => {
  const object = schema as JsonObject;
  return { id, name: typeof object.title === "string" ? object.title : id, schema: object };
};

/** The ready-made windows of schemas/, to start a new design from. */
export const DESIGN_TEMPLATES: readonly DesignTemplate[] = [
  template("rest-adapter", restAdapter),
  template("basic-auth", basic),
  template("api-key", apiKey),
  template("bearer-token", bearer),
  template("oauth1", oauth1),
  template("oauth2-authorization-code", oauth2Code),
  template("oauth2-client-credentials", oauth2Client),
  template("database-connection-string", connectionString),
  template("sftp", sftp),
];
