import { describe, expect, it } from "vitest";
import { CORPUS, corpusFiles, isSecretSchema, sourcesRows, subschemas } from "./support/corpus.ts";

/**
 * The corpus itself: at least 60 real windows, each named in SOURCES.tsv with its repository,
 * path, commit and licence, and varied (databases, OAuth APIs, storage, queues, destinations;
 * spec.json, spec.yaml and manifest envelopes; secrets by airbyte_secret, fields in `order`).
 */

describe("the real-world corpus", () => {
  it("SOURCES.tsv names every file of the folder, once, with repository, path, commit and licence", () => {
    const rows = sourcesRows();
    expect(rows[0]).toEqual([
      "file",
      "repository",
      "path",
      "commit",
      "last_changed_in",
      "licence",
      "note",
    ]);
    const named = rows.slice(1).map((row) => row[0]!);
    expect([...named].sort()).toEqual(corpusFiles());
    expect(new Set(named).size).toBe(named.length);
    for (const row of rows.slice(1)) {
      const [file, repository, path, commit, lastChanged, licence] = row;
      expect(repository, file).toMatch(/^[\w.-]+\/[\w.-]+$/);
      expect(path, file).toMatch(/\.(json|ya?ml)$/);
      expect(commit, file).toMatch(/^[0-9a-f]{40}$/);
      expect(lastChanged, file).toMatch(/^[0-9a-f]{40}$/);
      expect(licence, file).toMatch(/^(MIT|Apache-2\.0)\b/);
    }
  });

  it("holds at least 60 windows, of every kind a connector developer brings", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(60);
    const named = (pattern: RegExp) => CORPUS.filter((entry) => pattern.test(entry.name)).length;
    expect(
      named(/(postgres|mysql|mssql|oracle|mongodb|db2|clickhouse|snowflake|redshift)/),
    ).toBeGreaterThanOrEqual(10);
    expect(named(/(s3|gcs|azure-blob|dynamodb|firestore|sftp)/)).toBeGreaterThanOrEqual(5);
    expect(named(/(kafka|kinesis|pulsar|pubsub|mqtt|sqs|rabbitmq)/)).toBeGreaterThanOrEqual(5);
    expect(named(/\/destination-/)).toBeGreaterThanOrEqual(20);
    const oauth = CORPUS.filter((entry) =>
      subschemas(entry.schema).some(
        ({ schema }) =>
          typeof schema.properties === "object" &&
          schema.properties !== null &&
          "client_id" in schema.properties &&
          ("client_secret" in schema.properties || "refresh_token" in schema.properties),
      ),
    );
    expect(oauth.length).toBeGreaterThanOrEqual(15);
    for (const format of ["json", "yaml"] as const)
      expect(CORPUS.filter((entry) => entry.format === format).length).toBeGreaterThan(0);
    for (const envelope of [
      "connectionSpecification",
      "spec.connectionSpecification",
      "spec.connection_specification",
    ] as const)
      expect(CORPUS.some((entry) => entry.envelope === envelope)).toBe(true);
  });

  it("marks secrets with airbyte_secret and orders fields with order, as Airbyte's windows do", () => {
    const keyword = (name: string) =>
      CORPUS.filter((entry) => subschemas(entry.schema).some(({ schema }) => name in schema))
        .length;
    expect(keyword("airbyte_secret")).toBeGreaterThanOrEqual(60);
    expect(keyword("order")).toBeGreaterThanOrEqual(30);
    for (const name of ["group", "multiline", "airbyte_hidden", "pattern_descriptor"])
      expect(keyword(name), name).toBeGreaterThan(0);
    expect(
      CORPUS.filter((entry) =>
        subschemas(entry.schema).some(({ schema }) => isSecretSchema(schema)),
      ).length,
    ).toBeGreaterThanOrEqual(60);
  });
});
