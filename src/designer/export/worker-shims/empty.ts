/**
 * Stands in, in the export worker, for modules json-schema-to-typescript imports but never calls
 * on the exporter's path: `fs` (compileFromFile), `prettier`'s Node entry (the exporter formats
 * with prettier/standalone itself, `format: false`), `tinyglobby` (its CLI) and `cli-color`
 * (its VERBOSE logging). Any use would be a bug, so reading anything from it gives undefined.
 */
export default {};
