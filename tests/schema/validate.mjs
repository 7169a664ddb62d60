// Usage: node validate.mjs <schema.json> < documents.json
//
// Reads a JSON array of documents from stdin, validates each against the schema
// and prints {"results":[{"valid":bool,"errors":["<instancePath> <message>"]}]}.
// Exit code 0 means every document was checked, whatever the outcome; a schema
// that cannot be compiled or input that is not a JSON array exits 1 with the
// reason on stderr, so the C# caller can tell a broken setup from invalid data.
//
// The schemas are official files kept verbatim, so this script adapts to them
// rather than editing them:
// - The draft is chosen from the schema's own "$schema": ajv 8 has no draft-04
//   support of its own (the Teams manifest schema), hence ajv-draft-04, and it
//   knows draft-06 (Adaptive Cards) only once that meta-schema is added.
// - A $ref to a remote URL is loaded from the file of the same name beside the
//   schema. Tests have no network, and the copies kept there are the files
//   those URLs name (the Slack dispatcher refers to its 1.0.0 and 2.0.0 schemas
//   by GitHub URL). This needs no extra argument, so callers pass one path for
//   every schema.
import { readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { createRequire } from "node:module";
import Ajv from "ajv";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";

const require = createRequire(import.meta.url);
const draft06MetaSchema = require("ajv/dist/refs/json-schema-draft-06.json");

function fail(message) {
  process.stderr.write(`validate.mjs: ${message}\n`);
  process.exit(1);
}

function readJson(path) {
  return JSON.parse(readFileSync(path, "utf8"));
}

// The Adaptive Cards 1.6.0 schema still carries draft-03 style `"required": false`
// on two non-object properties. ajv refuses a non-array `required`, and there it
// could never apply anyway (`required` only constrains objects), so it is dropped.
function dropBooleanRequired(node) {
  if (Array.isArray(node)) {
    node.forEach(dropBooleanRequired);
  } else if (node !== null && typeof node === "object") {
    if (typeof node.required === "boolean") delete node.required;
    Object.values(node).forEach(dropBooleanRequired);
  }
}

function createAjv(schema, schemaDir) {
  const options = {
    allErrors: true,
    // Strict mode lints schema authoring (types beside keywords, unknown keywords);
    // third-party schemas fail those lints while being valid JSON Schema.
    strict: false,
    loadSchema: async (uri) => {
      const localCopy = join(schemaDir, basename(new URL(uri).pathname));
      try {
        return readJson(localCopy);
      } catch (error) {
        throw new Error(`no usable local copy of ${uri} at ${localCopy}: ${error.message}`);
      }
    },
  };
  const draft = String(schema.$schema ?? "");
  let ajv;
  if (draft.includes("draft-04")) {
    ajv = new AjvDraft04(options);
  } else {
    ajv = new Ajv(options);
    if (draft.includes("draft-06")) {
      ajv.addMetaSchema(draft06MetaSchema);
      // Draft-06 renamed `id` to `$id`, so an `id` left in a draft-06 schema (the
      // Adaptive Cards ones have it) is an unknown keyword to ignore. ajv 8
      // instead throws on `id`, so its handler is removed.
      ajv.removeKeyword("id");
    }
  }
  addFormats(ajv);
  return ajv;
}

function describe(error) {
  // ajv's message alone does not say which property was unexpected.
  const extra = error.params?.additionalProperty;
  const message = extra === undefined ? error.message : `${error.message} '${extra}'`;
  return `${error.instancePath || "/"} ${message}`;
}

async function main() {
  const schemaPath = process.argv[2];
  if (!schemaPath) fail("usage: node validate.mjs <schema.json> < documents.json");

  let schema;
  try {
    schema = readJson(schemaPath);
  } catch (error) {
    fail(`cannot read schema ${schemaPath}: ${error.message}`);
  }
  dropBooleanRequired(schema);

  let validate;
  try {
    validate = await createAjv(schema, dirname(schemaPath)).compileAsync(schema);
  } catch (error) {
    fail(`cannot compile schema ${schemaPath}: ${error.message}`);
  }

  let documents;
  try {
    documents = JSON.parse(readFileSync(0, "utf8"));
  } catch (error) {
    fail(`stdin is not JSON: ${error.message}`);
  }
  if (!Array.isArray(documents)) fail("stdin must be a JSON array of documents");

  const results = documents.map((document) => {
    const valid = validate(document);
    // allErrors reports the same failure once per anyOf/oneOf branch that saw it.
    const errors = valid ? [] : [...new Set(validate.errors.map(describe))];
    return { valid, errors };
  });
  process.stdout.write(JSON.stringify({ results }) + "\n");
}

await main();
