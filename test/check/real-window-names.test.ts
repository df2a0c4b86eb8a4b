import { describe, expect, it } from "vitest";
import { checkSchema, type Finding } from "../../src/check/index.ts";
import { isLoopback } from "../../src/check/rules/insecure-url.ts";
import type { JsonObject } from "../../src/json/value.ts";

/** What published connector windows (Airbyte's specs among them) taught the secret and URL rules. */

const only = (findings: Finding[], rule: string) =>
  findings.filter((finding) => finding.rule === rule);
const flagged = (properties: JsonObject) =>
  only(checkSchema({ type: "object", properties }), "secret-not-write-only");

describe("secret-not-write-only on real windows' names", () => {
  it.each([
    ["credentials_json", "credential"],
    ["service_account_info", "service account key"],
    ["service_account_key", "service account key"],
    ["service_account_json", "service account key"],
    ["service_account", "service account key"],
    ["serviceAccountInfo", "service account key"],
    ["sasl_jaas_config", "JAAS config"],
    ["jaas_config", "JAAS config"],
    ["ssl_keystore_password", "password"],
    ["truststore_password", "password"],
    ["key_store_password", "password"],
  ])("%s is a secret (%s)", (key, term) => {
    const findings = flagged({ [key]: { type: "string" } });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain(`its key says "${term}"`);
  });

  it("reads a title too", () => {
    expect(
      flagged({ creds: { type: "string", title: "Service Account Information" } })[0]!.message,
    ).toContain('its title says "service account key"');
  });

  it.each([
    "header_key",
    "message_body_key",
    "partition_key",
    "tag_key",
    "primary_key",
    "cursor_key",
    "record_key",
    "stream_key",
    "join_key",
    "bucket_key",
    "label_key",
    "service_account_email",
    "credentials_title",
    "jaas_login_module",
  ])("%s is not a secret", (key) => {
    expect(flagged({ [key]: { type: "string" } })).toEqual([]);
  });

  it("keeps flagging the keys that are credentials", () => {
    for (const key of [
      "api_key",
      "access_key",
      "private_key",
      "encryption_key",
      "ssh_key",
      "account_key",
    ])
      expect(flagged({ [key]: { type: "string" } }), key).toHaveLength(1);
  });

  it("counts airbyte_secret as a marking, as writeOnly", () => {
    expect(
      flagged({
        credentials_json: { type: "string", airbyte_secret: true },
        password: { type: "string", airbyte_secret: true },
      }),
    ).toEqual([]);
    expect(flagged({ password: { type: "string", airbyte_secret: false } })).toHaveLength(1);
  });
});

describe("insecure-url and examples on this machine", () => {
  const urls = (field: JsonObject) =>
    only(checkSchema({ type: "object", properties: { url: field } }), "insecure-url").map(
      (finding) => finding.pointer,
    );

  it("does not warn about examples on localhost, 127.0.0.1 or ::1", () => {
    expect(
      urls({
        type: "string",
        examples: [
          "http://localhost:8080",
          "http://LOCALHOST/api",
          "http://127.0.0.1:9200",
          "http://127.1.2.3",
          "http://[::1]:3000/x",
          "http://api.localhost",
          "http://example.com",
        ],
      }),
    ).toEqual(["/properties/url/examples/6"]);
  });

  it("still warns about a localhost default, constant or choice, and about look-alikes", () => {
    expect(urls({ type: "string", default: "http://localhost:8080" })).toEqual([
      "/properties/url/default",
    ]);
    expect(
      urls({
        type: "string",
        examples: ["http://localhost.example.com", "http://127.0.0.1.nip.io", "http://[::2]"],
      }),
    ).toHaveLength(3);
  });

  it("isLoopback reads the host, not the text", () => {
    expect(isLoopback("http://user@localhost:1/")).toBe(true);
    expect(isLoopback("http://localhost@evil.example/")).toBe(false);
    expect(isLoopback("not a url")).toBe(false);
  });
});
